/**
 * Zero-config: the action's `tool` and `output-file-path` inputs stand for a one-bench config
 * that imports an existing harness output, so github-action-benchmark users need no perfgate.yml.
 * Pure: builds the config text and parses it like a file (the same validation and messages).
 */
import path from 'node:path'
import { parseConfig } from './load.js'
import { formatForTool, TOOL_NAMES } from './tools.js'
import type { ConfigOutcome } from './types.js'

export { formatForTool, LEADING_ACTION_TOOLS, TOOL_NAMES } from './tools.js'

/** What zero-config needs: the two inputs and where relative paths resolve. */
export interface ZeroConfigOptions {
  tool: string
  /** The harness output, relative to `workingDirectory` (the leading action's `output-file-path`). */
  outputFilePath: string
  /** Absolute folder relative paths resolve from (the `working-directory` input). */
  workingDirectory: string
  /** Default regression threshold (fraction), as for a config file. */
  regressionThreshold?: number
  /** Bench name shown in messages; results keep the tool's own names (no prefix). */
  name?: string
}

/** Shown as the config's file in messages, since no file exists. */
export const ZERO_CONFIG_FILE = '(inputs tool and output-file-path)'

/**
 * The config that imports `outputFilePath` with `tool`'s format. Result names are the tool's
 * bench names without a prefix, as github-action-benchmark names them (so imported history
 * lines up).
 */
export function configFromTool(options: ZeroConfigOptions): ConfigOutcome {
  const format = formatForTool(options.tool)
  if (format === undefined) {
    return {
      ok: false,
      errors: [
        {
          file: ZERO_CONFIG_FILE,
          field: 'tool',
          message: `${JSON.stringify(options.tool)} is not a known tool; use one of ${TOOL_NAMES.join(', ')}`,
        },
      ],
    }
  }
  if (options.outputFilePath.trim() === '' && format !== 'criterion') {
    return {
      ok: false,
      errors: [
        {
          file: ZERO_CONFIG_FILE,
          field: 'output-file-path',
          message: `is required with tool "${options.tool}": the file the benchmark run wrote`,
        },
      ],
    }
  }
  const bench = {
    name: options.name ?? 'benchmark',
    kind: 'import',
    format,
    prefix: '',
    ...(options.outputFilePath.trim() === '' ? {} : { path: options.outputFilePath.trim() }),
  }
  // JSON is YAML: parse it as a config file placed in the working directory.
  return parseConfig(JSON.stringify({ benches: [bench] }), {
    file: path.join(options.workingDirectory, ZERO_CONFIG_FILE),
    ...(options.regressionThreshold === undefined
      ? {}
      : { regressionThreshold: options.regressionThreshold }),
  })
}

/** Where the action's config comes from, given whether the config file exists. */
export type ConfigSource =
  { kind: 'file'; ignoredTool?: string } | { kind: 'tool'; tool: string } | { kind: 'missing-file' }

/** A config file, when present, wins over `tool`; without either, the missing file is reported. */
export function chooseConfigSource(fileExists: boolean, tool: string | undefined): ConfigSource {
  if (fileExists) return tool ? { kind: 'file', ignoredTool: tool } : { kind: 'file' }
  return tool ? { kind: 'tool', tool } : { kind: 'missing-file' }
}
