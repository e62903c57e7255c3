import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { parseConfig } from '../../src/config/load.js'
import { readScaling } from '../../src/results/scaling.js'
import { scalingMarkdown, scalingSparkline, scalingText } from '../../src/report/scaling.js'
import { startServer, type TestServer } from './server.js'
import { bench, runYaml } from './run-yaml.js'

let server: TestServer

beforeAll(async () => {
  server = await startServer({ limit: 4, limitedMs: 20 })
})
afterAll(() => server.close())

describe('throughput mode', () => {
  it('shows the plateau of a server that serves 4 requests at a time', async () => {
    const results = await runYaml(
      `benches:\n  - name: limited\n    kind: http\n    url: ${server.url}/limited\n    concurrency: [1, 4, 16]\n    duration: 1s\n    warmup: 100ms\n`,
    )
    const result = bench(results, 'limited')
    expect(result.status).toBe('ok')
    expect(result.metrics.map((m) => m.name)).toEqual([
      'throughput@1',
      'time@1',
      'throughput@4',
      'time@4',
      'throughput@16',
      'time@16',
    ])
    const put = result.metrics[0]
    expect(put).toMatchObject({ unit: 'ops/s', better: 'bigger' })
    expect(put.samples).toHaveLength(10)
    const scaling = readScaling(result.details)
    expect(scaling?.map((p) => p.concurrency)).toEqual([1, 4, 16])
    const [one, four, sixteen] = scaling!.map((p) => p.opsPerSecond)
    // 4 in flight scale (at most 4x one); beyond 4 requests only queue.
    expect(four).toBeGreaterThan(2 * one)
    expect(sixteen).toBeLessThan(2 * four)
    // Queueing shows in latency instead: 16 waiting for 4 slots take longer than 4 do.
    expect(scaling![2].p50).toBeGreaterThan(scaling![1].p50)
    console.log(scalingText(scaling!))
  })

  it('renders the curve as markdown and a sparkline', () => {
    const points = [
      { concurrency: 1, opsPerSecond: 50, p50: 20, p99: 22 },
      { concurrency: 4, opsPerSecond: 200, p50: 20, p99: 25 },
      { concurrency: 16, opsPerSecond: 198, p50: 80, p99: 90 },
    ]
    expect(scalingSparkline(points)).toBe('▃██')
    const markdown = scalingMarkdown(points)
    expect(markdown).toContain('| 4 | 200 | ██████████ | 20.0 ms | 25.0 ms |')
    expect(markdown).toContain('| 1 | 50 | ███░░░░░░░ |')
    expect(scalingMarkdown([])).toBe('')
    expect(readScaling({ scaling: [{ concurrency: 1 }] })).toBeUndefined()
  })

  it('rejects concurrency on js benches and ignores a default one for them', () => {
    const rejected = parseConfig(
      'benches:\n  - name: fn\n    kind: js\n    module: x.js\n    concurrency: [1, 4]\n',
      { file: 'perfgate.yml' },
    )
    expect(rejected.ok).toBe(false)
    if (!rejected.ok) {
      expect(rejected.errors[0]).toMatchObject({ line: 5, bench: 'fn', field: 'concurrency' })
      expect(rejected.errors[0].message).toMatch(/not supported by js benches: .*single-threaded/)
    }
    const defaults = parseConfig(
      'defaults:\n  concurrency: [2]\nbenches:\n  - name: fn\n    kind: js\n    module: x.js\n  - name: api\n    kind: http\n    url: http://127.0.0.1:1/\n',
      { file: 'perfgate.yml' },
    )
    expect(defaults.ok).toBe(true)
    if (defaults.ok) {
      expect(defaults.config.benches.map((b) => b.settings.concurrency)).toEqual([[], [2]])
    }
  })
})
