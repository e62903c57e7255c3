/**
 * Masks secret values (tokens, passwords, database URLs: every value a `${VAR}` template put in a
 * request) in text and in results, wherever they are about to leave the process.
 */

/**
 * Values shorter than this are neither masked nor registered with the runner. GitHub would mask
 * any length, but masking `a`, `1` or `dev` everywhere garbles every line (bench names, numbers,
 * words) while protecting nothing: a secret of 1–3 characters is guessed in moments anyway.
 * Variables that short are ports, flags and names, not credentials.
 */
export const MIN_SECRET_LENGTH = 4

/** What replaces a secret. */
const MASK = '***'

/** The secrets of one run, growing as benches expand their templates. */
export interface Secrets {
  /**
   * Registers `value` (and its URL- and JSON-escaped forms, as it appears in a logged URL or
   * body); each new form is announced once, e.g. to `core.setSecret`. Short values are ignored.
   */
  add(value: string): void
  /** `text` with every registered value replaced by `***`. */
  mask(text: string): string
  /** A deep copy of `value` with every string in it masked. */
  redact<T>(value: T): T
}

/** An empty set of secrets; `announce` hears each new value (the action's `setSecret`). */
export function secretBook(announce?: (value: string) => void): Secrets {
  // Longest first, so a URL holding a password is masked whole, not around the password.
  let known: string[] = []
  const mask = (text: string): string =>
    known.reduce((out, secret) => (out.includes(secret) ? out.split(secret).join(MASK) : out), text)
  return {
    add(value) {
      if (value.trim().length < MIN_SECRET_LENGTH) return
      const forms = [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)]
      for (const form of new Set(forms)) {
        if (known.includes(form)) continue
        known = [...known, form].sort((a, b) => b.length - a.length)
        announce?.(form)
      }
    },
    mask,
    redact: <T>(value: T): T =>
      known.length === 0
        ? value
        : (JSON.parse(JSON.stringify(value), (_key, item: unknown) =>
            typeof item === 'string' ? mask(item) : item,
          ) as T),
  }
}

/** A deep copy of `value` with each secret replaced by `***`. */
export function redact<T>(value: T, secrets: readonly string[]): T {
  const book = secretBook()
  for (const secret of secrets) book.add(secret)
  return book.redact(value)
}
