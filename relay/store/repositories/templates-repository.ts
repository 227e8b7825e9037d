import type { Store } from '../types';
import { changedRows, type StoreDb } from './store-db';

export type TemplatesRepository = Pick<Store, 'listTemplates' | 'putTemplate' | 'deleteTemplate'>;

/** The company's templates are stored with owner '' (a key column cannot be null). */
const COMPANY = '';

/** Message templates (issue 21): the company's and each person's own overrides. */
export function templatesRepository({ db }: StoreDb): TemplatesRepository {
  return {
    async listTemplates(userId) {
      const rows = await db
        .selectFrom('message_templates')
        .select(['owner_id', 'kind', 'language', 'subject', 'message', 'updated_by as updatedBy', 'updated_at as updatedAt'])
        .where('owner_id', 'in', [COMPANY, userId])
        .orderBy('kind')
        .orderBy('language')
        .orderBy('owner_id')
        .execute();
      return rows.map(({ owner_id, ...row }) => ({ ownerId: owner_id || null, ...row }));
    },

    async putTemplate(row) {
      await db
        .insertInto('message_templates')
        .values({
          owner_id: row.ownerId ?? COMPANY,
          kind: row.kind,
          language: row.language,
          subject: row.subject,
          message: row.message,
          updated_by: row.updatedBy,
          updated_at: row.updatedAt,
        })
        .onConflict((oc) =>
          oc.columns(['owner_id', 'kind', 'language']).doUpdateSet((eb) => ({
            subject: eb.ref('excluded.subject'),
            message: eb.ref('excluded.message'),
            updated_by: eb.ref('excluded.updated_by'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    },

    async deleteTemplate(ownerId, kind, language) {
      const result = await db
        .deleteFrom('message_templates')
        .where('owner_id', '=', ownerId ?? COMPANY)
        .where('kind', '=', kind)
        .where('language', '=', language)
        .executeTakeFirst();
      return changedRows(result) === 1;
    },
  };
}
