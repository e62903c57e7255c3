/**
 * The leak check's verdict: a straight line fitted to heap-after-GC over windows of equal
 * iterations. A leak is growth that is both steady (the line explains the points, r² ≥ 0.8) and
 * material (≥ 256 KiB over the windows); one-off growth (a cache filled once) is not steady.
 */
import { linearRegression, linearRegressionLine, rSquared } from 'simple-statistics'
import { formatValue } from '../format.js'
import type { JsLeakWindows } from './js-protocol.js'

/** Smallest total growth over the windows that counts as a leak, in bytes. */
export const LEAK_MIN_GROWTH = 256 * 1024
/** Smallest r² of the fitted line that counts as steady growth. */
export const LEAK_MIN_R2 = 0.8

/** What the leak check found, as stored in `details.leakCheck`. */
export interface LeakVerdict {
  leak: boolean
  reason: string
  /** Fitted heap growth per call, in bytes. */
  bytesPerIteration: number
  /** Fitted growth over all windows, in bytes. */
  growth: number
  r2: number
  windows: number
  iterationsPerWindow: number
  heapAfterGc: number[]
}

/** Fits heap-after-GC over the windows and decides whether it grows steadily. */
export function judgeLeak({ iterationsPerWindow, heapAfterGc }: JsLeakWindows): LeakVerdict {
  const points = heapAfterGc.map((heap, index) => [index, heap])
  const fit = linearRegression(points)
  const spread = Math.max(...heapAfterGc) - Math.min(...heapAfterGc)
  const r2 = spread === 0 ? 0 : rSquared(points, linearRegressionLine(fit))
  const windows = heapAfterGc.length - 1
  const growth = fit.m * windows
  const bytesPerIteration = fit.m / iterationsPerWindow
  const leak = growth >= LEAK_MIN_GROWTH && r2 >= LEAK_MIN_R2
  const over = `over ${windows} windows of ${iterationsPerWindow} calls`
  const fitted = `r² ${r2.toFixed(2)}`
  const reason = leak
    ? `heap after GC grew steadily by ${formatValue(growth, 'bytes')} ${over} (about ${formatValue(bytesPerIteration, 'bytes')} per call, ${fitted}): the function keeps memory reachable across calls (a module-level array, cache or listener?)`
    : `no steady heap growth: heap after GC changed by ${formatValue(growth, 'bytes')} ${over} (${fitted}; a leak needs at least ${formatValue(LEAK_MIN_GROWTH, 'bytes')} and r² ${LEAK_MIN_R2})`
  return { leak, reason, bytesPerIteration, growth, r2, windows, iterationsPerWindow, heapAfterGc }
}
