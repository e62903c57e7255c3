/**
 * A differential flame graph as inline SVG (issue #24): the stacks of a folded diff merged into
 * one frame tree, drawn root at the bottom, each box as wide as its frame's time per call and
 * coloured by how that time changed — red where it grew, blue where it shrank, neutral beside.
 * The head is drawn, then the base on the same scale, so a grown frame is visibly wider on the
 * head side. Pure: stacks in, SVG text out (no script, no font, no external reference).
 */
import { formatPercent, formatTime } from '../format.js'
import type { FoldedDiffStack } from './types.js'

/** Which side's times set the widths. */
export type FlameSide = 'base' | 'head'

/** One frame of the merged tree: its time per call on each side, its callees by name. */
interface Frame {
  name: string
  base: number
  head: number
  children: Map<string, Frame>
}

/** The SVG's own width; the page scales it to its column, so it never overflows. */
export const FLAME_WIDTH = 1000
const ROW = 17
const FONT_PX = 11
/** A conservative monospace advance at FONT_PX (DejaVu Sans Mono draws 6.6 px). */
const CHAR_PX = 7
const PAD_PX = 3
/** Boxes narrower than this are not drawn, nor anything above them. */
const MIN_BOX_PX = 0.5
/** A change under this fraction of the frame's time is no change (sampling jitter). */
const NEUTRAL_RATIO = 0.1

/** Merges the stacks into one tree under a root frame `all`, summing each side's time. */
export function frameTree(stacks: readonly FoldedDiffStack[]): Frame {
  const root: Frame = { name: 'all', base: 0, head: 0, children: new Map() }
  for (const stack of stacks) {
    let frame = root
    frame.base += stack.base
    frame.head += stack.head
    for (const name of stack.frames) {
      let child = frame.children.get(name)
      if (child === undefined) {
        child = { name, base: 0, head: 0, children: new Map() }
        frame.children.set(name, child)
      }
      child.base += stack.base
      child.head += stack.head
      frame = child
    }
  }
  return root
}

/**
 * One side's flame graph as an `<svg>`: box widths by that side's time, `scaleMs` wide in all
 * (the larger side's total, so both sides share one scale). Each box is a `<g class="frame
 * grew|shrank|same">` with a hover title giving both sides' times.
 */
export function flameGraphSvg(
  stacks: readonly FoldedDiffStack[],
  side: FlameSide,
  scaleMs?: number,
): string {
  const root = frameTree(stacks)
  const scale = scaleMs ?? Math.max(root.base, root.head)
  const placed: { frame: Frame; x: number; level: number; width: number }[] = []
  const place = (frame: Frame, x: number, level: number, width: number): void => {
    if (width < MIN_BOX_PX) return
    placed.push({ frame, x, level, width })
    let at = x
    // Callees in name order, as flame graphs draw them: the x axis is not time.
    for (const child of [...frame.children.values()].sort((a, b) => compare(a.name, b.name))) {
      const childWidth = widthOf(child[side], scale)
      place(child, at, level + 1, childWidth)
      at += childWidth
    }
  }
  place(root, 0, 0, widthOf(root[side], scale))
  const height = placed.reduce((rows, p) => Math.max(rows, p.level + 1), 1) * ROW
  return [
    `<svg class="flame" data-side="${side}" viewBox="0 0 ${FLAME_WIDTH} ${height}" width="100%" preserveAspectRatio="xMinYMin meet" role="img" aria-label="${side} flame graph" font-family="monospace" font-size="${FONT_PX}">`,
    // The root at the bottom, callees above their callers.
    ...placed.map((p) => box(p.frame, p.x, height - (p.level + 1) * ROW, p.width)),
    '</svg>',
  ].join('\n')
}

function widthOf(ms: number, scaleMs: number): number {
  return scaleMs > 0 ? (ms / scaleMs) * FLAME_WIDTH : 0
}

/** How a frame's time changed: `grew`, `shrank` or `same` (under a tenth either way). */
export function frameChange(base: number, head: number): 'grew' | 'shrank' | 'same' {
  const larger = Math.max(base, head)
  if (larger <= 0 || Math.abs(head - base) < larger * NEUTRAL_RATIO) return 'same'
  return head > base ? 'grew' : 'shrank'
}

