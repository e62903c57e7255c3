import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { MAX_SAMPLES } from '../../src/run/kinds/js.js'
import { runBenches } from '../../src/run/run-benches.js'
import { config } from './helpers.js'

const quick = 'time: 60ms\n    warmup: 5\n    samples: 5'

describe('js kind (needs dist/js-worker.js: npm run bundle)', () => {
  it('runs every exported function in fresh processes per round, with hooks, keeping all samples', async () => {
    const hookLog = path.join(mkdtempSync(path.join(tmpdir(), 'perfgate-')), 'hooks.log')
    const { benches } = config(`benches:
  - name: tiny
    kind: js
    module: tiny.js
    rounds: 2
    ${quick}
`)
    const results = await runBenches(benches, { env: { ...process.env, HOOK_LOG: hookLog } })
    expect(results.map((r) => [r.name, r.status])).toEqual([
      // Module namespaces list exports alphabetically.
      ['tiny/later', 'ok'],
      ['tiny/sum', 'ok'],
    ])
    for (const result of results) {
      const [time] = result.metrics
      expect(time).toMatchObject({ name: 'time', unit: 'ms', better: 'smaller' })
      expect(time.rounds).toHaveLength(2)
      expect(time.rounds!.reduce((a, b) => a + b)).toBe(time.samples.length)
      expect(time.samples.length).toBeGreaterThanOrEqual(5)
      // A sub-microsecond function stops at the cap instead of filling the results file.
      expect(time.samples.length).toBeLessThanOrEqual(MAX_SAMPLES)
      expect(time.summary.n).toBe(time.samples.length)
      expect(time.samples.every((s) => s >= 0 && Number.isFinite(s))).toBe(true)
    }
    // One setup and one teardown per round, i.e. per process.
    expect(readFileSync(hookLog, 'utf8')).toBe('setup\nteardown\nsetup\nteardown\n')
  })

  it('runs only the listed functions and names a missing one', async () => {
    const { benches } = config(`benches:
  - name: only
    kind: js
    module: tiny.js
    functions: [sum]
    rounds: 1
    ${quick}
  - name: missing
    kind: js
    module: tiny.js
    functions: [nope, notAFunction]
    rounds: 1
`)
    const [only, missing] = await runBenches(benches, { env: process.env })
    expect(only.name).toBe('only/sum')
    expect(missing).toMatchObject({ name: 'missing', status: 'error' })
    expect(missing.reason).toContain('exports no function "nope", "notAFunction"')
    expect(missing.reason).toContain('it exports: later, setup, sum, teardown')
  })

  it('isolates a throwing function from its siblings and reports its message', async () => {
    const { benches } = config(`benches:
  - name: mixed
    kind: js
    module: failing.js
    rounds: 1
    ${quick}
`)
    const results = await runBenches(benches, { env: process.env })
    expect(results.find((r) => r.name === 'mixed/fine')?.status).toBe('ok')
    const broken = results.find((r) => r.name === 'mixed/broken')
    expect(broken?.status).toBe('error')
    expect(broken?.reason).toContain('the widget is not calibrated')
  })

  it('kills a hanging module at the timeout and still runs the next bench', async () => {
    const { benches } = config(`benches:
  - name: hang
    kind: js
    module: hang.js
    timeout: 1s
    rounds: 1
  - name: after
    kind: js
    module: tiny.js
    functions: [sum]
    rounds: 1
    ${quick}
`)
    const [hang, after] = await runBenches(benches, { env: process.env })
    expect(hang).toMatchObject({
      name: 'hang',
      status: 'error',
      reason: 'timed out after 1s and was killed',
    })
    expect(after).toMatchObject({ name: 'after/sum', status: 'ok' })
  })

  it('says what to do with a TypeScript module on a Node that cannot strip types', async () => {
    const { benches } = config(`benches:
  - name: typed
    kind: js
    module: typed.ts
    rounds: 1
    ${quick}
`)
    const [typed] = await runBenches(benches, { env: process.env })
    const [major, minor] = process.versions.node.split('.').map(Number)
    if (major > 22 || (major === 22 && minor >= 18)) {
      expect(typed).toMatchObject({ name: 'typed/typed', status: 'ok' })
    } else {
      expect(typed.status).toBe('error')
      expect(typed.reason).toContain('run on Node 22.18+ or 24')
    }
  })

  it('bounds only measured calls: a long warm-up of a nanosecond function still measures', async () => {
    const { benches } = config(`benches:
  - {name: fast, kind: js, module: tiny.js, functions: [sum], warmup: 300ms, time: 50ms, rounds: 1}
`)
    const [fast] = await runBenches(benches, { env: process.env })
    expect(fast.status).toBe('ok')
    expect(fast.metrics[0].samples.length).toBeLessThanOrEqual(MAX_SAMPLES)
  })

  it('runs the built-in calibration workload as perfgate/calibration', async () => {
    const { benches } = config(
      'calibration: true\ndefaults: {time: 50ms, rounds: 2, warmup: 5}\nbenches: [{name: a, kind: command, command: "true"}]\n',
    )
    const results = await runBenches(benches.slice(1), { env: process.env })
    expect(results).toHaveLength(1)
    expect(results[0]).toMatchObject({ name: 'perfgate/calibration', status: 'ok' })
    expect(results[0].metrics[0].rounds).toHaveLength(2)
  })

  it('reports a module that does not exist', async () => {
    const { benches } = config(`benches:\n  - {name: gone, kind: js, module: nowhere.js}\n`)
    const [gone] = await runBenches(benches, { env: process.env })
    expect(gone.status).toBe('error')
    expect(gone.reason).toMatch(/nowhere\.js does not exist/)
  })
})
