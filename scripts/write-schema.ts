// Writes schema/perfgate.schema.json from the same zod definitions that validate configs.
import { writeFileSync } from 'node:fs'
import { configJsonSchema } from '../src/config/schema.js'

writeFileSync('schema/perfgate.schema.json', `${JSON.stringify(configJsonSchema(), null, 2)}\n`)
console.log('wrote schema/perfgate.schema.json')
