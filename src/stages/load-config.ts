/** Stage 2: the config file, validated; every problem is reported at its line, and nothing runs. */
import path from 'node:path'
import { formatConfigError } from '../config/load.js'
import { readConfig } from '../config/read.js'
import type { Config } from '../config/types.js'
import { OUTPUT } from '../inputs.js'
import type { Deps } from '../ports.js'
import { escapeMarkdown } from '../report/escape.js'
import type { Setup } from './setup.js'

/** The validated config, or undefined after reporting why there is none (the step has failed). */
export async function loadConfig(setup: Setup, deps: Deps): Promise<Config | undefined> {
  const { inputs, configPath, workdir } = setup
  const { step } = deps
  const loaded = await readConfig(configPath, { regressionThreshold: inputs.threshold })
  if (loaded.ok) return loaded.config
  const messages = loaded.errors.map((e) => formatConfigError({ ...e, file: inputs.config }))
  loaded.errors.forEach((error, i) =>
    step.error(messages[i], {
      title: 'perfgate config',
      file: path.relative(deps.env.GITHUB_WORKSPACE ?? workdir, configPath),
      startLine: error.line,
      startColumn: error.column,
    }),
  )
  const message = `${loaded.errors.length} problem(s) in ${inputs.config}; no bench was run`
  step.setOutput(OUTPUT.verdict, 'error')
  step.setFailed(message)
  const list = messages.map((m) => `- ${escapeMarkdown(m)}`).join('\n')
  await step.summary(`### perfgate\n\n⚠️ ${escapeMarkdown(message)}\n\n${list}\n`)
  return undefined
}
