import { sqlMigration } from './sql-migration';

/**
 * The company's customer directory (issue 16 item 4): the recipient last used for a customer, found
 * again by the customer number or the name an invoice page shows. `*_key` are the normalised forms
 * the relay matches on (relay/routes/customer-routes.ts); `recipients` is a JSON array of mailboxes.
 * (Number 12 was never used.)
 */
export default sqlMigration(({ big }) => [
  `CREATE TABLE customers (
    id TEXT PRIMARY KEY,
    name TEXT,
    name_key TEXT,
    number TEXT,
    number_key TEXT,
    recipients TEXT NOT NULL,
    updated_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at ${big} NOT NULL,
    updated_at ${big} NOT NULL)`,
  // One entry per customer number; names may repeat (two customers called "Jensen ApS" with numbers).
  'CREATE UNIQUE INDEX customers_number ON customers (number_key) WHERE number_key IS NOT NULL',
  'CREATE INDEX customers_name ON customers (name_key)',
]);
