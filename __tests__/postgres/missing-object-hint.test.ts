import { describe, expect, it } from '@jest/globals'
import { describeQueryError } from '../../src/run/postgres/connect.js'
import { missingObject, missingObjectHint } from '../../src/run/postgres/missing-object-hint.js'

const undefinedFunction = (message: string) => ({ code: '42883', message })
const undefinedTable = (message: string) => ({ code: '42P01', message })

describe('missingObject', () => {
  it('reads the function or relation a 42883 / 42P01 error names, qualified or quoted', () => {
    expect(missingObject(undefinedFunction('function step_ready(uuid) does not exist'))).toEqual({
      kind: 'function',
      name: 'step_ready',
      bare: 'step_ready',
    })
    expect(
      missingObject(undefinedFunction('function tasker.step_ready(uuid, integer) does not exist')),
    ).toEqual({ kind: 'function', name: 'tasker.step_ready', bare: 'step_ready', schema: 'tasker' })
    expect(missingObject(undefinedFunction('procedure "Odd.Name"() does not exist'))).toMatchObject(
      { kind: 'function', bare: 'Odd.Name' },
    )
    expect(missingObject(undefinedTable('relation "workflow_steps" does not exist'))).toEqual({
      kind: 'relation',
      name: 'workflow_steps',
      bare: 'workflow_steps',
    })
    expect(missingObject(undefinedTable('relation "tasker.tasks" does not exist'))).toMatchObject({
      bare: 'tasks',
      schema: 'tasker',
    })
  })

  it('leaves other errors alone: a missing operator is 42883 too, but no schema fixes it', () => {
    expect(missingObject(undefinedFunction('operator does not exist: integer = text'))).toBe(
      undefined,
    )
    expect(missingObject({ code: '42703', message: 'column "x" does not exist' })).toBe(undefined)
    expect(missingObject(new Error('Connection terminated'))).toBe(undefined)
  })
})

describe('missingObjectHint', () => {
  const fn = { kind: 'function', name: 'step_ready', bare: 'step_ready' } as const

  it('names search-path with the schemas that hold it, before the ones searched now', () => {
    expect(
      missingObjectHint(fn, {
        found: [{ schema: 'tasker', args: 'uuid' }],
        searchPath: ['public'],
      }),
    ).toBe(
      'add search-path: [tasker, public] to this bench (function "step_ready" exists in schema tasker)',
    )
    const table = { kind: 'relation', name: 't', bare: 't' } as const
    expect(
      missingObjectHint(table, { found: [{ schema: 'a' }, { schema: 'b' }], searchPath: [] }),
    ).toBe('add search-path: [a, b] to this bench (relation "t" exists in schemas a, b)')
  })

  it('says when it exists nowhere: the migrations have not run', () => {
    expect(missingObjectHint(fn, { found: [], searchPath: ['public'] })).toBe(
      'function "step_ready" does not exist in any schema of this database: have the migrations (or the bench\'s setup) run against it?',
    )
  })

  it('names the argument types when the function is on the path but takes other types', () => {
    expect(
      missingObjectHint(fn, {
        found: [{ schema: 'tasker', args: 'uuid, integer' }],
        searchPath: ['tasker', 'public'],
      }),
    ).toBe(
      'function "step_ready" exists in schema tasker but takes other argument types: tasker.step_ready(uuid, integer); cast the parameters, e.g. $1::uuid',
    )
    // A copy in a schema off the path has the same types: adding it would not help.
    expect(
      missingObjectHint(fn, {
        found: [
          { schema: 'tasker', args: 'uuid' },
          { schema: 'tasker_copy', args: 'uuid' },
        ],
        searchPath: ['tasker'],
      }),
    ).toMatch(
      /^function "step_ready" exists in schemas tasker, tasker_copy but takes other argument types: tasker.step_ready\(uuid\), tasker_copy.step_ready\(uuid\)/,
    )
  })

  it('says where it is when the query qualified it with another schema', () => {
    expect(
      missingObjectHint(
        { ...fn, name: 'public.step_ready', schema: 'public' },
        { found: [{ schema: 'tasker', args: 'uuid' }], searchPath: ['public'] },
      ),
    ).toBe(
      'function "step_ready" exists in schema tasker, not in public: qualify it with one of those schemas',
    )
  })
})

describe('describeQueryError', () => {
  it("puts the hint after the SQL, replacing the server's type-cast hint", () => {
    const error = {
      ...undefinedFunction('function step_ready(uuid) does not exist'),
      hint: 'No function matches the given name and argument types. You might need to add explicit type casts.',
    }
    expect(describeQueryError(error, 'SELECT step_ready($1)', 'query', 'add search-path')).toBe(
      'query failed: function step_ready(uuid) does not exist (42883) in `SELECT step_ready($1)`; hint: add search-path',
    )
    expect(describeQueryError(error, 'SELECT 1', 'query')).toContain('; hint: No function matches')
  })
})
