/**
 * The attribution on real profiles and on synthetic ones. The fixture is a real profiling pass
 * (capture-js.ts, 10 ABBA rounds per side on this 2-core machine under load): a js bench whose
 * `entry` calls two helpers of equal cost, `mix` and `fold`, with `mix` 80% slower in the head
 * (src/work.mjs in __fixtures__/profiles/README.md). The synthetic ones hold the false-naming rate
 * down where noise is all there is: many functions, CPU-hog-like slow rounds, many seeds.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { attribute } from '../../src/profile/attribute.js'
import { causeOf } from '../../src/profile/explain.js'
import { foldedDiff, formatFolded, parseFolded } from '../../src/profile/folded.js'
import { relativizeProfile, roundTimes } from '../../src/profile/self-time.js'
import { parseStoredProfile, splitRounds, storeRounds } from '../../src/profile/stored.js'
import type { ProfileRound } from '../../src/profile/types.js'
import { mulberry32, noisyRound, synthetic, times } from '../helpers/synthetic-profiles.js'

const FIXTURE = '__fixtures__/profiles/work_entry'
const load = (side: 'base' | 'head'): ProfileRound[] => {
  const file = `${FIXTURE}.${side}.cpuprofile`
  return splitRounds(parseStoredProfile(readFileSync(file, 'utf8'), file))
}
const base = load('base')
const head = load('head')

describe('attribution of a real profiling pass', () => {
  it('names the slowed helper first, with its place, both times and most of the change', () => {
    const cause = causeOf(base, head)
    expect(cause.kind).toBe('functions')
    expect(cause.lines[0]).toMatchObject({ name: 'mix', location: 'src/work.mjs:2' })
    const [mix] = cause.lines
    expect(mix.headMs / mix.baseMs).toBeGreaterThan(1.3)
    expect(mix.share).toBeGreaterThan(0.5)
    expect(mix.share).toBeLessThanOrEqual(1)
  })

  it('never names the helper that did not change', () => {
    expect(causeOf(base, head).lines.map((l) => l.name)).not.toContain('fold')
  })

  it('names nothing when the head is the faster side (a function that shrank is not a cause)', () => {
    const cause = causeOf(head, base)
    expect(cause.lines).toEqual([])
    expect(cause.note).toMatch(/cannot separate the change from noise/)
  })

  it('names nothing between two halves of one side, and says so', () => {
    const cause = causeOf(base.slice(0, 4), base.slice(4))
    expect(cause.lines).toEqual([])
    expect(cause.note).toMatch(/cannot separate the change from noise/)
  })

  it('counts only the bench’s samples: each round’s total is entry’s time per call', () => {
    for (const round of head) {
      const times = roundTimes(round)
      expect([...times.functions.values()].map((f) => f.location ?? f.name)).not.toContainEqual(
        expect.stringMatching(/js-worker|node:/),
      )
      expect(times.totalMs).toBeGreaterThan(0)
    }
  })

  it('stores and splits rounds without changing what they say', () => {
    const again = splitRounds(storeRounds(head))
    expect(again.map((r) => r.calls)).toEqual(head.map((r) => r.calls))
    expect(again.map((r) => roundTimes(r).totalMs)).toEqual(head.map((r) => roundTimes(r).totalMs))
  })

  it('writes a folded diff whose slowed stack grew and whose unchanged one did not much', () => {
    const stacks = parseFolded(formatFolded(foldedDiff(base, head)))
    const stack = (leaf: string) => stacks.find((s) => s.frames.at(-1)?.startsWith(`${leaf} `))
    expect(stack('mix')?.frames).toEqual(['entry (src/work.mjs:12)', 'mix (src/work.mjs:2)'])
    const [mix, fold] = [stack('mix'), stack('fold')]
    expect(mix && mix.head / mix.base).toBeGreaterThan(1.3)
    expect(fold && fold.head / fold.base).toBeLessThan(1.3)
  })
})

describe('stored profile files', () => {
  it('name the file and the field when they are not perfgate’s', () => {
    const plain = JSON.stringify({
      nodes: [],
      startTime: 0,
      endTime: 1,
      samples: [],
      timeDeltas: [],
    })
    expect(() => parseStoredProfile(plain, 'p/x.cpuprofile')).toThrow(
      /^p\/x\.cpuprofile: nodes: .*/,
    )
    const stored = storeRounds(base)
    const noRounds = JSON.stringify({ ...stored, perfgate: undefined })
    expect(() => parseStoredProfile(noRounds, 'p/x.cpuprofile')).toThrow(
      /p\/x\.cpuprofile: perfgate: .*not a profile perfgate wrote/,
    )
    const cut = JSON.stringify({ ...stored, samples: stored.samples.slice(1) })
    expect(() => parseStoredProfile(cut, 'p/x.cpuprofile')).toThrow(/counts \d+ samples/)
    expect(() => parseStoredProfile('{', 'p/x.cpuprofile')).toThrow(/p\/x\.cpuprofile is not JSON/)
  })

  it('turn URLs inside the checkout into paths relative to it, and leave others', () => {
    const profile = synthetic({ helper: 1 }, 1)
    profile.nodes[2].callFrame.url = 'file:///tmp/co/src/a.js'
    profile.nodes[1].callFrame.url = 'node:internal/x'
    const urls = relativizeProfile(profile, '/tmp/co').nodes.map((n) => n.callFrame.url)
    expect(urls.slice(1, 3)).toEqual(['node:internal/x', 'src/a.js'])
  })
})

