import { expect } from 'vitest';
import type { ReceivedMail, TestSmtpServer } from './smtp-server';
import type { TestRelay } from './test-relay';
import { waitFor } from './wait-for';

/** Helpers for tests of the sender side (profiles, sender rules, fallback, address injection). */

export const MAILBOX_PASSWORD = 'correct horse battery staple';

/** A profile body for a test SMTP server on 127.0.0.1, signing in as `mailbox`. */
export function mailboxProfile(port: number, mailbox: string, overrides: Record<string, unknown> = {}) {
  return {
    name: `Mailbox ${mailbox}`,
    fromAddress: mailbox,
    smtp: { host: '127.0.0.1', port, security: 'starttls' },
    auth: { type: 'password', username: mailbox, password: MAILBOX_PASSWORD },
    ...overrides,
  };
}

export async function createProfile(t: TestRelay, token: string, body: Record<string, unknown>): Promise<string> {
  const res = await t.request('POST', '/v1/profiles', { token, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

export async function waitForFinal(t: TestRelay, token: string, id: string, timeoutMs = 15_000): Promise<any> {
  const read = async () => (await t.request('GET', `/v1/messages/${id}`, { token })).body;
  return waitFor(`message ${id} to be sent or failed`, read, (m) => m?.status === 'sent' || m?.status === 'failed', { timeoutMs, intervalMs: 50 });
}

/** Sends and waits until it is delivered; returns the message view and what the SMTP server received. */
export async function sendAndReceive(t: TestRelay, token: string, smtp: TestSmtpServer, body: Record<string, unknown>): Promise<{ view: any; mail: ReceivedMail }> {
  const before = smtp.received.length;
  const res = await t.request('POST', '/v1/messages', { token, body });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  const view = await waitForFinal(t, token, res.body.id);
  expect(view.status, JSON.stringify(view)).toBe('sent');
  const received = await smtp.waitForMessages(before + 1);
  const mail = received.find((m) => m.parsed.messageId === view.messageId);
  expect(mail, 'the message reached the SMTP server').toBeDefined();
  return { view, mail: mail! };
}

/** How many messages the relay holds in all (an admin sees every user's). */
export async function countAllMessages(t: TestRelay, adminToken: string): Promise<number> {
  const res = await t.request('GET', '/v1/messages?limit=200', { token: adminToken });
  return res.body.messages.length as number;
}

/**
 * Asserts a refusal, and that it left nothing behind: no message in the outbox, and nothing at the SMTP
 * server, proven by a canary sent afterwards through the same worker arriving alone.
 */
export async function expectRefusedAndNothingSent(
  t: TestRelay,
  refused: { status: number; body: any },
  expected: { status: number; code: string },
  check: { adminToken: string; messagesBefore: number; smtp: TestSmtpServer; canary: () => Promise<void> },
): Promise<void> {
  expect(refused.status, JSON.stringify(refused.body)).toBe(expected.status);
  expect(refused.body.error.code).toBe(expected.code);
  expect(refused.body.error.message.length).toBeGreaterThan(10);
  expect(await countAllMessages(t, check.adminToken)).toBe(check.messagesBefore);
  const receivedBefore = check.smtp.received.length;
  await check.canary();
  expect(check.smtp.received.length).toBe(receivedBefore + 1);
  expect(check.smtp.received.at(-1)!.parsed.subject).toMatch(/^canary/);
}
