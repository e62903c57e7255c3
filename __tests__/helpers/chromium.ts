/** Headless Debian chromium for tests of HTML pages as a reader sees them. */
import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

/** Runs headless chromium with `args` (e.g. `--dump-dom page.html`) in `cwd`, a fresh profile each time. */
export function chromium(args: string[], cwd: string) {
  return spawnSync(
    '/usr/bin/chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--user-data-dir=${mkdtempSync(path.join(tmpdir(), 'perfgate-chromium-'))}`,
      '--window-size=1000,1200',
      ...args,
    ],
    { cwd, encoding: 'utf8', timeout: 90_000 },
  )
}
