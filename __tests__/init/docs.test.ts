// docs/init.md as GitHub renders it (cmark-gfm): its example config is what init writes for such a
// project, its usage block is the command's help, and its detection table has a row per finding.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { INIT_HELP } from '../../src/cli/init.js'
import { planInit } from '../../src/init/plan.js'
import { readProjectTree } from '../../src/init/tree.js'
import { gfmHtml } from '../helpers/github-page.js'

const html = gfmHtml(readFileSync('docs/init.md', 'utf8'))
const decode = (text: string): string =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
/** The rendered code blocks of a language. */
const blocks = (language: string): string[] =>
  [
    ...html.matchAll(
      new RegExp(`<pre><code class="language-${language}">([^]*?)</code></pre>`, 'g'),
    ),
  ].map((match) => decode(match[1]))
/** The lines that are not comments (the docs shorten the comments). */
const withoutComments = (text: string): string =>
  text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .trim()

describe('docs/init.md', () => {
  it('shows the config init writes for the node fixture project', () => {
    const written = planInit(readProjectTree(path.join('__fixtures__/init', 'node'))).files[0].text
    const shown = blocks('yaml')
    expect(shown).toHaveLength(1)
    expect(withoutComments(shown[0])).toBe(withoutComments(written))
    expect(shown[0].split('\n')[0]).toBe(written.split('\n')[0])
  })

  it("shows the command's usage and options as --help prints them", () => {
    const usage = blocks('text')[0]
    expect(INIT_HELP.startsWith(usage.split('\n')[0])).toBe(true)
    expect(INIT_HELP).toContain(usage.slice(usage.indexOf('Options:')))
  })

  it('renders the detection table with a row per thing init looks for', () => {
    const table = /<h2>What it looks for<\/h2>\s*<table>([^]*?)<\/table>/.exec(html)?.[1] ?? ''
    expect(table.match(/<tr>/g)).toHaveLength(11)
  })
})
