import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWholeBody } from '../../relay/delivery/message-body';
import type { SqliteStore } from '../../relay/store/sqlite/sqlite-store';
import { BODY_CHUNK_BYTES } from '../../relay/store/types';
import { startSmtpServer, type ReceivedMail } from '../helpers/smtp-server';
import { isFinal, waitForMessage } from '../helpers/delivery';
import { startTestRelay, testProfile, type TestRelay } from '../helpers/test-relay';

const USERS = { 'anna@firma.se': 'correct horse battery staple' };
let t: TestRelay;
let token: string;
beforeAll(async () => {
  t = await startTestRelay();
  ({ token } = await t.addUser('anna@firma.se', 'admin'));
});
afterAll(() => t.close());

describe('a message with a multi-megabyte attachment', () => {
  it('is stored in chunks and delivered byte-identical on every attempt, read chunk by chunk', async () => {
    // The server takes the whole message twice: the first time it answers 451 after DATA.
    const seen: ReceivedMail[] = [];
    const smtp = await startSmtpServer({
      users: USERS,
      onMessage: (mail) => {
        seen.push(mail);
        if (seen.length === 1) throw Object.assign(new Error('4.3.0 Temporary local problem'), { responseCode: 451 });
      },
    });
    try {
      const created = await t.request('POST', '/v1/profiles', { token, body: testProfile(smtp.port) });
      expect(created.status).toBe(201);
      const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(6 * 1024 * 1024)]);
      const res = await t.request('POST', '/v1/messages', {
        token,
        body: {
          profileId: created.body.id,
          to: ['kund@exempel.se'],
          subject: 'Stor faktura',
          text: 'Hej!',
          attachments: [{ filename: 'Faktura.pdf', contentType: 'application/pdf', contentBase64: pdf.toString('base64') }],
        },
      });
      expect(res.status).toBe(202);

      // Stored in chunks of at most BODY_CHUNK_BYTES, not in one row.
      const db = (t.relay.store as SqliteStore).db;
      const chunks = db.prepare('SELECT length(bytes) AS n FROM message_body_chunks WHERE message_id = ? ORDER BY seq').all(res.body.id) as { n: number }[];
      expect(chunks.length).toBeGreaterThan(8);
      expect(chunks.every((c) => c.n <= BODY_CHUNK_BYTES)).toBe(true);
      expect(db.prepare('SELECT count(*) AS n FROM message_bodies WHERE message_id = ?').get(res.body.id)).toEqual({ n: 0 });

      const done = await waitForMessage(t, token, res.body.id, isFinal, 30_000);
      expect(done.status).toBe('sent');
      expect(done.attempts.map((a: { outcome: string }) => a.outcome)).toEqual(['deferred', 'sent']);
      expect(seen).toHaveLength(2);
      // Both attempts carried exactly the stored bytes: one Message-ID, one message.
      const stored = await readWholeBody(t.relay.store, { id: res.body.id, sizeBytes: chunks.reduce((sum, c) => sum + c.n, 0), raw: null });
      expect(seen[0]!.raw.equals(stored)).toBe(true);
      expect(seen[1]!.raw.equals(stored)).toBe(true);
      expect(seen[1]!.parsed.messageId).toBe(done.messageId);
      expect(Buffer.compare(seen[1]!.parsed.attachments[0]!.content, pdf)).toBe(0);
    } finally {
      await smtp.close();
    }
  }, 60_000);
});
