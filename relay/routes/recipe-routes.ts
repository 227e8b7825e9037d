import { OpenAPIHono } from '@hono/zod-openapi';
import { operation } from '../api/operation';
import { RELAY_CONTRACT } from '../../shared/api/relay-contract';
import { serve } from '../api/serve';
import { randomUUID } from 'node:crypto';
import { RECIPE_FORMAT_VERSION, zRecipeInput, type RecipeView } from '../../shared/recipe-schemas';
import { ApiError } from '../http/api-error';
import type { AuthEnv } from '../http/authenticate';
import { readJsonBody } from '../http/read-body';
import type { RecipeRow, Store, UserRow } from '../store/types';

/**
 * Every member's extension downloads the whole list, so it stays small: a company with more recipes
 * than this has a problem a longer list would not solve.
 */
export const MAX_COMPANY_RECIPES = 500;

type StoredRecipeData = Omit<RecipeView, 'id' | 'scope' | 'publishedBy' | 'createdAt' | 'updatedAt'>;

function toRecipeView(row: RecipeRow, publishedBy: string | null): RecipeView | undefined {
  // A row written by a newer relay in a format this one does not know is left out, not guessed at.
  return row.data ? recipeView(row, row.data, publishedBy) : undefined;
}

function recipeView(row: RecipeRow, data: StoredRecipeData, publishedBy: string | null): RecipeView {
  return {
    ...data,
    id: row.id,
    scope: 'company',
    publishedBy,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

function requireAdmin(user: UserRow, action: string) {
  if (user.role !== 'admin') {
    throw new ApiError('forbidden', `Only an admin can ${action} a company recipe.`, {
      hint: 'Your own recipes work in your browser without publishing them.',
    });
  }
}

const listRecipes = operation(RELAY_CONTRACT.listRecipes, {
  tag: 'recipes',
  summary: "The company's recipes (site adapters taught with the element picker)",
  answers: { 200: 'Recipes' },
  errors: [],
});

const publishRecipe = operation(RELAY_CONTRACT.publishRecipe, {
  tag: 'recipes',
  summary: 'Publish a recipe to the company (admins)',
  answers: { 201: 'Published' },
  errors: ['forbidden', 'conflict'],
});

const deleteRecipe = operation(RELAY_CONTRACT.deleteRecipe, {
  tag: 'recipes',
  summary: 'Delete a company recipe (admins)',
  answers: { 204: 'Deleted' },
  errors: ['forbidden', 'not_found'],
});

/**
 * Company recipes: `GET /v1/recipes` for every member, `POST` and `DELETE /v1/recipes/:id` for admins
 * (issue 7). A recipe is data the extension applies with querySelector; the relay validates its shape
 * and bounds (shared/recipe-schemas.ts), once, here.
 */
export function recipeRoutes({ store }: { store: Store }) {
  async function publisherEmails(rows: RecipeRow[]): Promise<Map<string, string>> {
    const ids = [...new Set(rows.map((r) => r.publishedBy).filter((id): id is string => id !== null))];
    const users = await Promise.all(ids.map((id) => store.getUserById(id)));
    return new Map(users.filter((u): u is UserRow => u !== undefined).map((u) => [u.id, u.email]));
  }

  const app = new OpenAPIHono<AuthEnv>();
  serve(app, listRecipes, async (c, answer) => {
    const rows = await store.listRecipes();
    const emails = await publisherEmails(rows);
    const recipes = rows.map((row) => toRecipeView(row, row.publishedBy ? (emails.get(row.publishedBy) ?? null) : null)).filter((r): r is RecipeView => r !== undefined);
    return answer(200, { recipes });
  });
  serve(app, publishRecipe, async (c, answer) => {
    const user = c.get('user');
    requireAdmin(user, 'publish');
    const { value } = await readJsonBody(c, zRecipeInput);
    if ((await store.listRecipes()).length >= MAX_COMPANY_RECIPES) {
      throw new ApiError('conflict', `This relay already holds ${MAX_COMPANY_RECIPES} company recipes.`, {
        hint: 'Delete recipes that are no longer used before publishing more.',
      });
    }
    const now = Date.now();
    const data: StoredRecipeData = {
      formatVersion: RECIPE_FORMAT_VERSION,
      name: value.name,
      urlPattern: value.urlPattern,
      ...(value.rowSelector ? { rowSelector: value.rowSelector } : {}),
      fields: value.fields,
      ...(value.placement ? { placement: value.placement } : {}),
    };
    const row: RecipeRow = { id: randomUUID(), formatVersion: RECIPE_FORMAT_VERSION, data, publishedBy: user.id, createdAt: now, updatedAt: now };
    await store.insertRecipe(row);
    return answer(201, recipeView(row, data, user.email));
  });
  serve(app, deleteRecipe, async (c, answer) => {
    requireAdmin(c.get('user'), 'delete');
    if (!(await store.deleteRecipe(c.req.param('id')))) throw new ApiError('not_found', 'There is no company recipe with this id.');
    return answer(204);
  });
  return app;
}
