/** The order of a profiling pass's rounds: ABBA, round by round. */
import { describe, expect, it } from '@jest/globals'
import { roundOrder } from '../../src/profile/profile-pass.js'

const text = (order: string[]): string => order.map((side) => side[0].toUpperCase()).join('')

describe('roundOrder', () => {
  it('alternates round by round in ABBA order', () => {
    expect(text(roundOrder(4))).toBe('BHHBBHHB')
    expect(text(roundOrder(3))).toBe('BHHBBH')
  })
})
