/** The `tool` input's names (github-action-benchmark's and ours), apart from the config loader. */
import { IMPORT_FORMATS, type ImportFormat } from '../results/import/formats.js'

/** github-action-benchmark's `tool` names → perfgate import formats. */
export const LEADING_ACTION_TOOLS: Record<string, ImportFormat> = {
  cargo: 'cargo',
  go: 'go',
  benchmarkjs: 'benchmarkjs',
  pytest: 'pytest-benchmark',
  googlecpp: 'google-benchmark',
  catch2: 'catch2',
  julia: 'julia',
  jmh: 'jmh',
  benchmarkdotnet: 'benchmarkdotnet',
  customSmallerIsBetter: 'custom-smaller-is-better',
  customBiggerIsBetter: 'custom-bigger-is-better',
}

/** Every accepted `tool` value: the leading action's names, then perfgate's own format names. */
export const TOOL_NAMES: readonly string[] = [
  ...Object.keys(LEADING_ACTION_TOOLS),
  ...IMPORT_FORMATS.filter((format) => !Object.values(LEADING_ACTION_TOOLS).includes(format)),
]

/** The import format a `tool` value names, or undefined for an unknown tool. */
export function formatForTool(tool: string): ImportFormat | undefined {
  const trimmed = tool.trim()
  if (trimmed in LEADING_ACTION_TOOLS) return LEADING_ACTION_TOOLS[trimmed]
  return (IMPORT_FORMATS as readonly string[]).includes(trimmed)
    ? (trimmed as ImportFormat)
    : undefined
}
