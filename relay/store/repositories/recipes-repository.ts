import type { Store } from '../types';
import { changedRows, type StoreDb } from './store-db';

export type RecipesRepository = Pick<Store, 'listRecipes' | 'getRecipe' | 'insertRecipe' | 'deleteRecipe'>;

const RECIPE_COLUMNS = ['id', 'format_version as formatVersion', 'data', 'published_by as publishedBy', 'created_at as createdAt', 'updated_at as updatedAt'] as const;

/** Company recipes (issue 7): how the extension reads a site the generic adapter cannot. */
export function recipesRepository({ db }: StoreDb): RecipesRepository {
  return {
    async listRecipes() {
      return db.selectFrom('recipes').select(RECIPE_COLUMNS).orderBy('created_at').orderBy('id').execute();
    },

    async getRecipe(id) {
      return db.selectFrom('recipes').select(RECIPE_COLUMNS).where('id', '=', id).executeTakeFirst();
    },

    async insertRecipe(row) {
      await db
        .insertInto('recipes')
        .values({
          id: row.id,
          format_version: row.formatVersion,
          data: row.data,
          published_by: row.publishedBy,
          created_at: row.createdAt,
          updated_at: row.updatedAt,
        })
        .execute();
    },

    async deleteRecipe(id) {
      return changedRows(await db.deleteFrom('recipes').where('id', '=', id).executeTakeFirst()) === 1;
    },
  };
}
