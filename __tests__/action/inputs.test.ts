import { describe, expect, it } from '@jest/globals'
import { readContext } from '../../src/github/context.js'
import { INPUT, InputError, readInputs } from '../../src/inputs.js'

const from = (values: Record<string, string>) => (name: string) => values[name] ?? ''

describe('action inputs', () => {
  it('defaults every input as action.yml documents', () => {
    expect(readInputs(from({}))).toEqual({
      config: 'perfgate.yml',
      filter: undefined,
      threshold: 0.1,
      workingDirectory: '.',
      githubToken: '',
      failOnRegression: true,
      artifactName: 'perfgate-results',
      mode: 'run',
      baseline: undefined,
      baselineBranches: undefined,
      baselineRuns: 5,
      retentionDays: undefined,
      maxBaselineAgeDays: 30,
      confirm: 'auto',
      profile: true,
      normalize: 'none',
      tail: 'off',
      comment: 'always',
      acknowledgeLabel: 'perfgate:accept',
      thresholdsFrom: 'base',
      inconclusive: 'rerun',
      historySize: 500,
    })
  })

  it('parses lists, counts and days', () => {
    const inputs = readInputs(
      from({
        [INPUT.baselineBranches]: 'main, release/*\nnext',
        [INPUT.baselineRuns]: '3',
        [INPUT.maxBaselineAge]: '14d',
        [INPUT.comment]: 'On-Regression',
        [INPUT.mode]: 'comment',
      }),
    )
    expect(inputs.baselineBranches).toEqual(['main', 'release/*', 'next'])
    expect(inputs.baselineRuns).toBe(3)
    expect(inputs.maxBaselineAgeDays).toBe(14)
    expect(inputs.comment).toBe('on-regression')
    expect(inputs.mode).toBe('comment')
  })

  it('names the input and the allowed values when one makes no sense', () => {
    expect(() => readInputs(from({ [INPUT.comment]: 'sometimes' }))).toThrow(
      new InputError(
        'input "comment" must be one of always | on-regression | never, got "sometimes"',
      ),
    )
    expect(() => readInputs(from({ [INPUT.comment]: 'on-regresion' }))).toThrow(
      new InputError(
        'input "comment" must be one of always | on-regression | never, got "on-regresion" (did you mean "on-regression"?)',
      ),
    )
    expect(() =>
      readInputs(from({ [INPUT.tool]: 'cargo-criterion', [INPUT.outputFilePath]: 'x' })),
    ).toThrow(/input "tool" must be one of cargo, .*, got "cargo-criterion"$/)
    expect(() => readInputs(from({ [INPUT.baselineRuns]: '0' }))).toThrow(
      /input "baseline-runs" must be a whole number from 1 to 100/,
    )
    expect(() => readInputs(from({ [INPUT.failOnRegression]: 'maybe' }))).toThrow(
      /input "fail-on-regression" must be true or false/,
    )
  })

  it('reads shard i/n and says what a bad one should look like', () => {
    expect(readInputs(from({ [INPUT.shard]: ' 2 / 4 ' })).shard).toEqual({ index: 2, count: 4 })
    expect(readInputs(from({ [INPUT.mode]: 'merge' })).mode).toBe('merge')
    expect(() => readInputs(from({ [INPUT.shard]: '2' }))).toThrow(
      new InputError(
        'input "shard" must look like 2/4 (this job\'s number / the number of shards), got "2"',
      ),
    )
    expect(() => readInputs(from({ [INPUT.shard]: '0/4' }))).toThrow(
      /input "shard" must number this job from 1 to 4, got "0\/4"/,
    )
    expect(() => readInputs(from({ [INPUT.shard]: '5/4' }))).toThrow(/from 1 to 4/)
    expect(() => readInputs(from({ [INPUT.shard]: '1/0' }))).toThrow(/from 1 to 256 shards/)
    expect(() => readInputs(from({ [INPUT.shard]: '1/4', [INPUT.mode]: 'merge' }))).toThrow(
      /the merge job takes no shard/,
    )
  })
})

describe('workflow context', () => {
  const env = {
    GITHUB_REPOSITORY: 'acme/widget',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_RUN_ID: '9',
    GITHUB_WORKFLOW_REF: 'acme/widget/.github/workflows/perf.yml@refs/pull/3/merge',
  }

  it('reads the PR, tells a fork PR from a same-repository one, and the workflow file', () => {
    const payload = (repo: string, fork: boolean) =>
      JSON.stringify({
        pull_request: {
          number: 3,
          base: { ref: 'main', sha: 'b' },
          head: { sha: 'h', repo: { full_name: repo, fork } },
          labels: [{ name: 'x' }],
        },
        repository: { default_branch: 'trunk' },
      })
    const own = readContext(env, payload('acme/widget', false))
    expect(own.pullRequest).toEqual({
      number: 3,
      baseRef: 'main',
      baseSha: 'b',
      headSha: 'h',
      headRepo: 'acme/widget',
      fork: false,
      labels: ['x'],
    })
    expect(own.defaultBranch).toBe('trunk')
    expect(own.workflowPath).toBe('.github/workflows/perf.yml')
    expect(readContext(env, payload('forker/widget', true)).pullRequest?.fork).toBe(true)
  })

  it('says what is wrong outside GitHub Actions', () => {
    expect(() => readContext({}, undefined)).toThrow(/GITHUB_REPOSITORY is not set/)
  })
})
