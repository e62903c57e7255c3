// What a reader follows: every relative link in README.md and docs/*.md, rendered as GitHub renders
// them (cmark-gfm), names a file the repository holds and, with a #fragment, a heading of that
// file under GitHub's anchor rules. And the README stays a first screen, not a reference.
import { describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { gfmHtml } from '../helpers/github-page.js'
import { anchors, relativeLinks } from '../helpers/markdown-links.js'

const FILES = ['README.md', ...readdirSync('docs').map((file) => `docs/${file}`)].filter((file) =>
  file.endsWith('.md'),
)
const html = new Map(FILES.map((file) => [file, gfmHtml(readFileSync(file, 'utf8'))]))

/** The problems of one file's relative links, as "file: link (why)". */
function brokenLinks(file: string): string[] {
  const problems: string[] = []
  for (const href of relativeLinks(html.get(file)!)) {
    const [target, fragment] = href.split('#') as [string, string | undefined]
    const resolved = target ? path.normalize(path.join(path.dirname(file), target)) : file
    if (!existsSync(resolved)) {
      problems.push(`${file}: ${href} (no file ${resolved})`)
    } else if (fragment !== undefined && statSync(resolved).isFile() && resolved.endsWith('.md')) {
      const targetHtml = html.get(resolved) ?? gfmHtml(readFileSync(resolved, 'utf8'))
      const fragmentText = decodeURIComponent(fragment)
      if (!anchors(targetHtml).has(fragmentText))
        problems.push(`${file}: ${href} (no heading with the anchor #${fragmentText})`)
    }
  }
  return problems
}

describe('links in README.md and docs/', () => {
  it('finds the links GitHub would draw, and GitHub’s anchors for headings', () => {
    const sample = gfmHtml(
      '# A `serve`: the *x* (2026-12-02)\n## A `serve`: the *x* (2026-12-02)\n' +
        '[a](docs/a.md#b) [c](https://example.com) [d](#e) `[f](g.md)`\n',
    )
    expect(relativeLinks(sample)).toEqual(['docs/a.md#b', '#e'])
    expect([...anchors(sample)]).toEqual(['a-serve-the-x-2026-12-02', 'a-serve-the-x-2026-12-02-1'])
  })

  it('reports a link to a missing file or heading', () => {
    html.set('docs/__probe.md', gfmHtml('[x](nowhere.md) [y](../README.md#no-such-heading)'))
    try {
      expect(brokenLinks('docs/__probe.md')).toEqual([
        'docs/__probe.md: nowhere.md (no file docs/nowhere.md)',
        'docs/__probe.md: ../README.md#no-such-heading (no heading with the anchor #no-such-heading)',
      ])
    } finally {
      html.delete('docs/__probe.md')
    }
  })

  it.each(FILES)('%s: every relative link resolves, anchors included', (file) => {
    expect(brokenLinks(file)).toEqual([])
  })

  it('the README links every doc in docs/', () => {
    const linked = new Set(
      relativeLinks(html.get('README.md')!).map((href) => path.normalize(href.split('#')[0])),
    )
    const unlinked = FILES.filter((file) => file.startsWith('docs/') && !linked.has(file))
    expect(unlinked).toEqual([])
  })

  it('the README is at most 250 lines', () => {
    expect(readFileSync('README.md', 'utf8').trimEnd().split('\n').length).toBeLessThanOrEqual(250)
  })
})
