/**
 * The page script's start (page-contract.ts): the copy's first reading is given up when the page
 * changed while the background read it. Seen in Chromium (test/e2e/detection-corpus-chromium.test.ts):
 * a single-page app rendered its invoice during that round trip, the reading of the loading shell
 * said "no document", and the page script, which watches the page only from its start, never read
 * the page again: no button.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { askForPageStart } from '../../extension/entrypoints/invoice.content/page-contract';

const SETUP = { connected: false, recipes: [], language: 'en' };

/** The background's answer to the copy, held until `answer()` is called. */
function holdTheAnswer() {
  let answer!: () => void;
  const answered = new Promise<void>((resolve) => (answer = resolve));
  fakeBrowser.runtime.onMessage.addListener(async (message: unknown) => {
    if ((message as { type?: string }).type !== 'page.detect') return undefined;
    await answered;
    return { ok: true, data: { setup: SETUP, detection: null } };
  });
  return answer;
}

beforeEach(() => {
  fakeBrowser.reset();
  document.body.innerHTML = '<div id="app"><p>Loading…</p></div>';
});

afterEach(() => fakeBrowser.reset());

describe('the first reading of the page’s copy', () => {
  it('is used when the page did not change while it was read', async () => {
    const answer = holdTheAnswer();
    const start = askForPageStart();
    answer();
    expect(await start.setup).toEqual(SETUP);
    expect(await start.firstReading).toBeNull();
  });

  it('is given up (the page is read again) when the app rendered meanwhile', async () => {
    const answer = holdTheAnswer();
    const start = askForPageStart();
    document.getElementById('app')!.innerHTML = '<h1>Invoice INV-7</h1>';
    await new Promise((resolve) => setTimeout(resolve, 0)); // one macrotask: the page's observer sees the change before the answer comes
    answer();
    expect(await start.setup).toEqual(SETUP);
    expect(await start.firstReading).toBeUndefined();
  });
});

describe('the first reading of an app shell’s copy', () => {
  it('is given up when a same-origin frame loaded meanwhile (its document is what the page shows)', async () => {
    document.body.innerHTML = '<h2>Documents</h2><iframe src="/documents/12/preview"></iframe>';
    const answer = holdTheAnswer();
    const start = askForPageStart();
    document.querySelector('iframe')!.dispatchEvent(new Event('load'));
    answer();
    expect(await start.setup).toEqual(SETUP);
    expect(await start.firstReading).toBeUndefined();
  });
});
