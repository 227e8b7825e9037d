import type { Recipe } from '../../shared/recipe-schemas';
import { fieldValueOf, selectByLabel } from '../recipes/label-selector';
import { urlPatternMatches } from '../recipes/url-pattern';
import { findEmail, parseAmount, parseDate, parseDocumentNumber, sameOriginUrl } from './page-labels';
import { decodedUri } from './uri-text';
import type { DetectedDocument, PageDetection, SiteAdapter } from './site-adapter';

/** A list recipe reads at most this many rows: the bulk panel shows them all. */
const MAX_RECIPE_ROWS = 200;

/**
 * A selector from a recipe, applied defensively: company recipes come from the relay, and a page
 * changes under a recipe; an invalid selector or a missing element is "not found", never an error.
 * CSS, or a field's label text (`@label("…")`, shared/recipe-format.ts).
 */
export function select(scope: ParentNode, selector: string | undefined): Element | undefined {
  if (!selector) return undefined;
  const byLabel = selectByLabel(scope, selector);
  if (byLabel) return byLabel.found;
  try {
    return scope.querySelector(selector) ?? undefined;
  } catch {
    return undefined;
  }
}

function selectAll(scope: ParentNode, selector: string): Element[] {
  try {
    return [...scope.querySelectorAll(selector)].slice(0, MAX_RECIPE_ROWS);
  } catch {
    return [];
  }
}

/** What a field shows: a form control's value, or the text without the label that starts it (`<p><b>Total:</b> 40 €</p>`). */
const textOf = fieldValueOf;

/** The address a picked element shows: a mailto link (on it, around it or inside it), a form field, or its text. */
function recipientOf(element: Element | undefined): string | undefined {
  if (!element) return undefined;
  const link = element.closest('a[href^="mailto:" i]') ?? element.querySelector('a[href^="mailto:" i]');
  const fromLink = link ? findEmail(decodedUri((link.getAttribute('href') ?? '').slice(7).split('?')[0] ?? '')) : undefined;
  return fromLink ?? findEmail(textOf(element));
}

/** The same-origin document a picked element points at: its link (on, around or inside it) or its embedded viewer. */
function pdfOf(element: Element | undefined, base: URL): { url: string; name?: string } | undefined {
  if (!element) return undefined;
  const link = element.closest('a[href]') ?? element.querySelector('a[href]');
  const source = link ?? (element.matches('iframe[src], embed[src], object[data]') ? element : undefined);
  const url = sameOriginUrl(source?.getAttribute('href') ?? source?.getAttribute('src') ?? source?.getAttribute('data') ?? null, base);
  if (!url) return undefined;
  const name = link?.getAttribute('download')?.trim();
  return { url: url.href, ...(name ? { name } : {}) };
}

function readDocument(scope: ParentNode, recipe: Recipe, base: URL): DetectedDocument | undefined {
  const { fields } = recipe;
  const numberElement = select(scope, fields.number);
  if (fields.number && !numberElement) return undefined;
  const numberText = textOf(numberElement);
  const number = numberText ? (parseDocumentNumber(numberText) ?? numberText.slice(0, 60)) : undefined;
  const pdf = pdfOf(select(scope, fields.pdf), base);
  if (!number && !pdf) return undefined;
  const recipient = recipientOf(select(scope, fields.recipient));
  const customerName = textOf(select(scope, fields.customerName)).slice(0, 120);
  const amountText = textOf(select(scope, fields.amount));
  const dueText = textOf(select(scope, fields.dueDate));
  // The button goes after this element (never into it when it is a form control: button-placement.ts),
  // or floats when the user chose so in the picker.
  const anchor = recipe.placement === 'float' ? undefined : (select(scope, fields.title) ?? numberElement?.closest('h1, h2, h3, h4, [role="heading"]') ?? numberElement);
  const pdfButton = select(scope, fields.pdfButton);
  const customerPage = sameOriginUrl(select(scope, fields.customerPage)?.closest('a[href]')?.getAttribute('href') ?? null, base);
  return {
    ...(number ? { number } : {}),
    recipients: recipient ? [recipient] : [],
    ...(pdfButton ? { pdfButton, pdfButtonSelector: fields.pdfButton! } : {}),
    ...(customerPage ? { customerPageUrl: customerPage.href } : {}),
    ...(customerName ? { customerName } : {}),
    ...(amountText ? { amount: parseAmount(amountText) ?? amountText.slice(0, 40) } : {}),
    ...(dueText ? { dueDate: parseDate(dueText) ?? dueText.slice(0, 40) } : {}),
    ...(pdf ? { pdfUrl: pdf.url, ...(pdf.name ? { pdfName: pdf.name } : {}) } : {}),
    ...(anchor ? { anchor } : {}),
  };
}

/** An adapter made from a recipe: the user's own or the company's (see extension/recipes/). */
export function recipeAdapter(recipe: Recipe): SiteAdapter {
  return {
    id: `recipe:${recipe.id}`,
    name: recipe.name,
    matches: (url) => urlPatternMatches(recipe.urlPattern, url),
    detect(document, url): PageDetection | undefined {
      if (!recipe.rowSelector) {
        const found = readDocument(document, recipe, url);
        return found ? { kind: 'document', documents: [found], ...(found.anchor ? { anchor: found.anchor } : {}) } : undefined;
      }
      const documents: DetectedDocument[] = [];
      for (const row of selectAll(document, recipe.rowSelector)) {
        const found = readDocument(row, recipe, url);
        if (found) documents.push({ ...found, row, anchor: undefined });
      }
      if (documents.length === 0) return undefined;
      const heading = document.querySelector('main h1, h1') ?? undefined;
      if (documents.length === 1) return { kind: 'document', documents, ...(heading ? { anchor: heading } : {}) };
      return { kind: 'list', documents, ...(heading ? { anchor: heading } : {}) };
    },
  };
}
