// `--format csv`: RFC 4180 (CRLF, quotes doubled, fields with , " or a line break quoted), one
// row per bench metric for a run, one per comparison row for a comparison; nothing else on stdout.
import { describe, expect, it } from '@jest/globals'
import { perfgate, project, QUICK } from '../helpers/bundled-cli.js'
import { csvField } from '../../src/report/csv.js'

/** A minimal RFC 4180 reader, enough to check what the writer wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"'
      i++
    } else if (quoted && c === '"') {
      quoted = false
    } else if (quoted || (c !== '"' && c !== ',' && c !== '\r')) {
      field += c
    } else if (c === '"') {
      quoted = true
    } else if (c === ',') {
      row.push(field)
      field = ''
    } else {
      // \r\n ends a row (the writer never puts a bare \r outside quotes).
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    }
  }
  return rows
}

// A command whose name holds a comma and quotes: the bench name must survive the round trip.
const TRICKY = 'echo "a,b"'

describe('--format csv (bundled CLI)', () => {
  const dir = project()

  it('quotes only what RFC 4180 requires', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField(null)).toBe('')
  })

  it('run: one row per bench metric with its statistics, the table on stderr', () => {
    const { code, stdout, stderr } = perfgate(
      ['run', ...QUICK, '--format', 'csv', '--out', 'base.json', '--', TRICKY, 'true'],
      dir,
    )
    expect(code).toBe(0)
    expect(stderr).toContain('Results written to base.json')
    expect(stdout.endsWith('\r\n')).toBe(true)
    const [header, ...rows] = parseCsv(stdout)
    expect(header.slice(0, 8)).toEqual([
      'bench',
      'metric',
      'unit',
      'status',
      'samples',
      'rounds',
      'centre',
      'median',
    ])
    expect(header).toContain('p95')
    const time = rows.filter((r) => r[1] === 'time')
    expect(time.map((r) => r[0])).toEqual([TRICKY, 'true'])
    for (const r of rows) expect(r).toHaveLength(header.length)
    expect(Number(time[0][header.indexOf('centre')])).toBeGreaterThan(0)
    expect(time[0][header.indexOf('rounds')]).toBe('2')
  })

  it('run --baseline and compare: one row per comparison row', () => {
    const run = perfgate(
      [
        'run',
        ...QUICK,
        '--format',
        'csv',
        '--baseline',
        'base.json',
        '--no-confirm',
        '--out',
        'head.json',
        '--',
        TRICKY,
        'true',
      ],
      dir,
    )
    expect(run.code).toBe(0)
    const [header, ...rows] = parseCsv(run.stdout)
    expect(header.slice(0, 6)).toEqual(['bench', 'metric', 'unit', 'baseline', 'head', 'change'])
    expect(header).toContain('verdict')
    expect(rows.filter((r) => r[1] === 'time').map((r) => r[0])).toEqual([TRICKY, 'true'])

    const compare = perfgate(['compare', 'base.json', 'head.json', '--format', 'csv'], dir)
    expect(compare.code).toBe(0)
    const [again, ...compared] = parseCsv(compare.stdout)
    expect(again).toEqual(header)
    expect(compared.map((r) => r[0])).toEqual(rows.map((r) => r[0]))
  })
})
