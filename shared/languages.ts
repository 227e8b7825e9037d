/**
 * The languages Ownpost speaks to people, in the order the language menu shows them: the extension's
 * pages and the relay's explanations. Pages may be read in more languages (extension/sites/page-labels.ts),
 * and the message templates are written in those too (TEMPLATE_LANGUAGES below); those are separate lists.
 */
export const LANGUAGES = ['en', 'pl', 'is', 'sv', 'da', 'nb', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/**
 * The languages the built-in message templates are written in: ours, and those of the pages we read
 * (extension/sites/page-language.ts), so a customer gets the mail in the document's language. A
 * superset of LANGUAGES on purpose: a template is a few lines, the whole UI and the relay's
 * explanations are not, so a language joins this list long before it joins LANGUAGES.
 */
export const TEMPLATE_LANGUAGES = [...LANGUAGES, 'fi', 'nl', 'fr', 'es', 'it', 'pt', 'cs', 'sk', 'hu', 'ro', 'et', 'hr'] as const;
export type TemplateLanguage = (typeof TEMPLATE_LANGUAGES)[number];

export function isTemplateLanguage(value: unknown): value is TemplateLanguage {
  return (TEMPLATE_LANGUAGES as readonly unknown[]).includes(value);
}

/** Browsers report Norwegian as `no`, `nb` or `nn`; we write bokmål, which `nn` readers read comfortably. */
const LANGUAGE_ALIASES: Readonly<Record<string, Language>> = { no: 'nb', nn: 'nb' };

/**
 * Our language for one BCP 47 tag (`de`, `de-AT`, `nb_NO`, `no`), if we speak it.
 *
 * @example matchLanguage('sv-FI') // 'sv'
 * @example matchLanguage('nn-NO') // 'nb'
 * @example matchLanguage('fr') // undefined
 */
export function matchLanguage(tag: string): Language | undefined {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const language = LANGUAGE_ALIASES[primary] ?? primary;
  return isLanguage(language) ? language : undefined;
}

/**
 * The first of `tags`, best first, that we speak, else English: a browser's `navigator.languages`,
 * or an HTTP `Accept-Language` header (its `;q=` weights are ignored: browsers list the best first).
 *
 * @example firstLanguage('fr-CA,sv;q=0.8,en;q=0.5') // 'sv'
 */
export function firstLanguage(tags: string | readonly string[]): Language {
  for (const tag of typeof tags === 'string' ? tags.split(',') : tags) {
    const language = matchLanguage(tag.split(';')[0]!);
    if (language) return language;
  }
  return 'en';
}
