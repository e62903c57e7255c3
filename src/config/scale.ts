/** Expands a bench with `scale:` into one bench per data size, each with the size in its spec. */
import type { BenchSpec } from './kinds/index.js'
import type { ScaleConfig, ScalePoint } from './budget.js'

/** Kinds whose bench can receive a data size. */
export const SCALABLE_KINDS = ['js', 'command', 'sql', 'pg-notify'] as const

/** The placeholder a sql/pg-notify bench writes for the size, e.g. `{{tasks}}`. */
export function scalePlaceholder(param: string): string {
  return `{{${param}}}`
}

/** The environment variable a command bench reads the size from: `tasks` → `TASKS`. */
export function scaleEnvName(param: string): string {
  return param.toUpperCase()
}

/** The name of one size of a scaled bench: `sql/ready[tasks=1000]`. */
export function scaledName(bench: string, param: string, value: number): string {
  return `${bench}[${param}=${value}]`
}

/**
 * Why a scaled bench cannot receive its size, or undefined when it can. A sql/pg-notify bench that
 * never writes `{{param}}` would run every size on the same data, a curve of nothing.
 */
export function scaleProblem(
  kind: string,
  spec: BenchSpec,
  scale: ScaleConfig,
): string | undefined {
  if (!(SCALABLE_KINDS as readonly string[]).includes(kind)) {
    return `is not supported by ${kind} benches: the size cannot reach them; use one of ${SCALABLE_KINDS.join(', ')}`
  }
  if (new Set(scale.values).size !== scale.values.length) return 'values must not repeat a size'
  if (spec.kind === 'sql' || spec.kind === 'pg-notify') {
    const placeholder = scalePlaceholder(scale.param)
    const texts = [spec.setup, spec.teardown, spec.kind === 'sql' ? spec.query : spec.notifySql]
    if (!texts.some((text) => text?.includes(placeholder))) {
      return `param "${scale.param}" never reaches the bench: write ${placeholder} in setup (e.g. generate_series(1, ${placeholder})), query or teardown`
    }
  }
  return undefined
}

/** The spec of one size: the value templated, in the environment, or as the js argument. */
export function specAtSize(spec: BenchSpec, param: string, value: number): BenchSpec {
  const fill = (text: string | undefined) =>
    text?.replaceAll(scalePlaceholder(param), String(value))
  switch (spec.kind) {
    case 'command':
      return { ...spec, env: { ...spec.env, [scaleEnvName(param)]: String(value) } }
    case 'js':
      return { ...spec, args: [value] }
    case 'sql':
      return {
        ...spec,
        query: fill(spec.query) as string,
        ...(spec.setup === undefined ? {} : { setup: fill(spec.setup) }),
        ...(spec.teardown === undefined ? {} : { teardown: fill(spec.teardown) }),
        params:
          spec.params.from === 'query'
            ? { ...spec.params, query: fill(spec.params.query) as string }
            : spec.params,
      }
    case 'pg-notify':
      return {
        ...spec,
        notifySql: fill(spec.notifySql) as string,
        ...(spec.setup === undefined ? {} : { setup: fill(spec.setup) }),
        ...(spec.teardown === undefined ? {} : { teardown: fill(spec.teardown) }),
      }
    default:
      return spec
  }
}

/** The sizes of a scaled bench as points, one per value, in the order written. */
export function scalePoints(bench: string, scale: ScaleConfig): ScalePoint[] {
  return scale.values.map((value) => ({ param: scale.param, value, bench }))
}
