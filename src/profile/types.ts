/**
 * Why a confirmed regression is slower: what profiles of both sides (or both sides' query plans)
 * say grew. One zod schema is the stored format (comparison.json, the PR artifact) and the types.
 * Produced only for regressions confirmed with both sides measured on one runner (issue #24).
 */
import { z } from 'zod'

const finite = z.number().refine(Number.isFinite, { error: 'must be a finite number' })

/** One function (or plan node) whose time grew, per bench call, base → head. */
export const causeLineSchema = z.object({
  /** Function name, or a plan node (`Seq Scan on workflow_steps`). */
  name: z.string(),
  /** Source location `src/hash.js:12` (functions); absent for plan nodes. */
  location: z.string().optional(),
  /** Self time per bench call (functions) or the node's actual time per execution (plans), ms. */
  baseMs: finite,
  headMs: finite,
  /** This line's share of the whole change in time per call, 0–1 (0.71 = 71%). */
  share: finite,
})

/** One line of a cause: a function or plan node whose time grew. */
export type CauseLine = z.infer<typeof causeLineSchema>

/** The files a profiler opens, relative to the results file's folder (uploaded with the artifact). */
export const causeFilesSchema = z.object({
  /** Each side's V8 CPU profile (Chrome DevTools, speedscope). */
  base: z.string().optional(),
  head: z.string().optional(),
  /** Folded stacks with both sides' values: `a;b;c <base> <head>` per line (difffolded format). */
  folded: z.string().optional(),
})

/** The files a profiler opens for one bench. */
export type CauseFiles = z.infer<typeof causeFilesSchema>

/** What the profiles of both sides say about one confirmed regression. */
export const causeSchema = z.object({
  /** `functions` (a CPU profile), `plan-nodes` (EXPLAIN ANALYZE of both sides), or `none`. */
  kind: z.enum(['functions', 'plan-nodes', 'none']),
  /** Up to 3 lines by growth, only those whose growth the profiles separate from noise. */
  lines: z.array(causeLineSchema),
  /**
   * Said instead of (or beside) lines: why nothing is named — "no profiler applies to this
   * command", "the profiles cannot separate the change from noise".
   */
  note: z.string().optional(),
  files: causeFilesSchema.optional(),
})

/** What the profiles of both sides say about one confirmed regression. */
export type Cause = z.infer<typeof causeSchema>

/** One stack of a differential flame graph: frames root first, and each side's time in ms per call. */
export interface FoldedDiffStack {
  frames: string[]
  base: number
  head: number
}

/** A V8 CPU profile as the inspector's Profiler.stop returns it and `node --cpu-prof` writes it. */
export interface CpuProfile {
  nodes: CpuProfileNode[]
  /** Microseconds, on the profiler's clock. */
  startTime: number
  endTime: number
  /** The node id of each sample, and the microseconds before it. */
  samples: number[]
  timeDeltas: number[]
}

/** One call-tree node of a V8 CPU profile. */
export interface CpuProfileNode {
  id: number
  callFrame: {
    functionName: string
    scriptId: string
    url: string
    /** Zero-based. */
    lineNumber: number
    columnNumber: number
  }
  hitCount?: number
  children?: number[]
}

/** One side's profile of one bench in one round, and how many bench calls it covers. */
export interface ProfileRound {
  profile: CpuProfile
  calls: number
  /**
   * CPU time the calls took, ms, where the capture measured it (the js worker does). Then each
   * sample counts alike and the round's samples share this time: on a loaded machine a sample's
   * wall-clock gap holds the time the process waited for a core, which is no function's.
   */
  cpuMs?: number
}
