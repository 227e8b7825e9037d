/**
 * The SMTP front door against clients that hold connections instead of using them. One client address
 * could open as many connections as smtp-server's 200 for everybody, and an unauthenticated client
 * that trickled a byte now and then kept its connection for ever: smtp-server's timeout is for
 * inactivity, and every byte resets it. Now an address holds at most OWNPOST_SMTP_CONNECTIONS_PER_ADDRESS
 * connections (one more: `421 4.7.0`, closed), and a connection has OWNPOST_SMTP_AUTH_TIMEOUT from its
 * accept to a successful AUTH, however busy it keeps (past it: `421 4.7.0`, closed; still in its TLS
 * handshake: closed). Real sockets against the relay's own door, over STARTTLS and implicit TLS.
 */
import net from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certs } from '../helpers/certs';
import { createProfile, startDeliveryRelay } from '../helpers/delivery';
import { createAppPassword, rawSmtp, smtpDoorEnv } from '../helpers/smtp-door';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import type { TestRelay } from '../helpers/test-relay';
import { waitFor } from '../helpers/wait-for';

const CAP = 3;
const AUTH_DEADLINE_MS = 2000;

let mailbox: TestSmtpServer;
let t: TestRelay;
let port: number;
let tlsPort: number;
let plainAuth: string;
const sockets: net.Socket[] = [];

beforeAll(async () => {
  mailbox = await startSmtpServer({ users: { 'anna@firma.se': 'correct horse battery staple' } });
  t = await startDeliveryRelay(smtpDoorEnv({ OWNPOST_SMTP_CONNECTIONS_PER_ADDRESS: String(CAP), OWNPOST_SMTP_AUTH_TIMEOUT: `${AUTH_DEADLINE_MS}ms` }));
  const addresses = await t.relay.smtp!.listen();
  port = addresses.starttls!.port;
  tlsPort = addresses.tls!.port;
  const { token } = await t.addUser('anna@firma.se', 'admin');
  await createProfile(t, token, mailbox.port, { isDefault: true });
  const app = await createAppPassword(t, token, 'Held app');
  plainAuth = Buffer.from(`\0anna@firma.se\0${app.password}`).toString('base64');
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await t?.close();
  await mailbox?.close();
});

/** A raw connection: everything the door wrote, and when it closed the connection. */
interface Held {
  socket: net.Socket;
  text(): string;
  /** The first reply line (the greeting or a refusal). */
  firstLine: Promise<string>;
  closed: Promise<number>;
}

