/**
 * The extension's own pages in Chromium, against a real relay and real SMTP servers: pairing in the
 * popup, adding a sender with the wizard (discovery, a failing test with its explanation, the
 * one-click fix, a passing test, the relay's own test before it saves), editing it, the sites,
 * templates and history pages, and switching the language. Takes the README's pictures.
 */
import type { Page } from 'playwright-core';
import { unlabelledControls } from '../helpers/paired-browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecretToken, newPairingCode } from '../../relay/auth/tokens';
import { certs } from '../helpers/certs';
import { launchWithExtension, type ExtensionBrowser } from '../helpers/chromium';
import { takePicture } from '../helpers/readme-pictures';
import { startDnsServer, type TestDnsServer } from '../helpers/dns-server';
import { startInvoiceSite, type InvoiceSite } from '../helpers/invoice-site';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import { startTestRelay, testProfile, type TestRelay } from '../helpers/test-relay';

const ADDRESS = 'anna@guess.test';
const PASSWORD = 'correct horse battery staple';

let dns: TestDnsServer;
/** The new sender's mailbox: a domain discovery does not know, so it guesses `smtp.guess.test`. */
let mailbox: TestSmtpServer;
/** The company's existing mail server, for the sends that fill the history. */
let office: TestSmtpServer;
let relay: TestRelay;
let relayUrl: string;
let browser: ExtensionBrowser;
let site: InvoiceSite;
let token: string;
let options: Page;

beforeAll(async () => {
  // smtp.guess.test answers on this machine, with a certificate for *.guess.test; the domain has no MX.
  dns = await startDnsServer({ 'guess.test': {}, 'smtp.guess.test': { A: ['127.0.0.1'] } });
  mailbox = await startSmtpServer({ users: { [ADDRESS]: PASSWORD }, server: { key: certs.discovery.key, cert: certs.discovery.cert } });
  office = await startSmtpServer({
    users: { 'anna@firma.se': PASSWORD },
    onMessage(mail) {
      if (mail.envelope.to.includes('nobody@kund.test')) throw Object.assign(new Error('5.1.1 <nobody@kund.test>: Recipient address rejected: User unknown'), { responseCode: 550 });
    },
  });
  relay = await startTestRelay(
    { dnsServers: [dns.address], discoveryGuessEndpoints: [{ port: mailbox.port, security: 'starttls' }] },
    // The relay tests new settings itself before saving them, as in production.
    { OWNPOST_TEST_BEFORE_SAVE: '1' },
  );
  relayUrl = await relay.relay.listen();
  site = await startInvoiceSite([{ path: '/invoices/42', html: '<!doctype html><h1>Faktura 2026-0042</h1><a href="/invoices/42/pdf">PDF</a>' }]);
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await relay?.close();
  await Promise.all([mailbox?.close(), office?.close(), dns?.close()]);
});

async function pairingCodeFor(userId: string): Promise<string> {
  const code = newPairingCode();
  await relay.relay.store.createPairingCode({ hash: hashSecretToken(code), userId, expiresAt: Date.now() + 600_000 });
  return code;
}

const field = (page: Page, testId: string) => page.getByTestId(testId);

/** The focused element and whether it shows a focus ring. */
function focusRing(page: Page): Promise<{ testId: string | null; text: string; outline: string }> {
  return page.evaluate(() => {
    const focused = document.activeElement as HTMLElement;
    const style = getComputedStyle(focused);
    return { testId: focused.getAttribute('data-testid'), text: focused.textContent?.trim() ?? '', outline: `${style.outlineStyle} ${style.outlineWidth}` };
  });
}

/**
 * A picture of the whole page as it reads from the top: the window is made as tall as the page
 * first, so the sticky menu and save bar sit where they belong instead of where the scroll left them.
 */
async function shoot(page: Page, name: string): Promise<void> {
  // Every page pictured is also checked: each control has a name a screen reader reads out.
  expect(await unlabelledControls(page), `unlabelled controls on ${name}`).toEqual([]);
  await takePicture(page, name, { wholePage: true });
}

