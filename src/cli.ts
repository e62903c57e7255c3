import { readFile, writeFile } from 'node:fs/promises'
import { runCli } from './cli/main.js'

process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  script: process.argv[1],
  isTTY: Boolean(process.stderr.isTTY),
  now: () => new Date(),
  readFile: (file) => readFile(file, 'utf8'),
  writeFile: (file, text) => writeFile(file, text),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
})