function connect(options: { implicitTls?: boolean; localAddress?: string } = {}): Held {
  const socket = options.implicitTls
    ? tls.connect({ host: '127.0.0.1', port: tlsPort, ca: [certs.ca], servername: 'localhost', ...(options.localAddress ? { localAddress: options.localAddress } : {}) })
    : net.connect({ host: '127.0.0.1', port, ...(options.localAddress ? { localAddress: options.localAddress } : {}) });
  sockets.push(socket);
  let text = '';
  socket.on('error', () => {});
  socket.on('data', (data: Buffer) => (text += data.toString('latin1')));
  const firstLine = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no reply; so far: ${text}`)), 15_000);
    const check = () => {
      if (!text.includes('\r\n')) return;
      clearTimeout(timer);
      resolve(text.slice(0, text.indexOf('\r\n')));
    };
    socket.on('data', check);
    socket.on('close', () => (text.includes('\r\n') ? check() : reject(new Error('closed without a reply'))));
  });
  const started = Date.now();
  const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now() - started)));
  return { socket, text: () => text, firstLine, closed };
}

async function closeAll(held: Held[]) {
  for (const h of held) h.socket.destroy();
  await Promise.all(held.map((h) => h.closed));
  // The door counts a connection until its own side has closed too.
  await waitFor(
    'the door to let go of the connections',
    () => t.relay.smtp!['connections']['openPerAddress'].size as number,
    (n) => n === 0,
  );
}

describe('connections per client address', () => {
  it.each([
    ['STARTTLS', false],
    ['implicit TLS', true],
  ] as const)('over %s: the cap is served, one more gets 421 4.7.0 and is closed; a closed one frees its place', async (_name, implicitTls) => {
    const held = Array.from({ length: CAP }, () => connect({ implicitTls }));
    for (const h of held) expect(await h.firstLine).toMatch(/^220 /);

    const extra = connect({ implicitTls });
    expect(await extra.firstLine).toMatch(/^421 4\.7\.0 Too many connections from your address \(at most 3 at once\)/);
    await extra.closed;
    expect(extra.text().split('\r\n').filter(Boolean)).toHaveLength(1);

    held[0]!.socket.destroy();
    await held[0]!.closed;
    const again = await waitFor(
      'a new connection to be served once one closed',
      async () => {
        const next = connect({ implicitTls });
        const line = await next.firstLine;
        held.push(next);
        return line;
      },
      (line) => line.startsWith('220 '),
    );
    expect(again).toMatch(/^220 /);
    await closeAll([...held, extra]);
  });

  it('counts each address apart: 127.0.0.1 at its cap does not keep 127.0.0.2 out', async () => {
    const held = Array.from({ length: CAP }, () => connect());
    for (const h of held) expect(await h.firstLine).toMatch(/^220 /);
    const other = connect({ localAddress: '127.0.0.2' });
    expect(await other.firstLine).toMatch(/^220 /);
    await closeAll([...held, other]);
  });

  it('counts the two listeners together: STARTTLS and implicit TLS connections share one cap', async () => {
    const held = [connect(), connect({ implicitTls: true }), connect()];
    for (const h of held) expect(await h.firstLine).toMatch(/^220 /);
    const extra = connect({ implicitTls: true });
    expect(await extra.firstLine).toMatch(/^421 4\.7\.0 /);
    await closeAll([...held, extra]);
  });
});

describe('the deadline to sign in', () => {
  it('closes a client that trickles its EHLO a byte at a time with 421 4.7.0 at the deadline, though it was never idle', async () => {
    const held = connect();
    expect(await held.firstLine).toMatch(/^220 /);
    const line = Buffer.from('EHLO trickle.example\r\nNOOP\r\nNOOP\r\nNOOP\r\n');
    let sent = 0;
    const trickle = setInterval(() => {
      if (sent < line.length && !held.socket.destroyed) held.socket.write(line.subarray(sent, ++sent));
    }, 100);
    try {
      const after = await held.closed;
      expect(held.text()).toMatch(/\r\n421 4\.7\.0 No successful AUTH within 2 seconds; closing\./);
      // The deadline counts from the accept; slack for a loaded machine, far below smtp-server's 5-minute idle limit.
      expect(after).toBeGreaterThanOrEqual(AUTH_DEADLINE_MS - 100);
      expect(after).toBeLessThan(AUTH_DEADLINE_MS + 3000);
      expect(sent).toBeLessThan(line.length);
    } finally {
      clearInterval(trickle);
    }
    expect(t.logs).toContainEqual(expect.stringMatching(/^SMTP: closed a connection from 127\.0\.0\.1 that did not sign in within 2 s$/));
  });

  it('closes a client that trickles its TLS handshake: nothing to answer in SMTP, the connection just ends', async () => {
    const socket = net.connect({ host: '127.0.0.1', port: tlsPort });
    sockets.push(socket);
    socket.on('error', () => {});
    const started = Date.now();
    const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now() - started)));
    // A handshake record header announcing 512 bytes, then its body a byte at a time.
    socket.write(Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00]));
    const trickle = setInterval(() => !socket.destroyed && socket.write(Buffer.from([0x01])), 100);
    try {
      const after = await closed;
      expect(after).toBeGreaterThanOrEqual(AUTH_DEADLINE_MS - 100);
      expect(after).toBeLessThan(AUTH_DEADLINE_MS + 3000);
    } finally {
      clearInterval(trickle);
    }
  });

  it('leaves a signed-in client alone past the deadline', async () => {
    const client = await rawSmtp(port);
    try {
      await client.command('EHLO app.example');
      await client.startTls();
      await client.command('EHLO app.example');
      expect(await client.command(`AUTH PLAIN ${plainAuth}`)).toMatch(/^235 /);
      await new Promise((resolve) => setTimeout(resolve, AUTH_DEADLINE_MS + 500));
      expect(await client.command('NOOP')).toMatch(/^250 /);
      expect(await client.command('MAIL FROM:<anna@firma.se>')).toMatch(/^250 /);
    } finally {
      client.close();
    }
  });
});
