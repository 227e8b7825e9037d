/**
 * The two renders of an app's screen that the recipe selector rounds (recipe-selectors-round*.test.ts)
 * pick on and read: version A as the user picked it, version B after a redeploy and for another
 * record, and the picking done as the user does it (by the value an element shows).
 */
import { recipeFromPicks } from '../../extension/entrypoints/invoice.content/panel/Picker';
import { shownValue } from '../../extension/sites/element-value';
import type { RecipeField } from '../../shared/recipe-format';
import type { Recipe } from '../../shared/recipe-schemas';

/** One render of a screen: its values and everything a redeploy or another record changes. */
export interface Version {
  /** Hash-like tokens a build makes (CSS modules, styled-components), some with digits, some without. */
  h: [string, string, string, string, string, string];
  /** A counter frameworks put into generated ids. */
  n: number;
  /** The record's id, in ids and links. */
  id: number;
  banner: boolean;
  /** The fields come in the other order. */
  reordered: boolean;
  number: string;
  customer: string;
  email: string;
  amount: string;
}

export const A: Version = {
  h: ['3xYzA', 'kVxWq', 'pLmNo', 'q7RtB', 'uIoPq', 'aSdFg'],
  n: 12,
  id: 4711,
  banner: false,
  reordered: false,
  number: 'INV-2026-0042',
  customer: 'Beta AB',
  email: 'ap@beta.example',
  amount: '1 240,00 €',
};
export const B: Version = {
  h: ['QwErT', 'Zx9vB', 'MnBvC', 'LkJhG', 'PoIuY', 'T2EwQ'],
  n: 57,
  id: 4712,
  banner: true,
  reordered: true,
  number: 'INV-2026-0107',
  customer: 'Gamma GmbH',
  email: 'billing@gamma.example',
  amount: '980,50 €',
};

/** The fields in the version's order. */
export function ordered<T>(v: Version, items: T[]): string {
  return (v.reordered ? [...items].reverse() : items).join('');
}

export interface Layout {
  name: string;
  render: (v: Version) => string;
  /** Tokens of version A that a saved selector must not hold. */
  volatile: string[];
  /** Which fields the user picks (by the value A shows); number, recipient, customer name and amount by default. */
  picks?: RecipeField[];
}

export const VALUE_OF: Partial<Record<RecipeField, (v: Version) => string>> = {
  number: (v) => v.number,
  recipient: (v) => v.email,
  customerName: (v) => v.customer,
  amount: (v) => v.amount,
};

/**
 * The element the user would click to pick `text`: the innermost one that shows it (a form field by
 * its value), else the innermost one whose text holds it (the paragraph around an inline label).
 */
export function elementShowing(text: string): Element {
  let all = [...document.body.querySelectorAll('*')].filter((element) => shownValue(element) === text);
  if (all.length === 0) all = [...document.body.querySelectorAll('*')].filter((element) => shownValue(element).includes(text));
  const innermost = all.filter((element) => !all.some((other) => other !== element && element.contains(other)));
  if (innermost.length !== 1) throw new Error(`${innermost.length} elements show ${text}`);
  return innermost[0]!;
}

export function asRecipe(made: NonNullable<ReturnType<typeof recipeFromPicks>>): Recipe {
  return { id: 'r2', formatVersion: 2, scope: 'personal', createdAt: '', updatedAt: '', ...made } as Recipe;
}

export const PAGE = new URL('https://app.example/invoices/4711');

export function pickOnA(layout: Layout) {
  document.body.innerHTML = layout.render(A);
  const fields = layout.picks ?? (['number', 'recipient', 'customerName', 'amount'] as RecipeField[]);
  const picks = Object.fromEntries(fields.map((field) => [field, elementShowing(VALUE_OF[field]!(A))]));
  const made = recipeFromPicks(picks, { name: layout.name, urlPattern: 'https://app.example/invoices/*', asList: false });
  if (!made) throw new Error('no recipe');
  return made;
}
