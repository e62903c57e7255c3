CREATE TABLE IF NOT EXISTS tasks (id bigserial PRIMARY KEY, status text NOT NULL);
