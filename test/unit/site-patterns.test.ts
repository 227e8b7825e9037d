import { describe, expect, it } from 'vitest';
import { bestSiteScore, normaliseProjectName, parseSitePattern, sitePatternScore, type SitePattern } from '../../shared/site-patterns';

const pattern = (text: string): SitePattern => {
  const result = parseSitePattern(text);
  if (!result.ok) throw new Error(result.message);
  return result.value;
};

describe('parseSitePattern', () => {
  it.each([
    ['app.wfirma.pl', 'app.wfirma.pl'],
    ['*.WFirma.PL', '*.wfirma.pl'],
    ['*.bücher.de', '*.xn--bcher-kva.de'],
    ['https://App.Example.com/company/42/#top', 'https://app.example.com/company/42/'],
    ['https://app.example.com', 'https://app.example.com/'],
    ['http://localhost:8080/x?a=1', 'http://localhost:8080/x?a=1'],
  ])('normalises %j to %j', (input, text) => {
    expect(parseSitePattern(input)).toMatchObject({ ok: true, text });
  });

  it.each([
    ['', 'empty'],
    ['*.pl', 'too broad'],
    ['*', 'wildcard is allowed only'],
    ['app.*.example', 'first label'],
    ['ftp://files.example/', 'http'],
    ['https://user:pw@app.example/', 'user name or password'],
    ['https://app.example/*/invoices', 'wildcards'],
    ['app.example:8080', 'neither'],
    ['app example', 'neither'],
    ['app.example/path', 'neither'],
  ])('refuses %j (%s)', (input, why) => {
    const result = parseSitePattern(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(new RegExp(why));
  });
});

describe('matching pages', () => {
  it('a wildcard matches the domain and every host below it, not look-alikes', () => {
    const p = pattern('*.wfirma.pl');
    expect(sitePatternScore(p, 'https://wfirma.pl/')).toBeDefined();
    expect(sitePatternScore(p, 'https://app.eu.wfirma.pl/invoices')).toBeDefined();
    expect(sitePatternScore(p, 'https://notwfirma.pl/')).toBeUndefined();
    expect(sitePatternScore(p, 'https://wfirma.pl.evil.example/')).toBeUndefined();
  });

  it('an exact host matches only that host, on any path', () => {
    const p = pattern('app.wfirma.pl');
    expect(sitePatternScore(p, 'https://app.wfirma.pl/x/y')).toBeDefined();
    expect(sitePatternScore(p, 'https://eu.app.wfirma.pl/')).toBeUndefined();
  });

  it('a URL prefix stops at a path boundary and compares origins normalised', () => {
    const p = pattern('https://app.example.com/company/4');
    expect(sitePatternScore(p, 'https://APP.example.com:443/company/4/invoices')).toBeDefined();
    expect(sitePatternScore(p, 'https://app.example.com/company/4?x=1')).toBeDefined();
    expect(sitePatternScore(p, 'https://app.example.com/company/42')).toBeUndefined();
    expect(sitePatternScore(p, 'http://app.example.com/company/4/')).toBeUndefined();
  });

  it('pages other than http(s) and unparsable URLs match nothing', () => {
    expect(sitePatternScore(pattern('*.example.com'), 'file:///etc/passwd')).toBeUndefined();
    expect(sitePatternScore(pattern('*.example.com'), 'not a url')).toBeUndefined();
  });

  it('specificity: longer URL prefix > shorter prefix > exact host > longer wildcard > shorter wildcard', () => {
    const page = 'https://a.b.example.com/x/y/z';
    const scores = ['https://a.b.example.com/x/y', 'https://a.b.example.com/x', 'a.b.example.com', '*.b.example.com', '*.example.com'].map((text) => sitePatternScore(pattern(text), page)!);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(new Set(scores).size).toBe(scores.length);
  });

  it('bestSiteScore takes the best of a profile’s patterns and skips stored entries that no longer parse', () => {
    expect(bestSiteScore(['*.pl', '*.example.com', 'a.example.com'], 'https://a.example.com/')).toBe(sitePatternScore(pattern('a.example.com'), 'https://a.example.com/'));
    expect(bestSiteScore(['*.pl'], 'https://a.pl/')).toBeUndefined();
  });

  it('project names compare trimmed, with collapsed spaces, case-insensitively', () => {
    expect(normaliseProjectName('  Projekt   NORD ')).toBe(normaliseProjectName('projekt nord'));
  });
});
