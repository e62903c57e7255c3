/** The action's inputs, read once into a typed object; names are declared once, here. */
import { parsePercentage } from './config/units.js'

/** Every input name, as in action.yml. */
export const INPUT = {
  config: 'config',
  filter: 'filter',
  threshold: 'threshold',
  workingDirectory: 'working-directory',
  githubToken: 'github-token',
  failOnRegression: 'fail-on-regression',
  artifactName: 'artifact-name',
} as const

/** Every output name, as in action.yml. */
export const OUTPUT = {
  results: 'results',
  verdict: 'verdict',
} as const

/** The validated inputs. */
export interface Inputs {
  config: string
  filter?: string
  /** Default regression threshold, a fraction. */
  threshold: number
  workingDirectory: string
  githubToken: string
  failOnRegression: boolean
  artifactName: string
}

/** Thrown for an input value that makes no sense; the message names the input and an example. */
export class InputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InputError'
  }
}

/** Reads and validates the inputs through `get` (core.getInput in the action). */
export function readInputs(get: (name: string) => string): Inputs {
  const threshold = parsePercentage(get(INPUT.threshold) || '10%')
  if (threshold === undefined) {
    throw new InputError(
      `input "threshold" must be a percentage like 10%, got ${JSON.stringify(get(INPUT.threshold))}`,
    )
  }
  return {
    config: get(INPUT.config) || 'perfgate.yml',
    filter: get(INPUT.filter) || undefined,
    threshold,
    workingDirectory: get(INPUT.workingDirectory) || '.',
    githubToken: get(INPUT.githubToken),
    failOnRegression: readBoolean(get, INPUT.failOnRegression, true),
    artifactName: get(INPUT.artifactName) || 'perfgate-results',
  }
}

function readBoolean(get: (name: string) => string, name: string, fallback: boolean): boolean {
  const value = get(name).trim().toLowerCase()
  if (value === '') return fallback
  if (['true', 'yes', 'on', '1'].includes(value)) return true
  if (['false', 'no', 'off', '0'].includes(value)) return false
  throw new InputError(`input "${name}" must be true or false, got ${JSON.stringify(value)}`)
}
