/**
 * Per tool: the slowed harness (SLOWDOWN=1.5) reads as clearly slower than base, a plain rerun
 * does not. Uses the ratio of medians until the comparison engine is merged (the lead switches
 * these to the real comparison).
 */
import { describe, expect, it } from '@jest/globals'
import { importVariant, metric } from './helpers.js'

const TOOLS = ['criterion', 'google-benchmark', 'pytest-benchmark', 'hyperfine', 'go', 'tinybench']

describe.each(TOOLS)('%s: base vs rerun vs slowed', (tool) => {
  it('shows the slowdown and not a change between base and rerun', async () => {
    const [base, rerun, slow] = await Promise.all(
      ['base', 'rerun', 'slow'].map((variant) => importVariant(tool, variant)),
    )
    expect(base.length).toBeGreaterThan(0)
    expect(rerun.map((r) => r.name)).toEqual(base.map((r) => r.name))
    expect(slow.map((r) => r.name)).toEqual(base.map((r) => r.name))
    for (const [index, result] of base.entries()) {
      expect(result.status).toBe('ok')
      const median = metric(result).summary.median
      const slowed = metric(slow[index]).summary.median / median
      const again = metric(rerun[index]).summary.median / median
      expect({ bench: result.name, slowed: slowed > 1.2 }).toEqual({
        bench: result.name,
        slowed: true,
      })
      expect({ bench: result.name, again: again > 0.9 && again < 1.1 }).toEqual({
        bench: result.name,
        again: true,
      })
    }
  })
})
