import type { TemplateRow } from '../types';
import { changedOne, fromExcluded, type StoreDb } from './store-db';

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
      const update = fromExcluded('message_templates', 'subject', 'message', 'updatedBy', 'updatedAt');
      await db
        .insertInto('message_templates')
        .values({ ...row, ownerId: row.ownerId ?? COMPANY })
        .onConflict((oc) => oc.columns(['ownerId', 'kind', 'language']).doUpdateSet(update))
        .execute();
    },
    deleteTemplate: (ownerId: string | null, kind: string, language: string) => changedOne(db.deleteFrom('message_templates').where((eb) => eb.and({ ownerId: ownerId ?? COMPANY, kind, language }))),
  };
}
