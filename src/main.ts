/** The action: wires config → run → results → summary and outputs; the one place that fails the step. */
import * as core from '@actions/core'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { formatConfigError } from './config/load.js'
import { readConfig } from './config/read.js'
import { INPUT, OUTPUT, readInputs } from './inputs.js'
import { runSummaryMarkdown } from './report/run-summary.js'
import { serializeResults } from './results/schema.js'
import type { BenchResult } from './results/types.js'
import { runConfig } from './run/run-config.js'
import type { RunObserver } from './run/run-benches.js'
import { formatValue } from './report/format.js'

/** Runs the action end to end. */
export async function run(): Promise<void> {
  try {
    const inputs = readInputs((name) => core.getInput(name))
    if (inputs.githubToken) core.setSecret(inputs.githubToken)
    const workdir = path.resolve(inputs.workingDirectory)
    const configPath = path.resolve(workdir, inputs.config)
    const loaded = await readConfig(configPath, { regressionThreshold: inputs.threshold })
    if (!loaded.ok) {
      for (const error of loaded.errors) {
        core.error(formatConfigError({ ...error, file: inputs.config }), {
          title: 'perfgate config',
          file: path.relative(process.env.GITHUB_WORKSPACE ?? process.cwd(), configPath),
          startLine: error.line,
          startColumn: error.column,
        })
      }
      core.setOutput(OUTPUT.verdict, 'error')
      core.setFailed(`${loaded.errors.length} problem(s) in ${inputs.config}; no bench was run`)
      return
    }
    const results = await runConfig(loaded.config, {
      env: process.env,
      filter: inputs.filter,
      now: () => new Date(),
      observer: logObserver(),
      secret: (value) => core.setSecret(value),
    })
    const outDir = path.join(process.env.RUNNER_TEMP ?? path.join(workdir, '.perfgate'), 'perfgate')
    await mkdir(outDir, { recursive: true })
    const resultsPath = path.join(outDir, 'results.json')
    await writeFile(resultsPath, serializeResults(results))
    core.setOutput(OUTPUT.results, resultsPath)

    const errored = results.benches.filter((bench) => bench.status === 'error')
    const skipped = results.benches.filter((bench) => bench.status === 'skipped')
    await core.summary
      .addHeading('perfgate', 2)
      .addRaw(`${results.benches.length} bench(es) run on ${results.meta.cpuModel}.\n\n`)
      .addRaw(runSummaryMarkdown(results))
      .addRaw('\n')
      .write()
    for (const bench of skipped) core.notice(`${bench.name} skipped: ${bench.reason ?? ''}`)
    if (errored.length > 0) {
      core.setOutput(OUTPUT.verdict, 'error')
      core.setFailed(`${errored.length} bench(es) failed: ${errored.map((b) => b.name).join(', ')}`)
      return
    }
    core.setOutput(OUTPUT.verdict, 'pass')
  } catch (error) {
    core.setOutput(OUTPUT.verdict, 'error')
    core.setFailed(error instanceof Error ? error.message : String(error))
  }
}

function logObserver(): RunObserver {
  return {
    benchStarted(bench, index, total) {
      core.startGroup(`[${index + 1}/${total}] ${bench.name} (${bench.spec.kind})`)
    },
    benchFinished(_bench, results) {
      for (const result of results) core.info(describe(result))
      core.endGroup()
    },
    log(_bench, line) {
      core.info(line)
    },
  }
}

function describe(result: BenchResult): string {
  const metric = result.metrics[0]
  if (result.status !== 'ok' || !metric)
    return `${result.name}: ${result.status}: ${result.reason ?? ''}`
  return `${result.name}: ${metric.summary.n} samples, median ${formatValue(metric.summary.median, metric.unit)}`
}

export { INPUT }
