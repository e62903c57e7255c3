/** The import formats perfgate reads and each one's parser (criterion reads a folder per bench). */
import { parseCustom } from './custom.js'
import { parseGoBench } from './go.js'
import { parseGoogleBenchmark } from './google-benchmark.js'
import { parseHyperfine } from './hyperfine.js'
import { parsePytestBenchmark } from './pytest-benchmark.js'
import { parseTinybench } from './tinybench.js'
import type { ImportedBench } from './types.js'
import { parseVitest } from './vitest.js'

/** Every tool output format the `import` kind reads. */
export const IMPORT_FORMATS = [
  'criterion',
  'google-benchmark',
  'pytest-benchmark',
  'hyperfine',
  'go',
  'vitest',
  'tinybench',
  'custom',
] as const

/** One of IMPORT_FORMATS. */
export type ImportFormat = (typeof IMPORT_FORMATS)[number]

/** Parsers of the single-file formats: file text (and its path for messages) → benches. */
export const FILE_PARSERS: Record<
  Exclude<ImportFormat, 'criterion'>,
  (text: string, file: string) => ImportedBench[]
> = {
  'google-benchmark': parseGoogleBenchmark,
  'pytest-benchmark': parsePytestBenchmark,
  hyperfine: parseHyperfine,
  go: parseGoBench,
  vitest: parseVitest,
  tinybench: parseTinybench,
  custom: parseCustom,
}

export { parseCriterion, type CriterionFiles } from './criterion.js'
export { ImportFormatError, type ImportedBench } from './types.js'
