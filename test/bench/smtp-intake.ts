/**
 * SMTP intake against the HTTP API (issue 19): how fast the SMTP front door takes invoices into the
 * outbox compared with POST /v1/messages, on one relay, for the same invoice (text and a 30 kB PDF).
 * Only the accept path is measured (the worker is not running): validation, the sender rules and
 * the durable commit; the door answers 250 only after the commit, as the API answers 202.
 *
 * HTTP: CONCURRENCY requests at a time, each with its bearer token. SMTP: as many connections as
 * concurrent requests (nodemailer's pool, over STARTTLS, each signed in once with an app password,
 * the way an invoicing app sends a batch), one message at a time on each. Latency is from the
 * request (or MAIL FROM) to the 202 (or 250). The client's own work (JSON, or composing MIME) runs
 * in this process too. Runs alone with `node --import tsx test/bench/smtp-intake.ts`, and in
 * `npm run bench` (BENCH_ONLY=smtp for this part only).
 */
import { serve } from '@hono/node-server';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import nodemailer from 'nodemailer';
import { createAppPassword } from '../../relay/auth/app-passwords';
import { hashSecretToken, newBearerToken } from '../../relay/auth/tokens';
import { loadConfig } from '../../relay/config';
import { createRelay } from '../../relay/relay';

export interface IntakeResult {
  messages: number;
  http: { perSecond: number; p50: number; p99: number };
  smtp: { perSecond: number; p50: number; p99: number };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function summary(latencies: number[], seconds: number) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { perSecond: latencies.length / seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

export async function measureSmtpIntake(messages: number, concurrency: number): Promise<IntakeResult> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ownpost-bench-smtp-'));
  const certs = path.resolve('test/fixtures/certs');
  const config = loadConfig(
    {
      OWNPOST_DATA_DIR: dataDir,
      OWNPOST_ALLOW_PRIVATE_HOSTS: '1',
      OWNPOST_ALLOWED_PORTS: '1024-65535',
      OWNPOST_TEST_BEFORE_SAVE: '0',
      OWNPOST_SMTP_PORT: '0',
      OWNPOST_SMTP_TLS_CERT: path.join(certs, 'server.pem'),
      OWNPOST_SMTP_TLS_KEY: path.join(certs, 'server.key'),
      // The bench's whole pool comes from 127.0.0.1, one app sending a batch over more connections than an app would.
      OWNPOST_SMTP_CONNECTIONS_PER_ADDRESS: String(Math.min(200, Math.max(20, concurrency))),
    },
    { port: 0 },
  );
  const relay = await createRelay(config);
  const server = serve({ fetch: relay.app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const smtpPort = (await relay.smtp!.listen()).starttls!.port;
  try {
    const user = await relay.store.createUser({ id: randomUUID(), email: 'anna@firma.se', name: null, role: 'admin', createdAt: Date.now() });
    const token = newBearerToken();
    await relay.store.createToken({ hash: hashSecretToken(token), userId: user.id, device: 'bench', createdAt: Date.now() });
    const profile = await fetch(`${url}/v1/profiles`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: 'Bench',
        fromName: 'Anna Berg',
        fromAddress: 'anna@firma.se',
        smtp: { host: '127.0.0.1', port: 2525, security: 'none' },
        auth: { type: 'password', username: 'anna@firma.se' },
        isDefault: true,
      }),
    });
    if (profile.status !== 201) throw new Error(`profile: ${profile.status} ${await profile.text()}`);
    const { password } = await createAppPassword(relay.store, user, 'bench');
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(30_000)]);
    const pdfBase64 = pdf.toString('base64');

    // HTTP: the API's accept path, as in the main bench.
    const httpLatencies: number[] = [];
    let next = 0;
    const httpStarted = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < messages) {
          const n = next++;
          const started = performance.now();
          const res = await fetch(`${url}/v1/messages`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': `http-${n}` },
            body: JSON.stringify({
              to: ['kund@exempel.se'],
              subject: `Faktura ${n}`,
              text: `Hej! Faktura ${n} bifogas.`,
              attachments: [{ filename: `Faktura-${n}.pdf`, contentType: 'application/pdf', contentBase64: pdfBase64 }],
            }),
          });
          await res.arrayBuffer();
          if (res.status !== 202) throw new Error(`POST ${n}: ${res.status}`);
          httpLatencies.push(performance.now() - started);
        }
      }),
    );
    const httpSeconds = (performance.now() - httpStarted) / 1000;

    // SMTP: a pool of signed-in connections, as an app sending a batch; each message timed to its 250.
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: smtpPort,
      requireTLS: true,
      tls: { ca: [readFileSync(path.join(certs, 'ca.pem'))] },
      auth: { user: 'anna@firma.se', pass: password },
      pool: true,
      maxConnections: concurrency,
      maxMessages: Infinity,
    });
    const smtpLatencies: number[] = [];
    let nextSmtp = 0;
    const smtpStarted = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (nextSmtp < messages) {
          const n = nextSmtp++;
          const started = performance.now();
          const info = await transport.sendMail({
            from: 'Anna Berg <anna@firma.se>',
            to: 'kund@exempel.se',
            subject: `Faktura ${n}`,
            text: `Hej! Faktura ${n} bifogas.`,
            attachments: [{ filename: `Faktura-${n}.pdf`, content: pdf, contentType: 'application/pdf' }],
          });
          if (!info.response.startsWith('250')) throw new Error(`SMTP ${n}: ${info.response}`);
          smtpLatencies.push(performance.now() - started);
        }
      }),
    );
    const smtpSeconds = (performance.now() - smtpStarted) / 1000;
    transport.close();
    const stored = await relay.store.listMessages({ limit: 2 * messages + 10 });
    if (stored.length !== 2 * messages) throw new Error(`stored ${stored.length} of ${2 * messages} messages`);
    return { messages, http: summary(httpLatencies, httpSeconds), smtp: summary(smtpLatencies, smtpSeconds) };
  } finally {
    server.close();
    await relay.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function formatSmtpIntake(result: IntakeResult, concurrency: number): string {
  const line = (name: string, r: IntakeResult['http']) => `  ${name}: ${r.perSecond.toFixed(0)} accepted/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms`;
  return [
    `SMTP intake vs HTTP API (${result.messages} invoices each, committed to the outbox):`,
    line(`HTTP POST /v1/messages, ${concurrency} concurrent`, result.http),
    line(`SMTP over STARTTLS, ${concurrency} pooled connections`, result.smtp),
    `  ratio SMTP/HTTP (accepted per second): ${(result.smtp.perSecond / result.http.perSecond).toFixed(2)}`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const messages = Number(process.env.BENCH_MESSAGES ?? 1000);
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 32);
  await measureSmtpIntake(Math.min(100, messages), concurrency); // warm-up
  console.log(formatSmtpIntake(await measureSmtpIntake(messages, concurrency), concurrency));
}
