CREATE INDEX IF NOT EXISTS tasks_status ON tasks (status);
