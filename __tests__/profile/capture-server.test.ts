/**
 * Profiles of `serve:` servers from real processes: a Node HTTP server driven by an http and an
 * e2e bench names its handler's helper, over exactly the requests of each round; a server that
 * is not Node gets the note.
 */
import { describe, expect, it } from '@jest/globals'
import net from 'node:net'
import path from 'node:path'
import { captureServer, MIN_SERVER_CALLS } from '../../src/profile/capture-server.js'
import { CAPTURES, type CaptureTarget } from '../../src/profile/captures.js'
import type { ProfileRound } from '../../src/profile/types.js'
import { config } from '../run/helpers.js'
import { captureRounds, ownSelfTimes, testSide } from '../helpers/profile.js'

const FIXTURES = path.resolve('__fixtures__/profile')

async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

function target(entry: string, calls: number): CaptureTarget {
  const [bench] = config(`benches:\n  - ${entry}\n`, path.join(FIXTURES, 'perfgate.yml')).benches
  return { bench, result: bench.name, calls, intervalUs: 100, msPerCall: 2 }
}

const serve = (command: string, port: number, work = 20000): string =>
  `serve: {command: ${command}, env: {PORT: "${port}", WORK: "${work}"}, health: {url: "http://127.0.0.1:${port}/", timeout: 10s, interval: 20ms}}`

describe('the server capture', () => {
  it('gives a note for a server whose Node runs with inlining (started by its path, not PATH)', async () => {
    const port = await freePort()
    const entry = `{name: api, kind: http, url: "http://127.0.0.1:${port}/work", ${serve(process.execPath + ' server.mjs', port)}}`
    const taken = await captureRounds(captureServer, testSide(FIXTURES), target(entry, 3), 1)
    expect(taken).toMatch(/its Node runs with inlining \(not started through the `node` on PATH\)/)
  })

  it('is the registered capture of http and e2e benches', () => {
    expect(CAPTURES.http).toBe(captureServer)
    expect(CAPTURES.e2e).toBe(captureServer)
  })

  it("profiles a Node server over each round's requests: its handler's helper is named, by file and line", async () => {
    const port = await freePort()
    const entry = `{name: api, kind: http, url: "http://127.0.0.1:${port}/work", warmup: 3, ${serve('node server.mjs', port)}}`
    const side = testSide(FIXTURES)
    const taken = await captureRounds(captureServer, side, target(entry, 30), 2)
    if (typeof taken === 'string') throw new Error(taken)
    expect(taken).toHaveLength(2)
    taken.forEach((round: ProfileRound) => {
      expect(round.calls).toBe(30)
      expect(round.cpuMs).toBeGreaterThan(0)
      const [top] = ownSelfTimes(round.profile)
      expect(top).toMatchObject({
        name: 'renderSlowly',
        url: `file://${path.join(FIXTURES, 'server.mjs')}`,
        line: 7,
      })
    })
  })

  it('keeps the warm-up out of the profile, even of a round of the fewest requests', async () => {
    const port = await freePort()
    const entry = `{name: one, kind: http, url: "http://127.0.0.1:${port}/work?seq={{seq}}", warmup: 5, ${serve('node server.mjs', port, 200000)}}`
    const taken = await captureRounds(captureServer, testSide(FIXTURES), target(entry, 1), 2)
    if (typeof taken === 'string') throw new Error(taken)
    for (const round of taken) {
      // Asked for one; a server's round drives a few at least.
      expect(round.calls).toBe(MIN_SERVER_CALLS)
      const names = ownSelfTimes(round.profile).map((entry) => entry.name)
      expect(names).toContain('renderSlowly')
      expect(names).not.toContain('warmUpOnly')
    }
  })

  it('profiles the server behind an e2e bench, counting flows', async () => {
    const port = await freePort()
    const entry = `{name: flow, kind: e2e, create: {url: "http://127.0.0.1:${port}/work", method: POST}, id: $.id, poll: {url: "http://127.0.0.1:${port}/work?job={{id}}", field: $.state, success: done}, poll-interval: 1ms, ${serve('node server.mjs', port)}}`
    const taken = await captureRounds(captureServer, testSide(FIXTURES), target(entry, 10))
    if (typeof taken === 'string') throw new Error(taken)
    expect(taken[0].calls).toBe(10)
    expect(ownSelfTimes(taken[0].profile)[0].name).toBe('renderSlowly')
  })

  it('gives the note for a server that is not a Node process', async () => {
    const port = await freePort()
    const entry = `{name: py, kind: http, url: "http://127.0.0.1:${port}/", ${serve(`python3 -m http.server ${port} --bind 127.0.0.1`, port)}}`
    const note = await captureRounds(captureServer, testSide(FIXTURES), target(entry, 3))
    expect(note).toBe(
      `no profiler applies to the head side's server \`python3 -m http.server ${port} --bind 127.0.0.1\`: it starts no Node process (or NODE_OPTIONS does not reach it)`,
    )
  })
})
