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
  /**
   * Quantile of each round taken as its centre, when not the default p10: a wait (a pooled
   * connection's acquisition) sits at zero at its fast end however long the typical wait, so it
   * is judged by each round's median, and its best rounds are not cross-checked.
   */
  roundQuantile?: number
}

/** What changes a bench's measurement, digested: runs of a bench compare only when these match. */
export interface BenchIdentity {
  digest: string
  /** Measurement fields by name (settings as written, spec fields as short digests). */
  fields: Record<string, string>
}

/** The gate as the action ran it: recorded so a PR is judged by its base branch's gate. */
export interface GateSettings {
  /** The action's default regression threshold (fraction). */
  threshold: number
  failOnRegression: boolean
}

/** Status of one bench in one run. */
export type BenchStatus = 'ok' | 'error' | 'skipped'

/** What every bench result says, whatever its status. */
export interface BenchFields {
  name: string
  kind: string
  tags: string[]
  /** Fractions: 0.05 means 5%. */
  noiseThreshold: number
  regressionThreshold: number
  /** Kind-specific facts for the report (a query plan summary, the server version, ...). */
  details?: Record<string, unknown>
  /** Wall time the bench took to run (shared evenly by the results of one config bench), for shard balancing. */
  durationMs?: number
  /** The machine this bench ran on, when it differs per bench (a merge of shards run on different runners). */
  machine?: BenchMachine
  /** What the measurement depends on; absent in results written before per-bench identity. */
  identity?: BenchIdentity
  /**
   * The data size this row was measured at, for a bench with `scale:`; rows sharing `bench` and
   * `param` form its growth curve (`bench` is the result name without `[param=value]`).
   */
  scale?: { bench: string; param: string; value: number }
}

/** The facts about a runner that can move timings. */
export interface BenchMachine {
  os: string
  arch: string
  cpuModel: string
  cores: number
  nodeVersion: string
}

/** A bench that measured: metrics[0] is the primary metric. */
export interface OkBench extends BenchFields {
  status: 'ok'
  reason?: undefined
  metrics: Metric[]
}

/** A bench that errored or was skipped: why, and no metrics. */
export interface NotMeasuredBench extends BenchFields {
  status: 'error' | 'skipped'
  reason: string
  metrics: []
}

/** One bench's outcome in one run, a union on `status`. */
export type BenchResult = OkBench | NotMeasuredBench

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
  /** The action's gate inputs when this run was made by the action (absent from the CLI). */
  gate?: GateSettings
}

/** The results file: one run of perfgate. */
export interface Results {
  schemaVersion: typeof RESULTS_SCHEMA_VERSION
  meta: RunMeta
  benches: BenchResult[]
}
