import { bench, describe } from 'vitest'

describe('sum', () => {
  bench('reduce', () => {
    ;[1, 2, 3].reduce((a, b) => a + b, 0)
  })
})
