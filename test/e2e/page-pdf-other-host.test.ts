/**
 * A PDF on another host than the app (issue 16 item 3: Stripe's files host, Invoice2go's, a CDN or an S3
 * bucket), in Chromium with the built extension: Ownpost may not read that host, so the panel offers
 * "Allow Ownpost to read <host>"; the user's click asks the browser for exactly that origin, and the PDF
 * is fetched and attached at once, without starting over, and reaches the mail byte for byte. Both ways
 * the panel meets such a file: a capture (the app's button opens the file on its files host) and a PDF
 * link the detector found on another host.
 *
 * Chromium's permission prompt cannot be answered in a test. A host the user granted once is not asked
 * for again: each test grants its host first the way chrome://extensions does (developerPrivate, the
 * page's own API, as a user setting the extension's site access), which leaves the host not yet active
 * (`permissions.contains` is false: the panel shows the button), and the click's real
 * `permissions.request` is then granted by Chromium without a prompt. The request itself is the
 * extension's, from the panel's frame, on the click, with the one origin.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInvoiceSite, testPdf, type InvoiceSite } from '../helpers/invoice-site';
import { openSignedIn, pressSend, sendAnyway, startPairedBrowser, type PairedBrowser, sendFromPanel } from '../helpers/paired-browser';

const screen = (number: string, body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ERP</title></head>
<body><nav><a href="/">Home</a> <a href="/customers">Customers</a></nav><main><h1>Invoice ${number}</h1>
<p>Customer: Beta Ltd</p><p>Total: 1 250,00 EUR</p>${body}</main></body></html>`;

/** Hosts Ownpost may not read (not in the e2e manifest): the app's files host and a payment host. */
const FILES_HOST = 'files.other.test';
const PAY_HOST = 'pay.other.test';
/** A bucket the app's own download redirects to (a signed URL). */
const BUCKET_HOST = 's3.other.test';
const CAPTURED_PDF = testPdf('other-host-capture', 40_000);
const LINKED_PDF = testPdf('other-host-link', 25_000);
const SIGNED_PDF = testPdf('other-host-signed', 18_000);
/** A CDN host the user declines, and the file the user then adds instead. */
const CDN_HOST = 'cdn.other.test';
const CDN_PDF = testPdf('other-host-cdn', 15_000);
const OWN_FILE = testPdf('added by the user instead', 9_000);

let setup: PairedBrowser;
let ownFilePath: string;
let site: InvoiceSite;
let files: InvoiceSite;

beforeAll(async () => {
  ownFilePath = path.join(mkdtempSync(path.join(os.tmpdir(), 'ownpost-own-file-')), 'INV-213.pdf');
  writeFileSync(ownFilePath, OWN_FILE);
  setup = await startPairedBrowser({ hosts: { [FILES_HOST]: '127.0.0.1', [PAY_HOST]: '127.0.0.1', [BUCKET_HOST]: '127.0.0.1', [CDN_HOST]: '127.0.0.1' } });
  files = await startInvoiceSite([
    {
      path: '/none',
      html: '',
      pdfs: [
        { path: '/f/210', bytes: CAPTURED_PDF, public: true, contentType: 'application/octet-stream' },
        { path: '/i/211/pdf', bytes: LINKED_PDF, public: true },
        { path: '/signed/212', bytes: SIGNED_PDF, public: true, contentType: 'application/octet-stream' },
        { path: '/c/213/pdf', bytes: CDN_PDF, public: true },
      ],
    },
  ]);
  const port = new URL(files.origin).port;
  site = await startInvoiceSite([
    { path: '/invoices/210', html: screen('INV-210', `<button id="press" type="button" onclick="window.open('http://${FILES_HOST}:${port}/f/210')">PDF</button>`) },
    {
      path: '/invoices/212',
      html: screen('INV-212', '<p><a id="press" href="/files/212">Export</a></p>'),
      pdf: { path: '/files/212', bytes: Buffer.alloc(0), redirectTo: `http://${BUCKET_HOST}:${port}/signed/212?X-Amz-Signature=5e6f7a` },
    },
    { path: '/invoices/211', html: screen('INV-211', `<p><a href="http://${PAY_HOST}:${port}/i/211/pdf">Download PDF</a></p>`) },
    { path: '/invoices/213', html: screen('INV-213', `<p><a href="http://${CDN_HOST}:${port}/c/213/pdf">Download PDF</a></p>`) },
  ]);
}, 60_000);

