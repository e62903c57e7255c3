/** Stage 3: run the benches and keep their results (results.json, the `results` output). */
import path from 'node:path'
import { FILES } from '../baseline/layout.js'
import type { Config } from '../config/types.js'
import { OUTPUT } from '../inputs.js'
import type { Deps } from '../ports.js'
import { serializeResults } from '../results/schema.js'
import type { Results } from '../results/types.js'
import type { Setup } from './setup.js'

/** This run's measurements and where they were written. */
export interface Measured {
  results: Results
  resultsPath: string
}

/** Runs every bench the filter selects and writes results.json. */
export async function measure(setup: Setup, config: Config, deps: Deps): Promise<Measured> {
  const results = await deps.runBenches(config, { filter: setup.inputs.filter })
  await deps.files.mkdir(setup.outDir)
  const resultsPath = path.join(setup.outDir, FILES.results)
  await deps.files.writeFile(resultsPath, serializeResults(results))
  deps.step.setOutput(OUTPUT.results, resultsPath)
  return { results, resultsPath }
}
