/**
 * Recipes: a site the generic adapter cannot read, taught once with the element picker ("click the
 * customer's e-mail address"). A recipe is a URL pattern plus one CSS selector per field; with
 * `rowSelector` it describes a list page, each row one document, and the field selectors are relative
 * to the row.
 *
 * Persisted in extension storage (a user's own recipes) and in the relay (a company's shared ones),
 * so the format carries `formatVersion` from day one (STYLE.md §9). This file has no zod, so the
 * in-page scripts can use it; the schemas that validate a recipe are in recipe-schemas.ts.
 */

export const RECIPE_FORMAT_VERSION = 1;

/** The fields a recipe can point at, in the order the picker asks for them. */
export const RECIPE_FIELDS = ['number', 'recipient', 'customerName', 'amount', 'dueDate', 'pdf'] as const;
export type RecipeField = (typeof RECIPE_FIELDS)[number];

/**
 * Bounds that keep a shared recipe harmless in the page: selectors are applied with querySelector,
 * which cannot run code; the limits keep a hostile one from costing the page noticeable time.
 */
export const MAX_SELECTOR_LENGTH = 400;
export const MAX_URL_PATTERN_LENGTH = 500;
export const MAX_URL_PATTERN_WILDCARDS = 8;

/** What the picker makes and the relay accepts (see zRecipeInput). */
export interface RecipeInput {
  formatVersion?: typeof RECIPE_FORMAT_VERSION;
  name: string;
  urlPattern: string;
  rowSelector?: string;
  fields: Partial<Record<RecipeField | 'title', string>>;
}

/** A recipe as stored and as the extension uses it. */
export interface Recipe {
  id: string;
  formatVersion: typeof RECIPE_FORMAT_VERSION;
  name: string;
  urlPattern: string;
  rowSelector?: string;
  fields: Partial<Record<RecipeField | 'title', string>>;
  /** `personal`: this browser's own; `company`: published by an admin on the relay. */
  scope: 'personal' | 'company';
  createdAt: string;
  updatedAt: string;
}

/** `GET /v1/recipes` item: a company recipe and who published it. */
export interface RecipeView extends Recipe {
  scope: 'company';
  publishedBy: string | null;
}
