/**
 * The copy of a sent message in the mailbox's Sent folder, over IMAP (APPEND), for mailboxes whose
 * server does not file one by itself. It appends the exact bytes that were sent, and first looks
 * for the Message-ID in the folder, so that a relay that stopped between APPEND and recording it
 * does not file the message twice.
 */
import { rootCertificates } from 'node:tls';
import { ImapFlow } from 'imapflow';
import type { SmtpSecurity } from '../../shared/schemas';
import { pinOutbound, type OutboundDestination, type OutboundPolicy } from '../net/outbound';
import { toCrlf } from '../mime/crlf';
import { redactSecrets, secretForms } from '../secrets/redact-secrets';

export interface SentCopyOptions {
  /** Extra trusted CAs (PEM) beside Node's roots. */
  extraCa: string[];
  /** Connection, greeting and inactivity limit. @default 60_000 */
  timeoutMs?: number;
  /** Where the relay may connect (relay/net/outbound.ts): the IMAP host is checked like an SMTP one. */
  outbound: OutboundPolicy;
}

export interface SentCopyResult {
  folder: string;
  /** The message was already in the folder (an earlier attempt appended it). */
  alreadyThere: boolean;
}

/** An IMAP failure worth showing to the user, and whether trying again can help. */
export class SentCopyError extends Error {
  override name = 'SentCopyError';
  constructor(
    message: string,
    /** A refused sign-in is not retried: repeated failures can lock the mailbox. */
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/** IMAP credentials and folder, ready to connect (relay/delivery/delivery-settings.ts opens them). Never serialised. */
export interface OpenedSaveToSent {
  host: string;
  port: number;
  security: SmtpSecurity;
  username: string;
  password?: string;
  folder?: string;
}

/** The folder to use: the one configured, else the one the server marks `\Sent` (RFC 6154), else "Sent". */
export async function findSentFolder(client: ImapFlow, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  const folders = await client.list();
  return folders.find((f) => f.specialUse === '\\Sent')?.path ?? folders.find((f) => /^sent$/i.test(f.name))?.path ?? 'Sent';
}

/** `describe`, without the password a careless server echoed (relay/secrets/redact-secrets.ts). */
function describeWithout(settings: OpenedSaveToSent, error: unknown): string {
  return redactSecrets(describe(error), secretForms({ username: settings.username, password: settings.password }));
}

function describe(error: unknown): string {
  const e = (error ?? {}) as { responseText?: unknown; message?: unknown; code?: unknown };
  const text = typeof e.responseText === 'string' && e.responseText ? e.responseText : typeof e.message === 'string' ? e.message : String(error);
  return typeof e.code === 'string' && !text.includes(e.code) ? `${text} (${e.code})` : text;
}

export async function appendToSentFolder(settings: OpenedSaveToSent, message: { raw: Buffer; messageId: string; sentAt: Date }, options: SentCopyOptions): Promise<SentCopyResult> {
  // Refused (private host, port) before any connection; a refusal is final, not retried.
  let destination;
  try {
    destination = await pinOutbound(options.outbound, { host: settings.host, port: settings.port, service: 'imap' });
  } catch (error) {
    const refused = (error as { code?: unknown }).code === 'destination_not_allowed';
    throw new SentCopyError(`IMAP ${settings.host}:${settings.port}: ${describeWithout(settings, error)}`, !refused);
  }
  const client = imapClient(settings, destination, options);
  // Errors after connect (a dropped socket) are also reported through the pending command.
  client.on('error', () => {});
  // Three inactivity limits and a second per 10 KB, as for a delivery attempt (relay/delivery/transport-pool.ts).
  const deadline = imapDeadline(client, 3 * (options.timeoutMs ?? 60_000) + Math.ceil(message.raw.length / 10_000) * 1000);
  try {
    await client.connect();
  } catch (error) {
    deadline.clear();
    const authFailed = (error as { authenticationFailed?: unknown }).authenticationFailed === true;
    throw new SentCopyError(`IMAP ${settings.host}:${settings.port}: ${describeWithout(settings, deadline.failure(error))}`, !authFailed);
  }
  try {
    const folder = await findSentFolder(client, settings.folder);
    const lock = await client.getMailboxLock(folder);
    try {
      const found = await client.search({ header: { 'message-id': message.messageId } }, { uid: true });
      if (Array.isArray(found) && found.length > 0) return { folder, alreadyThere: true };
    } finally {
      lock.release();
    }
    // The bytes that were sent, with the line endings they had on the wire (relay/delivery/crlf.ts).
    const appended = await client.append(folder, toCrlf(message.raw), ['\\Seen'], message.sentAt);
    if (!appended) throw new Error(`the server did not accept the message into ${folder}`);
    return { folder, alreadyThere: false };
  } catch (error) {
    throw new SentCopyError(`IMAP ${settings.host}:${settings.port}: ${describeWithout(settings, deadline.failure(error))}`, true);
  } finally {
    await client.logout().catch(() => client.close());
    deadline.clear();
  }
}

/**
 * An IMAP client for a checked destination: the Sent copy and the Sent-folder test connect the same
 * way, so what the test passed is what delivery does.
 */
export function imapClient(settings: OpenedSaveToSent, destination: OutboundDestination, options: Pick<SentCopyOptions, 'extraCa' | 'timeoutMs'>): ImapFlow {
  const timeout = options.timeoutMs ?? 60_000;
  return new ImapFlow({
    // The checked address, not the name again; TLS verifies the name.
    host: destination.address,
    ...(destination.servername ? { servername: destination.servername } : {}),
    port: settings.port,
    secure: settings.security === 'tls',
    // `starttls` is required TLS, as for SMTP: never log in over plain text when it is missing.
    doSTARTTLS: settings.security === 'starttls' ? true : settings.security === 'none' ? false : undefined,
    auth: { user: settings.username, ...(settings.password !== undefined ? { pass: settings.password } : {}) },
    tls: {
      ...(destination.servername ? { servername: destination.servername } : {}),
      minVersion: 'TLSv1.2',
      ...(options.extraCa.length ? { ca: [...rootCertificates, ...options.extraCa] } : {}),
    },
    connectionTimeout: Math.min(30_000, timeout),
    greetingTimeout: Math.min(15_000, timeout),
    socketTimeout: timeout,
    disableAutoIdle: true,
    logger: false,
  });
}

/**
 * Closes `client` once `ms` have passed, however busy it is: a server that trickles untagged lines
 * (`* OK still working` every second, never the tagged reply) keeps imapflow's inactivity timeout
 * from firing, so a Sent copy waited for ever and a Sent-folder test left its HTTP request hanging.
 * Whatever the client was doing then fails; `failure(error)` says it was the deadline.
 */
export function imapDeadline(client: ImapFlow, ms: number): { failure(error: unknown): unknown; clear(): void } {
  let fired = false;
  const timer = setTimeout(() => {
    fired = true;
    client.close();
  }, ms);
  return {
    failure: (error) => (fired ? Object.assign(new Error(`the server did not finish answering within ${Math.round(ms / 1000)} s (ETIMEDOUT)`), { code: 'ETIMEDOUT' }) : error),
    clear: () => clearTimeout(timer),
  };
}
