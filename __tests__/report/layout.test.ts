/**
 * The PR comment as GitHub draws it: cmark-gfm into GitHub's own stylesheet (github-markdown-css)
 * in headless Chromium at 1000 px, asserting on the boxes: the footer's lines never sit on top
 * of each other, and the table's numbers stay on one line next to realistic (long) reasons.
 */
import { describe, expect, it } from '@jest/globals'
import { renderComment } from '../../src/report/comment.js'
import { buildCommentModel } from '../../src/report/model.js'
import { measureMarkdown, overlappingLines } from '../helpers/github-page.js'
import { FOOTER, regressionInput, squeezedCells, wrappedNumbers } from './layout-fixtures.js'

describe('PR comment layout under GitHub’s stylesheet', () => {
  it('draws the footer lines one under another and keeps the numbers on one line', () => {
    const markdown = renderComment(buildCommentModel(regressionInput()))
    const layout = measureMarkdown(markdown, FOOTER)

    expect(layout.lines.map((l) => l.prefix)).toEqual(FOOTER)
    expect(overlappingLines(layout.lines)).toEqual([])
    // Each line below the one before it, not merely touching.
    for (let i = 1; i < layout.lines.length; i++)
      expect(layout.lines[i].top).toBeGreaterThanOrEqual(layout.lines[i - 1].bottom - 0.5)

    const reasons = layout.cells.filter((c) => c.column === 'reason')
    expect(reasons).toHaveLength(3)
    for (const cell of reasons) expect(cell.text.split(/\s+/).length).toBeLessThanOrEqual(12)
    // The statistics the cells leave out are folded under the table, whole.
    expect(markdown).toContain('<details><summary>Full statistics of each row</summary>')
    expect(markdown).toContain('\\(p=0.0008, 10 vs 10 rounds\\); confirmed by a re-run')
    expect(wrappedNumbers(layout)).toEqual([])
    expect(squeezedCells(layout)).toEqual([])
  }, 120_000)
})
