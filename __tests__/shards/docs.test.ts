// The matrix workflows users copy (docs/shards.md, which the README links), read as GitHub
// renders them (cmark-gfm) and parsed as YAML: a shard matrix and a merge job that needs it,
// with the inputs perfgate has, so a copied workflow fans in to one comment.
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'

/** The YAML code blocks of `file` under its heading `heading`, as cmark-gfm renders them. */
function yamlBlocks(file: string, heading: string): string[] {
  const run = spawnSync('cmark-gfm', ['-e', 'table'], {
    input: readFileSync(file, 'utf8'),
    encoding: 'utf8',
  })
  if (run.status !== 0) throw new Error(`cmark-gfm failed: ${run.stderr}`)
  const html = run.stdout
  const start = Math.max(html.indexOf(`<h1>${heading}</h1>`), html.indexOf(`<h2>${heading}</h2>`))
  if (start < 0) throw new Error(`${file} has no section "${heading}"`)
  const next = html.slice(start + 1).search(/<h[12]>/)
  const section = html.slice(start, next < 0 ? undefined : start + 1 + next)
  return [...section.matchAll(/<pre><code class="language-yaml">([\s\S]*?)<\/code><\/pre>/g)].map(
    (m) =>
      m[1]
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&'),
  )
}

interface Step {
  uses?: string
  with?: Record<string, unknown>
}
interface Job {
  needs?: string | string[]
  if?: string
  strategy?: { 'fail-fast'?: boolean; matrix?: { shard?: number[] } }
  steps: Step[]
}
interface Workflow {
  permissions: Record<string, string>
  jobs: Record<string, Job>
}

const INPUTS = Object.keys(
  (parse(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, unknown> }).inputs,
)
const perfgate = (job: Job) => job.steps.filter((s) => s.uses?.startsWith('perfgate/perfgate@'))

/** Checks one complete matrix workflow; returns its shard and merge jobs. */
function checkMatrix(workflow: Workflow) {
  const entries = Object.entries(workflow.jobs)
  const shards = entries.filter(([, job]) => job.strategy?.matrix?.shard)
  const merges = entries.filter(([, job]) => perfgate(job).some((s) => s.with?.mode === 'merge'))
  expect([shards.length, merges.length]).toEqual([1, 1])
  const [[shardName, shardJob]] = shards
  const [[, mergeJob]] = merges
  const matrix = shardJob.strategy!.matrix!.shard!
  expect(matrix).toEqual(matrix.map((_, i) => i + 1))
  expect(shardJob.strategy!['fail-fast']).toBe(false)
  const [shardStep] = perfgate(shardJob)
  expect(shardStep.with?.shard).toBe(`\${{ matrix.shard }}/${matrix.length}`)
  expect([mergeJob.needs].flat()).toContain(shardName)
  expect(mergeJob.if).toBe('${{ !cancelled() }}')
  const [mergeStep] = perfgate(mergeJob)
  expect(mergeStep.with?.config).toBe(shardStep.with?.config)
  expect(mergeStep.with?.shard).toBeUndefined()
  for (const step of [shardStep, mergeStep]) {
    for (const input of Object.keys(step.with ?? {})) expect(INPUTS).toContain(input)
  }
  expect(workflow.permissions).toEqual(
    expect.objectContaining({ actions: 'read', 'pull-requests': 'write' }),
  )
}

describe('the matrix workflows in the docs', () => {
  it('docs/shards.md: the same workflow, and the A/B shard step with its full checkout', () => {
    const [workflow] = yamlBlocks('docs/shards.md', 'Sharding a suite across a job matrix')
    checkMatrix(parse(workflow) as Workflow)
    const [steps] = yamlBlocks(
      'docs/shards.md',
      'A/B with shards (<code>baseline: base-ref</code>)',
    )
    const [checkout, action] = parse(steps) as Step[]
    expect(checkout.with?.['fetch-depth']).toBe(0)
    expect(action.with).toEqual(expect.objectContaining({ baseline: 'base-ref' }))
    for (const input of Object.keys(action.with ?? {})) expect(INPUTS).toContain(input)
  })
})
