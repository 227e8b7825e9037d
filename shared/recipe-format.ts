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

/**
 * 2 (issue 16) adds, all optional, so every version-1 recipe is a valid version-2 one: `placement`,
 * and the fields `pdfButton` (the app's own button that makes the PDF, pressed by the user during a
 * capture) and `customerPage` (a link to the customer's page, where the address is when the invoice
 * has none). Readers accept every version up to their own and leave newer ones out.
 */
export const RECIPE_FORMAT_VERSION = 2;
export const RECIPE_FORMAT_VERSIONS = [1, 2] as const;

/** Where the send button goes: after the anchor (`fields.title`, else the number), or floating in the corner. */
export const BUTTON_PLACEMENTS = ['after', 'float'] as const;
export type ButtonPlacement = (typeof BUTTON_PLACEMENTS)[number];

/** Fields a recipe can name besides those the picker asks for in order. */
export const RECIPE_EXTRA_FIELDS = ['title', 'pdfButton', 'customerPage'] as const;
export type RecipeExtraField = (typeof RECIPE_EXTRA_FIELDS)[number];

/** The fields a recipe can point at, in the order the picker asks for them. */
export const RECIPE_FIELDS = ['number', 'recipient', 'customerName', 'amount', 'dueDate', 'pdf'] as const;
export type RecipeField = (typeof RECIPE_FIELDS)[number];

/**
 * A field's selector is CSS, or names the field by the text of its label (issue 16 item 7):
 * `@label("Customer e-mail")` finds the form control that `<label>` (or `aria-labelledby`) names, the
 * `<dd>` after a `<dt>`, or the cell after a row's `<th>` with that text. An app renders its labels
 * again with the same words, while ids, classes and positions change; so the picker makes this form
 * where no id, name or data-* attribute names the element. It is not CSS: a reader from before it
 * finds nothing for such a field (querySelector rejects it), never anything else.
 */
export const LABEL_SELECTOR_PREFIX = '@label(';

/** The selector for the element labelled `text`. */
export function labelSelector(text: string): string {
  return `${LABEL_SELECTOR_PREFIX}${JSON.stringify(text)})`;
}

/** The label text of a `@label("…")` selector; undefined for a CSS selector. */
export function labelOfSelector(selector: string): string | undefined {
  if (!selector.startsWith(LABEL_SELECTOR_PREFIX) || !selector.endsWith(')')) return undefined;
  try {
    const text: unknown = JSON.parse(selector.slice(LABEL_SELECTOR_PREFIX.length, -1));
    return typeof text === 'string' && text.length > 0 ? text : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Bounds that keep a shared recipe harmless in the page: selectors are applied with querySelector,
 * which cannot run code; the limits keep a hostile one from costing the page noticeable time.
 */
export const MAX_SELECTOR_LENGTH = 400;
export const MAX_URL_PATTERN_LENGTH = 500;
export const MAX_URL_PATTERN_WILDCARDS = 8;

/** What the picker makes and the relay accepts (see zRecipeInput). */
export interface RecipeInput {
  formatVersion?: (typeof RECIPE_FORMAT_VERSIONS)[number];
  name: string;
  urlPattern: string;
  rowSelector?: string;
  fields: Partial<Record<RecipeField | RecipeExtraField, string>>;
  placement?: ButtonPlacement;
}

/** A recipe as stored and as the extension uses it. */
export interface Recipe {
  id: string;
  formatVersion: (typeof RECIPE_FORMAT_VERSIONS)[number];
  name: string;
  urlPattern: string;
  rowSelector?: string;
  fields: Partial<Record<RecipeField | RecipeExtraField, string>>;
  placement?: ButtonPlacement;
  /** `personal`: this browser's own; `company`: published by an admin on the relay. */
  scope: 'personal' | 'company';
  createdAt: string;
  updatedAt: string;
}
