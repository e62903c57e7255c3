import { describe, expect, it } from '@jest/globals'
import { summarizePlan } from '../../src/run/postgres/plan-summary.js'
import { statementLabel } from '../../src/run/postgres/statement-label.js'

describe('statementLabel', () => {
  it('says what a WITH statement does after its CTEs, naming the tables its plan reads', () => {
    const text = `WITH
      ready AS (
        SELECT * FROM workflow_steps WHERE task_uuid = t AND ready
      )
    SELECT count(*) FROM ready`
    expect(statementLabel(text, ['workflow_steps'])).toBe('WITH … SELECT FROM workflow_steps')
    // Without a plan, the text's FROM (here the CTE) is all there is.
    expect(statementLabel(text)).toBe('WITH … SELECT FROM ready')
    expect(
      statementLabel(
        `WITH RECURSIVE deps(step) AS (SELECT 1 UNION SELECT 2)
         INSERT INTO tasker.step_edges (step) SELECT step FROM deps`,
      ),
    ).toBe('WITH … INSERT INTO tasker.step_edges')
  })

  it('names the target of writes from the text, whatever else they read', () => {
    expect(statementLabel('INSERT INTO tasks (name) SELECT name FROM named_tasks', ['x'])).toBe(
      'INSERT INTO tasks',
    )
    expect(
      statementLabel(
        'UPDATE workflow_steps s SET ready = true FROM tasks t WHERE t.id = s.task_id',
      ),
    ).toBe('UPDATE workflow_steps')
    expect(statementLabel('update ONLY "Steps" set x = 1')).toBe('UPDATE "Steps"')
    expect(statementLabel('DELETE FROM tasker.tasks WHERE id = $1')).toBe(
      'DELETE FROM tasker.tasks',
    )
    expect(
      statementLabel('MERGE INTO tasks t USING src s ON t.id = s.id WHEN MATCHED THEN DO NOTHING'),
    ).toBe('MERGE INTO tasks')
  })

  it("lists a select's tables, and names a function it selects from", () => {
    expect(statementLabel('SELECT * FROM a JOIN b USING (id)', ['a', 'b', 'a'])).toBe(
      'SELECT FROM a, b',
    )
    expect(statementLabel('SELECT 1', ['a', 'b', 'c', 'd', 'e'])).toBe('SELECT FROM a, b, c +2')
    expect(statementLabel('SELECT * FROM get_step_readiness_status(t)')).toBe(
      'SELECT FROM get_step_readiness_status()',
    )
    // A sub-select's FROM is not the statement's: parentheses, strings and comments are skipped.
    expect(
      statementLabel(
        "SELECT (SELECT max(x) FROM inner_t), ' FROM quoted' -- FROM comment\n FROM outer_t",
      ),
    ).toBe('SELECT FROM outer_t')
  })

  it('keeps a statement without a table as its text, cut short', () => {
    expect(statementLabel('SELECT  n > 0\n')).toBe('SELECT n > 0')
    expect(statementLabel(`SELECT ${'x + '.repeat(40)}1`)).toHaveLength(80)
    expect(statementLabel('WITH x AS (SELECT 1) SELECT 2')).toBe('WITH … SELECT')
    expect(statementLabel('')).toBe('')
  })
})

describe('inner plans carry the label', () => {
  it('labels each inner statement of a function from its text and plan', () => {
    const summary = summarizePlan(
      { Plan: { 'Node Type': 'Function Scan', 'Function Name': 'step_ready' } },
      [
        {
          durationMs: 0.2,
          queryText: 'WITH\n  ready AS (SELECT * FROM workflow_steps)\nSELECT count(*) FROM ready',
          plan: {
            'Node Type': 'Aggregate',
            Plans: [{ 'Node Type': 'Seq Scan', 'Relation Name': 'workflow_steps' }],
          },
        },
      ],
      undefined,
    )
    expect(summary.inner?.[0]).toMatchObject({
      query: 'WITH',
      label: 'WITH … SELECT FROM workflow_steps',
    })
  })
})
