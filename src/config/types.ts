import type { BenchSpec } from './kinds/index.js'
import type { Budget, ScalePoint } from './budget.js'
import type { Settings } from './settings.js'

/** One validated bench: its name, effective settings and kind-specific spec. */
export interface BenchConfig {
  name: string
  settings: Settings
  spec: BenchSpec
  /** Absolute limits checked on every run (`budget:`); empty when none. */
  budgets: Budget[]
  /** The data size this bench runs at, when its config entry has `scale:` (one entry per size). */
  scale?: ScalePoint
}

/** A validated config file. */
export interface Config {
  /** The config file's path as the user gave it (for messages). */
  file: string
  /** Absolute folder of the config file. */
  dir: string
  benches: BenchConfig[]
}

/** One problem in a config file, located. */
export interface ConfigError {
  file: string
  /** 1-based line, when known. */
  line?: number
  column?: number
  /** The bench's name (or `#N`) when the problem is inside a bench. */
  bench?: string
  /** The offending field, e.g. `noise-threshold`. */
  field?: string
  message: string
}

/** The result of loading a config: the config, or every problem found. */
export type ConfigOutcome = { ok: true; config: Config } | { ok: false; errors: ConfigError[] }
