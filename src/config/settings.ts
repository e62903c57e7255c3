/** The measurement settings every bench has, settable in `defaults:` and per bench. */
import { z } from 'zod'
import { count, duration, envName, percentage, text, warmup, type Warmup } from './fields.js'
import { serveField, type ServeInput, type ServeSpec } from './serve.js'

/** Fields shared by `defaults:` and every bench (all optional; merged bench > defaults > built-in). */
export const settingsFields = {
  samples: count(1)
    .optional()
    .meta({ description: 'Minimum number of samples (iterations or runs) per bench.' }),
  time: duration().optional().meta({ description: 'Measurement time per bench, e.g. 2s.' }),
  warmup: warmup().optional(),
  rounds: count(1).optional().meta({
    description:
      'Measurement rounds, each in a fresh process where the kind allows; their spread estimates run-to-run noise.',
  }),
  timeout: duration()
    .optional()
    .meta({ description: 'The bench is killed (with its children) and marked error after this.' }),
  'noise-threshold': z
    .union([z.literal('auto'), percentage()], { error: 'must be a percentage like 15% or auto' })
    .optional()
    .meta({
      description:
        'Changes smaller than this count as noise (default 5%); `auto` learns it from the history (docs/history.md).',
    }),
  'regression-threshold': percentage()
    .optional()
    .meta({ description: 'Slowdowns bigger than this are regressions (default 10%).' }),
  requires: z.array(envName()).optional().meta({
    description: 'Environment variables that must be set; otherwise the bench is skipped.',
  }),
  required: z
    .boolean({ error: 'must be true or false' })
    .optional()
    .meta({ description: 'When true, a skipped bench fails the run instead.' }),
  tags: z.array(z.string()).optional().meta({ description: 'Free-form labels for filtering.' }),
  concurrency: z.array(count(1)).min(1).optional().meta({
    description:
      'Throughput mode: concurrency levels, e.g. [1, 4, 16]; ops/s and latency are measured at each (kinds that can run operations side by side).',
  }),
  duration: duration().optional().meta({
    description: 'Throughput mode: measurement time per concurrency level (default: time).',
  }),
  build: text('a shell command').optional().meta({
    description:
      "A/B mode: shell command run once in each checkout (base and head) before measuring, e.g. `npm ci && npm run build`; with a database, DATABASE_URL points at that side's own database (run migrations here).",
  }),
  'ab-split': count(1).optional().meta({
    description:
      'A/B mode: each configured round runs as this many shorter rounds per side (default 2). More rounds keep more undisturbed ones next to a noisy neighbour; 1 keeps the wall clock near 2× a single-side run (docs/ab.md).',
  }),
  profile: z.boolean({ error: 'must be true or false' }).optional().meta({
    description:
      'When a regression is confirmed against the base, profile both sides to name the functions whose time grew (default true). false skips that pass (measured: 16–26% of the confirmation for js benches, 27% for a Node server, 25% for a Node command).',
  }),
  serve: serveField(),
}

/** The effective settings of one bench after merging defaults. */
export interface Settings {
  samples: number
  /** Milliseconds. */
  time: number
  warmup: Warmup
  rounds: number
  /** Milliseconds. */
  timeout: number
  noiseThreshold: number
  /** `noise-threshold: auto`: noiseThreshold is then the fallback while history is short. */
  noiseThresholdAuto?: true
  regressionThreshold: number
  requires: string[]
  required: boolean
  tags: string[]
  /** Concurrency levels of throughput mode; empty when the bench measures latency only. */
  concurrency: number[]
  /** Milliseconds per concurrency level; undefined means `time`. */
  duration?: number
  /** A/B mode: shell command that prepares a checkout (run once per side and distinct command). */
  build?: string
  /** A/B mode: rounds per side for each configured round; undefined means AB_ROUND_SPLIT. */
  abSplit?: number
  /** false: a confirmed regression of this bench is not profiled (default: profiled). */
  profile?: false
  /** http/e2e: the server perfgate starts (and stops) for the bench; set by the loader. */
  serve?: ServeSpec
}

/** Built-in settings, used where neither the bench nor `defaults:` set a value. */
export const BUILT_IN_SETTINGS: Settings = {
  samples: 10,
  time: 1000,
  warmup: { ms: 200 },
  rounds: 5,
  timeout: 300_000,
  noiseThreshold: 0.05,
  regressionThreshold: 0.1,
  requires: [],
  required: false,
  tags: [],
  concurrency: [],
}

/** The settings fields as parsed by zod (kebab-case keys, values already converted). */
export type SettingsInput = {
  samples?: number
  time?: number
  warmup?: Warmup
  rounds?: number
  timeout?: number
  'noise-threshold'?: number | 'auto'
  'regression-threshold'?: number
  requires?: string[]
  required?: boolean
  tags?: string[]
  concurrency?: number[]
  duration?: number
  build?: string
  'ab-split'?: number
  profile?: boolean
  serve?: ServeInput
}

/** Merges one bench's settings over the defaults over the built-ins (first defined wins). */
export function mergeSettings(
  layers: SettingsInput[],
  base: Settings = BUILT_IN_SETTINGS,
): Settings {
  const pick = <K extends keyof SettingsInput>(key: K): SettingsInput[K] | undefined =>
    layers.find((layer) => layer[key] !== undefined)?.[key]
  const noise = pick('noise-threshold')
  return {
    samples: pick('samples') ?? base.samples,
    time: pick('time') ?? base.time,
    warmup: pick('warmup') ?? base.warmup,
    rounds: pick('rounds') ?? base.rounds,
    timeout: pick('timeout') ?? base.timeout,
    noiseThreshold: typeof noise === 'number' ? noise : base.noiseThreshold,
    ...(noise === 'auto' ? { noiseThresholdAuto: true as const } : {}),
    regressionThreshold: pick('regression-threshold') ?? base.regressionThreshold,
    requires: pick('requires') ?? base.requires,
    required: pick('required') ?? base.required,
    tags: pick('tags') ?? base.tags,
    concurrency: pick('concurrency') ?? base.concurrency,
    ...(pick('duration') === undefined ? {} : { duration: pick('duration') }),
    ...(pick('build') === undefined ? {} : { build: pick('build') }),
    ...(pick('ab-split') === undefined ? {} : { abSplit: pick('ab-split') }),
    ...(pick('profile') === false ? { profile: false as const } : {}),
  }
}
