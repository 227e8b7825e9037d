import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProfile, isFinal, startDeliveryRelay, waitForMessage, waitForOutboxAtRest } from '../helpers/delivery';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import type { TestRelay } from '../helpers/test-relay';

let t: TestRelay;
let smtp: TestSmtpServer;
let anna: string;
let bo: string;
let admin: string;
let profileId: string;
let companyProfileId: string;

beforeAll(async () => {
  smtp = await startSmtpServer({ users: { 'anna@firma.se': 'correct horse battery staple' } });
  t = await startDeliveryRelay();
  ({ token: admin } = await t.addUser('admin@firma.se', 'admin'));
  ({ token: anna } = await t.addUser('anna@firma.se'));
  ({ token: bo } = await t.addUser('bo@firma.se'));
  profileId = await createProfile(t, anna, smtp.port);
  companyProfileId = await createProfile(t, admin, smtp.port, { scope: 'company', name: 'Company' });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const post = (token: string, body: unknown, key?: string) => t.request('POST', '/v1/messages', { token, body, ...(key ? { headers: { 'Idempotency-Key': key } } : {}) });

function receivedWithSubject(subject: string) {
  return smtp.received.filter((m) => m.parsed.subject === subject);
}

describe('the outbox and Idempotency-Key', () => {
  it('answers 202 only once the message is on disk: another connection to the database sees it', async () => {
    const res = await post(anna, { profileId, to: ['kund@exempel.se'], subject: 'Durable 1' }, 'durable-1');
    expect(res.status).toBe(202);
    await waitForMessage(t, anna, res.body.id, isFinal);
    // Accepting commits with synchronous=FULL (the worker's bookkeeping relaxes it only inside its
    // own transactions), so a 202 survives a power cut as well as a crash.
    const relayDb = (t.relay.store as unknown as { db: Database.Database }).db;
    expect(relayDb.pragma('synchronous', { simple: true })).toBe(2);
    expect(relayDb.pragma('journal_mode', { simple: true })).toBe('wal');
    const db = new Database(path.join(t.dataDir, 'ownpost.db'), { readonly: true });
    try {
      const row = db
        .prepare('SELECT messages.message_id, length(message_bodies.raw) AS bytes FROM messages JOIN message_bodies ON message_bodies.message_id = messages.id WHERE messages.id = ?')
        .get(res.body.id) as { message_id: string; bytes: number };
      expect(row.message_id).toBe(res.body.messageId);
      expect(row.bytes).toBe(res.body.sizeBytes);
    } finally {
      db.close();
    }
  });

  it('returns the first result for a retry with the same key and body, and sends one mail', async () => {
    const body = { profileId, to: ['kund@exempel.se'], subject: 'Idem 1', text: 'Hej' };
    const first = await post(anna, body, 'idem-1');
    await waitForMessage(t, anna, first.body.id, isFinal);
    const again = await post(anna, body, 'idem-1');
    expect(again.status).toBe(202);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toMatchObject({ id: first.body.id, messageId: first.body.messageId, status: 'sent' });
    // A duplicate would still be in the outbox, or at the test server by the time the outbox is at rest.
    await waitForOutboxAtRest(t);
    expect(receivedWithSubject('Idem 1')).toHaveLength(1);
  });

  it('treats the same request written differently (key order, spacing) as the same', async () => {
    const first = await post(anna, { profileId, subject: 'Idem 2', to: ['kund@exempel.se'] }, 'idem-2');
    const rawBody = `{ "to": [ "kund@exempel.se" ],\n  "subject": "Idem 2", "profileId": "${profileId}" }`;
    const again = await t.request('POST', '/v1/messages', { token: anna, rawBody, headers: { 'Idempotency-Key': 'idem-2' } });
    expect(again.status).toBe(202);
    expect(again.body.id).toBe(first.body.id);
  });

  it('answers 409 for the same key with another body, and queues nothing', async () => {
    await post(anna, { profileId, to: ['kund@exempel.se'], subject: 'Idem 3' }, 'idem-3');
    const conflict = await post(anna, { profileId, to: ['kund@exempel.se'], subject: 'Idem 3, changed' }, 'idem-3');
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.code).toBe('idempotency_conflict');
    // A duplicate would still be in the outbox, or at the test server by the time the outbox is at rest.
    await waitForOutboxAtRest(t);
    expect(receivedWithSubject('Idem 3, changed')).toHaveLength(0);
  });

  it('creates one message when twenty identical requests race, and answers them all with it', async () => {
    const body = { profileId, to: ['kund@exempel.se'], subject: 'Race 1' };
    const results = await Promise.all(Array.from({ length: 20 }, () => post(anna, body, 'race-1')));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(202));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    await waitForMessage(t, anna, results[0]!.body.id, isFinal);
    // A duplicate would still be in the outbox, or at the test server by the time the outbox is at rest.
    await waitForOutboxAtRest(t);
    expect(receivedWithSubject('Race 1')).toHaveLength(1);
  });

  it('lets exactly one of racing different bodies win; the others get 409', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => post(anna, { profileId, to: ['kund@exempel.se'], subject: `Race 2 variant ${i}` }, 'race-2')));
    const accepted = results.filter((r) => r.status === 202);
    expect(accepted).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(9);
    await waitForMessage(t, anna, accepted[0]!.body.id, isFinal);
    // A duplicate would still be in the outbox, or at the test server by the time the outbox is at rest.
    await waitForOutboxAtRest(t);
    expect(smtp.received.filter((m) => m.parsed.subject?.startsWith('Race 2'))).toHaveLength(1);
  });

  it('keeps keys per user: another user’s same key is a new message', async () => {
    const body = { profileId: companyProfileId, to: ['kund@exempel.se'], subject: 'Per user' };
    const a = await post(anna, body, 'shared-key');
    const b = await post(bo, body, 'shared-key');
    expect(a.status).toBe(202);
    expect(b.status).toBe(202);
    expect(b.body.id).not.toBe(a.body.id);
  });

  it('refuses a malformed key and a malformed body with 400, never 500', async () => {
    const bad = await post(anna, { profileId, to: ['kund@exempel.se'], subject: 'x' }, 'with space');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    const docs = await post(anna, { profileId, to: ['kund@exempel.se'], subject: 'x', documents: [{ ref: '1', attachments: [] }] });
    expect(docs.status).toBe(400);
    const dup = await post(anna, {
      profileId,
      to: ['kund@exempel.se'],
      subject: 'x',
      documents: [1, 2].map(() => ({ ref: 'same', attachments: [{ filename: 'a.pdf', contentType: 'application/pdf', contentBase64: 'JVBERg==' }] })),
    });
    expect(dup.status).toBe(400);
    expect(JSON.stringify(dup.body.error)).toMatch(/own ref/);
  });
});

describe('status and history', () => {
  it('shows a message to its sender and to admins only', async () => {
    const res = await post(anna, { profileId, to: ['kund@exempel.se'], subject: 'Private', context: { documentRef: 'INV-77' } });
    expect((await t.request('GET', `/v1/messages/${res.body.id}`, { token: anna })).status).toBe(200);
    expect((await t.request('GET', `/v1/messages/${res.body.id}`, { token: admin })).status).toBe(200);
    const other = await t.request('GET', `/v1/messages/${res.body.id}`, { token: bo });
    expect(other.status).toBe(404);
    expect((await t.request('GET', '/v1/messages?documentRef=INV-77', { token: bo })).body.messages).toEqual([]);
    expect((await t.request('GET', '/v1/messages?documentRef=INV-77', { token: admin })).body.messages.map((m: any) => m.id)).toEqual([res.body.id]);
    expect((await t.request('GET', '/v1/messages/not-an-id', { token: anna })).status).toBe(404);
    expect((await t.request('GET', '/v1/messages?limit=abc', { token: anna })).status).toBe(200);
  });
});