describe('attribution where noise is all there is (synthetic, seeded)', () => {
  it('names no function over 40 seeds of 30 unchanged ones with slow rounds on either side', () => {
    const named: string[] = []
    for (let seed = 1; seed <= 40; seed++) {
      const random = mulberry32(seed)
      const rounds = (t: Record<string, number>) =>
        Array.from({ length: 10 }, () => noisyRound(t, random))
      named.push(...attribute(rounds(times(1)), rounds(times(1))).lines.map((l) => l.name))
    }
    expect(named).toEqual([])
  })

  it('names the one function grown 60% (a quarter of the time) among 29 unchanged ones, and only it', () => {
    let first = 0
    const others: string[] = []
    for (let seed = 1; seed <= 20; seed++) {
      const random = mulberry32(seed)
      const rounds = (t: Record<string, number>) =>
        Array.from({ length: 10 }, () => noisyRound(t, random))
      const lines = attribute(rounds(times(1)), rounds(times(1.6))).lines
      if (lines[0]?.name === 'f0') first++
      others.push(...lines.filter((l) => l.name !== 'f0').map((l) => l.name))
    }
    expect(first).toBeGreaterThanOrEqual(18)
    expect(others).toEqual([])
  })
})

describe('from two rounds a side, as a command is profiled (synthetic, seeded)', () => {
  // Each round is a whole run; two a side are tested by their sample counts. A command's rounds
  // are its processes' CPU time, which a hog's waiting does not add to; with the hog's 1.45x in
  // whole rounds (noisyRound) as well, the slower side's totals came out below the other's in
  // 3 of 20 seeds, where nothing is named (the totals must grow). Its unchanged runs keep it.
  const run = (t: Record<string, number>, random: () => number) => noisyRound(t, random, 1)
  const two = (t: Record<string, number>, random: () => number) => [run(t, random), run(t, random)]
  const hogged = (t: Record<string, number>, random: () => number) => [
    noisyRound(t, random),
    noisyRound(t, random),
  ]

  it('names no function over 40 seeds of 30 unchanged ones, with or without a hog', () => {
    const named: string[] = []
    for (let seed = 1; seed <= 40; seed++) {
      const random = mulberry32(300 + seed)
      for (const rounds of [two, hogged])
        named.push(
          ...attribute(rounds(times(1), random), rounds(times(1), random)).lines.map((l) => l.name),
        )
    }
    expect(named).toEqual([])
  })

  it('names the one function grown 60% first, and only it', () => {
    let first = 0
    const others: string[] = []
    for (let seed = 1; seed <= 20; seed++) {
      const random = mulberry32(400 + seed)
      const lines = attribute(two(times(1), random), two(times(1.6), random)).lines
      if (lines[0]?.name === 'f0') first++
      others.push(...lines.filter((l) => l.name !== 'f0').map((l) => l.name))
    }
    expect(first).toBeGreaterThanOrEqual(18)
    expect(others).toEqual([])
  })

  it('does not name a function holding all the time: two rounds cannot show its totals grew', () => {
    const random = mulberry32(700)
    const all = (grow: number) => ({ stringify: 0.5 * grow, check: 0.01 })
    const { lines, note } = attribute(two(all(1), random), two(all(1.3), random))
    expect(lines).toEqual([])
    expect(note).toMatch(/cannot separate the change from noise \(2 rounds per side\)/)
  })

  it('names nothing from a round with no samples of the bench (a run that did no work)', () => {
    const empty: ProfileRound = { profile: synthetic({}, 1), calls: 1 }
    const random = mulberry32(600)
    const base = [empty, run(times(1), random)]
    const { lines } = attribute(base, [run(times(1), random), run(times(1), random)])
    expect(lines).toEqual([])
  })

  it("names it all the same when the collector's burst fills a third of one round", () => {
    // A collection lands in whichever run crosses its threshold: its spread is its own, and
    // pooled with the others' it would widen every function's and hide the change.
    let first = 0
    for (let seed = 1; seed <= 20; seed++) {
      const random = mulberry32(500 + seed)
      const burst = { ...times(1.6), '(garbage collector)': 0.6 }
      const lines = attribute(two(times(1), random), [
        run(times(1.6), random),
        run(burst, random),
      ]).lines
      if (lines[0]?.name === 'f0') first++
    }
    expect(first).toBeGreaterThanOrEqual(18)
  })
})

