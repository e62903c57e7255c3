/**
 * scripts/release.sh against real git repositories: a working clone and a bare "origin", a
 * package.json whose `bundle` and `schema` scripts build dist/ and schema/ from src/ as
 * perfgate's do. Tags are read back from the origin, where the action's users see them.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const SCRIPT = path.resolve('scripts/release.sh')
let root: string
let work: string
let origin: string

/** git's environment: no user or system config, so the machine's settings cannot leak in. */
const BASE_ENV = {
  PATH: process.env.PATH,
  HOME: os.tmpdir(),
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
}
const AUTHOR = {
  GIT_AUTHOR_NAME: 'Dev',
  GIT_AUTHOR_EMAIL: 'dev@example.com',
  GIT_COMMITTER_NAME: 'Dev',
  GIT_COMMITTER_EMAIL: 'dev@example.com',
}

function git(...args: string[]): string {
  const out = spawnSync('git', args, {
    cwd: work,
    env: { ...BASE_ENV, ...AUTHOR },
    encoding: 'utf8',
  })
  if (out.status !== 0) throw new Error(`git ${args.join(' ')}: ${out.stderr}`)
  return out.stdout.trim()
}

/** Runs the release script in the clone, as the workflow does (no git identity configured). */
function release(...args: string[]): { code: number | null; out: string } {
  const out = spawnSync('bash', [SCRIPT, ...args], { cwd: work, env: BASE_ENV, encoding: 'utf8' })
  return { code: out.status, out: `${out.stdout}${out.stderr}` }
}

/** Tag → the commit it points at, as the origin has them. */
function originTags(): Record<string, string> {
  const out = spawnSync('git', ['ls-remote', '--tags', origin], { env: BASE_ENV, encoding: 'utf8' })
  const tags: Record<string, string> = {}
  for (const line of out.stdout.trim().split('\n').filter(Boolean)) {
    const [sha, ref] = line.split('\t')
    if (ref.endsWith('^{}')) tags[ref.slice('refs/tags/'.length, -3)] = sha
  }
  return tags
}

