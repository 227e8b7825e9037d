/**
 * The invoicing page itself is not trusted with a send (issue 14). The panel is an extension-origin
 * frame in a closed shadow root: a page script cannot open it, reach into it, read what it shows
 * (senders, history, recipients), or show it in a frame of its own; and when the page hides, fades,
 * shrinks or covers the frame (clickjacking, as in the 2025 research on DOM-based clickjacking of
 * extension UIs), the user's clicks in it are refused. Nothing secret is ever in the page.
 *
 * Also: synthetic clicks, pointer events and keys (isTrusted false) at the button and at the panel's
 * container; every clickjack of test/helpers/clickjacks.ts (also run in Firefox, firefox-hostile-page);
 * what the page can gather while the user writes and sends (its window's messages, the container's
 * computed style, its resource timeline, focus); and a page that changes its invoice, moves within the
 * app, or replaces its document as the user clicks Send: no mail carries anything but what the panel showed.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInvoiceSite, testPdf, type InvoiceSite } from '../helpers/invoice-site';
import { CLICKJACKS, UNDO_CLICKJACKS } from '../helpers/clickjacks';
import { hasPanelFrame, openPanel, openSignedIn, relayDone, startPairedBrowser, type PairedBrowser } from '../helpers/paired-browser';

const PDF = testPdf('hostile page 4711');
/** The address the user types: it is on no page, so finding it in the page would mean a leak. */
const TYPED_RECIPIENT = 'cfo@honest.example';

