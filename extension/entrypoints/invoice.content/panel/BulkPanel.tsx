import type { ExtensionResult } from '../../../../shared/extension-messages';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatMailbox, parseMailboxList } from '../../../../shared/address';
import type { MessageView } from '../../../../shared/schemas';
import type { TemplateLanguage } from '../../../../shared/languages';
import { createTranslator } from '../../../i18n/core';
import { pageStrings } from '../../../i18n/page-strings';
import { renderTemplate } from '../../../lib/templates';
import type { DetectedDocument } from '../../../sites/site-adapter';
import { askBackground } from '../background-request';
import type { PanelHost } from '../panel-contract';
import { groupByCustomer } from './bulk-groups';
import { routeOf, type SendRoute } from './send-route';
import { templateValues, usePageSenders } from './use-page-senders';
import { deliveryProblem, followMessage, formMatchesDraft, fromUser, newIdempotencyKey, problemOf, type Problem } from './panel-helpers';

/** Documents of a list whose history is looked up when the bulk panel opens. */
const MAX_HISTORY_LOOKUPS = 50;

/** `route`: where the send went, when not simply through the chosen sender (send-route.ts). */
type RowResult = { state: 'queued'; route?: SendRoute } | { state: 'sent'; route?: SendRoute } | { state: 'error'; problem: Problem };

interface Row {
  found: DetectedDocument;
  selected: boolean;
  to: string;
  /** One per document for the panel's life: sending again after a network error never doubles a mail. */
  idempotencyKey: string;
  result?: RowResult;
}

interface Props {
  documents: DetectedDocument[];
  host: PanelHost;
  signal: AbortSignal;
  onClose: () => void;
}

/**
 * Several documents from a list page: choose which, check each one's recipient, send them all with
 * one sender and the templates, one message per document, with a progress bar and a result per row.
 */
