/** Removes secret values (passwords, tokens) from every string in a results object. */

/** A deep copy of `value` with each secret replaced by `***`. */
export function redact<T>(value: T, secrets: readonly string[]): T {
  const active = secrets.filter((secret) => secret.length >= 3)
  if (active.length === 0) return value
  const scrub = (text: string): string =>
    active.reduce((out, secret) => out.split(secret).join('***'), text)
  return JSON.parse(JSON.stringify(value), (_key, item: unknown) =>
    typeof item === 'string' ? scrub(item) : item,
  ) as T
}
