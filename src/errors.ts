/** Reading errors the same way everywhere: the message, and the causes it wraps. */

/** The message of `error` followed by its `cause` chain ("a: b: c"), for any thrown value. */
export function errorMessage(error: unknown): string {
  const parts: string[] = []
  const seen = new Set<unknown>()
  let current: unknown = error
  while (current !== undefined && current !== null && !seen.has(current) && parts.length < 5) {
    seen.add(current)
    const message = current instanceof Error ? current.message : describeValue(current)
    // Wrappers often repeat their cause's message; say each thing once.
    if (message && !parts.some((p) => p.includes(message))) parts.push(message)
    current = current instanceof Error ? current.cause : undefined
  }
  return parts.join(': ') || 'unknown error'
}

/** A new Error saying `what` failed, with `cause` kept for whoever reads the chain. */
export function wrapError(what: string, cause: unknown): Error {
  return new Error(`${what}: ${errorMessage(cause)}`, { cause })
}

function describeValue(value: unknown): string {
  if (typeof value === 'object' && value !== null && 'message' in value)
    return String(value.message)
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))
}
