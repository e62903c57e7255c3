import { describe, expect, it } from '@jest/globals'
import { benchIdentity, identityChanges } from '../../src/config/identity.js'
import { formatConfigError, parseConfig } from '../../src/config/load.js'
import type { Config } from '../../src/config/types.js'

const BASE = `benches:
  - name: a
    kind: command
    command: echo a
    samples: 10
    regression-threshold: 10%
    tags: [cpu]
  - name: b
    kind: js
    module: ./b.js
`

function load(text: string, dir = '/checkout/one'): Config {
  const outcome = parseConfig(text, { file: `${dir}/perfgate.yml` })
  if (!outcome.ok) throw new Error(outcome.errors.map(formatConfigError).join('\n'))
  return outcome.config
}

const ids = (config: Config) =>
  Object.fromEntries(config.benches.map((b) => [b.name, benchIdentity(b, config.dir)]))

describe('benchIdentity', () => {
  it('ignores thresholds, tags and other benches', () => {
    const before = ids(load(BASE))
    const after = ids(
      load(
        BASE.replace('regression-threshold: 10%', 'regression-threshold: 500%')
          .replace('tags: [cpu]', 'tags: [renamed]')
          .replace('module: ./b.js', 'module: ./other.js'),
      ),
    )
    expect(after.a.digest).toBe(before.a.digest)
    expect(after.b.digest).not.toBe(before.b.digest)
    expect(identityChanges(before.b, after.b)).toEqual(['module changed'])
  })

  it('names a changed setting with its values and hides spec values behind a digest', () => {
    const before = ids(load(BASE)).a
    const after = ids(
      load(BASE.replace('samples: 10', 'samples: 20').replace('echo a', 'echo z')),
    ).a
    expect(identityChanges(before, after).sort()).toEqual(['command changed', 'samples 10 → 20'])
    expect(JSON.stringify(after)).not.toContain('echo')
  })

  it('does not depend on where the repository is checked out', () => {
    expect(ids(load(BASE, '/checkout/one')).b.digest).toBe(
      ids(load(BASE, '/elsewhere/two')).b.digest,
    )
  })
})
