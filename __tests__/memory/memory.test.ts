import { describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { bench, runYaml } from '../http/run-yaml.js'
import { judgeLeak } from '../../src/run/leak.js'

const MiB = 1024 * 1024
const fixtures = path.join(import.meta.dirname, 'fixtures')
const hasGnuTime = existsSync('/usr/bin/time')

describe('peak-rss of command benches', () => {
  ;(hasGnuTime ? it : it.skip)(
    'orders a 50 MB child above a 5 MB one, by roughly the size',
    async () => {
      const alloc = (mb: number) =>
        `node -e "const b = Buffer.alloc(${mb} * 1024 * 1024, 1); console.log(b[0])"`
      const results = await runYaml(
        `defaults:\n  samples: 3\n  time: 1ms\n  warmup: 0\n  rounds: 1\nbenches:\n  - name: big\n    kind: command\n    command: ${alloc(50)}\n    memory-threshold: 15%\n  - name: small\n    kind: command\n    command: ${alloc(5)}\n`,
      )
      const peak = (name: string) => {
        const metric = bench(results, name).metrics.find((m) => m.name === 'peak-rss')
        expect(metric).toMatchObject({ unit: 'bytes', better: 'smaller' })
        return metric!
      }
      expect(peak('big').regressionThreshold).toBe(0.15)
      expect(peak('small').regressionThreshold).toBe(0.1)
      const big = peak('big').summary.median
      const small = peak('small').summary.median
      // The child's RSS, not perfgate's: node itself is ~40 MB, the buffer adds 45 MB more.
      expect(big - small).toBeGreaterThan(35 * MiB)
      expect(big - small).toBeLessThan(60 * MiB)
      expect(peak('big').samples).toHaveLength(3)
    },
  )
})

describe('heap metrics and the leak check of js benches', () => {
  it('flags the function that keeps its allocations and not the one that does not', async () => {
    const results = await runYaml(
      `benches:\n  - name: mem\n    kind: js\n    module: ${fixtures}/leaky.mjs\n    time: 200ms\n    warmup: 0\n    rounds: 2\n    leak-check: true\n`,
    )
    const leaky = bench(results, 'mem/leaky')
    const clean = bench(results, 'mem/clean')
    expect(leaky.status).toBe('ok')
    expect(clean.status).toBe('ok')
    expect(leaky.details?.leak).toBe(true)
    expect(clean.details?.leak).toBe(false)
    expect(String((leaky.details?.leakCheck as { reason: string }).reason)).toMatch(
      /grew steadily by .* per call/,
    )
    const metric = (b: typeof leaky, name: string) => b.metrics.find((m) => m.name === name)!
    expect(metric(leaky, 'heap-growth').samples).toHaveLength(2)
    // At most 5,000 measured calls per round (the sample cap) × ~72 B kept per call.
    expect(metric(leaky, 'heap-growth').summary.median).toBeGreaterThan(200 * 1024)
    expect(Math.abs(metric(clean, 'heap-growth').summary.median)).toBeLessThan(MiB)
    expect(metric(clean, 'peak-heap').unit).toBe('bytes')
    expect(metric(leaky, 'peak-heap').summary.median).toBeGreaterThan(
      metric(clean, 'peak-heap').summary.median,
    )
  })

  it('makes a leak an error when leak-check is error', async () => {
    const results = await runYaml(
      `benches:\n  - name: mem\n    kind: js\n    module: ${fixtures}/leaky.mjs\n    functions: [leaky]\n    time: 100ms\n    warmup: 0\n    rounds: 1\n    leak-check: error\n`,
    )
    const leaky = bench(results, 'mem/leaky')
    expect(leaky.status).toBe('error')
    expect(leaky.reason).toMatch(/^memory leak: heap after GC grew steadily/)
  })

  it('judges steady growth a leak, and flat or one-off growth not', () => {
    const steady = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => 50 * MiB + i * 200 * 1024)
    expect(judgeLeak({ iterationsPerWindow: 1000, heapAfterGc: steady })).toMatchObject({
      leak: true,
      bytesPerIteration: 204.8,
    })
    const flat = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => 50 * MiB + (i % 2) * 4096)
    expect(judgeLeak({ iterationsPerWindow: 1000, heapAfterGc: flat }).leak).toBe(false)
    const once = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => 50 * MiB + (i === 0 ? 0 : 5 * MiB))
    expect(judgeLeak({ iterationsPerWindow: 1000, heapAfterGc: once }).leak).toBe(false)
  })
})
