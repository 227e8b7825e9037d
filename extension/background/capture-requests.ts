/**
 * The background's part of "Take the PDF from the page" (issue 16 item 3): the main-world hook goes
 * into the frame that asked, only when its panel armed a capture after the user's click (the content
 * script asks; a page cannot send us messages), never with the page load.
 */
import { CAPTURE_ARMED_MS } from '../capture/page-capture';
import { installCaptureHook } from '../capture/main-world-hook';
import { browser, type Runtime } from '../lib/browser';
import { RelayError } from './relay-client';

export async function armCapture(nonce: string, sender: Runtime.MessageSender): Promise<{ armed: true }> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new RelayError({ code: 'bad_request', message: 'Only a page can take its PDF.' });
  await browser.scripting.executeScript({
    target: { tabId, frameIds: [sender.frameId ?? 0] },
    world: 'MAIN',
    func: installCaptureHook,
    args: [nonce, CAPTURE_ARMED_MS],
  });
  return { armed: true };
}
