import { describe, expect, it } from '@jest/globals'
import { formatConfigError, parseConfig } from '../../src/config/load.js'
import type { QueueSpec } from '../../src/config/kinds/queue.js'
import type { SqlSpec } from '../../src/config/kinds/sql.js'

const errorsOf = (yaml: string): string[] => {
  const outcome = parseConfig(yaml, { file: 'perfgate.yml' })
  return outcome.ok ? [] : outcome.errors.map(formatConfigError)
}
const parsed = (yaml: string) => {
  const outcome = parseConfig(yaml, { file: 'perfgate.yml' })
  if (!outcome.ok) throw new Error(outcome.errors.map(formatConfigError).join('\n'))
  return outcome.config.benches
}

describe('pooled sql and queue config', () => {
  it('takes concurrency and pool-size on a sql bench, also from defaults', () => {
    const [own, inherited] = parsed(`defaults:
  concurrency: [1, 4]
benches:
  - { name: a, kind: sql, query: SELECT 1, concurrency: [1, 4, 16, 64], pool-size: 8 }
  - { name: b, kind: sql, query: SELECT 1, pool-size: 2 }
`)
    expect(own.settings.concurrency).toEqual([1, 4, 16, 64])
    expect((own.spec as SqlSpec).poolSize).toBe(8)
    expect(inherited.settings.concurrency).toEqual([1, 4])
    expect((inherited.spec as SqlSpec).poolSize).toBe(2)
    // Without pool-size the spec (and so the identity of existing sql benches) is unchanged.
    const [plain] = parsed(`benches:
  - { name: a, kind: sql, query: SELECT 1 }
`)
    expect('poolSize' in plain.spec).toBe(false)
  })

  it('rejects pool-size without concurrency, and a pool of zero', () => {
    expect(
      errorsOf(`benches:
  - name: a
    kind: sql
    query: SELECT 1
    pool-size: 8
`),
    ).toEqual([
      'perfgate.yml:5 bench "a": pool-size only applies in throughput mode: add concurrency, e.g. [1, 4, 16], or remove it',
    ])
    expect(
      errorsOf(`benches:
  - name: b
    kind: sql
    query: SELECT 1
    concurrency: [4]
    pool-size: 0
`),
    ).toEqual(['perfgate.yml:6 bench "b": pool-size must be a whole number of at least 1, got 0'])
  })

  it('fills queue defaults and reads batch, depth, index and engine', () => {
    const [plain, full] = parsed(`benches:
  - { name: q, kind: queue }
  - name: p
    kind: queue
    engine: pgmq
    batch: [1, 10, 100]
    depth: [0, 10000, 100000]
    ack: archive
    index: false
    visibility-timeout: 5s
    message: { task: 1 }
`)
    expect(plain.spec).toMatchObject({
      kind: 'queue',
      engine: 'table',
      batches: [1],
      depths: [0],
      ack: 'delete',
      index: true,
      visibilityTimeout: 30,
      message: { kind: 'perfgate' },
    } satisfies Partial<QueueSpec>)
    expect(plain.settings.noiseThreshold).toBe(0.15)
    expect(full.spec).toMatchObject({
      engine: 'pgmq',
      batches: [1, 10, 100],
      depths: [0, 10000, 100000],
      ack: 'archive',
      index: false,
      visibilityTimeout: 5,
      message: { task: 1 },
    })
  })

  it('rejects a bad engine, depth and batch, a misspelt field, and concurrency on a queue', () => {
    expect(
      errorsOf(`benches:
  - name: q
    kind: queue
    engine: rabbitmq
    batch: [0]
    depth: [-1]
    indx: false
    concurrency: [4]
`),
    ).toEqual([
      'perfgate.yml:4 bench "q": engine must be one of table, pgmq, got "rabbitmq"',
      'perfgate.yml:5 bench "q": batch.0 must be a whole number of at least 1, got 0',
      'perfgate.yml:6 bench "q": depth.0 must be a whole number of at least 0, got -1',
      'perfgate.yml:7 bench "q": indx is not a known field (did you mean "index"?)',
      expect.stringMatching(
        /^perfgate\.yml:8 bench "q": concurrency is not supported by queue benches/,
      ),
    ])
  })

  it('rejects a depth or batch listed twice, which would give two results one name', () => {
    expect(
      errorsOf(`benches:
  - name: q
    kind: queue
    batch: [10, 10]
    depth: [0, 100, 0]
`),
    ).toEqual([
      'perfgate.yml:4 bench "q": batch must not list a size twice (each is its own result), got [10,10]',
      'perfgate.yml:5 bench "q": depth must not list a depth twice (each is its own result), got [0,100,0]',
    ])
  })
})
