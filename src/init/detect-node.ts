/** JavaScript and TypeScript: `*.bench.*` files, tinybench scripts, vitest benches, npm scripts. */
import type { Finding, NpmScriptFinding } from './findings.js'
import type { ProjectTree } from './tree.js'

const SOURCE = /\.(?:[cm]?js|[cm]?ts)$/
const BENCH_FILE = /(?:^|\/)[^/]+[.-]bench\.(?:[cm]?js|[cm]?ts)$/
/** Folders whose sources are read to find tinybench scripts not named `*.bench.*`. */
const BENCH_DIR = /(?:^|\/)(?:bench|benches|benchmark|benchmarks|perf)\//
const DECLARATION = /\.d\.[cm]?ts$/

/** Names of a module's exported functions (ESM syntax), without the setup/teardown hooks. */
export function exportedFunctions(text: string): string[] {
  const names = new Set<string>()
  for (const match of text.matchAll(/export\s+(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)/g))
    names.add(match[1])
  const arrow =
    /export\s+const\s+([A-Za-z_$][\w$]*)\s*=\s*(?:async\s*)?(?:function\b|\([^)]*\)\s*=>|[A-Za-z_$][\w$]*\s*=>)/g
  for (const match of text.matchAll(arrow)) names.add(match[1])
  names.delete('setup')
  names.delete('teardown')
  return [...names]
}

const importsVitest = (text: string): boolean => /from\s+['"]vitest['"]/.test(text)
const runsTinybench = (text: string): boolean =>
  /new\s+Bench\s*\(/.test(text) && /['"]tinybench['"]/.test(text)

/** The JSON file a tinybench script writes its tasks to: `writeFileSync('x.json', …tasks…)`. */
function tinybenchOutput(text: string): string | undefined {
  if (!/\.tasks\b/.test(text)) return undefined
  return /writeFileSync\(\s*['"`]([^'"`$]+\.json)['"`]/.exec(text)?.[1]
}

/** Finds the JavaScript benches of `tree`. */
export function detectNode(tree: ProjectTree): Finding[] {
  const findings: Finding[] = []
  const vitestFiles: string[] = []
  const candidates = tree.paths.filter(
    (file) =>
      SOURCE.test(file) &&
      !DECLARATION.test(file) &&
      (BENCH_FILE.test(file) || BENCH_DIR.test(file)),
  )
  for (const file of candidates) {
    const text = tree.read(file)
    if (text === undefined) continue
    if (importsVitest(text) && /\bbench\s*\(/.test(text)) {
      vitestFiles.push(file)
    } else if (runsTinybench(text)) {
      // A script that runs tinybench on import: perfgate cannot call its functions, only read
      // what it writes.
      findings.push({
        kind: 'tinybench-script',
        file,
        output: tinybenchOutput(text),
        retainsSamples: /retainSamples\s*:\s*true/.test(text),
      })
    } else if (BENCH_FILE.test(file)) {
      const functions = exportedFunctions(text)
      if (functions.length > 0) findings.push({ kind: 'js-module', file, functions })
    }
  }
  if (vitestFiles.length > 0) findings.push({ kind: 'vitest', files: vitestFiles })
  findings.push(...uncoveredScripts(tree, findings))
  return findings
}

/**
 * The root package.json's bench scripts that run none of the files found (and not vitest, read
 * already): each is suggested as a `command` bench, commented, since timing a whole script only
 * measures the code when the script's duration follows it.
 */
function uncoveredScripts(tree: ProjectTree, found: Finding[]): NpmScriptFinding[] {
  const scripts = packageScripts(tree.read('package.json'))
  const files = found.flatMap((finding) =>
    'file' in finding ? [finding.file] : finding.kind === 'vitest' ? finding.files : [],
  )
  return Object.entries(scripts)
    .filter(([name]) => /^bench(?:mark)?s?(?::|$)/.test(name))
    .filter(([, script]) => !/\bvitest\b/.test(script) || !found.some((f) => f.kind === 'vitest'))
    .filter(([, script]) => !files.some((file) => script.includes(file)))
    .map(([name, script]) => ({ kind: 'npm-script', name, script }))
}

function packageScripts(text: string | undefined): Record<string, string> {
  if (text === undefined) return {}
  try {
    const scripts = (JSON.parse(text) as { scripts?: unknown }).scripts
    if (typeof scripts !== 'object' || scripts === null) return {}
    return Object.fromEntries(
      Object.entries(scripts).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    )
  } catch {
    return {}
  }
}
