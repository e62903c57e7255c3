/** What every import parser returns, and the error it throws for a file it cannot read. */
import type { Metric } from '../types.js'

/** One bench found in a tool's output, already in perfgate's units. */
export interface ImportedBench {
  /** The tool's own id for the bench (criterion's full_id, go's name without -N, ...). */
  id: string
  /** metrics[0] is `time` (ms) when the tool measured time. */
  metrics: Metric[]
  /** The tool's own summary and settings, kept for reference (never used for statistics). */
  details: Record<string, unknown>
  /** Set when the tool itself reported this bench as failed. */
  error?: string
}

/** A tool's output file could not be read: names the file and what is wrong with it. */
export class ImportFormatError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`)
    this.name = 'ImportFormatError'
  }
}

/** Parses a JSON text, throwing ImportFormatError (with the parser's reason) when it is not JSON. */
export function parseJson(text: string, file: string, what: string): unknown {
  if (text.trim() === '') throw new ImportFormatError(file, `is empty; expected ${what}`)
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new ImportFormatError(
      file,
      `is not valid JSON (${reason}); expected ${what} — was the file cut short?`,
    )
  }
}
