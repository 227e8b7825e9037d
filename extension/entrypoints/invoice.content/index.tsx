import { render } from 'preact';
import { useState } from 'preact/hooks';
import { extractInvoiceFromPage } from '../../sites';
import type { DetectedDocument } from '../../sites/site-adapter';
import { SendPanel } from './SendPanel';
// Inlined into the shadow root: no web-accessible CSS file for pages to probe.
import styles from './style.css?inline';

function SendButton({ found, signal, floating }: { found: DetectedDocument; signal: AbortSignal; floating: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" class={floating ? 'send floating' : 'send'} data-testid="ownpost-send" onClick={(e) => e.isTrusted && setOpen(true)}>
        ✉ Send from my mailbox
      </button>
      {open && <SendPanel found={found} signal={signal} onClose={() => setOpen(false)} />}
    </>
  );
}

export default defineContentScript({
  // Production: registered at run time for the sites the user enables. The e2e build adds a manifest
  // entry for loopback pages (wxt.config.ts).
  registration: 'runtime',
  matches: [],
  cssInjectionMode: 'manual',
  async main(ctx) {
    const detection = extractInvoiceFromPage(document, new URL(location.href));
    if (!detection) return;
    const { found } = detection;
    const ui = await createShadowRootUi(ctx, {
      name: 'ownpost-send-ui',
      css: styles,
      position: 'inline',
      anchor: found.anchor ?? 'body',
      append: 'last',
      onMount(container) {
        const controller = new AbortController();
        ctx.onInvalidated(() => controller.abort());
        render(<SendButton found={found} signal={controller.signal} floating={!found.anchor} />, container);
        return controller;
      },
      onRemove(controller) {
        controller?.abort();
      },
    });
    ui.mount();
  },
});
