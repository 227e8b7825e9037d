/**
 * The catalogue of sending problems: the problem table (problems.ts: codes and retry policies) with
 * each problem's title, explanation and fix in each supported language (problem-texts/).
 *
 * Writing rules for the texts:
 * - plain words for the person who sends invoices; the explanation says what happened, the fix says
 *   exactly what to do (the setting, the menu path, the command);
 * - technical strings stay untranslated in every language (PowerShell, ports, menu paths, scopes,
 *   error numbers), because the user has to type or find them exactly so. The unit tests check this.
 */

import { LANGUAGES, matchLanguage, type Language } from '../../shared/languages';
import { da } from './problem-texts/da';
import { de } from './problem-texts/de';
import { en } from './problem-texts/en';
import { is } from './problem-texts/is';
import { nb } from './problem-texts/nb';
import { pl } from './problem-texts/pl';
import type { ProblemText } from './problem-texts/problem-text';
import { sv } from './problem-texts/sv';
import { isProblemCode, PROBLEM_CODES, problemRetryPolicy, type ProblemCode, type RetryPolicy } from './problems';

export { LANGUAGES, type Language };
export { isProblemCode, problemRetryPolicy, type ProblemCode, type ProblemText, type RetryPolicy };

/** The texts by language; a language added to LANGUAGES without its texts does not compile. */
const TEXTS: Readonly<Record<Language, Readonly<Record<ProblemCode, ProblemText>>>> = { en, pl, is, sv, da, nb, de };

/** A problem in one language, as the relay's API returns it. */
export type Problem = { code: ProblemCode; title: string; explanation: string; fix: string };

export interface CatalogueEntry {
  code: ProblemCode;
  retry: RetryPolicy;
  text: Readonly<Record<Language, ProblemText>>;
}

/** Every problem, in a stable order (for tests and documentation). */
export const CATALOGUE: readonly CatalogueEntry[] = Object.freeze(
  PROBLEM_CODES.map((code) => {
    const text = Object.fromEntries(LANGUAGES.map((lang) => [lang, TEXTS[lang][code]])) as Record<Language, ProblemText>;
    return Object.freeze({ code, retry: problemRetryPolicy(code), text });
  }),
);

/**
 * The supported language for a language tag (`de`, `de-AT`, `nb_NO`, `no`), or undefined.
 *
 * @example resolveLanguage('sv-FI') // 'sv'
 */
export function resolveLanguage(tag: string | undefined | null): Language | undefined {
  return matchLanguage(tag ?? '');
}

/**
 * A problem's title, explanation and fix in `lang`, falling back to English for a language the
 * catalogue does not have. A code that is not (or no longer) in the catalogue, for example one read
 * from an older database, gives the `unknown` problem rather than throwing.
 *
 * @default lang 'en'
 * @example getProblem('gmail_app_password_required', 'de').title // 'Gmail verlangt ein App-Passwort'
 */
export function getProblem(code: ProblemCode, lang: Language | string = 'en'): Problem {
  const known: ProblemCode = isProblemCode(code) ? code : 'unknown';
  const text = TEXTS[resolveLanguage(lang) ?? 'en'][known];
  return { code: known, title: text.title, explanation: text.explanation, fix: text.fix };
}
