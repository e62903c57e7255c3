import { describe, expect, it } from '@jest/globals'
import type { MetricComparison, Verdict } from '../../src/compare/types.js'
import {
  COMMENT_LIMIT,
  commentMarker,
  buildCommentModel,
  previousVerdict,
  renderComment,
  type CommentInput,
} from '../../src/report/comment.js'

/** The comment for a run's facts, through the model as the action builds it. */
function render(input: CommentInput, options?: Parameters<typeof renderComment>[1]): string {
  return renderComment(buildCommentModel(input), options)
}

/** The rendered headline line. */
function headline(input: CommentInput): string {
  return render(input, { marker: false }).split('\n')[2]
}

function row(
  name: string,
  verdict: Verdict,
  extra: Partial<MetricComparison> = {},
): MetricComparison {
  return {
    name,
    metric: 'time',
    unit: 'ms',
    better: 'smaller',
    verdict,
    change: verdict === 'regression' ? 0.25 : verdict === 'improvement' ? -0.2 : 0.01,
    ci: [0.01, 0.3],
    p: 0.01,
    reason: `${verdict} because`,
    base: 10,
    head: 12.5,
    baseSamples: 10,
    headSamples: 10,
    baseRuns: 1,
    noiseThreshold: 0.05,
    regressionThreshold: 0.1,
    ...extra,
  }
}

function model(rows: MetricComparison[], extra: Partial<CommentInput> = {}): CommentInput {
  const regressions = rows.filter((r) => r.verdict === 'regression').length
  return {
    configPath: 'perfgate.yml',
    verdict: regressions > 0 ? 'regression' : 'pass',
    comparison: { comparisons: rows, warnings: [], regressions },
    headCommit: 'c'.repeat(40),
    benchCount: rows.length,
    errors: [],
    baseline: {
      source: 'artifact',
      commit: 'b'.repeat(40),
      runId: 42,
      runUrl: 'https://github.com/o/r/actions/runs/42',
      branch: 'main',
      lagCommits: 0,
      ageDays: 2,
      runs: 3,
    },
    baselineWarnings: [],
    runUrl: 'https://github.com/o/r/actions/runs/43',
    artifactsUrl: 'https://github.com/o/r/actions/runs/43#artifacts',
    rerun: false,
    acknowledgeLabel: 'perfgate:accept',
    ...extra,
  }
}

