/** The generic detector on a page of the given HTML, address, title and language (happy-dom). */
import { detectDocumentsOnPage } from '../../extension/sites';

export function detectFirstDocument(html: string, { url = 'https://app.example/invoices/1', title = '', lang = 'en' }: { url?: string; title?: string; lang?: string } = {}) {
  // The page's own address, as a browser gives it (a link to the page itself is known by it).
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  document.documentElement.setAttribute('lang', lang);
  document.title = title;
  document.body.innerHTML = html;
  const detection = detectDocumentsOnPage(document, new URL(url))?.detection;
  return detection?.kind === 'document' ? detection.documents[0] : undefined;
}
