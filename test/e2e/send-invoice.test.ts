import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecretToken, newPairingCode } from '../../relay/auth/tokens';
import { launchWithExtension, type ExtensionBrowser } from '../helpers/chromium';
import { takePicture } from '../helpers/readme-pictures';
import { startInvoiceSite, type InvoiceSite } from '../helpers/invoice-site';
import { frameFitsContent, openPanel, pageScanned } from '../helpers/paired-browser';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import { startTestRelay, testProfile, type TestRelay } from '../helpers/test-relay';
import { waitFor } from '../helpers/wait-for';

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n%âãÏÓ\n'), randomBytes(120_000), Buffer.from('\n%%EOF\n')]);

const INVOICE_HTML = `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>Faktura 2026-0042 · Fakturera</title>
<style>body{font:15px system-ui;margin:40px;color:#222} .card{max-width:720px;padding:24px;border:1px solid #ddd;border-radius:8px}</style></head>
<body><div class="card">
  <h1>Faktura 2026-0042</h1>
  <p>Kund: <strong>Kund AB</strong><br>E-post: <a href="mailto:ekonomi@kund.se">ekonomi@kund.se</a></p>
  <p>Att betala: 12 500,00 SEK · Förfallodatum 2026-12-23</p>
  <p><a href="/invoices/42/pdf" class="btn">Ladda ner PDF</a></p>
</div></body></html>`;

let relay: TestRelay;
let smtp: TestSmtpServer;
let site: InvoiceSite;
let browser: ExtensionBrowser;
let relayUrl: string;

beforeAll(async () => {
  smtp = await startSmtpServer({ users: { 'anna@firma.se': 'correct horse battery staple' } });
  relay = await startTestRelay();
  relayUrl = await relay.relay.listen();
  site = await startInvoiceSite([
    { path: '/invoices/42', html: INVOICE_HTML, pdf: { path: '/invoices/42/pdf', bytes: PDF, disposition: 'attachment; filename="Faktura-2026-0042.pdf"' } },
    { path: '/dashboard', html: '<!doctype html><h1>Översikt</h1><p>Välkommen tillbaka.</p>' },
  ]);
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await relay?.close();
  await smtp?.close();
});

describe('from an invoice page to a real mailbox', () => {
  it('pairs through the popup, sends the page’s PDF from the panel, and the mailbox gets it byte for byte', async () => {
    const { user, token } = await relay.addUser('anna@firma.se', 'admin');
    const created = await relay.request('POST', '/v1/profiles', { token, body: testProfile(smtp.port) });
    expect(created.status).toBe(201);
    const code = newPairingCode();
    await relay.relay.store.createPairingCode({ hash: hashSecretToken(code), userId: user.id, expiresAt: Date.now() + 600_000 });

    // 1. Pair in the popup.
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 360, height: 420 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByTestId('relay-url').fill(relayUrl);
    await popup.getByTestId('pairing-code').fill(code);
    await takePicture(popup, 'popup-connect');
    await popup.getByTestId('connect').click();
    await expect.poll(() => popup.getByTestId('connected-as').textContent(), { timeout: 10_000 }).toBe('anna@firma.se');
    await takePicture(popup, 'popup-connected');
    await popup.close();

    // 2. A page that is not a document gets no button.
    const page = await browser.context.newPage();
    await page.goto(`${site.origin}/dashboard`);
    await pageScanned(page);
    expect(await page.getByTestId('ownpost-send').count()).toBe(0);

    // 3. Sign in to the invoicing app (HttpOnly session cookie), open the invoice.
    await page.goto(`${site.origin}/login?next=/invoices/42`);
    // The panel is an extension-origin frame the page cannot script (issue 14).
    const frame = await openPanel(page);
    const panel = frame.getByTestId('ownpost-panel');
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await frame.getByTestId('ownpost-to').inputValue()).toBe('ekonomi@kund.se');
    await expect.poll(() => frame.getByTestId('ownpost-subject').inputValue()).toContain('2026-0042');
    await expect.poll(() => frame.getByTestId('ownpost-from').inputValue()).toBe(created.body.id);
    await expect.poll(() => frame.getByTestId('ownpost-attachment').textContent(), { timeout: 10_000 }).toContain('Faktura-2026-0042.pdf');
    await takePicture(page, 'panel');

    // 4. Send, follow the status to "sent".
    await frame.getByTestId('ownpost-submit').click();
    await expect.poll(() => frame.getByTestId('ownpost-status').getAttribute('data-state'), { timeout: 20_000 }).toBe('sent');
    // The frame takes the height of the result line through the page's content script: wait until it has.
    await waitFor('the panel frame to take its content’s height', () => frameFitsContent(page, frame), Boolean, { timeoutMs: 10_000 });
    await takePicture(page, 'panel-sent');

    // 5. The real SMTP server got the mail with the identical PDF.
    const [mail] = await smtp.waitForMessages(1);
    expect(mail!.envelope.to).toEqual(['ekonomi@kund.se']);
    expect(mail!.parsed.subject).toContain('2026-0042');
    const attachment = mail!.parsed.attachments[0]!;
    expect(attachment.filename).toBe('Faktura-2026-0042.pdf');
    expect(attachment.contentType).toBe('application/pdf');
    expect(Buffer.compare(attachment.content, PDF)).toBe(0);
    // The PDF was fetched with the session cookie; nothing asked for it without.
    expect(site.refusedPdfRequests).toBe(0);
  });
});
