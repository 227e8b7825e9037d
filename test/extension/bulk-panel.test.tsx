/** The bulk panel against a fake background: what each row says once its document went out. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BulkPanel } from '../../extension/entrypoints/invoice.content/panel/BulkPanel';
import type { DetectedDocument } from '../../extension/sites/site-adapter';
import { fakeBackground, type FakeBackground } from './fake-background';
import { eventually } from './render';
import { message, profile } from './sample-data';

const DOCUMENTS: DetectedDocument[] = [
  { number: '2026-0042', recipients: ['ekonomi@kund.dk'], customerName: 'Kunde ApS', pdfUrl: 'https://app.example/invoices/42/pdf' },
  { number: '2026-0043', recipients: ['bogholderi@kunde2.dk'], customerName: 'Kunde 2 ApS', pdfUrl: 'https://app.example/invoices/43/pdf' },
];

let background: FakeBackground;
let container: HTMLElement;
const all = (id: string) => [...container.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];

beforeEach(() => {
  fakeBrowser.reset();
  document.body.innerHTML = '';
  background = fakeBackground({
    'profiles.list': () => ({ profiles: [profile({ id: 'anna', isDefault: true, name: 'Anna (Gmail)' })] }),
    'document.history': () => ({ messages: [] }),
    'message.send': (request) => message({ status: 'queued', sentAt: undefined, documentRef: String(request.draft.documentRef) }),
    'message.status': (request) =>
      request.id === 'fell-back' ? message({ id: 'fell-back', profileId: 'company', fallback: { fromProfileId: 'anna' } }) : message({ id: String(request.id) }),
  });
});

describe('the bulk panel', () => {
  it('says on the row of a document the company’s fallback sender sent, and only there', async () => {
    background.handlers['message.send'] = (request) =>
      request.draft.documentRef === '2026-0043'
        ? message({ id: 'fell-back', status: 'queued', sentAt: undefined, profileId: 'company', fallback: { fromProfileId: 'anna' } })
        : message({ id: 'ordinary', status: 'queued', sentAt: undefined });
    container = document.createElement('div');
    document.body.append(container);
    const host = { language: 'en' as const, pageUrl: () => new URL('https://app.example/invoices'), recipesChanged: () => undefined };
    await act(() => render(<BulkPanel documents={DOCUMENTS} host={host} signal={new AbortController().signal} onClose={() => undefined} />, container));
    const submit = container.querySelector<HTMLButtonElement>('[data-testid="ownpost-submit"]')!;
    await eventually(() => expect(submit.disabled).toBe(false));
    await act(() => {
      const event = new Event('click', { bubbles: true });
      Object.defineProperty(event, 'isTrusted', { value: true });
      submit.dispatchEvent(event);
    });
    await eventually(() => expect(all('ownpost-bulk-result').map((e) => e.dataset.state)).toEqual(['sent', 'sent']));
    const rows = all('ownpost-bulk-item');
    expect(rows[0]!.querySelector('[data-testid="ownpost-bulk-fallback"]')).toBeNull();
    expect(rows[1]!.querySelector('[data-testid="ownpost-bulk-fallback"]')!.textContent).toBe(
      'The company’s fallback sender sends this message, because “Anna (Gmail)” could not be used.',
    );
  });
});
