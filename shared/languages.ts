/**
 * The languages Ownpost speaks to people, in the order the language menu shows them: the extension's
 * pages, the relay's explanations and the message templates. Pages may be read in more languages
 * (extension/sites/page-labels.ts); that is a separate list.
 */
export const LANGUAGES = ['en', 'pl', 'is', 'sv', 'da', 'nb', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}
