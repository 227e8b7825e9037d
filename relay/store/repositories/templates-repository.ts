import type { Store } from '../types';
import { changedRows, type StoreDb } from './store-db';

export type TemplatesRepository = Pick<Store, 'listTemplates' | 'putTemplate' | 'deleteTemplate'>;

/** The company's templates are stored with owner '' (a key column cannot be null). */
const COMPANY = '';

/** Message templates (issue 21): the company's and each person's own overrides. */
export function templatesRepository({ db }: StoreDb): TemplatesRepository {
  return {
    async listTemplates(userId) {
      const rows = await db.selectFrom('message_templates').selectAll().where('ownerId', 'in', [COMPANY, userId]).orderBy('kind').orderBy('language').orderBy('ownerId').execute();
      return rows.map((row) => ({ ...row, ownerId: row.ownerId || null }));
    },

    async putTemplate(row) {
      await db
        .insertInto('message_templates')
        .values({ ...row, ownerId: row.ownerId ?? COMPANY })
        .onConflict((oc) =>
          oc.columns(['ownerId', 'kind', 'language']).doUpdateSet((eb) => ({
            subject: eb.ref('excluded.subject'),
            message: eb.ref('excluded.message'),
            updatedBy: eb.ref('excluded.updatedBy'),
            updatedAt: eb.ref('excluded.updatedAt'),
          })),
        )
        .execute();
    },

    async deleteTemplate(ownerId, kind, language) {
      const result = await db
        .deleteFrom('message_templates')
        .where('ownerId', '=', ownerId ?? COMPANY)
        .where('kind', '=', kind)
        .where('language', '=', language)
        .executeTakeFirst();
      return changedRows(result) === 1;
    },
  };
}
