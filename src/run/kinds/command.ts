/** The `command` kind: a shell command run repeatedly, hyperfine-style; each run is one sample. */
import { collectSamples } from '../sampling.js'
import type { CommandSpec } from '../../config/kinds/command.js'
import { makeMetric } from '../../results/summary.js'
import { createPeakRssProbe, NO_GNU_TIME } from '../memory.js'
import { BenchError, type KindRunner } from '../outcome.js'
import { lastLines, runShell, type CommandRun, type ShellOptions } from '../process.js'
import { measureThroughput, throughputOptions } from '../throughput.js'
import { chooseCounter, countInstructions } from '../instructions.js'

/** Runs a `command` bench: warm-up runs, then timed runs in rounds until samples and time are met. */
export const runCommandBench: KindRunner = async (bench, ctx) => {
  const spec = bench.spec as CommandSpec
  const { settings } = bench
  const shell: ShellOptions = {
    cwd: spec.cwd,
    env: { ...ctx.env, ...spec.env },
    signal: ctx.signal,
  }
  if (spec.measure === 'instructions') {
    const chosen = await chooseCounter(spec.counter ?? 'auto')
    ctx.log(chosen.description)
    const once = async (): Promise<number> => {
      if (spec.prepare !== undefined)
        check(spec.prepare, 'prepare', await runShell(spec.prepare, shell))
      const run = await countInstructions(spec.command, shell, chosen.counter)
      check(spec.command, 'command', run)
      return run.instructions
    }
    // Counts need no warm-up and hardly vary: `samples` runs in `rounds`, no time filling.
    const { samples, rounds } = await collectSamples(
      { ...settings, warmup: { iterations: 0 }, time: 0 },
      once,
    )
    return [
      {
        name: bench.name,
        status: 'ok',
        metrics: [makeMetric({ name: 'instructions', unit: 'count', samples, rounds })],
        details: { measure: chosen.description },
      },
    ]
  }
  // Concurrent runs would share the probe's file: throughput mode records no memory.
  const throughput = settings.concurrency.length > 0
  const probe = spec.memory && !throughput ? await createPeakRssProbe() : undefined
  const peaks: number[] = []
  const once = async (timed: boolean): Promise<number> => {
    if (spec.prepare !== undefined)
      check(spec.prepare, 'prepare', await runShell(spec.prepare, shell))
    const run = await runShell(probe ? probe.wrap(spec.command) : spec.command, shell)
    const peak = await probe?.read()
    check(spec.command, timed ? 'command' : 'warm-up run', run)
    if (timed && peak !== undefined) peaks.push(peak)
    return run.wallMs
  }
  if (throughput) {
    const { metrics, scaling } = await measureThroughput(
      () => once(true),
      throughputOptions(settings, ctx),
    )
    return [{ name: bench.name, status: 'ok', metrics, details: { scaling } }]
  }

  const { samples, rounds } = await collectSamples(settings, once)
  return [
    {
      name: bench.name,
      status: 'ok',
      metrics: [
        makeMetric({ name: 'time', unit: 'ms', samples, rounds }),
        ...(peaks.length === samples.length
          ? [
              makeMetric({
                name: 'peak-rss',
                unit: 'bytes',
                samples: peaks,
                rounds,
                regressionThreshold: spec.memoryThreshold,
              }),
            ]
          : []),
      ],
      ...(spec.memory && !probe ? { details: { memory: NO_GNU_TIME } } : {}),
    },
  ]
}

function check(command: string, what: string, run: CommandRun): void {
  if (run.aborted) throw new BenchError(`${what} was killed at the bench's timeout`)
  if (run.code === 0) return
  const how = run.code === null ? `was killed by ${run.signal}` : `exited with code ${run.code}`
  const tail = lastLines(run.stderrTail) || lastLines(run.stdoutTail)
  const firstLine = command.split('\n')[0]
  throw new BenchError(`${what} \`${firstLine}\` ${how}${tail ? `:\n${tail}` : ' (no output)'}`)
}
