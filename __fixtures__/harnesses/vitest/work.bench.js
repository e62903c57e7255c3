// vitest harness for perfgate's import fixtures (see scripts/regenerate-fixtures.sh).
// SLOWDOWN=1.5 does 50% more work.
import { bench, describe } from 'vitest'

const slowdown = Number(process.env.SLOWDOWN ?? '1')
const text = 'perfgate '.repeat(Math.round(200 * slowdown))
let sink = 0

describe('work', () => {
  bench(
    'sum-of-squares',
    () => {
      let sum = 0
      for (let i = 0; i < 10_000 * slowdown; i++) sum += i * i
      sink += sum
    },
    { time: 200 },
  )
  bench(
    'reverse',
    () => {
      sink += [...text].reverse().join('').length
    },
    { time: 200 },
  )
})
