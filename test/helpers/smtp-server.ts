import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { certs } from './certs';

export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  raw: Buffer;
  parsed: ParsedMail;
  /** The authenticated user of the session. */
  user?: string;
}

export interface TestSmtpServer {
  port: number;
  received: ReceivedMail[];
  /** Resolves once `count` messages arrived (or rejects after `timeoutMs`). */
  waitForMessages(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

export interface TestSmtpOptions {
  /** Accepted logins; empty: no AUTH. */
  users?: Record<string, string>;
  /** Implicit TLS (port-465 style); default STARTTLS offered on a plain connection. */
  secure?: boolean;
  /** Let the test answer a message: throw an Error with `responseCode` to reject it. */
  onMessage?: (mail: ReceivedMail) => void | Promise<void>;
  /** Extra smtp-server options. */
  server?: Partial<SMTPServerOptions>;
}

/**
 * A real SMTP server (the smtp-server package) on 127.0.0.1 with the test CA's certificate,
 * STARTTLS (or implicit TLS) and AUTH PLAIN/LOGIN. Every accepted message is kept, raw and parsed.
 */
export async function startSmtpServer(options: TestSmtpOptions = {}): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const waiters: (() => void)[] = [];
  const users = options.users ?? {};
  const server = new SMTPServer({
    secure: options.secure ?? false,
    key: certs.server.key,
    cert: certs.server.cert,
    authMethods: ['PLAIN', 'LOGIN'],
    authOptional: Object.keys(users).length === 0,
    disabledCommands: Object.keys(users).length === 0 ? ['AUTH'] : [],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username && users[auth.username] !== undefined && users[auth.username] === auth.password) {
        return callback(null, { user: auth.username });
      }
      const error = Object.assign(new Error('5.7.8 Username and Password not accepted'), { responseCode: 535 });
      return callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        try {
          const raw = Buffer.concat(chunks);
          const mail: ReceivedMail = {
            envelope: {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
            },
            raw,
            parsed: await simpleParser(raw),
            user: session.user as string | undefined,
          };
          await options.onMessage?.(mail);
          received.push(mail);
          waiters.splice(0).forEach((wake) => wake());
          callback(null, 'Ok: queued as TEST' + received.length);
        } catch (error) {
          callback(error as Error);
        }
      });
    },
    ...options.server,
  });
  // smtp-server reports a client's broken connection (a relay killed mid-session in the crash
  // tests) as an 'error' event; without a listener it would crash the test process.
  server.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    async waitForMessages(count, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`expected ${count} message(s) at the SMTP server, got ${received.length}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
