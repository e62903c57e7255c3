/**
 * `npm run demo`: perfgate's pull-request job, locally, on the bundled examples in a throwaway
 * git repository: a baseline on main, a branch that slows one function, the comparison
 * confirmed against main on this machine, and the PR comment perfgate would post. CPU benches
 * only, under a minute. `npm run demo:all` (`--all`) adds a PostgreSQL and an HTTP comparison.
 * `--quick` gives the CPU part a smaller time budget (the test's).
 */
import { cpuDemo, DEMO_BUDGET, SLOWED, type CpuBudget } from './demo/cpu.js'
import type { PartOutcome } from './demo/paired.js'

// The test's: 3 rounds instead of 4 (6 a side in the confirmation), half the time.
const QUICK_BUDGET: CpuBudget = { time: '150ms', warmup: '30ms', rounds: 3, abSplit: 2 }

const args = process.argv.slice(2)
const all = args.includes('--all')
const say = (line: string): void => void process.stdout.write(`${line}\n`)

/** "Flagged X, the bench the branch slowed, and nothing else", or what else it flagged. */
function verdict(part: PartOutcome, slowed: string): string {
  const time = `(${part.seconds.toFixed(0)} s)`
  // A sql bench gives one result per case (sql/step-readiness/161): each is the slowed bench.
  const isSlowed = (name: string): boolean =>
    name === slowed || name.startsWith(`${slowed}/`) || name.startsWith(`${slowed}[`)
  const others = part.flagged.filter((name) => !isSlowed(name))
  if (part.flagged.some(isSlowed) && others.length === 0) {
    return `Flagged ${part.flagged.join(', ')}: what the branch slowed, and nothing else ${time}.`
  }
  const flagged = part.flagged.join(', ') || 'nothing'
  return `Flagged ${flagged}; the branch slowed ${slowed} only ${time}.`
}

function printComment(part: PartOutcome, slowed: string): void {
  say('')
  say(verdict(part, slowed))
  say('The PR comment perfgate would post (markdown):')
  say('')
  say(part.comment)
}

say(
  'perfgate demo: a branch slows one function; perfgate flags it and confirms it on this machine.',
)
say('')
if (all) say('1/3  CPU: js benches, a stored baseline and a confirmation against main')
printComment(await cpuDemo(say, args.includes('--quick') ? QUICK_BUDGET : DEMO_BUDGET), SLOWED)
if (all) {
  // Loaded only here: the CPU part starts faster without the PostgreSQL driver and server package.
  const { postgresDemo, SQL_SLOWED } = await import('./demo/postgres.js')
  const { httpDemo, HTTP_SLOWED } = await import('./demo/http.js')
  say('')
  say(
    '2/3  PostgreSQL: two queries, main and a branch measured in alternating rounds (perfgate ab)',
  )
  printComment(await postgresDemo(say), SQL_SLOWED)
  say('')
  say('3/3  HTTP: the example task API, served by perfgate for each side (perfgate ab)')
  printComment(await httpDemo(say), HTTP_SLOWED)
}
