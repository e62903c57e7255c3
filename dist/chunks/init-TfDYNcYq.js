import { statSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { S as SCHEMA_URL, d as distExports } from './schema-CmhWBDOJ.js';
import 'process';
import 'buffer';
import './pg-notify-C_yFIpMD.js';
import './schemas-CtpLbXv5.js';
import './XMLParser-Ciolm0c3.js';
import './simple-statistics-OhbKzjWx.js';
import './units-CFo0x0PP.js';
import './formats-B8atlvjM.js';

/** What `perfgate init` found in a project: one finding per thing it can bench, or suggest. */
/** Whether a finding becomes a bench that runs as written (the others: commented suggestions). */
function isRunnable(finding) {
    if (finding.kind === 'tinybench-script')
        return finding.output !== undefined;
    return finding.kind !== 'npm-script' && finding.kind !== 'sql';
}

/**
 * The perfgate.yml `perfgate init` writes: one entry per finding, each with a comment saying what
 * it measures; suggestions that cannot run as they are (a database, a script to change) are
 * written commented out. Pure text building.
 */
/** Where the starter bench goes when nothing runnable was found. */
const STARTER_BENCH = 'bench/example.bench.mjs';
/** Where import benches' tools write their results (beside saved baselines; not for git). */
const OUT = '.perfgate';
/** A YAML scalar, quoted only when YAML needs it. */
const scalar = (value) => distExports.stringify(value, { lineWidth: 0 }).trimEnd();
/** `key: value` lines of one entry, the first as a list item. */
function entry(fields, commented = false) {
    const lines = fields
        .filter((field) => field[1] !== undefined)
        .map(([key, value], index) => `${index === 0 ? '- ' : '  '}${key}: ${value}`);
    return lines.map((line) => `  ${commented ? '# ' : ''}${line}`).join('\n');
}
/** Comment lines, indented as entries are. */
const comment = (...lines) => lines.map((line) => `  # ${line}`).join('\n');
/** A bench name from a file: `bench/sort.bench.js` → `sort`. */
function nameOfFile(file) {
    return path.posix.basename(file).replace(/([.-]bench)?\.[cm]?[jt]s$/, '') || 'bench';
}
/** Hands out bench names, adding -2, -3 … when one is taken. */
function namer() {
    const taken = new Set();
    return (wanted) => {
        let name = wanted;
        for (let n = 2; taken.has(name); n++)
            name = `${wanted}-${n}`;
        taken.add(name);
        return name;
    };
}
const list = (items, max = 3) => items.length <= max
    ? items.join(', ')
    : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
function jsModule(finding, name) {
    return [
        comment(`${finding.file} exports ${list(finding.functions)}: perfgate times each exported`, `function with tinybench (exports named setup/teardown run around them, untimed).`, `Results: ${name}/<function>.`),
        entry([
            ['name', scalar(name)],
            ['kind', 'js'],
            ['module', scalar(finding.file)],
        ]),
    ].join('\n');
}
function tinybenchScript(finding, name) {
    if (finding.output !== undefined) {
        return [
            comment(`${finding.file} runs tinybench itself and writes its tasks to ${finding.output}:`, `perfgate runs the script, then reads that file.`, ...(finding.retainsSamples
                ? []
                : [
                    'Create its Bench with { retainSamples: true } so perfgate gets every sample,',
                    'not only the median.',
                ])),
            entry([
                ['name', scalar(name)],
                ['kind', 'import'],
                ['format', 'tinybench'],
                ['run', scalar(`node ${finding.file}`)],
                ['path', scalar(finding.output)],
            ]),
        ].join('\n');
    }
    const output = `${OUT}/${name}-tinybench.json`;
    return [
        comment(`${finding.file} runs tinybench itself but writes no results file, so perfgate cannot`, 'read it (and timing the whole script shows nothing: tinybench runs for a fixed time).', 'Either export the functions it benches and use `kind: js` (see docs/init.md), or add', `after \`await bench.run()\` (with { retainSamples: true } on the Bench), then uncomment:`, `  const tasks = bench.tasks.map(({ name, result }) => ({ name, result }))`, `  mkdirSync('${OUT}', { recursive: true })`, `  writeFileSync('${output}', JSON.stringify(tasks))`),
        entry([
            ['name', scalar(name)],
            ['kind', 'import'],
            ['format', 'tinybench'],
            ['run', scalar(`node ${finding.file}`)],
            ['path', scalar(output)],
        ], true),
    ].join('\n');
}
function vitest(finding, name) {
    const output = `${OUT}/vitest-bench.json`;
    return [
        comment(`vitest bench files (${list(finding.files)}): perfgate runs \`vitest bench\` and`, 'reads its JSON. vitest writes one value per bench (the median), a weaker signal than', 'raw samples; for every sample, export the functions and use `kind: js`.'),
        entry([
            ['name', scalar(name)],
            ['kind', 'import'],
            ['format', 'vitest'],
            ['run', scalar(`mkdir -p ${OUT} && npx vitest bench --run --outputJson ${output}`)],
            ['path', scalar(output)],
        ]),
    ].join('\n');
}
function npmScript(finding, name) {
    return [
        comment(`package.json's "${finding.name}" script (${finding.script}) runs none of the files`, "above. If its duration follows your code's speed, time it as a whole (a harness that", 'runs for a fixed time, like tinybench, would always look unchanged):'),
        entry([
            ['name', scalar(name)],
            ['kind', 'command'],
            ['command', scalar(`npm run -s ${finding.name}`)],
            ['samples', '10'],
        ], true),
    ].join('\n');
}
function criterion(finding, name) {
    const benches = finding.benches.map((bench) => `--bench ${bench}`).join(' ');
    const target = finding.select === 'package'
        ? ` -p ${finding.crate ?? path.posix.basename(finding.dir)}`
        : finding.select === 'manifest'
            ? ` --manifest-path ${finding.dir}/Cargo.toml`
            : '';
    return [
        comment(`Criterion benches of ${finding.crate ? `crate ${finding.crate}` : 'the crate'} (${list(finding.benches)}): perfgate runs`, 'them and reads every sample Criterion recorded. --noplot skips its HTML charts; the', 'timeout includes compiling in release mode.'),
        entry([
            ['name', scalar(name)],
            ['kind', 'import'],
            ['format', 'criterion'],
            ['run', scalar(`cargo bench${target} ${benches} -- --noplot`)],
            [
                'path',
                finding.select === 'manifest' ? scalar(`${finding.dir}/target/criterion`) : undefined,
            ],
            ['timeout', '30m'],
        ]),
    ].join('\n');
}
function go(finding, name) {
    const packages = finding.packages.map((pkg) => (pkg === '.' ? '.' : `./${pkg}`));
    const output = `${OUT}/${name.replaceAll('/', '-')}-bench.txt`;
    const test = `go test -run '^$' -bench . -benchmem -count 10 ${packages.length > 5 ? './...' : packages.join(' ')}`;
    const run = finding.dir === '' ? `${test} > ${output}` : `(cd ${finding.dir} && ${test}) > ${output}`;
    return [
        comment(`Go benchmarks (in ${list(packages)}${finding.dir ? ` of module ${finding.dir}` : ''}): perfgate runs each 10 times`, '(-count 10: one sample per line) and reads the text output; -benchmem adds bytes and', 'allocations per op. Each bench takes about 10 x -benchtime (1s): narrow -bench to a', 'regexp or set -benchtime=200ms if that is too long.'),
        entry([
            ['name', scalar(name)],
            ['kind', 'import'],
            ['format', 'go'],
            ['run', scalar(`mkdir -p ${OUT} && ${run}`)],
            ['path', scalar(output)],
            ['timeout', '30m'],
        ]),
    ].join('\n');
}
function pytest(finding, name) {
    const output = `${OUT}/pytest-benchmark.json`;
    const where = finding.testPaths.length > 0 ? ` ${finding.testPaths.join(' ')}` : '';
    return [
        comment(`pytest-benchmark tests${finding.testPaths.length > 0 ? ` (${list(finding.testPaths)})` : ''}: perfgate runs only the benchmarks`, "(--benchmark-only) and reads every round's time from the JSON."),
        entry([
            ['name', scalar(name)],
            ['kind', 'import'],
            ['format', 'pytest-benchmark'],
            [
                'run',
                scalar(`mkdir -p ${OUT} && python3 -m pytest${where} --benchmark-only --benchmark-json=${output}`),
            ],
            ['path', scalar(output)],
            ['timeout', '30m'],
        ]),
    ].join('\n');
}
function sql(finding, name) {
    const source = finding.migrationsDir ? `${finding.migrationsDir}/` : list(finding.files, 2);
    return [
        comment(`SQL found (${source}): a \`sql\` bench times a query on a real PostgreSQL, reading its`, 'URL from DATABASE_URL (without it the bench is skipped, not failed; the workflow starts', 'a database). Put in a query your application runs, then uncomment (docs/postgres.md):'),
        entry([
            ['name', scalar(name)],
            ['kind', 'sql'],
            [
                finding.schemaFile ? 'setup-file' : '# setup-file',
                `${finding.schemaFile ?? 'db/schema.sql'}   # run once first: schema and seed, idempotent`,
            ],
            ['query', 'SELECT * FROM your_table WHERE id = $1'],
            ['params', '[[1], [100]]   # two cases: $1 = 1, then $1 = 100'],
        ], true),
    ].join('\n');
}
/** The bench entry (or commented suggestion) of one finding. */
function block(finding, name, several) {
    switch (finding.kind) {
        case 'js-module':
            return jsModule(finding, name(nameOfFile(finding.file)));
        case 'tinybench-script':
            return tinybenchScript(finding, name(nameOfFile(finding.file)));
        case 'vitest':
            return vitest(finding, name('vitest'));
        case 'npm-script':
            return npmScript(finding, name(`npm-${finding.name.replaceAll(':', '-')}`));
        case 'criterion':
            return criterion(finding, name(several && finding.crate ? `rust/${finding.crate}` : 'rust'));
        case 'go':
            return go(finding, name(several && finding.dir ? `go/${finding.dir}` : 'go'));
        case 'pytest-benchmark':
            return pytest(finding, name('python'));
        case 'sql':
            return sql(finding, name('sql/example'));
    }
}
/** The starter bench's entry, for a project where nothing runnable was found. */
function starter(name) {
    return [
        comment(`Nothing found runs as it is, so perfgate init wrote a starter: ${STARTER_BENCH}. perfgate`, 'times each function it exports; replace their bodies with calls into your code.'),
        entry([
            ['name', scalar(name)],
            ['kind', 'js'],
            ['module', scalar(STARTER_BENCH)],
        ]),
    ].join('\n');
}
/** The perfgate.yml text for `findings`; `withStarter` adds the starter bench's entry. */
function configText(findings, withStarter) {
    const name = namer();
    const count = (kind) => findings.filter((f) => f.kind === kind).length;
    const blocks = findings.map((finding) => block(finding, name, count(finding.kind) > 1));
    if (withStarter)
        blocks.unshift(starter(name('example')));
    return `# yaml-language-server: $schema=${SCHEMA_URL}
# Written by \`perfgate init\` from what it found here: every entry not commented out runs as
# written (perfgate run). What it found and why each entry looks so:
# https://github.com/perfgate/perfgate/blob/main/docs/init.md
defaults:
  # A bench is a regression when it is slower than the baseline by more than
  # regression-threshold and the difference is statistically significant; a change within
  # noise-threshold always counts as unchanged (runners are noisy).
  noise-threshold: 5%
  regression-threshold: 10%

benches:
${blocks.join('\n\n')}
`;
}
/** The starter bench module: one exported function to replace with a call into the project. */
const STARTER_BENCH_TEXT = `// A starter bench written by \`perfgate init\`. perfgate times every function this module
// exports (\`setup\` and \`teardown\`, when exported, run around them, untimed). Replace the body
// with a call into your own code, for example:
//   import { parse } from '../src/parse.js'
//   export function parseSmall() { parse(SMALL_INPUT) }
let numbers

export function setup() {
  numbers = Array.from({ length: 10_000 }, (_, i) => (i * 7919) % 10_007)
}

export function sortNumbers() {
  return [...numbers].sort((a, b) => a - b)
}
`;

/** Go: modules with `func BenchmarkX(b *testing.B)` in their tests. */
const BENCHMARK = /^func\s+Benchmark\w*\s*\(\s*\w+\s+\*testing\.B\s*\)/m;
/** Finds each Go module's packages that hold benchmarks. */
function detectGo(tree) {
    const modules = tree.paths
        .filter((p) => p === 'go.mod' || p.endsWith('/go.mod'))
        .map((p) => (path.posix.dirname(p) === '.' ? '' : path.posix.dirname(p)))
        // Deepest first, so a test file belongs to its nearest module.
        .sort((a, b) => b.length - a.length);
    const packages = new Map();
    for (const file of tree.paths.filter((p) => p.endsWith('_test.go'))) {
        const module = modules.find((dir) => dir === '' || file.startsWith(`${dir}/`));
        if (module === undefined || !BENCHMARK.test(tree.read(file) ?? ''))
            continue;
        const pkg = path.posix.relative(module === '' ? '.' : module, path.posix.dirname(file)) || '.';
        packages.set(module, (packages.get(module) ?? new Set()).add(pkg));
    }
    return [...packages]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([dir, pkgs]) => ({ kind: 'go', dir, packages: [...pkgs].sort() }));
}

