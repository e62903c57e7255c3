/**
 * Budgets and growth evaluation: how often the growth class is right on benches of known
 * complexity, whether linear → quadratic is flagged and a constant 1.3× slowdown is not, and
 * whether a budget 20% under the true p95 is flagged and one 20% over is not. Noise: seeded
 * synthetic (modelled on recorded runs) and the recorded rounds in __fixtures__/recorded; plus
 * real js functions of known complexity through the real runner. Usage: `npm run bench:scaling`
 * (SCALING_TRIALS=200 by default; SCALING_REAL=0 skips the real runs, SCALING_SYNTHETIC=0 the
 * simulated ones).
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { checkBudgets } from '../src/budgets/check.js'
import { compareGrowth, growthCurves } from '../src/budgets/curves.js'
import type { GrowthClass } from '../src/budgets/growth.js'
import { parseBudget, type Budget } from '../src/config/budget.js'
import { formatConfigError, parseConfig } from '../src/config/load.js'
import { medianOf, quantileOf } from '../src/compare/units.js'
import { seededRandom } from '../src/compare/random.js'
import { runBenches } from '../src/run/run-benches.js'
import type { BenchResult } from '../src/results/types.js'
import { noisySamples, timeRow } from '../__tests__/budgets/helpers.js'

const TRIALS = Number(process.env.SCALING_TRIALS ?? 200)
const SIZES = [1000, 10000, 100000]
const ROUNDS = 5
const PER_ROUND = 30

/** True curves: milliseconds at size n, with a small fixed per-call overhead. */
const LAWS: Record<string, { growth: GrowthClass; ms: (n: number) => number }> = {
  linear: { growth: 'n', ms: (n) => 0.02 + n * 1e-5 },
  'n log n': { growth: 'n log n', ms: (n) => 0.02 + n * Math.log(n) * 1e-6 },
  quadratic: { growth: 'n²', ms: (n) => 0.02 + n * n * 1e-9 },
}

type Noise = (centre: number, seed: number) => number[]

const synthetic: Noise = (centre, seed) => noisySamples(centre, seed, ROUNDS, PER_ROUND)

/**
 * Recorded rounds (real processes on this runner), each scaled by its workload's median. One curve
 * draws all its rounds from one workload in one condition (quiet or with a busy neighbour), as one
 * CI run measures every size of one program on one machine.
 */
function recordedNoise(): Noise | undefined {
  const dir = fileURLToPath(new URL('../__fixtures__/recorded/', import.meta.url))
  const pools: number[][][] = []
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json.gz'))
    .sort()) {
    const body = JSON.parse(gunzipSync(readFileSync(dir + file)).toString('utf8')) as {
      rounds: { condition: string; samples: number[] }[]
    }
    const centre = medianOf(body.rounds.flatMap((r) => r.samples))
    for (const condition of ['quiet', 'noisy']) {
      const rounds = body.rounds.filter((r) => r.condition === condition)
      if (rounds.length > 0) pools.push(rounds.map((r) => r.samples.map((x) => x / centre)))
    }
  }
  if (pools.length === 0) return undefined
  return (centre, seed) => {
    const random = seededRandom(seed)
    // curveRows seeds the sizes of one curve as trial * 31 + i: the trial picks the pool.
    const rounds = pools[Math.floor(seed / 31) % pools.length]
    const out: number[] = []
    for (let r = 0; r < ROUNDS; r++) {
      const round = rounds[Math.floor(random() * rounds.length)]
      for (let i = 0; i < PER_ROUND; i++)
        out.push(centre * round[Math.floor(random() * round.length)])
    }
    return out
  }
}

function curveRows(
  ms: (n: number) => number,
  noise: Noise,
  seed: number,
  factor = 1,
): BenchResult[] {
  return SIZES.map((n, i) =>
    timeRow(`b[n=${n}]`, noise(ms(n) * factor, seed * 31 + i), ROUNDS, {
      bench: 'b',
      param: 'n',
      value: n,
    }),
  )
}

function pct(hits: number, total: number): string {
  return `${((hits / total) * 100).toFixed(1)}% (${hits}/${total})`
}

