// --filter as pure selection: config entry names and the result names perfgate prints.
import { describe, expect, it } from '@jest/globals'
import { parseConfig } from '../../src/config/load.js'
import { keepsResult, selectBenches } from '../../src/config/filter.js'
import type { Config } from '../../src/config/types.js'
import type { JsSpec } from '../../src/config/kinds/js.js'

function config(text: string): Config {
  const outcome = parseConfig(text, { file: '/project/perfgate.yml' })
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors))
  return outcome.config
}

const CONFIG = config(`benches:
  - {name: lib, kind: js, module: lib.js}
  - {name: picked, kind: js, module: lib.js, functions: [alpha, beta]}
  - {name: sql/ready, kind: command, command: 'true'}
`)

const selected = (filter: string) =>
  selectBenches(CONFIG, filter).map((b) => [b.name, (b.spec as JsSpec).functions ?? null])

describe('selectBenches', () => {
  it('selects by config entry name as before, whole', () => {
    expect(selected('lib')).toEqual([['lib', null]])
    expect(selected('sql')).toEqual([['sql/ready', null]])
    expect(selected('sql/*')).toEqual([['sql/ready', null]])
  })

  it('narrows a js bench to the function a printed name names', () => {
    expect(selected('lib/benchMedian')).toEqual([['lib', ['benchMedian']]])
    expect(selected('picked/beta')).toEqual([['picked', ['beta']]])
    expect(selected('**/alpha')).toEqual([
      ['lib', ['alpha']],
      ['picked', ['alpha']],
    ])
  })

  it('runs a js bench whole for a wildcard it cannot resolve without loading the module', () => {
    expect(selected('lib/bench*')).toEqual([['lib', null]])
    expect(selected('picked/b*')).toEqual([['picked', ['beta']]])
  })

  it('selects nothing for a function a js bench does not list, or a sub-name of another kind', () => {
    expect(selected('picked/gamma')).toEqual([])
    expect(selected('sql/ready/x')).toEqual([])
  })
})

describe('keepsResult', () => {
  it('keeps results by their own name or their whole-selected entry', () => {
    const keeps = keepsResult(CONFIG, 'lib/bench*,li?')
    expect(keeps('lib/benchMedian')).toBe(true)
    const narrow = keepsResult(CONFIG, 'lib/bench*')
    expect(narrow('lib/benchMedian')).toBe(true)
    expect(narrow('lib/other')).toBe(false)
    expect(narrow('sql/ready')).toBe(false)
    expect(keepsResult(CONFIG, undefined)('anything')).toBe(true)
  })
})