describe('sides profiled one after the other, as a server is (synthetic, seeded)', () => {
  // Each side is one process. In A/A runs of bench:explain's server, the base's process lost
  // samples of one helper to the other (the sampler's gaps, the collector's timing) for all its
  // rounds: the share moved beyond the rounds' spread, the total did not. Here f1's samples
  // moved to f0 on the base side, with the CPU hog's slow rounds on both.
  const moved = (): Record<string, number> => ({ ...times(1), f0: 0.32, f1: 0.01 })
  // A server's rounds a side (SERVER_ROUNDS).
  const ROUNDS = 12
  const rounds = (t: Record<string, number>, random: () => number) =>
    Array.from({ length: ROUNDS }, () => noisyRound(t, random))

  it('names nothing when only the shares moved (40 seeds), where alternating sides would', () => {
    let alternating = 0
    const named: string[] = []
    const notes: string[] = []
    for (let seed = 1; seed <= 40; seed++) {
      const random = mulberry32(800 + seed)
      const [base, head] = [rounds(moved(), random), rounds(times(1), random)]
      if (attribute(base, head).lines.some((l) => l.name === 'f1')) alternating++
      const inTurn = attribute(base, head, { sidesInTurn: true })
      named.push(...inTurn.lines.map((l) => l.name))
      notes.push(inTurn.note ?? '')
    }
    expect(named).toEqual([])
    for (const note of notes) expect(note).toMatch(/^the profiles cannot separate the change/)
    expect(notes).toContainEqual(
      expect.stringMatching(/one after the other.*\(12 rounds per side\)$/),
    )
    // Without the check the rounds' shares alone named f1 wherever the faster rounds' total came
    // out higher on the head (in the others nothing is tested): the case is real.
    expect(alternating).toBeGreaterThanOrEqual(10)
  })

  it('names the one function grown 60% first when the totals grew with it', () => {
    let first = 0
    const others: string[] = []
    for (let seed = 1; seed <= 20; seed++) {
      const random = mulberry32(900 + seed)
      // A server's rounds are its main thread's CPU time: a hog's waiting is not in them.
      const cpu = (t: Record<string, number>) =>
        Array.from({ length: ROUNDS }, () => noisyRound(t, random, 0))
      const lines = attribute(cpu(times(1)), cpu(times(1.6)), { sidesInTurn: true }).lines
      if (lines[0]?.name === 'f0') first++
      others.push(...lines.filter((l) => l.name !== 'f0').map((l) => l.name))
    }
    expect(first).toBeGreaterThanOrEqual(18)
    expect(others).toEqual([])
  })

  it('keeps the order in the stored files, for perfgate explain', () => {
    const random = mulberry32(1000)
    const taken = rounds(times(1), random)
    const again = (order?: { sidesInTurn: boolean }) =>
      parseStoredProfile(JSON.stringify(storeRounds(taken, order)), 'p/x.cpuprofile').perfgate
    expect(again({ sidesInTurn: true }).sidesInTurn).toBe(true)
    expect(again().sidesInTurn).toBeUndefined()
  })
})

describe('a bench whose time is all in one function (synthetic, seeded)', () => {
  // `stringify` calls JSON.stringify, whose time the profile gives to its caller: one function
  // holds ~97% of the time on both sides, so its share cannot grow when it slows down.
  const times = (grow: number): Record<string, number> => ({
    stringify: 0.5 * grow,
    setup: 0.005,
    check: 0.01,
  })
  const rounds = (t: Record<string, number>, random: () => number) =>
    Array.from({ length: 10 }, () => noisyRound(t, random))

  it('names it when it grew 30%, with both times and all of the change', () => {
    let named = 0
    for (let seed = 1; seed <= 20; seed++) {
      const random = mulberry32(seed)
      const { lines } = attribute(rounds(times(1), random), rounds(times(1.3), random))
      if (lines.length === 1 && lines[0].name === 'stringify') named++
      for (const line of lines) expect(line.headMs).toBeGreaterThan(line.baseMs)
    }
    expect(named).toBeGreaterThanOrEqual(18)
  })

  it('names it first when a small function grew beside it (as the collector does)', () => {
    // Pretty JSON (the demo): stringify 60% slower and the collector's time 5x; the collector's
    // share grows and passes its test, which must not hide stringify's nine tenths of the change.
    let both = 0
    for (let seed = 1; seed <= 20; seed++) {
      const random = mulberry32(200 + seed)
      const grown = { ...times(1.6), check: 0.05 }
      const { lines } = attribute(rounds(times(1), random), rounds(grown, random))
      if (lines[0]?.name === 'stringify' && lines[1]?.name === 'check') both++
      expect(lines.map((line) => line.name)).not.toContain('setup')
    }
    expect(both).toBeGreaterThanOrEqual(18)
  })

  it('names nothing over 40 seeds where it did not change', () => {
    const named: string[] = []
    for (let seed = 1; seed <= 40; seed++) {
      const random = mulberry32(100 + seed)
      named.push(
        ...attribute(rounds(times(1), random), rounds(times(1), random)).lines.map((l) => l.name),
      )
    }
    // At DOMINANT_ALPHA (0.1%), 4 of 1,000 such seeds named it; these 40 seeds are fixed and none does.
    expect(named).toEqual([])
  })
})
