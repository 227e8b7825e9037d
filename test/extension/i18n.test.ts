import { describe, expect, it } from 'vitest';
import { commonStrings } from '../../extension/i18n/common-strings';
import { createTranslator, defineCatalogue, detectLanguage, interpolate, LANGUAGES, matchLanguage, resolveLanguage, type Catalogue, type Messages } from '../../extension/i18n/core';
import { appPasswordStrings } from '../../extension/i18n/app-password-strings';
import { oauthStrings } from '../../extension/i18n/oauth-strings';
import { optionsStrings } from '../../extension/i18n/options-strings';
import { buttonStrings } from '../../extension/i18n/page-strings';
import { peopleStrings } from '../../extension/i18n/people-strings';
import { popupStrings } from '../../extension/i18n/popup-strings';
import { setupStrings } from '../../extension/i18n/setup-strings';
import { captureStrings } from '../../extension/i18n/capture-strings';
import { popupReportStrings } from '../../extension/i18n/popup-report-strings';

const CATALOGUES: Record<string, Catalogue<Messages>> = {
  commonStrings,
  popupStrings,
  optionsStrings,
  oauthStrings,
  peopleStrings,
  setupStrings,
  appPasswordStrings,
  captureStrings,
  popupReportStrings,
};

const placeholdersOf = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('choosing the language', () => {
  it.each([
    [['sv-SE', 'en'], 'sv'],
    [['nn-NO'], 'nb'],
    [['no'], 'nb'],
    [['fr-FR', 'de-AT'], 'de'],
    [['is'], 'is'],
    [['pl-PL'], 'pl'],
    [['da'], 'da'],
    [['fr', 'es'], 'en'],
    [[], 'en'],
  ])('from the browser languages %j picks %s', (preferred, expected) => {
    expect(detectLanguage(preferred)).toBe(expected);
  });

  it('lets the user’s choice win over the browser, and "auto" follow it', () => {
    expect(resolveLanguage('pl', ['sv'])).toBe('pl');
    expect(resolveLanguage('auto', ['sv'])).toBe('sv');
    expect(matchLanguage('xx')).toBeUndefined();
  });
});

describe('translating', () => {
  const catalogue = defineCatalogue({
    en: { greeting: 'Hello, {name}', onlyEnglish: 'English' },
    pl: { greeting: 'Cześć, {name}', onlyEnglish: '' },
    is: { greeting: 'Halló, {name}', onlyEnglish: 'x' },
    sv: { greeting: 'Hej, {name}', onlyEnglish: 'x' },
    da: { greeting: 'Hej, {name}', onlyEnglish: 'x' },
    nb: { greeting: 'Hei, {name}', onlyEnglish: 'x' },
    de: { greeting: 'Hallo, {name}', onlyEnglish: 'x' },
  });

  it('fills placeholders and keeps a placeholder without a value visible', () => {
    expect(createTranslator(catalogue, 'pl')('greeting', { name: 'Anna' })).toBe('Cześć, Anna');
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('falls back to English for a key a language lacks at run time', () => {
    const partial = { ...catalogue, de: {} } as unknown as typeof catalogue;
    expect(createTranslator(partial, 'de')('greeting', { name: 'Jo' })).toBe('Hello, Jo');
  });

  it('knows its locale for dates and numbers', () => {
    expect(createTranslator(catalogue, 'nb').locale).toBe('nb-NO');
  });
});

describe('the catalogues', () => {
  for (const [name, catalogue] of Object.entries(CATALOGUES)) {
    it(`${name}: every language translates every key, non-empty, with the same placeholders as English`, () => {
      const keys = Object.keys(catalogue.en);
      for (const language of LANGUAGES) {
        const messages = catalogue[language] as Messages;
        expect(Object.keys(messages).sort(), `${name}.${language} keys`).toEqual([...keys].sort());
        for (const key of keys) {
          expect(messages[key]!.trim(), `${name}.${language}.${key} is empty`).not.toBe('');
          expect(placeholdersOf(messages[key]!), `${name}.${language}.${key} placeholders`).toEqual(placeholdersOf(catalogue.en[key]!));
        }
      }
    });
  }

  it('quotes the in-page button by the words it really shows, in every language', () => {
    for (const language of LANGUAGES) {
      const button = buttonStrings[language].send;
      expect(popupStrings[language]['site.onHint'], language).toContain(button);
      expect(optionsStrings[language]['wizard.saved'], language).toContain(button);
    }
  });

  it('keeps commands untranslated, since people type them exactly', () => {
    for (const language of LANGUAGES) {
      expect(commonStrings[language]['error.pairing_code_invalid.hint']).toContain('npx ownpost pair');
      expect(commonStrings[language]['error.relay_unreachable.hint']).toContain('npm start');
    }
  });
});
