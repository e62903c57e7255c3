/** The `import` kind: run the user's own harness (optionally), then read the results it wrote. */
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { glob } from 'tinyglobby'
import type { ImportSpec } from '../../config/kinds/import.js'
import {
  FILE_PARSERS,
  ImportFormatError,
  parseCriterion,
  type ImportFormat,
  type ImportedBench,
} from '../../results/import/index.js'
import { BenchError, type KindRunner, type MeasuredBench, type RunContext } from '../outcome.js'
import { lastLines, runShell } from '../process.js'

/** What a folder given as `path` is searched for, per format. */
const FOLDER_PATTERNS: Record<ImportFormat, string> = {
  criterion: '**/new/benchmark.json',
  'google-benchmark': '**/*.json',
  'pytest-benchmark': '**/*.json',
  hyperfine: '**/*.json',
  go: '**/*.txt',
  vitest: '**/*.json',
  tinybench: '**/*.json',
  custom: '**/*.json',
  cargo: '**/*.txt',
  catch2: '**/*.{txt,xml}',
  jmh: '**/*.json',
  benchmarkdotnet: '**/*-report-full.json',
  benchmarkjs: '**/*.txt',
  julia: '**/*.json',
  // target/iai holds a summary.json per bench with --save-summary; console output is saved as text.
  'iai-callgrind': '**/{summary.json,*.txt}',
  'custom-smaller-is-better': '**/*.json',
  'custom-bigger-is-better': '**/*.json',
}

/** Files written this long before `run` started still count as fresh (coarse file-system clocks). */
const MTIME_SLACK_MS = 2000

/** Runs an `import` bench: its `run` command, then one result per bench found in the files. */
export const runImportBench: KindRunner = async (bench, ctx) => {
  const spec = bench.spec as ImportSpec
  const started = Date.now()
  if (spec.run !== undefined) await runProducer(spec.run, spec.configDir, ctx)
  const roots = defaultRoots(spec, ctx.env)
  let files = await findFiles(spec.format, roots, spec.configDir)
  if (spec.run !== undefined) {
    const fresh = await freshFiles(files, started - MTIME_SLACK_MS)
    if (fresh.length < files.length) {
      ctx.log(`ignored ${files.length - fresh.length} file(s) that \`run\` did not rewrite`)
    }
    files = fresh
  }
  if (files.length === 0) {
    const where = roots.map((root) => JSON.stringify(root)).join(', ')
    throw new BenchError(
      `found no ${spec.format} result files at ${where} (relative to ${spec.configDir})${
        spec.run === undefined ? '' : ' written by `run`'
      }; check \`path\` and that the harness writes its results there`,
    )
  }
  // Files under the config folder are named relative to it; others by their absolute path.
  const label = (file: string): string => {
    const relative = path.relative(spec.configDir, file)
    return relative === '' || relative.startsWith('..') || path.isAbsolute(relative)
      ? file
      : relative
  }
  const base = spec.prefix ?? bench.name
  const fullName = (id: string): string => (base === '' ? id : `${base}/${id}`)
  const results: MeasuredBench[] = []
  const from = new Map<string, string>()
  for (const file of files) {
    let imported: ImportedBench[]
    try {
      imported = await readBenches(spec.format, file, label(file))
    } catch (error) {
      results.push({
        name: fullName(label(file)),
        status: 'error',
        reason: describeReadError(error, label(file)),
        metrics: [],
      })
      continue
    }
    for (const found of imported) {
      const name = fullName(found.id)
      const earlier = from.get(name)
      if (earlier !== undefined) {
        results.push({
          name: fullName(`${found.id} (${label(file)})`),
          status: 'error',
          reason: `${label(file)}: bench "${found.id}" was already read from ${earlier}; point \`path\` at one of them`,
          metrics: [],
        })
        continue
      }
      from.set(name, label(file))
      results.push(
        found.error === undefined
          ? { name, status: 'ok', metrics: found.metrics, details: found.details }
          : {
              name,
              status: 'error',
              reason: `${label(file)}: bench "${found.id}": ${found.error}`,
              metrics: [],
              details: found.details,
            },
      )
    }
  }
  ctx.log(`read ${results.length} bench(es) from ${files.length} file(s)`)
  return results
}

/** The paths to search: the configured ones, or Criterion's default output folder. */
function defaultRoots(spec: ImportSpec, env: RunContext['env']): string[] {
  if (spec.paths.length > 0) return spec.paths
  if (spec.format !== 'criterion') {
    throw new BenchError(
      `path is required for format ${spec.format}: set it to the file or folder the tool writes`,
    )
  }
  const home = env.CRITERION_HOME
  if (home) return [home]
  return [path.join(env.CARGO_TARGET_DIR || 'target', 'criterion')]
}

/** Absolute files matching the roots: a folder is searched with the format's pattern. */
async function findFiles(format: ImportFormat, roots: string[], configDir: string) {
  const found = new Set<string>()
  for (const root of roots) {
    const absolute = path.resolve(configDir, root)
    const info = await stat(absolute).catch(() => undefined)
    if (info?.isFile()) found.add(absolute)
    else {
      const matches = info?.isDirectory()
        ? await glob(FOLDER_PATTERNS[format], { cwd: absolute, absolute: true })
        : await glob(root, { cwd: configDir, absolute: true })
      for (const match of matches) found.add(path.normalize(match))
    }
  }
  const files = [...found]
  // Criterion's folder holds one bench per benchmark.json (its siblings are read with it).
  const wanted =
    format === 'criterion' ? files.filter((f) => path.basename(f) === 'benchmark.json') : files
  return wanted.sort()
}

async function freshFiles(files: string[], since: number): Promise<string[]> {
  const fresh: string[] = []
  for (const file of files) {
    const info = await stat(file)
    if (info.mtimeMs >= since) fresh.push(file)
  }
  return fresh
}

async function readBenches(
  format: ImportFormat,
  file: string,
  label: string,
): Promise<ImportedBench[]> {
  if (format === 'criterion') {
    const dir = path.dirname(file)
    const labelDir = path.dirname(label)
    const optional = (name: string) =>
      readFile(path.join(dir, name), 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined
        throw error
      })
    const sample = await optional('sample.json')
    if (sample === undefined) {
      throw new ImportFormatError(
        `${labelDir}/sample.json`,
        'is missing next to benchmark.json; rerun `cargo bench`',
      )
    }
    const benchmark = await readFile(file, 'utf8')
    const estimates = await optional('estimates.json')
    return [parseCriterion({ benchmark, sample, estimates }, labelDir)]
  }
  return FILE_PARSERS[format](await readFile(file, 'utf8'), label)
}

function describeReadError(error: unknown, label: string): string {
  if (error instanceof ImportFormatError) return error.message
  const code = (error as NodeJS.ErrnoException).code
  if (code !== undefined) return `${label}: could not be read (${code})`
  return `${label}: ${error instanceof Error ? error.message : String(error)}`
}

async function runProducer(command: string, cwd: string, ctx: RunContext): Promise<void> {
  ctx.log(`running \`${command.split('\n')[0]}\``)
  const run = await runShell(command, { cwd, env: { ...ctx.env }, signal: ctx.signal })
  if (run.aborted) throw new BenchError('`run` was killed at the bench’s timeout')
  if (run.code === 0) return
  const how = run.code === null ? `was killed by ${run.signal}` : `exited with code ${run.code}`
  const tail = lastLines(run.stderrTail) || lastLines(run.stdoutTail)
  throw new BenchError(
    `run \`${command.split('\n')[0]}\` ${how}${tail ? `:\n${tail}` : ' (no output)'}`,
  )
}
