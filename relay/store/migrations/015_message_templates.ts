import { sqlMigration } from './sql-migration';

/**
 * Message templates per document kind and language (issue 21): the company's (owner_id '') set by
 * admins, and each person's own overrides (owner_id = the user). The built-in templates are not
 * stored (shared/message-templates.ts), so an improved default reaches everyone who never changed theirs.
 */
export default sqlMigration(({ big }) => [
  `CREATE TABLE message_templates (
    owner_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    language TEXT NOT NULL,
    subject TEXT NOT NULL,
    message TEXT NOT NULL,
    updated_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    updated_at ${big} NOT NULL,
    PRIMARY KEY (owner_id, kind, language))`,
]);
