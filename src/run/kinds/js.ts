/** The `js` kind: a module's exported functions, timed by tinybench in a fresh process per round. */
import { fork } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { JsSpec } from '../../config/kinds/js.js'
import { makeMetric } from '../../results/summary.js'
import type { JsJob, JsReply } from '../js-protocol.js'
import { BenchError, type KindRunner, type MeasuredBench } from '../outcome.js'
import { killGroup } from '../process.js'

/** Samples kept per function across all rounds, unless `samples` asks for more. */
export const MAX_SAMPLES = 10_000

/** Runs a `js` bench: each round forks a worker that runs every selected export once. */
export const runJsBench: KindRunner = async (bench, ctx) => {
  const spec = bench.spec as JsSpec
  const { settings } = bench
  if (!existsSync(spec.module)) throw new BenchError(`module ${spec.module} does not exist`)
  if (/\.[cm]?ts$/.test(spec.module) && !canStripTypes()) {
    throw new BenchError(
      `${spec.module} is TypeScript, which Node ${process.versions.node} cannot load; run on Node 22.18+ or 24 (the action uses 24), or compile the bench to JavaScript first`,
    )
  }
  const job: JsJob = {
    moduleUrl: pathToFileURL(spec.module).href,
    functions: spec.functions,
    time: settings.time / settings.rounds,
    iterations: Math.max(1, Math.ceil(settings.samples / settings.rounds)),
    warmupTime: 'ms' in settings.warmup ? settings.warmup.ms : 0,
    warmupIterations: 'iterations' in settings.warmup ? settings.warmup.iterations : 0,
    maxSamples: Math.max(
      Math.ceil(MAX_SAMPLES / settings.rounds),
      Math.ceil(settings.samples / settings.rounds),
    ),
  }
  const collected = new Map<string, { samples: number[]; rounds: number[]; error?: string }>()
  for (let round = 0; round < settings.rounds; round++) {
    const reply = await runWorker(job, ctx.signal, ctx.env)
    if (!reply.ok) throw new BenchError(`${spec.module}: ${reply.error}`)
    for (const task of reply.tasks) {
      const entry = collected.get(task.name) ?? { samples: [], rounds: [] }
      if (task.ok) {
        for (const sample of task.samples) entry.samples.push(sample)
        entry.rounds.push(task.samples.length)
      } else {
        entry.error ??= task.error
      }
      collected.set(task.name, entry)
    }
  }
  return [...collected].map(([fn, entry]): MeasuredBench => {
    const name = `${bench.name}/${fn}`
    if (entry.error !== undefined || entry.samples.length === 0) {
      return { name, status: 'error', reason: entry.error ?? 'no samples', metrics: [] }
    }
    return {
      name,
      status: 'ok',
      metrics: [
        makeMetric({ name: 'time', unit: 'ms', samples: entry.samples, rounds: entry.rounds }),
      ],
    }
  })
}

function runWorker(
  job: JsJob,
  signal: AbortSignal,
  env: Readonly<Record<string, string | undefined>>,
): Promise<JsReply> {
  return new Promise((resolve, reject) => {
    const child = fork(workerPath(), [], {
      detached: true,
      env: { ...env },
      execArgv: ['--expose-gc'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    })
    let stderr = ''
    let reply: JsReply | undefined
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)))
    const onAbort = (): void => killGroup(child.pid)
    signal.addEventListener('abort', onAbort, { once: true })
    child.on('message', (message: JsReply) => (reply = message))
    child.on('error', reject)
    child.on('exit', (code, killedBy) => {
      signal.removeEventListener('abort', onAbort)
      if (reply) resolve(reply)
      else if (signal.aborted) reject(new BenchError(`killed at the bench's timeout`))
      else {
        const how = code === null ? `was killed by ${killedBy}` : `exited with code ${code}`
        reject(new BenchError(`the bench process ${how}${stderr ? `:\n${stderr.trim()}` : ''}`))
      }
    })
    child.send(job)
  })
}

/** True when this Node can import TypeScript modules by stripping types. */
function canStripTypes(): boolean {
  const [major, minor] = process.versions.node.split('.').map(Number)
  return major > 22 || (major === 22 && minor >= 18)
}

// In the bundle the worker sits beside this file's bundle (dist/js-worker.js); from the sources
// (tests), it is the bundled worker in dist/.
function workerPath(): string {
  const beside = fileURLToPath(new URL('./js-worker.js', import.meta.url))
  if (existsSync(beside)) return beside
  return fileURLToPath(new URL('../../../dist/js-worker.js', import.meta.url))
}
