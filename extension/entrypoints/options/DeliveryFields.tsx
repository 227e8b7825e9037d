import { findProviderByDomain } from '../../../shared/providers';
import type { DeliverySettingsView, SmtpSecurity } from '../../../shared/schemas';
import { optionsStrings } from '../../i18n/options-strings';
import { CheckField, SelectField, TextField } from '../../ui/fields';
import { formatBytes } from '../../ui/format';
import { useTranslator } from '../../ui/language';
import type { DeliveryDraft, SentCopyDraft } from './delivery-draft';
import { domainOf } from './sender-draft';

interface Props {
  draft: DeliveryDraft & { fromAddress: string };
  update(change: Partial<DeliveryDraft>): void;
  /** The saved settings: what delivery uses now, and whether a Sent-copy password is kept. */
  delivery: DeliverySettingsView;
  fieldErrors: Readonly<Record<string, string>>;
  manageable: boolean;
}

/** How the sender delivers: the largest message, and a copy in the mailbox's Sent folder. */
export function DeliveryFields({ draft, update, delivery, fieldErrors, manageable }: Props) {
  const t = useTranslator(optionsStrings);
  const updateSent = (change: Partial<SentCopyDraft>) => update({ sentCopy: { ...draft.sentCopy, ...change } });
  const preset = findProviderByDomain(domainOf(draft.fromAddress));
  return (
    <fieldset class="card stack" disabled={!manageable}>
      <legend class="section-title">{t('editor.section.delivery')}</legend>
      <TextField
        label={t('editor.maxSize')}
        type="number"
        inputMode="numeric"
        value={draft.maxMessageMb}
        onInput={(maxMessageMb) => update({ maxMessageMb })}
        hint={t('editor.maxSizeHint', { size: delivery ? formatBytes(delivery.effective.maxMessageBytes, t.locale) : '10 MB' })}
        error={fieldErrors.maxMessageBytes}
        testId="editor-max-size"
        min={0.05}
        max={200}
      />
      <CheckField label={t('editor.sentCopy')} hint={t('editor.sentCopyHint')} checked={draft.sentCopy.enabled} onChange={(enabled) => updateSent({ enabled })} testId="editor-sent-copy" />
      {draft.sentCopy.enabled && preset?.serverSavesSentCopy && (
        <p class="notice warn" data-testid="editor-sent-copy-twice">
          {t('editor.sentCopyTwice', { provider: preset.name })}
        </p>
      )}
      {draft.sentCopy.enabled && (
        <div class="stack nested">
          <div class="grid-server">
            <TextField label={t('editor.imapHost')} value={draft.sentCopy.host} onInput={(host) => updateSent({ host })} error={fieldErrors['sent.host']} testId="editor-imap-host" spellcheck={false} required />
            <TextField label={t('server.port')} type="number" inputMode="numeric" value={String(draft.sentCopy.port || '')} onInput={(port) => updateSent({ port: Number(port) || 0 })} error={fieldErrors['sent.port']} testId="editor-imap-port" required />
          </div>
          <SelectField
            label={t('server.security')}
            value={draft.sentCopy.security}
            options={(['tls', 'starttls'] as const).map((s) => ({ value: s as SmtpSecurity, label: t(`security.${s}.short`) }))}
            onChange={(security) => updateSent({ security, port: security === 'tls' ? 993 : 143 })}
            testId="editor-imap-security"
          />
          <div class="grid-2">
            <TextField label={t('editor.imapFolder')} value={draft.sentCopy.folder} onInput={(folder) => updateSent({ folder })} hint={t('editor.imapFolderHint')} testId="editor-imap-folder" />
            <TextField label={t('server.username')} value={draft.sentCopy.username} onInput={(username) => updateSent({ username })} hint={t('editor.imapLoginHint')} testId="editor-imap-username" spellcheck={false} />
            <TextField
              label={t('wizard.password')}
              type="password"
              value={draft.sentCopy.password}
              onInput={(password) => updateSent({ password })}
              hint={delivery?.saveToSent?.hasPassword ? t('editor.passwordKeep') : t('editor.imapLoginHint')}
              testId="editor-imap-password"
              autocomplete="off"
            />
          </div>
        </div>
      )}
    </fieldset>
  );
}
