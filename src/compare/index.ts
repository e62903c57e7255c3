/** Public API of the statistics engine. */
export { compareRuns, type CompareOptions } from './compare-runs.js'
export { confirmRegressions, benchesToConfirm } from './confirm.js'
export { CALIBRATION_BENCH, calibrationRatio } from './calibration.js'
export { CompareInputError } from './errors.js'
export { mannWhitneyU, smallestPossibleP, type UTestResult } from './mann-whitney.js'
export { benjaminiHochberg } from './multiple-testing.js'
export { seededRandom, type Random } from './random.js'
export type { Comparison, MetricComparison, Verdict } from './types.js'
export { DEFAULT_TAIL, tailMetricName, type TailOptions } from './compare-runs.js'
export {
  planGate,
  recordGate,
  type GatePlan,
  type ThresholdChange,
  type ThresholdsFrom,
} from './base-gate.js'
export { markChanged, type MeasurementChange } from './changed-benches.js'
export {
  DEFAULT_INCONCLUSIVE_POLICY,
  headline,
  isBeyondThreshold,
  parseInconclusivePolicy,
  type Headline,
  type InconclusivePolicy,
} from './headline.js'
