-- A synthetic task/step workload for the PostgreSQL example benches (perfgate.yml).
-- Idempotent: safe to run before every bench (setup-file) or once as a seed file
-- (psql "$DATABASE_URL" -f examples/postgres/schema.sql). The seed only runs into empty tables
-- and uses setseed(), so every database gets the same 2,000 tasks, ~9,000 steps and their edges.

CREATE SCHEMA IF NOT EXISTS tasker;

CREATE TABLE IF NOT EXISTS tasker.named_tasks (
  named_task_id int PRIMARY KEY,
  name text NOT NULL UNIQUE
);

CREATE TABLE IF NOT EXISTS tasker.tasks (
  task_id bigint PRIMARY KEY,
  named_task_id int NOT NULL REFERENCES tasker.named_tasks,
  status text NOT NULL CHECK (status IN ('pending', 'in_progress', 'complete', 'error')),
  priority int NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS tasks_ready_idx ON tasker.tasks (priority DESC, created_at, task_id)
  WHERE status IN ('pending', 'in_progress');

CREATE TABLE IF NOT EXISTS tasker.steps (
  step_id bigint PRIMARY KEY,
  task_id bigint NOT NULL REFERENCES tasker.tasks,
  position int NOT NULL,
  name text NOT NULL,
  state text NOT NULL CHECK (state IN ('pending', 'in_progress', 'complete', 'error')),
  attempts int NOT NULL DEFAULT 0,
  max_attempts int NOT NULL DEFAULT 3,
  retryable boolean NOT NULL DEFAULT true,
  last_attempted_at timestamptz,
  UNIQUE (task_id, position)
);

CREATE TABLE IF NOT EXISTS tasker.step_edges (
  from_step_id bigint NOT NULL REFERENCES tasker.steps,
  to_step_id bigint NOT NULL REFERENCES tasker.steps,
  PRIMARY KEY (to_step_id, from_step_id)
);
CREATE INDEX IF NOT EXISTS step_edges_from_idx ON tasker.step_edges (from_step_id);

CREATE TABLE IF NOT EXISTS tasker.queue_messages (
  msg_id bigserial PRIMARY KEY,
  queue_name text NOT NULL,
  message jsonb NOT NULL,
  enqueued_at timestamptz NOT NULL DEFAULT now()
);

-- Data-size scaling (`scale:` in perfgate.yml): reseed_tasks(n) replaces the tasks, steps and
-- edges with n seeded tasks (setseed: the same n always gives the same rows); the seed below is
-- reseed_tasks(2000), so reseed_tasks(2000) restores the standard data exactly. The demo runs
-- it as setup with {{tasks}} = 1K, 10K, 100K.
-- Set-based and fast (100K tasks, ~450K steps, ~600K edges): the foreign keys and the secondary
-- indexes are dropped for the load and rebuilt after it (one validating join and one sort each,
-- instead of a trigger call and an index insert per row), and the edges come from arithmetic on
-- step ids (step_id = task_id * 10 + position) instead of a self-join of the steps.
CREATE OR REPLACE FUNCTION tasker.reseed_tasks(n int) RETURNS int LANGUAGE plpgsql AS $$
BEGIN
  ALTER TABLE tasker.step_edges DROP CONSTRAINT IF EXISTS step_edges_from_step_id_fkey,
                                DROP CONSTRAINT IF EXISTS step_edges_to_step_id_fkey;
  ALTER TABLE tasker.steps DROP CONSTRAINT IF EXISTS steps_task_id_fkey;
  ALTER TABLE tasker.tasks DROP CONSTRAINT IF EXISTS tasks_named_task_id_fkey;
  DROP INDEX IF EXISTS tasker.step_edges_from_idx;
  DROP INDEX IF EXISTS tasker.tasks_ready_idx;
  TRUNCATE tasker.step_edges, tasker.steps, tasker.tasks;
  PERFORM setseed(0.42);
  INSERT INTO tasker.tasks (task_id, named_task_id, status, priority, created_at)
  SELECT i,
         1 + (i % 8),
         CASE WHEN r < 0.45 THEN 'pending' WHEN r < 0.6 THEN 'in_progress'
              WHEN r < 0.97 THEN 'complete' ELSE 'error' END,
         (random() * 10)::int,
         timestamptz '2026-01-01' + i * interval '1 minute'
  FROM (SELECT i, random() AS r FROM generate_series(1, n) AS i) AS g;
  INSERT INTO tasker.steps (step_id, task_id, position, name, state, attempts)
  SELECT t.task_id * 10 + p,
         t.task_id,
         p,
         'step_' || p,
         CASE t.status
           WHEN 'complete' THEN 'complete'
           WHEN 'pending' THEN 'pending'
           WHEN 'error' THEN CASE WHEN p = 1 THEN 'error' ELSE 'pending' END
           ELSE CASE WHEN p <= 1 + (t.task_id % 3) THEN 'complete' ELSE 'pending' END
         END,
         CASE WHEN t.status = 'error' AND p = 1 THEN 3 ELSE 0 END
  FROM tasker.tasks AS t, generate_series(1, 3 + (t.task_id % 4)::int) AS p;
  -- Step p depends on p-1, and every third step also on p-2 (the seed's chain with diamonds).
  INSERT INTO tasker.step_edges (from_step_id, to_step_id)
  SELECT t.task_id * 10 + p - d, t.task_id * 10 + p
  FROM generate_series(1, n) AS t (task_id),
       generate_series(2, 3 + (t.task_id % 4)::int) AS p,
       generate_series(1, 2) AS d
  WHERE d = 1 OR p % 3 = 0;
  CREATE INDEX tasks_ready_idx ON tasker.tasks (priority DESC, created_at, task_id)
    WHERE status IN ('pending', 'in_progress');
  CREATE INDEX step_edges_from_idx ON tasker.step_edges (from_step_id);
  ALTER TABLE tasker.tasks ADD CONSTRAINT tasks_named_task_id_fkey
    FOREIGN KEY (named_task_id) REFERENCES tasker.named_tasks;
  ALTER TABLE tasker.steps ADD CONSTRAINT steps_task_id_fkey
    FOREIGN KEY (task_id) REFERENCES tasker.tasks;
  ALTER TABLE tasker.step_edges
    ADD CONSTRAINT step_edges_from_step_id_fkey FOREIGN KEY (from_step_id) REFERENCES tasker.steps,
    ADD CONSTRAINT step_edges_to_step_id_fkey FOREIGN KEY (to_step_id) REFERENCES tasker.steps;
  ANALYZE tasker.tasks, tasker.steps, tasker.step_edges;
  RETURN n;
END $$;

-- Seed (only into empty tables): 8 workflow types and reseed_tasks(2000), which uses setseed()
-- so random() repeats the same sequence.
INSERT INTO tasker.named_tasks (named_task_id, name)
SELECT i, 'workflow_' || i FROM generate_series(1, 8) AS i
ON CONFLICT DO NOTHING;

-- In a DO block, not `SELECT reseed_tasks(2000) WHERE NOT EXISTS (...)`: the reseed alters the
-- tables, which PostgreSQL refuses while a query of the same statement still reads them.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM tasker.tasks) THEN
    PERFORM tasker.reseed_tasks(2000);
  END IF;
END $$;
ANALYZE tasker.named_tasks;

-- Tasks with a step whose parents are all complete, highest priority first; locks the
-- claimed tasks and skips ones another worker holds (so: run it in autocommit).
CREATE OR REPLACE FUNCTION tasker.get_next_ready_tasks(p_limit int)
RETURNS TABLE (task_id bigint, priority int, ready_steps int)
LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY
  SELECT c.task_id, c.priority,
         (SELECT count(*)::int FROM tasker.get_step_readiness_status(c.task_id) AS r
          WHERE r.ready)
  FROM (
    SELECT t.task_id, t.priority, t.created_at
    FROM tasker.tasks AS t
    WHERE t.status IN ('pending', 'in_progress')
      AND EXISTS (
        SELECT 1 FROM tasker.steps AS s
        WHERE s.task_id = t.task_id AND s.state = 'pending'
          AND NOT EXISTS (
            SELECT 1 FROM tasker.step_edges AS e
            JOIN tasker.steps AS parent ON parent.step_id = e.from_step_id
            WHERE e.to_step_id = s.step_id AND parent.state <> 'complete'))
    ORDER BY t.priority DESC, t.created_at, t.task_id
    LIMIT p_limit
    FOR UPDATE OF t SKIP LOCKED
  ) AS c
  ORDER BY c.priority DESC, c.created_at, c.task_id;
END $$;

-- Per step of a task: its parents, how many are complete, and whether it can run now.
CREATE OR REPLACE FUNCTION tasker.get_step_readiness_status(p_task_id bigint)
RETURNS TABLE (step_id bigint, name text, state text, total_parents int,
               completed_parents int, ready boolean, retry_eligible boolean)
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN QUERY
  SELECT s.step_id, s.name, s.state,
         count(parent.step_id)::int,
         count(parent.step_id) FILTER (WHERE parent.state = 'complete')::int,
         s.state = 'pending'
           AND count(parent.step_id) = count(parent.step_id) FILTER (WHERE parent.state = 'complete'),
         s.state = 'error' AND s.retryable AND s.attempts < s.max_attempts
  FROM tasker.steps AS s
  LEFT JOIN tasker.step_edges AS e ON e.to_step_id = s.step_id
  LEFT JOIN tasker.steps AS parent ON parent.step_id = e.from_step_id
  WHERE s.task_id = p_task_id
  GROUP BY s.step_id
  ORDER BY s.position;
END $$;

-- Every step a step depends on, directly or not, with its distance (a recursive CTE).
CREATE OR REPLACE FUNCTION tasker.get_step_transitive_dependencies(p_step_id bigint)
RETURNS TABLE (step_id bigint, name text, distance int)
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN QUERY
  WITH RECURSIVE deps AS (
    SELECT e.from_step_id AS step_id, 1 AS distance
    FROM tasker.step_edges AS e WHERE e.to_step_id = p_step_id
    UNION
    SELECT e.from_step_id, d.distance + 1
    FROM deps AS d JOIN tasker.step_edges AS e ON e.to_step_id = d.step_id
  )
  SELECT d.step_id, s.name, min(d.distance)::int
  FROM deps AS d JOIN tasker.steps AS s ON s.step_id = d.step_id
  GROUP BY d.step_id, s.name
  ORDER BY 3, 1;
END $$;

-- Like pgmq_send_with_notify: enqueue a message, then notify listeners of the queue.
CREATE OR REPLACE FUNCTION tasker.send_with_notify(p_queue text, p_message text)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  new_id bigint;
BEGIN
  INSERT INTO tasker.queue_messages (queue_name, message)
  VALUES (p_queue, jsonb_build_object('body', p_message))
  RETURNING msg_id INTO new_id;
  PERFORM pg_notify('tasker_message_ready',
                    jsonb_build_object('queue', p_queue, 'msg_id', new_id,
                                       'message', p_message)::text);
  RETURN new_id;
END $$;