export function BulkPanel({ documents, host, signal, onClose }: Props) {
  const t = useMemo(() => createTranslator(pageStrings, host.language), [host.language]);
  const dateFormat = useMemo(() => new Intl.DateTimeFormat(t.locale, { dateStyle: 'medium', timeStyle: 'short' }), [t.locale]);
  const language: TemplateLanguage = documents[0]?.language ?? host.language;
  const [problem, setProblem] = useState<Problem | undefined>();
  const { profiles, profileId, setProfileId, template } = usePageSenders(host, signal, language, setProblem);
  const [rows, setRows] = useState<Row[]>(() => documents.map((found) => ({ found, selected: found.recipients.length > 0, to: found.recipients[0] ?? '', idempotencyKey: newIdempotencyKey() })));
  const [running, setRunning] = useState(false);
  /** One e-mail per customer with all of its selected documents, instead of one per document. */
  const [perCustomer, setPerCustomer] = useState(false);
  const [sentBefore, setSentBefore] = useState<Record<string, MessageView>>({});
  const fromRef = useRef<HTMLSelectElement>(null);
  const toRefs = useRef<(HTMLInputElement | null)[]>([]);

  useEffect(() => {
    // Which of these went out before: one question per document, one after another (a list is at most a few hundred).
    void (async () => {
      for (const found of documents.slice(0, MAX_HISTORY_LOOKUPS)) {
        if (signal.aborted || !found.number) continue;
        const result = await askBackground({ type: 'document.history', documentRef: found.number });
        const last = result.ok ? result.data.messages.find((m) => m.status === 'sent') : undefined;
        if (last && !signal.aborted) setSentBefore((current) => ({ ...current, [found.number!]: last }));
      }
    })();
  }, []);

  const update = (index: number, change: Partial<Row>) => setRows((current) => current.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const selected = rows.filter((r) => r.selected);
  const finished = selected.filter((r) => r.result && r.result.state !== 'queued').length;
  const sender = profiles?.find((p) => p.id === profileId);

  async function sendOne(row: Row, index: number): Promise<void> {
    const parsed = parseMailboxList(row.to);
    if (!parsed.ok) return update(index, { result: { state: 'error', problem: { message: row.to.trim() ? parsed.message : t('noRecipient') } } });
    const values = templateValues(row.found, sender?.fromName);
    update(index, { result: { state: 'queued' } });
    const result = await askBackground({
      type: 'message.send',
      draft: {
        ...(profileId ? { profileId } : {}),
        to: parsed.value.map(formatMailbox),
        cc: [],
        subject: renderTemplate(template!.subject, values) || row.found.number || 'Document',
        text: renderTemplate(template!.message, values),
        ...(row.found.pdfUrl ? { documentUrl: row.found.pdfUrl } : {}),
        ...(row.found.pdfName ? { documentFilename: row.found.pdfName } : {}),
        ...(row.found.number ? { documentRef: row.found.number } : {}),
        ...(row.found.kind ? { documentKind: row.found.kind } : {}),
        attachments: [],
        idempotencyKey: row.idempotencyKey,
      },
    });
    track(result, (rowResult) => update(index, { result: rowResult }));
  }

  /** Shows a send's answer, then follows its delivery in the background of the loop: the next send goes out meanwhile. */
  function track(result: ExtensionResult<'message.send'>, show: (result: RowResult) => void): void {
    if (signal.aborted) return;
    if (!result.ok) return show({ state: 'error', problem: problemOf(result.error) });
    show({ state: 'queued', route: routeOf(result.data, profiles) });
    void followMessage(result.data, signal, () => undefined).then((final) => {
      if (!final || signal.aborted) return;
      if ('code' in final) return show({ state: 'error', problem: problemOf(final) });
      if (final.status === 'sent') return show({ state: 'sent', route: routeOf(final, profiles) });
      if (final.status === 'failed') return show({ state: 'error', problem: deliveryProblem(final, t('failed')) });
    });
  }

  /** Several documents for one customer in one message; each row shows that message's result. */
  async function sendGroup(indexes: number[]): Promise<void> {
    const members = indexes.map((index) => rows[index]!);
    const first = members[0]!;
    const parsed = parseMailboxList(first.to);
    if (!parsed.ok) return;
    const numbers = members.map((row) => row.found.number!);
    // The template speaks of one document: it gets the list of numbers, and no single amount or due date.
    const values = { ...templateValues(first.found, sender?.fromName), documentNumber: numbers.join(', '), amount: undefined, dueDate: undefined };
    const mark = (result: RowResult) => setRows((current) => current.map((row, i) => (indexes.includes(i) ? { ...row, result } : row)));
    mark({ state: 'queued' });
    const result = await askBackground({
      type: 'message.send',
      draft: {
        ...(profileId ? { profileId } : {}),
        to: parsed.value.map(formatMailbox),
        cc: [],
        subject: renderTemplate(template!.subject, values) || numbers.join(', '),
        text: renderTemplate(template!.message, values),
        documents: members.map((row) => ({ url: row.found.pdfUrl!, ref: row.found.number!, ...(row.found.pdfName ? { filename: row.found.pdfName } : {}) })),
        ...(first.found.kind ? { documentKind: first.found.kind } : {}),
        attachments: [],
        // Derived from the first document's key: sending the same group again after a network error is a retry.
        idempotencyKey: `${first.idempotencyKey}-${members.length}`,
      },
    });
    track(result, mark);
  }

  async function sendSelected() {
    setProblem(undefined);
    const shown = [[fromRef.current, profileId] as const, ...rows.map((row, i) => [toRefs.current[i] ?? null, row.to] as const)];
    if (!formMatchesDraft(shown)) {
      for (const [element, value] of shown) if (element) element.value = value;
      return setProblem({ message: t('pageChangedForm') });
    }
    if (!template) return;
    setRunning(true);
    // One after another: each send downloads a PDF from the site, and the site should not see a burst.
    const due = [...rows.keys()].filter((index) => rows[index]!.selected && rows[index]!.result?.state !== 'sent');
    for (const group of perCustomer ? groupByCustomer(rows, due) : due.map((index) => [index])) {
      if (signal.aborted) return;
      if (group.length > 1) await sendGroup(group);
      else await sendOne(rows[group[0]!]!, group[0]!);
    }
  }

  const allDone = running && selected.length > 0 && finished === selected.length;
  const failed = selected.filter((r) => r.result?.state === 'error').length;
  const sent = selected.filter((r) => r.result?.state === 'sent').length;
  return (
    <div class="panel bulk" role="dialog" aria-label={t('bulkTitle')} data-testid="ownpost-panel">
      <header>
        <h2>{t('bulkTitle')}</h2>
        <button type="button" class="close" aria-label={t('close')} onClick={fromUser(onClose)}>
          ×
        </button>
      </header>
      <form onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('from')}
          <select ref={fromRef} data-testid="ownpost-from" value={profileId} disabled={running} onChange={fromUser((e: Event) => setProfileId((e.currentTarget as HTMLSelectElement).value))}>
            {profiles === undefined && <option value="">{t('loadingSenders')}</option>}
            {profiles?.length === 0 && <option value="">{t('noSenders')}</option>}
            {profiles?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.fromName ? `${p.fromName} <${p.fromAddress}>` : p.fromAddress}
              </option>
            ))}
          </select>
        </label>
        <table class="documents">
          <thead>
            <tr>
              <th>
                <input
                  type="checkbox"
                  aria-label={t('selectAll')}
                  checked={selected.length === rows.length}
                  disabled={running}
                  onChange={fromUser((e: Event) => {
                    const on = (e.currentTarget as HTMLInputElement).checked;
                    setRows((current) => current.map((row) => ({ ...row, selected: on })));
                  })}
                />
              </th>
              <th>{t('document')}</th>
              <th>{t('to')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={row.idempotencyKey} data-testid="ownpost-bulk-item" data-ref={row.found.number ?? ''}>
                <td>
                  <input
                    type="checkbox"
                    data-testid="ownpost-bulk-select"
                    checked={row.selected}
                    disabled={running}
                    onChange={fromUser((e: Event) => update(index, { selected: (e.currentTarget as HTMLInputElement).checked }))}
                  />
                </td>
                <td>
                  <strong>{row.found.number}</strong>
                  {row.found.customerName && <div class="muted">{row.found.customerName}</div>}
                  {row.found.amount && <div class="muted">{row.found.amount}</div>}
                  {row.found.number && sentBefore[row.found.number] && (
                    <div class="notice" data-testid="ownpost-bulk-history">
                      {t('alreadySent', {
                        date: dateFormat.format(new Date(sentBefore[row.found.number]!.sentAt ?? sentBefore[row.found.number]!.createdAt)),
                        to: sentBefore[row.found.number]!.to.join(', '),
                      })}
                    </div>
                  )}
                </td>
                <td>
                  <input
                    ref={(element) => void (toRefs.current[index] = element)}
                    type="text"
                    data-testid="ownpost-bulk-to"
                    value={row.to}
                    placeholder={t('noRecipient')}
                    disabled={running}
                    onInput={fromUser((e: Event) => update(index, { to: (e.currentTarget as HTMLInputElement).value }))}
                  />
                </td>
                <td>
                  {row.result && (
                    <span
                      class={`result ${row.result.state}`}
                      data-testid="ownpost-bulk-result"
                      data-state={row.result.state}
                      title={row.result.state === 'error' ? row.result.problem.hint : undefined}
                    >
                      {row.result.state === 'queued' ? t('resultQueued') : row.result.state === 'sent' ? t('resultSent') : `${t('resultFailed')}: ${row.result.problem.message}`}
                    </span>
                  )}
                  {row.result && row.result.state !== 'error' && row.result.route?.fallbackFrom !== undefined && (
                    <span class="route" data-testid="ownpost-bulk-fallback">
                      {t('fallbackUsed', { sender: row.result.route.fallbackFrom })}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <label class="check">
          <input
            type="checkbox"
            data-testid="ownpost-bulk-group"
            checked={perCustomer}
            disabled={running}
            onChange={fromUser((e: Event) => setPerCustomer((e.currentTarget as HTMLInputElement).checked))}
          />
          {t('bulkPerCustomer')}
        </label>
        <div class="actions">
          {running && (
            <>
              <progress data-testid="ownpost-bulk-progress" value={finished} max={selected.length} />
              <span class="muted">{t('bulkProgress', { done: finished, total: selected.length })}</span>
            </>
          )}
          <button type="button" data-testid="ownpost-submit" disabled={running || selected.length === 0 || !profiles?.length || !template} onClick={fromUser(() => void sendSelected())}>
            {t('bulkSend', { count: selected.length })}
          </button>
        </div>
      </form>
      {(allDone || problem) && (
        <div class={`status ${problem || failed ? 'error' : 'sent'}`} data-testid="ownpost-status" data-state={problem || failed ? 'error' : 'sent'} role="status" aria-live="polite">
          {problem ? <strong>{problem.message}</strong> : t('bulkSummary', { sent, failed })}
        </div>
      )}
    </div>
  );
}
