/** The import formats perfgate reads and each one's parser (criterion reads a folder per bench). */
import { parseBenchmarkActionCustom } from './benchmark-action-custom.js'
import { parseBenchmarkDotNet } from './benchmarkdotnet.js'
import { parseBenchmarkjs } from './benchmarkjs.js'
import { parseCargo } from './cargo.js'
import { parseCatch2 } from './catch2.js'
import { parseCustom } from './custom.js'
import { parseGoBench } from './go.js'
import { parseGoogleBenchmark } from './google-benchmark.js'
import { parseJmh } from './jmh.js'
import { parseJulia } from './julia.js'
import { parseHyperfine } from './hyperfine.js'
import { parseIaiCallgrind } from './iai-callgrind.js'
import { parsePytestBenchmark } from './pytest-benchmark.js'
import { parseTinybench } from './tinybench.js'
import type { ImportedBench } from './types.js'
import { parseVitest } from './vitest.js'

import { DETERMINISTIC_FORMATS, IMPORT_FORMATS, type ImportFormat } from './formats.js'

export { DETERMINISTIC_FORMATS, IMPORT_FORMATS, type ImportFormat }

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
  cargo: parseCargo,
  catch2: parseCatch2,
  jmh: parseJmh,
  benchmarkdotnet: parseBenchmarkDotNet,
  benchmarkjs: parseBenchmarkjs,
  julia: parseJulia,
  'iai-callgrind': parseIaiCallgrind,
  'custom-smaller-is-better': (text, file) => parseBenchmarkActionCustom(text, file, 'smaller'),
  'custom-bigger-is-better': (text, file) => parseBenchmarkActionCustom(text, file, 'bigger'),
}

export { parseCriterion, type CriterionFiles } from './criterion.js'
export { ImportFormatError, type ImportedBench } from './types.js'