afterAll(async () => {
  await site?.close();
  await files?.close();
  await setup?.close();
  if (ownFilePath) rmSync(path.dirname(ownFilePath), { recursive: true, force: true });
});

/** Is `origin` an active host permission of the extension? */
function hostActive(origin: string): Promise<boolean> {
  return setup.browser.serviceWorker.evaluate((o) => (globalThis as any).chrome.permissions.contains({ origins: [o] }), origin);
}

/** The user's earlier grant (see the file's comment); the host stays inactive until the extension asks. */
async function grantedOnceBefore(origin: string): Promise<void> {
  const page = await setup.browser.context.newPage();
  try {
    await page.goto('chrome://extensions');
    await page.evaluate(([id, o]) => (globalThis as any).chrome.developerPrivate.addHostPermission(id, o), [setup.browser.extensionId, origin] as const);
  } finally {
    await page.close();
  }
  expect(await hostActive(origin)).toBe(false);
}

/** Sends the panel's message; the one PDF of the mail that went out. */
async function sendAndReadPdf(panel: Awaited<ReturnType<typeof sendAnyway>>): Promise<Buffer> {
  const mail = await sendFromPanel(setup, panel);
  const pdfs = mail.parsed.attachments.filter((a) => a.contentType === 'application/pdf');
  expect(pdfs).toHaveLength(1);
  return pdfs[0]!.content;
}

