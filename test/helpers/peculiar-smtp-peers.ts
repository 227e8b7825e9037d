/**
 * A mail server with the habits of real ones that the other test servers do not have, for
 * test/relay/peculiar-servers.test.ts: greetings that are slow, several lines long or a `421`
 * for the first connections; EHLO replies with odd spacing, without 8BITMIME or SMTPUTF8, or
 * refused (`502`, so that HELO is needed); AUTH mechanisms of its choosing (PLAIN, LOGIN,
 * CRAM-MD5, each checked against the password); STARTTLS whose handshake fails; per-recipient
 * replies; and a connection that closes after the end of DATA without a reply.
 *
 * Written on raw sockets (as nodemailer's own tests are) because smtp-server cannot send a
 * multi-line greeting, refuse EHLO, or keep quiet after the data. It keeps every transaction it
 * saw, byte for byte, with what it answered, so a test can tell delivered, refused, duplicated
 * and lost messages apart.
 */
import { createHmac } from 'node:crypto';
import net, { type AddressInfo } from 'node:net';
import tls from 'node:tls';
import { certs } from './certs';

export type AuthMechanism = 'PLAIN' | 'LOGIN' | 'CRAM-MD5';

export interface PeculiarSmtpOptions {
  /** The greeting for connection number n (from 1), lines joined with `\n`; default `220 peculiar.test ESMTP`. */
  greeting?: (connection: number) => string;
  /** Wait before greeting, in ms. */
  greetingDelayMs?: number;
  /** The EHLO reply (lines joined with `\n`); `null`: `502` to EHLO, so the client must say HELO. */
  ehlo?: string | null;
  /** The EHLO reply after STARTTLS; default `ehlo`. */
  ehloAfterTls?: string;
  /** `broken`: answers `220` to STARTTLS and hangs up before the handshake (a TLS front end that crashed). */
  startTls?: 'ok' | 'broken';
  /** The certificate STARTTLS presents; default the test CA's one for localhost and 127.0.0.1. */
  cert?: { key: Buffer; cert: Buffer };
  /** The mechanisms AUTH takes (whatever EHLO says), checked against `password` for any username. */
  auth?: { mechanisms: AuthMechanism[]; password: string };
  /** Refuses MAIL FROM before a successful AUTH (`530 5.7.0 Authentication required`), as a submission server does. */
  requireAuth?: boolean;
  /** Refuses MAIL FROM with `SIZE=` above this (RFC 1870 §6.1), `552 5.3.4`. */
  maxSize?: number;
  /** The reply to RCPT TO for an address; default `250 2.1.5 Ok`. `transaction` counts the MAIL FROMs so far, from 1. */
  rcpt?: (address: string, transaction: number) => string;
  /** What happens after the end of the data of transaction n (from 1); default `250 2.0.0 Ok: queued as PnN`. */
  afterData?: (transaction: number) => 'close' | string;
}

export interface PeculiarTransaction {
  mailFrom: string;
  /** MAIL FROM's parameters as sent (`SIZE=…`, `BODY=8BITMIME`, `SMTPUTF8`). */
  mailParameters: string[];
  /** Recipients the server accepted. */
  accepted: string[];
  /** Recipients it refused, with its reply. */
  refused: { address: string; reply: string }[];
  /** The message as it arrived (dot-stuffing undone, without the final dot). */
  data?: Buffer;
  /** The server's reply to the end of the data; absent when it closed without one. */
  reply?: string;
  /** The user signed in on that connection. */
  user?: string;
  /** Whether the connection was encrypted. */
  secure: boolean;
}

export interface PeculiarSmtpServer {
  port: number;
  /** Every command line received, AUTH lines included (test passwords only). */
  commands: string[];
  transactions: PeculiarTransaction[];
  /** The transactions that ended in a 250 to their data. */
  delivered(): PeculiarTransaction[];
  connections(): number;
  close(): Promise<void>;
}

