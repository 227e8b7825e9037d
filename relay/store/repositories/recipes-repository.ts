import { RECIPE_FORMAT_VERSION } from '../../../shared/recipe-schemas';
import { JSON_COLUMNS, readRow } from '../schema/json-columns';
import type { Tables } from '../schema/tables';
import type { RecipeRow } from '../types';
import { changedOne, readFirst, type StoreDb } from './store-db';

/** Company recipes (issue 7): how the extension reads a site the generic adapter cannot. */
export function recipesRepository({ db }: StoreDb) {
  const recipes = () => db.selectFrom('recipes').selectAll();
  // A row written by a newer relay in a format this one does not know is not guessed at.
  const read = (row: Tables['recipes']): RecipeRow => (row.formatVersion > RECIPE_FORMAT_VERSION ? { ...row, data: null } : readRow<RecipeRow>('recipes', row));
  return {
    listRecipes: async () => (await recipes().orderBy('createdAt').orderBy('id').execute()).map(read),
    getRecipe: (id: string) => readFirst(recipes().where('id', '=', id), read),
    async insertRecipe({ data, ...row }: RecipeRow) {
      if (!data) throw new TypeError('a recipe is published with its data');
      await db
        .insertInto('recipes')
        .values({ ...row, data: JSON_COLUMNS.recipes.data.write(data) })
        .execute();
    },
    deleteRecipe: (id: string) => changedOne(db.deleteFrom('recipes').where('id', '=', id)),
  };
}
