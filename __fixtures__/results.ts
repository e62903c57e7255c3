/** Builders of Results objects for tests and the evaluation benches. */
import { benchResult } from '../src/results/bench.js'
import { makeMetric } from '../src/results/summary.js'
import type { BenchResult, Metric, Results, RunMeta } from '../src/results/types.js'

/** Run metadata with fixed, plausible values; override what a test is about. */
export function makeMeta(overrides: Partial<RunMeta> = {}): RunMeta {
  return {
    commit: null,
    ref: null,
    event: null,
    runId: null,
    runAttempt: null,
    workflow: null,
    os: 'linux',
    arch: 'x64',
    cpuModel: 'Test CPU @ 2.0GHz',
    cores: 2,
    nodeVersion: 'v20.0.0',
    perfgateVersion: '0.1.0',
    timestamp: '2026-01-01T00:00:00.000Z',
    configDigest: 'digest',
    ...overrides,
  }
}

/** What a test says about one bench: either full metrics or just time samples (and rounds). */
export interface BenchSpec {
  name: string
  samples?: number[]
  rounds?: number[]
  metrics?: Metric[]
  status?: BenchResult['status']
  reason?: string
  noiseThreshold?: number
  regressionThreshold?: number
}

/** A bench result from a spec; samples become an ms `time` metric. */
export function makeBench(spec: BenchSpec): BenchResult {
  const metrics =
    spec.metrics ??
    (spec.samples
      ? [makeMetric({ name: 'time', unit: 'ms', samples: spec.samples, rounds: spec.rounds })]
      : [])
  const fields = {
    name: spec.name,
    kind: 'function',
    tags: [],
    noiseThreshold: spec.noiseThreshold ?? 0.05,
    regressionThreshold: spec.regressionThreshold ?? 0.1,
  }
  return benchResult(fields, { status: spec.status ?? 'ok', reason: spec.reason, metrics })
}

/** A results file holding the given benches. */
export function makeResults(fields: { benches: BenchSpec[]; meta?: Partial<RunMeta> }): Results {
  return { schemaVersion: 1, meta: makeMeta(fields.meta), benches: fields.benches.map(makeBench) }
}

/** `count` rounds of `perRound` samples each, every round centred on its own level. */
export function roundsOf(levels: number[], perRound: number, jitter = 0.01): { samples: number[]; rounds: number[] } {
  const samples: number[] = []
  for (const level of levels) {
    for (let i = 0; i < perRound; i++) {
      // Deterministic spread inside a round: evenly spaced around the level.
      samples.push(level * (1 + jitter * ((i / Math.max(1, perRound - 1)) * 2 - 1)))
    }
  }
  return { samples, rounds: levels.map(() => perRound) }
}
