/**
 * Stage 2: the config — the file, or with no file the `tool` and `output-file-path` inputs
 * (zero-config, as github-action-benchmark users have it) — validated; every problem is
 * reported at its line, and nothing runs.
 */
import { access } from 'node:fs/promises'
import path from 'node:path'
import { ratioThresholdWarning, configThresholdWarnings } from '../config/threshold-warning.js'
import { chooseConfigSource, configFromTool, ZERO_CONFIG_FILE } from '../config/zero-config.js'
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
  const exists = await access(configPath).then(
    () => true,
    () => false,
  )
  const source = chooseConfigSource(exists, inputs.tool)
  if (source.kind === 'file' && source.ignoredTool) {
    step.notice(`tool "${source.ignoredTool}" ignored: ${inputs.config} exists and wins`)
  }
  const loaded =
    source.kind === 'tool'
      ? configFromTool({
          tool: source.tool,
          outputFilePath: inputs.outputFilePath ?? '',
          workingDirectory: workdir,
          regressionThreshold: inputs.threshold,
        })
      : await readConfig(configPath, { regressionThreshold: inputs.threshold })
  if (loaded.ok) {
    const ratio = ratioThresholdWarning(inputs.threshold, 'input threshold')
    for (const w of [...(ratio ? [ratio] : []), ...configThresholdWarnings(loaded.config)]) {
      step.warning(w, { title: 'perfgate threshold' })
    }
    return loaded.config
  }
  const shown = source.kind === 'tool' ? ZERO_CONFIG_FILE : inputs.config
  const messages = loaded.errors.map((e) => formatConfigError({ ...e, file: shown }))
  loaded.errors.forEach((error, i) =>
    step.error(messages[i], {
      title: 'perfgate config',
      ...(source.kind === 'tool'
        ? {}
        : {
            file: path.relative(deps.env.GITHUB_WORKSPACE ?? workdir, configPath),
            startLine: error.line,
            startColumn: error.column,
          }),
    }),
  )
  const message = `${loaded.errors.length} problem(s) in ${shown}; no bench was run`
  step.setOutput(OUTPUT.verdict, 'error')
  step.setFailed(message)
  const list = messages.map((m) => `- ${escapeMarkdown(m)}`).join('\n')
  await step.summary(`### perfgate\n\n⚠️ ${escapeMarkdown(message)}\n\n${list}\n`)
  return undefined
}