/** An invoice page whose own script tries to use Ownpost behind the user's back. */
const HOSTILE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Invoice 4711</title></head><body>
  <h1>Invoice 4711</h1><p>Customer: Honest Ltd</p><p>Email: <a href="mailto:accounts@honest.example">accounts@honest.example</a></p>
  <a href="/invoices/4711.pdf">PDF</a>
  <script>
    const host = () => document.querySelector('ownpost-panel-ui');
    window.hostile = {
      clickSendButton() { document.querySelector('ownpost-send-ui').shadowRoot.querySelector('button').click(); },
      /** Everything a page script could try to reach the panel's fields with. */
      reachPanel() {
        const found = { shadowRoot: host()?.shadowRoot ?? null, fields: document.querySelectorAll('[data-testid^="ownpost-"]').length, frames: [] };
        for (let i = 0; i < window.frames.length; i++) {
          try { found.frames.push(window.frames[i].document.body.innerHTML); } catch (error) { found.frames.push('blocked: ' + error.name); }
        }
        return found;
      },
      /** Messages to the panel frame, as if from Ownpost: "send", "set the recipient"; then a last one to know they arrived. Returns how many frames it could reach. */
      messageFrames() {
        for (let i = 0; i < window.frames.length; i++) {
          for (const message of [{ type: 'send' }, { type: 'claim', token: 'x'.repeat(64) }, { to: 'thief@evil.example', submit: true }, { last: true }]) window.frames[i].postMessage(message, '*');
        }
        return window.frames.length;
      },
      /** Counts the panel containers Ownpost adds to the page from now on. */
      countPanels() {
        window.panelsAdded = 0;
        new MutationObserver((records) => {
          for (const record of records) for (const node of record.addedNodes) if (node.nodeName === 'OWNPOST-PANEL-UI') window.panelsAdded++;
        }).observe(document.documentElement, { childList: true });
      },
      /** Ownpost's panel page in a frame of the page's own, with a token it made up. */
      embedOwnPanel(extensionId) {
        const frame = document.createElement('iframe');
        frame.id = 'hostile-frame';
        frame.src = 'chrome-extension://' + extensionId + '/panel.html#' + 'f'.repeat(64);
        frame.style.cssText = 'position:fixed;left:0;top:0;width:400px;height:400px;border:0';
        window.hostileFrameLoaded = false;
        frame.addEventListener('load', () => (window.hostileFrameLoaded = true));
        document.body.append(frame);
      },
      /** A decoy drawn over the panel that lets clicks through to it ("Click here to claim your prize"). */
      coverWithDecoy() {
        const rect = host().getBoundingClientRect();
        const decoy = document.createElement('div');
        decoy.id = 'decoy';
        decoy.textContent = 'Click here to claim your prize';
        decoy.style.cssText = 'position:fixed;z-index:2147483647;pointer-events:none;background:#fc0;font:40px sans-serif;left:' + rect.left + 'px;top:' + rect.top + 'px;width:' + rect.width + 'px;height:' + rect.height + 'px';
        document.documentElement.append(decoy);
      },
      fade() { host().style.setProperty('opacity', '0.01', 'important'); },
      shrink() { host().style.setProperty('zoom', '0.1', 'important'); },
      undo() {
        document.getElementById('decoy')?.remove();
        document.getElementById('hostile-frame')?.remove();
        host()?.style.removeProperty('opacity');
        host()?.style.removeProperty('zoom');
      },
      /** Synthetic keys, pointer events and a form submit at Ownpost's button. */
      pressSendButtonWithKeys() {
        const button = document.querySelector('ownpost-send-ui').shadowRoot.querySelector('button');
        button.focus();
        for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) button.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, cancelable: true }));
        for (const key of ['Enter', ' ']) for (const type of ['keydown', 'keypress', 'keyup']) button.dispatchEvent(new KeyboardEvent(type, { key, code: key === ' ' ? 'Space' : 'Enter', bubbles: true, composed: true, cancelable: true }));
      },
      /** Synthetic clicks and keys at the panel's container, where its Send button is drawn, and focus moved into it. */
      pressSendInPanel(x, y) {
        for (const target of [host(), document.elementFromPoint(x, y)]) {
          target.focus?.();
          for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) target.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, cancelable: true, clientX: x, clientY: y }));
          for (const type of ['keydown', 'keypress', 'keyup']) target.dispatchEvent(new KeyboardEvent(type, { key: 'Enter', code: 'Enter', bubbles: true, composed: true, cancelable: true }));
        }
      },
      /** Records every message this window receives, and what the browser's timelines say about Ownpost's frame. */
      listen() {
        window.heard = [];
        for (const type of ['message', 'messageerror']) addEventListener(type, (event) => { try { window.heard.push(JSON.stringify(event.data) + ' ' + event.origin); } catch { window.heard.push(String(event.data)); } }, true);
      },
      /** All the page could gather about the panel: messages, the container's styles and size, the resource timeline, what has focus. */
      gathered() {
        const style = getComputedStyle(host());
        const styles = [...style].map((name) => name + ':' + style.getPropertyValue(name)).join(';');
        const timeline = performance.getEntries().map((entry) => entry.name).join('\\n');
        return [window.heard.join('\\n'), styles, host().outerHTML, JSON.stringify(host().getBoundingClientRect()), timeline, document.activeElement?.outerHTML ?? ''].join('\\n');
      },
      /** When the user's click goes into the panel (the page loses focus), the page changes what it shows: another invoice, another customer. */
      swapInvoiceOnBlur() {
        addEventListener('blur', () => {
          document.title = 'Invoice 9999';
          document.querySelector('h1').textContent = 'Invoice 9999';
          const link = document.querySelector('a[href^="mailto:"]');
          link.href = 'mailto:thief@evil.example';
          link.textContent = 'thief@evil.example';
        }, { once: true });
      },
      /** When the user's click goes into the panel, the app moves to another invoice within itself (its router's pushState). */
      navigateOnBlur() {
        addEventListener('blur', () => {
          history.pushState(null, '', location.pathname + '?invoice=9999');
          document.querySelector('h1').textContent = 'Invoice 9999';
        }, { once: true });
      },
      /** When the user's click goes into the panel, the page replaces the whole document (right after the event: the click is still on its way). */
      replaceDocumentOnBlur() {
        addEventListener('blur', () => setTimeout(() => {
          document.open();
          document.write('<!doctype html><title>Invoice 9999</title><h1>Invoice 9999</h1><a href="mailto:thief@evil.example">thief@evil.example</a>');
          document.close();
        }), { once: true });
      },
      everythingVisible() {
        const texts = [document.documentElement.outerHTML];
        for (const element of document.querySelectorAll('*')) if (element.shadowRoot) texts.push(element.shadowRoot.innerHTML);
        return texts.join('\\n') + JSON.stringify(localStorage) + document.cookie;
      },
    };
  </script></body></html>`;

type Hostile = Record<string, (...args: unknown[]) => unknown>;
const hostile = <T = void>(name: string, ...args: unknown[]) =>
  page.evaluate(([n, a]) => (window as unknown as { hostile: Hostile }).hostile[n as string]!(...(a as unknown[])), [name, args] as const) as Promise<T>;

let setup: PairedBrowser;
let site: InvoiceSite;
let page: Page;
let panel: Frame;

/** The user clicks Send while the page attacks: the click is refused, said so, and nothing is sent; then the attack is undone (or left to the caller). */
async function expectRefusedSend(undo = true) {
  await expect.poll(() => panel.locator('html').getAttribute('data-clickable')).toBe('false');
  const submit = panel.getByTestId('ownpost-submit');
  const label = await submit.textContent();
  await submit.click({ force: true });
  await expect.poll(() => panel.getByTestId('ownpost-click-refused').count()).toBe(1);
  // The refusal is shown from the click's own handler: the click has been dealt with. Had it gone
  // through, Send would say "Sending…" from that same click (SendPanel sets it before asking the relay).
  expect(await submit.textContent()).toBe(label);
  expect(await panel.getByTestId('ownpost-status').count()).toBe(0);
  expect(setup.smtp.received).toHaveLength(0);
  if (!undo) return;
  await hostile('undo');
  await expect.poll(() => panel.locator('html').getAttribute('data-clickable'), { timeout: 10_000 }).toBe('true');
}

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
  it('hears nothing from Ownpost as it loads, and cannot stop its scripts with the "newer copy started" event of WXT’s contexts', async () => {
    const other = await setup.browser.context.newPage();
    await other.addInitScript(() => {
      const heard: string[] = [];
      (window as unknown as { heardAtLoad: string[] }).heardAtLoad = heard;
      addEventListener('message', (event) => heard.push(JSON.stringify(event.data)), true);
    });
    await openSignedIn(other, site.origin, '/invoices/4711');
    await other.getByTestId('ownpost-send').waitFor({ timeout: 10_000 });
    expect(await other.evaluate(() => (window as unknown as { heardAtLoad: string[] }).heardAtLoad)).toEqual([]);
    // What a page that knows the published extension id can send: WXT's context stops its script on
    // this event (its name, the id and the script's; its detail, another copy's id), for each script.
    await other.evaluate((id) => {
      for (const name of ['invoice', 'page-script', 'page-detector', 'invoice-panel', 'page-capture']) {
        const type = `${id}:${name}:wxt:content-script-started`;
        document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: name, messageId: 'forged' } }));
        window.postMessage({ type, contentScriptName: name, messageId: 'forged' }, '*');
      }
    }, setup.browser.extensionId);
    const opened = await openPanel(other);
    await expect.poll(() => opened.getByTestId('ownpost-attachment').textContent(), { timeout: 10_000 }).toContain('4711.pdf');
    await expect.poll(() => opened.getByTestId('ownpost-to').inputValue()).toBe('accounts@honest.example');
    await other.close();
  });

  it('cannot open the panel by clicking the button', async () => {
    await hostile('countPanels');
    await hostile('clickSendButton');
    expect(hasPanelFrame(page)).toBe(false);
    // The user's own click after the script's: once its panel is up, a panel the script's click had
    // asked for would have been added before it (both ask the background in turn). Only the user's was.
    panel = await openPanel(page);
    expect(await page.evaluate(() => (window as unknown as { panelsAdded: number }).panelsAdded)).toBe(1);
  });

  it('cannot open the panel with synthetic keys or pointer events at the button, nor press Send with events at the panel’s container', async () => {
    await page.reload();
    await page.getByTestId('ownpost-send').waitFor({ timeout: 10_000 });
    await hostile('countPanels');
    await hostile('pressSendButtonWithKeys');
    panel = await openPanel(page);
    // Only the user's click added a panel (see the test above).
    expect(await page.evaluate(() => (window as unknown as { panelsAdded: number }).panelsAdded)).toBe(1);
    await expect.poll(() => panel.getByTestId('ownpost-to').inputValue()).toBe('accounts@honest.example');
    // Where Send is drawn, in the page's coordinates: events there reach the container, never the frame.
    const box = (await panel.getByTestId('ownpost-submit').boundingBox())!;
    await hostile('pressSendInPanel', box.x + box.width / 2, box.y + box.height / 2);
    // The frame's own record of what reached it: a last real event from the test proves the order.
    expect(await panel.getByTestId('ownpost-status').count()).toBe(0);
    expect(await panel.getByTestId('ownpost-submit').textContent()).toBe('Send');
    expect(setup.smtp.received).toHaveLength(0);
  });

  it('cannot reach the panel: its container is closed, its frame is another origin, and messages to it do nothing', async () => {
    panel = await openPanel(page);
    await expect.poll(() => panel.getByTestId('ownpost-to').inputValue()).toBe('accounts@honest.example');
    await expect.poll(() => panel.getByTestId('ownpost-attachment').textContent(), { timeout: 10_000 }).toContain('4711.pdf');
    const reached = await hostile<{ shadowRoot: unknown; fields: number; frames: string[] }>('reachPanel');
    expect(reached.shadowRoot).toBeNull();
    expect(reached.fields).toBe(0);
    // A frame in a closed shadow root is not even in `window.frames`; any that is, is another origin.
    expect(reached.frames.filter((content) => !content.startsWith('blocked'))).toEqual([]);
    // What reaches the panel's window, recorded there (the test can; the page cannot).
    await panel.evaluate(() => {
      const seen: unknown[] = [];
      (window as unknown as { seen: unknown[] }).seen = seen;
      addEventListener('message', (event) => seen.push(event.data));
    });
    const reachable = await hostile<number>('messageFrames');
    // A message to a frame the page can reach arrives after the ones before it: once the last one is
    // in, the others were handled. A frame it cannot reach gets nothing at all.
    if (reachable > 0) await expect.poll(() => panel.evaluate(() => (window as unknown as { seen: { last?: boolean }[] }).seen.some((m) => m?.last))).toBe(true);
    expect(await panel.getByTestId('ownpost-status').count()).toBe(0);
    expect(await panel.getByTestId('ownpost-to').inputValue()).toBe('accounts@honest.example');
    expect(setup.smtp.received).toHaveLength(0);
  });

  it('cannot show Ownpost’s panel page in a frame of its own: without the one-time token it gets nothing', async () => {
    await hostile('embedOwnPanel', setup.browser.extensionId);
    // The frame has loaded (an error page, where the browser refuses the guessed address), and a panel
    // page in it has heard from the background about its made-up token (it shows "expired").
    await expect.poll(() => page.evaluate(() => (window as unknown as { hostileFrameLoaded: boolean }).hostileFrameLoaded), { timeout: 10_000 }).toBe(true);
    for (const frame of page.frames()) {
      const element = await frame.frameElement().catch(() => undefined);
      if ((await element?.getAttribute('id')) !== 'hostile-frame') continue;
      if (await frame.locator('#app').count()) await frame.getByTestId('ownpost-panel').waitFor({ state: 'attached', timeout: 10_000 });
      expect(await frame.getByTestId('ownpost-to').count()).toBe(0);
      expect(await frame.getByTestId('ownpost-from').count()).toBe(0);
    }
    await hostile('undo');
    // Ownpost's own panel is untouched.
    expect(await panel.getByTestId('ownpost-to').inputValue()).toBe('accounts@honest.example');
  });

  it('clickjacking: a decoy drawn over the panel that lets clicks through gets the user’s click refused', async () => {
    await hostile('coverWithDecoy');
    await expectRefusedSend();
  });

  it('clickjacking: a panel made nearly transparent (opacity 0.01) gets the user’s click refused', async () => {
    await hostile('fade');
    await expectRefusedSend();
  });

  it('clickjacking: a panel shrunk to a few pixels gets the user’s click refused', async () => {
    await hostile('shrink');
    await expectRefusedSend();
  });

  it('clickjacking: a decoy over the panel cannot arm "Take the PDF from the page": the click is refused and no hook enters the page', async () => {
    await hostile('coverWithDecoy');
    await expect.poll(() => panel.locator('html').getAttribute('data-clickable')).toBe('false');
    await panel.getByTestId('ownpost-capture-start').click({ force: true });
    await expect.poll(() => panel.getByTestId('ownpost-click-refused').count()).toBe(1);
    // The click has been dealt with (above); had it armed the capture, that same click would show its status.
    expect(await panel.getByTestId('ownpost-capture-status').count()).toBe(0);
    // The main-world hook is installed only for a capture the frame started (panel-sessions.ts).
    expect(await page.evaluate(() => '__ownpostCapture' in window)).toBe(false);
    await hostile('undo');
    await expect.poll(() => panel.locator('html').getAttribute('data-clickable'), { timeout: 10_000 }).toBe('true');
  });

  for (const attack of CLICKJACKS) {
    it(`clickjacking: ${attack.name}: the user’s click is refused`, async () => {
      await page.evaluate(attack.script);
      try {
        await expectRefusedSend(false);
      } finally {
        await page.evaluate(UNDO_CLICKJACKS);
      }
      await expect.poll(() => panel.locator('html').getAttribute('data-clickable'), { timeout: 10_000 }).toBe('true');
    });
  }

  it('sends once the panel is plainly visible, to the address the user typed, exactly once', async () => {
    await panel.getByTestId('ownpost-to').fill(TYPED_RECIPIENT);
    await panel.getByTestId('ownpost-submit').click();
    await expect.poll(() => panel.getByTestId('ownpost-status').getAttribute('data-state'), { timeout: 20_000 }).toBe('sent');
    const [mail] = await setup.smtp.waitForMessages(1);
    expect(mail!.envelope.to).toEqual([TYPED_RECIPIENT]);
    expect(Buffer.compare(mail!.parsed.attachments[0]!.content, PDF)).toBe(0);
    // A second send or delivery would be at the relay by now: wait until it has nothing left to deliver.
    await relayDone(setup);
    expect(setup.smtp.received).toHaveLength(1);
  });

  it('cannot read the recipients or the history the panel shows from the page’s DOM', async () => {
    await page.reload();
    panel = await openPanel(page);
    await expect.poll(() => panel.getByTestId('ownpost-history').textContent(), { timeout: 10_000 }).toContain(TYPED_RECIPIENT);
    const visible = await hostile<string>('everythingVisible');
    expect(visible).toContain('accounts@honest.example');
    expect(visible).not.toContain(TYPED_RECIPIENT);
    expect(visible).not.toContain('anna@firma.se');
  });

  it('never finds the relay token in the page, its shadow roots, storage or cookies', async () => {
    const visible = await hostile<string>('everythingVisible');
    expect(visible).not.toContain(setup.user.token);
    const stored = await setup.extensionPage.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<Record<string, { token?: string }>> } } } }).chrome;
      return (await api.storage.local.get('connection')).connection?.token;
    });
    expect(stored).toBeTruthy();
    expect(visible).not.toContain(stored);
  });
});

describe('a page script racing the user’s send', () => {
  const DRAFT_TEXT = 'Dear Honest Ltd, the invoice is attached. Private note 7731.';

  it('hears nothing of the sender, the recipient or the draft: no message, style, timeline entry or focus gives them away', async () => {
    await page.reload();
    await hostile('listen');
    panel = await openPanel(page);
    await expect.poll(() => panel.getByTestId('ownpost-attachment').textContent(), { timeout: 10_000 }).toContain('4711.pdf');
    await panel.getByTestId('ownpost-to').fill('ap@honest.example');
    await panel.getByTestId('ownpost-message').fill(DRAFT_TEXT);
    const before = setup.smtp.received.length;
    await panel.getByTestId('ownpost-submit').click();
    await expect.poll(() => panel.getByTestId('ownpost-status').getAttribute('data-state'), { timeout: 20_000 }).toBe('sent');
    expect((await setup.smtp.waitForMessages(before + 1))[before]!.parsed.text).toContain('Private note 7731');
    const gathered = await hostile<string>('gathered');
    expect(gathered).toContain('ownpost-panel-ui');
    for (const secret of ['ap@honest.example', 'Private note 7731', 'anna@firma.se', setup.user.token]) expect(gathered).not.toContain(secret);
    // The frame's address carries its one-time token: the page's timeline must not show it to the page.
    expect(gathered).not.toMatch(/panel\.html#/);
  });

  it('changes the invoice on the page as the user clicks into the panel: the mail carries what the panel showed, not the page’s new invoice', async () => {
    await page.reload();
    panel = await openPanel(page);
    await expect.poll(() => panel.getByTestId('ownpost-attachment').textContent(), { timeout: 10_000 }).toContain('4711.pdf');
    const subject = await panel.getByTestId('ownpost-subject').inputValue();
    expect(subject).toContain('4711');
    await hostile('swapInvoiceOnBlur');
    const before = setup.smtp.received.length;
    // The user's first click into the panel is Send itself: the page swaps the invoice on that very click.
    await panel.getByTestId('ownpost-submit').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Invoice 9999');
    await expect.poll(() => panel.getByTestId('ownpost-status').getAttribute('data-state'), { timeout: 20_000 }).toBe('sent');
    const mail = (await setup.smtp.waitForMessages(before + 1))[before]!;
    expect(mail.envelope.to).toEqual(['accounts@honest.example']);
    expect(mail.parsed.subject).toBe(subject);
    expect(mail.parsed.subject).not.toContain('9999');
    expect(Buffer.compare(mail.parsed.attachments[0]!.content, PDF)).toBe(0);
    await relayDone(setup);
    expect(setup.smtp.received).toHaveLength(before + 1);
  });

  for (const attack of [
    { name: 'moves to another invoice within the app (pushState)', script: 'navigateOnBlur' },
    { name: 'replaces the whole document (document.open and write)', script: 'replaceDocumentOnBlur' },
  ]) {
    it(`${attack.name} as the user clicks Send: the panel goes with the invoice it showed, and no mail carries the page’s new one`, async () => {
      await page.goto(page.url().split('?')[0]!);
      panel = await openPanel(page);
      await expect.poll(() => panel.getByTestId('ownpost-to').inputValue()).toBe('accounts@honest.example');
      const subject = await panel.getByTestId('ownpost-subject').inputValue();
      await hostile(attack.script);
      const before = setup.smtp.received.length;
      // A person's click where Send is drawn, as the browser's input. Not awaited: the browser acknowledges
      // input once the frame it went to has handled it, and that frame may be gone by then.
      const box = (await panel.getByTestId('ownpost-submit').boundingBox())!;
      const input = await setup.browser.context.newCDPSession(page);
      const at = { x: box.x + box.width / 2, y: box.y + box.height / 2, button: 'left' as const, clickCount: 1 };
      void input.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...at }).catch(() => undefined);
      void input.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...at }).catch(() => undefined);
      await expect.poll(() => page.locator('h1').textContent()).toBe('Invoice 9999');
      await expect.poll(() => hasPanelFrame(page)).toBe(false);
      await input.detach().catch(() => undefined);
      await relayDone(setup);
      // The panel closes as the page moves on. A click that reached Send a moment before sends the mail
      // the user saw and confirmed (the panel's own draft, never a new reading of the page); at most one.
      const sent = setup.smtp.received.slice(before);
      expect(sent.length).toBeLessThanOrEqual(1);
      for (const mail of sent) {
        expect(mail.envelope.to).toEqual(['accounts@honest.example']);
        expect(mail.parsed.subject).toBe(subject);
      }
    });
  }
});
