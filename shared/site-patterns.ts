/**
 * Site patterns map a sender profile to the web pages it sends from, so one company can act as several
 * brands (issue #3: "a profile may list site patterns such as `*.wfirma.pl` or a URL prefix"):
 *
 * - `app.wfirma.pl`: exactly this host, any page on it;
 * - `*.wfirma.pl`: the host `wfirma.pl` and every host below it (as in browser match patterns);
 * - `https://app.example.com/company/42/`: pages whose URL starts with this prefix. A prefix that does not
 *   end in `/` still stops at a path boundary: `…/company/4` matches `…/company/4/invoices` and
 *   `…/company/4?x=1`, never `…/company/42`.
 *
 * When several patterns match a page, the most specific wins: a URL prefix over a host, a longer prefix
 * over a shorter one, an exact host over a wildcard, a longer wildcard over a shorter one.
 *
 * Runs in Node and in the browser: only the WHATWG URL parser, no `node:` imports.
 */

export type SitePattern = { kind: 'url_prefix'; prefix: string } | { kind: 'host'; host: string } | { kind: 'host_wildcard'; suffix: string };

export type SitePatternResult = { ok: true; value: SitePattern; text: string } | { ok: false; message: string };

const MAX_PATTERN = 2048;
/** One DNS label as the URL parser leaves it (lower-case ASCII, punycode for IDN). */
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

function hostOf(text: string): string | undefined {
  try {
    const url = new URL(`http://${text}/`);
    // Anything beyond a bare host (a port, a path, credentials) means this was not a host pattern.
    if (url.port !== '' || url.username !== '' || url.password !== '' || url.pathname !== '/') return undefined;
    const host = url.hostname;
    return host.split('.').every((label) => LABEL.test(label)) ? host : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Parses a site pattern and returns it in its normalised form (`text`), which is what gets stored.
 *
 * @example
 * parseSitePattern('*.WFirma.pl')                        // { ok: true, value: { kind: 'host_wildcard', suffix: 'wfirma.pl' }, text: '*.wfirma.pl' }
 * parseSitePattern('https://App.example.com/c/42/#top')  // text 'https://app.example.com/c/42/'
 */
export function parseSitePattern(input: string): SitePatternResult {
  const text = typeof input === 'string' ? input.trim() : '';
  if (text === '') return { ok: false, message: 'A site pattern is empty.' };
  if (text.length > MAX_PATTERN) return { ok: false, message: 'A site pattern is too long.' };
  if (/^https?:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return { ok: false, message: `"${text}" is not a valid URL.` };
    }
    if (url.username || url.password) return { ok: false, message: `"${text}" must not contain a user name or password.` };
    if (text.includes('*')) return { ok: false, message: `"${text}": wildcards work only in host patterns such as *.example.com.` };
    // The fragment never reaches a server and does not identify a page; it is dropped.
    return { ok: true, value: { kind: 'url_prefix', prefix: url.origin + url.pathname + url.search }, text: url.origin + url.pathname + url.search };
  }
  if (text.includes('://')) return { ok: false, message: `"${text}": only http:// and https:// pages can be matched.` };
  if (text.startsWith('*.')) {
    const suffix = hostOf(text.slice(2));
    if (!suffix) return { ok: false, message: `"${text}" is not a host pattern such as *.example.com.` };
    // `*.com` would map a whole top-level domain to one sender: almost certainly a typo.
    if (!suffix.includes('.')) return { ok: false, message: `"${text}" is too broad: name at least a domain, such as *.example.com.` };
    return { ok: true, value: { kind: 'host_wildcard', suffix }, text: `*.${suffix}` };
  }
  if (text.includes('*')) return { ok: false, message: `"${text}": a wildcard is allowed only as the first label, as in *.example.com.` };
  const host = hostOf(text);
  if (!host) return { ok: false, message: `"${text}" is neither a host name (app.example.com, *.example.com) nor a URL prefix (https://…).` };
  return { ok: true, value: { kind: 'host', host }, text: host };
}

/** A web page's address (http or https), or undefined for anything else or something that is not a URL. */
export function webPageUrl(input: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return undefined;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
}

/**
 * How well a pattern matches a page, or undefined when it does not. Higher is more specific; the numbers
 * only order matches among themselves.
 */
export function sitePatternScore(pattern: SitePattern, pageUrl: string): number | undefined {
  const url = webPageUrl(pageUrl);
  if (!url) return undefined;
  switch (pattern.kind) {
    case 'url_prefix': {
      const page = url.origin + url.pathname + url.search;
      if (!page.startsWith(pattern.prefix)) return undefined;
      const next = page.charAt(pattern.prefix.length);
      const atBoundary = pattern.prefix.endsWith('/') || next === '' || next === '/' || next === '?' || next === '#';
      return atBoundary ? 3_000_000 + pattern.prefix.length : undefined;
    }
    case 'host':
      return url.hostname === pattern.host ? 2_000_000 : undefined;
    case 'host_wildcard':
      return url.hostname === pattern.suffix || url.hostname.endsWith(`.${pattern.suffix}`) ? 1_000_000 + pattern.suffix.length : undefined;
  }
}

/** The best score of any stored pattern text for a page; entries that no longer parse match nothing. */
export function bestSiteScore(patterns: readonly string[], pageUrl: string): number | undefined {
  let best: number | undefined;
  for (const text of patterns) {
    const parsed = parseSitePattern(text);
    if (!parsed.ok) continue;
    const score = sitePatternScore(parsed.value, pageUrl);
    if (score !== undefined && (best === undefined || score > best)) best = score;
  }
  return best;
}

/** Projects (Planfix: a sender per project or brand) compare as trimmed, case-insensitive names. */
export function normaliseProjectName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}
