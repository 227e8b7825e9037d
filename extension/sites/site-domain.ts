/**
 * The domain a site's own addresses are at: `app.books.example` → `books.example`, and under a
 * country's generic second level, `app.books.co.uk` → `books.co.uk` (not `co.uk`, which would make
 * every British customer's address look like the app's own). A short rule instead of the public
 * suffix list: the content script stays small, and the suffixes invoicing apps live under are
 * these (`co.uk`, `com.pl`, `co.at`, `com.au`, `org.nz`, …).
 */
export const GENERIC_SECOND_LEVEL: ReadonlySet<string> = new Set('ac biz co com edu firm gen gob gov gv info ltd me ne net nom or org plc sch'.split(' '));

/** The registrable domain of `host` (lower case), or undefined for an IP address or a single-label name. */
export function siteDomain(host: string): string | undefined {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length < 2 || /^[\d.]+$|:/.test(host)) return undefined;
  const [second, top] = labels.slice(-2) as [string, string];
  const count = top.length === 2 && GENERIC_SECOND_LEVEL.has(second) && labels.length > 2 ? 3 : 2;
  return labels.slice(-count).join('.');
}

/** Is `address` at the site's own domain or one of its subdomains (its support or no-reply address)? */
export function isSiteAddress(address: string, site: URL): boolean {
  const domain = siteDomain(site.hostname);
  if (!domain) return false;
  const at = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
  return at === domain || at.endsWith(`.${domain}`);
}
