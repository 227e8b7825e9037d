/**
 * Recipes: a site the generic adapter cannot read, taught once with the element picker ("click the
 * customer's e-mail address"). A recipe is a URL pattern plus one CSS selector per field; with
 * `rowSelector` it describes a list page, each row one document, and the field selectors are relative
 * to the row.
 *
 * Persisted in extension storage (a user's own recipes) and in the relay (a company's shared ones),
 * so the format carries `formatVersion` from day one (STYLE.md §9). The zod schemas here validate a
 * recipe where it enters (relay, background); the format itself is in recipe-format.ts, without zod,
 * for the in-page scripts.
 */
import { z } from 'zod';
import { ASCII_CONTROL } from './control-characters';
import { BUTTON_PLACEMENTS, MAX_SELECTOR_LENGTH, MAX_URL_PATTERN_LENGTH, MAX_URL_PATTERN_WILDCARDS, RECIPE_FORMAT_VERSION, type RecipeInput } from './recipe-format';

export * from './recipe-format';

export const zSelector = z
  .string()
  .trim()
  .min(1)
  .max(MAX_SELECTOR_LENGTH)
  .refine((s) => !ASCII_CONTROL.test(s), { message: 'a selector is one line without control characters' });

/**
 * `https://app.example.com/invoices/*`: scheme, host and path, `*` matching any run of characters
 * (also in the host: `https://*.wfirma.pl/*`). Query strings are matched too when the pattern has one.
 */
export const zUrlPattern = z
  .string()
  .trim()
  .max(MAX_URL_PATTERN_LENGTH)
  .regex(/^(?:https?|\*):\/\/[^\s/]+\/\S*$/i, { message: 'write a pattern like https://app.example.com/invoices/*' })
  .refine((s) => !ASCII_CONTROL.test(s), { message: 'the pattern contains control characters' })
  .refine((s) => (s.match(/\*/g)?.length ?? 0) <= MAX_URL_PATTERN_WILDCARDS, {
    message: `at most ${MAX_URL_PATTERN_WILDCARDS} wildcards (*)`,
  });

export const zRecipeFields = z
  .object({
    number: zSelector.optional(),
    recipient: zSelector.optional(),
    customerName: zSelector.optional(),
    amount: zSelector.optional(),
    dueDate: zSelector.optional(),
    pdf: zSelector.optional(),
    /** Where the send button goes; absent: next to the number (or floating). */
    title: zSelector.optional(),
    /** Format 2: the app's own button that makes the PDF (pressed by the user while a capture is armed). */
    pdfButton: zSelector.optional(),
    /** Format 2: a link to the customer's page on the same site, read for the address when the document has none. */
    customerPage: zSelector.optional(),
  })
  .strict()
  .refine((f) => f.number !== undefined || f.pdf !== undefined, { message: 'a recipe needs at least the document number or the PDF' });

export const zRecipeInput = z
  .object({
    formatVersion: z.union([z.literal(1), z.literal(RECIPE_FORMAT_VERSION)]).default(RECIPE_FORMAT_VERSION),
    name: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .refine((s) => !ASCII_CONTROL.test(s), { message: 'the name is one line' }),
    urlPattern: zUrlPattern,
    /** List pages: each element it matches is one document. */
    rowSelector: zSelector.optional(),
    fields: zRecipeFields,
    placement: z.enum(BUTTON_PLACEMENTS).optional(),
  })
  .strict() satisfies z.ZodType<unknown, RecipeInput>;

export const zRecipe = zRecipeInput.safeExtend({
  id: z.string().min(1).max(64),
  scope: z.enum(['personal', 'company']),
  createdAt: z.string().max(40),
  updatedAt: z.string().max(40),
});

/** `GET /v1/recipes` item: a company recipe and who published it. */
export const zRecipeView = zRecipe.safeExtend({
  scope: z.literal('company'),
  publishedBy: z.string().nullable(),
});
export type RecipeView = z.infer<typeof zRecipeView>;
