import { useEffect, useRef, useState } from 'preact/hooks';
import type { DocumentInfo, ExtensionError } from '../../../shared/extension-messages';
import type { MessageView, ProfileView } from '../../../shared/schemas';
import { sendRequest } from '../../lib/send-request';
import type { DetectedDocument } from '../../sites/site-adapter';

type Phase =
  | { kind: 'editing' }
  | { kind: 'sending' }
  | { kind: 'queued'; message: MessageView }
  | { kind: 'sent'; message: MessageView }
  | { kind: 'error'; error: ExtensionError | { code: string; message: string; hint?: string } };

const STATUS_POLL_MS = 1000;
const STATUS_POLL_LIMIT_MS = 10 * 60_000;

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function splitAddresses(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

interface Props {
  found: DetectedDocument;
  signal: AbortSignal;
  onClose: () => void;
}

/** The sender panel: from, to, subject, message, the document, Send, and the result. */
export function SendPanel({ found, signal, onClose }: Props) {
  const [profiles, setProfiles] = useState<ProfileView[] | undefined>();
  const [profileId, setProfileId] = useState('');
  const [to, setTo] = useState(found.recipients.join(', '));
  const [subject, setSubject] = useState(found.number ? `Invoice ${found.number}` : '');
  const [text, setText] = useState(found.number ? `Hello,\n\nplease find invoice ${found.number} attached.\n\nKind regards` : '');
  const [documentInfo, setDocumentInfo] = useState<DocumentInfo | { error: string } | undefined>();
  const [phase, setPhase] = useState<Phase>({ kind: 'editing' });
  const idempotencyKey = useRef(crypto.randomUUID());

  useEffect(() => {
    void sendRequest({ type: 'profiles.list' }).then((result) => {
      if (signal.aborted) return;
      if (!result.ok) return setPhase({ kind: 'error', error: result.error });
      setProfiles(result.data.profiles);
      const preferred = result.data.profiles.find((p) => p.isDefault && p.scope === 'personal') ?? result.data.profiles.find((p) => p.isDefault) ?? result.data.profiles[0];
      if (preferred) setProfileId(preferred.id);
    });
    if (found.pdfUrl) {
      void sendRequest({ type: 'document.inspect', url: found.pdfUrl }).then((result) => {
        if (!signal.aborted) setDocumentInfo(result.ok ? result.data : { error: result.error.message });
      });
    }
  }, []);

  async function followStatus(message: MessageView) {
    const started = Date.now();
    let current = message;
    while (!signal.aborted && (current.status === 'queued' || current.status === 'sending' || current.status === 'deferred')) {
      setPhase({ kind: 'queued', message: current });
      if (Date.now() - started > STATUS_POLL_LIMIT_MS) return;
      await new Promise((resolve) => setTimeout(resolve, STATUS_POLL_MS));
      const result = await sendRequest({ type: 'message.status', id: message.id });
      if (!result.ok) return setPhase({ kind: 'error', error: result.error });
      current = result.data;
    }
    if (signal.aborted) return;
    if (current.status === 'sent') setPhase({ kind: 'sent', message: current });
    else setPhase({ kind: 'error', error: current.problem ? { code: current.problem.code, message: current.problem.explanation, hint: current.problem.fix } : { code: 'failed', message: 'The message could not be delivered.' } });
  }

  async function onSubmit(event: Event) {
    event.preventDefault();
    // Only a real click or key press by the user may send: page scripts can dispatch synthetic events.
    if (!event.isTrusted) return;
    setPhase({ kind: 'sending' });
    const result = await sendRequest({
      type: 'message.send',
      draft: {
        ...(profileId ? { profileId } : {}),
        to: splitAddresses(to),
        cc: [],
        subject,
        text,
        ...(found.pdfUrl ? { documentUrl: found.pdfUrl } : {}),
        ...(found.pdfName ? { documentFilename: found.pdfName } : {}),
        ...(found.number ? { documentRef: found.number } : {}),
        idempotencyKey: idempotencyKey.current,
      },
    });
    if (!result.ok) return setPhase({ kind: 'error', error: result.error });
    await followStatus(result.data);
  }

  const busy = phase.kind === 'sending' || phase.kind === 'queued';
  return (
    <div class="panel" role="dialog" aria-label="Send from my mailbox" data-testid="ownpost-panel">
      <header>
        <h2>Send from my mailbox</h2>
        <button type="button" class="close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <form onSubmit={onSubmit}>
        <label>
          From
          <select data-testid="ownpost-from" value={profileId} disabled={busy} onChange={(e) => setProfileId(e.currentTarget.value)}>
            {profiles === undefined && <option value="">Loading…</option>}
            {profiles?.length === 0 && <option value="">No sender yet: add one in Ownpost’s options</option>}
            {profiles?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.fromName ? `${p.fromName} <${p.fromAddress}>` : p.fromAddress} · {p.scope === 'company' ? 'company' : 'personal'}
              </option>
            ))}
          </select>
        </label>
        <label>
          To
          <input data-testid="ownpost-to" type="text" value={to} disabled={busy} required onInput={(e) => setTo(e.currentTarget.value)} />
        </label>
        <label>
          Subject
          <input data-testid="ownpost-subject" type="text" value={subject} disabled={busy} required onInput={(e) => setSubject(e.currentTarget.value)} />
        </label>
        <label>
          Message
          <textarea rows={5} value={text} disabled={busy} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        {found.pdfUrl && (
          <div class="attachment" data-testid="ownpost-attachment">
            <span class="file">PDF</span>
            {documentInfo === undefined ? 'Checking the document…' : 'error' in documentInfo ? documentInfo.error : `${documentInfo.filename} · ${formatSize(documentInfo.size)}`}
          </div>
        )}
        <div class="actions">
          <button type="submit" data-testid="ownpost-submit" disabled={busy || !profiles?.length}>
            {busy ? 'Sending…' : 'Send'}
          </button>
        </div>
      </form>
      {phase.kind !== 'editing' && phase.kind !== 'sending' && (
        <div
          class={`status ${phase.kind}`}
          data-testid="ownpost-status"
          data-state={phase.kind === 'queued' ? 'queued' : phase.kind === 'sent' ? 'sent' : 'error'}
          role="status"
          aria-live="polite"
        >
          {phase.kind === 'queued' && (phase.message.status === 'deferred' ? 'The mail server asked to wait; Ownpost will try again.' : 'Queued, sending…')}
          {phase.kind === 'sent' && `Sent ${new Date(phase.message.sentAt ?? Date.now()).toLocaleTimeString()} to ${phase.message.to.join(', ')}.`}
          {phase.kind === 'error' && (
            <>
              <strong>{phase.error.message}</strong>
              {phase.error.hint && <p>{phase.error.hint}</p>}
            </>
          )}
        </div>
      )}
    </div>
  );
}
