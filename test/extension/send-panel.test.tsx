/**
 * The in-page panel against a fake background (fake-background.ts): what it prefills, what it refuses,
 * and the draft it hands the background. Real Chromium, real trust and a real relay are in
 * test/e2e/page-*.test.ts.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { orderProfilesForPage } from '../../extension/entrypoints/invoice.content/panel/panel-helpers';
import { SendPanel } from '../../extension/entrypoints/invoice.content/panel/SendPanel';
import type { Language } from '../../extension/i18n/core';
import type { DetectedDocument } from '../../extension/sites/site-adapter';
import { detectFirstDocument } from './detect-page';
import { fakeBackground, type FakeBackground } from './fake-background';
import { eventually } from './render';
import { message, profile } from './sample-data';

const PAGE = 'https://app.wfirma.pl/invoices/42';
const FOUND: DetectedDocument = {
  number: '2026-0042',
  recipients: ['ekonomi@kund.dk', 'support@app.example'],
  customerName: 'Kunde ApS',
  amount: '3.750,00 kr.',
  language: 'da',
  pdfUrl: 'https://app.wfirma.pl/invoices/42/pdf',
};

/** happy-dom's events are never trusted; the panel only listens to the user's, so the test speaks as the user. */
async function asUser(element: Element, type: 'click' | 'input' | 'change', value?: string) {
  await act(() => {
    if (value !== undefined) (element as HTMLInputElement).value = value;
    const event = new Event(type, { bubbles: true });
    Object.defineProperty(event, 'isTrusted', { value: true });
    element.dispatchEvent(event);
  });
}

let background: FakeBackground;
let container: HTMLElement;
const byTestId = (id: string) => container.querySelector<HTMLInputElement>(`[data-testid="${id}"]`);

async function openPanel(found = FOUND, language: Language = 'en') {
  container = document.createElement('div');
  document.body.append(container);
  const host = { language, pageUrl: () => new URL(PAGE), recipesChanged: () => undefined };
  await act(() => render(<SendPanel found={found} host={host} signal={new AbortController().signal} onClose={() => undefined} />, container));
}

beforeEach(() => {
  fakeBrowser.reset();
  document.body.innerHTML = '';
  background = fakeBackground({
    'profiles.list': () => ({
      profiles: [
        profile({ id: 'personal-default', isDefault: true, fromName: 'Anna Berg' }),
        profile({ id: 'brand', scope: 'company', fromName: 'Wfirma Brand', fromAddress: 'faktura@brand.pl', sites: ['*.wfirma.pl'] }),
      ],
    }),
    'document.inspect': () => ({ filename: 'Faktura-42.pdf', size: 48_000, contentType: 'application/pdf' }),
    'document.history': () => ({ messages: [message({ to: ['old@kund.dk'] })] }),
    'message.send': () => message({ status: 'queued', sentAt: undefined }),
    'message.status': () => message({ to: ['ekonomi@kund.dk'] }),
  });
});

