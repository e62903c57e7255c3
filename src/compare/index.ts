/** Public API of the statistics engine. */
export { compareRuns, type CompareOptions } from './compare-runs.js'
export { confirmRegressions, benchesToConfirm } from './confirm.js'
export { CALIBRATION_BENCH, calibrationRatio } from './calibration.js'
export { CompareInputError } from './errors.js'
export { mannWhitneyU, smallestPossibleP, type UTestResult } from './mann-whitney.js'
export { benjaminiHochberg } from './multiple-testing.js'
export { seededRandom, type Random } from './random.js'
export type { Comparison, MetricComparison, Verdict } from './types.js'
