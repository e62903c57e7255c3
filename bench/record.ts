/**
 * Records real benchmark samples on this machine for the detection evaluation (bench/detect.ts).
 *
 * Each round is a separate child process, so process-to-process drift (JIT, heap layout, CPU
 * frequency, neighbours) is in the data the way it is in CI. Every other round runs next to a
 * CPU-hogging process to capture the "noisy neighbour" case. Usage: `tsx bench/record.ts`.
 *
 * `RECORD_SET=heldout` writes the held-out corpus (__fixtures__/heldout/) instead: the rule is
 * never tuned on it. Its neighbour is `yes > /dev/null` pinned to one core with taskset (the
 * other core is left to the bench), and every round records the machine's 1-minute load average,
 * since a shared development machine is noisier than a CI runner.
 *
 * `RECORD_SET=heldout-2` records a second held-out corpus the same way (__fixtures__/heldout-2/),
 * taken on an otherwise idle machine: the first held-out corpus was recorded while eight other
 * agents shared the machine (load 4.5–22.8), which is not the "quiet" a CI runner gives.
 *
 * `RECORD_SET=ab-hog` records the A/B corpus (__fixtures__/ab-hog/): every round next to the
 * pinned `yes`, which runs for the whole recording, and no pause between rounds, as the
 * processes of one A/B job follow each other (bench/ab-replay.ts replays it).
 */
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, openSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { Bench } from 'tinybench'

/** Rounds (child processes) to record; half quiet, half next to a CPU hog. */
const ROUNDS = Number(process.env.RECORD_ROUNDS ?? 60)
/** Cap per round and workload, so the fixtures stay small. */
const MAX_SAMPLES = 300
/** Pause between rounds, so rounds spread over several minutes of changing machine load. */
const SETS = ['recorded', 'heldout', 'heldout-2', 'ab-hog'] as const
const SET: (typeof SETS)[number] =
  SETS.find((name) => name === process.env.RECORD_SET) ?? 'recorded'
const PAUSE_MS = SET === 'ab-hog' ? 0 : 2500
const OUT_DIR = fileURLToPath(new URL(`../__fixtures__/${SET}/`, import.meta.url))

type Workload = { name: string; fn: () => unknown }

function workloads(): Workload[] {
  const numbers = Array.from({ length: 2000 }, (_, i) => (i * 7919) % 2003)
  const doc = {
    id: 42,
    tags: ['a', 'b', 'c'],
    items: Array.from({ length: 30 }, (_, i) => ({ i, label: `item-${i}`, ok: i % 2 === 0 })),
  }
  const text = 'the quick brown fox jumps over the lazy dog '.repeat(40)
  let sink = 0
  return [
    { name: 'sort-2k', fn: () => (sink += [...numbers].sort((a, b) => a - b)[1000]) },
    {
      name: 'json-roundtrip',
      fn: () => (sink += (JSON.parse(JSON.stringify(doc)) as typeof doc).items.length),
    },
    { name: 'regex-words', fn: () => (sink += text.match(/\b\w{5}\b/g)?.length ?? 0) },
    {
      name: 'map-churn',
      fn: () => {
        const m = new Map<number, number>()
        for (let i = 0; i < 500; i++) m.set(i, i * 2)
        for (let i = 0; i < 500; i++) sink += m.get(i) ?? 0
      },
    },
    {
      name: 'sum-loop',
      fn: () => {
        for (let i = 0; i < numbers.length; i++) sink += numbers[i]
      },
    },
  ]
}

/** Child: run every workload once and print {name: samples} as JSON. */
async function child(): Promise<void> {
  const bench = new Bench({ time: 400, warmupTime: 100, retainSamples: true })
  for (const w of workloads()) bench.add(w.name, w.fn)
  await bench.run()
  const out: Record<string, number[]> = {}
  for (const task of bench.tasks) {
    const samples =
      task.result && 'latency' in task.result ? (task.result.latency.samples ?? []) : []
    // tinybench returns samples sorted; an even stride keeps the distribution's shape.
    const stride = Math.max(1, samples.length / MAX_SAMPLES)
    const kept: number[] = []
    for (let i = 0; i < samples.length && kept.length < MAX_SAMPLES; i += stride) {
      kept.push(Math.round(samples[Math.floor(i)] * 1e6) / 1e6)
    }
    out[task.name] = kept
  }
  process.stdout.write(JSON.stringify(out))
}

interface RecordedRound {
  round: number
  condition: 'quiet' | 'noisy'
  startedAt: string
  /** 1-minute load average when the round started (held-out corpus). */
  load?: number
  samples: number[]
}

/** The noisy neighbour: a busy loop (first corpus) or `yes` pinned to core 1 (held-out corpus). */
function neighbour() {
  if (SET === 'recorded') return spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' })
  const devNull = openSync('/dev/null', 'w')
  return spawn('taskset', ['-c', '1', 'yes'], { stdio: ['ignore', devNull, 'ignore'] })
}

async function parent(): Promise<void> {
  const byWorkload = new Map<string, RecordedRound[]>()
  const script = fileURLToPath(import.meta.url)
  const steadyHog = SET === 'ab-hog' ? neighbour() : undefined
  for (let round = 0; round < ROUNDS; round++) {
    const condition = SET === 'ab-hog' || round % 2 === 1 ? 'noisy' : 'quiet'
    const hog = condition === 'noisy' && !steadyHog ? neighbour() : undefined
    const startedAt = new Date().toISOString()
    const load = Math.round(os.loadavg()[0] * 100) / 100
    const result = spawnSync(process.execPath, ['--import', 'tsx', script, '--child'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    })
    hog?.kill()
    if (result.status !== 0) throw new Error(`round ${round} failed: ${result.stderr}`)
    const parsed = JSON.parse(result.stdout) as Record<string, number[]>
    for (const [name, samples] of Object.entries(parsed)) {
      const list = byWorkload.get(name) ?? []
      list.push({ round, condition, startedAt, ...(SET !== 'recorded' ? { load } : {}), samples })
      byWorkload.set(name, list)
    }
    process.stderr.write(`round ${round + 1}/${ROUNDS} (${condition}) done\n`)
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS))
  }
  steadyHog?.kill()
  mkdirSync(OUT_DIR, { recursive: true })
  for (const [name, rounds] of byWorkload) {
    const body = { workload: name, unit: 'ms', cpus: 2, rounds }
    writeFileSync(`${OUT_DIR}${name}.json.gz`, gzipSync(JSON.stringify(body)))
  }
}

if (process.argv.includes('--child')) await child()
else await parent()