describe('the send panel', () => {
  it('prefills the sender mapped to this site, the customer’s address, and the document’s language’s template', async () => {
    await openPanel();
    await eventually(() => expect(byTestId('ownpost-from')!.value).toBe('brand'));
    expect(byTestId('ownpost-to')!.value).toBe('ekonomi@kund.dk');
    await eventually(() => expect(byTestId('ownpost-subject')!.value).toBe('Faktura 2026-0042'));
    expect(byTestId('ownpost-message')!.value).toContain('Hej Kunde ApS');
    expect(byTestId('ownpost-message')!.value).toContain('Wfirma Brand');
    await eventually(() => expect(byTestId('ownpost-attachment')!.textContent).toContain('Faktura-42.pdf · 48 kB'));
    await eventually(() => expect(byTestId('ownpost-history')!.textContent).toContain('old@kund.dk'));
  });

  it('fills the template of the document’s kind: the company’s from the relay, else the built-in one', async () => {
    background.handlers['templates.list'] = () => ({
      templates: [{ kind: 'quote', language: 'da', subject: 'Vores tilbud {documentNumber}', message: 'Hej {customerName}', source: 'company' }],
    });
    await openPanel({ ...FOUND, kind: 'quote' });
    await eventually(() => expect(byTestId('ownpost-subject')!.value).toBe('Vores tilbud 2026-0042'));
    document.body.innerHTML = '';
    await openPanel({ ...FOUND, kind: 'credit-note' });
    await eventually(() => expect(byTestId('ownpost-subject')!.value).toBe('Kreditnota 2026-0042'));
    expect(background.sent('templates.list').length).toBeGreaterThanOrEqual(2);
  });

  it('starts an Italian page’s mail in Italian, whatever language the panel speaks; the company’s Italian wording first', async () => {
    const found = detectFirstDocument(
      '<h1>Fattura n. 2026/042</h1><p>Cliente: Rossi S.r.l.</p><p>Email: amministrazione@rossi.example.it</p><p>Totale da pagare: 1.250,00 €</p><a href="/fatture/42.pdf">Scarica PDF</a>',
      { url: 'https://app.fatture.example/fatture/42', lang: 'it' },
    );
    expect(found).toMatchObject({ number: '2026/042', kind: 'invoice', language: 'it' });
    document.body.innerHTML = '';
    await openPanel(found!, 'sv');
    await eventually(() => expect(byTestId('ownpost-subject')!.value).toBe('Fattura 2026/042'));
    expect(byTestId('ownpost-message')!.value).toMatch(/^Buongiorno Rossi S\.r\.l\.,\n\nin allegato Le trasmettiamo la fattura 2026\/042\./);

    background.handlers['templates.list'] = () => ({
      templates: [{ kind: 'invoice', language: 'it', subject: 'Fattura n. {documentNumber} – Studio Berg', message: 'Gentile cliente', source: 'company' }],
    });
    document.body.innerHTML = '';
    await openPanel(found!, 'sv');
    await eventually(() => expect(byTestId('ownpost-subject')!.value).toBe('Fattura n. 2026/042 – Studio Berg'));
  });

  it('falls back to the user’s language for a page in a language without templates', async () => {
    const { language: _none, ...unknownLanguage } = FOUND;
    await openPanel(unknownLanguage, 'de');
    await eventually(() => expect(byTestId('ownpost-subject')!.value).toBe('Rechnung 2026-0042'));
  });

  it('says the relay cannot be asked instead of "Loading senders…" for ever, and fits the message box to the message', async () => {
    background.handlers['profiles.list'] = () => ({ error: { code: 'relay_unreachable', message: 'The Ownpost relay at http://127.0.0.1:8787 does not answer.' } });
    await openPanel();
    await eventually(() => expect(byTestId('ownpost-status')?.dataset.state).toBe('error'));
    expect(container.textContent).toContain('does not answer');
    expect(byTestId('ownpost-from')!.textContent).not.toContain('Loading senders');
    await eventually(() => expect(byTestId('ownpost-message')!.value).toContain('Kunde ApS'));
    const lines = byTestId('ownpost-message')!.value.split('\n').length;
    expect(Number(byTestId('ownpost-message')!.getAttribute('rows'))).toBeGreaterThanOrEqual(Math.min(16, lines));
  });

  it('refuses an address the relay would refuse, and sends nothing', async () => {
    await openPanel();
    await eventually(() => expect(byTestId('ownpost-from')!.value).toBe('brand'));
    await asUser(byTestId('ownpost-to')!, 'input', '"x@evil.example" <ekonomi@kund.dk>, kund@@dk');
    await asUser(byTestId('ownpost-submit')!, 'click');
    await eventually(() => expect(byTestId('ownpost-field-problem')!.textContent).toMatch(/^To: /));
    expect(background.sent('message.send')).toEqual([]);
  });

  it('hands the background one draft with the checked addresses, the Cc list and the document', async () => {
    await openPanel();
    await eventually(() => expect(byTestId('ownpost-subject')!.value).toBe('Faktura 2026-0042'));
    await asUser(byTestId('ownpost-cc')!, 'input', 'Bo <bo@firma.se>; revisor@firma.se');
    await asUser(byTestId('ownpost-submit')!, 'click');
    await eventually(() => expect(byTestId('ownpost-status')!.getAttribute('data-state')).toBe('sent'));
    const [sent] = background.sent('message.send');
    expect(sent!.draft).toMatchObject({
      profileId: 'brand',
      to: ['ekonomi@kund.dk'],
      cc: ['Bo <bo@firma.se>', 'revisor@firma.se'],
      subject: 'Faktura 2026-0042',
      documentUrl: FOUND.pdfUrl,
      documentRef: '2026-0042',
      attachments: [],
    });
    // 128 random bits from getRandomValues: randomUUID exists only in secure contexts (issue 16).
    expect(sent!.draft.idempotencyKey).toMatch(/^[0-9a-f]{32}$/);
  });

  it('says when the company’s fallback sender sends it and when it was split, while queued and once sent', async () => {
    const fallback = { fromProfileId: 'brand', code: 'profile_failing' };
    const part = { number: 1, of: 2 };
    background.handlers['message.send'] = () => ({
      ...message({ status: 'queued', sentAt: undefined, profileId: 'company-fallback', fallback, part }),
      parts: [
        { id: 'm1', part, documents: [{ ref: '2026-0042' }] },
        { id: 'm2', part: { number: 2, of: 2 }, documents: [{ ref: '2026-0043' }] },
      ],
    });
    background.handlers['message.status'] = () => message({ profileId: 'company-fallback', fallback, part });
    await openPanel();
    await eventually(() => expect(byTestId('ownpost-subject')!.value).toBe('Faktura 2026-0042'));
    await asUser(byTestId('ownpost-submit')!, 'click');
    await eventually(() => expect(byTestId('ownpost-status')!.dataset.state).toBe('queued'));
    // The relay did not name the sender: the panel names it as its own list does.
    expect(byTestId('ownpost-fallback')!.textContent).toBe('The company’s fallback sender sends this message, because “Office” could not be used.');
    expect(byTestId('ownpost-split')!.textContent).toBe('Split into 2 messages, because the documents were too large for one.');
    await eventually(() => expect(byTestId('ownpost-status')!.dataset.state).toBe('sent'));
    expect(byTestId('ownpost-fallback')!.textContent).toContain('“Office”');
    expect(byTestId('ownpost-split')!.textContent).toContain('2');
  });

  it('says nothing about the route of an ordinary send, and says it in the page’s language otherwise', async () => {
    await openPanel();
    await eventually(() => expect(byTestId('ownpost-subject')!.value).toBe('Faktura 2026-0042'));
    await asUser(byTestId('ownpost-submit')!, 'click');
    await eventually(() => expect(byTestId('ownpost-status')!.dataset.state).toBe('sent'));
    expect(byTestId('ownpost-fallback')).toBeNull();
    expect(byTestId('ownpost-split')).toBeNull();

    document.body.innerHTML = '';
    background.handlers['message.status'] = () => message({ fallback: { fromProfileId: 'brand', fromProfileName: 'Marka' }, part: { number: 1, of: 3 } });
    await openPanel(FOUND, 'pl');
    await eventually(() => expect(byTestId('ownpost-subject')!.value).not.toBe(''));
    await asUser(byTestId('ownpost-submit')!, 'click');
    await eventually(() => expect(byTestId('ownpost-status')!.dataset.state).toBe('sent'));
    expect(byTestId('ownpost-fallback')!.textContent).toBe('Tę wiadomość wysyła zapasowy nadawca firmy, bo nie można było użyć nadawcy „Marka”.');
    expect(byTestId('ownpost-split')!.textContent).toBe('Podzielono na 3 wiadomości, bo dokumenty były za duże na jedną.');
  });

  it('says so when the mail went out but the server refused some of its recipients, with the server’s words', async () => {
    const problem = { code: 'recipients_partly_refused', title: 'Some recipients were refused', explanation: 'The server took the message for the others.', fix: 'Check the refused addresses.' };
    const lastReply = '250 2.0.0 Ok: queued\nnobody@customer.example: 550 5.1.1 User unknown';
    background.handlers['message.status'] = () => message({ problem, lastReply });
    await openPanel();
    await eventually(() => expect(byTestId('ownpost-subject')!.value).toBe('Faktura 2026-0042'));
    await asUser(byTestId('ownpost-submit')!, 'click');
    await eventually(() => expect(byTestId('ownpost-status')!.dataset.state).toBe('sent'));
    const note = byTestId('ownpost-sent-problem')!;
    expect(note.dataset.code).toBe('recipients_partly_refused');
    expect(note.textContent).toContain('Some recipients were refused');
    expect(note.querySelector('code')!.textContent).toBe(lastReply);
  });

  it('shows no such note for a mail every recipient took', async () => {
    await openPanel();
    await eventually(() => expect(byTestId('ownpost-subject')!.value).toBe('Faktura 2026-0042'));
    await asUser(byTestId('ownpost-submit')!, 'click');
    await eventually(() => expect(byTestId('ownpost-status')!.dataset.state).toBe('sent'));
    expect(byTestId('ownpost-sent-problem')).toBeNull();
  });

  it('hands the background the blind copies as bare addresses, and refuses a Bcc the relay would refuse', async () => {
    await openPanel();
    await eventually(() => expect(byTestId('ownpost-subject')!.value).toBe('Faktura 2026-0042'));
    await asUser(byTestId('ownpost-bcc')!, 'input', 'arkiv@@firma.se');
    await asUser(byTestId('ownpost-submit')!, 'click');
    await eventually(() => expect(byTestId('ownpost-field-problem')!.textContent).toMatch(/^Bcc: /));
    expect(background.sent('message.send')).toEqual([]);

    await asUser(byTestId('ownpost-bcc')!, 'input', 'Arkiv <arkiv@firma.se>, revisor@firma.se');
    await asUser(byTestId('ownpost-submit')!, 'click');
    await eventually(() => expect(byTestId('ownpost-status')!.getAttribute('data-state')).toBe('sent'));
    const [sent] = background.sent('message.send');
    expect(sent!.draft).toMatchObject({ to: ['ekonomi@kund.dk'], cc: [], bcc: ['arkiv@firma.se', 'revisor@firma.se'] });
  });

  it('ignores what a page script types into its fields, and stops before sending what the page changed', async () => {
    await openPanel();
    await eventually(() => expect(byTestId('ownpost-subject')!.value).toBe('Faktura 2026-0042'));
    await act(() => {
      byTestId('ownpost-to')!.value = 'thief@evil.example';
      byTestId('ownpost-to')!.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await asUser(byTestId('ownpost-submit')!, 'click');
    await eventually(() => expect(byTestId('ownpost-status')!.getAttribute('data-state')).toBe('error'));
    expect(byTestId('ownpost-to')!.value).toBe('ekonomi@kund.dk');
    expect(background.sent('message.send')).toEqual([]);
  });
});

describe('choosing the sender for a page', () => {
  const personalDefault = profile({ id: 'mine', isDefault: true });
  const companyDefault = profile({ id: 'company', scope: 'company', isDefault: true });
  const brandHost = profile({ id: 'brand-host', scope: 'company', sites: ['app.wfirma.pl'], createdAt: '2026-01-02T00:00:00Z' });
  const brandWildcard = profile({ id: 'brand-wild', scope: 'personal', sites: ['*.wfirma.pl'] });
  const otherSite = profile({ id: 'other', sites: ['erp.example'] });

  it('takes the most specific mapping, as the relay does', () => {
    expect(orderProfilesForPage([personalDefault, brandWildcard, brandHost], PAGE)).toMatchObject({ preselected: 'brand-host', mappedId: 'brand-host' });
  });

  it('falls back to the personal default, then the company default', () => {
    expect(orderProfilesForPage([companyDefault, personalDefault, otherSite], PAGE).preselected).toBe('mine');
    expect(orderProfilesForPage([companyDefault, otherSite], PAGE).preselected).toBe('company');
  });

  it('lists senders mapped to other sites last', () => {
    expect(orderProfilesForPage([otherSite, personalDefault, brandWildcard], PAGE).ordered.map((p) => p.id)).toEqual(['brand-wild', 'mine', 'other']);
  });
});
