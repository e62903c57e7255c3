/** What `perfgate init` writes for a project: the files and the summary it prints. Pure. */
import { configText, STARTER_BENCH, STARTER_BENCH_TEXT } from './config-text.js'
import { detectProject } from './detect.js'
import { isRunnable, type Finding } from './findings.js'
import type { ProjectTree } from './tree.js'
import { WORKFLOW_FILE, workflowText } from './workflow-text.js'

/** The config file init writes. */
export const CONFIG_FILE = 'perfgate.yml'

/** One file to write, relative to the project root. */
export interface PlannedFile {
  path: string
  text: string
}

/** The files and what was found. */
export interface InitPlan {
  findings: Finding[]
  /** Whether the starter bench stands in for benches that were not found. */
  starter: boolean
  files: PlannedFile[]
  /** What perfgate writes locally that .gitignore does not ignore yet (results, baselines). */
  toIgnore: string[]
}

/** Files `perfgate run` writes in the project: results, saved baselines, imported tools' output. */
const LOCAL_OUTPUTS = ['.perfgate/', 'perfgate-results.json']

/** The local outputs a .gitignore (text or none) does not name. */
function notIgnored(gitignore: string | undefined): string[] {
  const lines = new Set((gitignore ?? '').split('\n').map((line) => line.trim().replace(/^\//, '')))
  return LOCAL_OUTPUTS.filter((entry) => !lines.has(entry) && !lines.has(entry.replace(/\/$/, '')))
}

/** How pip installs the project, from the files it has. */
function pythonInstall(tree: ProjectTree): string | undefined {
  if (tree.paths.includes('pyproject.toml') || tree.paths.includes('setup.py')) return '-e .'
  const requirements = tree.paths.find((p) => /^requirements[^/]*\.txt$/.test(p))
  return requirements ? `-r ${requirements}` : undefined
}

/** Detects the benches of `tree` and builds the config, the workflow and (if needed) a starter. */
export function planInit(tree: ProjectTree): InitPlan {
  const findings = detectProject(tree)
  const starter = !findings.some(isRunnable)
  const lockfile = ['package-lock.json', 'yarn.lock', 'pnpm-lock.yaml'].find((f) =>
    tree.paths.includes(f),
  )
  const files: PlannedFile[] = [
    { path: CONFIG_FILE, text: configText(findings, starter) },
    {
      path: WORKFLOW_FILE,
      text: workflowText(findings, {
        // The starter bench is JavaScript, and perfgate's action brings its own Node to run it.
        hasPackageJson: tree.paths.includes('package.json'),
        ...(lockfile ? { lockfile } : {}),
        ...(pythonInstall(tree) ? { pythonInstall: pythonInstall(tree) } : {}),
        config: CONFIG_FILE,
      }),
    },
  ]
  if (starter) files.push({ path: STARTER_BENCH, text: STARTER_BENCH_TEXT })
  return { findings, starter, files, toIgnore: notIgnored(tree.read('.gitignore')) }
}
