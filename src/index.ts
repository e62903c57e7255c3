import { defaultDeps } from './default-deps.js'
import { run } from './main.js'

await run(defaultDeps())
