/**
 * Where recipes live for the extension: the user's own in versioned extension storage, the company's
 * downloaded from the relay (`GET /v1/recipes`) and cached, so pages load without waiting for the
 * relay. Used by the background only; content scripts get the recipes for their page in one message.
 */
import { storage } from 'wxt/utils/storage';
import { RECIPE_FORMAT_VERSION, type Recipe, type RecipeInput, type RecipeView } from '../../shared/recipe-schemas';
import { patternOrigin } from './url-pattern';

/** A user keeps at most this many recipes of their own (storage.local is per extension, not per site). */
export const MAX_PERSONAL_RECIPES = 200;
/** Company recipes older than this are fetched again (in the background: the page gets the cached ones). */
export const COMPANY_RECIPES_MAX_AGE_MS = 5 * 60_000;
/** Without a cache, a page waits at most this long for the relay's list before it goes on without. */
export const COMPANY_RECIPES_FIRST_FETCH_MS = 2_000;

/** A user's own recipes. Versioned from day one (STYLE.md §9): a new format adds a migration here. */
export const personalRecipesItem = storage.defineItem<Recipe[]>('local:recipes', { fallback: [], version: 1 });

export interface CompanyRecipesCache {
  relayUrl: string;
  fetchedAt: number;
  recipes: RecipeView[];
}

export const companyRecipesItem = storage.defineItem<CompanyRecipesCache | null>('local:companyRecipes', { fallback: null, version: 1 });

/** A validated recipe input (zRecipeInput's output) becomes a stored recipe. */
export async function savePersonalRecipe(input: Required<Pick<RecipeInput, 'name' | 'urlPattern' | 'fields'>> & Pick<RecipeInput, 'rowSelector' | 'placement'>): Promise<Recipe> {
  const now = new Date().toISOString();
  const recipe: Recipe = {
    id: crypto.randomUUID(),
    formatVersion: RECIPE_FORMAT_VERSION,
    name: input.name,
    urlPattern: input.urlPattern,
    ...(input.rowSelector ? { rowSelector: input.rowSelector } : {}),
    fields: input.fields,
    ...(input.placement ? { placement: input.placement } : {}),
    scope: 'personal',
    createdAt: now,
    updatedAt: now,
  };
  const stored = await personalRecipesItem.getValue();
  // A new recipe for the same pages replaces the old one: the user taught the page again.
  const others = stored.filter((r) => r.urlPattern !== recipe.urlPattern || Boolean(r.rowSelector) !== Boolean(recipe.rowSelector));
  if (others.length >= MAX_PERSONAL_RECIPES) throw new Error(`You already have ${MAX_PERSONAL_RECIPES} recipes; delete some in Ownpost’s options first.`);
  await personalRecipesItem.setValue([recipe, ...others]);
  return recipe;
}

export async function deletePersonalRecipe(id: string): Promise<boolean> {
  const stored = await personalRecipesItem.getValue();
  const kept = stored.filter((r) => r.id !== id);
  await personalRecipesItem.setValue(kept);
  return kept.length !== stored.length;
}

export async function findPersonalRecipe(id: string): Promise<Recipe | undefined> {
  return (await personalRecipesItem.getValue()).find((r) => r.id === id);
}

/**
 * The company's recipes for a relay: the cache when it is fresh; else fetched with `fetchList`. A stale
 * cache is returned at once and refreshed behind it; without a cache, the first fetch is awaited (bounded).
 */
export async function companyRecipes(relayUrl: string, fetchList: () => Promise<RecipeView[]>, now = Date.now()): Promise<RecipeView[]> {
  const cache = await companyRecipesItem.getValue();
  const usable = cache && cache.relayUrl === relayUrl ? cache : undefined;
  if (usable && now - usable.fetchedAt < COMPANY_RECIPES_MAX_AGE_MS) return usable.recipes;
  const refresh = fetchList().then(
    async (recipes) => {
      await companyRecipesItem.setValue({ relayUrl, fetchedAt: now, recipes });
      return recipes;
    },
    () => usable?.recipes ?? [],
  );
  if (usable) return usable.recipes;
  const timeout = new Promise<RecipeView[]>((resolve) => setTimeout(() => resolve([]), COMPANY_RECIPES_FIRST_FETCH_MS));
  return Promise.race([refresh, timeout]);
}

/** Forget the cached company list (after publishing or deleting), so the next page fetches it again. */
export async function forgetCompanyRecipes(): Promise<void> {
  await companyRecipesItem.setValue(null);
}

/**
 * The recipes that may apply to a page, personal before company: those limited to the page's origin
 * and those whose host has a wildcard. The content script matches the full pattern itself, again after
 * each client-side navigation.
 */
export function recipesForOrigin(recipes: readonly Recipe[], pageUrl: string): Recipe[] {
  let origin: string;
  try {
    origin = new URL(pageUrl).origin.toLowerCase();
  } catch {
    return [];
  }
  return recipes.filter((recipe) => {
    const limited = patternOrigin(recipe.urlPattern);
    return limited === undefined || limited === origin;
  });
}
