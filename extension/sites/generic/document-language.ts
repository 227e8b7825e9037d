/**
 * The document's language from its page: its `lang`, else what its labels and letters vote for.
 */
import { letterVotes, mostVoted, type PageLanguage, pageLanguageOfTag } from '../page-language';
import type { FieldHit, LabelledValues } from './field-hits';

/** Texts read for the page's language from their letters: enough to tell, few enough to stay cheap. */
const MAX_LANGUAGE_TEXTS = 400;

/**
 * The page's language: its `lang`, else the one its labels and its letters vote for (a Polish page
 * without `lang` says "Faktura" like a Danish one, but writes "Nabywca" and "zł").
 */
export function pageLanguage(document: Document, values: LabelledValues, numberHit: FieldHit | undefined): PageLanguage | undefined {
  const tagged = pageLanguageOfTag(document.documentElement.getAttribute('lang') ?? '');
  if (tagged) return tagged;
  // Labels count double: a word says more than a letter.
  const votes = new Map([...values.votes].map(([language, count]) => [language, count * 2] as const));
  letterVotes(
    values.texts.slice(0, MAX_LANGUAGE_TEXTS).map((t) => t.text),
    votes,
  );
  const candidates = numberHit?.languages.length ? numberHit.languages : [...votes.keys()];
  return mostVoted(candidates, votes);
}
