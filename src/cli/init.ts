/**
 * `perfgate init [DIR] [--force] [--dry-run]`: looks at a project, writes a perfgate.yml that runs
 * as written and a GitHub workflow, and prints the next two commands. Never overwrites a file
 * unless --force.
 */
import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { isRunnable, type Finding } from '../init/findings.js'
import { STARTER_BENCH } from '../init/config-text.js'
import { planInit, type InitPlan } from '../init/plan.js'
import { readProjectTree } from '../init/tree.js'

/** What the init command needs from its environment. */
export interface InitIo {
  env: Readonly<Record<string, string | undefined>>
  /** The script node runs (process.argv[1]), to print the next commands as the user ran this. */
  script?: string
  stdout(text: string): void
  stderr(text: string): void
}

/** One-line usage. */
export const INIT_USAGE = 'Usage: perfgate init [DIR] [--force] [--dry-run]'

/** The full help of `perfgate init --help`. */
export const INIT_HELP = `${INIT_USAGE}

Looks at the project in DIR (default: the current folder) and writes a perfgate.yml that runs as
written, plus .github/workflows/perfgate.yml. It finds *.bench.{js,ts} modules, tinybench and
vitest bench files, package.json bench scripts, Criterion benches (Cargo), Go benchmarks,
pytest-benchmark tests and SQL files (a commented sql example); with none of them, it writes a
starter bench, ${STARTER_BENCH}. Existing files are never overwritten without --force.
What it detects and writes: docs/init.md.

Options:
  --force                      overwrite files that exist
  -n, --dry-run                print what would be written; write nothing
  -h, --help                   show this help
`

/** One line per finding: the file(s) and what perfgate does with it. */
function describe(finding: Finding): string {
  switch (finding.kind) {
    case 'js-module':
      return `${finding.file}: js bench of ${finding.functions.length} exported function${finding.functions.length === 1 ? '' : 's'}`
    case 'tinybench-script':
      return finding.output
        ? `${finding.file}: tinybench script, its ${finding.output} imported`
        : `${finding.file}: tinybench script writing no results file (commented; see the note)`
    case 'vitest':
      return `${finding.files.length} vitest bench file${finding.files.length === 1 ? '' : 's'}: imported from vitest bench --outputJson`
    case 'npm-script':
      return `package.json script "${finding.name}": a commented command bench`
    case 'criterion':
      return `${finding.dir || '.'}/Cargo.toml: Criterion benches ${finding.benches.join(', ')}, imported after cargo bench`
    case 'go':
      return `${finding.dir || '.'}/go.mod: Go benchmarks in ${finding.packages.join(', ')}, imported from go test -bench`
    case 'pytest-benchmark':
      return `pytest-benchmark${finding.testPaths.length > 0 ? ` tests in ${finding.testPaths.join(', ')}` : ''}: imported from --benchmark-json`
    case 'sql':
      return `SQL (${finding.migrationsDir ? `${finding.migrationsDir}/` : `${finding.files.length} file${finding.files.length === 1 ? '' : 's'}`}): a commented sql bench and a PostgreSQL service`
  }
}

/**
 * How the user runs perfgate, for the commands printed next: `perfgate` from an installed bin,
 * `npx perfgate` under npx, else `node <the script>` (a clone's dist/cli.js), relative to `cwd`
 * (the project folder, where the commands run) when that is shorter.
 */
export function invocation(
  script: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): string {
  // npx sets these for the command it runs (and its children: perfgate run by `npx jest` is not).
  if (env.npm_command === 'exec' && /^'?perfgate\b/.test(env.npm_lifecycle_script ?? '')) {
    return 'npx perfgate'
  }
  if (script === undefined || path.basename(script) === 'perfgate') return 'perfgate'
  const relative = path.relative(cwd, script)
  return `node ${relative.length < script.length ? relative : script}`
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`

/**
 * The report: what was found, the files (`verb`: Wrote, Would write; `onExisting` marks the files
 * that existed), the next two commands.
 */
function summary(
  plan: InitPlan,
  dir: string,
  perfgate: string,
  verb: string,
  existing: Set<string>,
  onExisting: string,
): string {
  const runnable = plan.findings.filter(isRunnable).length + (plan.starter ? 1 : 0)
  const suggested = plan.findings.filter((f) => !isRunnable(f)).length
  const found = plan.findings.map((f) => `  ${describe(f)}\n`).join('')
  const starter = plan.starter
    ? `${plan.findings.length === 0 ? 'Found no benchmarks' : 'Nothing found runs as it is'}: a starter bench to edit instead.\n`
    : ''
  const files = plan.files
    .map((file) => `${verb} ${file.path}${existing.has(file.path) ? ` (${onExisting})` : ''}\n`)
    .join('')
  const counts = `(${plural(runnable, 'bench entry', 'bench entries')} to run${suggested > 0 ? `, ${suggested} commented out to finish by hand` : ''})`
  const cd = dir === '.' ? '' : `cd ${dir}\n  `
  const ignore =
    plan.toIgnore.length > 0
      ? `\nAdd to .gitignore what perfgate run writes: ${plan.toIgnore.join(' ')}\n`
      : ''
  return `${found ? `Found:\n${found}` : ''}${starter}
${files}${counts}

Next:
  ${cd}${perfgate} run --save base        # measure now, keep the results as baseline "base"
  # change your code, then compare with it; a slowdown beyond 10% is flagged:
  ${perfgate} run --baseline base
${ignore}`
}

/** Runs the init command; returns the exit code (1 when a file exists, 2 for bad usage). */
export async function initCommand(args: string[], io: InitIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        force: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', short: 'n', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    })
  } catch (error) {
    // parseArgs' first sentence ("Unknown option '--x'"); the rest is about positionals.
    const message = (error as { message?: string }).message ?? String(error)
    io.stderr(`perfgate init: ${message.split('. ')[0]}\n${INIT_USAGE}\n`)
    return 2
  }
  const { values, positionals } = parsed
  if (values.help) {
    io.stdout(INIT_HELP)
    return 0
  }
  if (positionals.length > 1) {
    io.stderr(`perfgate init: give at most one folder, got ${positionals.length}\n${INIT_USAGE}\n`)
    return 2
  }
  const dir = positionals[0] ?? '.'
  if (!existsSync(dir)) {
    io.stderr(`perfgate init: folder ${dir} does not exist\n`)
    return 2
  }
  const plan = planInit(readProjectTree(dir))
  const perfgate = invocation(io.script, io.env, path.resolve(dir))
  const existing = plan.files.filter((file) => existsSync(path.join(dir, file.path)))
  const exists = new Set(existing.map((file) => file.path))
  if (values['dry-run']) {
    for (const file of plan.files) io.stdout(`--- ${file.path}\n${file.text}\n`)
    io.stdout(
      summary(plan, dir, perfgate, 'Would write', exists, 'it exists: --force overwrites it'),
    )
    return 0
  }
  if (existing.length > 0 && !values.force) {
    const names = existing.map((file) => path.join(dir, file.path)).join(' and ')
    io.stderr(
      `perfgate init: ${names} already exist${existing.length === 1 ? 's' : ''}; nothing written. ` +
        `perfgate init --force overwrites ${existing.length === 1 ? 'it' : 'them'}; ` +
        `perfgate init --dry-run shows what would be written.\n`,
    )
    return 1
  }
  for (const file of plan.files) {
    const target = path.join(dir, file.path)
    await mkdir(path.dirname(target), { recursive: true })
    await writeFile(target, file.text)
  }
  io.stdout(summary(plan, dir, perfgate, 'Wrote', exists, 'overwritten'))
  return 0
}
