/**
 * Sites where Ownpost runs. The production manifest injects into no page at all: the user switches
 * Ownpost on for one site at a time (from the popup), which asks the browser for that site's
 * permission at that moment and registers the content script for it at run time.
 *
 * Registered scripts outlive a browser restart but not an extension update, and the user can take a
 * site's permission back in the browser's own settings; so the stored list is the truth and
 * `syncSiteRegistrations` (run by the background on start-up and when permissions change) makes
 * the browser's registrations match it.
 */
import { MatchPattern } from 'wxt/utils/match-patterns';
import { webPageUrl } from '../../shared/site-patterns';
import { browser } from './browser';
import { enabledSitesItem, type EnabledSite } from './settings-items';

/** The in-page entrypoint's output file (extension/entrypoints/invoice.content, `registration: 'runtime'`). */
export const CONTENT_SCRIPT_FILE = 'content-scripts/invoice.js';

/** Our registrations carry this prefix, so a sync never touches scripts registered by anything else. */
const REGISTRATION_PREFIX = 'ownpost-site:';

export interface SiteAddress {
  origin: string;
  matchPattern: string;
}

/**
 * The site of a page, if Ownpost can run there: web pages only (not the browser's own pages, files
 * or other extensions). The match pattern leaves out the port, as match patterns cannot name one.
 *
 * @example siteOf('https://app.wfirma.pl/invoices/7?x=1') // { origin: 'https://app.wfirma.pl', matchPattern: 'https://app.wfirma.pl/*' }
 */
export function siteOf(pageUrl: string | undefined): SiteAddress | undefined {
  const url = pageUrl ? webPageUrl(pageUrl) : undefined;
  if (!url) return undefined;
  return { origin: url.origin, matchPattern: `${url.protocol}//${url.hostname}/*` };
}

function registrationId(matchPattern: string): string {
  return `${REGISTRATION_PREFIX}${matchPattern}`;
}

/**
 * Is the site already covered by a content script in the manifest? The e2e build declares loopback
 * pages there (wxt.config.ts); registering them again would put two send buttons on the page.
 */
export function isDeclaredInManifest(origin: string): boolean {
  const declared = browser.runtime.getManifest().content_scripts ?? [];
  return declared.some((script) => (script.matches ?? []).some((pattern) => new MatchPattern(pattern).includes(`${origin}/`)));
}

export type SiteState =
  /** Not a web page (the browser's own pages, the extension itself): nothing to switch on. */
  | 'unsupported'
  /** Ownpost runs here. */
  | 'on'
  /** Ownpost could run here once the user switches it on. */
  | 'off';

export async function siteState(pageUrl: string | undefined): Promise<SiteState> {
  const site = siteOf(pageUrl);
  if (!site) return 'unsupported';
  const sites = await enabledSitesItem.getValue();
  if (!sites.some((s) => s.matchPattern === site.matchPattern)) return isDeclaredInManifest(site.origin) ? 'on' : 'off';
  return (await browser.permissions.contains({ origins: [site.matchPattern] })) ? 'on' : 'off';
}

async function registerContentScript(site: SiteAddress): Promise<void> {
  if (isDeclaredInManifest(site.origin)) return;
  const id = registrationId(site.matchPattern);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length > 0) return;
  await browser.scripting.registerContentScripts([{ id, matches: [site.matchPattern], js: [CONTENT_SCRIPT_FILE], runAt: 'document_idle', persistAcrossSessions: true }]);
}

async function unregisterContentScript(matchPattern: string): Promise<void> {
  const id = registrationId(matchPattern);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [id] });
}

export type EnableSiteResult = { ok: true; site: EnabledSite } | { ok: false; reason: 'unsupported' | 'permission_denied' };

/**
 * Switches Ownpost on for the site of a page. Call it straight from the click handler: the browser
 * shows its permission prompt only in answer to a user gesture, so the request is the first thing
 * it does. With `tabId`, the open page gets the send button at once instead of after a reload.
 */
export async function enableSite(pageUrl: string, options: { tabId?: number } = {}): Promise<EnableSiteResult> {
  const site = siteOf(pageUrl);
  if (!site) return { ok: false, reason: 'unsupported' };
  const granted = await browser.permissions.request({ origins: [site.matchPattern] });
  if (!granted) return { ok: false, reason: 'permission_denied' };

  const enabled: EnabledSite = { ...site, enabledAt: new Date().toISOString() };
  const sites = await enabledSitesItem.getValue();
  await enabledSitesItem.setValue([...sites.filter((s) => s.matchPattern !== site.matchPattern), enabled]);
  await registerContentScript(site);

  if (options.tabId !== undefined && !isDeclaredInManifest(site.origin)) {
    // Best effort: the page may have navigated away or be one the browser protects; the next load gets the script anyway.
    await browser.scripting.executeScript({ target: { tabId: options.tabId }, files: [CONTENT_SCRIPT_FILE] }).catch(() => undefined);
  }
  return { ok: true, site: enabled };
}

/** Switches Ownpost off for a site and gives its permission back: we hold no access we do not use. */
export async function disableSite(matchPattern: string): Promise<void> {
  const sites = await enabledSitesItem.getValue();
  await enabledSitesItem.setValue(sites.filter((s) => s.matchPattern !== matchPattern));
  await unregisterContentScript(matchPattern);
  await browser.permissions.remove({ origins: [matchPattern] }).catch(() => false);
}

export interface SyncReport {
  registered: string[];
  unregistered: string[];
  /** Sites whose permission the user took back in the browser's settings: kept in the list, shown as off. */
  withoutPermission: string[];
}

/**
 * Makes the browser's registrations match the stored list: registers what is missing (after an
 * extension update the browser has dropped them), removes ours that are no longer wanted or whose
 * permission is gone.
 */
export async function syncSiteRegistrations(): Promise<SyncReport> {
  const report: SyncReport = { registered: [], unregistered: [], withoutPermission: [] };
  const sites = await enabledSitesItem.getValue();
  const ours = (await browser.scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith(REGISTRATION_PREFIX));
  const registeredIds = new Set(ours.map((s) => s.id));
  const wantedIds = new Set<string>();

  for (const site of sites) {
    if (!(await browser.permissions.contains({ origins: [site.matchPattern] }))) {
      report.withoutPermission.push(site.matchPattern);
      continue;
    }
    if (isDeclaredInManifest(site.origin)) continue;
    const id = registrationId(site.matchPattern);
    wantedIds.add(id);
    if (!registeredIds.has(id)) {
      await registerContentScript(site);
      report.registered.push(site.matchPattern);
    }
  }
  const stale = ours.filter((s) => !wantedIds.has(s.id)).map((s) => s.id);
  if (stale.length > 0) {
    await browser.scripting.unregisterContentScripts({ ids: stale });
    report.unregistered.push(...stale.map((id) => id.slice(REGISTRATION_PREFIX.length)));
  }
  return report;
}
