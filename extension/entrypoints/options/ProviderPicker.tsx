import { PROVIDER_GROUPS } from '../../../shared/providers';
import { optionsStrings } from '../../i18n/options-strings';
import { SelectField } from '../../ui/fields';
import { useTranslator } from '../../ui/language';

/**
 * "Your provider": every built-in preset, grouped (mailbox providers, hosting, sending services), for when
 * discovery found nothing or something else (a spam filter in front of the MX), and the only way to reach a
 * sending service, which owns no address domain. Choosing one fills in its server settings.
 */
export function ProviderPicker({ value, onChoose }: { value: string | undefined; onChoose: (presetId: string | undefined) => void }) {
  const t = useTranslator(optionsStrings);
  return (
    <SelectField
      label={t('wizard.provider.label')}
      hint={t('wizard.provider.hint')}
      testId="wizard-provider-choice"
      value={value ?? ''}
      options={[{ value: '', label: t('wizard.provider.found') }]}
      groups={PROVIDER_GROUPS.map(({ group, presets }) => ({
        label: t(`wizard.provider.group.${group}`),
        options: presets.map((preset) => ({ value: preset.id, label: preset.name })),
      }))}
      onChange={(id) => onChoose(id || undefined)}
    />
  );
}