const SOURCE = /\.(?:[cm]?js|[cm]?ts)$/;
const BENCH_FILE = /(?:^|\/)[^/]+[.-]bench\.(?:[cm]?js|[cm]?ts)$/;
/** Folders whose sources are read to find tinybench scripts not named `*.bench.*`. */
const BENCH_DIR = /(?:^|\/)(?:bench|benches|benchmark|benchmarks|perf)\//;
const DECLARATION = /\.d\.[cm]?ts$/;
/** Names of a module's exported functions (ESM syntax), without the setup/teardown hooks. */
function exportedFunctions(text) {
    const names = new Set();
    for (const match of text.matchAll(/export\s+(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)/g))
        names.add(match[1]);
    const arrow = /export\s+const\s+([A-Za-z_$][\w$]*)\s*=\s*(?:async\s*)?(?:function\b|\([^)]*\)\s*=>|[A-Za-z_$][\w$]*\s*=>)/g;
    for (const match of text.matchAll(arrow))
        names.add(match[1]);
    names.delete('setup');
    names.delete('teardown');
    return [...names];
}
const importsVitest = (text) => /from\s+['"]vitest['"]/.test(text);
const runsTinybench = (text) => /new\s+Bench\s*\(/.test(text) && /['"]tinybench['"]/.test(text);
/** The JSON file a tinybench script writes its tasks to: `writeFileSync('x.json', …tasks…)`. */
function tinybenchOutput(text) {
    if (!/\.tasks\b/.test(text))
        return undefined;
    return /writeFileSync\(\s*['"`]([^'"`$]+\.json)['"`]/.exec(text)?.[1];
}
/** Finds the JavaScript benches of `tree`. */
function detectNode(tree) {
    const findings = [];
    const vitestFiles = [];
    const candidates = tree.paths.filter((file) => SOURCE.test(file) &&
        !DECLARATION.test(file) &&
        (BENCH_FILE.test(file) || BENCH_DIR.test(file)));
    for (const file of candidates) {
        const text = tree.read(file);
        if (text === undefined)
            continue;
        if (importsVitest(text) && /\bbench\s*\(/.test(text)) {
            vitestFiles.push(file);
        }
        else if (runsTinybench(text)) {
            // A script that runs tinybench on import: perfgate cannot call its functions, only read
            // what it writes.
            findings.push({
                kind: 'tinybench-script',
                file,
                output: tinybenchOutput(text),
                retainsSamples: /retainSamples\s*:\s*true/.test(text),
            });
        }
        else if (BENCH_FILE.test(file)) {
            const functions = exportedFunctions(text);
            if (functions.length > 0)
                findings.push({ kind: 'js-module', file, functions });
        }
    }
    if (vitestFiles.length > 0)
        findings.push({ kind: 'vitest', files: vitestFiles });
    findings.push(...uncoveredScripts(tree, findings));
    return findings;
}
/**
 * The root package.json's bench scripts that run none of the files found (and not vitest, read
 * already): each is suggested as a `command` bench, commented, since timing a whole script only
 * measures the code when the script's duration follows it.
 */
function uncoveredScripts(tree, found) {
    const scripts = packageScripts(tree.read('package.json'));
    const files = found.flatMap((finding) => 'file' in finding ? [finding.file] : finding.kind === 'vitest' ? finding.files : []);
    return Object.entries(scripts)
        .filter(([name]) => /^bench(?:mark)?s?(?::|$)/.test(name))
        .filter(([, script]) => !/\bvitest\b/.test(script) || !found.some((f) => f.kind === 'vitest'))
        .filter(([, script]) => !files.some((file) => script.includes(file)))
        .map(([name, script]) => ({ kind: 'npm-script', name, script }));
}
function packageScripts(text) {
    if (text === undefined)
        return {};
    try {
        const scripts = JSON.parse(text).scripts;
        if (typeof scripts !== 'object' || scripts === null)
            return {};
        return Object.fromEntries(Object.entries(scripts).filter((entry) => typeof entry[1] === 'string'));
    }
    catch {
        return {};
    }
}

/** Python: tests taking pytest-benchmark's `benchmark` fixture, or the plugin as a dependency. */
const DEPENDENCY_FILES = /(?:^|\/)(?:requirements[^/]*\.txt|pyproject\.toml|setup\.cfg|setup\.py|Pipfile|tox\.ini)$/;
const TEST_FILE = /(?:^|\/)(?:test_[^/]*|[^/]*_test)\.py$/;
const USES_FIXTURE = /def\s+test_\w*\s*\([^)]*\bbenchmark\b/;
/** Finds pytest-benchmark tests; a declared dependency alone is enough (pytest finds the tests). */
function detectPython(tree) {
    const tests = tree.paths.filter((file) => TEST_FILE.test(file) && USES_FIXTURE.test(tree.read(file) ?? ''));
    const declared = tree.paths.some((file) => DEPENDENCY_FILES.test(file) && /pytest[-_]benchmark/i.test(tree.read(file) ?? ''));
    if (tests.length === 0 && !declared)
        return [];
    const dirs = [...new Set(tests.map((file) => path.posix.dirname(file)))];
    // A handful of folders are named; beyond that (or none found) pytest discovers the tests itself.
    const testPaths = dirs.length > 0 && dirs.length <= 3 && !dirs.includes('.') ? dirs.sort() : [];
    return [{ kind: 'pytest-benchmark', testPaths }];
}

/** Rust: crates whose bench targets use Criterion (`criterion_main!`), read from Cargo.toml. */
/** Reads the package name, `[workspace]`, a criterion dependency and `[[bench]]` targets. */
function readManifest(text) {
    const manifest = { workspace: false, criterion: false, benches: [] };
    let section = '';
    for (const raw of text.split('\n')) {
        const line = raw.replace(/#.*$/, '').trim();
        const header = /^\[\[?\s*([^\]]+?)\s*\]\]?$/.exec(line);
        if (header) {
            section = header[1];
            if (line.startsWith('[[') && section === 'bench')
                manifest.benches.push({});
            if (section === 'workspace' || section.startsWith('workspace.'))
                manifest.workspace = true;
            continue;
        }
        const pair = /^([\w.-]+)\s*=\s*(.*)$/.exec(line);
        // `criterion = "0.5"`, `criterion.workspace = true` or `[dev-dependencies.criterion]`.
        const key = pair?.[1] ?? '';
        if (/dependencies$/.test(section) && /^criterion(?:\.|$)/.test(key))
            manifest.criterion = true;
        if (/dependencies\.criterion$/.test(section))
            manifest.criterion = true;
        if (!pair)
            continue;
        const value = /^"([^"]*)"/.exec(pair[2])?.[1];
        if (section === 'package' && pair[1] === 'name')
            manifest.name = value;
        const bench = manifest.benches.at(-1);
        if (section === 'bench' && bench && (pair[1] === 'name' || pair[1] === 'path'))
            bench[pair[1]] = value;
    }
    return manifest;
}
/** Finds the Criterion benches of every crate in `tree`. */
function detectRust(tree) {
    const rootManifest = tree.read('Cargo.toml');
    const rootIsWorkspace = rootManifest !== undefined && readManifest(rootManifest).workspace;
    const findings = [];
    for (const file of tree.paths.filter((p) => p === 'Cargo.toml' || p.endsWith('/Cargo.toml'))) {
        const text = tree.read(file);
        if (text === undefined)
            continue;
        const manifest = readManifest(text);
        if (!manifest.criterion)
            continue;
        const dir = path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file);
        const benches = benchTargets(tree, dir, manifest);
        if (benches.length === 0)
            continue;
        findings.push({
            kind: 'criterion',
            dir,
            ...(manifest.name ? { crate: manifest.name } : {}),
            benches,
            select: dir === '' ? 'root' : rootIsWorkspace ? 'package' : 'manifest',
        });
    }
    return findings;
}
/** Bench targets (declared or auto-discovered in benches/) whose source runs criterion_main!. */
function benchTargets(tree, dir, manifest) {
    const at = (rel) => (dir === '' ? rel : `${dir}/${rel}`);
    const sources = new Map();
    for (const file of tree.paths) {
        const match = new RegExp(`^${escape(at('benches/'))}([\\w-]+)(?:\\.rs|/main\\.rs)$`).exec(file);
        if (match)
            sources.set(match[1], file);
    }
    for (const bench of manifest.benches) {
        if (bench.name === undefined)
            continue;
        sources.set(bench.name, bench.path ? at(bench.path) : (sources.get(bench.name) ?? ''));
    }
    return [...sources]
        .filter(([, file]) => /criterion_main!|criterion_group!/.test(tree.read(file) ?? ''))
        .map(([name]) => name)
        .sort();
}
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Finds SQL files; the example names a schema file or the migrations folder when there is one. */
function detectSql(tree) {
    const files = tree.paths.filter((file) => file.endsWith('.sql'));
    if (files.length === 0)
        return [];
    const migrationsDir = files
        .map((file) => /^(.*?(?:^|\/)migrations?)\//.exec(file)?.[1])
        .find((dir) => dir !== undefined);
    const schemaFile = files.find((file) => /(?:^|\/)(?:schema|seed|init|structure)\.sql$/.test(file));
    return [
        {
            kind: 'sql',
            ...(schemaFile ? { schemaFile } : {}),
            ...(migrationsDir ? { migrationsDir } : {}),
            files,
        },
    ];
}

/** Everything `perfgate init` looks for in a project, in the order the config lists it. */
/**
 * The benches found in `tree`, those that run as written first, then the suggestions. Pure:
 * reads only through the tree.
 */
function detectProject(tree) {
    const findings = [
        ...detectNode(tree),
        ...detectRust(tree),
        ...detectGo(tree),
        ...detectPython(tree),
        ...detectSql(tree),
    ];
    return [...findings.filter(isRunnable), ...findings.filter((f) => !isRunnable(f))];
}

/** Where the workflow goes. */
const WORKFLOW_FILE = '.github/workflows/perfgate.yml';
/** The install command of each Node lockfile (runners have npm and yarn; pnpm via corepack). */
const INSTALL = {
    'package-lock.json': 'npm ci',
    'yarn.lock': 'yarn install --frozen-lockfile',
    'pnpm-lock.yaml': 'corepack enable && pnpm install --frozen-lockfile',
};
/** The steps that install what the benches run with. */
function setupSteps(findings, options) {
    const { hasPackageJson, lockfile } = options;
    const has = (...kinds) => findings.some((f) => kinds.includes(f.kind));
    const steps = [];
    if (hasPackageJson) {
        steps.push('      - uses: actions/setup-node@v4', '        with: { node-version: 24 }', `      - run: ${INSTALL[lockfile ?? ''] ?? 'npm install'}`);
    }
    // Rust is on GitHub's Ubuntu runners already (rustup): nothing to install.
    const go = findings.find((f) => f.kind === 'go');
    if (go) {
        const mod = go.dir === '' ? 'go.mod' : `${go.dir}/go.mod`;
        steps.push('      - uses: actions/setup-go@v5', `        with: { go-version-file: ${mod} }`);
    }
    if (has('pytest-benchmark')) {
        steps.push('      - uses: actions/setup-python@v5', "        with: { python-version: '3.12' }", `      - run: pip install ${options.pythonInstall ? `${options.pythonInstall} ` : ''}pytest pytest-benchmark`);
    }
    return steps;
}
/** Postgres service lines (job level) and the step that loads the schema (commented). */
function postgres(findings) {
    const sql = findings.find((f) => f.kind === 'sql');
    if (sql?.kind !== 'sql')
        return { service: [], steps: [] };
    const load = sql.migrationsDir
        ? `for f in ${sql.migrationsDir}/*.sql; do psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -f "$f"; done`
        : `psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -f ${sql.schemaFile ?? sql.files[0]}`;
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
    };
}
/** The workflow text for `findings`. */
function workflowText(findings, options) {
    const db = postgres(findings);
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
    ].join('\n');
}

/** What `perfgate init` writes for a project: the files and the summary it prints. Pure. */
/** The config file init writes. */
const CONFIG_FILE = 'perfgate.yml';
/** Files `perfgate run` writes in the project: results, saved baselines, imported tools' output. */
const LOCAL_OUTPUTS = ['.perfgate/', 'perfgate-results.json'];
/** The local outputs a .gitignore (text or none) does not name. */
function notIgnored(gitignore) {
    const lines = new Set((gitignore ?? '').split('\n').map((line) => line.trim().replace(/^\//, '')));
    return LOCAL_OUTPUTS.filter((entry) => !lines.has(entry) && !lines.has(entry.replace(/\/$/, '')));
}
/** How pip installs the project, from the files it has. */
function pythonInstall(tree) {
    if (tree.paths.includes('pyproject.toml') || tree.paths.includes('setup.py'))
        return '-e .';
    const requirements = tree.paths.find((p) => /^requirements[^/]*\.txt$/.test(p));
    return requirements ? `-r ${requirements}` : undefined;
}
/** Detects the benches of `tree` and builds the config, the workflow and (if needed) a starter. */
function planInit(tree) {
    const findings = detectProject(tree);
    const starter = !findings.some(isRunnable);
    const lockfile = ['package-lock.json', 'yarn.lock', 'pnpm-lock.yaml'].find((f) => tree.paths.includes(f));
    const files = [
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
    ];
    if (starter)
        files.push({ path: STARTER_BENCH, text: STARTER_BENCH_TEXT });
    return { findings, starter, files, toIgnore: notIgnored(tree.read('.gitignore')) };
}

/**
 * The project as `perfgate init` sees it: a listing of file paths and a way to read one. Detection
 * is pure over this port, so it is tested on fixture trees; `readProjectTree` is the disk edge.
 */
/**
 * Folders never searched: dependencies, build output and tool caches hold thousands of files and
 * other projects' benches (a crate's vendored criterion benches are not the user's), and test
 * fixtures hold sample projects (Go's tools ignore testdata/ for the same reason).
 */
const SKIPPED_DIRS = new Set([
    '.git',
    'node_modules',
    'target',
    'dist',
    'build',
    'vendor',
    'venv',
    '.venv',
    '__pycache__',
    '.tox',
    '.perfgate',
    'coverage',
    '__fixtures__',
    'fixtures',
    'testdata',
]);
/** How deep and how many files the walk goes: enough for bench layouts, bounded for monorepos. */
const MAX_DEPTH = 6;
const MAX_FILES = 20_000;
/** Source files bigger than this are not read (a generated bundle is no bench). */
const MAX_READ_BYTES = 512 * 1024;
/** Lists `root` (skipping `SKIPPED_DIRS` and dot-folders) and reads files on demand. */
function readProjectTree(root) {
    const paths = [];
    const walk = (dir, depth) => {
        let entries;
        try {
            entries = readdirSync(path.join(root, dir), { withFileTypes: true });
        }
        catch {
            return;
        }
        for (const entry of entries) {
            if (paths.length >= MAX_FILES)
                return;
            const rel = dir === '' ? entry.name : `${dir}/${entry.name}`;
            if (entry.isDirectory()) {
                const hidden = entry.name.startsWith('.') && entry.name !== '.github';
                if (!hidden && !SKIPPED_DIRS.has(entry.name) && depth < MAX_DEPTH)
                    walk(rel, depth + 1);
            }
            else if (entry.isFile()) {
                paths.push(rel);
            }
        }
    };
    walk('', 0);
    paths.sort();
    return {
        paths,
        read(file) {
            const full = path.join(root, file);
            try {
                if (statSync(full).size > MAX_READ_BYTES)
                    return undefined;
                return readFileSync(full, 'utf8');
            }
            catch {
                return undefined;
            }
        },
    };
}

/**
 * `perfgate init [DIR] [--force] [--dry-run]`: looks at a project, writes a perfgate.yml that runs
 * as written and a GitHub workflow, and prints the next two commands. Never overwrites a file
 * unless --force.
 */
/** One-line usage. */
const INIT_USAGE = 'Usage: perfgate init [DIR] [--force] [--dry-run]';
/** The full help of `perfgate init --help`. */
const INIT_HELP = `${INIT_USAGE}

Looks at the project in DIR (default: the current folder) and writes a perfgate.yml that runs as
written, plus .github/workflows/perfgate.yml. It finds *.bench.{js,ts} modules, tinybench and
vitest bench files, package.json bench scripts, Criterion benches (Cargo), Go benchmarks,
pytest-benchmark tests and SQL files (a commented sql example); with none of them, it writes a
starter bench, ${STARTER_BENCH}. Existing files are never overwritten without --force.
What it detects and writes: docs/init.md.

Options:
  --force                      overwrite files that exist
  -n, --dry-run                print what would be written; write nothing
  -h, --help                   show this help
`;
/** One line per finding: the file(s) and what perfgate does with it. */
function describe(finding) {
    switch (finding.kind) {
        case 'js-module':
            return `${finding.file}: js bench of ${finding.functions.length} exported function${finding.functions.length === 1 ? '' : 's'}`;
        case 'tinybench-script':
            return finding.output
                ? `${finding.file}: tinybench script, its ${finding.output} imported`
                : `${finding.file}: tinybench script writing no results file (commented; see the note)`;
        case 'vitest':
            return `${finding.files.length} vitest bench file${finding.files.length === 1 ? '' : 's'}: imported from vitest bench --outputJson`;
        case 'npm-script':
            return `package.json script "${finding.name}": a commented command bench`;
        case 'criterion':
            return `${finding.dir || '.'}/Cargo.toml: Criterion benches ${finding.benches.join(', ')}, imported after cargo bench`;
        case 'go':
            return `${finding.dir || '.'}/go.mod: Go benchmarks in ${finding.packages.join(', ')}, imported from go test -bench`;
        case 'pytest-benchmark':
            return `pytest-benchmark${finding.testPaths.length > 0 ? ` tests in ${finding.testPaths.join(', ')}` : ''}: imported from --benchmark-json`;
        case 'sql':
            return `SQL (${finding.migrationsDir ? `${finding.migrationsDir}/` : `${finding.files.length} file${finding.files.length === 1 ? '' : 's'}`}): a commented sql bench and a PostgreSQL service`;
    }
}
/**
 * How the user runs perfgate, for the commands printed next: `perfgate` from an installed bin,
 * `npx perfgate` under npx, else `node <the script>` (a clone's dist/cli.js), relative to `cwd`
 * (the project folder, where the commands run) when that is shorter.
 */
function invocation(script, env, cwd) {
    // npx sets these for the command it runs (and its children: perfgate run by `npx jest` is not).
    if (env.npm_command === 'exec' && /^'?perfgate\b/.test(env.npm_lifecycle_script ?? '')) {
        return 'npx perfgate';
    }
    if (script === undefined || path.basename(script) === 'perfgate')
        return 'perfgate';
    const relative = path.relative(cwd, script);
    return `node ${relative.length < script.length ? relative : script}`;
}
const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
/**
 * The report: what was found, the files (`verb`: Wrote, Would write; `onExisting` marks the files
 * that existed), the next two commands.
 */
function summary(plan, dir, perfgate, verb, existing, onExisting) {
    const runnable = plan.findings.filter(isRunnable).length + (plan.starter ? 1 : 0);
    const suggested = plan.findings.filter((f) => !isRunnable(f)).length;
    const found = plan.findings.map((f) => `  ${describe(f)}\n`).join('');
    const starter = plan.starter
        ? `${plan.findings.length === 0 ? 'Found no benchmarks' : 'Nothing found runs as it is'}: a starter bench to edit instead.\n`
        : '';
    const files = plan.files
        .map((file) => `${verb} ${file.path}${existing.has(file.path) ? ` (${onExisting})` : ''}\n`)
        .join('');
    const counts = `(${plural(runnable, 'bench entry', 'bench entries')} to run${suggested > 0 ? `, ${suggested} commented out to finish by hand` : ''})`;
    const cd = dir === '.' ? '' : `cd ${dir}\n  `;
    const ignore = plan.toIgnore.length > 0
        ? `\nAdd to .gitignore what perfgate run writes: ${plan.toIgnore.join(' ')}\n`
        : '';
    return `${found ? `Found:\n${found}` : ''}${starter}
${files}${counts}

Next:
  ${cd}${perfgate} run --save base        # measure now, keep the results as baseline "base"
  # change your code, then compare with it; a slowdown beyond 10% is flagged:
  ${perfgate} run --baseline base
${ignore}`;
}
/** Runs the init command; returns the exit code (1 when a file exists, 2 for bad usage). */
async function initCommand(args, io) {
    let parsed;
    try {
        parsed = parseArgs({
            args,
            allowPositionals: true,
            options: {
                force: { type: 'boolean', default: false },
                'dry-run': { type: 'boolean', short: 'n', default: false },
                help: { type: 'boolean', short: 'h', default: false },
            },
        });
    }
    catch (error) {
        // parseArgs' first sentence ("Unknown option '--x'"); the rest is about positionals.
        const message = error.message ?? String(error);
        io.stderr(`perfgate init: ${message.split('. ')[0]}\n${INIT_USAGE}\n`);
        return 2;
    }
    const { values, positionals } = parsed;
    if (values.help) {
        io.stdout(INIT_HELP);
        return 0;
    }
    if (positionals.length > 1) {
        io.stderr(`perfgate init: give at most one folder, got ${positionals.length}\n${INIT_USAGE}\n`);
        return 2;
    }
    const dir = positionals[0] ?? '.';
    if (!existsSync(dir)) {
        io.stderr(`perfgate init: folder ${dir} does not exist\n`);
        return 2;
    }
    const plan = planInit(readProjectTree(dir));
    const perfgate = invocation(io.script, io.env, path.resolve(dir));
    const existing = plan.files.filter((file) => existsSync(path.join(dir, file.path)));
    const exists = new Set(existing.map((file) => file.path));
    if (values['dry-run']) {
        for (const file of plan.files)
            io.stdout(`--- ${file.path}\n${file.text}\n`);
        io.stdout(summary(plan, dir, perfgate, 'Would write', exists, 'it exists: --force overwrites it'));
        return 0;
    }
    if (existing.length > 0 && !values.force) {
        const names = existing.map((file) => path.join(dir, file.path)).join(' and ');
        io.stderr(`perfgate init: ${names} already exist${existing.length === 1 ? 's' : ''}; nothing written. ` +
            `perfgate init --force overwrites ${existing.length === 1 ? 'it' : 'them'}; ` +
            `perfgate init --dry-run shows what would be written.\n`);
        return 1;
    }
    for (const file of plan.files) {
        const target = path.join(dir, file.path);
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, file.text);
    }
    io.stdout(summary(plan, dir, perfgate, 'Wrote', exists, 'overwritten'));
    return 0;
}

export { INIT_HELP, INIT_USAGE, initCommand, invocation };
