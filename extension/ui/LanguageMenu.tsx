import { detectLanguage, LANGUAGE_NAMES, LANGUAGES, type LanguagePreference } from '../i18n/core';
import { commonStrings } from '../i18n/common-strings';
import { SelectField } from './fields';
import { useLanguage, useTranslator } from './language';

/** The language menu: each language in its own name, and "automatic" naming the browser's language it follows. */
export function LanguageMenu() {
  const t = useTranslator(commonStrings);
  const { preference, setPreference } = useLanguage();
  const options = [
    { value: 'auto' as LanguagePreference, label: t('language.auto', { language: LANGUAGE_NAMES[detectLanguage()] }) },
    ...LANGUAGES.map((language) => ({ value: language as LanguagePreference, label: LANGUAGE_NAMES[language] })),
  ];
  return <SelectField label={t('language.label')} value={preference} options={options} onChange={(value) => void setPreference(value)} testId="language-select" />;
}
