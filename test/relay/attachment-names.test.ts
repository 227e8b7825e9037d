/**
 * Issue 14: what a page puts into a send cannot make the message lie to its reader.
 * - File names lose bidirectional controls (`Faktura\u202Efdp.exe` shows as "Fakturaexe.pdf":
 *   Trojan Source, CVE-2021-42574) and path separators (`../../x`).
 * - Content types come from an allow-list: no HTML, scripts, SVG or executables in the user's name.
 * - Display names that hold an address or quotes cannot pass for the address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanFileName } from '../../shared/schemas';
import { createProfile, isFinal, startDeliveryRelay, waitForMessage } from '../helpers/delivery';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import type { TestRelay } from '../helpers/test-relay';

let t: TestRelay;
let token: string;
let smtp: TestSmtpServer;
let profileId: string;
beforeAll(async () => {
  smtp = await startSmtpServer({ users: { 'anna@firma.se': 'correct horse battery staple' } });
  t = await startDeliveryRelay();
  ({ token } = await t.addUser('anna@firma.se', 'admin'));
  profileId = await createProfile(t, token, smtp.port);
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const PDF = Buffer.from('%PDF-1.7\n%%EOF\n').toString('base64');

async function deliver(body: Record<string, unknown>) {
  const before = smtp.received.length;
  const res = await t.request('POST', '/v1/messages', { token, body: { profileId, to: ['kund@exempel.se'], subject: 'Faktura', text: 'Hej', ...body } });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  expect((await waitForMessage(t, token, res.body.id, isFinal)).status).toBe('sent');
  return (await smtp.waitForMessages(before + 1))[before]!;
}

describe('file names', () => {
  it('removes a right-to-left override that disguises an .exe as a .pdf (Trojan Source in file names)', async () => {
    const mail = await deliver({ attachments: [{ filename: 'Faktura\u202Efdp.exe', contentType: 'application/pdf', contentBase64: PDF }] });
    expect(mail.parsed.attachments[0]!.filename).toBe('Fakturafdp.exe');
    expect(mail.raw.toString('utf8')).not.toMatch(/\u202E|%E2%80%AE|4oCu/i);
  });

  it('replaces path separators so a file cannot be saved elsewhere (path traversal)', async () => {
    const mail = await deliver({ attachments: [{ filename: '../../.bashrc', contentType: 'text/plain', contentBase64: PDF }] });
    expect(mail.parsed.attachments[0]!.filename).toBe('.._.._.bashrc');
  });

  it('cleans every bidi and invisible control', () => {
    expect(cleanFileName('a\u200Eb\u200Fc\u202Ad\u2066e\u2069f\uFEFFg\u061Ch\u200Bi.pdf')).toBe('abcdefghi.pdf');
    expect(cleanFileName('C:\\Users\\x.pdf')).toBe('C:_Users_x.pdf');
  });
});

describe('content types', () => {
  it.each(['text/html', 'image/svg+xml', 'application/javascript', 'application/x-msdownload', 'application/hta'])(
    'refuses %s as an attachment (active content mailed in the user’s name)',
    async (contentType) => {
      const res = await t.request('POST', '/v1/messages', { token, body: { profileId, to: ['kund@exempel.se'], subject: 'x', attachments: [{ filename: 'a', contentType, contentBase64: PDF }] } });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('contentType');
    },
  );

  it('takes the document types, in any case', async () => {
    const mail = await deliver({ attachments: [{ filename: 'x.xml', contentType: 'Application/XML', contentBase64: PDF }] });
    expect(mail.parsed.attachments[0]!.contentType).toBe('application/xml');
  });
});

describe('display names', () => {
  it('sends a display name that is an address so that no program reads it as the address (display-name spoofing)', async () => {
    const mail = await deliver({ to: ['"ceo@firma.se" <kund@exempel.se>'] });
    const header = mail.raw.toString('latin1').split('\r\n\r\n')[0]!;
    const to = /^To: (.*(?:\r\n[ \t].*)*)/m.exec(header)![1]!;
    // Only one address anywhere in the header field: the real one.
    expect(to.match(/[\w.+-]+@[\w.-]+/g)).toEqual(['kund@exempel.se']);
    const parsed = mail.parsed.to && !Array.isArray(mail.parsed.to) ? mail.parsed.to.value : [];
    expect(parsed).toHaveLength(1);
    expect(parsed[0]).toMatchObject({ address: 'kund@exempel.se', name: 'ceo\uFF20firma.se' });
  });
});
