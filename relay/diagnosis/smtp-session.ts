/**
 * A small SMTP client for diagnosis: one command at a time, every reply kept whole, every step
 * timed and bounded by a timeout.
 *
 * Why not nodemailer's SMTPConnection: its `connect()` does TCP, TLS, greeting, EHLO and STARTTLS
 * in one call and `send()` does MAIL, RCPT and DATA in one call, so a test could neither time nor
 * name those steps, nor try MAIL FROM for several senders in one session. Delivery still uses
 * nodemailer; this client only asks the questions a diagnosis needs.
 *
 * Errors carry the fields nodemailer's errors carry (`code`, `response`, `responseCode`, `command`,
 * `timeoutType`) so that `classifySmtpFailure` reads both alike.
 */
import net from 'node:net';
import tls from 'node:tls';
import { StringDecoder } from 'node:string_decoder';
import { tlsDetailsOf, type TlsDetails } from '../net/tls-details';

export interface SmtpReply {
  code: number;
  /** The text of each line, without the code and separator. */
  lines: string[];
  /** The reply as the server sent it, lines joined with `\n`. */
  text: string;
}

/** The address and name a session connects to (see relay/net/host-policy.ts `PinnedHost`). */
export interface SmtpEndpoint {
  address: string;
  port: number;
  /** Checked against the certificate and sent as SNI; absent for IP literals. */
  servername?: string;
}

/**
 * How TLS is secured: minimum version, ciphers and trusted CAs, from the profile's settings
 * (relay/profiles/server-options.ts `tlsOptionsFor`). The address and name come from the endpoint.
 */
export type TlsPolicy = Pick<tls.ConnectionOptions, 'minVersion' | 'ciphers' | 'ca'>;

/** A failure with the fields the classifier reads. */
export class SmtpSessionError extends Error {
  override name = 'SmtpSessionError';
  code: string;
  response?: string;
  responseCode?: number;
  command?: string;
  timeoutType?: string;
  constructor(code: string, message: string, extra: { response?: string; responseCode?: number; command?: string; timeoutType?: string } = {}) {
    super(message);
    this.code = code;
    Object.assign(this, extra);
  }
}

/** Fails a reply that is not what the command needed, with the reply attached. */
export function replyError(reply: SmtpReply, command: string): SmtpSessionError {
  return new SmtpSessionError('EPROTOCOL', `${command} failed: ${reply.text}`, { response: reply.text, responseCode: reply.code, command });
}

/** RFC 5321 §4.5.3.1.5 allows 512 octets a reply line; generous headroom, but no unbounded buffering. */
const MAX_LINE_CHARS = 8192;
const MAX_REPLY_LINES = 200;
const REPLY_LINE = /^(\d{3})(?:([ -])(.*))?$/;

/**
 * One SMTP conversation over a socket. Create it with {@link openPlainSession} or
 * {@link openImplicitTlsSession}; upgrade it with {@link SmtpSession.startTls}.
 */
export class SmtpSession {
  private socket!: net.Socket;
  private decoder = new StringDecoder('utf8');
  private partialLine = '';
  private replyLines: { code: number; text: string; raw: string }[] = [];
  private replies: SmtpReply[] = [];
  private waiter: { resolve: (reply: SmtpReply) => void; reject: (error: Error) => void } | undefined;
  private failure: Error | undefined;
  private tlsDetails: TlsDetails | undefined;

  constructor(socket: net.Socket) {
    this.attach(socket);
  }

  /** True once the conversation runs over TLS. */
  get secure(): boolean {
    return this.socket instanceof tls.TLSSocket;
  }

  get tls(): TlsDetails | undefined {
    return this.tlsDetails;
  }

  private readonly onData = (chunk: Buffer) => {
    this.partialLine += this.decoder.write(chunk);
    let newline: number;
    while ((newline = this.partialLine.indexOf('\n')) !== -1) {
      const line = this.partialLine.slice(0, newline).replace(/\r$/, '');
      this.partialLine = this.partialLine.slice(newline + 1);
      this.acceptLine(line);
      if (this.failure) return;
    }
    if (this.partialLine.length > MAX_LINE_CHARS) this.fail(new SmtpSessionError('EPROTOCOL', 'The server sent a line longer than any SMTP reply'));
  };

  private readonly onError = (error: Error) => this.fail(error);

  private readonly onClose = () => {
    this.fail(new SmtpSessionError('ECONNECTION', 'Connection closed unexpectedly'));
  };

  private attach(socket: net.Socket) {
    this.socket = socket;
    socket.on('data', this.onData);
    socket.on('error', this.onError);
    socket.on('close', this.onClose);
  }

  private detach() {
    this.socket.off('data', this.onData);
    this.socket.off('error', this.onError);
    this.socket.off('close', this.onClose);
  }

