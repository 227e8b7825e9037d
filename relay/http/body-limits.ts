/**
 * How large a request body each route takes (issue 14: limits on total size per route). A send
 * carries its files and has its own limit (relay/routes/message-routes.ts); everything else is
 * settings, a few kilobytes at most, so a large body there is a mistake or an attack and is
 * refused with 413 before it is read.
 */

/** Routes not listed below, e.g. recipes (site adapters with their selectors). @default 1 MiB */
export const DEFAULT_REQUEST_BYTES = 1024 * 1024;

/** [method, path pattern, largest body in bytes]; the first match wins. */
const ROUTE_LIMITS: readonly [string, RegExp, number][] = [
  // A pairing code and a device name; unauthenticated, so the smallest.
  ['POST', /^\/v1\/pair$/, 4 * 1024],
  // A profile (with its sites and projects), a sender test, delivery settings, an OAuth sign-in.
  ['POST', /^\/v1\/profiles$/, 64 * 1024],
  ['PATCH', /^\/v1\/profiles\/[^/]+$/, 64 * 1024],
  ['PUT', /^\/v1\/profiles\/[^/]+\/delivery$/, 16 * 1024],
  ['POST', /^\/v1\/profiles\/[^/]+\/test$/, 64 * 1024],
  ['POST', /^\/v1\/diagnose$/, 64 * 1024],
  ['POST', /^\/v1\/profiles\/[^/]+\/oauth\/sign-in$/, 16 * 1024],
  ['POST', /^\/v1\/oauth\/sign-ins\/[^/]+\/complete$/, 16 * 1024],
  ['PATCH', /^\/v1\/users\/[^/]+$/, 16 * 1024],
  // A person, a pairing code for them, an app password's name.
  ['POST', /^\/v1\/users(\/[^/]+\/pairing-code)?$/, 16 * 1024],
  ['POST', /^\/v1\/app-passwords$/, 4 * 1024],
  // A template: a subject and up to 20,000 characters of message, each up to 4 bytes in UTF-8, escaped.
  ['PUT', /^\/v1\/templates\/[^/]+\/[^/]+$/, 128 * 1024],
  // A customer and their addresses.
  ['PUT', /^\/v1\/customers(\/[^/]+)?$/, 64 * 1024],
];

/**
 * The largest body `method path` takes.
 *
 * @example requestLimitFor('POST', '/v1/pair') // 4096
 */
export function requestLimitFor(method: string, path: string): number {
  for (const [m, pattern, bytes] of ROUTE_LIMITS) if (m === method && pattern.test(path)) return bytes;
  return DEFAULT_REQUEST_BYTES;
}
