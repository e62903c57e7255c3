import { describe, expect, it } from '@jest/globals'
import { formatConfigError, parseConfig } from '../../src/config/load.js'

describe('noise-threshold: auto in the config', () => {
  it('marks benches auto (bench or defaults) and keeps the built-in default as the fallback', () => {
    const outcome = parseConfig(
      `defaults:
  noise-threshold: auto
benches:
  - name: a
    kind: command
    command: x
  - name: b
    kind: command
    command: x
    noise-threshold: 7%
`,
      { file: 'perfgate.yml' },
    )
    if (!outcome.ok) throw new Error(outcome.errors.map(formatConfigError).join('\n'))
    const [a, b] = outcome.config.benches
    expect(a.settings.noiseThresholdAuto).toBe(true)
    expect(a.settings.noiseThreshold).toBe(0.05)
    expect(b.settings.noiseThresholdAuto).toBeUndefined()
    expect(b.settings.noiseThreshold).toBe(0.07)
  })

  it('rejects other words, naming both accepted forms', () => {
    const outcome = parseConfig(
      'benches:\n  - name: a\n    kind: command\n    command: x\n    noise-threshold: automatic\n',
      { file: 'perfgate.yml' },
    )
    expect(outcome.ok).toBe(false)
    if (outcome.ok) return
    expect(outcome.errors.map(formatConfigError).join('\n')).toContain('noise-threshold must be')
  })
})
