/** JSON report: the documented comparison format (docs/results-format.md). */
import type { z } from 'zod'
import type { Comparison, comparisonFileSchema } from '../compare/types.js'

/** Version of the comparison JSON format. */
export const COMPARISON_FORMAT_VERSION = 1 as const

/** The comparison as a JSON document with a `comparisons` array. */
export function renderJson(comparison: Comparison): string {
  const body: z.infer<typeof comparisonFileSchema> = {
    formatVersion: COMPARISON_FORMAT_VERSION,
    regressions: comparison.regressions,
    warnings: comparison.warnings,
    comparisons: comparison.comparisons,
    ...(comparison.problems ? { problems: comparison.problems } : {}),
  }
  // Non-finite numbers would become null silently; the engine never emits them, so keep as is.
  return JSON.stringify(body, null, 2) + '\n'
}
