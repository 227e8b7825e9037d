/**
 * An address's text as a person reads it (`%C3%A9` → `é`), for matching words in it; the text as it
 * is where an escape is malformed (`%E0` alone): a page's address, or a link's, is the page's to
 * choose, and must never stop detection.
 */
export function decodedUri(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
