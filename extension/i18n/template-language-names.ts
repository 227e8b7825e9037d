/**
 * Names of the template languages (TEMPLATE_LANGUAGES) in the UI's language, for the options page's
 * Templates menu: a Swedish user picks "Italienska" for an Italian customer's mail. The UI speaks
 * fewer languages than the templates are written in, so the names come from the browser's
 * Intl.DisplayNames rather than from a table per UI language.
 */
import type { TemplateLanguage } from '../../shared/languages';
import { LANGUAGE_LOCALES, type Language } from './core';

/**
 * @example templateLanguageName('it', 'sv') // 'Italienska'
 * @example templateLanguageName('fr', 'de') // 'Französisch'
 */
export function templateLanguageName(language: TemplateLanguage, uiLanguage: Language): string {
  const locale = LANGUAGE_LOCALES[uiLanguage];
  // A browser without the locale's data gives no name (fallback: 'none'): the code is still a clear choice.
  const name = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }).of(language);
  if (!name) return language;
  // Swedish, Danish, Norwegian, Polish and Icelandic write language names in lower case; a menu entry starts with a capital.
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}
