/**
 * The noise report in the PR comment's details: facts from noiseReport, through the comment model
 * and renderer, read as GitHub would render them (cmark-gfm).
 */
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { noiseReport } from '../../src/ab/noise.js'
import { coldFirstRound } from '../../src/ab/warm-up.js'
import { renderComment } from '../../src/report/comment.js'
import { buildCommentModel, commentInputSchema, type CommentInput } from '../../src/report/model.js'
import { makeMetric } from '../../src/results/summary.js'
import type { BenchResult, Results } from '../../src/results/types.js'

function gfm(markdown: string): string {
  const run = spawnSync(
    'cmark-gfm',
    ['--unsafe', '-e', 'table', '-e', 'autolink', '-e', 'strikethrough'],
    { input: markdown, encoding: 'utf8' },
  )
  if (run.status !== 0) throw new Error(`cmark-gfm failed: ${run.stderr}`)
  return run.stdout
}

function tableRows(html: string): string[][] {
  return [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => cell[1]),
  )
}

/** A bench whose rounds (2 samples each) have these medians. */
function bench(name: string, medians: number[]): BenchResult {
  const samples = medians.flatMap((m) => [m * 0.99, m * 1.01])
  return {
    name,
    kind: 'command',
    status: 'ok',
    tags: [],
    noiseThreshold: 0.05,
    regressionThreshold: 0.1,
    metrics: [makeMetric({ name: 'time', unit: 'ms', samples, rounds: medians.map(() => 2) })],
  }
}

const run = (benches: BenchResult[]): Results => ({
  schemaVersion: 1,
  meta: {} as Results['meta'],
  benches,
})

const NOISY = 'noisy | <b>pipe</b>'

function input(noise: CommentInput['noise']): CommentInput {
  return {
    configPath: 'perfgate.yml',
    verdict: 'pass',
    comparison: { comparisons: [], regressions: 0, warnings: [] },
    headCommit: 'a'.repeat(40),
    benchCount: 2,
    errors: [],
    baseline: { source: 'base-ref', commit: 'b'.repeat(40), runs: 1 },
    baselineWarnings: [],
    rerun: false,
    ...(noise === undefined ? {} : { noise }),
  }
}

describe('the noise report in the comment', () => {
  const head = run([
    bench(NOISY, [100, 110, 90, 105, 95]),
    bench('quiet', [100, 100.2, 99.9, 100.1]),
  ])
  const base = run([bench(NOISY, [100, 104, 98, 106, 97]), bench('quiet', [50, 50.1, 49.9, 50])])

  it('folds each bench spread, base vs base and the rounds it needs into the details', () => {
    const noise = noiseReport(head, base)
    const markdown = renderComment(buildCommentModel(input(noise)))
    const html = gfm(markdown)
    const summary = /<details><summary>([^<]*)<\/summary>([\s\S]*?)<\/details>/.exec(html)
    expect(summary?.[1]).toBe('Noise: 1 of 2 benches too noisy for its threshold')
    const rows = tableRows(summary?.[2] ?? '')
    expect(rows[0]).toEqual([
      'bench',
      'rounds × samples',
      'round-to-round spread',
      'base vs base',
      'threshold',
      'rounds needed',
    ])
    const [noisy] = noise
    // Escaped: the name stays one cell, its tags are text.
    expect(rows[1]).toEqual([
      'noisy | &lt;b&gt;pipe&lt;/b&gt;',
      '5 × 2',
      '7.9%',
      // The base's even rounds (100, 98, 97) against its odd ones (104, 106).
      '+7.1%',
      '10%',
      `≥ ${noisy.roundsNeeded}`,
    ])
    expect(rows[2]).toEqual([
      'quiet',
      '4 × 2',
      '0.1%',
      expect.stringMatching(/^[+-]?0\.\d%$/),
      '10%',
      '≥ 2',
    ])
    // The hint, as a list item above the table, says what to do.
    const hint = /<li>([\s\S]*?)<\/li>/.exec(summary?.[2] ?? '')?.[1]
    expect(hint).toBe(
      `noisy | &lt;b&gt;pipe&lt;/b&gt;: too noisy for its 10% threshold with 5 rounds (10 samples): needs ≥ ${noisy.roundsNeeded} rounds to see 10% (round-to-round spread 7.9%)`,
    )
    expect(noisy.roundsNeeded).toBeGreaterThan(5)
  })

  it('without a base run (artifact mode) shows the spread within the run only', () => {
    const html = gfm(renderComment(buildCommentModel(input(noiseReport(head)))))
    const rows = tableRows(html)
    expect(rows[0]).not.toContain('base vs base')
    expect(rows[1]).toHaveLength(5)
  })

  it('survives the artifact round trip of mode: comment, and is absent without facts', () => {
    const facts = input(noiseReport(head, base))
    expect(commentInputSchema.parse(JSON.parse(JSON.stringify(facts))).noise).toEqual(facts.noise)
    expect(renderComment(buildCommentModel(input(undefined)))).not.toContain('Noise:')
  })

  it('keeps the hints and drops table rows before going over the comment limit', () => {
    const many = run(Array.from({ length: 400 }, (_, i) => bench(`bench-${i}`, [100, 110, 90])))
    const markdown = renderComment(buildCommentModel(input(noiseReport(many))), { limit: 50_000 })
    expect(markdown.length).toBeLessThanOrEqual(50_000)
    expect(markdown).toContain('more not shown (the comment size limit)')
    expect(gfm(markdown)).toContain('</details>')
  })
})

