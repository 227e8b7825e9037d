import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { DocumentInfo, HostGrant, PanelDocument } from '../../../../shared/extension-messages';
import { formatMailbox, parseMailboxList } from '../../../../shared/address';
import type { MessageView } from '../../../../shared/schemas';
import type { TemplateLanguage } from '../../../../shared/languages';
import { createTranslator, type Translator } from '../../../i18n/core';
import { pageStrings } from '../../../i18n/page-strings';
import { renderTemplate } from '../../../lib/templates';
import type { DetectedDocument } from '../../../sites/site-adapter';
import { formatBytes } from '../../../ui/format';
import { askBackground } from '../background-request';
import type { PanelHost } from '../panel-contract';
import { templateValues, usePageSenders } from './use-page-senders';
import { AllowHost } from './AllowHost';
import { PageCapture } from './PageCapture';
import { routeOf, type SendRoute } from './send-route';
import { CustomerSuggestion, rememberCustomer } from './CustomerSuggestion';
import { deliveryProblem, followMessage, formMatchesDraft, fromUser, MAX_FILE_MB, newIdempotencyKey, problemOf, readAddedFile, type AddedFile, type Problem } from './panel-helpers';

type Phase = { kind: 'editing' } | { kind: 'sending' } | { kind: 'queued'; message: MessageView } | { kind: 'sent'; message: MessageView } | { kind: 'error'; problem: Problem };

interface Props {
  /** `pdfFile`: the PDF a viewer on the page showed from memory, attached from the start. */
  found: DetectedDocument & Pick<PanelDocument, 'pdfFile'>;
  host: PanelHost;
  signal: AbortSignal;
  onClose: () => void;
}

/** The addresses of a To or Cc field, strictly parsed (shared/address.ts), or the problem to show. */
function parseAddressField(text: string, required: boolean): { ok: true; value: string[] } | { ok: false; message?: string } {
  if (!text.trim()) return required ? { ok: false } : { ok: true, value: [] };
  const parsed = parseMailboxList(text);
  return parsed.ok ? { ok: true, value: parsed.value.map(formatMailbox) } : { ok: false, message: parsed.message };
}

/** The blind copies: only the addresses go to the relay, since nobody sees a blind copy's name. */
function parseBccField(text: string): { ok: true; value: string[] } | { ok: false; message?: string } {
  if (!text.trim()) return { ok: true, value: [] };
  const parsed = parseMailboxList(text);
  return parsed.ok ? { ok: true, value: parsed.value.map((m) => m.address) } : { ok: false, message: parsed.message };
}