  private acceptLine(line: string) {
    const match = REPLY_LINE.exec(line);
    if (!match) {
      // Anything but "ddd text" (an IMAP "* OK", an HTTP status line, binary TLS records) is not SMTP.
      const shown = line.slice(0, 120);
      this.fail(new SmtpSessionError('EPROTOCOL', `Invalid greeting or reply, not SMTP: ${JSON.stringify(shown)}`));
      return;
    }
    this.replyLines.push({ code: Number(match[1]), text: match[3] ?? '', raw: line });
    if (this.replyLines.length > MAX_REPLY_LINES) {
      this.fail(new SmtpSessionError('EPROTOCOL', 'The server sent a reply of more lines than any SMTP reply'));
      return;
    }
    if (match[2] === '-') return;
    const lines = this.replyLines.splice(0);
    const reply: SmtpReply = { code: lines[lines.length - 1]!.code, lines: lines.map((l) => l.text), text: lines.map((l) => l.raw).join('\n') };
    if (this.waiter) {
      const { resolve } = this.waiter;
      this.waiter = undefined;
      resolve(reply);
    } else {
      this.replies.push(reply);
    }
  }

  private fail(error: Error) {
    if (this.failure) return;
    this.failure = error;
    if (this.waiter) {
      const { reject } = this.waiter;
      this.waiter = undefined;
      reject(error);
    }
    this.socket.destroy();
  }

  /**
   * The next reply. `command` names what it answers, for the error; a timeout rejects with
   * ETIMEDOUT of `timeoutType` (GREETING_TIMEOUT for the greeting, as nodemailer says).
   */
  readReply(timeoutMs: number, command: string, timeoutType = 'SOCKET_TIMEOUT'): Promise<SmtpReply> {
    const queued = this.replies.shift();
    if (queued) return Promise.resolve(queued);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<SmtpReply>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        const what = timeoutType === 'GREETING_TIMEOUT' ? 'Greeting never received' : `No reply to ${command}`;
        const error = new SmtpSessionError('ETIMEDOUT', `${what} within ${timeoutMs} ms`, { command, timeoutType });
        reject(error);
        this.socket.destroy();
      }, timeoutMs);
      this.waiter = {
        resolve: (reply) => {
          clearTimeout(timer);
          resolve(reply);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(Object.assign(error, { command: (error as SmtpSessionError).command ?? command }));
        },
      };
    });
  }

  /**
   * Sends one command line and reads its reply. `shownAs` replaces the line in errors when it
   * carries a secret (`AUTH PLAIN <credentials>` is shown as `AUTH PLAIN`).
   */
  async command(line: string, timeoutMs: number, shownAs = line): Promise<SmtpReply> {
    // Every argument was validated where it entered; this is the last guard against a CR or LF
    // that would smuggle a second command into the session.
    if (/[\r\n]/.test(line)) throw new SmtpSessionError('EPROTOCOL', `refusing to send a command with a line break: ${shownAs}`);
    if (this.failure) throw this.failure;
    this.socket.write(`${line}\r\n`);
    return this.readReply(timeoutMs, shownAs);
  }

  /** Sends a message after DATA's 354: dot-stuffed (RFC 5321 §4.5.2), ended by `.`, and reads the final reply. */
  async sendMessage(raw: Buffer, timeoutMs: number): Promise<SmtpReply> {
    if (this.failure) throw this.failure;
    let text = raw.toString('latin1').replace(/\r?\n/g, '\r\n');
    text = text.replace(/(^|\r\n)\./g, '$1..');
    if (!text.endsWith('\r\n')) text += '\r\n';
    this.socket.write(Buffer.from(`${text}.\r\n`, 'latin1'));
    return this.readReply(timeoutMs, 'DATA');
  }

  /**
   * Turns the connection into TLS after the server's 220 to STARTTLS. Anything the server sent
   * after that 220 and before the handshake is refused: it would be read as if it had come
   * encrypted (the STARTTLS command injection of CVE-2011-0411).
   */
  async startTls(endpoint: SmtpEndpoint, policy: TlsPolicy, timeoutMs: number): Promise<TlsDetails> {
    if (this.replies.length || this.replyLines.length || this.partialLine.length) {
      const error = new SmtpSessionError('starttls_injection', 'The server sent data after its STARTTLS reply and before the TLS handshake (STARTTLS injection, CVE-2011-0411)', {
        command: 'STARTTLS',
      });
      this.fail(error);
      throw error;
    }
    this.detach();
    const plain = this.socket;
    // From here the TLS socket reports the plain socket's errors; this only keeps a late one from crashing the process.
    plain.on('error', () => {});
    const secured = await this.handshake(plain, endpoint, policy, timeoutMs).catch((error: Error) => {
      // The session is over: later commands (QUIT) must not wait for a socket nobody reads.
      this.failure = error;
      throw error;
    });
    this.decoder = new StringDecoder('utf8');
    this.attach(secured);
    this.tlsDetails = tlsDetailsOf(secured);
    return this.tlsDetails;
  }

  private handshake(plain: net.Socket, endpoint: SmtpEndpoint, policy: TlsPolicy, timeoutMs: number): Promise<tls.TLSSocket> {
    return new Promise<tls.TLSSocket>((resolve, reject) => {
      const socket = tls.connect({ ...tlsOptions(endpoint, policy), socket: plain });
      let settled = false;
      const failWith = (error: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        socket.destroy();
        reject(Object.assign(error, { command: 'STARTTLS' }));
      };
      const timer = setTimeout(() => failWith(new SmtpSessionError('ETIMEDOUT', `TLS handshake not finished within ${timeoutMs} ms`, { timeoutType: 'UPGRADE_TIMEOUT' })), timeoutMs);
      socket.once('secureConnect', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        socket.removeAllListeners('error');
        socket.removeAllListeners('close');
        resolve(socket);
      });
      socket.on('error', failWith);
      // A close without an error (the server hung up mid-handshake) must not leave us waiting.
      socket.once('close', () => failWith(new SmtpSessionError('ECONNECTION', 'Connection closed during the TLS handshake')));
    });
  }

  /** Says goodbye politely, briefly, and closes whatever the server answers. */
  async quit(timeoutMs: number): Promise<void> {
    if (!this.failure) {
      try {
        await this.command('QUIT', Math.min(timeoutMs, 2000));
      } catch {
        /* the session is over either way */
      }
    }
    this.close();
  }

  close(): void {
    this.detach();
    this.socket.on('error', () => {});
    this.socket.destroy();
  }
}

