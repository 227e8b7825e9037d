/**
 * "Allow Ownpost to read <host>" where the panel's frame cannot ask itself (issue 16 item 3): Firefox gives
 * an extension frame inside a web page no `permissions` API. The background opens this small window for
 * the one origin the panel named (`?origin=https://files.example.com/*`); the user's click here asks the
 * browser for exactly that origin, and the window closes. The background tells the panel whether it was
 * granted (capture-requests.ts, `askForHost`). Nothing is asked without the click.
 */
import { browser } from 'wxt/browser';
import { captureStrings } from '../../i18n/capture-strings';
import { createTranslator, isLanguage } from '../../i18n/core';
import { singleHostOf } from '../../lib/host-grant';

const params = new URLSearchParams(location.search);
const origin = params.get('origin') ?? '';
const host = singleHostOf(origin);
const wanted = params.get('lang') ?? '';
const t = createTranslator(captureStrings, isLanguage(wanted) ? wanted : 'en');
const allow = document.getElementById('allow') as HTMLButtonElement;
const cancel = document.getElementById('cancel') as HTMLButtonElement;
cancel.textContent = t('captureCancel');
cancel.addEventListener('click', () => window.close());
if (!host) {
  allow.remove();
} else {
  document.getElementById('why')!.textContent = t('hostNotAllowed', { host });
  allow.textContent = t('hostAllow', { host });
  allow.addEventListener('click', (event) => {
    if (!event.isTrusted) return;
    // First thing in the click: the browser sees the user's gesture.
    void browser.permissions.request({ origins: [origin] }).finally(() => window.close());
  });
}
