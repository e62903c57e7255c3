// benchmark.js harness for perfgate's import fixtures: prints each bench's String(), the lines
// github-action-benchmark's `benchmarkjs` tool reads (`name x 1,234 ops/sec ±0.5% (90 runs sampled)`).
const Benchmark = require('benchmark')

const sumOfSquares = (n) => {
  let sum = 0
  for (let i = 0; i < n; i++) sum += i * i
  return sum
}
const text = 'perfgate '.repeat(200)
let sink = 0

new Benchmark.Suite()
  .add('sum-of-squares/10000', () => {
    sink += sumOfSquares(10_000)
  })
  .add('reverse', () => {
    sink += [...text].reverse().join('').length
  })
  .on('cycle', (event) => console.log(String(event.target)))
  .on('complete', () => {
    if (sink === 0) console.log('unreachable')
  })
  .run()