describe('the extension’s own pages', () => {
  it('pairs in the popup', async () => {
    const added = await relay.addUser('anna@firma.se', 'admin');
    token = added.token;
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 360, height: 480 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await field(popup, 'relay-url').fill(relayUrl);
    await field(popup, 'pairing-code').fill(await pairingCodeFor(added.user.id));
    await field(popup, 'connect').click();
    await expect.poll(() => field(popup, 'connected-as').textContent(), { timeout: 10_000 }).toBe('anna@firma.se');
    // No sender yet: the popup offers to add one.
    await expect.poll(() => field(popup, 'popup-add-sender').isVisible()).toBe(true);
    await popup.close();
  });

  it('adds a sender with the wizard: discovery, a failing test explained, the one-click fix, a passing test, save', async () => {
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html#/senders`);
    await expect.poll(() => field(options, 'senders-empty').isVisible(), { timeout: 10_000 }).toBe(true);

    // Keyboard first: Tab reaches the skip link, the language menu, then the sections, each with a visible focus ring.
    await options.keyboard.press('Tab');
    expect(await focusRing(options)).toMatchObject({ text: 'Skip to content', outline: 'solid 3px' });
    await options.keyboard.press('Tab');
    expect(await focusRing(options)).toMatchObject({ testId: 'language-select', outline: 'solid 3px' });
    await options.keyboard.press('Tab');
    expect(await focusRing(options)).toMatchObject({ testId: 'nav-senders', outline: 'solid 3px' });
    await field(options, 'sender-add').focus();
    await options.keyboard.press('Enter');

    // 1. The address; discovery finds the server by guessing, like Thunderbird. Enter continues.
    await field(options, 'wizard-email').fill(ADDRESS);
    await field(options, 'wizard-from-name').fill('Anna Berg');
    await field(options, 'wizard-from-name').press('Enter');
    await expect.poll(() => field(options, 'wizard-host').inputValue(), { timeout: 20_000 }).toBe('smtp.guess.test');
    expect(await field(options, 'wizard-port').inputValue()).toBe(String(mailbox.port));
    expect(await field(options, 'wizard-security-starttls').isChecked()).toBe(true);
    expect(await field(options, 'wizard-provider').getAttribute('data-source')).toBe('guess');
    expect(await field(options, 'wizard-username').inputValue()).toBe(ADDRESS);
    await shoot(options, 'options-wizard-server');

    // 2. The user picks the wrong encryption for this port, and mistypes the password.
    await field(options, 'wizard-security-tls').check();
    expect(await field(options, 'wizard-port').inputValue()).toBe(String(mailbox.port));
    await field(options, 'wizard-continue').click();
    await field(options, 'wizard-password').fill('correct horse battery');
    await field(options, 'wizard-test').click();

    // 3. The test stops at TLS, says why in plain words, and offers the setting that works.
    const result = field(options, 'test-result');
    await expect.poll(() => result.getAttribute('data-state'), { timeout: 30_000 }).toBe('failed');
    expect(await field(options, 'test-problem').getAttribute('data-code')).toBe('tls_wrong_version_number');
    expect(await field(options, 'test-explanation').textContent()).toMatch(/\w+/);
    expect(await field(options, 'test-fix').textContent()).toMatch(/\w+/);
    expect(await field(options, 'wizard-save').isDisabled()).toBe(true);
    await shoot(options, 'options-wizard-test-failed');

    // 4. One click applies the suggestion and tests again: now the server says the password is wrong.
    await field(options, 'test-suggestion').click();
    await expect.poll(() => field(options, 'test-problem').getAttribute('data-code'), { timeout: 30_000 }).toBe('auth_failed');
    expect(await options.locator('[data-testid="test-stage"][data-stage="tls"]').getAttribute('data-ok')).toBe('true');
    expect(await options.locator('[data-testid="test-stage"][data-stage="auth"]').getAttribute('data-ok')).toBe('false');
    expect(await field(options, 'wizard-save').isDisabled()).toBe(true);

    // 5. The right password passes; Save opens; the relay tests again before it stores the sender.
    await field(options, 'wizard-retest').click();
    await field(options, 'wizard-password').fill(PASSWORD);
    await field(options, 'wizard-test').click();
    await expect.poll(() => result.getAttribute('data-state'), { timeout: 30_000 }).toBe('ok');
    await shoot(options, 'options-wizard-test-passed');
    await field(options, 'wizard-save').click();

    await expect.poll(() => field(options, 'flash').textContent(), { timeout: 30_000 }).toContain(ADDRESS);
    await expect.poll(() => field(options, 'sender-item').count()).toBe(1);
    await shoot(options, 'options-senders');

    const saved = await relay.request('GET', '/v1/profiles', { token });
    expect(saved.body.profiles).toHaveLength(1);
    expect(saved.body.profiles[0]).toMatchObject({
      fromAddress: ADDRESS,
      fromName: 'Anna Berg',
      smtp: { host: 'smtp.guess.test', port: mailbox.port, security: 'starttls' },
      auth: { type: 'password', username: ADDRESS, hasPassword: true },
      isDefault: true,
      verification: { status: 'passed' },
    });
  });

  it('edits every kind of field and the relay keeps the changes', async () => {
    await field(options, 'sender-edit').click();
    await expect.poll(() => field(options, 'editor-name').inputValue(), { timeout: 10_000 }).not.toBe('');
    await field(options, 'editor-name').fill('Anna’s invoices');
    await field(options, 'editor-reply-to').fill('faktura@guess.test');
    await field(options, 'editor-allow-other').check();
    await field(options, 'editor-allowed-senders').fill('@guess.test');
    await field(options, 'editor-bcc-self').check();
    await field(options, 'editor-sites').fill('*.fakturownia.pl\nhttps://app.example.com/brand-b/');
    await field(options, 'editor-projects').fill('Brand B');
    await field(options, 'editor-max-size').fill('20');
    await shoot(options, 'options-sender-edit');
    await field(options, 'editor-save').click();
    await expect.poll(() => field(options, 'flash').textContent(), { timeout: 15_000 }).toContain('Anna’s invoices');

    const [saved] = (await relay.request('GET', '/v1/profiles', { token })).body.profiles;
    expect(saved).toMatchObject({
      name: 'Anna’s invoices',
      replyTo: 'faktura@guess.test',
      allowOtherSender: true,
      allowedSenders: ['@guess.test'],
      bccSelf: true,
      sites: ['*.fakturownia.pl', 'https://app.example.com/brand-b/'],
      projects: ['Brand B'],
    });
    const delivery = await relay.request('GET', `/v1/profiles/${saved.id}/delivery`, { token });
    expect(delivery.body.maxMessageBytes).toBe(20_000_000);
    expect(await field(options, 'sender-item').textContent()).toContain('faktura@guess.test');
  });

  it('shows the history of sends, with the problem of the one that failed', async () => {
    // Two sends through the company's existing mail server: one arrives, one is refused for good.
    const company = await relay.request('POST', '/v1/profiles', {
      token,
      body: { ...testProfile(office.port, { name: 'Firma AB', scope: 'company', fromName: 'Firma AB', isDefault: false }), force: true },
    });
    expect(company.status).toBe(201);
    for (const [to, subject, documentRef] of [
      ['ekonomi@kund.se', 'Faktura 2026-0042', '2026-0042'],
      ['nobody@kund.test', 'Faktura 2026-0043', '2026-0043'],
    ]) {
      const sent = await relay.request('POST', '/v1/messages', {
        token,
        headers: { 'Idempotency-Key': `history-${documentRef}` },
        body: { profileId: company.body.id, to: [to], subject, text: 'Hej!', context: { documentRef } },
      });
      expect(sent.status).toBe(202);
    }
    await expect
      .poll(async () => (await relay.request('GET', '/v1/messages', { token })).body.messages.map((m: { status: string }) => m.status).sort(), { timeout: 20_000 })
      .toEqual(['failed', 'sent']);

    await field(options, 'nav-history').click();
    await expect.poll(() => field(options, 'history-row').count(), { timeout: 10_000 }).toBe(2);
    await field(options, 'history-problem').locator('summary').click();
    expect(await field(options, 'history-problem').textContent()).toContain('550');
    await shoot(options, 'options-history');

    await field(options, 'history-filter-status').selectOption('failed');
    expect(await options.locator('[data-testid="history-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')))).toEqual(['failed']);
    await field(options, 'history-filter-status').selectOption('all');
    await field(options, 'history-search').fill('0042');
    await expect.poll(() => field(options, 'history-row').count()).toBe(1);
  });

  it('edits a template with a live preview', async () => {
    await field(options, 'nav-templates').click();
    const subject = field(options, 'template-subject');
    await expect.poll(() => subject.inputValue(), { timeout: 10_000 }).toBe('Invoice {documentNumber}');
    await subject.fill('Invoice {documentNumber} from Firma AB');
    await expect.poll(() => field(options, 'template-preview-subject').textContent()).toBe('Invoice 2026-0042 from Firma AB');
    await field(options, 'template-save').click();
    await expect.poll(() => field(options, 'template-source').getAttribute('data-source')).not.toBe('builtin');
    await shoot(options, 'options-templates');
    // Kept in the relay, where every browser of the company reads it.
    const listed = await relay.request('GET', '/v1/templates', { token });
    const invoice = listed.body.templates.find((t: { kind: string; language: string }) => t.kind === 'invoice' && t.language === 'en');
    expect(invoice.subject).toBe('Invoice {documentNumber} from Firma AB');
  });

  it('shows the sites page with the recipes section (popup-sites.test.ts switches sites on and off)', async () => {
    await field(options, 'nav-sites').click();
    await expect.poll(() => field(options, 'sites-empty').isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => field(options, 'recipes-empty').isVisible()).toBe(true);
  });

  it('switches the language, and the relay explains in the new one', async () => {
    await field(options, 'nav-senders').click();
    await field(options, 'language-select').selectOption('de');
    await expect.poll(() => field(options, 'nav-senders').textContent()).toBe('Absender');
    await expect.poll(() => options.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(await field(options, 'sender-add').textContent()).toBe('Absender hinzufügen');

    // The relay answers a test in the language the extension asks for.
    await options.goto(`chrome-extension://${browser.extensionId}/options.html#/senders`);
    await expect.poll(() => field(options, 'sender-item').count(), { timeout: 10_000 }).toBe(2);
    await field(options, 'sender-test').first().click();
    await expect.poll(() => options.locator('[data-testid="test-result"]').first().getAttribute('data-state'), { timeout: 30_000 }).toBe('ok');
    expect(await options.locator('[data-testid="test-result"]').first().textContent()).toContain('Alles funktioniert');
    await shoot(options, 'options-senders-de');

    // The popup follows the choice too, and shows the sender, this site and the last sends.
    const invoice = await browser.context.newPage();
    await invoice.goto(`${site.origin}/invoices/42`);
    const tabId = await options.evaluate(async (url) => {
      const [tab] = await (globalThis as any).chrome.tabs.query({ url });
      return tab.id as number;
    }, `${site.origin}/invoices/42`);
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 360, height: 600 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await expect.poll(() => popup.getByTestId('popup-recent-item').count(), { timeout: 10_000 }).toBe(2);
    expect(await popup.getByTestId('popup-site').getAttribute('data-state')).toBe('on');
    expect(await popup.getByTestId('popup-site-on').textContent()).toBe('Ownpost ist für diese Website eingeschaltet');
    expect(await popup.getByTestId('popup-sender').textContent()).toContain(ADDRESS);

    await field(options, 'language-select').selectOption('en');
    await expect.poll(() => popup.getByTestId('popup-site-on').textContent()).toBe('Ownpost is on for this site');
    await shoot(popup, 'popup-status');
    await popup.close();
    await invoice.close();
  });
});