/** The sender panel for one document: from, to, cc, subject, message, attachments, Send, and the result. */
export function SendPanel({ found, host, signal, onClose }: Props) {
  const t = useMemo(() => createTranslator(pageStrings, host.language), [host.language]);
  // The customer reads the mail in the document's language; a page in a language without templates gets the user's.
  const templateLanguage: TemplateLanguage = found.language ?? host.language;
  const [phase, setPhase] = useState<Phase>({ kind: 'editing' });
  const { profiles, mappedId, profileId, setProfileId, template } = usePageSenders(host, signal, templateLanguage, (problem) => setPhase({ kind: 'error', problem }), found.kind);
  const [to, setTo] = useState(found.recipients[0] ?? '');
  const [cc, setCc] = useState('');
  const [bcc, setBcc] = useState('');
  const [subject, setSubject] = useState('');
  const [text, setText] = useState('');
  const edited = useRef({ subject: false, text: false });
  const [documentInfo, setDocumentInfo] = useState<DocumentInfo | { error: string } | undefined>();
  const [includeDocument, setIncludeDocument] = useState(Boolean(found.pdfUrl));
  const [files, setFiles] = useState<AddedFile[]>(() => (found.pdfFile ? [{ contentType: 'application/pdf', ...found.pdfFile }] : []));
  const [fileProblem, setFileProblem] = useState<string | undefined>();
  /** The detected PDF is on a host Ownpost may not read yet: the panel offers to ask for it. */
  const [hostGrant, setHostGrant] = useState<HostGrant | undefined>();
  const [history, setHistory] = useState<MessageView[]>([]);
  const [fieldProblem, setFieldProblem] = useState<{ field: 'to' | 'cc' | 'bcc' | 'subject'; message: string } | undefined>();
  const idempotencyKey = useRef(newIdempotencyKey());
  const refs = {
    from: useRef<HTMLSelectElement>(null),
    to: useRef<HTMLInputElement>(null),
    cc: useRef<HTMLInputElement>(null),
    bcc: useRef<HTMLInputElement>(null),
    subject: useRef<HTMLInputElement>(null),
    text: useRef<HTMLTextAreaElement>(null),
  };
  const timeFormat = useMemo(() => new Intl.DateTimeFormat(t.locale, { timeStyle: 'short' }), [t.locale]);
  const dateFormat = useMemo(() => new Intl.DateTimeFormat(t.locale, { dateStyle: 'medium', timeStyle: 'short' }), [t.locale]);

  useEffect(() => {
    if (found.pdfUrl) {
      void askBackground({ type: 'document.inspect', url: found.pdfUrl }).then((result) => {
        if (!signal.aborted) setDocumentInfo(result.ok ? result.data : { error: result.error.hint ? `${result.error.message} ${result.error.hint}` : result.error.message });
      });
    }
    if (!found.pdfUrl && found.pdfElsewhere) void takePdfElsewhere(found.pdfElsewhere);
    if (found.number) {
      void askBackground({ type: 'document.history', documentRef: found.number }).then((result) => {
        if (!signal.aborted && result.ok) setHistory(result.data.messages.filter((m) => m.status === 'sent'));
      });
    }
  }, []);

  // Subject and message come from the template, with the sender's name once the sender is known;
  // what the user typed is never overwritten.
  const sender = profiles?.find((p) => p.id === profileId);
  useEffect(() => {
    if (!template) return;
    const values = templateValues(found, sender?.fromName);
    if (!edited.current.subject) setSubject(renderTemplate(template.subject, values));
    if (!edited.current.text) setText(renderTemplate(template.message, values));
  }, [template, sender?.fromName]);

  /**
   * A PDF link on another host (issue 16 item 3): attached at once when Ownpost may read that host;
   * otherwise the panel offers "Allow Ownpost to read <host>", which asks only on the user's click.
   */
  async function takePdfElsewhere(raw: string) {
    // The background checks the grant (the frame may have no permissions API: Firefox) and names the
    // origin to ask for when the host is not granted.
    const result = await askBackground({ type: 'document.fetchElsewhere', url: raw });
    if (signal.aborted) return;
    if (result.ok) return setFiles((current) => [...current, { contentType: 'application/pdf', ...result.data }]);
    if (result.error.grant) return setHostGrant(result.error.grant);
    setFileProblem(result.error.hint ? `${result.error.message} ${result.error.hint}` : result.error.message);
  }

  async function addFiles(list: FileList | null | undefined) {
    for (const file of list ? [...list] : []) {
      const added = await readAddedFile(file);
      if (signal.aborted) return;
      if ('tooLarge' in added) setFileProblem(t('fileTooLarge', { name: added.tooLarge, limit: MAX_FILE_MB }));
      else setFiles((current) => [...current, added]);
    }
  }

  async function send() {
    setFieldProblem(undefined);
    const fields = [
      [refs.from.current, profileId],
      [refs.to.current, to],
      [refs.cc.current, cc],
      [refs.bcc.current, bcc],
      [refs.subject.current, subject],
      [refs.text.current, text],
    ] as const;
    if (!formMatchesDraft(fields)) {
      // Put back what the user typed, and make them look before anything is sent.
      for (const [element, value] of fields) if (element) element.value = value;
      return setPhase({ kind: 'error', problem: { message: t('pageChangedForm') } });
    }
    const toList = parseAddressField(to, true);
    if (!toList.ok) return setFieldProblem({ field: 'to', message: toList.message ? t('badAddress', { field: t('to'), problem: toList.message }) : t('toRequired') });
    const ccList = parseAddressField(cc, false);
    if (!ccList.ok) return setFieldProblem({ field: 'cc', message: t('badAddress', { field: t('cc'), problem: ccList.message ?? '' }) });
    const bccList = parseBccField(bcc);
    if (!bccList.ok) return setFieldProblem({ field: 'bcc', message: t('badAddress', { field: t('bcc'), problem: bccList.message ?? '' }) });
    if (!subject.trim()) return setFieldProblem({ field: 'subject', message: t('subjectRequired') });
    setPhase({ kind: 'sending' });
    const result = await askBackground({
      type: 'message.send',
      draft: {
        ...(profileId ? { profileId } : {}),
        to: toList.value,
        cc: ccList.value,
        bcc: bccList.value,
        subject: subject.trim(),
        text,
        ...(includeDocument && found.pdfUrl ? { documentUrl: found.pdfUrl } : {}),
        ...(includeDocument && found.pdfName ? { documentFilename: found.pdfName } : {}),
        ...(found.number ? { documentRef: found.number } : {}),
        ...(found.kind ? { documentKind: found.kind } : {}),
        attachments: files.map(({ size: _size, ...file }) => file),
        idempotencyKey: idempotencyKey.current,
      },
    });
    if (signal.aborted) return;
    if (!result.ok) return setPhase({ kind: 'error', problem: problemOf(result.error) });
    // The company's customer directory learns who this customer's documents go to (issue 16 item 4).
    rememberCustomer(found, toList.value);
    const final = await followMessage(result.data, signal, (message) => setPhase({ kind: 'queued', message }));
    if (!final) return;
    if ('code' in final) return setPhase({ kind: 'error', problem: problemOf(final) });
    if (final.status === 'sent') return setPhase({ kind: 'sent', message: final });
    if (final.status === 'failed') {
      // That message is finished; sending again after a fix is a new message, not a retry of this one.
      idempotencyKey.current = newIdempotencyKey();
      return setPhase({ kind: 'error', problem: deliveryProblem(final, t('failed')) });
    }
    setPhase({ kind: 'queued', message: final });
  }

  const busy = phase.kind === 'sending' || phase.kind === 'queued';
  const done = phase.kind === 'sent';
  const latest = history[0];
  return (
    <div
      class="panel"
      role="dialog"
      aria-label={t('title')}
      data-testid="ownpost-panel"
      onDragOver={fromUser((e: DragEvent) => e.preventDefault())}
      onDrop={fromUser((e: DragEvent) => {
        e.preventDefault();
        if (!busy && !done) void addFiles(e.dataTransfer?.files);
      })}
    >
      <header>
        <h2>{t('title')}</h2>
        <button type="button" class="close" aria-label={t('close')} onClick={fromUser(onClose)}>
          ×
        </button>
      </header>
      {latest && (
        <p class="notice" data-testid="ownpost-history">
          {t('alreadySent', { date: dateFormat.format(new Date(latest.sentAt ?? latest.createdAt)), to: latest.to.join(', ') })}
        </p>
      )}
      <form onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('from')}
          <select ref={refs.from} data-testid="ownpost-from" value={profileId} disabled={busy || done} onChange={fromUser((e: Event) => setProfileId((e.currentTarget as HTMLSelectElement).value))}>
            {profiles === undefined && <option value="">{t('loadingSenders')}</option>}
            {profiles?.length === 0 && <option value="">{t('noSenders')}</option>}
            {profiles?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.fromName ? `${p.fromName} <${p.fromAddress}>` : p.fromAddress} · {p.id === mappedId ? t('thisSite') : p.scope === 'company' ? t('company') : t('personal')}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('to')}
          <input
            ref={refs.to}
            data-testid="ownpost-to"
            type="text"
            list="ownpost-recipients"
            value={to}
            disabled={busy || done}
            aria-invalid={fieldProblem?.field === 'to'}
            onInput={fromUser((e: Event) => setTo((e.currentTarget as HTMLInputElement).value))}
          />
          <CustomerSuggestion found={found} language={host.language} current={to} disabled={busy || done} signal={signal} onUse={setTo} />
          <datalist id="ownpost-recipients">
            {found.recipients.map((address) => (
              <option key={address} value={address} />
            ))}
          </datalist>
        </label>
        <label>
          {t('cc')}
          <input
            ref={refs.cc}
            data-testid="ownpost-cc"
            type="text"
            value={cc}
            placeholder={t('addressesHint')}
            disabled={busy || done}
            aria-invalid={fieldProblem?.field === 'cc'}
            onInput={fromUser((e: Event) => setCc((e.currentTarget as HTMLInputElement).value))}
          />
        </label>
        <label>
          {t('bcc')}
          <input
            ref={refs.bcc}
            data-testid="ownpost-bcc"
            type="text"
            value={bcc}
            placeholder={t('addressesHint')}
            title={t('bccHint')}
            disabled={busy || done}
            aria-invalid={fieldProblem?.field === 'bcc'}
            onInput={fromUser((e: Event) => setBcc((e.currentTarget as HTMLInputElement).value))}
          />
        </label>
        {fieldProblem && (
          <p class="field-problem" role="alert" data-testid="ownpost-field-problem">
            {fieldProblem.message}
          </p>
        )}
        <label>
          {t('subject')}
          <input
            ref={refs.subject}
            data-testid="ownpost-subject"
            type="text"
            value={subject}
            disabled={busy || done}
            onInput={fromUser((e: Event) => {
              edited.current.subject = true;
              setSubject((e.currentTarget as HTMLInputElement).value);
            })}
          />
        </label>
        <label>
          {t('message')}
          <textarea
            ref={refs.text}
            data-testid="ownpost-message"
            // As tall as the message (a template is about ten lines), within reason: no scrolling inside a
            // box that shows five lines while the panel has room (issue 21).
            rows={Math.min(16, Math.max(6, text.split('\n').length + 1))}
            value={text}
            disabled={busy || done}
            onInput={fromUser((e: Event) => {
              edited.current.text = true;
              setText((e.currentTarget as HTMLTextAreaElement).value);
            })}
          />
        </label>
        <div class="attachments" aria-label={t('attachments')}>
          {found.pdfUrl && includeDocument && (
            <div class="attachment" data-testid="ownpost-attachment">
              <span class="file">PDF</span>
              <span class="name">
                {documentInfo === undefined
                  ? t('checkingDocument')
                  : 'error' in documentInfo
                    ? documentInfo.error
                    : `${found.pdfName ?? documentInfo.filename} · ${formatBytes(documentInfo.size, t.locale)}`}
              </span>
              {!busy && !done && (
                <button type="button" class="remove" aria-label={t('remove')} onClick={fromUser(() => setIncludeDocument(false))}>
                  ×
                </button>
              )}
            </div>
          )}
          {files.map((file, index) => (
            <div class="attachment" data-testid="ownpost-attachment" key={`${file.filename}-${index}`}>
              <span class="file">{file.filename.split('.').pop()?.slice(0, 4).toUpperCase() || 'FILE'}</span>
              <span class="name">{`${file.filename} · ${formatBytes(file.size, t.locale)}`}</span>
              {!busy && !done && (
                <button type="button" class="remove" aria-label={t('remove')} onClick={fromUser(() => setFiles((current) => current.filter((_, i) => i !== index)))}>
                  ×
                </button>
              )}
            </div>
          ))}
          {!busy && !done && (
            <label class="add-file">
              <input
                type="file"
                multiple
                data-testid="ownpost-add-file"
                onChange={fromUser((e: Event) => {
                  const input = e.currentTarget as HTMLInputElement;
                  void addFiles(input.files).then(() => (input.value = ''));
                })}
              />
              <span>{t('addFile')}</span> <span class="hint">{t('dropHint')}</span>
            </label>
          )}
          {fileProblem && <p class="field-problem">{fileProblem}</p>}
          {hostGrant && (
            <AllowHost
              key={hostGrant.url}
              language={host.language}
              grant={hostGrant}
              disabled={busy || done}
              signal={signal}
              onFile={(file) => {
                setHostGrant(undefined);
                setFiles((current) => [...current, file]);
              }}
            />
          )}
          {host.capturePdf && (
            <PageCapture
              language={host.language}
              hasPdfButton={Boolean(found.pdfButtonSelector)}
              capture={host.capturePdf}
              hasPdf={Boolean(found.pdfUrl && includeDocument) || Boolean(hostGrant) || files.some((file) => file.contentType === 'application/pdf')}
              disabled={busy || done}
              signal={signal}
              onFile={({ route: _route, ...file }) => setFiles((current) => [...current, file])}
            />
          )}
        </div>
        <div class="actions">
          {phase.kind === 'sending' && <progress data-testid="ownpost-progress" aria-label={t('sending')} />}
          <button type="button" data-testid="ownpost-submit" disabled={busy || done || !profiles?.length} onClick={fromUser(() => void send())}>
            {busy ? t('sending') : t('send')}
          </button>
        </div>
      </form>
      {phase.kind !== 'editing' && phase.kind !== 'sending' && (
        <div class={`status ${phase.kind}`} data-testid="ownpost-status" data-state={phase.kind === 'queued' ? 'queued' : phase.kind === 'sent' ? 'sent' : 'error'} role="status" aria-live="polite">
          {phase.kind === 'queued' && (phase.message.status === 'deferred' ? t('deferred') : t('queued'))}
          {phase.kind === 'sent' && t('sent', { time: timeFormat.format(new Date(phase.message.sentAt ?? Date.now())), to: phase.message.to.join(', ') })}
          {(phase.kind === 'queued' || phase.kind === 'sent') && <RouteNotes route={routeOf(phase.message, profiles)} t={t} />}
          {phase.kind === 'sent' && phase.message.problem && (
            // Sent, but not to everyone: the server refused some recipients (recipients_partly_refused).
            <p class="sent-problem" data-testid="ownpost-sent-problem" data-code={phase.message.problem.code}>
              <strong>{phase.message.problem.title}</strong> {phase.message.problem.explanation}
              {phase.message.lastReply && <code lang="en">{phase.message.lastReply}</code>}
            </p>
          )}
          {phase.kind === 'error' && (
            <>
              <strong>{phase.problem.message}</strong>
              {phase.problem.hint && <p>{phase.problem.hint}</p>}
            </>
          )}
        </div>
      )}
    </div>
  );
}

/** Where the send went, when that is not simply "the sender chosen above, in one message". */
function RouteNotes({ route, t }: { route: SendRoute; t: Translator<(typeof pageStrings)['en']> }) {
  return (
    <>
      {route.fallbackFrom !== undefined && <p data-testid="ownpost-fallback">{t('fallbackUsed', { sender: route.fallbackFrom })}</p>}
      {route.parts !== undefined && <p data-testid="ownpost-split">{t('splitInto', { count: route.parts })}</p>}
    </>
  );
}
