/**
 * The SMTP front door in a real relay process (issue 19): set up with the CLI as an admin would
 * (`ownpost app-password` prints the password alone on its last line), killed with SIGKILL between
 * the 250 and delivery, and its certificate replaced while it runs.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { certs } from '../helpers/certs';
import { startDeliveryRelay } from '../helpers/delivery';
import { OWNPOST_BIN, startRelayProcess, type RelayProcess } from '../helpers/relay-process';
import { appTransport, SERVER_CERT_FILE, SERVER_KEY_FILE, smtpDoorEnv } from '../helpers/smtp-door';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import { testProfile } from '../helpers/test-relay';
import { waitFor } from '../helpers/wait-for';

const run = promisify(execFile);
const MESSAGES = 10;
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** The STARTTLS port the process logged once its door listened. */
async function doorPort(relay: RelayProcess): Promise<number> {
  const listening = /SMTP submission listening on 127\.0\.0\.1:(\d+) \(STARTTLS\)/;
  const log = await waitFor(
    'the SMTP listener in the log',
    () => relay.log(),
    (text) => listening.test(text),
    { timeoutMs: 20_000, intervalMs: 50 },
  );
  return Number(listening.exec(log)![1]);
}

describe('a relay process that dies after its 250', () => {
  it('loses nothing: every message answered 250 is delivered after a restart (kill -9)', async () => {
    // The mailbox says "try later" until the relay has been killed: nothing can be delivered before.
    let accepting = false;
    const mailbox: TestSmtpServer = await startSmtpServer({
      users: { 'anna@firma.se': 'correct horse battery staple' },
      onMessage: () => {
        if (!accepting) throw Object.assign(new Error('4.3.2 Try again later'), { responseCode: 451 });
      },
    });
    cleanups.push(() => mailbox.close());
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ownpost-smtp-crash-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const env = {
      OWNPOST_DATA_DIR: dataDir,
      OWNPOST_RETRY_DELAYS: '300ms,300ms,500ms,500ms,1s,1s,1s,1s,1s,1s,1s,1s',
      OWNPOST_LEASE: '2s',
      OWNPOST_POLL: '100ms',
      OWNPOST_TRANSPORT_IDLE: '200ms',
      ...smtpDoorEnv({ OWNPOST_SMTPS_PORT: '' }),
    };
    const options = { env: { ...process.env, ...env } };
    await run(process.execPath, [OWNPOST_BIN, 'user', 'add', 'anna@firma.se'], options);
    const { stdout: tokenOut } = await run(process.execPath, [OWNPOST_BIN, 'token', 'anna@firma.se'], options);
    const token = tokenOut.trim().split('\n').at(-1)!;
    const { stdout: passwordOut } = await run(process.execPath, [OWNPOST_BIN, 'app-password', 'anna@firma.se', '--name', 'Planfix'], options);
    const password = passwordOut.trim().split('\n').at(-1)!;
    expect(password).toMatch(/^[0-9a-z]{4}(-[0-9a-z]{4}){4}$/);

    const first = await startRelayProcess(env);
    cleanups.push(() => void first.kill('SIGKILL'));
    const created = await fetch(`${first.url}/v1/profiles`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(testProfile(mailbox.port)),
    });
    expect(created.status).toBe(201);

    const transport = appTransport(await doorPort(first), 'starttls', { user: 'anna@firma.se', pass: password });
    const subjects: string[] = [];
    for (let i = 0; i < MESSAGES; i++) {
      const subject = `Faktura ${1000 + i}`;
      const info = await transport.sendMail({ from: 'anna@firma.se', to: 'kund@exempel.se', subject, text: 'x' });
      expect(info.response).toMatch(/^250 /);
      subjects.push(subject);
    }
    transport.close();
    expect(await first.kill('SIGKILL')).toBe('SIGKILL');
    expect(mailbox.received).toHaveLength(0);

    accepting = true;
    const second = await startRelayProcess(env);
    cleanups.push(() => void second.kill('SIGKILL'));
    await mailbox.waitForMessages(MESSAGES, 60_000);
    expect([...new Set(mailbox.received.map((m) => m.parsed.subject))].sort()).toEqual(subjects.sort());
    await second.kill('SIGTERM');
  }, 180_000);
});

describe("the door's certificate", () => {
  it('is reloaded when its files change, without a restart', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ownpost-smtp-cert-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const certFile = path.join(dir, 'cert.pem');
    const keyFile = path.join(dir, 'key.pem');
    // Starts with a certificate for another name: a client checking 127.0.0.1 refuses it.
    writeFileSync(certFile, certs.wrongName.cert);
    writeFileSync(keyFile, certs.wrongName.key);
    const t = await startDeliveryRelay(smtpDoorEnv({ OWNPOST_SMTP_PORT: '', OWNPOST_SMTP_TLS_CERT: certFile, OWNPOST_SMTP_TLS_KEY: keyFile, OWNPOST_SMTP_TLS_CHECK: '100ms' }));
    cleanups.push(() => t.close());
    const port = (await t.relay.smtp!.listen()).tls!.port;
    const handshake = () =>
      new Promise<string>((resolve) => {
        const socket = tls.connect({ host: '127.0.0.1', port, ca: [certs.ca] }, () => {
          resolve('ok');
          socket.destroy();
        });
        socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      });
    expect(await handshake()).toBe('ERR_TLS_CERT_ALTNAME_INVALID');

    // Renewed the way ACME clients do it: the key and the certificate replaced in place.
    copyFileSync(SERVER_KEY_FILE, keyFile);
    copyFileSync(SERVER_CERT_FILE, certFile);
    const deadline = Date.now() + 20_000;
    let outcome = await handshake();
    while (outcome !== 'ok' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100)); // a poll's interval: the wait is for the renewed certificate
      outcome = await handshake();
    }
    expect(outcome).toBe('ok');
    expect(t.logs.join('\n')).toContain('TLS certificate reloaded');
  });
});
