/**
 * The differential flame graph in report.html as a reader sees it: headless Chromium at a 1000 px
 * viewport draws the real fixture profile (checksum slowed 2.2x on the head side): checksum's
 * boxes are red and wider on the head side, the labels drawn fit their boxes, nothing overflows.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { describeChangePoint } from '../../src/history/change-points.js'
import { htmlReport } from '../../src/history/html.js'
import { emptyHistory } from '../../src/history/schema.js'
import { parseFoldedDiff } from '../../src/profile/read-folded.js'
import { renderedDom } from '../helpers/github-page.js'

const FIXTURE = '__fixtures__/profiles/two-helpers.diff.folded'

interface Box {
  side: string
  frame: string
  change: string
  fill: string
  rect: { left: number; right: number; width: number }
  text: { left: number; right: number; content: string; visible: boolean } | null
}

// Runs in the page after it is drawn: every box's rendered rectangle, fill and label.
const MEASURE = `
const boxes = [...document.querySelectorAll('svg.flame g.frame')].map((g) => {
  const rect = g.querySelector('rect').getBoundingClientRect();
  const text = g.querySelector('text');
  const box = text && text.getBoundingClientRect();
  const style = text && getComputedStyle(text);
  return {
    side: g.closest('svg').dataset.side,
    frame: g.dataset.frame,
    change: g.classList[1],
    fill: getComputedStyle(g.querySelector('rect')).fill,
    rect: { left: rect.left, right: rect.right, width: rect.width },
    text: text && { left: box.left, right: box.right, content: text.textContent,
      visible: style.visibility === 'visible' && style.display !== 'none' && style.fill !== 'none' && box.width > 0 },
  };
});
const out = document.createElement('pre');
out.id = 'flame-layout';
out.textContent = encodeURIComponent(JSON.stringify({
  scrollWidth: document.documentElement.scrollWidth, innerWidth, boxes,
  notes: [...document.querySelectorAll('.flame-note')].map((p) => p.textContent),
}));
document.body.appendChild(out);
`

describe('report.html flame graph in Chromium', () => {
  it('draws the grown frame red and wider on the head side, with labels that fit, in 1000 px', () => {
    const parsed = parseFoldedDiff(readFileSync(FIXTURE, 'utf8'), FIXTURE)
    const page = htmlReport(
      {
        history: emptyHistory(),
        changePoints: [],
        flameGraphs: [
          { bench: 'js/two-helpers', file: 'profiles/two-helpers.diff.folded', ...parsed },
          {
            bench: 'js/gone',
            file: 'profiles/gone.diff.folded',
            stacks: [],
            notes: ['the profile is missing: profiles/gone.diff.folded not found'],
          },
        ],
      },
      describeChangePoint,
    )
    const dom = renderedDom(page.replace('</body>', `<script>${MEASURE}</script></body>`))
    const match = /<pre id="flame-layout">([^<]*)<\/pre>/.exec(dom)
    expect(match).not.toBeNull()
    const layout = JSON.parse(decodeURIComponent(match![1])) as {
      scrollWidth: number
      innerWidth: number
      boxes: Box[]
      notes: string[]
    }
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.innerWidth)
    expect(layout.innerWidth).toBeLessThanOrEqual(1000)
    expect(layout.notes).toEqual(['the profile is missing: profiles/gone.diff.folded not found'])

    const find = (side: string, frame: string) =>
      layout.boxes.find((b) => b.side === side && b.frame === frame)
    const head = find('head', 'checksum (bench.js:3)')!
    const base = find('base', 'checksum (bench.js:3)')!
    expect(head.change).toBe('grew')
    const [r, g, b] = head.fill.match(/\d+/g)!.map(Number)
    expect(r - Math.max(g, b)).toBeGreaterThan(50)
    expect(head.rect.width).toBeGreaterThan(base.rect.width * 1.4)
    // The slowed function's own name is readable on the head side.
    expect(head.text?.visible).toBe(true)
    expect(head.text?.content).toBe('checksum (bench.js:3)')

    // Every label drawn lies inside its box; boxes stay inside the viewport.
    const labelled = layout.boxes.filter((box) => box.text !== null)
    expect(labelled.length).toBeGreaterThan(10)
    const outside = labelled.filter(
      (box) => box.text!.left < box.rect.left || box.text!.right > box.rect.right + 0.5,
    )
    expect(outside.map((box) => `${box.side} ${box.frame}: ${box.text!.content}`)).toEqual([])
    expect(layout.boxes.filter((box) => box.rect.right > layout.innerWidth)).toEqual([])
  }, 120_000)
})