describe('a PDF on another host', () => {
  it('offers "Allow Ownpost to read <host>" for a file the capture found on the app’s files host, and on the click attaches it at once', async () => {
    const origin = `http://${FILES_HOST}/*`;
    await grantedOnceBefore(origin);
    const page = await setup.browser.context.newPage();
    try {
      await openSignedIn(page, site.origin, '/invoices/210');
      await page.getByRole('heading', { name: 'Invoice INV-210' }).waitFor();
      const panel = await sendAnyway(setup, page);
      await panel.getByTestId('ownpost-capture-start').click();
      await expect.poll(() => panel.getByTestId('ownpost-capture-status').getAttribute('data-state')).toBe('armed');
      await page.click('#press');
      const status = panel.getByTestId('ownpost-capture-status');
      await expect.poll(() => status.getAttribute('data-reason'), { timeout: 15_000 }).toBe('other_site');
      expect(await status.textContent()).toContain(FILES_HOST);
      const allow = panel.getByTestId('ownpost-allow-host-button');
      expect(await allow.textContent()).toBe(`Allow Ownpost to read ${FILES_HOST}`);
      // Nothing is asked before the user's click.
      expect(await hostActive(origin)).toBe(false);

      await allow.click();
      await expect.poll(() => panel.getByTestId('ownpost-capture-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('taken');
      // Exactly that host, nothing wider.
      expect(await hostActive(origin)).toBe(true);
      expect(await hostActive('http://*.other.test/*')).toBe(false);
      expect(await hostActive(`http://${PAY_HOST}/*`)).toBe(false);
      expect(await panel.getByTestId('ownpost-attachment').count()).toBe(1);
      expect(Buffer.compare(await sendAndReadPdf(panel), CAPTURED_PDF)).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('offers the same for a PDF link the detector found on a payment host, and attaches it on the click', async () => {
    const origin = `http://${PAY_HOST}/*`;
    await grantedOnceBefore(origin);
    const page = await setup.browser.context.newPage();
    try {
      await openSignedIn(page, site.origin, '/invoices/211');
      await page.getByRole('heading', { name: 'Invoice INV-211' }).waitFor();
      const panel = await sendAnyway(setup, page);
      const offer = panel.getByTestId('ownpost-allow-host');
      await expect.poll(() => offer.getAttribute('data-host'), { timeout: 10_000 }).toBe(PAY_HOST);
      expect(await offer.textContent()).toContain(`The PDF is on ${PAY_HOST}`);
      expect(await panel.getByTestId('ownpost-attachment').count()).toBe(0);
      expect(await hostActive(origin)).toBe(false);

      await panel.getByTestId('ownpost-allow-host-button').click();
      await expect.poll(() => panel.getByTestId('ownpost-attachment').count(), { timeout: 15_000 }).toBe(1);
      expect(await panel.getByTestId('ownpost-allow-host').count()).toBe(0);
      expect(await hostActive(origin)).toBe(true);
      expect(Buffer.compare(await sendAndReadPdf(panel), LINKED_PDF)).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('asks for the bucket a same-site download redirects to (a signed URL), and fetches that address on the click', async () => {
    const origin = `http://${BUCKET_HOST}/*`;
    await grantedOnceBefore(origin);
    const page = await setup.browser.context.newPage();
    try {
      await openSignedIn(page, site.origin, '/invoices/212');
      await page.getByRole('heading', { name: 'Invoice INV-212' }).waitFor();
      const panel = await sendAnyway(setup, page);
      await panel.getByTestId('ownpost-capture-start').click();
      await expect.poll(() => panel.getByTestId('ownpost-capture-status').getAttribute('data-state')).toBe('armed');
      await page.click('#press');
      await expect.poll(() => panel.getByTestId('ownpost-capture-status').getAttribute('data-reason'), { timeout: 15_000 }).toBe('other_site');
      // The bucket is the host to allow, not the app's own site.
      expect(await panel.getByTestId('ownpost-allow-host').getAttribute('data-host')).toBe(BUCKET_HOST);
      await panel.getByTestId('ownpost-allow-host-button').click();
      await expect.poll(() => panel.getByTestId('ownpost-capture-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('taken');
      expect(await hostActive(origin)).toBe(true);
      expect(Buffer.compare(await sendAndReadPdf(panel), SIGNED_PDF)).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('attaches a PDF link on a host Ownpost may read already when the panel opens, without asking', async () => {
    const page = await setup.browser.context.newPage();
    try {
      await openSignedIn(page, site.origin, '/invoices/211');
      await page.getByRole('heading', { name: 'Invoice INV-211' }).waitFor();
      const panel = await sendAnyway(setup, page);
      await expect.poll(() => panel.getByTestId('ownpost-attachment').count(), { timeout: 15_000 }).toBe(1);
      expect(await panel.getByTestId('ownpost-allow-host').count()).toBe(0);
      expect(Buffer.compare(await sendAndReadPdf(panel), LINKED_PDF)).toBe(0);
    } finally {
      await page.close();
    }
  });
});

/** The draft the user writes before pressing Allow: none of it may be lost on the way. */
const DRAFT = { to: 'ap@beta.example', subject: 'Invoice INV-213 (corrected)', message: 'Hello,\nthe corrected invoice is attached.\nAnna' };

async function writeDraft(panel: Frame): Promise<void> {
  await panel.getByTestId('ownpost-to').fill(DRAFT.to);
  await panel.getByTestId('ownpost-subject').fill(DRAFT.subject);
  await panel.getByTestId('ownpost-message').fill(DRAFT.message);
}

async function expectDraftKept(panel: Frame): Promise<void> {
  expect(await panel.getByTestId('ownpost-to').inputValue()).toBe(DRAFT.to);
  expect(await panel.getByTestId('ownpost-subject').inputValue()).toBe(DRAFT.subject);
  expect(await panel.getByTestId('ownpost-message').inputValue()).toBe(DRAFT.message);
}

/** "Add a file" with the user's own PDF, then Send: the mail carries the draft and that file, and nothing from the declined host. */
async function addOwnFileAndSend(panel: Frame): Promise<void> {
  // From a path, as the file chooser gives it: Chromium then fires the input's events itself (trusted, as the
  // panel requires); a buffer would be set by a script, whose events the panel ignores.
  await panel.getByTestId('ownpost-add-file').setInputFiles(ownFilePath);
  await expect.poll(() => panel.getByTestId('ownpost-attachment').count()).toBe(1);
  expect(await panel.getByTestId('ownpost-attachment').textContent()).toContain('INV-213.pdf');
  await pressSend(panel);
  await expect.poll(() => panel.getByTestId('ownpost-status').getAttribute('data-state'), { timeout: 20_000 }).toBe('sent');
  const mail = setup.smtp.received.at(-1)!;
  expect(mail.envelope.to).toEqual([DRAFT.to]);
  expect(mail.parsed.subject).toBe(DRAFT.subject);
  expect(mail.parsed.text?.trim()).toBe(DRAFT.message);
  const pdfs = mail.parsed.attachments.filter((a) => a.contentType === 'application/pdf');
  expect(pdfs.map((a) => a.filename)).toEqual(['INV-213.pdf']);
  expect(Buffer.compare(pdfs[0]!.content, OWN_FILE)).toBe(0);
}

/** The panel of INV-213, whose PDF link is on the CDN host, showing the Allow offer. */
async function cdnPanel(page: Page): Promise<Frame> {
  await openSignedIn(page, site.origin, '/invoices/213');
  await page.getByRole('heading', { name: 'Invoice INV-213' }).waitFor();
  const panel = await sendAnyway(setup, page);
  await expect.poll(() => panel.getByTestId('ownpost-allow-host').getAttribute('data-host'), { timeout: 10_000 }).toBe(CDN_HOST);
  return panel;
}

/** Makes the frame's `permissions.request` give `answer` (Chromium's answer to the prompt) instead of showing the dialog; records what was asked. */
function answerPromptWith(panel: Frame, answer: 'declined' | 'refused-by-browser'): Promise<void> {
  return panel.evaluate((how) => {
    const api = (globalThis as any).chrome.permissions;
    const asked: unknown[] = ((globalThis as any).asked = []);
    api.request = (permissions: unknown) => {
      asked.push(permissions);
      // Chromium: Cancel resolves false; a request it will not show a prompt for rejects.
      return how === 'declined' ? Promise.resolve(false) : Promise.reject(new Error('Could not find an active window.'));
    };
  }, answer);
}

describe('a PDF on another host the user does not allow', () => {
  it('with Chromium’s prompt still open, the panel is not held up: the draft, Add a file and Send work, and nothing is fetched from that host', async () => {
    const page = await setup.browser.context.newPage();
    try {
      const panel = await cdnPanel(page);
      await writeDraft(panel);
      await panel.getByTestId('ownpost-allow-host-button').click();
      // The real prompt is up (nothing answers it here): the panel waits for it without blocking anything else.
      await expect.poll(() => panel.getByTestId('ownpost-allow-host').getAttribute('data-state')).toBe('asking');
      expect(await panel.getByTestId('ownpost-allow-host-button').isDisabled()).toBe(true);
      expect(await hostActive(`http://${CDN_HOST}/*`)).toBe(false);
      await expectDraftKept(panel);
      await addOwnFileAndSend(panel);
      expect(files.requests.filter((r) => r.path.startsWith('/c/213'))).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('declined: the panel says Ownpost was not allowed to read the host, keeps the draft, offers Add a file, and sends the user’s file', async () => {
    const page = await setup.browser.context.newPage();
    try {
      const panel = await cdnPanel(page);
      await writeDraft(panel);
      await answerPromptWith(panel, 'declined');
      await panel.getByTestId('ownpost-allow-host-button').click();
      const offer = panel.getByTestId('ownpost-allow-host');
      await expect.poll(() => offer.getAttribute('data-state')).toBe('refused');
      // Exactly the one origin was asked for, on the click.
      expect(await panel.evaluate(() => (globalThis as any).asked)).toEqual([{ origins: [`http://${CDN_HOST}/*`] }]);
      expect(await offer.getByRole('alert').textContent()).toBe(`Ownpost was not allowed to read ${CDN_HOST}. Add the file yourself.`);
      expect(await panel.getByTestId('ownpost-add-file').count()).toBe(1);
      // A second thought needs no new panel: the button is still there, and usable.
      expect(await panel.getByTestId('ownpost-allow-host-button').isEnabled()).toBe(true);
      expect(await panel.getByTestId('ownpost-attachment').count()).toBe(0);
      expect(await hostActive(`http://${CDN_HOST}/*`)).toBe(false);
      await expectDraftKept(panel);
      await addOwnFileAndSend(panel);
      expect(files.requests.filter((r) => r.path.startsWith('/c/213'))).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('refused by the browser without a prompt: the panel says in its own words that the browser did not ask, and offers Add a file', async () => {
    const page = await setup.browser.context.newPage();
    try {
      const panel = await cdnPanel(page);
      await writeDraft(panel);
      await answerPromptWith(panel, 'refused-by-browser');
      await panel.getByTestId('ownpost-allow-host-button').click();
      const offer = panel.getByTestId('ownpost-allow-host');
      await expect.poll(() => offer.getAttribute('data-state')).toBe('failed');
      const said = await offer.getByRole('alert').textContent();
      expect(said).toBe(`The browser did not ask whether Ownpost may read ${CDN_HOST}. Try again, or add the file yourself.`);
      expect(await panel.getByTestId('ownpost-add-file').count()).toBe(1);
      await expectDraftKept(panel);
      await addOwnFileAndSend(panel);
    } finally {
      await page.close();
    }
  });
});
