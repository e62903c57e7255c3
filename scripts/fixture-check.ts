/**
 * Used by regenerate-fixtures.sh: reads a tool's base/rerun/slow fixtures through the `import`
 * kind and exits 0 when slow/base > 1.2 and 0.95 < rerun/base < 1.05 for every bench (medians).
 * Usage: npx tsx scripts/fixture-check.ts <format> <folder holding base/ rerun/ slow/>
 */
import path from 'node:path'
import { parseConfig } from '../src/config/load.js'
import { runBenches } from '../src/run/run-benches.js'

const [format, folder] = process.argv.slice(2)
const medians = async (variant: string): Promise<Map<string, number>> => {
  const yaml = `benches:\n  - name: x\n    kind: import\n    format: ${format}\n    path: ${variant}\n`
  const outcome = parseConfig(yaml, { file: path.join(path.resolve(folder), 'perfgate.yml') })
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors))
  const results = await runBenches(outcome.config.benches, { env: process.env })
  return new Map(results.map((r) => [r.name, r.metrics[0]?.summary.median ?? NaN]))
}
const [base, rerun, slow] = await Promise.all(['base', 'rerun', 'slow'].map(medians))
let ok = base.size > 0
for (const [name, median] of base) {
  const again = (rerun.get(name) ?? NaN) / median
  const slowed = (slow.get(name) ?? NaN) / median
  const good = again > 0.95 && again < 1.05 && slowed > 1.2
  ok &&= good
  console.log(
    `${good ? 'ok  ' : 'BAD '} ${name}: rerun/base ${again.toFixed(3)} slow/base ${slowed.toFixed(3)}`,
  )
}
process.exit(ok ? 0 : 1)
