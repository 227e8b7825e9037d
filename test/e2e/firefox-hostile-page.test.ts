/**
 * The hostile-page tests of page-safety.test.ts, in Firefox ESR (issue 14). Firefox has no
 * IntersectionObserver v2, so the panel's frame cannot ask the browser whether it is covered: there the
 * content script's checks of the panel's container decide alone (invoice.content/panel-frame.ts). Each
 * way of hiding, disguising or covering the panel (test/helpers/clickjacks.ts) must get the user's click
 * refused; a page script's synthetic clicks and keys must not open the panel; and once the page stops,
 * the user's send goes out, once.
 */
import { randomUUID } from 'node:crypto';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecretToken, newPairingCode } from '../../relay/auth/tokens';
import { CLICKJACKS, UNDO_CLICKJACKS } from '../helpers/clickjacks';
import { byTestId, launchFirefoxWithExtension, panelFrame, type FirefoxWithExtension } from '../helpers/firefox';
import { startInvoiceSite, testPdf, type InvoiceSite } from '../helpers/invoice-site';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import { startTestRelay, testProfile, type TestRelay } from '../helpers/test-relay';

const FIREFOX_UUID = randomUUID();
const PDF = testPdf('firefox hostile page 4712');
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Invoice 4712</title></head><body>
  <h1>Invoice 4712</h1><p>Customer: Honest Ltd</p><p>Email: <a href="mailto:accounts@honest.example">accounts@honest.example</a></p>
  <a href="/invoices/4712.pdf">PDF</a></body></html>`;

let smtp: TestSmtpServer;
let relay: TestRelay;
let site: InvoiceSite;
let firefox: FirefoxWithExtension;
let page: Page;
let panel: Frame;
let userToken: string;

beforeAll(async () => {
  smtp = await startSmtpServer({ users: { 'anna@firma.se': 'correct horse battery staple' } });
  relay = await startTestRelay({}, { OWNPOST_EXTENSION_IDS: FIREFOX_UUID });
  const relayUrl = await relay.relay.listen();
  const { user, token } = await relay.addUser('anna@firma.se', 'admin');
  userToken = token;
  const created = await relay.request('POST', '/v1/profiles', { token, body: testProfile(smtp.port) });
  if (created.status !== 201) throw new Error(`could not create the test profile: ${JSON.stringify(created.body)}`);
  const code = newPairingCode();
  await relay.relay.store.createPairingCode({ hash: hashSecretToken(code), userId: user.id, expiresAt: Date.now() + 600_000 });
  site = await startInvoiceSite([{ path: '/invoices/4712', html: PAGE, pdf: { path: '/invoices/4712.pdf', bytes: PDF } }]);

  firefox = await launchFirefoxWithExtension({ uuid: FIREFOX_UUID });
  const extensionPage = await firefox.openExtensionPage('popup.html');
  const paired = (await extensionPage.evaluate(`globalThis.browser.runtime.sendMessage(${JSON.stringify({ type: 'connection.pair', relayUrl, code })})`)) as { ok: boolean };
  if (!paired.ok) throw new Error(`pairing failed: ${JSON.stringify(paired)}`);
  page = await firefox.browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  await page.goto(`${site.origin}/login?next=${encodeURIComponent('/invoices/4712')}`);
  await page.waitForSelector(byTestId('ownpost-send'), { timeout: 15_000 });
}, 60_000);

afterAll(async () => {
  await firefox?.close();
  await site?.close();
  await relay?.close();
  await smtp?.close();
});

const clickable = () => panel.evaluate(() => document.documentElement.getAttribute('data-clickable'));
const countOf = (testId: string) => panel.$$(byTestId(testId)).then((found) => found.length);
const panelFrames = () => page.frames().filter((f) => /^moz-extension:\/\/[^/]+\/panel\.html/.test(f.url()) && !f.detached).length;

describe('a page script against the in-page UI, in Firefox', () => {
  it('cannot open the panel with synthetic clicks, pointer events or keys at the button', async () => {
    await page.evaluate(() => {
      const button = document.querySelector('ownpost-send-ui')!.shadowRoot!.querySelector('button')!;
      button.focus();
      button.click();
      for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) button.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, cancelable: true }));
      for (const key of ['Enter', ' ']) {
        for (const type of ['keydown', 'keypress', 'keyup'])
          button.dispatchEvent(new KeyboardEvent(type, { key, code: key === ' ' ? 'Space' : 'Enter', bubbles: true, composed: true, cancelable: true }));
      }
      button.closest('form')?.requestSubmit();
    });
    // The user's own click opens exactly one panel, so none of the script's was on its way.
    await page.click(byTestId('ownpost-send'));
    panel = await panelFrame(page);
    expect(panelFrames()).toBe(1);
    await expect.poll(() => panel.$eval(byTestId('ownpost-to'), (e) => (e as HTMLInputElement).value), { timeout: 15_000 }).toBe('accounts@honest.example');
    await expect.poll(() => panel.$eval(byTestId('ownpost-attachment'), (e) => e.textContent), { timeout: 15_000 }).toContain('4712.pdf');
  });

  for (const attack of CLICKJACKS) {
    it(`clickjacking: ${attack.name}: the user's click in the panel is refused`, async () => {
      await page.evaluate(attack.script);
      try {
        await expect.poll(clickable, { timeout: 5_000 }).toBe('false');
        const label = await panel.$eval(byTestId('ownpost-submit'), (e) => e.textContent);
        // The click through to the frame, at Send's place in the frame (puppeteer aims at the element itself).
        await panel.click(byTestId('ownpost-submit'));
        await expect.poll(() => countOf('ownpost-click-refused')).toBe(1);
        // Had the click gone through, Send would say "Sending…" from that same click.
        expect(await panel.$eval(byTestId('ownpost-submit'), (e) => e.textContent)).toBe(label);
        expect(await countOf('ownpost-status')).toBe(0);
        expect(smtp.received).toHaveLength(0);
      } finally {
        await page.evaluate(UNDO_CLICKJACKS);
      }
      await expect.poll(clickable, { timeout: 10_000 }).toBe('true');
    });
  }

  it('sends once the panel is plainly visible again, exactly once', async () => {
    await panel.click(byTestId('ownpost-submit'));
    await expect.poll(() => panel.$eval(byTestId('ownpost-status'), (e) => e.getAttribute('data-state')).catch(() => null), { timeout: 30_000 }).toBe('sent');
    const [mail] = await smtp.waitForMessages(1, 20_000);
    expect(mail!.envelope.to).toEqual(['accounts@honest.example']);
    expect(Buffer.compare(mail!.parsed.attachments[0]!.content, PDF)).toBe(0);
    // A second send would be at the relay by now: once it has delivered everything it accepted, one mail.
    const messages = async () => (await relay.request('GET', '/v1/messages?limit=50', { token: userToken })).body.messages as { status: string }[];
    await expect.poll(async () => (await messages()).every((m) => m.status === 'sent' || m.status === 'failed'), { timeout: 20_000 }).toBe(true);
    expect(await messages()).toHaveLength(1);
    expect(smtp.received).toHaveLength(1);
  });
});