/** The fill of a frame: red as deep as it grew, blue as deep as it shrank, a neutral sand else. */
export function frameFill(base: number, head: number): string {
  const change = frameChange(base, head)
  if (change === 'same') return 'rgb(228,224,212)'
  const depth = Math.min(1, Math.abs(head - base) / Math.max(base, head))
  const pale = Math.round(210 - 150 * depth)
  return change === 'grew' ? `rgb(240,${pale},${pale})` : `rgb(${pale},${pale},240)`
}

function box(frame: Frame, x: number, y: number, width: number): string {
  const change = frameChange(frame.base, frame.head)
  const growth =
    frame.base > 0
      ? ` (${formatPercent(frame.head / frame.base - 1)})`
      : frame.head > 0
        ? ' (new)'
        : ''
  const title = `${frame.name}\nbase ${formatTime(frame.base)} → head ${formatTime(frame.head)} per call${growth}`
  const label = fitted(frame.name, width)
  const left = round2(x)
  return [
    `<g class="frame ${change}" data-frame="${escapeXml(frame.name)}" data-base="${frame.base}" data-head="${frame.head}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect x="${left}" y="${y}" width="${round2(Math.max(0, width - 0.5))}" height="${ROW - 1}" fill="${frameFill(frame.base, frame.head)}" rx="1"/>`,
    ...(label === ''
      ? []
      : [
          `<text x="${round2(x + PAD_PX)}" y="${y + ROW - 5}" fill="#1f2328">${escapeXml(label)}</text>`,
        ]),
    '</g>',
  ].join('')
}

/** The name cut to fit `width` px with an ellipsis; empty when not even 3 characters fit. */
function fitted(name: string, width: number): string {
  const room = Math.floor((width - 2 * PAD_PX) / CHAR_PX)
  if (room < 3) return ''
  const chars = [...name]
  return chars.length <= room ? name : `${chars.slice(0, room - 1).join('')}…`
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function round2(value: number): number {
  return Math.round(value * 100) / 100
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** One regression's flame graph for report.html: its stacks, and what could not be drawn. */
export interface FlameGraphEntry {
  bench: string
  /** The folded diff, relative to the results folder. */
  file: string
  stacks: FoldedDiffStack[]
  /** Why nothing or not everything is drawn: a missing file, lines that were not stacks. */
  notes: string[]
}

/** The flame-graph sections of report.html, one per entry; empty without entries. */
export function flameGraphsHtml(entries: readonly FlameGraphEntry[]): string {
  return entries.map(flameGraphSection).join('\n')
}

function flameGraphSection(entry: FlameGraphEntry): string {
  const root = frameTree(entry.stacks)
  const scale = Math.max(root.base, root.head)
  const said =
    scale > 0 || entry.notes.length > 0
      ? entry.notes
      : ['no stacks to draw: the profiles sampled nothing']
  const notes = said.map((note) => `<p class="flame-note">${escapeXml(note)}</p>`)
  const graphs =
    scale > 0
      ? [
          `<p>CPU time per bench call, base ${formatTime(root.base)} → head ${formatTime(root.head)}: each box is as wide as its function's time (the root <code>all</code> at the bottom, callees above), <span class="flame-key grew">red</span> where it grew, <span class="flame-key shrank">blue</span> where it shrank. Hover a box for both times.</p>`,
          '<h3>head</h3>',
          flameGraphSvg(entry.stacks, 'head', scale),
          '<h3>base (same scale)</h3>',
          flameGraphSvg(entry.stacks, 'base', scale),
        ]
      : []
  return [
    `<section class="flamegraph"><h2>${escapeXml(entry.bench)}: where the time went</h2>`,
    ...notes,
    ...graphs,
    `<p class="flame-file">From <code>${escapeXml(entry.file)}</code> in the results artifact.</p>`,
    '</section>',
  ].join('\n')
}

/** The flame graphs' styles, for the page's stylesheet. */
export const FLAME_STYLE = `
.flamegraph{border:1px solid #d0d7de;border-radius:6px;padding:8px 12px;margin:12px 0}
.flamegraph h3{font-size:13px;margin:12px 0 4px}.flamegraph svg.flame{max-width:100%}
.flamegraph svg text{font:11px monospace;fill:#1f2328}
.flame-note{color:#9a6700}.flame-key.grew{color:#cf222e}.flame-key.shrank{color:#0969da}
.flame-file{color:#57606a;font-size:12px}
`
