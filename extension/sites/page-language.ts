/**
 * The languages of the pages we read, which are more than the languages we speak (issue 16, item
 * 10): an app's users write in Finnish, Dutch, French, Spanish, Italian, Portuguese, Czech, Slovak, Hungarian, Romanian, Estonian and Croatian too. A page's
 * language comes from its `lang` attribute, else from its words: the labels it uses (page-labels.ts)
 * and the letters only some languages have, so a Polish page without `lang` is not read as Danish
 * because both say "Faktura".
 */
import { isLanguage, isTemplateLanguage, LANGUAGES, matchLanguage, type Language, type TemplateLanguage } from '../../shared/languages';

export const PAGE_LANGUAGES = [...LANGUAGES, 'fi', 'nl', 'fr', 'es', 'it', 'pt', 'cs', 'sk', 'hu', 'ro', 'et', 'hr'] as const;
export type PageLanguage = (typeof PAGE_LANGUAGES)[number];

/** The page language of a BCP 47 tag (`nn-NO` → `nb`, `de-CH` → `de`), if we read it. */
export function pageLanguageOfTag(tag: string): PageLanguage | undefined {
  const spoken = matchLanguage(tag);
  if (spoken) return spoken;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (PAGE_LANGUAGES as readonly string[]).includes(primary) ? (primary as PageLanguage) : undefined;
}

/** One of the languages Ownpost speaks (the panel, the relay's explanations), or undefined for a page in another. */
export function spokenLanguage(language: PageLanguage | undefined): Language | undefined {
  return isLanguage(language) ? language : undefined;
}

/** A language the message templates are written in (the mail to the customer), or undefined for a page in another. */
export function templateLanguage(language: PageLanguage | undefined): TemplateLanguage | undefined {
  return isTemplateLanguage(language) ? language : undefined;
}

/**
 * Letters that tell languages apart, with the languages that write them. Weighted: a letter only one
 * language has (ł, ð, ñ, ã) counts more than one several share (å, ä).
 */
const LETTER_HINTS: readonly [RegExp, readonly PageLanguage[], number][] = [
  [/[ąęłńśźżć]/, ['pl'], 3],
  [/[ðþ]/, ['is'], 3],
  [/ø/, ['da', 'nb'], 2],
  [/æ/, ['da', 'nb', 'is'], 1],
  [/å/, ['sv', 'da', 'nb'], 1],
  [/ä/, ['sv', 'de', 'fi'], 1],
  [/ö/, ['sv', 'de', 'fi', 'is'], 1],
  [/[üß]/, ['de'], 2],
  [/[ñ¿¡]/, ['es'], 3],
  [/[ãõ]/, ['pt'], 3],
  [/[ç]/, ['fr', 'pt'], 1],
  [/[èêëîœ]/, ['fr', 'it'], 1],
  [/[ìò]/, ['it'], 2],
  // Czech: ě, ř and ů only Czech writes; a Czech page says "Faktura" as a Polish one does.
  [/[ěřů]/, ['cs'], 3],
  [/[ľĺŕô]/, ['sk'], 3],
  // Hungarian's ő and ű, Romanian's ă, ș and ț (and their cedilla forms ş, ţ).
  [/[őű]/, ['hu'], 3],
  [/[ășțşţ]/, ['ro'], 3],
];
const ANY_HINT = /[ąęłńśźżćðþøæåäöüßñ¿¡ãõçèêëîœìòěřůľĺŕôőűășțşţ]/;

/** Votes for languages from the letters of a page's texts: each text votes once per letter class. */
export function letterVotes(texts: Iterable<string>, votes = new Map<PageLanguage, number>()): Map<PageLanguage, number> {
  for (const raw of texts) {
    const text = raw.toLowerCase();
    if (!ANY_HINT.test(text)) continue;
    for (const [pattern, languages, weight] of LETTER_HINTS) {
      if (!pattern.test(text)) continue;
      for (const language of languages) votes.set(language, (votes.get(language) ?? 0) + weight);
    }
  }
  return votes;
}

/** The candidate with the most votes; on a tie, the first candidate. */
export function mostVoted(candidates: Iterable<PageLanguage>, votes: ReadonlyMap<PageLanguage, number>): PageLanguage | undefined {
  let best: PageLanguage | undefined;
  for (const language of candidates) if (!best || (votes.get(language) ?? 0) > (votes.get(best) ?? 0)) best = language;
  return best;
}
