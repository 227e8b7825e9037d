import { optionsStrings } from '../../i18n/options-strings';
import { CheckField } from '../../ui/fields';
import { useTranslator } from '../../ui/language';

interface Props {
  makeDefault: boolean;
  companyWide: boolean;
  /** Only an admin may add a sender for the whole company. */
  isAdmin: boolean;
  onMakeDefault(value: boolean): void;
  onCompanyWide(value: boolean): void;
}

/** How a new sender is saved: as the user's default, and (admins) for the whole company. */
export function SaveOptions({ makeDefault, companyWide, isAdmin, onMakeDefault, onCompanyWide }: Props) {
  const t = useTranslator(optionsStrings);
  return (
    <fieldset class="stack save-options">
      <legend>{t('wizard.saveOptions')}</legend>
      <CheckField label={t('wizard.makeDefault')} hint={t('wizard.makeDefaultHint')} checked={makeDefault} onChange={onMakeDefault} testId="wizard-default" />
      {isAdmin && <CheckField label={t('wizard.companyWide')} hint={t('wizard.companyWideHint')} checked={companyWide} onChange={onCompanyWide} testId="wizard-company" />}
    </fieldset>
  );
}