describe('PR comment renderer', () => {
  it('opens with the verdict line: regressions with their threshold, or none in N benches', () => {
    expect(
      headline(model([row('a', 'regression'), row('b', 'regression'), row('c', 'unchanged')])),
    ).toBe('❌ **2 regressions over 10%**')
    expect(headline(model([row('a', 'unchanged'), row('b', 'faster')]))).toBe(
      '✅ **No regressions in 2 benches**',
    )
    const confirmed = model([row('a', 'regression', { confirmed: true })], { rerun: true })
    expect(headline(confirmed)).toContain('confirmed on re-run')
  })

  it('says which confirmation was made, and none for a bench too noisy for its threshold', () => {
    const base = model([row('a', 'regression', { confirmed: true, confirmation: 'base' })], {
      rerun: true,
    })
    expect(headline(base)).toBe(
      '❌ **1 regression over 10%, confirmed against the base on this runner**',
    )
    expect(render(base)).toContain('🔴 regression (confirmed against the base)')
    const head = model([row('a', 'regression', { confirmed: true, confirmation: 'rerun' })], {
      rerun: true,
    })
    expect(headline(head)).toContain('confirmed on a re-run of the head only')
    expect(render(head)).toContain('(confirmed, head re-run only)')
    const noisy = {
      ...base,
      noise: [
        {
          name: 'a',
          metric: 'time',
          rounds: 5,
          samples: 50,
          roundSpread: 0.4,
          baseVsBase: null,
          threshold: 0.1,
          roundsNeeded: 80,
          hint: 'too noisy for its 10% threshold with 5 rounds',
        },
      ],
    }
    expect(headline(noisy)).toBe('❌ **1 regression over 10%**')
    expect(render(noisy)).not.toContain('(confirmed')
  })

  it('puts regressions first, then improvements and inconclusive; the rest folded in details', () => {
    const body = render(
      model([
        row('same', 'unchanged'),
        row('better', 'improvement'),
        row('unsure', 'inconclusive'),
        row('worse', 'regression'),
      ]),
    )
    const [main, details] = body.split('<details>')
    expect(main.indexOf('| worse |')).toBeGreaterThan(0)
    expect(main.indexOf('| worse |')).toBeLessThan(main.indexOf('| better |'))
    expect(main.indexOf('| better |')).toBeLessThan(main.indexOf('| unsure |'))
    expect(main).not.toContain('| same |')
    expect(details).toContain('| same |')
    expect(body).toContain('+25.0%\u00a0[+1.0%,\u00a0+30.0%]') // no-break spaces: never wrapped
  })

  it('shows notes under their row, names the baseline commit and run, links this run', () => {
    const body = render(
      model([row('q', 'regression', { notes: ['plan changed: Seq Scan on users'] })]),
    )
    expect(body).toMatch(/\| q \|.*\n\| ↳ plan changed\\: Seq Scan on users \|/)
    expect(body).toContain(
      'Baseline: `bbbbbbb` on `main`, [run 42](https://github.com/o/r/actions/runs/42), at the merge base, 2 days old; 3 baseline runs pooled.',
    )
    expect(body).toContain('[this run](https://github.com/o/r/actions/runs/43)')
    expect(body).toContain('add the `perfgate:accept` label')
  })

  it('escapes bench names, reasons, notes and warnings so nothing injects markup, HTML or mentions', () => {
    const evil = '<img src=x onerror=alert(1)> @octocat | **bold** [link](http://evil) <!-- x -->'
    const body = render(
      model([row(evil, 'regression', { reason: `error: ${evil}`, notes: [evil] })], {
        baselineWarnings: [evil],
        comparison: {
          comparisons: [row(evil, 'regression', { reason: evil })],
          warnings: [evil],
          regressions: 1,
        },
      }),
    )
    const withoutMarkers = body.split('\n').slice(2).join('\n')
    expect(withoutMarkers).not.toMatch(/(?<!\\)<img/)
    expect(withoutMarkers).not.toContain('<!--')
    expect(withoutMarkers).not.toMatch(/@octocat/)
    expect(withoutMarkers).not.toContain('[link](')
    expect(withoutMarkers).not.toContain('| **bold**')
    expect(body).toContain('&lt;img src=x onerror=alert\\(1\\)&gt;')
  })

  it('keeps the marker a single HTML comment whatever the config path holds', () => {
    expect(commentMarker('a-->b.yml')).toBe('<!-- perfgate:a- ->b.yml -->')
    expect(previousVerdict(render(model([row('a', 'regression')])))).toBe('regression')
  })

  it('stays under 65,536 characters with 5,000 benches, shortening the details but keeping every regression', () => {
    const rows: MetricComparison[] = []
    for (let i = 0; i < 5000; i++)
      rows.push(row(`suite/bench-number-${i}`, i % 50 === 0 ? 'regression' : 'unchanged'))
    const body = render(model(rows))
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    for (let i = 0; i < 5000; i += 50) expect(body).toContain(`| suite/bench-number-${i} |`)
    expect(body).toMatch(/… \d+ more not shown/)
    expect(body).toContain('</details>')
    expect(body).toContain('Baseline: `bbbbbbb`')
  })

  it('says why there is no baseline and how to get one', () => {
    const body = render(
      model([], {
        verdict: 'no-baseline',
        comparison: null,
        baseline: null,
        benchCount: 3,
        noBaseline: { reason: 'no successful run on main', hint: 'push to main' },
      }),
    )
    expect(body).toContain('No baseline to compare with')
    expect(body).toContain('**Why:** no successful run on main')
    expect(body).toContain('**How to get one:** push to main')
  })

  it('says so when an earlier regression is fixed, and when a label accepted regressions', () => {
    expect(render({ ...model([row('a', 'unchanged')]), fixedSince: true })).toContain(
      'The regression reported earlier on this PR is fixed as of `ccccccc`',
    )
    const accepted = render(
      model([row('a', 'regression')], {
        verdict: 'pass',
        acknowledged: { label: 'perfgate:accept' },
      }),
    )
    expect(accepted).toContain('accepted with the `perfgate:accept` label')
    expect(accepted).toContain('| a |')
  })
})
