/** Errors raised by the comparison engine for input it cannot compare. */

/** Malformed comparison input (empty, NaN or inconsistent samples); the message names the bench. */
export class CompareInputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CompareInputError'
  }
}
