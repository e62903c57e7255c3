/**
 * The GitHub workflow `perfgate init` writes: docs/github.md's basic workflow, with the toolchain
 * steps the found benches need, full history (so a PR's base commit can be measured again on the
 * runner) and, when SQL was found, a PostgreSQL service.
 */
import type { Finding } from './findings.js'

/** Where the workflow goes. */
export const WORKFLOW_FILE = '.github/workflows/perfgate.yml'

/** The install command of each Node lockfile (runners have npm and yarn; pnpm via corepack). */
const INSTALL: Record<string, string> = {
  'package-lock.json': 'npm ci',
  'yarn.lock': 'yarn install --frozen-lockfile',
  'pnpm-lock.yaml': 'corepack enable && pnpm install --frozen-lockfile',
}

/** The steps that install what the benches run with. */
function setupSteps(findings: Finding[], options: WorkflowOptions): string[] {
  const { hasPackageJson, lockfile } = options
  const has = (...kinds: Finding['kind'][]): boolean => findings.some((f) => kinds.includes(f.kind))
  const steps: string[] = []
  if (hasPackageJson) {
    steps.push(
      '      - uses: actions/setup-node@v4',
      '        with: { node-version: 24 }',
      `      - run: ${INSTALL[lockfile ?? ''] ?? 'npm install'}`,
    )
  }
  // Rust is on GitHub's Ubuntu runners already (rustup): nothing to install.
  const go = findings.find((f) => f.kind === 'go')
  if (go) {
    const mod = go.dir === '' ? 'go.mod' : `${go.dir}/go.mod`
    steps.push('      - uses: actions/setup-go@v5', `        with: { go-version-file: ${mod} }`)
  }
  if (has('pytest-benchmark')) {
    steps.push(
      '      - uses: actions/setup-python@v5',
      "        with: { python-version: '3.12' }",
      `      - run: pip install ${options.pythonInstall ? `${options.pythonInstall} ` : ''}pytest pytest-benchmark`,
    )
  }
  return steps
}

/** Postgres service lines (job level) and the step that loads the schema (commented). */
function postgres(findings: Finding[]): { service: string[]; steps: string[] } {
  const sql = findings.find((f) => f.kind === 'sql')
  if (sql?.kind !== 'sql') return { service: [], steps: [] }
  const load = sql.migrationsDir
    ? `for f in ${sql.migrationsDir}/*.sql; do psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -f "$f"; done`
    : `psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -f ${sql.schemaFile ?? sql.files[0]}`
  return {
    service: [
      '    # PostgreSQL for `sql` benches (perfgate.yml has a commented example)',
      '    services:',
      '      postgres:',
      '        image: postgres:17',
      '        env: { POSTGRES_PASSWORD: postgres }',
      "        ports: ['5432:5432']",
      '        options: >-',
      '          --health-cmd "pg_isready -U postgres"',
      '          --health-interval 2s --health-timeout 5s --health-retries 15',
      '    env:',
      '      DATABASE_URL: postgres://postgres:postgres@localhost:5432/postgres',
    ],
    steps: [
      '      # your schema and seed data, once the sql bench is uncommented:',
      `      # - run: ${load}`,
    ],
  }
}

/** What the workflow needs to know about the project beyond the findings. */
export interface WorkflowOptions {
  hasPackageJson: boolean
  /** The Node lockfile present, if any (npm ci needs package-lock.json). */
  lockfile?: string
  /** pip's arguments that install the project (`-e .`, `-r requirements.txt`), if any. */
  pythonInstall?: string
  /** The config file, relative to the repository root. */
  config: string
}

/** The workflow text for `findings`. */
export function workflowText(findings: Finding[], options: WorkflowOptions): string {
  const db = postgres(findings)
  return [
    '# Written by `perfgate init`. A push to main records the baseline; a pull request is',
    '# compared with it, doubtful benches are measured again for the base commit and the head on',
    '# the same runner, and one comment says what got slower (docs/github.md).',
    'name: perfgate',
    'on:',
    '  push:',
    '    branches: [main]',
    '  pull_request:',
    '    # labeled/unlabeled: adding the acknowledge label re-runs the check',
    '    types: [opened, synchronize, reopened, labeled, unlabeled]',
    'permissions:',
    '  contents: read        # checkout; compare the PR with its base (merge base)',
    '  actions: read         # find the baseline run and download its artifact',
    '  pull-requests: write  # create and update the PR comment',
    'jobs:',
    '  perf:',
    '    runs-on: ubuntu-latest',
    ...db.service,
    '    steps:',
    '      - uses: actions/checkout@v4',
    "        # the whole history, so the PR's base commit can be checked out and re-measured",
    '        with: { fetch-depth: 0 }',
    ...setupSteps(findings, options),
    ...db.steps,
    '      - uses: perfgate/perfgate@v0',
    '        with:',
    `          config: ${options.config}`,
    '',
  ].join('\n')
}
