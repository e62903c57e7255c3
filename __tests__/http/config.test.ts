import { describe, expect, it } from '@jest/globals'
import { formatConfigError, parseConfig } from '../../src/config/load.js'
import { fillJson, uuidv7 } from '../../src/run/http/template.js'

const parse = (yaml: string) => parseConfig(yaml, { file: 'perfgate.yml' })
const errors = (yaml: string): string[] => {
  const outcome = parse(yaml)
  return outcome.ok ? [] : outcome.errors.map(formatConfigError)
}

describe('http and e2e config', () => {
  it('applies request defaults: GET, POST with a body, POST create and DELETE cleanup', () => {
    const outcome = parse(
      `benches:\n  - name: get\n    kind: http\n    url: http://h/x\n  - name: post\n    kind: http\n    url: http://h/x\n    body: {a: 1}\n    expect-status: 201\n  - name: flow\n    kind: e2e\n    create: {url: http://h/t}\n    id: $.id\n    poll: {url: 'http://h/t/{{id}}', field: $.s, success: done}\n    cleanup: {url: 'http://h/t/{{id}}'}\n`,
    )
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    const [get, post, flow] = outcome.config.benches.map((b) => b.spec)
    expect(get).toMatchObject({ kind: 'http', request: { method: 'GET' } })
    expect(post).toMatchObject({ request: { method: 'POST', expectStatus: [201] } })
    expect(flow).toMatchObject({
      kind: 'e2e',
      create: { method: 'POST' },
      poll: { method: 'GET', success: ['done'], failure: [] },
      cleanup: { method: 'DELETE' },
      pollInterval: 50,
      sampleTimeout: 30_000,
    })
  })

  it('locates a bad JSON path, a bad status and an unknown health field', () => {
    const found = errors(
      `benches:\n  - name: flow\n    kind: e2e\n    create: {url: http://h/t, expect-status: 999}\n    id: task.uuid\n    poll: {url: x, field: $.s, success: done}\n    health: {url: http://h/health, on-fail: skip}\n`,
    )
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^perfgate\.yml:4 bench "flow": create\.expect-status must be/),
        expect.stringMatching(/^perfgate\.yml:5 bench "flow": id must be a JSON path like \$\.id/),
        expect.stringMatching(
          /^perfgate\.yml:7 bench "flow": health\.on-fail is not a known field/,
        ),
      ]),
    )
  })
})

describe('urls that can never be sent', () => {
  it('names each url that is neither http(s):// nor a path with base-urls, at its line', () => {
    const found = errors(`benches:
  - name: api
    kind: http
    url: localhost:8080/v1/tasks
    health: {url: /health}
  - name: flow
    kind: e2e
    create: {url: 127.0.0.1:8080/t}
    id: $.id
    poll: {url: 'http://h/t/{{id}}', field: $.s, success: done}
    cleanup: {url: '/t/{{id}}'}
`)
    const fix = 'or list base-urls and write a path'
    expect(found).toEqual([
      `perfgate.yml:4 bench "api": url is not an http(s) URL: write a full URL like http://127.0.0.1:8080/v1/tasks, ${fix}`,
      `perfgate.yml:5 bench "api": health.url is not an http(s) URL: write a full URL like http://127.0.0.1:8080/health, ${fix}`,
      `perfgate.yml:8 bench "flow": create.url is not an http(s) URL: write a full URL like http://127.0.0.1:8080/v1/tasks, ${fix}`,
      `perfgate.yml:11 bench "flow": cleanup.url is not an http(s) URL: write a full URL like http://127.0.0.1:8080/v1/tasks, ${fix}`,
    ])
  })

  it('accepts paths with base-urls, and urls a template may complete', () => {
    expect(
      errors(`benches:
  - name: paths
    kind: http
    base-urls: [http://127.0.0.1:8080]
    url: /v1/tasks
    health: {url: /health}
  - name: env
    kind: http
    url: \${API_URL}/v1/tasks
  - name: bare-env
    kind: http
    url: $API_URL/v1/tasks
  - name: token
    kind: http
    url: '{{base}}/v1/tasks'
`),
    ).toEqual([])
  })
})

describe('templates', () => {
  it('keeps numeric tokens numbers and makes time-ordered v7 UUIDs', () => {
    const filled = fillJson(
      { seq: '{{seq}}', label: 'n{{seq}}', id: '{{uuid}}' },
      { seq: 7 },
    ) as Record<string, unknown>
    expect(filled.seq).toBe(7)
    expect(filled.label).toBe('n7')
    expect(filled.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/)
    const early = uuidv7(1_700_000_000_000)
    expect(early).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab]/)
    expect(early < uuidv7(1_700_000_000_001)).toBe(true)
  })
})
