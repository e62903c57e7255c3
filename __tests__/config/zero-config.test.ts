/** Zero-config (issue 16): the `tool` and `output-file-path` inputs stand for a config file. */
import { describe, expect, it } from '@jest/globals'
import path from 'node:path'
import {
  configThresholdWarnings,
  ratioThresholdWarning,
} from '../../src/config/threshold-warning.js'
import {
  chooseConfigSource,
  configFromTool,
  formatForTool,
  TOOL_NAMES,
} from '../../src/config/zero-config.js'
import { INPUT, readInputs } from '../../src/inputs.js'
import { byName, FIXTURES, metric, run } from '../import/helpers.js'

const GAB = 'github-action-benchmark'

describe('configFromTool', () => {
  it('tool: cargo imports the file and runs end to end, names as the tool wrote them', async () => {
    const outcome = configFromTool({
      tool: 'cargo',
      outputFilePath: `cargo/${GAB}/cargo_output.txt`,
      workingDirectory: FIXTURES,
    })
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors))
    expect(outcome.config.benches[0].spec).toMatchObject({ format: 'cargo', prefix: '' })
    const results = await run(outcome.config)
    expect(results.map((r) => r.name).sort()).toEqual(['bench_fib_10', 'bench_fib_20'])
    expect(metric(byName(results, 'bench_fib_10')).samples).toEqual([135e-6])
  })

  it.each(
    Object.entries({
      pytest: 'pytest-benchmark',
      googlecpp: 'google-benchmark',
      customBiggerIsBetter: 'custom-bigger-is-better',
      hyperfine: 'hyperfine',
    }),
  )('maps %s to format %s', (tool, format) => expect(formatForTool(tool)).toBe(format))

  it('lists every accepted tool in the error for an unknown one', () => {
    const outcome = configFromTool({
      tool: 'benchmarkluau',
      outputFilePath: 'x',
      workingDirectory: '/',
    })
    expect(outcome.ok).toBe(false)
    if (outcome.ok) return
    expect(outcome.errors[0]).toMatchObject({ field: 'tool' })
    for (const name of ['cargo', 'catch2', 'customSmallerIsBetter', 'criterion']) {
      expect(outcome.errors[0].message).toContain(name)
    }
    expect(TOOL_NAMES).toContain('jmh')
  })

  it('a config file wins over tool', () => {
    expect(chooseConfigSource(true, 'cargo')).toEqual({ kind: 'file', ignoredTool: 'cargo' })
    expect(chooseConfigSource(false, 'cargo')).toEqual({ kind: 'tool', tool: 'cargo' })
    expect(chooseConfigSource(false, undefined)).toEqual({ kind: 'missing-file' })
  })

  it('keeps the default threshold and warns when it looks like a ratio', () => {
    const outcome = configFromTool({
      tool: 'go',
      outputFilePath: 'go/base/bench.txt',
      workingDirectory: FIXTURES,
      regressionThreshold: 1.5,
    })
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors))
    expect(outcome.config.benches[0].settings.regressionThreshold).toBe(1.5)
    const [warning] = configThresholdWarnings(outcome.config)
    expect(warning).toContain('write 50%')
    expect(path.basename(outcome.config.file)).toContain('tool')
  })
})

describe('ratioThresholdWarning', () => {
  it('is silent below 100% and explains at 150%', () => {
    expect(ratioThresholdWarning(0.1, 'input threshold')).toBeUndefined()
    expect(ratioThresholdWarning(0.99, 'input threshold')).toBeUndefined()
    expect(ratioThresholdWarning(1.5, 'input threshold')).toBe(
      "input threshold: threshold 150% means a 150% slowdown (2.50× the baseline). perfgate's threshold is a percentage change, not github-action-benchmark's ratio: for its alert-threshold 150%, write 50%.",
    )
  })
})

describe('inputs tool and output-file-path', () => {
  const inputs = (values: Record<string, string>) => readInputs((name) => values[name] ?? '')
  it('are read when given together', () => {
    expect(inputs({ [INPUT.tool]: 'catch2', [INPUT.outputFilePath]: ' out.txt ' })).toMatchObject({
      tool: 'catch2',
      outputFilePath: 'out.txt',
    })
    expect(inputs({}).tool).toBeUndefined()
  })
  it('reject an unknown tool, a tool without a file, and a file without a tool', () => {
    expect(() => inputs({ [INPUT.tool]: 'nope', [INPUT.outputFilePath]: 'x' })).toThrow(
      /input "tool" must be one of cargo, go/,
    )
    expect(() => inputs({ [INPUT.tool]: 'cargo' })).toThrow(/"output-file-path" is required/)
    expect(() => inputs({ [INPUT.outputFilePath]: 'x' })).toThrow(/needs input "tool"/)
  })
})