function evaluate(label: string, noise: Noise): void {
  console.log(`\n## ${label} noise, sizes ${SIZES.join('/')}, ${TRIALS} seeded runs each`)
  for (const [name, law] of Object.entries(LAWS)) {
    let right = 0
    const wrong: Record<string, number> = {}
    for (let t = 1; t <= TRIALS; t++) {
      const [curve] = growthCurves(curveRows(law.ms, noise, t))
      if (curve.fit.best.growth === law.growth) right++
      else wrong[curve.fit.best.growth] = (wrong[curve.fit.best.growth] ?? 0) + 1
    }
    console.log(
      `class right, ${name}: ${pct(right, TRIALS)}${Object.keys(wrong).length ? ` wrong: ${JSON.stringify(wrong)}` : ''}`,
    )
  }
  let flagged = 0
  let slowdownFlagged = 0
  let unchangedFlagged = 0
  for (let t = 1; t <= TRIALS; t++) {
    const [base] = growthCurves(curveRows(LAWS.linear.ms, noise, t))
    const [quadratic] = growthCurves(
      curveRows((n) => 0.02 + n * 1e-5 * (n / 1000), noise, t + 5000),
    )
    const [slower] = growthCurves(curveRows(LAWS.linear.ms, noise, t + 9000, 1.3))
    const [same] = growthCurves(curveRows(LAWS.linear.ms, noise, t + 13000))
    if (compareGrowth(base, quadratic).regression) flagged++
    if (compareGrowth(base, slower).regression) slowdownFlagged++
    if (compareGrowth(base, same).regression) unchangedFlagged++
  }
  console.log(`linear → quadratic flagged: ${pct(flagged, TRIALS)}`)
  console.log(`constant 1.3× slowdown called a growth change: ${pct(slowdownFlagged, TRIALS)}`)
  console.log(`unchanged called a growth change: ${pct(unchangedFlagged, TRIALS)}`)

  // The true p95 of the program a trial measures: 30 more runs of the same noise pool.
  const budget = (truth: number, factor: number): Budget =>
    parseBudget(`p95 < ${(truth * factor).toPrecision(6)}ms`) as Budget
  let under = 0
  let over = 0
  for (let t = 1; t <= TRIALS; t++) {
    const base = (1000 + t) * 31
    const truth = quantileOf(
      Array.from({ length: 30 }, (_, k) => noise(1, base + 1 + k)).flat(),
      0.95,
    )
    const row = timeRow('b', noise(1, base), ROUNDS)
    const [u, o] = checkBudgets(
      [{ name: 'b', budgets: [budget(truth, 0.8), budget(truth, 1.2)] }],
      [row],
      [],
      { seed: t, resamples: 400 },
    )
    if (u.status === 'broken') under++
    if (o.status === 'broken') over++
  }
  console.log(`budget 20% under the true p95 flagged: ${pct(under, TRIALS)}`)
  console.log(`budget 20% over the true p95 flagged: ${pct(over, TRIALS)}`)
}

/** Real js functions of known complexity, measured through the real runner at 3 sizes. */
async function realRuns(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'perfgate-scaling-'))
  writeFileSync(
    path.join(dir, 'known.js'),
    `let data
let list
export function setup(n) { data = Float64Array.from({ length: n }, (_, i) => ((i * 2654435761) % 1000003) / 7); list = Array.from(data) }
export function linear() { let s = 0; for (let i = 0; i < data.length; i++) s += data[i]; return s }
export function nlogn() { return list.slice().sort((a, b) => a - b)[0] }
export function quadratic() { let s = 0; const m = data.length; for (let i = 0; i < m; i++) for (let j = i; j < m; j += 1) s += data[j] > data[i] ? 1 : 0; return s }
`,
  )
  const yaml = (name: string, fn: string, values: number[]) => `  - name: ${name}
    kind: js
    module: ./known.js
    functions: [${fn}]
    samples: 20
    rounds: 3
    time: 300ms
    warmup: 50ms
    scale: {param: n, values: [${values.join(', ')}]}
`
  const parsed = parseConfig(
    `benches:\n${yaml('linear', 'linear', [1000, 10000, 100000])}${yaml('nlogn', 'nlogn', [1000, 10000, 100000])}${yaml('quadratic', 'quadratic', [100, 1000, 10000])}`,
    { file: path.join(dir, 'perfgate.yml') },
  )
  if (!parsed.ok) throw new Error(parsed.errors.map(formatConfigError).join('\n'))
  const started = performance.now()
  const rows = await runBenches(parsed.config.benches, { env: process.env })
  console.log(
    `\n## real js functions through the runner (${((performance.now() - started) / 1000).toFixed(0)} s)`,
  )
  for (const row of rows.filter((r) => r.status !== 'ok'))
    console.log(`${row.name}: ${row.status} ${row.reason ?? ''}`)
  for (const curve of growthCurves(rows)) {
    const points = curve.points.map((p) => `${p.size}: ${p.value.toPrecision(3)} ms`).join(', ')
    console.log(
      `${curve.bench}: ${curve.fit.best.growth}, slope ${curve.fit.slope.toFixed(2)}, R² ${curve.fit.r2.toFixed(3)} (${points})`,
    )
  }
}

if (process.env.SCALING_SYNTHETIC !== '0') {
  evaluate('synthetic', synthetic)
  const recorded = recordedNoise()
  if (recorded) evaluate('recorded', recorded)
}
if (process.env.SCALING_REAL !== '0') await realRuns()
