/**
 * Servers that misbehave on purpose, for the sender-test (diagnosis) tests: a scripted SMTP server
 * that answers byte-exact replies (multi-line ones too, which smtp-server cannot send from a
 * handler), sockets that never greet or hang up, a port nothing listens on, a listener whose
 * backlog is full (connects hang as if a firewall dropped them), a TLS listener that speaks only
 * old TLS, SMTP and IMAP servers that trickle their replies for ever, and a DNS server that answers
 * what a test wants.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net, { type AddressInfo } from 'node:net';
import tls from 'node:tls';
import dns2 from 'dns2';
import { certs } from './certs';

export interface Peer {
  port: number;
  close(): Promise<void>;
}

function listen(server: net.Server, host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve((server.address() as AddressInfo).port));
  });
}

function closer(server: net.Server, sockets: Set<net.Socket>): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
}

function tracked(server: net.Server): Set<net.Socket> {
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
  });
  return sockets;
}

/** Replies written in tests with `\n` go on the wire with CRLF, as SMTP wants. */
const crlf = (text: string) => `${text.replace(/\r?\n/g, '\r\n')}\r\n`;

export interface ScriptedSmtpOptions {
  /** Implicit TLS with this certificate (port 465 style). */
  implicitTls?: { key: Buffer; cert: Buffer };
  /** The greeting; default `220 scripted.test ESMTP`. */
  greeting?: string;
  /** The EHLO reply before STARTTLS (and after it, unless `ehloAfterTls` is given). */
  ehlo?: string;
  ehloAfterTls?: string;
  /** Exact replies by command verb (AUTH, MAIL, RCPT, DATA, RSET, STARTTLS) and END for the end of DATA. */
  replies?: Partial<Record<'AUTH' | 'MAIL' | 'RCPT' | 'DATA' | 'END' | 'RSET' | 'STARTTLS', string>>;
  /** Bytes sent right after the 220 to STARTTLS, in the same write: the CVE-2011-0411 injection. */
  injectAfterStartTls?: string;
  /** Hang up (without a reply) when this command arrives. */
  hangUpOn?: 'EHLO' | 'AUTH' | 'MAIL' | 'DATA';
}

export interface ScriptedSmtpServer extends Peer {
  /** Every command line received (AUTH payloads included: test credentials only). */
  commands: string[];
}

/**
 * A raw SMTP server that says exactly what the test scripts, like nodemailer's own tests do.
 * STARTTLS upgrades with the test CA's localhost certificate.
 */
