import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../shared/document-kinds';
import type { ExtensionError } from '../../../shared/extension-messages';
import { builtinTemplate, type MessageTemplate, type TemplateScope } from '../../../shared/message-templates';
import type { TemplateView } from '../../../shared/template-schemas';
import { TEMPLATE_LANGUAGES, type TemplateLanguage } from '../../../shared/languages';
import { templateLanguageName } from '../../i18n/template-language-names';
import { optionsStrings } from '../../i18n/options-strings';
import { sendRequest } from '../../lib/send-request';
import { findUnknownPlaceholders, renderTemplate, TEMPLATE_PLACEHOLDERS, type TemplatePlaceholder, type TemplateValues } from '../../lib/templates';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { CheckField, SelectField, TextField } from '../../ui/fields';
import { useLanguage, useTranslator } from '../../ui/language';
import { pickDefaultSender } from '../../ui/senders';
import { useConnection } from './connection';

/**
 * The locale and currency a sample document in each template language is written in, so the preview
 * looks like the user's own (or their customer's).
 */
const SAMPLE_LOCALE: Readonly<Record<TemplateLanguage, { locale: string; currency: string }>> = {
  en: { locale: 'en-GB', currency: 'EUR' },
  pl: { locale: 'pl-PL', currency: 'PLN' },
  is: { locale: 'is-IS', currency: 'ISK' },
  sv: { locale: 'sv-SE', currency: 'SEK' },
  da: { locale: 'da-DK', currency: 'DKK' },
  nb: { locale: 'nb-NO', currency: 'NOK' },
  de: { locale: 'de-DE', currency: 'EUR' },
  fi: { locale: 'fi-FI', currency: 'EUR' },
  nl: { locale: 'nl-NL', currency: 'EUR' },
  fr: { locale: 'fr-FR', currency: 'EUR' },
  es: { locale: 'es-ES', currency: 'EUR' },
  it: { locale: 'it-IT', currency: 'EUR' },
  pt: { locale: 'pt-PT', currency: 'EUR' },
  cs: { locale: 'cs-CZ', currency: 'CZK' },
  sk: { locale: 'sk-SK', currency: 'EUR' },
  hu: { locale: 'hu-HU', currency: 'HUF' },
  ro: { locale: 'ro-RO', currency: 'RON' },
  et: { locale: 'et-EE', currency: 'EUR' },
  hr: { locale: 'hr-HR', currency: 'EUR' },
};

function sampleValues(language: TemplateLanguage, senderName: string): Required<TemplateValues> {
  const { locale, currency } = SAMPLE_LOCALE[language];
  const due = new Date(Date.now() + 14 * 86_400_000);
  return {
    documentNumber: '2026-0042',
    customerName: 'Nordic Trading AB',
    amount: new Intl.NumberFormat(locale, { style: 'currency', currency }).format(language === 'is' || language === 'hu' ? 184_500 : 12_500),
    dueDate: new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(due),
    senderName,
  };
}

type EditedField = 'subject' | 'message';

/** What the editor starts from at a scope: the company's (or built-in) for the company; one's own, else what applies. */
function baseFor(view: TemplateView, scope: TemplateScope): MessageTemplate {
  if (scope === 'personal' && view.personal) return view.personal;
  if (scope === 'company' || !view.personal) return view.company ?? builtinTemplate(view.kind, view.language);
  return view;
}

/**
 * Subject and message per document kind and language, kept in the relay (issue 21): an admin edits the
 * company's, everyone may keep their own; the placeholders are one click away and the preview is live.
 */
