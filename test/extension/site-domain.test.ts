import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENERIC_SECOND_LEVEL, isSiteAddress, siteDomain } from '../../extension/sites/site-domain';

describe('the domain of a site’s own addresses', () => {
  it.each([
    ['app.books.example', 'books.example'],
    ['books.example', 'books.example'],
    ['app.books.co.uk', 'books.co.uk'],
    ['faktury.ksiegowa.com.pl', 'ksiegowa.com.pl'],
    ['erp.firma.co.at', 'firma.co.at'],
    ['co.uk', 'co.uk'],
    ['erp.company.com', 'company.com'],
    ['app.company.co', 'company.co'],
    ['APP.Books.Example.', 'books.example'],
  ])('%s → %s', (host, domain) => expect(siteDomain(host)).toBe(domain));

  it('has none for an IP address or a single-label LAN name', () => {
    expect(siteDomain('192.168.1.20')).toBeUndefined();
    expect(siteDomain('erp')).toBeUndefined();
    expect(siteDomain('[::1]')).toBeUndefined();
  });

  it('counts the site’s subdomains as its own and never a customer under the same country suffix', () => {
    // A DNS label; hyphens in its third and fourth places are reserved (`xn--` is punycode, which a URL decodes and may refuse).
    const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/).filter((l) => l.slice(2, 4) !== '--');
    // The site's own name is no generic second level: the short rule reads `me.de` like `co.uk` (a
    // country's generic second level), which is the price of not carrying the public suffix list.
    const siteLabel = label.filter((l) => !GENERIC_SECOND_LEVEL.has(l));
    fc.assert(
      fc.property(label, siteLabel, label, fc.constantFrom('co.uk', 'com.pl', 'co.at', 'com.au', 'example', 'de'), (sub, site, customer, suffix) => {
        const url = new URL(`https://${sub}.${site}.${suffix}/invoice/1`);
        expect(isSiteAddress(`help@${site}.${suffix}`, url)).toBe(true);
        expect(isSiteAddress(`no-reply@mail.${site}.${suffix}`, url)).toBe(true);
        expect(isSiteAddress(`ap@${customer}.${suffix}`, url)).toBe(customer === site);
      }),
    );
  });
});
