/** The version of the results file format this build writes and reads. */
export const RESULTS_SCHEMA_VERSION = 1

/** Which direction of change is good for a metric. */
export type Better = 'smaller' | 'bigger'

/** Descriptive statistics of one metric's raw samples (all in the metric's unit). */
export interface Summary {
  n: number
  mean: number
  median: number
  min: number
  max: number
  sd: number
  /** Coefficient of variation: sd / mean (0 when the mean is 0). */
  cv: number
  p75: number
  p99: number
  /** Median absolute deviation. */
  mad: number
  /** Operations per second implied by the mean, for time metrics; null otherwise. */
  opsPerSecond: number | null
}

/** One measured quantity of a bench: its raw samples and their summary. */
export interface Metric {
  /** `time` for the primary latency; e.g. `peak-rss`, `heap-growth`, `throughput@4` for others. */
  name: string
  /** `ms` for every time (normalised), `bytes`, `ops/s`, or a unit an imported tool declared. */
  unit: string
  better: Better
  /** Every raw sample, in run order. */
  samples: number[]
  /**
   * How many consecutive samples each measurement round produced (sums to samples.length).
   * Rounds are separate processes or separate passes spread over the run, so their spread
   * shows run-to-run variation that the per-iteration spread hides.
   */
  rounds?: number[]
  summary: Summary
  /** A per-metric regression threshold (fraction) overriding the bench's, e.g. for memory. */
  regressionThreshold?: number
  /** Smallest change this metric can resolve, in its unit (e.g. a poll interval). */
  resolution?: number
}

/** Status of one bench in one run. */
export type BenchStatus = 'ok' | 'error' | 'skipped'

/** One bench's outcome in one run. */
export interface BenchResult {
  name: string
  kind: string
  status: BenchStatus
  /** Why it errored or was skipped. */
  reason?: string
  tags: string[]
  /** Fractions: 0.05 means 5%. */
  noiseThreshold: number
  regressionThreshold: number
  /** metrics[0] is the primary metric; empty unless status is ok. */
  metrics: Metric[]
  /** Kind-specific facts for the report (a query plan summary, the server version, ...). */
  details?: Record<string, unknown>
  /**
   * The data size this row was measured at, for a bench with `scale:`; rows sharing `bench` and
   * `param` form its growth curve (`bench` is the result name without `[param=value]`).
   */
  scale?: { bench: string; param: string; value: number }
}

/** Where and how a run happened. */
export interface RunMeta {
  commit: string | null
  ref: string | null
  event: string | null
  runId: string | null
  runAttempt: string | null
  workflow: string | null
  os: string
  arch: string
  cpuModel: string
  cores: number
  nodeVersion: string
  perfgateVersion: string
  /** ISO 8601 time the run started. */
  timestamp: string
  /** sha256 of the effective (defaults-merged) config, to tell runs of different configs apart. */
  configDigest: string
}

/** The results file: one run of perfgate. */
export interface Results {
  schemaVersion: typeof RESULTS_SCHEMA_VERSION
  meta: RunMeta
  benches: BenchResult[]
}