export async function startScriptedSmtpServer(options: ScriptedSmtpOptions = {}): Promise<ScriptedSmtpServer> {
  const commands: string[] = [];
  const ehloPlain = options.ehlo ?? '250-scripted.test\n250-SIZE 1000000\n250-STARTTLS\n250 AUTH PLAIN LOGIN';
  const ehloSecure = options.ehloAfterTls ?? options.ehlo ?? '250-scripted.test\n250-SIZE 1000000\n250 AUTH PLAIN LOGIN';
  const replies = options.replies ?? {};

  const converse = (socket: net.Socket, secure: boolean, greet = true) => {
    let buffer = '';
    let inData = false;
    let authContinuations = 0;
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('latin1');
      let newline: number;
      while ((newline = buffer.indexOf('\r\n')) !== -1) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            socket.write(crlf(replies.END ?? '250 2.0.0 Ok: queued as SCRIPTED1'));
          }
          continue;
        }
        commands.push(line);
        if (authContinuations > 0) {
          authContinuations -= 1;
          if (authContinuations === 0) socket.write(crlf(replies.AUTH ?? '235 2.7.0 Authentication successful'));
          else socket.write('334 UGFzc3dvcmQ6\r\n');
          continue;
        }
        const verb = line.split(' ')[0]!.toUpperCase();
        if (options.hangUpOn && verb === options.hangUpOn) {
          socket.destroy();
          return;
        }
        switch (verb) {
          case 'EHLO':
            socket.write(crlf(secure ? ehloSecure : ehloPlain));
            break;
          case 'HELO':
            socket.write('250 scripted.test\r\n');
            break;
          case 'STARTTLS': {
            if (replies.STARTTLS) {
              socket.write(crlf(replies.STARTTLS));
              break;
            }
            socket.write(`220 2.0.0 Ready to start TLS\r\n${options.injectAfterStartTls ? crlf(options.injectAfterStartTls) : ''}`);
            socket.off('data', onData);
            const secured = new tls.TLSSocket(socket, { isServer: true, key: certs.server.key, cert: certs.server.cert });
            secured.on('error', () => {});
            converse(secured, true, false);
            return;
          }
          case 'AUTH': {
            const [, mechanism, initial] = line.split(' ');
            if (replies.AUTH && !(mechanism?.toUpperCase() === 'LOGIN' && !initial)) {
              socket.write(crlf(replies.AUTH));
            } else if (mechanism?.toUpperCase() === 'LOGIN') {
              authContinuations = initial ? 1 : 2;
              socket.write(initial ? '334 UGFzc3dvcmQ6\r\n' : '334 VXNlcm5hbWU6\r\n');
            } else {
              socket.write('235 2.7.0 Authentication successful\r\n');
            }
            break;
          }
          case 'MAIL':
            socket.write(crlf(replies.MAIL ?? '250 2.1.0 Ok'));
            break;
          case 'RCPT':
            socket.write(crlf(replies.RCPT ?? '250 2.1.5 Ok'));
            break;
          case 'DATA':
            if (replies.DATA) socket.write(crlf(replies.DATA));
            else {
              inData = true;
              socket.write('354 End data with <CR><LF>.<CR><LF>\r\n');
            }
            break;
          case 'RSET':
            socket.write(crlf(replies.RSET ?? '250 2.0.0 Ok'));
            break;
          case 'QUIT':
            socket.end('221 2.0.0 Bye\r\n');
            break;
          default:
            socket.write('502 5.5.2 Error: command not recognized\r\n');
        }
      }
    };
    socket.on('data', onData);
    // After STARTTLS the client speaks first (EHLO again): no second greeting.
    if (greet) socket.write(crlf(options.greeting ?? '220 scripted.test ESMTP'));
  };

  const server = options.implicitTls
    ? tls.createServer({ key: options.implicitTls.key, cert: options.implicitTls.cert }, (socket) => converse(socket, true))
    : net.createServer((socket) => converse(socket, false));
  server.on('tlsClientError', () => {});
  const sockets = tracked(server);
  if (options.implicitTls) server.on('secureConnection', (socket: net.Socket) => socket.on('error', () => {}));
  const port = await listen(server);
  return { port, commands, close: closer(server, sockets) };
}

export interface TricklingServer extends Peer {
  /** Connections still open. */
  open: Set<net.Socket>;
}

/**
 * Answers like a mail server until `stallAt` (EHLO, or the end of DATA), then trickles `250-` lines
 * for ever: every inactivity timeout is kept from firing.
 */
export async function startTricklingSmtpServer(stallAt: 'ehlo' | 'data-end'): Promise<TricklingServer> {
  const server = net.createServer((socket) => {
    let trickle: NodeJS.Timeout | undefined;
    socket.on('close', () => clearInterval(trickle));
    const stall = () => (trickle = setInterval(() => socket.write('250-still working on it\r\n'), 200));
    let buffer = '';
    let inData = false;
    socket.write('220 stalling.test ESMTP\r\n');
    socket.on('data', (data: Buffer) => {
      buffer += data.toString('latin1');
      for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            if (stallAt === 'data-end') stall();
            else socket.write('250 2.0.0 Ok\r\n');
          }
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') {
          if (stallAt === 'ehlo') stall();
          else socket.write('250-stalling.test\r\n250 8BITMIME\r\n');
        } else if (verb === 'DATA') {
          inData = true;
          socket.write('354 Go ahead\r\n');
        } else if (verb === 'QUIT') socket.end('221 Bye\r\n');
        else socket.write('250 Ok\r\n');
      }
    });
  });
  const open = tracked(server);
  return { port: await listen(server), open, close: closer(server, open) };
}

/** An IMAP server that greets, then answers every command with `* OK still working` every 200 ms and never a tagged reply. */
export async function startTricklingImapServer(): Promise<TricklingServer> {
  const server = net.createServer((socket) => {
    let trickle: NodeJS.Timeout | undefined;
    socket.on('close', () => clearInterval(trickle));
    socket.write('* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] stalling.test ready\r\n');
    socket.on('data', () => (trickle ??= setInterval(() => socket.write('* OK still working\r\n'), 200)));
  });
  const open = tracked(server);
  return { port: await listen(server), open, close: closer(server, open) };
}

