/**
 * Request templates: `${VAR}` from the environment (once, values registered as secrets) and
 * per-request tokens `{{uuid}}`, `{{uuidv4}}`, `{{uuidv7}}`, `{{now}}`, `{{now-iso}}`, `{{seq}}`,
 * `{{id}}` — so an API that deduplicates identical requests is not measured on a cache hit.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { BenchError } from '../outcome.js'

/** Per-request values. */
export interface Tokens {
  seq: number
  id?: string
}

const ENV_REF = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g
const TOKEN = /\{\{\s*([a-z0-9-]+)\s*\}\}/g
const KNOWN = new Set(['uuid', 'uuidv4', 'uuidv7', 'now', 'now-iso', 'seq', 'id'])

/**
 * Replaces `${VAR}` in every string of `value` from `env`; each used value goes to `secret`.
 * A missing variable is a BenchError naming the field and the variable.
 */
export function expandEnv<T>(
  value: T,
  env: Readonly<Record<string, string | undefined>>,
  secret: (value: string) => void,
  field: string,
): T {
  return mapStrings(value, (text) =>
    text.replace(ENV_REF, (_, name: string) => {
      const found = env[name]
      if (found === undefined) {
        throw new BenchError(
          `${field} uses \${${name}}, which is not set; set it, or add ${name} to \`requires\` to skip the bench without it`,
        )
      }
      secret(found)
      return found
    }),
  ) as T
}

/** The unknown `{{token}}` names in any string of `value` (to report config mistakes early). */
export function unknownTokens(value: unknown): string[] {
  const found = new Set<string>()
  mapStrings(value, (text) => {
    for (const match of text.matchAll(TOKEN)) if (!KNOWN.has(match[1])) found.add(match[1])
    return text
  })
  return [...found]
}

/** Fills the `{{...}}` tokens of one string. */
export function fillText(text: string, tokens: Tokens): string {
  return text.replace(TOKEN, (whole, name: string) => tokenValue(name, tokens) ?? whole)
}

/**
 * Fills tokens in every string of a JSON value. A string that is exactly `{{seq}}` or `{{now}}`
 * becomes a number, so numeric fields stay numbers.
 */
export function fillJson(value: unknown, tokens: Tokens): unknown {
  return mapStrings(value, (text) => {
    const whole = /^\{\{\s*(seq|now)\s*\}\}$/.exec(text)
    if (whole) return Number(tokenValue(whole[1], tokens))
    return fillText(text, tokens)
  })
}

function tokenValue(name: string, tokens: Tokens): string | undefined {
  switch (name) {
    case 'uuid':
    case 'uuidv4':
      return randomUUID()
    case 'uuidv7':
      return uuidv7()
    case 'now':
      return String(Date.now())
    case 'now-iso':
      return new Date().toISOString()
    case 'seq':
      return String(tokens.seq)
    case 'id':
      return tokens.id
    default:
      return undefined
  }
}

/** A UUID version 7 (RFC 9562): 48-bit Unix milliseconds, then random bits; sorts by time. */
export function uuidv7(now = Date.now()): string {
  const bytes = randomBytes(16)
  bytes.writeUIntBE(now, 0, 6)
  bytes[6] = (bytes[6] & 0x0f) | 0x70
  bytes[8] = (bytes[8] & 0x3f) | 0x80
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

function mapStrings(value: unknown, map: (text: string) => unknown): unknown {
  if (typeof value === 'string') return map(value)
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, map))
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, mapStrings(item, map)]),
    )
  }
  return value
}
