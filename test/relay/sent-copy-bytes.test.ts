/**
 * Issue 14: the copy filed in the Sent folder is the exact bytes that were sent, CRLF-normalised.
 * A stored message with a bare LF or CR goes over SMTP with CRLF (nodemailer's data stream fixes
 * every line ending); IMAP APPEND files bytes as given, so without the same normalisation the Sent
 * copy differed from what the recipient got. Real Dovecot, real SMTP server.
 */
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendToSentFolder } from '../../relay/imap/sent-folder';
import { createOutboundPolicy } from '../../relay/net/outbound';
import { certs } from '../helpers/certs';
import { startDovecot, type TestDovecot } from '../helpers/dovecot';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';

const PASSWORD = 'correct horse battery staple';
let dovecot: TestDovecot;
let smtp: TestSmtpServer;
beforeAll(async () => {
  dovecot = await startDovecot({ 'anna@firma.se': PASSWORD });
  smtp = await startSmtpServer({ users: { 'anna@firma.se': PASSWORD } });
}, 30_000);
afterAll(async () => {
  await smtp?.close();
  await dovecot?.close();
});

describe('the Sent copy is what was sent', () => {
  it('files a message with bare CR and LF line endings exactly as the SMTP server received it (CRLF-normalised)', async () => {
    const messageId = '<bare-eol-4711@firma.se>';
    const raw = Buffer.from(
      [
        'From: Anna Berg <anna@firma.se>',
        'To: kund@exempel.se',
        'Subject: Faktura 4711',
        'Date: Sun, 06 Dec 2026 05:00:00 +0000',
        `Message-ID: ${messageId}`,
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'line with a bare CR\rnext line with a bare LF\nlast line',
        '',
      ].join('\r\n'),
      'latin1',
    );

    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: smtp.port,
      requireTLS: true,
      tls: { ca: [certs.ca] },
      auth: { user: 'anna@firma.se', pass: PASSWORD },
    });
    await transport.sendMail({ envelope: { from: 'anna@firma.se', to: ['kund@exempel.se'] }, raw });
    transport.close();
    const [delivered] = await smtp.waitForMessages(1);

    const outbound = createOutboundPolicy({ allowPrivateHosts: true, extraSmtpPorts: [{ from: 1024, to: 65535 }], dnsServers: [] });
    await appendToSentFolder(
      { host: '127.0.0.1', port: dovecot.port, security: 'tls', username: 'anna@firma.se', password: PASSWORD },
      { raw, messageId, sentAt: new Date() },
      { extraCa: [certs.ca], timeoutMs: 10_000, outbound },
    );
    const [copy] = await dovecot.messagesIn('anna@firma.se', 'Sent');
    expect(copy!.toString('latin1')).toBe(delivered!.raw.toString('latin1'));
    expect(copy!.toString('latin1')).toContain('bare CR\r\nnext line with a bare LF\r\nlast line');
  });
});
