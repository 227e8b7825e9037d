import { describe, expect, it } from 'vitest';
import { firstLanguage, matchLanguage } from '../../shared/languages';

describe('the one language matcher (relay explanations, extension pages, page reading)', () => {
  it.each([
    ['sv-FI', 'sv'],
    ['PL', 'pl'],
    ['nn-NO', 'nb'],
    ['no', 'nb'],
    ['nb_NO', 'nb'],
    [' de-AT ', 'de'],
    ['fr', undefined],
    ['', undefined],
  ])('%j is %j', (tag, language) => {
    expect(matchLanguage(tag)).toBe(language);
  });

  it('takes the first language it speaks, from a list or an Accept-Language header, else English', () => {
    expect(firstLanguage(['fr-CA', 'da-DK', 'sv'])).toBe('da');
    expect(firstLanguage('fr-CA,fr;q=0.9,is;q=0.8,en;q=0.5')).toBe('is');
    expect(firstLanguage(['', 'fr'])).toBe('en');
    expect(firstLanguage('')).toBe('en');
  });
});
