// The merge job learns n from the names of this run's shard artifacts (fetchShardArtifacts needs it).
import { describe, expect, it } from '@jest/globals'
import { shardCount } from '../../src/stages/merge-shards.js'

describe('shardCount', () => {
  it('takes the largest n of <artifact-name>-shard-i-of-n, ignoring other artifacts', () => {
    const names = [
      'perfgate-results-shard-1-of-4',
      'perfgate-results-shard-4-of-4',
      'perfgate-pr-7',
    ]
    expect(shardCount(names, 'perfgate-results')).toBe(4)
  })

  it('finds n even when shard 1 is missing, and nothing without shard artifacts', () => {
    expect(shardCount(['perfgate-results-shard-3-of-3'], 'perfgate-results')).toBe(3)
    expect(
      shardCount(['perfgate-results', 'perfgate-results-shard-x-of-2'], 'perfgate-results'),
    ).toBe(undefined)
  })

  it('matches the artifact name literally (a dot is not a wildcard) and not another prefix', () => {
    expect(shardCount(['perfXgate-shard-1-of-2'], 'perf.gate')).toBe(undefined)
    expect(shardCount(['other-perfgate-shard-1-of-2'], 'perfgate')).toBe(undefined)
    expect(shardCount(['perf.gate-shard-2-of-2'], 'perf.gate')).toBe(2)
  })
})