function writePackage(version: string): void {
  const pkg = {
    name: 'release-fixture',
    version,
    private: true,
    scripts: {
      bundle: 'mkdir -p dist && cp src/app.js dist/app.js',
      schema: 'mkdir -p schema && cp src/config.json schema/config.schema.json',
    },
  }
  writeFileSync(path.join(work, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`)
}

/** A commit of version `version` with src/app.js saying `code`; `build` rebuilds dist/ first. */
function commitVersion(version: string, code: string, build = true): string {
  writePackage(version)
  writeFileSync(path.join(work, 'src/app.js'), `${code}\n`)
  if (build) {
    for (const script of ['bundle', 'schema']) {
      spawnSync('npm', ['run', '-s', script], { cwd: work, env: BASE_ENV })
    }
  }
  git('add', '-A')
  git('commit', '-q', '-m', `version ${version}`)
  return git('rev-parse', 'HEAD')
}

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'perfgate-release-'))
  origin = path.join(root, 'origin.git')
  work = path.join(root, 'work')
  spawnSync('git', ['init', '-q', '--bare', '-b', 'main', origin], { env: BASE_ENV })
  spawnSync('git', ['clone', '-q', origin, work], { env: BASE_ENV })
  git('symbolic-ref', 'HEAD', 'refs/heads/main')
  spawnSync('mkdir', ['-p', path.join(work, 'src')])
  writeFileSync(path.join(work, 'src/config.json'), '{"type": "object"}\n')
})

afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('scripts/release.sh', () => {
  let first: string
  let second: string

  it('first release: tags v1.2.0 and creates v1 at the same commit, on the origin', () => {
    first = commitVersion('1.2.0', 'export const answer = 41')
    git('push', '-q', 'origin', 'main')
    const result = release('1.2.0')
    expect(result).toMatchObject({ code: 0 })
    expect(result.out).toMatch(/pushed v1\.2\.0 and moved v1/)
    expect(originTags()).toEqual({ 'v1.2.0': first, v1: first })
    // The runner has no git identity: the tags carry the actions bot's.
    expect(
      git('for-each-ref', '--format=%(taggername) %(contents:subject)', 'refs/tags/v1.2.0'),
    ).toBe('github-actions[bot] perfgate v1.2.0')
  })

  it('second release: v1.3.0 is new, v1 moves to it, v1.2.0 stays put', () => {
    second = commitVersion('1.3.0', 'export const answer = 42')
    git('push', '-q', 'origin', 'main')
    expect(release('1.3.0')).toMatchObject({ code: 0 })
    expect(originTags()).toEqual({ 'v1.2.0': first, 'v1.3.0': second, v1: second })
  })

  it('refuses a tag that exists, and changes nothing', () => {
    const result = release('1.3.0')
    expect(result.code).not.toBe(0)
    expect(result.out).toMatch(/v1\.3\.0 exists already/)
    expect(originTags()).toEqual({ 'v1.2.0': first, 'v1.3.0': second, v1: second })
  })

  it('refuses a stale dist/ (src changed, not rebuilt) and leaves the tree clean', () => {
    commitVersion('1.4.0', 'export const answer = 43', false)
    git('push', '-q', 'origin', 'main')
    const result = release('1.4.0')
    expect(result.code).not.toBe(0)
    expect(result.out).toMatch(/dist\/app\.js/)
    expect(result.out).toMatch(/committed dist\/ or schema\/ is stale/)
    expect(git('status', '--porcelain')).toBe('')
    expect(Object.keys(originTags()).sort()).toEqual(['v1', 'v1.2.0', 'v1.3.0'])
  })

  it('refuses a version that is not package.json’s, or not X.Y.Z', () => {
    expect(release('1.5.0').out).toMatch(/package\.json version is 1\.4\.0, not 1\.5\.0/)
    expect(release('1.4').out).toMatch(/must be X\.Y\.Z/)
    expect(release('v1.4.0').out).toMatch(/must be X\.Y\.Z/)
  })

  it('refuses a dirty tree and a commit that is not on the origin', () => {
    spawnSync('npm', ['run', '-s', 'bundle'], { cwd: work, env: BASE_ENV })
    expect(release('1.4.0').out).toMatch(/work tree has changes/)
    git('commit', '-q', '-am', 'rebuild dist for 1.4.0')
    const unpushed = release('1.4.0')
    expect(unpushed.code).not.toBe(0)
    expect(unpushed.out).toMatch(/is on no branch of origin: push it first/)
    git('push', '-q', 'origin', 'main')
  })

  it('--dry-run checks everything and tags nothing', () => {
    const result = release('--dry-run', '1.4.0')
    expect(result).toMatchObject({ code: 0 })
    expect(result.out).toMatch(/would push v1\.4\.0 and move v1/)
    expect(Object.keys(originTags()).sort()).toEqual(['v1', 'v1.2.0', 'v1.3.0'])
  })

  it('a backport (1.2.1 after 1.3.0) is tagged and leaves v1 at the newest', () => {
    git('checkout', '-q', '-b', 'release-1.2', 'v1.2.0')
    const backport = commitVersion('1.2.1', 'export const answer = 41 // fixed')
    git('push', '-q', 'origin', 'release-1.2')
    const result = release('1.2.1')
    expect(result).toMatchObject({ code: 0 })
    expect(result.out).toMatch(/v1 stays with the newer v1\.3\.0/)
    expect(originTags()).toMatchObject({ 'v1.2.1': backport, v1: second })
  })

  it('a new major line gets its own major tag', () => {
    git('checkout', '-q', 'main')
    const major = commitVersion('2.0.0', 'export const answer = 2')
    git('push', '-q', 'origin', 'main')
    expect(release('2.0.0')).toMatchObject({ code: 0 })
    expect(originTags()).toMatchObject({ 'v2.0.0': major, v2: major, v1: second })
  })
})
