-- The company's customer directory (issue 16 item 4); the same model as
-- relay/store/sqlite/migrations/013_customers.sql: the recipient last used for a customer, matched on
-- the normalised `*_key` columns; `recipients` is a JSON array of mailboxes.
CREATE TABLE customers (
  id TEXT PRIMARY KEY,
  name TEXT,
  name_key TEXT,
  number TEXT,
  number_key TEXT,
  recipients TEXT NOT NULL,
  updated_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
-- One entry per customer number; names may repeat (two customers called "Jensen ApS" with numbers).
CREATE UNIQUE INDEX customers_number ON customers (number_key) WHERE number_key IS NOT NULL;
CREATE INDEX customers_name ON customers (name_key);
