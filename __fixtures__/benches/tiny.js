// A tiny bench module: two functions, one async, and hooks that must run around them.
import { appendFileSync } from 'node:fs'

let data

export function setup() {
  data = Array.from({ length: 100 }, (_, i) => i)
  if (process.env.HOOK_LOG) appendFileSync(process.env.HOOK_LOG, 'setup\n')
}

export function teardown() {
  if (process.env.HOOK_LOG) appendFileSync(process.env.HOOK_LOG, 'teardown\n')
}

export function sum() {
  return data.reduce((a, b) => a + b, 0)
}

export async function later() {
  await new Promise((resolve) => setImmediate(resolve))
}

export const notAFunction = 42
