/** `perfgate compare`: placeholder ratio table until the statistics engine lands. */
import { parseResults } from '../results/schema.js'
import { alignColumns, formatValue } from '../report/format.js'

/** The file and output access the compare command needs. */
export interface CompareIo {
  readFile(path: string): Promise<string>
  stdout(text: string): void
  stderr(text: string): void
}

/** Runs `perfgate compare BASE.json HEAD.json`; returns the exit code. */
export async function compareCommand(args: string[], io: CompareIo): Promise<number> {
  const files = args.filter((arg) => !arg.startsWith('--'))
  if (files.length < 2) {
    io.stderr('usage: perfgate compare BASE.json HEAD.json\n')
    return 2
  }
  try {
    const base = parseResults(await io.readFile(files[0]), files[0])
    const head = parseResults(await io.readFile(files[files.length - 1]), files[files.length - 1])
    const rows = [['bench', 'base', 'head', 'ratio']]
    for (const bench of head.benches) {
      const b = base.benches.find((x) => x.name === bench.name)?.metrics[0]
      const h = bench.metrics[0]
      if (!b || !h) continue
      rows.push([
        bench.name,
        formatValue(b.summary.median, b.unit),
        formatValue(h.summary.median, h.unit),
        (h.summary.median / b.summary.median).toFixed(3),
      ])
    }
    io.stdout(`${alignColumns(rows)}\n`)
    return 0
  } catch (error) {
    io.stderr(`perfgate compare: ${(error as Error).message}\n`)
    return 2
  }
}
