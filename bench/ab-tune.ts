/**
 * Choosing A/B's rounds per side on the FIRST HALF of __fixtures__/ab-hog/ only (the second half
 * is reported by `npm run bench:ab` as held-out): each process is subsampled to keep 2× a
 * single-side run's samples. (A paired test, base and head swapped only within a round pair, was
 * compared here too at commit dd8cfa6 and rejected: docs/ab.md.) Usage: `npx tsx bench/ab-tune.ts`.
 */
import { loadCorpus, replay } from './ab-replay.js'

const corpus = loadCorpus('ab-hog')
const half = { from: 0, to: corpus.processes.length >> 1 }
const draws = Number(process.env.AB_DRAWS ?? 2)
const pct = (x: number) => `${(x * 100).toFixed(1)}%`
console.log(`first half: processes ${half.from}–${half.to - 1}; first verdict / confirmed`)
console.log('| rounds | jobs | false 10% | +12% at 10% | false 5% | +8% at 5% |')
console.log('|---|---|---|---|---|---|')
for (const rounds of [5, 6, 8, 10]) {
  const setup = { label: '', rounds }
  const ten = replay(corpus, setup, half, 0.1, 0.12, draws, 50)
  const five = replay(corpus, setup, half, 0.05, 0.08, draws, 60)
  const cell = (a: number, b: number) => `${pct(a)} / ${pct(b)}`
  console.log(
    `| ${rounds} | ${ten.jobs} | ${cell(ten.falseFirst, ten.falseConfirmed)} | ${cell(ten.caughtFirst, ten.caughtConfirmed)} | ${cell(five.falseFirst, five.falseConfirmed)} | ${cell(five.caughtFirst, five.caughtConfirmed)} |`,
  )
}
