/**
 * Which browser extensions may call the relay from a browser (issue 14): only Ownpost's own builds,
 * not every extension. A bearer token is still needed for everything; this keeps another extension
 * (or a page that got hold of a token) from using the relay from the browser at all.
 *
 * - Chrome, Edge and other Chromium browsers: an extension's id is fixed by its store listing, or, for
 *   an unpacked build, by the `key` in its manifest (wxt.config.ts gives the development and e2e
 *   builds one, so their id is DEV_CHROME_EXTENSION_ID wherever they are loaded from).
 * - Firefox gives every installation its own random `moz-extension://<uuid>` origin, so no id can be
 *   listed in advance: Firefox origins are accepted only when an admin lists the installation's
 *   UUID (about:debugging → This Firefox → Ownpost → Internal UUID; or pinned for a fleet with the
 *   `extensions.webextensions.uuids` preference) in OWNPOST_EXTENSION_IDS.
 */

/**
 * Store listings of Ownpost. None is published yet.
 * TODO [2027-03-01]: add the Chrome Web Store and Edge Add-ons ids once the listings exist.
 */
export const PUBLISHED_EXTENSION_ORIGINS: readonly string[] = Object.freeze([]);

/** The id Chromium derives from the development/e2e builds' manifest `key` (wxt.config.ts): sha256 of the key, a–p. */
export const DEV_CHROME_EXTENSION_ID = 'nfokdgblhifphjofchidanjcngnbfnef';

const CHROME_ID = /^[a-p]{32}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ORIGIN = /^(?:chrome-extension|moz-extension|safari-web-extension):\/\/[a-z0-9-]{1,64}$/;

export class ExtensionIdError extends Error {
  override name = 'ExtensionIdError';
}

/**
 * One entry of OWNPOST_EXTENSION_IDS as an origin: a Chromium id (32 letters a–p), a Firefox
 * installation's UUID, or a whole extension origin.
 *
 * @example extensionOriginOf('nfokdgblhifphjofchidanjcngnbfnef') // 'chrome-extension://nfokdgblhifphjofchidanjcngnbfnef'
 */
export function extensionOriginOf(entry: string): string {
  const value = entry.trim().toLowerCase();
  if (CHROME_ID.test(value)) return `chrome-extension://${value}`;
  if (UUID.test(value)) return `moz-extension://${value}`;
  if (ORIGIN.test(value)) return value;
  throw new ExtensionIdError(`"${entry}" is not an extension id (32 letters a-p), a Firefox UUID or an extension origin`);
}

/** The origins allowed: the published listings, the development build, and what the admin added. */
export function allowedExtensionOrigins(extra: readonly string[]): Set<string> {
  return new Set([...PUBLISHED_EXTENSION_ORIGINS, `chrome-extension://${DEV_CHROME_EXTENSION_ID}`, ...extra.map(extensionOriginOf)]);
}
