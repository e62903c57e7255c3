/** Progress that never shows a secret: the observer sees results and log lines masked. */
import type { Secrets } from '../results/redact.js'
import type { RunObserver } from './run-benches.js'

/**
 * `observer` with every log line and finished result masked by `secrets`, as known at the time
 * (a bench registers its template values before it sends anything that could echo them).
 */
export function maskedObserver(observer: RunObserver | undefined, secrets: Secrets): RunObserver {
  return {
    benchStarted: (bench, index, total) => observer?.benchStarted?.(bench, index, total),
    benchFinished: (bench, results) => observer?.benchFinished?.(bench, secrets.redact(results)),
    log: (bench, line) => observer?.log?.(bench, secrets.mask(line)),
  }
}
