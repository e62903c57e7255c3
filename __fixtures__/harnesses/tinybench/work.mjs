// tinybench harness for perfgate's import fixtures: node work.mjs <out.json>.
// SLOWDOWN=1.5 does 50% more work; RETAIN=0 leaves samples out (summary-only output).
import { writeFileSync } from 'node:fs'
import { Bench } from 'tinybench'

const slowdown = Number(process.env.SLOWDOWN ?? '1')
const sumOfSquares = (n) => {
  let sum = 0
  for (let i = 0; i < n; i++) sum += i * i
  return sum
}
const text = 'perfgate '.repeat(Math.round(200 * slowdown))
let sink = 0

const bench = new Bench({ time: 1, iterations: 300, warmupTime: 50, retainSamples: process.env.RETAIN !== '0' })
bench
  .add('sum-of-squares/10000', () => {
    sink += sumOfSquares(Math.round(10_000 * slowdown))
  })
  .add('reverse', () => {
    sink += [...text].reverse().join('').length
  })
await bench.run()
// The two lines docs/import.md shows: tinybench has no exporter, so write the tasks' results.
const tasks = bench.tasks.map(({ name, result }) => ({ name, result }))
writeFileSync(process.argv[2], JSON.stringify(tasks, null, 2))
if (sink === 0) console.log('unreachable')
