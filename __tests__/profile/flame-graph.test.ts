/**
 * The differential flame graph (issue #24): pure SVG from folded stacks, and the folded file read
 * at the edge. The fixture __fixtures__/profiles/two-helpers.diff.folded is a real profile: a
 * program whose entry calls parse and checksum 3,000 times, run once as the base and once with
 * checksum doing 2.2x the work as the head under `node --cpu-prof --cpu-prof-interval 200`, the
 * two profiles folded per call by the prof branch's foldedDiff/formatFolded.
 */
import { readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import {
  flameGraphSvg,
  flameGraphsHtml,
  frameChange,
  frameTree,
} from '../../src/profile/flame-graph.js'
import { parseFoldedDiff, readFlameGraphs } from '../../src/profile/read-folded.js'
import type { Comparison, MetricComparison } from '../../src/compare/types.js'

const FIXTURE = '__fixtures__/profiles/two-helpers.diff.folded'
const fixture = () => parseFoldedDiff(readFileSync(FIXTURE, 'utf8'), FIXTURE)

/** Each box of an SVG: its frame, class, x and width. */
function boxes(svg: string) {
  return [
    ...svg.matchAll(
      /<g class="frame (\w+)" data-frame="([^"]*)"[^>]*>[\s\S]*?<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"[^>]*fill="([^"]+)"/g,
    ),
  ].map((m) => ({
    change: m[1],
    frame: m[2],
    x: Number(m[3]),
    y: Number(m[4]),
    width: Number(m[5]),
    fill: m[6],
  }))
}

describe('flameGraphSvg', () => {
  const stacks = [
    { frames: ['main', 'entry', 'checksum'], base: 0.26, head: 0.45 },
    { frames: ['main', 'entry', 'parse'], base: 0.31, head: 0.31 },
    { frames: ['main', 'setup'], base: 0.2, head: 0.1 },
  ]

  it('merges stacks into frames with both sides summed', () => {
    const root = frameTree(stacks)
    expect(root.head).toBeCloseTo(0.86)
    expect(root.base).toBeCloseTo(0.77)
    const entry = root.children.get('main')?.children.get('entry')
    expect(entry?.base).toBeCloseTo(0.57)
    expect(entry?.head).toBeCloseTo(0.76)
  })

  it('draws a grown frame red and wider on the head side, a shrunk one blue, the rest neutral', () => {
    const scale = 0.86
    const head = boxes(flameGraphSvg(stacks, 'head', scale))
    const base = boxes(flameGraphSvg(stacks, 'base', scale))
    const find = (side: typeof head, frame: string) => side.find((b) => b.frame === frame)!
    expect(find(head, 'checksum')).toMatchObject({ change: 'grew' })
    expect(find(head, 'checksum').width).toBeGreaterThan(find(base, 'checksum').width * 1.6)
    expect(find(head, 'setup')).toMatchObject({ change: 'shrank' })
    expect(find(head, 'parse')).toMatchObject({ change: 'same', fill: 'rgb(228,224,212)' })
    const [r, g, b] = find(head, 'checksum').fill.match(/\d+/g)!.map(Number)
    expect(r).toBeGreaterThan(g + 50)
    expect(r).toBeGreaterThan(b + 50)
    // The head's root spans the whole width; the base's its share of the larger total.
    expect(find(head, 'all').width).toBeCloseTo(999.5, 0)
    expect(find(base, 'all').width).toBeCloseTo((0.77 / 0.86) * 1000 - 0.5, 0)
    // The root at the bottom, callees above.
    expect(find(head, 'checksum').y).toBeLessThan(find(head, 'entry').y)
  })

  it('labels boxes that fit, cut with an ellipsis, and none too narrow', () => {
    const svg = flameGraphSvg(
      [
        { frames: ['a-very-long-function-name-that-cannot-fit-in-its-box'], base: 1, head: 1 },
        { frames: ['tiny'], base: 0.001, head: 0.001 },
        { frames: ['wide'], base: 20, head: 20 },
      ],
      'head',
    )
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1])
    expect(texts).toContain('wide')
    expect(texts).toContain('a-ve…')
    expect(texts).not.toContain('tiny')
  })

  it('escapes frame names and gives both times in the hover title', () => {
    const svg = flameGraphSvg([{ frames: ['<script>x</script>'], base: 0.5, head: 1 }], 'head')
    expect(svg).not.toContain('<script>')
    expect(svg).toContain(
      '<title>&#60;script&#62;x&#60;/script&#62;\nbase 500 µs → head 1.00 ms per call (+100.0%)</title>',
    )
  })

  it('calls a change under a tenth of the frame no change', () => {
    expect(frameChange(1, 1.05)).toBe('same')
    expect(frameChange(1, 1.2)).toBe('grew')
    expect(frameChange(1, 0.8)).toBe('shrank')
    expect(frameChange(0, 0)).toBe('same')
    expect(frameChange(0, 1)).toBe('grew')
  })
})

describe('the folded file, read at the edge', () => {
  it('reads the real fixture: checksum grew, on both sides', () => {
    const { stacks, notes } = fixture()
    expect(notes).toEqual([])
    const checksum = stacks.find((s) => s.frames.at(-1) === 'checksum (bench.js:3)')
    expect(checksum?.head).toBeGreaterThan(checksum!.base * 1.5)
  })

  it('skips lines that are not stacks, with a note naming them, and keeps frames with spaces', () => {
    const text = [
      'main (src/a.js:1);checksum (src/hash.js:12) 0.41 0.98',
      'no values here',
      'a;b 1 -2',
      ';b 1 2',
      'a;b NaN 2',
      '',
    ].join('\n')
    expect(parseFoldedDiff(text, 'p.folded')).toEqual({
      stacks: [
        { frames: ['main (src/a.js:1)', 'checksum (src/hash.js:12)'], base: 0.41, head: 0.98 },
      ],
      notes: [
        '4 line(s) of p.folded are not `frame;frame <base> <head>` and are left out (line 2, 3, 4, 5)',
      ],
    })
  })

  it('says the profile is missing when the file is not there, and reads the one that is', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'perfgate-flame-'))
    try {
      await writeFile(path.join(dir, 'found.folded'), 'a;b 1 2\n')
      const row = (name: string, folded: string): MetricComparison =>
        ({
          name,
          metric: 'time',
          verdict: 'regression',
          cause: { kind: 'functions', lines: [], files: { folded } },
        }) as unknown as MetricComparison
      const comparison = {
        comparisons: [
          row('gone', 'profiles/gone.folded'),
          row('found', 'found.folded'),
          row('out', '../x.folded'),
        ],
      } as Comparison
      const entries = await readFlameGraphs(comparison, dir, (file) =>
        import('node:fs/promises').then((fs) => fs.readFile(file, 'utf8')),
      )
      expect(entries.map((e) => [e.bench, e.stacks.length, e.notes])).toEqual([
        ['gone', 0, ['the profile is missing: profiles/gone.folded not found']],
        ['found', 1, []],
        ['out', 0, ['../x.folded is outside the results folder; not read']],
      ])
      const html = flameGraphsHtml(entries)
      expect(html).toContain('the profile is missing: profiles/gone.folded not found')
      expect((html.match(/<svg class="flame"/g) ?? []).length).toBe(2)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