/** Replies written with `\n` go on the wire with CRLF. */
const crlf = (text: string) => `${text.replace(/\r?\n/g, '\r\n')}\r\n`;
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const unb64 = (text: string) => Buffer.from(text, 'base64').toString('utf8');
const pathOf = (argument: string) => /<([^>]*)>/.exec(argument)?.[1] ?? argument.trim();

export async function startPeculiarSmtpServer(options: PeculiarSmtpOptions = {}): Promise<PeculiarSmtpServer> {
  const commands: string[] = [];
  const transactions: PeculiarTransaction[] = [];
  const sockets = new Set<net.Socket>();
  let connections = 0;
  let mailCommands = 0;
  const ehloPlain = options.ehlo === undefined ? '250-peculiar.test\n250-SIZE 10000000\n250-8BITMIME\n250-STARTTLS\n250 AUTH PLAIN LOGIN' : options.ehlo;
  const ehloSecure = options.ehloAfterTls ?? ehloPlain;

  const converse = (socket: net.Socket, secure: boolean, connection: number, signedIn?: string) => {
    let buffer = Buffer.alloc(0);
    let current: PeculiarTransaction | undefined;
    let inData = false;
    let user = signedIn;
    /** A multi-step AUTH waiting for the client's next line. */
    let pendingAuth: ((line: string) => void) | undefined;
    /** After STARTTLS the TLS socket converses; this one reads no more. */
    let handedOver = false;

    const refuseAuth = () => socket.write('535 5.7.8 Authentication credentials invalid\r\n');
    const signIn = (username: string, ok: boolean) => {
      if (!ok) return refuseAuth();
      user = username;
      socket.write('235 2.7.0 Authentication successful\r\n');
    };

    const onCommand = (line: string) => {
      commands.push(line);
      if (pendingAuth) {
        const next = pendingAuth;
        pendingAuth = undefined;
        return next(line);
      }
      const [verbRaw = '', ...rest] = line.split(' ');
      const verb = verbRaw.toUpperCase();
      const argument = rest.join(' ');
      switch (verb) {
        case 'EHLO':
          if (ehloPlain === null) return socket.write('502 5.5.2 Error: command not recognized\r\n');
          return socket.write(crlf(secure ? ehloSecure! : ehloPlain));
        case 'HELO':
          return socket.write('250 peculiar.test\r\n');
        case 'STARTTLS': {
          if (secure) return socket.write('503 5.5.1 Already in TLS\r\n');
          if (options.startTls === 'broken') {
            socket.end('220 2.0.0 Ready to start TLS\r\n');
            return;
          }
          socket.write('220 2.0.0 Ready to start TLS\r\n');
          socket.off('data', onData);
          handedOver = true;
          const cert = options.cert ?? certs.server;
          const secured = new tls.TLSSocket(socket, { isServer: true, key: cert.key, cert: cert.cert });
          secured.on('error', () => {});
          converse(secured, true, connection);
          return;
        }
        case 'AUTH': {
          const [mechanismRaw = '', initial] = argument.split(' ');
          const mechanism = mechanismRaw.toUpperCase() as AuthMechanism;
          const auth = options.auth;
          if (!auth || !auth.mechanisms.includes(mechanism)) return socket.write('504 5.5.4 Unrecognized authentication type\r\n');
          if (mechanism === 'PLAIN') {
            const check = (response: string) => {
              const [, username = '', password = ''] = unb64(response).split('\u0000');
              signIn(username, password === auth.password);
            };
            if (initial) return check(initial);
            pendingAuth = check;
            return socket.write('334 \r\n');
          }
          if (mechanism === 'LOGIN') {
            const askPassword = (username: string) => {
              pendingAuth = (password) => signIn(username, unb64(password) === auth.password);
              socket.write(`334 ${b64('Password:')}\r\n`);
            };
            if (initial) return askPassword(unb64(initial));
            pendingAuth = (username) => askPassword(unb64(username));
            return socket.write(`334 ${b64('Username:')}\r\n`);
          }
          // CRAM-MD5 (RFC 2195): the client answers the challenge with its name and HMAC-MD5(password, challenge).
          const challenge = `<${process.pid}.${Date.now()}@peculiar.test>`;
          pendingAuth = (response) => {
            const [username = '', digest = ''] = unb64(response).split(' ');
            signIn(username, digest === createHmac('md5', auth.password).update(challenge).digest('hex'));
          };
          return socket.write(`334 ${b64(challenge)}\r\n`);
        }
        case 'MAIL': {
          if (options.requireAuth && !user) return socket.write('530 5.7.0 Authentication required\r\n');
          const [path, ...parameters] = argument.replace(/^FROM:\s*/i, '').split(' ');
          const size = parameters.map((p) => /^SIZE=(\d+)$/i.exec(p)).find(Boolean);
          if (options.maxSize && size && Number(size[1]) > options.maxSize) {
            return socket.write(`552 5.3.4 Message size exceeds fixed limit of ${options.maxSize} bytes\r\n`);
          }
          mailCommands++;
          current = { mailFrom: pathOf(path ?? ''), mailParameters: parameters.filter(Boolean), accepted: [], refused: [], secure, ...(user ? { user } : {}) };
          return socket.write('250 2.1.0 Ok\r\n');
        }
        case 'RCPT': {
          if (!current) return socket.write('503 5.5.1 Error: need MAIL command\r\n');
          const address = pathOf(argument.replace(/^TO:\s*/i, ''));
          const reply = options.rcpt?.(address, mailCommands) ?? '250 2.1.5 Ok';
          if (reply.startsWith('2')) current.accepted.push(address);
          else current.refused.push({ address, reply });
          return socket.write(crlf(reply));
        }
        case 'DATA':
          if (!current?.accepted.length) return socket.write('554 5.5.1 Error: no valid recipients\r\n');
          inData = true;
          transactions.push(current);
          return socket.write('354 End data with <CR><LF>.<CR><LF>\r\n');
        case 'RSET':
          current = undefined;
          return socket.write('250 2.0.0 Ok\r\n');
        case 'NOOP':
          return socket.write('250 2.0.0 Ok\r\n');
        case 'QUIT':
          return socket.end('221 2.0.0 Bye\r\n');
        default:
          return socket.write('502 5.5.2 Error: command not recognized\r\n');
      }
    };

    const onData = (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (inData) {
          // The data ends at CRLF.CRLF; it may begin with ".\r\n" only for an empty message.
          const end = buffer.indexOf('\r\n.\r\n');
          if (end === -1) return;
          const body = buffer.subarray(0, end + 2);
          buffer = buffer.subarray(end + 5);
          inData = false;
          const transaction = current!;
          current = undefined;
          transaction.data = Buffer.from(body.toString('latin1').replace(/(^|\r\n)\.\./g, '$1.'), 'latin1');
          const answer = options.afterData?.(transactions.length) ?? `250 2.0.0 Ok: queued as P${connection}N${transactions.length}`;
          if (answer === 'close') {
            socket.destroy();
            return;
          }
          transaction.reply = answer;
          socket.write(crlf(answer));
          continue;
        }
        const newline = buffer.indexOf('\r\n');
        if (newline === -1) return;
        const line = buffer.subarray(0, newline).toString('utf8');
        buffer = buffer.subarray(newline + 2);
        onCommand(line);
        // STARTTLS handed the socket to TLS: what follows is the TLS socket's.
        if (handedOver || socket.destroyed) return;
      }
    };
    socket.on('data', onData);
  };

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    const connection = ++connections;
    const greeting = options.greeting?.(connection) ?? '220 peculiar.test ESMTP';
    const greet = () => {
      if (socket.destroyed) return;
      if (/^4|^5/.test(greeting)) {
        // RFC 5321 §3.1: a server that cannot serve says 421 (or 554) and closes.
        socket.end(crlf(greeting));
        return;
      }
      socket.write(crlf(greeting));
      converse(socket, false, connection);
    };
    if (options.greetingDelayMs) setTimeout(greet, options.greetingDelayMs);
    else greet();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    commands,
    transactions,
    delivered: () => transactions.filter((t) => t.reply?.startsWith('250')),
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
