import { browser } from '../lib/browser';

/** Opens the options page at a section (`#/senders/new`); `runtime.openOptionsPage()` cannot carry a fragment. */
export async function openOptionsPage(route = ''): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(`/options.html${route ? `#${route}` : ''}`) });
}
