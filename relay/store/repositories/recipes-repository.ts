import type { Store } from '../types';
import { changedRows, type StoreDb } from './store-db';

export type RecipesRepository = Pick<Store, 'listRecipes' | 'getRecipe' | 'insertRecipe' | 'deleteRecipe'>;

/** Company recipes (issue 7): how the extension reads a site the generic adapter cannot. */
export function recipesRepository({ db }: StoreDb): RecipesRepository {
  const recipes = () => db.selectFrom('recipes').selectAll();
  return {
    listRecipes: () => recipes().orderBy('createdAt').orderBy('id').execute(),
    getRecipe: (id) => recipes().where('id', '=', id).executeTakeFirst(),
    insertRecipe: async (row) => void (await db.insertInto('recipes').values(row).execute()),
    deleteRecipe: async (id) => changedRows(await db.deleteFrom('recipes').where('id', '=', id).executeTakeFirst()) === 1,
  };
}
