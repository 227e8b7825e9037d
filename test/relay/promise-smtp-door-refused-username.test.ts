/**
 * A password in the log: the SMTP front door logged a refused sign-in with its username word for
 * word, and an app whose username and password fields are swapped (or filled in the wrong order)
 * sends its password as the username. So the app password, or the mailbox password typed there by
 * mistake, ended up in the relay's log. Now a refused username is logged only when it is an e-mail
 * address. Over STARTTLS with AUTH PLAIN and AUTH LOGIN, as apps sign in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeliveryRelay } from '../helpers/delivery';
import { createAppPassword, rawSmtp, smtpDoorEnv } from '../helpers/smtp-door';
import type { TestRelay } from '../helpers/test-relay';

let t: TestRelay;
let port: number;
let appPassword: string;
const MAILBOX_PASSWORD = 'Sommar2026!kontoret';

beforeAll(async () => {
  t = await startDeliveryRelay(smtpDoorEnv());
  port = (await t.relay.smtp!.listen()).starttls!.port;
  const { token } = await t.addUser('anna@firma.se', 'admin');
  appPassword = (await createAppPassword(t, token, 'Swapped fields')).password;
});
afterAll(async () => {
  await t?.close();
});

const b64 = (text: string) => Buffer.from(text).toString('base64');

async function refusedSignIn(username: string, password: string, method: 'PLAIN' | 'LOGIN'): Promise<void> {
  const client = await rawSmtp(port);
  try {
    await client.command('EHLO app.example');
    await client.startTls();
    await client.command('EHLO app.example');
    if (method === 'PLAIN') {
      expect(await client.command(`AUTH PLAIN ${b64(`\0${username}\0${password}`)}`)).toMatch(/^535 /);
    } else {
      expect(await client.command('AUTH LOGIN')).toMatch(/^334 /);
      expect(await client.command(b64(username))).toMatch(/^334 /);
      expect(await client.command(b64(password))).toMatch(/^535 /);
    }
  } finally {
    client.close();
  }
}

describe('a refused sign-in in the log', () => {
  it.each(['PLAIN', 'LOGIN'] as const)('AUTH %s with the fields swapped: neither the app password nor the mailbox password is logged', async (method) => {
    const before = t.logs.length;
    await refusedSignIn(appPassword, 'anna@firma.se', method);
    await refusedSignIn(MAILBOX_PASSWORD, 'anna@firma.se', method);
    const lines = t.logs.slice(before).filter((line) => line.startsWith('SMTP: refused sign-in'));
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).toMatch(/^SMTP: refused sign-in for a username that is no e-mail address \(not shown: .*\) from 127\.0\.0\.1$/);
      expect(line).not.toContain(appPassword);
      expect(line).not.toContain(MAILBOX_PASSWORD);
    }
    // Nor any other line written meanwhile.
    expect(t.logs.slice(before).join('\n')).not.toContain(MAILBOX_PASSWORD);
  });

  it('names a username that is an e-mail address, so that an admin can see who is being refused', async () => {
    const before = t.logs.length;
    await refusedSignIn('anna@firma.se', 'not-the-app-password', 'PLAIN');
    expect(t.logs.slice(before)).toContainEqual('SMTP: refused sign-in for "anna@firma.se" from 127.0.0.1');
    expect(t.logs.slice(before).join('\n')).not.toContain('not-the-app-password');
  });
});
