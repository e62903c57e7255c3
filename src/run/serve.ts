/**
 * The servers of `serve`: at most one runs at a time. A bench that needs a server makes it the
 * running one (reusing it when the previous bench started the same one, stopping any other
 * first), so in A/B mode the base's and the head's servers never compete for the machine or
 * the port. Each server runs in its own process group and is stopped as a group.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import type { BenchConfig } from '../config/types.js'
import type { HealthSpec } from '../config/kinds/http.js'
import type { ServeSpec } from '../config/serve.js'
import { waitHealthy } from './http/health.js'
import { closeClient, createClient } from './http/request.js'
import { expandEnv } from './http/template.js'
import { BenchError } from './outcome.js'
import { groupRunning, killGroup, lastLines } from './process.js'

/** What starting a server needs to know about the run it belongs to. */
export interface ServeContext {
  /** The run's environment (in A/B mode the side's, e.g. its DATABASE_URL); `serve.env` goes over it. */
  env: Readonly<Record<string, string | undefined>>
  signal: AbortSignal
  log(line: string): void
  secret(value: string): void
  /** A/B mode: the side this run measures, named in errors. */
  side?: string
}

/** The one running server, if any, and how to change or stop it. */
export interface Servers {
  /** Makes `bench`'s server the running one and resolves once it is healthy; throws a BenchError. */
  ensure(bench: BenchConfig, ctx: ServeContext): Promise<void>
  /** How the running server ended, when it died under a bench (added to that bench's error). */
  exitNote(): string | undefined
  /** Stops the running server (SIGTERM to its group, SIGKILL after a grace period). */
  stop(): Promise<void>
}

/** Time a stopped server gets to exit on SIGTERM before its group is killed. */
const GRACE_MS = 3000

interface Running {
  key: string
  child: ChildProcess
  label: string
  exited: Promise<void>
  exit?: { code: number | null; signal: NodeJS.Signals | null }
  tail: () => string
}

/** A keeper of at most one running server. */
export function createServers(): Servers {
  let running: Running | undefined
  const stop = async (): Promise<void> => {
    const current = running
    running = undefined
    if (current) await stopServer(current)
  }
  return {
    async ensure(bench, ctx) {
      const serve = bench.settings.serve
      if (serve === undefined) return
      const key = JSON.stringify([ctx.side ?? '', serve.command, serve.cwd, serve.env])
      if (running?.key === key && running.exit === undefined) return
      await stop()
      const label = `the ${ctx.side === undefined ? '' : `${ctx.side} side's `}server \`${firstLine(serve.command)}\` of bench "${bench.name}"`
      const started = startServer(serve, ctx, key, label)
      running = started
      try {
        await waitUntilHealthy(started, serve, bench, ctx)
      } catch (error) {
        await stop()
        throw error
      }
    },
    exitNote() {
      if (running?.exit === undefined) return undefined
      return `${running.label} ${describeExit(running.exit)}${tailText(running.tail())}`
    },
    stop,
  }
}

function startServer(serve: ServeSpec, ctx: ServeContext, key: string, label: string): Running {
  ctx.log(`serve: starting \`${firstLine(serve.command)}\`${ctx.side ? ` (${ctx.side})` : ''}`)
  const child = spawn('sh', ['-c', serve.command], {
    cwd: serve.cwd,
    env: { ...ctx.env, ...serve.env },
    // Its own process group: stopping it ends everything it started (npm → node, …).
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-4096)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const server: Running = { key, child, label, exited: Promise.resolve(), tail: () => output }
  server.exited = new Promise((resolve) => {
    child.on('error', (error) => {
      server.exit ??= { code: null, signal: null }
      output += `\n${error.message}`
      resolve()
    })
    child.on('exit', (code, signal) => {
      server.exit = { code, signal }
      resolve()
    })
  })
  return server
}

async function waitUntilHealthy(
  server: Running,
  serve: ServeSpec,
  bench: BenchConfig,
  ctx: ServeContext,
): Promise<void> {
  const spec = bench.spec as { baseUrls?: string[]; health?: HealthSpec }
  const configured = serve.health ?? spec.health
  if (configured === undefined) throw new BenchError(`${server.label} has no health check`)
  const secret = (value: string): void => ctx.secret(value)
  // A server that cannot start must fail now, not after the health check's whole timeout.
  const died = new AbortController()
  void server.exited.then(() => died.abort())
  const signal = AbortSignal.any([ctx.signal, died.signal])
  const client = createClient()
  const started = performance.now()
  try {
    const health = expandEnv(configured, ctx.env, secret, 'serve.health.url')
    const baseUrls = expandEnv(spec.baseUrls ?? [], ctx.env, secret, 'base-urls')
    await waitHealthy(
      client,
      // An unhealthy server perfgate started itself is an error, never a skipped bench.
      { ...health, onFailure: 'error' },
      baseUrls.length > 0 ? baseUrls : [undefined],
      signal,
      () => undefined,
    )
    if (died.signal.aborted) throw new BenchError('exited')
  } catch (error) {
    if (server.exit !== undefined) {
      throw new BenchError(
        `${server.label} ${describeExit(server.exit)} before its health check passed${tailText(server.tail())}`,
      )
    }
    if (ctx.signal.aborted) {
      throw new BenchError(`${server.label} was not healthy by the bench's timeout`)
    }
    const message = error instanceof Error ? error.message : String(error)
    throw new BenchError(
      `${server.label} did not become healthy: ${message}${tailText(server.tail())}`,
    )
  } finally {
    closeClient(client)
  }
  ctx.log(`serve: healthy after ${Math.round(performance.now() - started)} ms`)
}

async function stopServer(server: Running): Promise<void> {
  if (server.exit === undefined) {
    signalGroup(server.child.pid, 'SIGTERM')
    let timer: NodeJS.Timeout | undefined
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, GRACE_MS)))
    await Promise.race([server.exited, grace])
    clearTimeout(timer)
  }
  // Whatever is left of the group (the shell's children) goes too, so the port is free again.
  killGroup(server.child.pid)
  await groupGone(server.child.pid)
  server.child.stdout?.destroy()
  server.child.stderr?.destroy()
}

function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return
  try {
    process.kill(-pid, signal)
  } catch {
    // Already gone.
  }
}

/** Waits (up to 2 s) until no process of the group is left, so the next server can bind. */
async function groupGone(pid: number | undefined): Promise<void> {
  if (pid === undefined) return
  for (let i = 0; i < 100 && groupRunning(pid); i++)
    await new Promise((resolve) => setTimeout(resolve, 20))
}

function describeExit(exit: { code: number | null; signal: NodeJS.Signals | null }): string {
  // A command that starts a daemon and returns leaves nothing perfgate could stop again.
  if (exit.code === 0) return 'exited with code 0 (serve must keep running in the foreground)'
  if (exit.code !== null) return `exited with code ${exit.code}`
  return exit.signal ? `was killed by ${exit.signal}` : 'could not be started'
}

function tailText(output: string): string {
  const tail = lastLines(output, 10)
  return tail === '' ? ' (no output)' : `:\n${tail}`
}

function firstLine(command: string): string {
  return command.split('\n')[0]
}
