import type { TemplateRow } from '../types';
import { changedRows, type StoreDb } from './store-db';

/** The company's templates are stored with owner '' (a key column cannot be null). */
const COMPANY = '';

/** Message templates (issue 21): the company's and each person's own overrides, every kind and language. */
export function templatesRepository({ db }: StoreDb) {
  return {
    async listTemplates(userId: string): Promise<TemplateRow[]> {
      const rows = await db.selectFrom('message_templates').selectAll().where('ownerId', 'in', [COMPANY, userId]).orderBy('kind').orderBy('language').orderBy('ownerId').execute();
      return rows.map((row) => ({ ...row, ownerId: row.ownerId || null }));
    },

    async putTemplate(row: TemplateRow) {
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

    async deleteTemplate(ownerId: string | null, kind: string, language: string) {
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
