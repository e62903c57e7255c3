// The workflow a newcomer copies from the README, and the inputs and outputs reference it links
// (docs/github.md), against what action.yml declares: a copied step uses only inputs that exist,
// and the reference lists every input and output, no more.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { gfmHtml } from '../helpers/github-page.js'

const action = parse(readFileSync('action.yml', 'utf8')) as {
  inputs: Record<string, unknown>
  outputs: Record<string, unknown>
}
const unescape = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

/** The HTML of `file`'s section under the heading `heading` (up to the next heading of its level or above). */
function section(file: string, heading: string): string {
  const html = gfmHtml(readFileSync(file, 'utf8'))
  const start = html.search(new RegExp(`<h([12])>${heading}</h\\1>`))
  if (start < 0) throw new Error(`${file} has no section "${heading}"`)
  const next = html.slice(start + 4).search(/<h[12]>/)
  return html.slice(start, next < 0 ? undefined : start + 4 + next)
}

/** The first column's code names of the tables in `html`. */
const tableNames = (html: string): string[] =>
  [...html.matchAll(/<tr>\s*<td><code>([a-z-]+)<\/code><\/td>/g)].map((m) => m[1])

interface Step {
  uses?: string
  with?: Record<string, unknown>
}

describe("the README's workflow", () => {
  const [yaml] = [
    ...section('README.md', 'Use it in a workflow').matchAll(
      /<code class="language-yaml">([\s\S]*?)<\/code>/g,
    ),
  ].map((m) => unescape(m[1]))
  const workflow = parse(yaml) as {
    permissions: Record<string, string>
    jobs: Record<string, { steps: Step[] }>
  }
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps)

  it('uses perfgate with inputs action.yml has, and the permissions it needs', () => {
    const perfgate = steps.filter((step) => step.uses?.startsWith('perfgate/perfgate@'))
    expect(perfgate).toHaveLength(1)
    for (const input of Object.keys(perfgate[0].with ?? {}))
      expect(Object.keys(action.inputs)).toContain(input)
    expect(workflow.permissions).toMatchObject({ actions: 'read', 'pull-requests': 'write' })
  })

  it('checks out the history, so a PR is confirmed against its base commit', () => {
    const checkout = steps.find((step) => step.uses?.startsWith('actions/checkout@'))
    expect(checkout?.with?.['fetch-depth']).toBe(0)
  })
})

describe('docs/github.md, the action reference the README links', () => {
  it('lists every input of action.yml once, and nothing else', () => {
    const names = tableNames(section('docs/github.md', 'Inputs'))
    expect([...names].sort()).toEqual(Object.keys(action.inputs).sort())
  })

  it('lists every output of action.yml once, and nothing else', () => {
    const names = tableNames(section('docs/github.md', 'Outputs'))
    expect([...names].sort()).toEqual(Object.keys(action.outputs).sort())
  })
})
