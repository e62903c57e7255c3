/** Progress of a CLI run: a live line on a terminal, one line per event otherwise. */
import type { RunObserver } from '../run/run-benches.js'
import type { BenchResult } from '../results/types.js'
import { formatValue } from '../format.js'
import { metricCentre } from '../compare/centre.js'

/** An observer that writes progress to `write`; `live` rewrites one line (a TTY). */
export function progressObserver(write: (text: string) => void, live: boolean): RunObserver {
  let ticker: NodeJS.Timeout | undefined
  return {
    benchStarted(bench, index, total) {
      const label = `[${index + 1}/${total}] ${bench.name} (${bench.spec.kind})`
      if (!live) {
        write(`${label} ...\n`)
        return
      }
      const started = Date.now()
      const draw = (): void =>
        write(`\r\x1b[K${label} ${((Date.now() - started) / 1000).toFixed(1)}s`)
      draw()
      ticker = setInterval(draw, 250)
    },
    benchFinished(_bench, results) {
      clearInterval(ticker)
      if (live) write('\r\x1b[K')
      for (const result of results) write(`${describe(result)}\n`)
    },
    log(bench, line) {
      if (!live) write(`  ${bench.name}: ${line}\n`)
    },
  }
}

function describe(result: BenchResult): string {
  const metric = result.metrics[0]
  if (result.status !== 'ok' || !metric) {
    const [first] = (result.reason ?? '').split('\n')
    return `${result.status === 'skipped' ? '-' : '✗'} ${result.name}: ${result.status}: ${first}`
  }
  return `✓ ${result.name}: ${metric.summary.n} samples, centre ${formatValue(metricCentre(metric), metric.unit)}`
}
