import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { enabledSitesItem } from '../../extension/lib/settings-items';
import { CONTENT_SCRIPT_FILE, disableSite, enableSite, siteOf, siteState, syncSiteRegistrations } from '../../extension/lib/site-registration';
import { installFakeExtensionApis, type FakeExtensionApis } from './fake-extension-apis';

let apis: FakeExtensionApis;

beforeEach(() => {
  fakeBrowser.reset();
  apis = installFakeExtensionApis();
});

describe('switching Ownpost on for a site', () => {
  it('asks for that site only, registers the content script for it, and puts the button on the open page at once', async () => {
    const result = await enableSite('https://app.wfirma.pl/invoices/7?tab=pdf', { tabId: 42 });

    expect(result.ok).toBe(true);
    expect(apis.requests).toEqual([['https://app.wfirma.pl/*']]);
    expect([...apis.registered.values()]).toEqual([
      { id: 'ownpost-site:https://app.wfirma.pl/*', matches: ['https://app.wfirma.pl/*'], js: [CONTENT_SCRIPT_FILE], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
    expect(apis.injected).toEqual([{ tabId: 42, files: [CONTENT_SCRIPT_FILE] }]);
    expect(await enabledSitesItem.getValue()).toMatchObject([{ origin: 'https://app.wfirma.pl', matchPattern: 'https://app.wfirma.pl/*' }]);
    expect(await siteState('https://app.wfirma.pl/other')).toBe('on');
  });

  it('changes nothing when the user says no to the browser’s prompt', async () => {
    apis.answerPrompts = false;
    expect(await enableSite('https://secure.e-conomic.com/invoice/1')).toEqual({ ok: false, reason: 'permission_denied' });
    expect(apis.registered.size).toBe(0);
    expect(await enabledSitesItem.getValue()).toEqual([]);
    expect(await siteState('https://secure.e-conomic.com/')).toBe('off');
  });

  it.each(['chrome://extensions/', 'chrome-extension://abc/options.html', 'file:///home/anna/invoice.pdf', 'about:blank', undefined])(
    'does not offer itself on %s and asks for nothing',
    async (url) => {
      expect(await siteState(url)).toBe('unsupported');
      expect(await enableSite(url ?? '')).toEqual({ ok: false, reason: 'unsupported' });
      expect(apis.requests).toEqual([]);
    },
  );

  it('can be switched on twice without a duplicate registration (Chromium refuses one)', async () => {
    await enableSite('https://app.example.com/a');
    await enableSite('https://app.example.com/b');
    expect(apis.registered.size).toBe(1);
    expect(await enabledSitesItem.getValue()).toHaveLength(1);
  });

  it('leaves ports out of the match pattern, which cannot name one', () => {
    expect(siteOf('http://127.0.0.1:5173/invoices/1')).toEqual({ origin: 'http://127.0.0.1:5173', matchPattern: 'http://127.0.0.1/*' });
  });

  it('does not register a site the manifest already covers (the e2e build), so a page never gets two buttons', async () => {
    apis = installFakeExtensionApis({ manifestContentScriptMatches: ['http://127.0.0.1/*'], granted: ['http://127.0.0.1/*'] });
    expect(await siteState('http://127.0.0.1:4000/invoices/1')).toBe('on');
    await enableSite('http://127.0.0.1:4000/invoices/1', { tabId: 3 });
    expect(apis.registered.size).toBe(0);
    expect(apis.injected).toEqual([]);
  });
});

describe('switching it off', () => {
  it('unregisters the script, forgets the site and gives the permission back', async () => {
    await enableSite('https://app.example.com/');
    await disableSite('https://app.example.com/*');
    expect(apis.registered.size).toBe(0);
    expect(apis.granted.has('https://app.example.com/*')).toBe(false);
    expect(await enabledSitesItem.getValue()).toEqual([]);
  });
});

describe('keeping registrations in step with the stored list', () => {
  it('registers the enabled sites again after an extension update dropped them', async () => {
    await enableSite('https://app.one.example/');
    await enableSite('https://app.two.example/');
    apis.registered.clear(); // what Chromium does on update

    const report = await syncSiteRegistrations();

    expect(report.registered.sort()).toEqual(['https://app.one.example/*', 'https://app.two.example/*']);
    expect([...apis.registered.keys()].sort()).toEqual(['ownpost-site:https://app.one.example/*', 'ownpost-site:https://app.two.example/*']);
  });

  it('stops injecting where the user took the permission back in the browser, and keeps the site listed as off', async () => {
    await enableSite('https://app.example.com/');
    apis.granted.delete('https://app.example.com/*');

    const report = await syncSiteRegistrations();

    expect(report.withoutPermission).toEqual(['https://app.example.com/*']);
    expect(report.unregistered).toEqual(['https://app.example.com/*']);
    expect(apis.registered.size).toBe(0);
    expect(await siteState('https://app.example.com/')).toBe('off');
    expect(await enabledSitesItem.getValue()).toHaveLength(1);
  });

  it('never touches content scripts registered by anything else', async () => {
    apis.registered.set('someone-else', { id: 'someone-else', matches: ['https://x.example/*'], js: ['x.js'] });
    await syncSiteRegistrations();
    expect(apis.registered.has('someone-else')).toBe(true);
  });

  it('runs when the browser starts and when a permission is removed (background wiring)', async () => {
    await enabledSitesItem.setValue([{ origin: 'https://app.example.com', matchPattern: 'https://app.example.com/*', enabledAt: '2026-11-01T00:00:00Z' }]);
    apis.granted.add('https://app.example.com/*');
    const background = (await import('../../extension/entrypoints/background')).default;
    background.main();

    await fakeBrowser.runtime.onStartup.trigger();
    await expect.poll(() => apis.registered.size).toBe(1);

    await fakeBrowser.permissions.remove({ origins: ['https://app.example.com/*'] });
    await expect.poll(() => apis.registered.size).toBe(0);
  });
});
