/**
 * The one migration history of both stores, in order. kysely's Migrator records what it applied in
 * `kysely_migration`; databases made by the SQL runner before it are adopted (legacy-history.ts).
 *
 * To add a migration: write `NNN_what_it_does.ts` beside these (the next number, three digits, so
 * that names sort in order) exporting `sqlMigration(({ dialect, big, bytes }) => [...statements])`,
 * and add it to the list below. Write each statement once; branch on `dialect` only where the two
 * databases really differ. Never edit one that has shipped: a database that ran it will not run it again.
 */
import type { Migration } from 'kysely/migration';
import m001 from './001_init';
import m002 from './002_sender_rules';
import m003 from './003_delivery';
import m005 from './005_recipes';
import m006 from './006_oauth';
import m007 from './007_rate_limits';
import m008 from './008_outbox_indexes';
import m009 from './009_message_body_chunks';
import m010 from './010_relay_instances';
import m011 from './011_app_passwords';
import m013 from './013_customers';
import m014 from './014_people';
import m015 from './015_message_templates';

export const MIGRATIONS: Record<string, Migration> = {
  '001_init': m001,
  '002_sender_rules': m002,
  '003_delivery': m003,
  '005_recipes': m005,
  '006_oauth': m006,
  '007_rate_limits': m007,
  '008_outbox_indexes': m008,
  '009_message_body_chunks': m009,
  '010_relay_instances': m010,
  '011_app_passwords': m011,
  '013_customers': m013,
  '014_people': m014,
  '015_message_templates': m015,
};

/** The number a migration's name starts with: the `version` the SQL runner recorded for it. */
export function migrationNumber(name: string): number {
  return Number(name.slice(0, 3));
}
