/**
 * Opening the panel from the page (issues 14 and 16): every way it can fail is said by the button,
 * never a click that does nothing; the frame goes into a closed shadow root with the one-time token.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FRAME_READY_TIMEOUT_MS, openPanelFrame, PANEL_HOST_TAG } from '../../extension/entrypoints/invoice.content/panel-frame';
import { mountSendButton } from '../../extension/entrypoints/invoice.content/send-button';
import type { PanelView } from '../../shared/extension-messages';

const VIEW: PanelView = { kind: 'document', document: { number: '42', recipients: ['kund@exempel.se'] } };

function answerPanelOpen(answer: unknown) {
  fakeBrowser.runtime.onMessage.addListener(async (message: unknown) => ((message as { type: string }).type === 'panel.open' ? answer : { ok: true, data: { delivered: false } }));
}

beforeEach(() => {
  fakeBrowser.reset();
  document.body.innerHTML = '<h1>Invoice 42</h1>';
});

afterEach(() => {
  vi.useRealTimers();
  document.querySelectorAll(PANEL_HOST_TAG).forEach((host) => host.remove());
});

describe('opening the panel frame', () => {
  it('puts the frame, with its token, into a closed shadow root on the page', async () => {
    answerPanelOpen({ ok: true, data: { token: 'a'.repeat(64) } });
    const controller = new AbortController();
    const frame = await openPanelFrame(VIEW, { signal: controller.signal, onClosed: () => undefined, onFailed: () => undefined });
    expect(frame.token).toBe('a'.repeat(64));
    const host = document.querySelector(PANEL_HOST_TAG) as HTMLElement;
    expect(host).not.toBeNull();
    // Closed: a page script finds no way in.
    expect(host.shadowRoot).toBeNull();
    controller.abort();
    expect(document.querySelector(PANEL_HOST_TAG)).toBeNull();
  });

  it('fails with the background’s reason, and mounts nothing, when the background refuses', async () => {
    answerPanelOpen({ ok: false, error: { code: 'bad_request', message: 'The request is not valid.' } });
    await expect(openPanelFrame(VIEW, { signal: new AbortController().signal, onClosed: () => undefined, onFailed: () => undefined })).rejects.toThrow('The request is not valid.');
    expect(document.querySelector(PANEL_HOST_TAG)).toBeNull();
  });

  it('says so when the frame never comes up, and takes it away', async () => {
    vi.useFakeTimers();
    answerPanelOpen({ ok: true, data: { token: 'b'.repeat(64) } });
    const failed: string[] = [];
    await openPanelFrame(VIEW, { signal: new AbortController().signal, onClosed: () => undefined, onFailed: (reason) => failed.push(reason) });
    await vi.advanceTimersByTimeAsync(FRAME_READY_TIMEOUT_MS + 100);
    expect(failed).toEqual([expect.stringContaining('did not load')]);
    expect(document.querySelector(PANEL_HOST_TAG)).toBeNull();
  });

  it('keeps a frame that claimed its session', async () => {
    vi.useFakeTimers();
    answerPanelOpen({ ok: true, data: { token: 'c'.repeat(64) } });
    const failed: string[] = [];
    const frame = await openPanelFrame(VIEW, { signal: new AbortController().signal, onClosed: () => undefined, onFailed: (reason) => failed.push(reason) });
    frame.ready();
    await vi.advanceTimersByTimeAsync(FRAME_READY_TIMEOUT_MS + 100);
    expect(failed).toEqual([]);
    expect(document.querySelector(PANEL_HOST_TAG)).not.toBeNull();
  });
});

describe('the send button', () => {
  it('shows why the panel did not open, next to the button, for the user to read', () => {
    const button = mountSendButton({ anchor: document.querySelector('h1')!, label: 'Send from my mailbox', onActivate: () => undefined, signal: new AbortController().signal });
    const problem = button.host.shadowRoot!.querySelector<HTMLElement>('[data-testid="ownpost-open-problem"]')!;
    expect(problem.hidden).toBe(true);
    button.showProblem('Ownpost could not open its panel: the extension did not answer.');
    expect(problem.hidden).toBe(false);
    expect(problem.getAttribute('role')).toBe('alert');
    expect(problem.textContent).toBe('Ownpost could not open its panel: the extension did not answer.');
  });
});
