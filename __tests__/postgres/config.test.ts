import { describe, expect, it } from '@jest/globals'
import { formatConfigError, parseConfig } from '../../src/config/load.js'
import type { PgNotifySpec } from '../../src/config/kinds/pg-notify.js'
import type { SqlSpec } from '../../src/config/kinds/sql.js'

const errorsOf = (yaml: string): string[] => {
  const outcome = parseConfig(yaml, { file: 'perfgate.yml' })
  return outcome.ok ? [] : outcome.errors.map(formatConfigError)
}
const specOf = <S>(yaml: string): S => {
  const outcome = parseConfig(yaml, { file: 'perfgate.yml' })
  if (!outcome.ok) throw new Error(outcome.errors.map(formatConfigError).join('\n'))
  return outcome.config.benches[0].spec as S
}

describe('sql and pg-notify config', () => {
  it('rejects params together with params-query, on the line of params-query', () => {
    expect(
      errorsOf(`benches:
  - name: q
    kind: sql
    query: SELECT $1
    params: [1]
    params-query: SELECT 1
`),
    ).toEqual([
      'perfgate.yml:6 bench "q": params-query cannot be used together with params: give fixed values or a query, not both, got "SELECT 1"',
    ])
  })

  it('rejects sampling fields without params-query, and save-plans without explain', () => {
    expect(
      errorsOf(`benches:
  - name: q
    kind: sql
    query: SELECT 1
    stratify-by: grp
    cases: 3
    explain: false
    save-plans: true
`),
    ).toEqual([
      'perfgate.yml:5 bench "q": stratify-by only applies with params-query; add one or remove it, got "grp"',
      'perfgate.yml:6 bench "q": cases only applies with params-query; add one or remove it, got 3',
      'perfgate.yml:8 bench "q": save-plans needs explain; remove explain: false, got true',
    ])
  })

  it('rejects label: without params-query, and a template with a stray brace', () => {
    expect(
      errorsOf(`benches:
  - name: q
    kind: sql
    query: SELECT 1
    label: name
  - name: r
    kind: sql
    query: SELECT $1
    params-query: SELECT id, size FROM t
    label: "{size}/{id"
`),
    ).toEqual([
      'perfgate.yml:5 bench "q": label only applies with params-query; add one or remove it, got "name"',
      'perfgate.yml:10 bench "r": label must be a column name or a template whose {column} placeholders each name a column, like "{workflow}/{size}", got "{size}/{id"',
    ])
    expect(
      specOf<SqlSpec>(`benches:
  - name: r
    kind: sql
    query: SELECT $1
    params-query: SELECT id, size FROM t
    label: "{size}/{id}"
`).params,
    ).toMatchObject({ from: 'query', label: '{size}/{id}' })
  })

  it('rejects bad field values and unknown fields', () => {
    expect(
      errorsOf(`benches:
  - name: q
    kind: sql
    query: SELECT 1
    database-url-env: database url
    rollbak: true
  - name: n
    kind: pg-notify
    payload: no token here
    sample-timeout: soon
`),
    ).toEqual([
      'perfgate.yml:5 bench "q": database-url-env must be an environment variable name like DATABASE_URL, got "database url"',
      'perfgate.yml:6 bench "q": rollbak is not a known field (did you mean "rollback"?)',
      'perfgate.yml:9 bench "n": payload must contain {{token}} (replaced by a unique token per sample, to match the notification), got "no token here"',
      'perfgate.yml:10 bench "n": sample-timeout must be a duration like 10s or 500ms, got "soon"',
    ])
  })

  it('reads params as one case or a list of cases, and fills defaults', () => {
    const one = specOf<SqlSpec>(`benches:
  - name: q
    kind: sql
    query: SELECT $1, $2
    params: [10, x]
    search-path: tasker
`)
    expect(one).toMatchObject({
      urlEnv: 'DATABASE_URL',
      searchPath: ['tasker'],
      params: { from: 'list', cases: [[10, 'x']] },
      rollback: false,
      explain: true,
      savePlans: false,
    })
    const many = specOf<SqlSpec>(`benches:
  - name: q
    kind: sql
    query: SELECT $1
    params: [[1], [10]]
`)
    expect(many.params).toEqual({ from: 'list', cases: [[1], [10]] })
    const drawn = specOf<SqlSpec>(`benches:
  - name: q
    kind: sql
    query: SELECT $1
    params-query: SELECT id FROM t
`)
    expect(drawn.params).toEqual({ from: 'query', query: 'SELECT id FROM t', cases: 5, seed: 1 })
    const notify = specOf<PgNotifySpec>(`benches:
  - name: n
    kind: pg-notify
`)
    expect(notify).toMatchObject({
      channel: 'perfgate_bench',
      notifySql: 'SELECT pg_notify($2, $1)',
      payload: '{"token":"{{token}}"}',
      sampleTimeout: 1000,
    })
  })

  it('defaults both kinds to a 15% noise threshold, which a bench or defaults can change', () => {
    const outcome = parseConfig(
      `benches:
  - { name: a, kind: sql, query: SELECT 1 }
  - { name: b, kind: pg-notify }
  - { name: c, kind: sql, query: SELECT 1, noise-threshold: 25% }
  - { name: d, kind: command, command: 'true' }
`,
      { file: 'perfgate.yml' },
    )
    if (!outcome.ok) throw new Error('config should be valid')
    expect(outcome.config.benches.map((b) => b.settings.noiseThreshold)).toEqual([
      0.15, 0.15, 0.25, 0.05,
    ])
  })
})
