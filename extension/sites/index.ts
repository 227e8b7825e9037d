import { genericInvoiceAdapter } from './generic-invoice';
import type { DetectedDocument, SiteAdapter } from './site-adapter';

/** Every adapter, most specific first; the generic adapter comes last. */
export const SITE_ADAPTERS: readonly SiteAdapter[] = [genericInvoiceAdapter];

/**
 * The first adapter that matches the page and finds a document. An adapter that throws is
 * skipped (and reported to the console): one broken adapter never breaks the page or the others.
 */
export function extractInvoiceFromPage(document: Document, url: URL): { adapter: SiteAdapter; found: DetectedDocument } | undefined {
  for (const adapter of SITE_ADAPTERS) {
    try {
      if (!adapter.matches(url)) continue;
      const found = adapter.extract(document, url);
      if (found) return { adapter, found };
    } catch (error) {
      console.warn(`[ownpost] site adapter "${adapter.id}" failed`, error);
    }
  }
  return undefined;
}
