import type { Recipe } from '../../shared/recipe-schemas';
import { genericInvoiceAdapter } from './generic/generic-invoice';
import { recipeAdapter } from './recipe-adapter';
import type { DetectedDocument, PageDetection, SiteAdapter } from './site-adapter';

/** Every built-in adapter, most specific first; the generic adapter comes last. */
export const SITE_ADAPTERS: readonly SiteAdapter[] = [genericInvoiceAdapter];

/** The adapters for a page: the recipes first (personal before company: the caller orders them), then the built-in ones. */
export function adaptersFor(recipes: readonly Recipe[] = []): SiteAdapter[] {
  return [...recipes.map(recipeAdapter), ...SITE_ADAPTERS];
}

/**
 * The first adapter that matches the page and finds something on it. An adapter that throws is
 * skipped (and reported to the console): one broken adapter never breaks the page or the others.
 */
export function detectDocumentsOnPage(document: Document, url: URL, recipes: readonly Recipe[] = [], options?: { quick?: boolean }): { adapter: SiteAdapter; detection: PageDetection } | undefined {
  for (const adapter of adaptersFor(recipes)) {
    try {
      if (!adapter.matches(url)) continue;
      const detection = adapter.detect(document, url, options);
      if (detection && detection.documents.length > 0) return { adapter, detection };
    } catch (error) {
      console.warn(`[ownpost] site adapter "${adapter.id}" failed`, error);
    }
  }
  return undefined;
}

/** The one document of a document page (not a list), as the panel gets it. */
export function extractInvoiceFromPage(document: Document, url: URL, recipes: readonly Recipe[] = []): { adapter: SiteAdapter; found: DetectedDocument } | undefined {
  const result = detectDocumentsOnPage(document, url, recipes);
  if (!result || result.detection.kind !== 'document') return undefined;
  return { adapter: result.adapter, found: result.detection.documents[0]! };
}
