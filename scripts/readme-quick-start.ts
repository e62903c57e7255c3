/**
 * Follows the README's quick start to the letter in an empty folder, so what a newcomer copies is
 * what CI ran: the files its code blocks name (by their first-line comment), then its `perfgate`
 * commands in order, with a slower `src/slugify.js` where the README says to edit it. Fails unless
 * the last command flags the bench as a regression.
 *
 *   tsx scripts/readme-quick-start.ts DIR PERFGATE...   (PERFGATE: how to call the CLI there,
 *                                                       e.g. `npx --no-install perfgate`)
 *
 * scripts/pack-smoke.sh runs it on the installed tarball; __tests__/docs/quick-start.test.ts on
 * dist/cli.js.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const SECTION = '## Quick start in your own project'

/** The project code the README's bench file imports: before and after "edit src/slugify.js". */
export const SLUGIFY = {
  // CommonJS, as in a project `npm init` made: the .mjs bench file imports it all the same.
  fast: `exports.slugify = function slugify(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
}
`,
  // Four times the work: a slowdown far beyond any noise of a loaded machine.
  slow: `exports.slugify = function slugify(text) {
  let slug = ''
  for (let i = 0; i < 4; i++) slug = text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
  return slug
}
`,
}

/** One step of the quick start: write a file, run a perfgate command, or edit the code. */
export type Step =
  | { kind: 'file'; path: string; content: string }
  | { kind: 'perfgate'; args: string[] }
  | { kind: 'edit'; line: string }

/** The quick start's steps, read from the README's code blocks in order. */
export function quickStartSteps(readme: string): Step[] {
  const start = readme.indexOf(`\n${SECTION}\n`)
  if (start < 0) throw new Error(`README.md has no "${SECTION}" section`)
  const end = readme.indexOf('\n## ', start + SECTION.length + 2)
  const section = readme.slice(start, end < 0 ? undefined : end)
  const steps: Step[] = []
  for (const [, lang, body] of section.matchAll(/\n```(\w*)\n([\s\S]*?)\n```/g)) {
    const named = /^(?:\/\/|#) ([\w./-]+\.(?:m?js|yml))\b/.exec(body)
    if ((lang === 'js' || lang === 'yaml') && named) {
      steps.push({ kind: 'file', path: named[1], content: `${body}\n` })
    } else if (lang === 'sh') {
      for (const line of body.split('\n')) {
        if (line.startsWith('npx perfgate '))
          steps.push({ kind: 'perfgate', args: line.slice('npx perfgate '.length).split(/\s+/) })
        else if (/^# .*edit src\/slugify\.js/.test(line)) steps.push({ kind: 'edit', line })
      }
    }
  }
  return steps
}

/** Runs the steps in `dir` with `perfgate` (a command and its first arguments); returns the last output. */
export function followQuickStart(readme: string, dir: string, perfgate: string[]): string {
  mkdirSync(path.join(dir, 'src'), { recursive: true })
  writeFileSync(path.join(dir, 'src/slugify.js'), SLUGIFY.fast)
  let output = ''
  for (const step of quickStartSteps(readme)) {
    if (step.kind === 'file') {
      mkdirSync(path.dirname(path.join(dir, step.path)), { recursive: true })
      writeFileSync(path.join(dir, step.path), step.content)
    } else if (step.kind === 'edit') {
      writeFileSync(path.join(dir, 'src/slugify.js'), SLUGIFY.slow)
    } else {
      const [command, ...first] = perfgate
      const run = spawnSync(command, [...first, ...step.args], { cwd: dir, encoding: 'utf8' })
      output = `${run.stdout}${run.stderr}`
      if (run.status !== 0)
        throw new Error(`perfgate ${step.args.join(' ')} exited ${run.status}:\n${output}`)
    }
  }
  return output
}

/** Whether the README's quick-start output says its bench regressed. */
export function flagsTheBench(output: string): boolean {
  return /^text\/slugifyTitle\s.*\bregression\b/m.test(output)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, ...perfgate] = process.argv.slice(2)
  if (!dir || perfgate.length === 0) {
    console.error('usage: tsx scripts/readme-quick-start.ts DIR PERFGATE...')
    process.exit(2)
  }
  const readme = readFileSync(
    path.join(path.dirname(fileURLToPath(import.meta.url)), '../README.md'),
    'utf8',
  )
  const output = followQuickStart(readme, dir, perfgate)
  if (!flagsTheBench(output)) {
    console.error(`the quick start's last run did not flag text/slugifyTitle:\n${output}`)
    process.exit(1)
  }
  console.log("ok: the README's quick start flags text/slugifyTitle")
}
