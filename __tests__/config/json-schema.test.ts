import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { configJsonSchema } from '../../src/config/schema.js'

describe('schema/perfgate.schema.json', () => {
  it('is the generated schema of the current definitions (run `npm run schema` after changing them)', () => {
    const committed: unknown = JSON.parse(readFileSync('schema/perfgate.schema.json', 'utf8'))
    expect(committed).toEqual(configJsonSchema())
  })

  it('describes every kind and rejects unknown keys, for editors', () => {
    const schema = configJsonSchema() as {
      additionalProperties: boolean
      properties: {
        benches: {
          items: { oneOf?: { properties: { kind: { const: string } } }[]; anyOf?: unknown[] }
        }
      }
    }
    expect(schema.additionalProperties).toBe(false)
    const variants = schema.properties.benches.items.oneOf ?? []
    const kinds = variants.map((v) => v.properties.kind.const)
    expect(kinds).toEqual(expect.arrayContaining(['js', 'command']))
  })
})
