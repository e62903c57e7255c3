/**
 * The profiling pass's order of work: both sides open at once with their rounds alternating
 * (ABBA); a capture whose opening takes a round opens them in turn, those rounds first; or, for a capture whose sides cannot run at once (a server's port), one side opened,
 * profiled and closed before the other is opened.
 */
import { describe, expect, it } from '@jest/globals'
import path from 'node:path'
import type { Capture, CaptureTarget, ProfileSide } from '../../src/profile/captures.js'
import { profileBothSides } from '../../src/profile/profile-pass.js'
import type { ProfileRound } from '../../src/profile/types.js'
import { config } from '../run/helpers.js'
import { testSide } from '../helpers/profile.js'

const ROOT = path.resolve('__fixtures__/profile')

function round(): ProfileRound {
  const frame = { functionName: '(root)', scriptId: '0', url: '', lineNumber: -1, columnNumber: -1 }
  return {
    profile: {
      nodes: [{ id: 1, callFrame: frame }],
      startTime: 0,
      endTime: 1,
      samples: [],
      timeDeltas: [],
    },
    calls: 1,
  }
}

/** A capture of the pass's own interface that writes down what the pass asks of it. */
function recording(
  events: string[],
  options: { oneSideAtATime?: boolean; opensWithRound?: boolean; noteFor?: ProfileSide } = {},
): Capture {
  const capture: Capture = async (side) => {
    events.push(`open ${side.side}`)
    if (side.side === options.noteFor) return { note: `no profiler applies to the ${side.side}` }
    // A tick, so a second side opened at once would open before this one's round is written.
    await new Promise((resolve) => setImmediate(resolve))
    if (options.opensWithRound) events.push(`opening round ${side.side}`)
    return {
      round: () => {
        events.push(`round ${side.side}`)
        return Promise.resolve(round())
      },
      close: () => Promise.resolve(void events.push(`close ${side.side}`)),
      ...(options.opensWithRound ? { opening: { ...round(), calls: 7 } } : {}),
    }
  }
  return Object.assign(
    capture,
    options.oneSideAtATime ? { oneSideAtATime: true } : {},
    options.opensWithRound ? { opensWithRound: true } : {},
  )
}

function sides() {
  return { base: { ...testSide(ROOT), side: 'base' as const }, head: testSide(ROOT) }
}

function targets(): Record<ProfileSide, CaptureTarget> {
  const [bench] = config(
    'benches:\n  - {name: t, kind: command, command: "true"}\n',
    path.join(ROOT, 'perfgate.yml'),
  ).benches
  const target = { bench, result: 't', calls: 1, intervalUs: 100, msPerCall: 1 }
  return { base: target, head: target }
}

describe('the profiling pass', () => {
  it('opens both sides and alternates their rounds in ABBA order', async () => {
    const events: string[] = []
    const pass = await profileBothSides(sides(), targets(), recording(events), 2)
    expect('rounds' in pass && pass.rounds.base.length === 2 && pass.rounds.head.length === 2).toBe(
      true,
    )
    expect(events.slice(0, 2).sort()).toEqual(['open base', 'open head'])
    expect(events.slice(2, 6)).toEqual(['round base', 'round head', 'round head', 'round base'])
  })

  it("counts each side's opening round as its first, opened in turn so the order stays ABBA", async () => {
    const events: string[] = []
    const pass = await profileBothSides(
      sides(),
      targets(),
      recording(events, { opensWithRound: true }),
      4,
    )
    if (!('rounds' in pass)) throw new Error(pass.note)
    expect(pass.rounds.base.map((r) => r.calls)).toEqual([7, 1, 1, 1])
    expect(pass.rounds.head.map((r) => r.calls)).toEqual([7, 1, 1, 1])
    expect(events).toEqual([
      'open base',
      'opening round base',
      'open head',
      'opening round head',
      'round head',
      'round base',
      'round base',
      'round head',
      'round head',
      'round base',
      'close base',
      'close head',
    ])
  })

  it('takes one side at a time where the sides cannot run at once: each opened just before its rounds', async () => {
    const events: string[] = []
    const pass = await profileBothSides(
      sides(),
      targets(),
      recording(events, { oneSideAtATime: true }),
      3,
    )
    expect('rounds' in pass && pass.rounds.base.length === 3 && pass.rounds.head.length === 3).toBe(
      true,
    )
    expect(events).toEqual([
      'open base',
      'round base',
      'round base',
      'round base',
      'close base',
      'open head',
      'round head',
      'round head',
      'round head',
      'close head',
    ])
  })

  it("gives the head's note when only the head cannot be profiled, one side at a time", async () => {
    const events: string[] = []
    const pass = await profileBothSides(
      sides(),
      targets(),
      recording(events, { oneSideAtATime: true, noteFor: 'head' }),
      2,
    )
    expect(pass).toEqual({ note: 'no profiler applies to the head' })
    expect(events.at(-1)).toBe('open head')
  })
})