export function TemplatesPage() {
  const t = useTranslator(optionsStrings);
  const { language: pageLanguage } = useLanguage();
  const { state, user, isAdmin } = useConnection();
  const [templates, setTemplates] = useState<TemplateView[] | undefined>();
  const [loadError, setLoadError] = useState<ExtensionError | undefined>();
  const [saveError, setSaveError] = useState<ExtensionError | undefined>();
  const [kind, setKind] = useState<DocumentKind>('invoice');
  const [language, setLanguage] = useState<TemplateLanguage>(pageLanguage);
  const [scope, setScope] = useState<TemplateScope>('personal');
  /** What the user typed, for the kind, language and scope it was typed at; another one shows what is stored there. */
  const [draft, setDraft] = useState<{ key: string; subject: string; message: string } | undefined>();
  const [senderName, setSenderName] = useState(user?.name ?? 'Anna Berg');
  const [previewGaps, setPreviewGaps] = useState(false);
  const [saved, setSaved] = useState(false);
  const lastField = useRef<EditedField>('message');
  const subjectInput = useRef<HTMLInputElement | HTMLTextAreaElement | null>(null);
  const messageInput = useRef<HTMLInputElement | HTMLTextAreaElement | null>(null);

  useEffect(() => {
    if (!state?.connected) return;
    void sendRequest({ type: 'templates.list' }).then((result) => (result.ok ? setTemplates(result.data.templates) : setLoadError(result.error)));
    void sendRequest({ type: 'profiles.list' }).then((result) => {
      const sender = result.ok ? pickDefaultSender(result.data.profiles) : undefined;
      if (sender?.fromName) setSenderName(sender.fromName);
    });
  }, [state?.connected]);

  // An admin edits the company's templates unless they choose their own.
  useEffect(() => setScope(isAdmin ? 'company' : 'personal'), [isAdmin]);

  const view = templates?.find((x) => x.kind === kind && x.language === language);
  const base = view && baseFor(view, scope);
  const key = `${kind}/${language}/${scope}`;
  const subject = draft?.key === key ? draft.subject : (base?.subject ?? '');
  const message = draft?.key === key ? draft.message : (base?.message ?? '');
  const setSubject = (value: string) => setDraft({ key, subject: value, message });
  const setMessage = (value: string) => setDraft({ key, subject, message: value });
  // Another kind, language or scope starts from what is stored there.
  useEffect(() => setSaved(false), [key]);

  const values = useMemo(() => {
    const sample = sampleValues(language, senderName);
    return previewGaps ? { ...sample, customerName: undefined, dueDate: undefined } : sample;
  }, [language, senderName, previewGaps]);

  if (loadError) {
    return (
      <section class="page" aria-labelledby="templates-title">
        <h2 id="templates-title" class="page-title">
          {t('templates.title')}
        </h2>
        <ErrorNotice error={loadError} />
      </section>
    );
  }
  if (!templates || !view || !base) return null;
  const changed = subject !== base.subject || message !== base.message;
  const storedHere = scope === 'company' ? view.company !== undefined : view.personal !== undefined;
  const unknown = [...new Set([...findUnknownPlaceholders(subject), ...findUnknownPlaceholders(message)])];
  const edited = (l: TemplateLanguage) => templates.some((x) => x.kind === kind && x.language === l && (scope === 'company' ? x.company : x.personal));

  function replace(next: TemplateView) {
    setTemplates((list) => list?.map((x) => (x.kind === next.kind && x.language === next.language ? next : x)));
  }

  function insert(placeholder: TemplatePlaceholder) {
    const field = lastField.current;
    const input = field === 'subject' ? subjectInput.current : messageInput.current;
    const text = `{${placeholder}}`;
    const value = field === 'subject' ? subject : message;
    const start = input?.selectionStart ?? value.length;
    const end = input?.selectionEnd ?? value.length;
    const next = value.slice(0, start) + text + value.slice(end);
    if (field === 'subject') setSubject(next);
    else setMessage(next);
    setSaved(false);
    // Back to the text, after the inserted placeholder, so typing continues where it was.
    requestAnimationFrame(() => {
      input?.focus();
      input?.setSelectionRange(start + text.length, start + text.length);
    });
  }

  async function save(event: Event) {
    event.preventDefault();
    setSaveError(undefined);
    const result = await sendRequest({ type: 'templates.put', kind, language, scope, template: { subject, message } });
    if (!result.ok) return setSaveError(result.error);
    replace(result.data);
    setSaved(true);
  }

  async function reset() {
    setSaveError(undefined);
    setDraft(undefined);
    setSaved(false);
    if (!storedHere) return;
    const result = await sendRequest({ type: 'templates.reset', kind, language, scope });
    if (!result.ok) return setSaveError(result.error);
    replace(result.data);
  }

  return (
    <section class="page" aria-labelledby="templates-title">
      <div class="page-head">
        <div>
          <h2 id="templates-title" class="page-title">
            {t('templates.title')}
          </h2>
          <p class="muted">{t('templates.lead')}</p>
        </div>
      </div>
      <div class="templates-layout">
        <form class="card stack" onSubmit={save} aria-labelledby="templates-title">
          <SelectField
            label={t('templates.kind')}
            value={kind}
            options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            onChange={setKind}
            hint={t('templates.kindHint')}
            testId="template-kind"
          />
          <SelectField
            label={t('templates.language')}
            value={language}
            options={TEMPLATE_LANGUAGES.map((l) => ({ value: l, label: edited(l) ? `${templateLanguageName(l, pageLanguage)} · ${t('templates.edited')}` : templateLanguageName(l, pageLanguage) }))}
            onChange={setLanguage}
            hint={t('templates.languageHint')}
            testId="template-language"
          />
          {isAdmin ? (
            <SelectField
              label={t('templates.scope')}
              value={scope}
              options={[
                { value: 'company', label: t('templates.scope.company') },
                { value: 'personal', label: t('templates.scope.personal') },
              ]}
              onChange={setScope}
              testId="template-scope"
            />
          ) : (
            <p class="muted">{t('templates.memberHint')}</p>
          )}
          <p class="muted" data-testid="template-source" data-source={view.source}>
            {t('templates.inUse', { source: t(`templates.source.${view.source}`) })}
          </p>
          <div
            onFocusIn={() => {
              lastField.current = 'subject';
            }}
          >
            <TextField label={t('templates.subject')} value={subject} onInput={(v) => (setSubject(v), setSaved(false))} testId="template-subject" inputRef={subjectInput} />
          </div>
          <div
            onFocusIn={() => {
              lastField.current = 'message';
            }}
          >
            <TextField label={t('templates.message')} multiline rows={10} value={message} onInput={(v) => (setMessage(v), setSaved(false))} testId="template-message" inputRef={messageInput} />
          </div>
          <div class="placeholders" role="group" aria-labelledby="placeholders-label">
            <span id="placeholders-label" class="label">
              {t('templates.insert')}
            </span>
            <div class="chips">
              {TEMPLATE_PLACEHOLDERS.map((name) => (
                <button
                  key={name}
                  type="button"
                  class="chip"
                  data-testid={`placeholder-${name}`}
                  // Keep the cursor where it is: a mouse press would otherwise move focus away from the text first.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => insert(name)}
                >
                  <code>{`{${name}}`}</code> {t(`placeholder.${name}`)}
                </button>
              ))}
            </div>
          </div>
          <p class="hint muted">{t('templates.optionalHint')}</p>
          {unknown.length > 0 && (
            <p class="notice warn" data-testid="template-unknown">
              {t('templates.unknown', { names: unknown.map((n) => `{${n}}`).join(', ') })}
            </p>
          )}
          <div class="actions">
            <button type="submit" data-testid="template-save" disabled={!changed}>
              {t('templates.save')}
            </button>
            <button type="button" class="secondary" data-testid="template-reset" disabled={!storedHere && !changed} onClick={() => void reset()}>
              {t('templates.reset')}
            </button>
            <span role="status" class="saved">
              {saved && !changed ? t('templates.saved', { language: templateLanguageName(language, pageLanguage) }) : ''}
            </span>
          </div>
          {saveError && <ErrorNotice error={saveError} testId="template-error" />}
        </form>
        <aside class="card preview" aria-labelledby="preview-title">
          <h3 id="preview-title">{t('templates.preview')}</h3>
          <CheckField label={t('templates.previewGaps')} hint={t('templates.previewGapsHint')} checked={previewGaps} onChange={setPreviewGaps} testId="template-preview-gaps" />
          <div class="mail" lang={language}>
            <p class="mail-subject" data-testid="template-preview-subject">
              {renderTemplate(subject, values)}
            </p>
            <pre class="mail-body" data-testid="template-preview-message">
              {renderTemplate(message, values)}
            </pre>
          </div>
        </aside>
      </div>
    </section>
  );
}
