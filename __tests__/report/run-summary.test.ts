// The table `perfgate run` prints: numbers right-aligned under their headers, the status as text.
import { describe, expect, it } from '@jest/globals'
import { makeResults } from '../../__fixtures__/results.js'
import { runSummaryText } from '../../src/report/run-summary.js'

describe('runSummaryText', () => {
  it('keeps "ok" beside the numbers when another bench has a long error', () => {
    const error =
      'url "localhost:8080/x" is not an http(s) URL; write a full URL, or list base-urls'
    const text = runSummaryText(
      makeResults({
        benches: [
          { name: 'fast', samples: [1, 1.1, 0.9, 1, 1.05] },
          { name: 'broken', status: 'error', reason: error },
        ],
      }),
    )
    const [header, ok, failed] = text.split('\n')
    expect(header).toMatch(
      /^bench\s+samples\s+centre \(p10 of rounds\)\s+p95\s+p99\s+spread \(MAD\) {2}status$/,
    )
    // "ok" starts where the header's "status" does, right after the spread column.
    expect(ok.indexOf('ok')).toBe(header.indexOf('status'))
    expect(ok.endsWith('ok')).toBe(true)
    expect(failed.slice(header.indexOf('status'))).toBe(`error: ${error}`)
    // The numbers stay right-aligned: the centre's last digit sits under the header's last letter.
    const centre = 'centre (p10 of rounds)'
    expect(ok.slice(0, header.indexOf(centre) + centre.length)).toMatch(/[µm]?s$/)
    expect(ok.slice(0, header.indexOf('p95') + 'p95'.length)).toMatch(/[µm]?s$/)
  })
})
