/**
 * The SMTP front door with the mail libraries that invoicing apps are built on, as Debian packages
 * them: PHPMailer (Dolibarr, InvoicePlane and most PHP apps), Symfony Mailer (Laravel and Symfony
 * apps: Akaunting, Crater, Invoice Ninja) and Python's smtplib (Odoo, ERPNext). Each sends an
 * invoice with its PDF over STARTTLS and over implicit TLS with an app password, as the app's
 * "own SMTP" settings would; the message must reach the mailbox through the sender profile, PDF
 * byte for byte. A wrong app password and a From the user may not send as must come back as text
 * that tells the user, in the app's own error message, what to do.
 * The scripts are in test/fixtures/app-clients/; .ci/run installs php-cli and the two libraries.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProfile, startDeliveryRelay } from '../helpers/delivery';
import { createAppPassword, smtpDoorEnv } from '../helpers/smtp-door';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import type { TestRelay } from '../helpers/test-relay';
import { waitFor } from '../helpers/wait-for';

const CLIENTS = {
  PHPMailer: ['php', path.resolve('test/fixtures/app-clients/phpmailer-send.php')],
  'Symfony Mailer': ['php', path.resolve('test/fixtures/app-clients/symfony-mailer-send.php')],
  'Python smtplib': ['python3', path.resolve('test/fixtures/app-clients/smtplib_send.py')],
} as const;
type Client = keyof typeof CLIENTS;

interface Settings {
  port: number;
  security: 'starttls' | 'tls';
  user: string;
  pass: string;
  from: string;
  subject: string;
}

let mailbox: TestSmtpServer;
let t: TestRelay;
let ports: { starttls: number; tls: number };
let appPassword: string;
let folder: string;
const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(40_000)]);
let pdfFile: string;

beforeAll(async () => {
  mailbox = await startSmtpServer({ users: { 'anna@firma.se': 'correct horse battery staple' } });
  t = await startDeliveryRelay(smtpDoorEnv());
  const addresses = await t.relay.smtp!.listen();
  ports = { starttls: addresses.starttls!.port, tls: addresses.tls!.port };
  const { token } = await t.addUser('anna@firma.se', 'admin');
  await createProfile(t, token, mailbox.port, { isDefault: true });
  ({ password: appPassword } = await createAppPassword(t, token, 'Invoicing app'));
  folder = mkdtempSync(path.join(os.tmpdir(), 'ownpost-app-clients-'));
  pdfFile = path.join(folder, 'invoice.pdf');
  writeFileSync(pdfFile, pdf);
});
afterAll(async () => {
  await t?.close();
  await mailbox?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** Runs the library's script; resolves with what it reported (its own success, or the error text the app would show). */
function send(client: Client, settings: Settings): Promise<{ ok: boolean; messageId?: string; error?: string }> {
  const [program, script] = CLIENTS[client];
  const input = {
    host: '127.0.0.1',
    ca: path.resolve('test/fixtures/certs/ca.pem'),
    fromName: 'Anna Berg',
    to: 'kund@exempel.se',
    text: 'Hej! Fakturan bifogas.',
    pdf: pdfFile,
    pdfName: 'Faktura-2026-0815.pdf',
    ...settings,
  };
  return new Promise((resolve, reject) => {
    execFile(program, [script, JSON.stringify(input)], { timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`${client} did not run: ${error.message}\n${stdout}${stderr}`));
      try {
        resolve(JSON.parse(stdout));
      } catch {
        reject(new Error(`${client} printed no result:\n${stdout}${stderr}`));
      }
    });
  });
}

/** "<id@host>" and "id@host" alike. */
const bare = (messageId: string | undefined) => messageId?.replace(/^<|>$/g, '');

describe.each(Object.keys(CLIENTS) as Client[])('an invoicing app on %s', (client) => {
  it.each(['starttls', 'tls'] as const)('sends an invoice with its PDF over %s with an app password, delivered through the sender', async (security) => {
    const subject = `Faktura 0815 · ${client} · ${security}`;
    const result = await send(client, { port: ports[security], security, user: 'anna@firma.se', pass: appPassword, from: 'anna@firma.se', subject });
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
    const mail = (await waitFor(`"${subject}" at the mailbox`, () => mailbox.received.find((m) => m.parsed.subject === subject), Boolean, { timeoutMs: 20_000 }))!;
    // Delivered by the relay through the profile's mailbox, not by the app.
    expect(mail.user).toBe('anna@firma.se');
    expect(mail.envelope).toEqual({ from: 'anna@firma.se', to: ['kund@exempel.se'] });
    expect(mail.parsed.from?.value[0]).toMatchObject({ name: 'Anna Berg', address: 'anna@firma.se' });
    expect(bare(mail.parsed.messageId)).toBe(bare(result.messageId));
    expect(mail.parsed.text?.trim()).toBe('Hej! Fakturan bifogas.');
    expect(mail.parsed.attachments).toHaveLength(1);
    expect(mail.parsed.attachments[0]!.filename).toBe('Faktura-2026-0815.pdf');
    expect(Buffer.compare(mail.parsed.attachments[0]!.content, pdf)).toBe(0);
  });

  it('shows the user what to do about a wrong app password, in its own error message', async () => {
    const result = await send(client, { port: ports.starttls, security: 'starttls', user: 'anna@firma.se', pass: 'not-the-app-password', from: 'anna@firma.se', subject: 'wrong password' });
    expect(result.ok).toBe(false);
    // PHPMailer says only "Could not authenticate." (its debug output has the reply); the others quote it.
    if (client === 'PHPMailer') expect(result.error).toMatch(/Could not authenticate/);
    else expect(result.error).toMatch(/535.*app password not accepted.*create an app password in the Ownpost options page/s);
  });

  it('refuses a From the user may not send as, naming the rule in the error the app shows', async () => {
    const subject = `spoofed ${client}`;
    const result = await send(client, { port: ports.starttls, security: 'starttls', user: 'anna@firma.se', pass: appPassword, from: 'vd@firma.se', subject });
    expect(result.ok).toBe(false);
    // Each library words it its own way around the reply ("550 5.7.1 …", "…,550,5.7.1"), but the reply's text reaches the user.
    expect(result.error).toMatch(/550/);
    expect(result.error).toMatch(/Refused by the rule sender_not_allowed: None of your sender profiles sends as vd@firma\.se\..*Use one of them as the app.s sender address/s);
    expect(mailbox.received.some((m) => m.parsed.subject === subject)).toBe(false);
  });
});
