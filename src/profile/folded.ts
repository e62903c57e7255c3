/**
 * The folded-stack diff of both sides (the difffolded format a differential flame graph reads):
 * one line per stack, `frame;frame;frame <base> <head>`, root first, each side's mean time per
 * bench call over its rounds, in ms. Pure.
 */
import { roundStacks } from './self-time.js'
import type { FoldedDiffStack, ProfileRound } from './types.js'

/** Every stack either side sampled, with each side's mean ms per call over its rounds. */
export function foldedDiff(
  base: readonly ProfileRound[],
  head: readonly ProfileRound[],
): FoldedDiffStack[] {
  const sides = [mean(base.map(roundStacks)), mean(head.map(roundStacks))]
  const stacks = [...new Set([...sides[0].keys(), ...sides[1].keys()])].sort()
  return stacks.map((stack) => ({
    frames: stack.split(';'),
    base: sides[0].get(stack) ?? 0,
    head: sides[1].get(stack) ?? 0,
  }))
}

/** The folded diff as text, one stack a line; values to the nanosecond. */
export function formatFolded(stacks: readonly FoldedDiffStack[]): string {
  const ms = (value: number): string => String(Math.round(value * 1e6) / 1e6)
  return stacks.map((s) => `${s.frames.join(';')} ${ms(s.base)} ${ms(s.head)}\n`).join('')
}

/** Parses the folded diff text back (the flame graph and tests read it). */
export function parseFolded(text: string): FoldedDiffStack[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const match = /^(.*) (\S+) (\S+)$/.exec(line)
      if (!match) throw new Error(`not a folded-diff line: ${line.slice(0, 80)}`)
      return { frames: match[1].split(';'), base: Number(match[2]), head: Number(match[3]) }
    })
}

function mean(rounds: Map<string, number>[]): Map<string, number> {
  const out = new Map<string, number>()
  for (const round of rounds)
    for (const [stack, ms] of round) out.set(stack, (out.get(stack) ?? 0) + ms / rounds.length)
  return out
}
