/** The order of a profiling pass's rounds: ABBA, in blocks where a switch restarts a server. */
import { describe, expect, it } from '@jest/globals'
import { roundOrder } from '../../src/profile/profile-pass.js'

const text = (order: string[]): string => order.map((side) => side[0].toUpperCase()).join('')

describe('roundOrder', () => {
  it('alternates round by round in ABBA order', () => {
    expect(text(roundOrder(4, false))).toBe('BHHBBHHB')
  })

  it('takes blocks where a switch restarts a server, first the side whose server runs', () => {
    expect(text(roundOrder(10, true, 'head'))).toBe('HHHHHBBBBBBBBBBHHHHH')
    expect(text(roundOrder(3, true, 'base'))).toBe('BBHHHB')
  })
})
