// `npm run bench:startup`: how long `node dist/index.js` takes to start, as a paired ratio to an
// empty `node` script run just before it (so machine load hits both alike). Two exits that need
// no network: "start" is everything before the first stage does work (an invalid input, found
// by the setup stage), "config" also loads and runs the config stage (a missing config file).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

const pairs = Number(process.argv[2] ?? 30)
const dir = mkdtempSync(path.join(os.tmpdir(), 'perfgate-startup-'))
const empty = path.join(dir, 'empty.mjs')
writeFileSync(empty, '')
for (const file of ['output.txt', 'summary.md', 'event.json'])
  writeFileSync(path.join(dir, file), file.endsWith('.json') ? '{}' : '')
const env = {
  PATH: process.env.PATH,
  GITHUB_EVENT_NAME: 'push',
  GITHUB_EVENT_PATH: path.join(dir, 'event.json'),
  GITHUB_REPOSITORY: 'acme/widget',
  GITHUB_OUTPUT: path.join(dir, 'output.txt'),
  GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md'),
  RUNNER_TEMP: dir,
  INPUT_CONFIG: 'no-such-perfgate.yml',
}

function time(args: string[], extra: Record<string, string> = {}): number {
  const start = performance.now()
  const child = spawnSync(process.execPath, args, {
    cwd: dir,
    env: { ...env, ...extra },
    stdio: 'ignore',
  })
  if (child.error) throw child.error
  return performance.now() - start
}

const action = path.resolve('dist/index.js')
const exits = {
  start: { INPUT_THRESHOLD: 'not-a-percentage' },
  config: {},
}
const median = (xs: number[]) => {
  const s = [...xs].sort((x, y) => x - y)
  return s[Math.floor(s.length / 2)]
}
console.log(
  `node ${process.version}, ${pairs} pairs each, load average ${os.loadavg()[0].toFixed(1)}`,
)
time([empty]) // warm the file cache
for (const [exit, extra] of Object.entries(exits)) {
  time([action], extra)
  const ratios: number[] = []
  const emptyMs: number[] = []
  const actionMs: number[] = []
  for (let i = 0; i < pairs; i++) {
    const e = time([empty])
    const a = time([action], extra)
    emptyMs.push(e)
    actionMs.push(a)
    ratios.push(a / e)
  }
  console.log(
    `${exit.padEnd(7)} empty ${median(emptyMs).toFixed(1)} ms, dist/index.js ${median(actionMs).toFixed(1)} ms, paired ratio ${median(ratios).toFixed(2)}×`,
  )
}
