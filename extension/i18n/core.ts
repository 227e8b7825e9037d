/**
 * The extension's translation mechanism. Each surface has its own catalogue module
 * (`popup-strings.ts`, `options-strings.ts`, `page-strings.ts` for the in-page panel, …), so a bundle
 * carries only the words it shows: the content script must stay small (issue 7), and the options
 * page's several hundred strings have no business in it.
 *
 * A catalogue is plain data, `{ en: {...}, pl: {...}, … }`, checked by the compiler: every language
 * must have every key that English has. Messages may hold `{name}` placeholders, filled by the
 * translator. This file has no imports, so any bundle may use it.
 *
 * @example
 * const strings = defineCatalogue({ en: { hello: 'Hello, {name}' }, pl: { hello: 'Cześć, {name}' }, … });
 * const t = createTranslator(strings, detectLanguage());
 * t('hello', { name: 'Anna' }); // 'Cześć, Anna' in a Polish browser
 */

/** The languages Ownpost speaks, in the order the language menu shows them (declared once, in shared/). */
import { firstLanguage, isLanguage, LANGUAGES, matchLanguage, type Language } from '../../shared/languages';
export { isLanguage, LANGUAGES, matchLanguage, type Language };

/** Each language in its own words, for the language menu (a reader finds their language without knowing ours). */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  pl: 'Polski',
  is: 'Íslenska',
  sv: 'Svenska',
  da: 'Dansk',
  nb: 'Norsk (bokmål)',
  de: 'Deutsch',
};

/** BCP 47 tags for `Intl` formatting: dates and numbers as people in that language write them. */
export const LANGUAGE_LOCALES: Readonly<Record<Language, string>> = {
  en: 'en-GB',
  pl: 'pl-PL',
  is: 'is-IS',
  sv: 'sv-SE',
  da: 'da-DK',
  nb: 'nb-NO',
  de: 'de-DE',
};

/**
 * The first of the browser's preferred languages that we speak, else English.
 *
 * @param preferred the browser's languages, best first
 * @default navigator.languages
 */
export function detectLanguage(preferred: readonly string[] = globalThis.navigator?.languages ?? []): Language {
  return firstLanguage(preferred);
}

/** A language setting: a language the user picked, or `auto` (follow the browser). */
export type LanguagePreference = Language | 'auto';

/** The language to show for a setting. */
export function resolveLanguage(preference: LanguagePreference | undefined, preferred?: readonly string[]): Language {
  return preference && preference !== 'auto' ? preference : detectLanguage(preferred);
}

export type Messages = Record<string, string>;

/** English defines the keys; every other language must translate each of them. */
export type Catalogue<M extends Messages> = { en: M } & { [L in Exclude<Language, 'en'>]: { [K in keyof M]: string } };

/** Identity at run time; at compile time it makes a missing translation an error where it is written. */
export function defineCatalogue<M extends Messages>(catalogue: Catalogue<M>): Catalogue<M> {
  return catalogue;
}

export type TranslationValues = Readonly<Record<string, string | number>>;

export interface Translator<M extends Messages> {
  (key: keyof M & string, values?: TranslationValues): string;
  readonly language: Language;
  readonly locale: string;
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** `{name}` placeholders filled from `values`; a placeholder without a value stays visible, so a gap shows in review. */
export function interpolate(message: string, values?: TranslationValues): string {
  if (!values) return message;
  return message.replace(PLACEHOLDER, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/**
 * A function from key to text in one language. A key missing at run time (a catalogue loaded from an
 * older build) falls back to English rather than showing the key.
 */
export function createTranslator<M extends Messages>(catalogue: Catalogue<M>, language: Language): Translator<M> {
  const messages = catalogue[language] as Messages;
  const english = catalogue.en as Messages;
  const translate = (key: keyof M & string, values?: TranslationValues) => interpolate(messages[key] ?? english[key] ?? key, values);
  return Object.assign(translate, { language, locale: LANGUAGE_LOCALES[language] });
}
