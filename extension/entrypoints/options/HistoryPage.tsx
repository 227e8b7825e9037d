import { useEffect, useState } from 'preact/hooks';
import type { ExtensionError } from '../../../shared/extension-messages';
import type { MessageView } from '../../../shared/schemas';
import { optionsStrings } from '../../i18n/options-strings';
import { sendRequest } from '../../lib/send-request';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { SelectField, TextField } from '../../ui/fields';
import { formatDateTime } from '../../ui/format';
import { useLanguage, useTranslator } from '../../ui/language';
import { StatusBadge } from '../../ui/StatusBadge';

const HISTORY_LIMIT = 200;

const FILTERS = ['all', 'sent', 'pending', 'failed'] as const;
type StatusFilter = (typeof FILTERS)[number];

function matchesStatus(message: MessageView, filter: StatusFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'sent':
      return message.status === 'sent';
    case 'failed':
      return message.status === 'failed';
    case 'pending':
      return message.status === 'queued' || message.status === 'sending' || message.status === 'deferred';
  }
}

function matchesText(message: MessageView, query: string): boolean {
  if (!query) return true;
  const haystack = [message.subject, message.documentRef ?? '', ...message.to, ...(message.documents ?? []).map((d) => d.ref)].join(' ').toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .every((word) => haystack.includes(word));
}

/** Attempts so far; older relays answer a number, newer ones a list of attempts and a count. */
function attemptCount(message: MessageView): number {
  const attempts = message.attempts as unknown;
  return typeof message.attemptCount === 'number' ? message.attemptCount : typeof attempts === 'number' ? attempts : Array.isArray(attempts) ? attempts.length : 0;
}

/** Recent sends with their status and, for the ones that did not go out, the problem and its fix. */
export function HistoryPage() {
  const t = useTranslator(optionsStrings);
  const { language } = useLanguage();
  const [messages, setMessages] = useState<MessageView[] | undefined>();
  const [error, setError] = useState<ExtensionError | undefined>();
  const [filter, setFilter] = useState<StatusFilter>('all');
  const [query, setQuery] = useState('');
  const [loading, setLoading] = useState(false);

  async function load() {
    setLoading(true);
    const answer = await sendRequest({ type: 'messages.list', limit: HISTORY_LIMIT, language });
    setLoading(false);
    if (answer.ok) {
      setMessages(answer.data.messages);
      setError(undefined);
    } else setError(answer.error);
  }
  useEffect(() => void load(), [language]);

  const shown = (messages ?? []).filter((m) => matchesStatus(m, filter) && matchesText(m, query.trim()));
  return (
    <section class="page" aria-labelledby="history-title">
      <div class="page-head">
        <div>
          <h2 id="history-title" class="page-title">
            {t('history.title')}
          </h2>
          <p class="muted">{t('history.lead')}</p>
        </div>
        <button type="button" class="secondary" data-testid="history-refresh" disabled={loading} onClick={() => void load()}>
          {loading ? t('loading') : t('history.refresh')}
        </button>
      </div>
      <div class="filters card" role="search">
        <SelectField label={t('history.status')} value={filter} options={FILTERS.map((f) => ({ value: f, label: t(`history.filter.${f}`) }))} onChange={setFilter} testId="history-filter-status" />
        <TextField label={t('history.search')} type="search" value={query} onInput={setQuery} hint={t('history.searchHint')} testId="history-search" />
      </div>
      {error && <ErrorNotice error={error} />}
      <p class="muted" role="status" data-testid="history-count">
        {messages ? t('history.count', { shown: shown.length, total: messages.length }) : ''}
      </p>
      {messages && shown.length === 0 && (
        <p class="card empty" data-testid="history-empty">
          {messages.length === 0 ? t('history.empty') : t('history.noMatch')}
        </p>
      )}
      {shown.length > 0 && (
        <table class="table history" data-testid="history-table">
          <caption class="visually-hidden">{t('history.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('history.when')}</th>
              <th scope="col">{t('history.document')}</th>
              <th scope="col">{t('history.to')}</th>
              <th scope="col">{t('history.subject')}</th>
              <th scope="col">{t('history.status')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((message) => (
              <tr key={message.id} data-testid="history-row" data-status={message.status}>
                <td class="nowrap">{formatDateTime(message.sentAt ?? message.createdAt, t.locale)}</td>
                {/* An invoice number is one word: "FV 12/2026" must not break across lines. */}
                <td class="nowrap">
                  {message.documentRef ?? (message.documents ?? []).map((d) => d.ref).join(', ')}
                  {message.part && (
                    <span class="muted small block" data-testid="history-part">
                      {t('history.part', { number: message.part.number, of: message.part.of })}
                    </span>
                  )}
                </td>
                <td class="wrap-anywhere">{message.to.join(', ')}</td>
                <td>{message.subject}</td>
                <td>
                  <StatusBadge status={message.status} />
                  {message.fallback && (
                    <span class="notice warn small block" data-testid="history-fallback">
                      {t('history.fallback', { sender: message.fallback.fromProfileName ?? message.fallback.fromProfileId })}
                    </span>
                  )}
                  {attemptCount(message) > 1 && <span class="muted small"> {t('history.attempts', { count: attemptCount(message) })}</span>}
                  {message.status === 'deferred' && message.nextAttemptAt && (
                    <span class="muted small block">{t('history.nextAttempt', { when: formatDateTime(message.nextAttemptAt, t.locale) })}</span>
                  )}
                  {message.problem && (
                    <details class="problem-details" data-testid="history-problem">
                      <summary>{message.problem.title}</summary>
                      <p>{message.problem.explanation}</p>
                      <p>
                        <strong>{t('test.howToFix')}</strong> {message.problem.fix}
                      </p>
                      {message.lastReply && (
                        <p class="muted small" lang="en">
                          {t('history.serverSaid')} <code>{message.lastReply}</code>
                        </p>
                      )}
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
