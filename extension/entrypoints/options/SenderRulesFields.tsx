import type { SenderStyle } from '../../../shared/schemas';
import { optionsStrings } from '../../i18n/options-strings';
import { CheckField, SelectField, TextField } from '../../ui/fields';
import { useTranslator } from '../../ui/language';
import type { SenderDraft } from './sender-draft';

interface Props {
  draft: SenderDraft;
  update(change: Partial<SenderDraft>): void;
  fieldErrors: Readonly<Record<string, string>>;
  manageable: boolean;
  /** Company-wide senders and the fallback are an admin's. */
  isAdmin: boolean;
}

/** The sender's rules: other From addresses, a copy to itself, default, company-wide and fallback. */
export function SenderRulesFields({ draft, update, fieldErrors, manageable, isAdmin }: Props) {
  const t = useTranslator(optionsStrings);
  return (
    <fieldset class="card stack" disabled={!manageable}>
      <legend class="section-title">{t('editor.section.rules')}</legend>
      <CheckField label={t('editor.allowOther')} hint={t('editor.allowOtherHint')} checked={draft.allowOtherSender} onChange={(allowOtherSender) => update({ allowOtherSender })} testId="editor-allow-other" />
      {draft.allowOtherSender && (
        <div class="stack nested">
          <TextField
            label={t('editor.allowedSenders')}
            multiline
            rows={3}
            value={draft.allowedSenders}
            onInput={(allowedSenders) => update({ allowedSenders })}
            hint={t('editor.allowedSendersHint')}
            error={fieldErrors.allowedSenders}
            testId="editor-allowed-senders"
            spellcheck={false}
          />
          <SelectField
            label={t('editor.senderStyle')}
            value={draft.senderStyle}
            options={[
              { value: 'sender_header' as SenderStyle, label: t('editor.senderStyle.sender_header') },
              { value: 'send_as' as SenderStyle, label: t('editor.senderStyle.send_as') },
            ]}
            onChange={(senderStyle) => update({ senderStyle })}
            testId="editor-sender-style"
          />
        </div>
      )}
      <CheckField label={t('editor.bccSelf')} hint={t('editor.bccSelfHint')} checked={draft.bccSelf} onChange={(bccSelf) => update({ bccSelf })} testId="editor-bcc-self" />
      <TextField
        label={t('editor.archiveAddress')}
        type="email"
        value={draft.archiveAddress}
        onInput={(archiveAddress) => update({ archiveAddress })}
        hint={t('editor.archiveAddressHint')}
        error={fieldErrors.archiveAddress}
        testId="editor-archive-address"
        spellcheck={false}
      />
      <CheckField label={t('wizard.makeDefault')} hint={t('wizard.makeDefaultHint')} checked={draft.isDefault} onChange={(isDefault) => update({ isDefault })} testId="editor-default" />
      {isAdmin && (
        <>
          <CheckField label={t('wizard.companyWide')} hint={t('wizard.companyWideHint')} checked={draft.company} onChange={(company) => update({ company })} testId="editor-company" />
          {draft.company && (
            <CheckField label={t('editor.fallback')} hint={t('editor.fallbackHint')} checked={draft.isFallback} onChange={(isFallback) => update({ isFallback })} testId="editor-fallback" />
          )}
        </>
      )}
    </fieldset>
  );
}
