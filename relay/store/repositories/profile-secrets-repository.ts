import type { Kysely } from 'kysely';
import type { SealedSecrets } from '../../profiles/profile-data';
import type { Tables } from '../schema/tables';
import { JSON_COLUMNS } from '../schema/json-columns';
import type { StoreDb } from './store-db';

/** A profile's sealed secrets as stored in one of SECRET_TABLES. */
export type StoredSecrets = { table: string; profileId: string; secrets: SealedSecrets };

/** Tables whose `secrets` column holds a profile's sealed secrets, with the column naming the profile. */
const SECRET_TABLES = [
  { table: 'profiles', idColumn: 'id' },
  { table: 'profile_delivery_settings', idColumn: 'profileId' },
  { table: 'oauth_access_tokens', idColumn: 'profileId' },
] as const;

/** Every one of these tables stores `{field: sealed}`. */
function readSecrets(table: string, row: { id: unknown; secrets: unknown }): SealedSecrets {
  return JSON_COLUMNS.profiles.secrets.read(row.secrets as string, `${table}.secrets of ${String(row.id)}`);
}

/** Every sealed secret a profile owns, for key rotation. `afterRewrite` runs once a rewrite committed: SQLite takes the old ciphertexts out of the file. */
export function profileSecretsRepository({ db, dialect }: StoreDb, afterRewrite: () => Promise<void> = async () => {}) {
  /** In a rewrite on PostgreSQL, locked (SQLite's IMMEDIATE transaction already holds the write lock). */
  const withSecrets = (on: Kysely<Tables>, { table, idColumn }: (typeof SECRET_TABLES)[number], forUpdate = false) =>
    on
      .selectFrom(table)
      .select([`${idColumn} as id`, 'secrets'])
      .where('secrets', 'is not', null)
      .$if(forUpdate && dialect === 'postgres', (q) => q.forUpdate())
      .execute();
  return {
    /** For `ownpost key status`. */
    async listProfileSecrets(): Promise<StoredSecrets[]> {
      const found: StoredSecrets[] = [];
      for (const owner of SECRET_TABLES) found.push(...(await withSecrets(db, owner)).map((r) => ({ table: owner.table, profileId: r.id as string, secrets: readSecrets(owner.table, r) })));
      return found;
    },
    /** Rewrites them in one transaction: `rewrite` returns the new secrets, or null to keep the row. Returns the rows changed. */
    async rewriteProfileSecrets(rewrite: (owner: StoredSecrets) => SealedSecrets | null): Promise<number> {
      const changed = await db.transaction().execute(async (trx) => {
        let count = 0;
        for (const owner of SECRET_TABLES) {
          const { table, idColumn } = owner;
          for (const row of await withSecrets(trx, owner, true)) {
            const next = rewrite({ table, profileId: row.id as string, secrets: readSecrets(table, row) });
            const written = next && JSON_COLUMNS.profiles.secrets.write(next);
            if (written === null || written === row.secrets) continue;
            await trx
              .updateTable(table)
              .set({ secrets: written })
              .where(idColumn, '=', row.id as string)
              .execute();
            count++;
          }
        }
        return count;
      });
      await afterRewrite();
      return changed;
    },
  };
}
