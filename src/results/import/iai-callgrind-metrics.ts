/**
 * iai-callgrind's metric names, as its console prints them and as its JSON summary keys them,
 * and the perfgate metric each becomes. The console and the JSON of one run give the same metric
 * names, so either output compares with the other.
 */
import type { Better } from '../types.js'

/** JSON summary keys → the labels the console prints (iai-callgrind-runner's Display impls). */
const LABELS: Record<string, string> = {
  // EventKind / CachegrindMetric (the others, Dr, Dw, I1mr, ..., print as their key).
  Ir: 'Instructions',
  L1hits: 'L1 Hits',
  LLhits: 'LL Hits',
  RamHits: 'RAM Hits',
  TotalRW: 'Total read+write',
  EstimatedCycles: 'Estimated Cycles',
  I1MissRate: 'I1 Miss Rate',
  D1MissRate: 'D1 Miss Rate',
  LLiMissRate: 'LLi Miss Rate',
  LLdMissRate: 'LLd Miss Rate',
  LLMissRate: 'LL Miss Rate',
  L1HitRate: 'L1 Hit Rate',
  LLHitRate: 'LL Hit Rate',
  RamHitRate: 'RAM Hit Rate',
  // DhatMetric
  TotalUnits: 'Total units',
  TotalEvents: 'Total events',
  TotalBytes: 'Total bytes',
  TotalBlocks: 'Total blocks',
  AtTGmaxBytes: 'At t-gmax bytes',
  AtTGmaxBlocks: 'At t-gmax blocks',
  AtTEndBytes: 'At t-end bytes',
  AtTEndBlocks: 'At t-end blocks',
  ReadsBytes: 'Reads bytes',
  WritesBytes: 'Writes bytes',
  TotalLifetimes: 'Total lifetimes',
  MaximumBytes: 'Maximum bytes',
  MaximumBlocks: 'Maximum blocks',
  // ErrorMetric (memcheck, helgrind, drd)
  Errors: 'Errors',
  Contexts: 'Contexts',
  SuppressedErrors: 'Suppressed Errors',
  SuppressedContexts: 'Suppressed Contexts',
}

/** The console label of a JSON summary key (unknown keys print as themselves). */
export function labelOfKey(key: string): string {
  return LABELS[key] ?? key
}

/** The tools whose metrics keep their bare names; the others' names get the tool as a prefix. */
const MAIN_TOOLS = new Set(['callgrind', 'cachegrind'])

/** What one printed metric becomes in perfgate. */
export interface MetricShape {
  name: string
  unit: string
  better: Better
}

/**
 * The perfgate metric for `label` of `tool` (lowercase, e.g. `callgrind`, `dhat`):
 * `Instructions` → `instructions` (as `measure: instructions` names it), `L1 Hits` → `l1-hits`,
 * DHAT's `Total bytes` → `dhat-total-bytes`. Rates are percentages; a higher L1 hit rate is the
 * only rate where bigger is better (the other hit rates count slower levels).
 */
export function metricShape(tool: string, label: string): MetricShape {
  const slug = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  const name = MAIN_TOOLS.has(tool) ? slug : `${tool}-${slug}`
  if (/ rate$/i.test(label)) {
    return { name, unit: '%', better: label === 'L1 Hit Rate' ? 'bigger' : 'smaller' }
  }
  return { name, unit: /bytes$/i.test(label) ? 'bytes' : 'count', better: 'smaller' }
}

/** `instructions` first (it is the metric to gate on), then the tool's own order. */
export function instructionsFirst<T extends { name: string }>(metrics: T[]): T[] {
  const index = metrics.findIndex((metric) => metric.name === 'instructions')
  return index <= 0 ? metrics : [metrics[index], ...metrics.filter((_, i) => i !== index)]
}
