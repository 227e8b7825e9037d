import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProfile, isFinal, startDeliveryRelay, waitForMessage } from '../helpers/delivery';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import type { TestRelay } from '../helpers/test-relay';

const USERS = { 'anna@firma.se': 'correct horse battery staple' };
let t: TestRelay;
let token: string;
let smtp: TestSmtpServer;
let profileId: string;

/** A PDF-like file of `bytes` random bytes (incompressible, like a scanned invoice). */
function pdf(name: string, bytes: number) {
  const content = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(bytes - 9)]);
  return { file: { filename: name, contentType: 'application/pdf', contentBase64: content.toString('base64') }, content };
}

beforeAll(async () => {
  smtp = await startSmtpServer({ users: USERS });
  t = await startDeliveryRelay();
  ({ token } = await t.addUser('anna@firma.se', 'admin'));
  profileId = await createProfile(t, token, smtp.port);
  // 300 kB after encoding: room for two 100 kB documents (137 kB encoded each), not three.
  const put = await t.request('PUT', `/v1/profiles/${profileId}/delivery`, { token, body: { maxMessageBytes: 300_000 } });
  expect(put.body.effective.maxMessageBytes).toBe(300_000);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('messages larger than the mailbox accepts', () => {
  it('splits a send of several documents into messages that fit, never splitting a document', async () => {
    const docs = ['4711', '4712', '4713', '4714', '4715'].map((ref) => ({ ref, ...pdf(`Faktura-${ref}.pdf`, 100_000) }));
    const send = {
      token,
      headers: { 'Idempotency-Key': 'split-1' },
      body: {
        profileId,
        to: ['kund@exempel.se'],
        subject: 'Fakturor maj',
        text: 'Hej! Fakturorna bifogas.',
        documents: docs.map((d) => ({ ref: d.ref, title: `Faktura ${d.ref}`, attachments: [d.file] })),
      },
    };
    const res = await t.request('POST', '/v1/messages', send);
    expect(res.status).toBe(202);
    expect(res.body.parts.map((p: any) => [p.part, p.documents.map((d: any) => d.ref)])).toEqual([
      [{ number: 1, of: 3 }, ['4711', '4712']],
      [{ number: 2, of: 3 }, ['4713', '4714']],
      [{ number: 3, of: 3 }, ['4715']],
    ]);
    const messageIds = new Set<string>();
    for (const part of res.body.parts) {
      const done = await waitForMessage(t, token, part.id, isFinal);
      expect(done.status).toBe('sent');
      expect(done.sizeBytes).toBeLessThanOrEqual(300_000);
      expect(done.sendId).toBe(res.body.sendId);
      messageIds.add(done.messageId);
    }
    expect(messageIds.size).toBe(3);

    const mails = smtp.received.filter((m) => m.parsed.subject?.startsWith('Fakturor maj'));
    expect(mails.map((m) => m.parsed.subject).sort()).toEqual(['Fakturor maj (1/3)', 'Fakturor maj (2/3)', 'Fakturor maj (3/3)']);
    for (const mail of mails) {
      const refs = String(mail.parsed.headers.get('x-ownpost-documents')).split(', ');
      // Each message says which documents it carries, in its headers and in its text.
      expect(mail.parsed.attachments.map((a) => a.filename)).toEqual(refs.map((r) => `Faktura-${r}.pdf`));
      expect(mail.parsed.text).toContain(refs.map((r) => `Faktura ${r}`).join(', '));
      for (const attachment of mail.parsed.attachments) {
        const original = docs.find((d) => attachment.filename === `Faktura-${d.ref}.pdf`)!;
        expect(Buffer.compare(attachment.content, original.content)).toBe(0);
      }
      expect(mail.raw.length).toBeLessThanOrEqual(300_000);
    }
    // The history of any document finds the message that carries it.
    const history = await t.request('GET', '/v1/messages?documentRef=4714', { token });
    expect(history.body.messages.map((m: any) => m.id)).toEqual([res.body.parts[1].id]);
    // A retry of the whole send returns the same parts.
    const again = await t.request('POST', '/v1/messages', send);
    expect(again.body.parts.map((p: any) => p.id)).toEqual(res.body.parts.map((p: any) => p.id));
  });

  it('sends documents that fit together as one message without part markers', async () => {
    const docs = ['5001', '5002'].map((ref) => ({ ref, ...pdf(`F-${ref}.pdf`, 20_000) }));
    const res = await t.request('POST', '/v1/messages', {
      token,
      body: { profileId, to: ['kund@exempel.se'], subject: 'Two small', documents: docs.map((d) => ({ ref: d.ref, attachments: [d.file] })) },
    });
    expect(res.status).toBe(202);
    expect(res.body.parts).toBeUndefined();
    expect(res.body.part).toBeUndefined();
    expect(res.body.documents).toEqual([{ ref: '5001' }, { ref: '5002' }]);
    await waitForMessage(t, token, res.body.id, isFinal);
    const mail = smtp.received.find((m) => m.parsed.subject === 'Two small')!;
    expect(mail.parsed.headers.get('x-ownpost-documents')).toBe('5001, 5002');
    expect(mail.parsed.headers.has('x-ownpost-part')).toBe(false);
  });

  it('answers 413 document_too_large when one document alone exceeds the limit, and queues nothing', async () => {
    const before = (await t.request('GET', '/v1/messages?limit=200', { token })).body.messages.length;
    const res = await t.request('POST', '/v1/messages', {
      token,
      body: {
        profileId,
        to: ['kund@exempel.se'],
        subject: 'Too big',
        documents: [
          { ref: 'small', attachments: [pdf('small.pdf', 10_000).file] },
          { ref: 'huge', attachments: [pdf('huge-1.pdf', 150_000).file, pdf('huge-2.pdf', 150_000).file] },
        ],
      },
    });
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'document_too_large', details: { documentRef: 'huge', limit: 300_000 } });
    expect(res.body.error.message).toMatch(/document huge is 0\.4 MB after encoding.*at most 0\.3 MB.*never split/);
    expect(res.body.error.hint).toBeTruthy();
    expect((await t.request('GET', '/v1/messages?limit=200', { token })).body.messages.length).toBe(before);
  });

  it('answers 413 message_too_large for plain attachments over the limit (nothing to split at)', async () => {
    const res = await t.request('POST', '/v1/messages', {
      token,
      body: { profileId, to: ['kund@exempel.se'], subject: 'Plain big', attachments: [pdf('a.pdf', 250_000).file] },
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('message_too_large');
  });

  it('keeps plain attachments working as before, in the first message of a split send', async () => {
    const terms = pdf('Villkor.pdf', 5_000);
    const res = await t.request('POST', '/v1/messages', {
      token,
      body: {
        profileId,
        to: ['kund@exempel.se'],
        subject: 'With terms',
        attachments: [terms.file],
        documents: ['6001', '6002', '6003'].map((ref) => ({ ref, attachments: [pdf(`${ref}.pdf`, 100_000).file] })),
      },
    });
    expect(res.status).toBe(202);
    expect(res.body.parts).toHaveLength(2);
    for (const part of res.body.parts) await waitForMessage(t, token, part.id, isFinal);
    const first = smtp.received.find((m) => m.parsed.subject === 'With terms (1/2)')!;
    expect(first.parsed.attachments.map((a) => a.filename)).toEqual(['Villkor.pdf', '6001.pdf', '6002.pdf']);
  });

  it('learns a smaller SIZE from the server: a message over it fails clearly, later sends are split to fit', async () => {
    const small = await startSmtpServer({ users: USERS, server: { size: 120_000 } });
    try {
      const id = await createProfile(t, token, small.port);
      const big = await t.request('POST', '/v1/messages', {
        token,
        body: { profileId: id, to: ['kund@exempel.se'], subject: 'Over SIZE', attachments: [pdf('a.pdf', 100_000).file] },
      });
      expect(big.status).toBe(202);
      const failed = await waitForMessage(t, token, big.body.id, isFinal);
      expect(failed).toMatchObject({ status: 'failed', problem: { code: 'message_too_large' } });
      expect(small.received).toHaveLength(0);
      const settings = await t.request('GET', `/v1/profiles/${id}/delivery`, { token });
      expect(settings.body.effective).toMatchObject({ maxMessageBytes: 120_000, serverMaxBytes: 120_000 });

      const split = await t.request('POST', '/v1/messages', {
        token,
        body: {
          profileId: id,
          to: ['kund@exempel.se'],
          subject: 'Under SIZE',
          documents: ['7001', '7002'].map((ref) => ({ ref, attachments: [pdf(`${ref}.pdf`, 60_000).file] })),
        },
      });
      expect(split.body.parts).toHaveLength(2);
      for (const part of split.body.parts) expect((await waitForMessage(t, token, part.id, isFinal)).status).toBe('sent');
      expect(small.received).toHaveLength(2);
    } finally {
      await t.request('PUT', `/v1/profiles/${profileId}/delivery`, { token, body: { maxMessageBytes: 300_000 } });
      await small.close();
    }
  });
});
