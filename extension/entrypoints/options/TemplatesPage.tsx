import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { LANGUAGE_LOCALES, LANGUAGE_NAMES, LANGUAGES, type Language } from '../../i18n/core';
import { optionsStrings } from '../../i18n/options-strings';
import { sendRequest } from '../../lib/send-request';
import {
  DEFAULT_TEMPLATES,
  findUnknownPlaceholders,
  renderTemplate,
  saveTemplate,
  resetTemplate,
  templateFor,
  templatesItem,
  TEMPLATE_PLACEHOLDERS,
  type StoredTemplates,
  type TemplatePlaceholder,
  type TemplateValues,
} from '../../lib/templates';
import { CheckField, SelectField, TextField } from '../../ui/fields';
import { useLanguage, useTranslator } from '../../ui/language';
import { pickDefaultSender } from '../../ui/senders';
import { useConnection } from './connection';

/** The currency a sample invoice in each language is written in, so the preview looks like the user's own. */
const SAMPLE_CURRENCY: Readonly<Record<Language, string>> = { en: 'EUR', pl: 'PLN', is: 'ISK', sv: 'SEK', da: 'DKK', nb: 'NOK', de: 'EUR' };

function sampleValues(language: Language, senderName: string): Required<TemplateValues> {
  const locale = LANGUAGE_LOCALES[language];
  const due = new Date(Date.now() + 14 * 86_400_000);
  return {
    documentNumber: '2026-0042',
    customerName: 'Nordic Trading AB',
    amount: new Intl.NumberFormat(locale, { style: 'currency', currency: SAMPLE_CURRENCY[language] }).format(language === 'is' ? 184_500 : 12_500),
    dueDate: new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(due),
    senderName,
  };
}

type EditedField = 'subject' | 'message';

/** Subject and message per language, with the placeholders one click away and a live preview. */
export function TemplatesPage() {
  const t = useTranslator(optionsStrings);
  const { language: pageLanguage } = useLanguage();
  const { state, user } = useConnection();
  const [stored, setStored] = useState<StoredTemplates | undefined>();
  const [language, setLanguage] = useState<Language>(pageLanguage);
  const [subject, setSubject] = useState('');
  const [message, setMessage] = useState('');
  const [senderName, setSenderName] = useState(user?.name ?? 'Anna Berg');
  const [previewGaps, setPreviewGaps] = useState(false);
  const [saved, setSaved] = useState(false);
  const lastField = useRef<EditedField>('message');
  const subjectInput = useRef<HTMLInputElement | HTMLTextAreaElement | null>(null);
  const messageInput = useRef<HTMLInputElement | HTMLTextAreaElement | null>(null);

  useEffect(() => {
    void templatesItem.getValue().then(setStored);
    return templatesItem.watch((value) => setStored(value ?? {}));
  }, []);

  useEffect(() => {
    if (!state?.connected) return;
    void sendRequest({ type: 'profiles.list' }).then((result) => {
      const sender = result.ok ? pickDefaultSender(result.data.profiles) : undefined;
      if (sender?.fromName) setSenderName(sender.fromName);
    });
  }, [state?.connected]);

  // Switching the language being edited loads that language's template.
  useEffect(() => {
    if (!stored) return;
    const template = templateFor(stored, language);
    setSubject(template.subject);
    setMessage(template.message);
    setSaved(false);
  }, [language, stored === undefined]);

  const values = useMemo(() => {
    const sample = sampleValues(language, senderName);
    return previewGaps ? { ...sample, customerName: undefined, dueDate: undefined } : sample;
  }, [language, senderName, previewGaps]);

  if (!stored) return null;
  const current = templateFor(stored, language);
  const changed = subject !== current.subject || message !== current.message;
  const custom = stored[language] !== undefined;
  const unknown = [...new Set([...findUnknownPlaceholders(subject), ...findUnknownPlaceholders(message)])];

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
    await saveTemplate(language, { subject, message });
    setSaved(true);
  }

  async function reset() {
    await resetTemplate(language);
    setSubject(DEFAULT_TEMPLATES[language].subject);
    setMessage(DEFAULT_TEMPLATES[language].message);
    setSaved(false);
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
            label={t('templates.language')}
            value={language}
            options={LANGUAGES.map((l) => ({ value: l, label: stored[l] ? `${LANGUAGE_NAMES[l]} · ${t('templates.edited')}` : LANGUAGE_NAMES[l] }))}
            onChange={setLanguage}
            hint={t('templates.languageHint')}
            testId="template-language"
          />
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
          {unknown.length > 0 && (
            <p class="notice warn" data-testid="template-unknown">
              {t('templates.unknown', { names: unknown.map((n) => `{${n}}`).join(', ') })}
            </p>
          )}
          <div class="actions">
            <button type="submit" data-testid="template-save" disabled={!changed}>
              {t('templates.save')}
            </button>
            <button type="button" class="secondary" data-testid="template-reset" disabled={!custom && !changed} onClick={() => void reset()}>
              {t('templates.reset')}
            </button>
            <span role="status" class="saved">
              {saved && !changed ? t('templates.saved', { language: LANGUAGE_NAMES[language] }) : ''}
            </span>
          </div>
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