function tlsOptions(endpoint: SmtpEndpoint, policy: TlsPolicy): tls.ConnectionOptions {
  return {
    ...policy,
    // Always the pinned address: the name is only for the certificate check and SNI.
    host: endpoint.address,
    port: endpoint.port,
    ...(endpoint.servername ? { servername: endpoint.servername } : {}),
    rejectUnauthorized: true,
  };
}

/** Opens a TCP connection to the pinned address (the greeting is read separately). */
export function openPlainSession(endpoint: SmtpEndpoint, timeoutMs: number): Promise<SmtpSession> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: endpoint.address, port: endpoint.port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new SmtpSessionError('ETIMEDOUT', `connect ETIMEDOUT ${endpoint.address}:${endpoint.port}`, { command: 'CONN', timeoutType: 'CONNECT_TIMEOUT' }));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(new SmtpSession(socket));
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(Object.assign(error, { command: 'CONN' }));
    });
  });
}

/** Where an implicit-TLS connection failed: the TCP connection, or the TLS handshake on top of it. */
export class ImplicitTlsError extends Error {
  override name = 'ImplicitTlsError';
  constructor(
    readonly phase: 'connect' | 'tls',
    readonly failure: Error,
    /** How long the TCP connection took, when it was made. */
    readonly tcpMs?: number,
  ) {
    super(failure.message);
  }
}

/**
 * Opens an implicit-TLS connection (port 465 style), reporting when TCP was up and when TLS was.
 * TLS wraps the socket from its first byte, so a plain server's greeting reaches OpenSSL and fails
 * as "wrong version number", as it does for every client.
 */
export function openImplicitTlsSession(endpoint: SmtpEndpoint, policy: TlsPolicy, timeoutMs: number): Promise<{ session: SmtpSession; tcpMs: number; tlsMs: number; tls: TlsDetails }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let tcpMs: number | undefined;
    let settled = false;
    const socket = tls.connect(tlsOptions(endpoint, policy));
    const failWith = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      reject(new ImplicitTlsError(tcpMs === undefined ? 'connect' : 'tls', error, tcpMs));
    };
    const timeout = () =>
      tcpMs === undefined
        ? new SmtpSessionError('ETIMEDOUT', `connect ETIMEDOUT ${endpoint.address}:${endpoint.port}`, { command: 'CONN', timeoutType: 'CONNECT_TIMEOUT' })
        : new SmtpSessionError('ETIMEDOUT', `TLS handshake not finished within ${timeoutMs} ms`, { command: 'CONN', timeoutType: 'UPGRADE_TIMEOUT' });
    let timer = setTimeout(() => failWith(timeout()), timeoutMs);
    socket.once('connect', () => {
      tcpMs = performance.now() - started;
      clearTimeout(timer);
      timer = setTimeout(() => failWith(timeout()), timeoutMs);
    });
    socket.once('secureConnect', () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.removeAllListeners('error');
      socket.removeAllListeners('close');
      const session = new SmtpSession(socket);
      const tlsMs = performance.now() - started - (tcpMs ?? 0);
      resolve({ session, tcpMs: tcpMs ?? 0, tlsMs, tls: tlsDetailsOf(socket) });
    });
    socket.on('error', (error) => failWith(Object.assign(error, { command: 'CONN' })));
    socket.once('close', () => failWith(new SmtpSessionError('ECONNECTION', 'Connection closed during the TLS handshake', { command: 'CONN' })));
  });
}
