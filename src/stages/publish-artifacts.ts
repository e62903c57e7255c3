/** Stage 9: the artifacts — the PR's own results, or the baseline window on a baseline branch. */
import path from 'node:path'
import { mergeWindows, writeWindow } from '../baseline/history.js'
import { recentWindows, uploadBaseline } from '../baseline/upload.js'
import { REPORT_HTML_FILE, writeHistoryFile } from '../history/artifact.js'
import { describeChangePoint } from '../history/change-points.js'
import { emptyHistory, type History } from '../history/schema.js'
import { htmlReport } from '../history/html.js'
import type { GrowthEntry } from '../budgets/render.js'
import type { FlameGraphEntry } from '../profile/flame-graph.js'
import { readFlameGraphs } from '../profile/read-folded.js'
import { analyseHistory } from '../history/report.js'
import { FILES, prArtifactName, type ArtifactMeta } from '../baseline/layout.js'
import type { Deps } from '../ports.js'
import type { CommentInput } from '../report/comment.js'
import type { Results } from '../results/types.js'
import type { BaselineFinding } from './find-baseline.js'
import type { Tracked } from './history.js'
import type { RunContext, RunReport } from './context.js'
import type { Remote, Setup } from './setup.js'

/**
 * Writes meta.json and uploads this run's artifact: the PR's results, or the next baseline window.
 * `growth` (the scaled benches' curves, head beside baseline) goes into report.html: the baseline
 * artifact's always, the PR's when there are curves or flame graphs (confirmed regressions'
 * profiles) to draw.
 */
export async function publishArtifacts(run: RunContext, report: RunReport): Promise<void> {
  const { setup, remote, deps } = run
  const { results, model, finding, tracked } = report
  const growth = report.decision.growth.growth
  const { pr } = setup
  await writeMeta(setup, model, deps)
  if (pr) {
    const flameGraphs = await readFlameGraphs(report.compared.comparison, setup.outDir, (file) =>
      deps.files.readFile ? deps.files.readFile(file) : Promise.reject(new Error('not readable')),
    )
    if (growth.length > 0 || flameGraphs.length > 0)
      await writeReportHtml(setup, tracked.shown, growth, deps, flameGraphs)
    await uploadPrResults(setup, remote, deps)
  } else if (setup.baselinePush) {
    await uploadBaselineWindow(setup, results, finding, tracked, remote, deps, growth)
  }
}

/**
 * The next baseline window: rebuilt from every recent baseline run's artifact (so two racing
 * pushes both end up in it), this run added; uploaded with retries. Nothing here throws: a
 * failed upload is a warning naming the commit whose baseline is missing.
 */
async function uploadBaselineWindow(
  setup: Setup,
  results: Results,
  finding: BaselineFinding,
  tracked: Tracked,
  remote: Remote,
  deps: Deps,
  growth: GrowthEntry[],
): Promise<void> {
  const { inputs, ctx, outDir } = setup
  const branch = ctx.branch ?? setup.defaultBranch
  const [api, store] = [await remote.api(), await remote.store()]
  const previous = finding.loaded?.found ? finding.loaded.baselines : []
  const recent = await recentWindows(api, store, ctx, { branch, artifactName: inputs.artifactName })
  for (const notice of recent.notices) deps.step.notice(notice, { title: 'perfgate baseline' })
  const window = mergeWindows([previous, ...recent.windows], results, inputs.baselineRuns)
  await writeWindow(outDir, window)
  if (tracked.next) {
    await writeHistoryFile(setup.outDir, tracked.next)
    await writeReportHtml(setup, tracked.next, growth, deps)
  }
  const upload = await uploadBaseline(store, {
    name: inputs.artifactName,
    dir: outDir,
    ...(inputs.retentionDays === undefined ? {} : { retentionDays: inputs.retentionDays }),
    commit: results.meta.commit ?? ctx.sha,
    branch,
  })
  if (upload.kind === 'uploaded') {
    deps.step.info(
      `Uploaded the baseline artifact ${inputs.artifactName} with ${window.length} run(s) of history`,
    )
  } else if (upload.kind === 'exists') {
    // A re-run attempt of the same run finds the first attempt's artifact: that one stays the baseline.
    deps.step.warning(
      `${upload.message}; the artifact uploaded earlier in this run stays the baseline`,
    )
  } else {
    deps.step.warning(upload.warning, { title: 'perfgate baseline' })
  }
}

/** meta.json: what `mode: comment` needs to post this run's comment from its artifact. */
export async function writeMeta(setup: Setup, model: CommentInput, deps: Deps): Promise<void> {
  const meta: ArtifactMeta = {
    perfgateMeta: 1,
    ...(setup.pr ? { pr: setup.pr.number } : {}),
    headSha: model.headCommit ?? '',
    configPath: setup.inputs.config,
    comment: model,
    verdict: model.verdict,
  }
  await deps.files.writeFile(
    path.join(setup.outDir, FILES.meta),
    `${JSON.stringify(meta, null, 2)}\n`,
  )
}

/** Uploads the PR's results artifact; a failure is a warning, never the step's failure. */
export async function uploadPrResults(setup: Setup, remote: Remote, deps: Deps): Promise<void> {
  const { inputs, pr } = setup
  if (!pr) return
  try {
    const store = await remote.store()
    await store.upload(
      prArtifactName(inputs.artifactName, pr.number),
      setup.outDir,
      inputs.retentionDays,
    )
  } catch (error) {
    deps.step.warning(`Could not upload the PR's results artifact: ${(error as Error).message}`)
  }
}

/** The self-contained report.html: the growth curves of this run, then the history's charts. */
async function writeReportHtml(
  setup: Setup,
  history: History | undefined,
  growth: GrowthEntry[],
  deps: Deps,
  flameGraphs: FlameGraphEntry[] = [],
): Promise<void> {
  const shown = history ?? emptyHistory()
  const html = htmlReport(
    {
      history: shown,
      changePoints: analyseHistory(shown).flatMap((r) => r.changePoints),
      title: `perfgate ${history ? 'history' : 'report'} · ${setup.ctx.owner}/${setup.ctx.repo}`,
      generatedAt: deps.now().toISOString(),
      growth,
      flameGraphs,
    },
    describeChangePoint,
  )
  await deps.files.writeFile(path.join(setup.outDir, REPORT_HTML_FILE), html)
}
