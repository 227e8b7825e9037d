/**
 * Recipe URL patterns: `https://app.example.com/invoices/*`, `*` matching any run of characters,
 * `*://` any of http and https. Matched against the page's address without its `#fragment`, unless the
 * pattern has one: hash-routed apps (`https://erp.example/#/invoice/*`) tell their screens apart only
 * there (issue 16 item 7). A pattern without a query also matches the page with any query
 * (`/invoices/*` matches `/invoices/7?tab=pdf`).
 *
 * Company recipes come from the relay, so a pattern is untrusted input: the matcher is the classic
 * two-pointer wildcard walk (no regular expression built from the pattern, no backtracking blow-up),
 * at most pattern × address steps.
 */

/** Does `text` match `pattern`, where `*` matches any run of characters (also none)? Case-insensitive. */
export function wildcardMatch(pattern: string, text: string): boolean {
  const p = pattern.toLowerCase();
  const t = text.toLowerCase();
  let pi = 0;
  let ti = 0;
  let star = -1;
  let resume = 0;
  while (ti < t.length) {
    if (pi < p.length && p[pi] !== '*' && p[pi] === t[ti]) {
      pi++;
      ti++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      resume = ti;
    } else if (star >= 0) {
      pi = star + 1;
      ti = ++resume;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

/** Does a recipe's URL pattern cover this page? */
export function urlPatternMatches(pattern: string, pageUrl: URL | string): boolean {
  let url: URL;
  try {
    url = typeof pageUrl === 'string' ? new URL(pageUrl) : pageUrl;
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const schemeless = pattern.startsWith('*://');
  const hashAt = pattern.indexOf('#');
  const fragment = hashAt >= 0 ? url.hash || '#' : '';
  const beforeHash = hashAt >= 0 ? pattern.slice(0, hashAt) : pattern;
  const withoutHash = `${url.origin}${url.pathname}${url.search}${fragment}`;
  const candidates = beforeHash.includes('?') ? [withoutHash] : [withoutHash, `${url.origin}${url.pathname}${fragment}`];
  return candidates.some((candidate) => (schemeless ? wildcardMatch(pattern.slice(4), candidate.replace(/^https?:\/\//, '')) : wildcardMatch(pattern, candidate)));
}

/** Path segments that hold a digit (an id) or are very long become `*`. */
function genericPath(path: string): string {
  return path
    .split('/')
    .map((segment) => (/\d/.test(segment) || segment.length > 40 ? '*' : segment))
    .join('/');
}

/**
 * A pattern for "pages like this one": the page's origin and path with every path segment that holds
 * a digit (an id) replaced by `*`, and the query left out. A hash route (`#/invoices/7`, `#!/…`) is
 * kept the same way, since in such an app it is the only part that tells the invoice screen from the
 * rest.
 *
 * @example suggestUrlPattern(new URL('https://app.example.com/invoices/4711/view?x=1')) // 'https://app.example.com/invoices/*\/view*'
 * @example suggestUrlPattern(new URL('https://erp.example/app/#/invoice/4711'))        // 'https://erp.example/app/*#/invoice/*'
 */
export function suggestUrlPattern(url: URL): string {
  let path = genericPath(url.pathname);
  if (!path.endsWith('*')) path = `${path}*`;
  const route = /^#!?\//.exec(url.hash) ? genericPath(url.hash.split('?')[0]!) : '';
  return `${url.origin}${path}${route && !route.endsWith('*') ? `${route}*` : route}`;
}

/** The origin a pattern is limited to, when it names one without wildcards (to filter recipes per site cheaply). */
export function patternOrigin(pattern: string): string | undefined {
  const match = /^(https?:\/\/[^/*]+)\//i.exec(pattern);
  return match?.[1]?.toLowerCase();
}
