/**
 * `npm run demo`, CPU part, end to end: scripts/demo.ts with `--quick` (the same path on a smaller
 * time budget) builds its throwaway repository, records the baseline, commits the slower
 * `json/stringify`, runs it with `--confirm-base main` and prints the PR comment. The comment is
 * read as GitHub reads it (cmark-gfm): its headline and the rows it flags. The slowdown (+20-40%)
 * is twice the 10% threshold and confirmed by interleaved base/head rounds, so a loaded machine
 * slows both sides alike rather than flagging anything else.
 */
import { spawn } from 'node:child_process'
import { test } from '@jest/globals'
import { gfmHtml } from '../helpers/github-page.js'
import { holdTimingLockForThisFile } from '../helpers/timing-lock.js'

interface Finished {
  code: number | null
  stdout: string
  stderr: string
}

function demo(args: string[]): Promise<Finished> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/demo.ts', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/** The text of each cell of the rows of the comment's first table (the one shown unfolded). */
function shownRows(html: string): string[][] {
  const shown = html.split('<details>')[0]
  const body = shown.split('<tbody>')[1]?.split('</tbody>')[0] ?? ''
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) =>
      cell[1].replace(/<[^>]+>/g, '').trim(),
    ),
  )
}

holdTimingLockForThisFile()

test('the CPU demo flags json/stringify and nothing else, and ends with the PR comment', async () => {
  const run = await demo(['--quick'])
  // On failure, what the demo printed is the message.
  expect(run.code === 0 ? '' : `exit ${run.code}:\n${run.stderr}${run.stdout}`).toBe('')
  // Progress, not tables of raw numbers: the demo's own steps and perfgate's one-line progress.
  expect(run.stdout).toContain('$ perfgate run --baseline base.json --confirm-base main')
  expect(run.stdout).not.toMatch(/^bench\s+samples/m)

  const start = run.stdout.indexOf('### perfgate')
  expect(start).toBeGreaterThan(0)
  const comment = run.stdout.slice(start)
  const html = gfmHtml(comment)
  expect(html).toMatch(
    /❌ <strong>1 regression over 10%, confirmed against the base on this runner<\/strong>/,
  )
  const flagged = shownRows(html)
    .filter((cells) => cells[4]?.includes('regression'))
    .map((cells) => cells[0])
  // The time row, and perhaps the same function's peak heap (pretty JSON is a bigger string).
  expect(flagged[0]).toBe('json/stringify')
  expect(new Set(flagged.map((name) => name.replace(/ \([^)]*\)$/, '')))).toEqual(
    new Set(['json/stringify']),
  )
  expect(run.stdout).toContain('Flagged json/stringify: what the branch slowed, and nothing else')
  // Why: nearly all its time is in the bench function that calls JSON.stringify, named with its
  // line, perhaps followed by the collector (pretty JSON allocates more); or, when this machine's
  // load left the rounds' totals too spread (or, on a loaded CI machine once, not grown at all),
  // the honest note. Never another function.
  expect(html).toMatch(
    /<strong>Why json\/stringify is slower<\/strong>[^]*?<li>(stringify \(benches\/json\.js:\d+\): [\d.]+ → [\d.]+ (µs|ms) per call \(\+[\d.]+%\), \d+% of the change(<\/li>\n<li>\(garbage collector\): [^<]*)?|the profiles cannot separate the change from noise(: their total time per call did not grow)? \(10 rounds per side\))<\/li>\n<li>Files /,
  )
}, 240_000)