/** Accepts connections and never says a word: a client waits for a greeting that never comes. */
export async function startSilentServer(): Promise<Peer & { connections(): number }> {
  let connections = 0;
  const server = net.createServer(() => void connections++);
  const sockets = tracked(server);
  const port = await listen(server);
  return { port, close: closer(server, sockets), connections: () => connections };
}

/** Accepts, optionally writes `text`, and hangs up at once. */
export async function startHangingUpServer(text?: string): Promise<Peer> {
  const server = net.createServer((socket) => {
    if (text) socket.end(crlf(text));
    else socket.destroy();
  });
  const sockets = tracked(server);
  const port = await listen(server);
  return { port, close: closer(server, sockets) };
}

/** A TLS listener that completes handshakes with the given options and then hangs up. */
export async function startTlsListener(options: tls.TlsOptions): Promise<Peer> {
  const server = tls.createServer(options, (socket) => socket.end());
  server.on('tlsClientError', () => {});
  const sockets = tracked(server);
  const port = await listen(server);
  return { port, close: closer(server, sockets) };
}

/** A port on 127.0.0.1 that nothing listens on (connecting gets ECONNREFUSED). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A port where connecting hangs, as when a firewall drops the packets: a listening socket that
 * never accepts (Perl, which Debian always has; Node accepts every connection itself), with its
 * backlog of one filled by a connection of ours. Further SYNs are dropped by the kernel.
 */
export async function startBlackholePort(): Promise<Peer> {
  const script =
    'use Socket; socket(my $s, PF_INET, SOCK_STREAM, 0) or die; bind($s, pack_sockaddr_in(0, inet_aton("127.0.0.1"))) or die; ' +
    'listen($s, 0) or die; my ($p) = unpack_sockaddr_in(getsockname($s)); $| = 1; print "$p\\n"; <STDIN>;';
  const child: ChildProcess = spawn('perl', ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.stdout!.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
  });
  const filler = net.connect({ host: '127.0.0.1', port });
  filler.on('error', () => {});
  await new Promise<void>((resolve) => filler.once('connect', () => resolve()));
  return {
    port,
    async close() {
      filler.destroy();
      child.stdin!.end();
      child.kill();
    },
  };
}

export type DnsAnswer = { a: string[] } | 'SERVFAIL' | 'NXDOMAIN';

export interface TestDnsServer {
  /** `127.0.0.1:<port>`, as OWNPOST_DNS_SERVERS takes it. */
  address: string;
  /** Every question asked, as `<type> <name>`. */
  queries: string[];
  close(): Promise<void>;
}

/** A DNS server (dns2, UDP) answering A questions from `zone`; AAAA questions get no records. */
export async function startDnsServer(zone: Record<string, DnsAnswer>): Promise<TestDnsServer> {
  const { Packet } = dns2;
  // RFC 1035 §4.1.1 response codes (dns2 has them at run time, its types do not).
  const RCODE = { SERVFAIL: 2, NXDOMAIN: 3 };
  const queries: string[] = [];
  const server = dns2.createServer({
    udp: true,
    handle: (request, send) => {
      const response = Packet.createResponseFromRequest(request);
      const [question] = request.questions;
      if (!question) return send(response);
      const type = question.type === Packet.TYPE.AAAA ? 'AAAA' : question.type === Packet.TYPE.A ? 'A' : String(question.type);
      queries.push(`${type} ${question.name}`);
      const answer = zone[question.name.toLowerCase()];
      if (answer === 'SERVFAIL') response.header.rcode = RCODE.SERVFAIL;
      else if (answer === undefined || answer === 'NXDOMAIN') response.header.rcode = RCODE.NXDOMAIN;
      else if (type === 'A') {
        for (const address of answer.a) {
          response.answers.push({ name: question.name, type: Packet.TYPE.A, class: Packet.CLASS.IN, ttl: 60, address } as unknown as dns2.Packet.Resource);
        }
      }
      send(response);
    },
  });
  const addresses = await server.listen({ udp: { port: 0, address: '127.0.0.1' } });
  const udp = (addresses as { udp?: AddressInfo }).udp!;
  return {
    address: `127.0.0.1:${udp.port}`,
    queries,
    close: () => server.close() as Promise<void>,
  };
}
