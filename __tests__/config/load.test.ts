import { describe, expect, it } from '@jest/globals'
import { KINDS } from '../../src/config/kinds/index.js'
import { formatConfigError, parseConfig } from '../../src/config/load.js'

const messages = (text: string): string[] => {
  const outcome = parseConfig(text, { file: 'perfgate.yml' })
  if (outcome.ok) throw new Error('expected errors')
  return outcome.errors.map(formatConfigError)
}

describe('parseConfig: valid configs', () => {
  it('merges bench over defaults over built-ins and converts units', () => {
    const outcome = parseConfig(
      `defaults:
  time: 2s
  noise-threshold: 15%
  warmup: 3
benches:
  - name: a
    kind: command
    command: echo hi
    time: 500ms
    tags: [db]
  - name: b
    kind: js
    module: ./b.js
`,
      { file: 'conf/perfgate.yml', regressionThreshold: 0.2 },
    )
    if (!outcome.ok) throw new Error(outcome.errors.map(formatConfigError).join('\n'))
    const [a, b] = outcome.config.benches
    expect(a.settings).toMatchObject({
      time: 500,
      noiseThreshold: 0.15,
      warmup: { iterations: 3 },
      regressionThreshold: 0.2,
      tags: ['db'],
      samples: 10,
    })
    expect(b.settings.time).toBe(2000)
    expect(b.spec).toMatchObject({ kind: 'js' })
    expect(b.spec.kind === 'js' && b.spec.module.endsWith('/conf/b.js')).toBe(true)
  })

  it('adds the built-in calibration bench with the defaults when asked', () => {
    const outcome = parseConfig(
      'calibration: true\ndefaults: {time: 300ms}\nbenches: [{name: a, kind: command, command: x}]\n',
      { file: 'p.yml' },
    )
    if (!outcome.ok) throw new Error('expected a config')
    const calibration = outcome.config.benches[1]
    expect(calibration).toMatchObject({
      name: 'perfgate',
      spec: { kind: 'js', module: 'perfgate:calibration', functions: ['calibration'] },
    })
    expect(calibration.settings.time).toBe(300)
  })

  it('accepts every duration unit', () => {
    const durations = {
      '250ns': 0.00025,
      '3us': 0.003,
      '2µs': 0.002,
      '7ms': 7,
      '1.5s': 1500,
      '2m': 120000,
      '1h': 3600000,
    }
    for (const [text, ms] of Object.entries(durations)) {
      const outcome = parseConfig(
        `benches: [{name: a, kind: command, command: x, timeout: ${text}}]`,
        { file: 'p.yml' },
      )
      expect(outcome.ok && outcome.config.benches[0].settings.timeout).toBeCloseTo(ms)
    }
  })
})

describe('parseConfig: every error path names file, line, bench and field', () => {
  it('reports a bad percentage with the example from the issue', () => {
    const text = `benches:
  - name: sql/ready-tasks
    kind: command
    command: x
    noise-threshold: fifteen
`
    expect(messages(text)).toEqual([
      'perfgate.yml:5 bench "sql/ready-tasks": noise-threshold must be a percentage like 15% or auto, got "fifteen"',
    ])
  })

  it('reports every mistake together, in line order', () => {
    const text = `defaults:
  noise-treshold: 5%
benches:
  - name: a
    kind: jss
  - kind: command
    command: x
    warmup: true
  - name: c
    kind: command
    command: x
    time: 10
    samples: 0
    requires: [not-a-var]
    required: maybe
  - name: c
    kind: js
`
    expect(messages(text)).toEqual([
      'perfgate.yml:2: defaults.noise-treshold is not a known field (did you mean "noise-threshold"?)',
      `perfgate.yml:5 bench "a": kind must be one of ${Object.keys(KINDS).join(', ')}, got "jss" (did you mean "js"?)`,
      'perfgate.yml:6 bench "#2": name is required',
      'perfgate.yml:8 bench "#2": warmup must be a duration like 500ms or a number of iterations like 3, got true',
      'perfgate.yml:12 bench "c": time must be a duration like 10s or 500ms, got 10',
      'perfgate.yml:13 bench "c": samples must be a whole number of at least 1, got 0',
      'perfgate.yml:14 bench "c": requires.0 must be an environment variable name like DATABASE_URL, got "not-a-var"',
      'perfgate.yml:15 bench "c": required must be true or false, got "maybe"',
      'perfgate.yml:16 bench "c": module is required',
      'perfgate.yml:16 bench "c": name is used by bench #3 too: names must be unique',
    ])
  })

  it('suggests the right name for a misspelt bench field', () => {
    const text = `benches:\n  - name: a\n    kind: command\n    comand: echo\n`
    expect(messages(text)).toEqual([
      'perfgate.yml:2 bench "a": command is required',
      'perfgate.yml:4 bench "a": comand is not a known field (did you mean "command"?)',
    ])
  })

  it('suggests the choice a misspelt value meant, and quotes for text YAML read as a boolean', () => {
    const text = `benches:
  - name: a
    kind: comand
    command: echo
  - name: b
    kind: command
    command: true
  - name: c
    kind: import
    format: criterion-jsn
    file: x.json
    prefx: x
  - name: d
    kind: command
    command: echo
    measure: zzz
`
    expect(messages(text)).toEqual([
      `perfgate.yml:3 bench "a": kind must be one of ${Object.keys(KINDS).join(', ')}, got "comand" (did you mean "command"?)`,
      `perfgate.yml:7 bench "b": command must be a shell command, got true (YAML reads an unquoted true as a boolean: quote it, 'true')`,
      expect.stringMatching(
        /^perfgate.yml:10 bench "c": format must be one of criterion, .*, got "criterion-jsn" \(did you mean "criterion"\?\)$/,
      ),
      // Four letters two edits from `time` are not a typo of it; `path` is what was meant.
      'perfgate.yml:11 bench "c": file is not a known field',
      'perfgate.yml:12 bench "c": prefx is not a known field (did you mean "prefix"?)',
      // Nothing is near enough to suggest.
      'perfgate.yml:16 bench "d": measure must be time or instructions, got "zzz"',
    ])
  })

  it('rejects an empty bench list, a missing one and a non-list', () => {
    expect(messages('benches: []\n')).toEqual([
      'perfgate.yml:1: benches must list at least one bench, got []',
    ])
    expect(messages('defaults: {}\n')).toEqual(['perfgate.yml:1: benches is required'])
    expect(messages('benches: 3\n')).toEqual(['perfgate.yml:1: benches must be a list, got 3'])
  })

  it('reports invalid YAML with its line', () => {
    const [message] = messages('benches:\n  - name: a\n    kind: [js\n')
    expect(message).toMatch(/^perfgate\.yml:\d+: is not valid YAML: /)
  })

  it('treats an empty file as a config without benches', () => {
    expect(messages('')).toEqual(['perfgate.yml: benches is required'])
  })
})
