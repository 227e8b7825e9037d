/**
 * Secrets never leave the relay in clear, even when a mail server echoes them: a server answering
 * `535 5.7.8 Authentication failed for <the AUTH PLAIN token>`, or quoting the password of AUTH
 * LOGIN, put it into the sender test's answer, the message's attempts (the database file, and the
 * answer every member who sends with a company sender reads) and the log. Against a raw TCP server.
 */
import net from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProfile, startDeliveryRelay, waitForMessage } from '../helpers/delivery';
import type { TestRelay } from '../helpers/test-relay';

const PASSWORD = 'Hemligt-Lösen-4711';
const USERNAME = 'anna@firma.se';
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const FORMS = [PASSWORD, b64(PASSWORD), b64(`\u0000${USERNAME}\u0000${PASSWORD}`)];

/** Refuses every sign-in, quoting what it was sent: the PLAIN token, and the LOGIN password decoded and as sent. */
async function startEchoingServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.write('220 echo.test ESMTP\r\n');
    let buffer = '';
    let loginStep = 0;
    socket.on('data', (data: Buffer) => {
      buffer += data.toString('latin1');
      for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (loginStep === 1) {
          loginStep = 2;
          socket.write('334 UGFzc3dvcmQ6\r\n');
        } else if (loginStep === 2) {
          loginStep = 0;
          socket.write(`535 5.7.8 Wrong password ${Buffer.from(line, 'base64').toString('latin1')} (${line})\r\n`);
        } else if (/^EHLO/i.test(line)) socket.write('250-echo.test\r\n250 AUTH PLAIN LOGIN\r\n');
        else if (/^AUTH PLAIN /i.test(line)) socket.write(`535 5.7.8 Authentication failed for ${line.slice(11)}\r\n`);
        else if (/^AUTH LOGIN/i.test(line)) {
          loginStep = 1;
          socket.write('334 VXNlcm5hbWU6\r\n');
        } else if (/^QUIT/i.test(line)) socket.end('221 Bye\r\n');
        else socket.write('250 Ok\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

let t: TestRelay;
let token: string;
let echo: { port: number; close(): Promise<void> };
beforeAll(async () => {
  echo = await startEchoingServer();
  t = await startDeliveryRelay({ OWNPOST_AUTH_ATTEMPTS: '1' });
  ({ token } = await t.addUser(USERNAME, 'admin'));
});
afterAll(async () => {
  await t?.close();
  await echo?.close();
});

function expectNoSecret(where: string, text: string) {
  for (const form of FORMS) expect(text.includes(form), `${where} holds ${form}`).toBe(false);
}

const smtp = () => ({ host: '127.0.0.1', port: echo.port, security: 'none', allowPlaintextAuth: true });

describe('a server that echoes the credentials', () => {
  it('does not get them into the sender test answer (AUTH PLAIN)', async () => {
    const res = await t.request('POST', '/v1/diagnose', { token, body: { fromAddress: USERNAME, smtp: smtp(), auth: { type: 'password', username: USERNAME, password: PASSWORD } } });
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(false);
    expect(JSON.stringify(res.body)).toContain('Authentication failed for [secret removed]');
    expectNoSecret('the sender test', JSON.stringify(res.body));
  });

  it('does not get them into the attempts, the database file or the log (delivery)', async () => {
    const profileId = await createProfile(t, token, echo.port, { smtp: smtp(), auth: { type: 'password', username: USERNAME, password: PASSWORD } });
    const sent = await t.request('POST', '/v1/messages', { token, body: { profileId, to: ['kund@exempel.se'], subject: 'Faktura 4711', text: 'Hej' } });
    expect(sent.status, JSON.stringify(sent.body)).toBe(202);
    const done = await waitForMessage(t, token, sent.body.id, (m) => m.status === 'failed');
    expect(done.attempts[0].reply).toMatch(/^535 5\.7\.8 .*\[secret removed\]/);
    expectNoSecret('the message', JSON.stringify(done));
    expectNoSecret('the log', t.logs.join('\n'));
    await t.relay.close();
    for (const file of readdirSync(t.dataDir).filter((name) => name.startsWith('ownpost.db'))) {
      expectNoSecret(file, readFileSync(path.join(t.dataDir, file)).toString('latin1'));
      expectNoSecret(file, readFileSync(path.join(t.dataDir, file)).toString('utf8'));
    }
  });
});