describe('a cold first round', () => {
  // Right after a build: the first round 42 ms, the rest 17 ms (issue #23).
  const cold = bench('cold', [42, 17, 17.1, 16.9, 17])

  it('is warm-up, not noise: no huge rounds needed, and the report says so', () => {
    const [noise] = noiseReport(run([cold]))
    expect(noise.warmUp).toBe(true)
    expect(noise.hint).toBeUndefined()
    expect(noise.roundsNeeded).toBe(2)
    expect(noise.roundSpread).toBeLessThan(0.01)
    const html = gfm(renderComment(buildCommentModel(input([noise]))))
    expect(html).toContain('Noise: spread of 1 bench, all within what their thresholds need')
    expect(tableRows(html)[1][1]).toBe('5 × 2 (first: warm-up)')
    expect(html).toContain('left out of the spread')
  })

  it('leaves a genuinely noisy bench its hint, cold start or not', () => {
    const [coldNoisy, slowFirst] = noiseReport(
      run([
        bench('cold-noisy', [42, 17, 20, 15, 18]),
        bench('slow-first', [115, 100, 110, 90, 105]),
      ]),
    )
    // The warm rounds themselves move by 12%: the hint stays, counting only those rounds.
    expect(coldNoisy.warmUp).toBe(true)
    expect(coldNoisy.hint).toMatch(
      /with 4 warm rounds \(the first of 5 was warm-up\) \(10 samples\): needs ≥ \d+ rounds/,
    )
    // A first round that is merely the slowest of noisy rounds is noise, and stays in.
    expect(slowFirst.warmUp).toBeUndefined()
    expect(slowFirst.hint).toMatch(/with 5 rounds \(10 samples\): needs ≥ \d+ rounds/)
    expect(gfm(renderComment(buildCommentModel(input([slowFirst]))))).not.toContain('warm-up')
  })

  it('needs two other rounds to judge against, and is the low end for ops/s', () => {
    expect(coldFirstRound([42, 17], 'smaller')).toBe(false)
    expect(coldFirstRound([42, 17, 17], 'smaller')).toBe(true)
    // Other rounds that agree exactly still need a 10% gap, not any slower first round.
    expect(coldFirstRound([17.5, 17, 17, 17], 'smaller')).toBe(false)
    expect(coldFirstRound([500, 1000, 1010, 990], 'bigger')).toBe(true)
    expect(coldFirstRound([1500, 1000, 1010, 990], 'bigger')).toBe(false)
  })
})
