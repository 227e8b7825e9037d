import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { ApiError } from './api-error';
import { nextWithHeaders, type AnswerHeader } from './answer-header';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** Host part of a Host header, lower-cased, without the port (`[::1]:8787` → `[::1]`). */
export function hostNameOf(hostHeader: string): string {
  const host = hostHeader.trim().toLowerCase();
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  return host.split(':')[0] ?? '';
}

/**
 * DNS-rebinding defence (Transmission CVE-2018-5702, Zoom 2019): answer only requests addressed to
 * this relay by one of its own names.
 */
export function hostGuard(extraNames: string[]): MiddlewareHandler {
  const allowed = new Set([...LOOPBACK_NAMES, ...extraNames.map((n) => n.toLowerCase())]);
  return async function hostGuardMiddleware(c, next) {
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    if (!allowed.has(hostNameOf(host))) {
      throw new ApiError('host_not_allowed', `This relay does not answer to "${hostNameOf(host)}".`, {
        hint: 'Add the name to OWNPOST_HOSTNAMES if the relay really is reachable under it.',
      });
    }
    await next();
  };
}

const EXTENSION_ORIGIN = /^(?:chrome-extension|moz-extension|safari-web-extension):\/\/[a-z0-9-]{1,64}$/;

export function isExtensionOrigin(origin: string): boolean {
  return EXTENSION_ORIGIN.test(origin);
}

/**
 * Cross-origin calls only from Ownpost's own extension builds (`allowed`, see extension-origins.ts;
 * issue 14: not from every extension). Hono's `cors()` allows every origin by default, so the origin
 * is decided here; and a request that names another origin is refused outright rather than merely
 * left without CORS headers (a simple POST would still reach the handler).
 */
export function extensionOriginsOnly(allowed: ReadonlySet<string>): MiddlewareHandler {
  const isAllowed = (origin: string) => isExtensionOrigin(origin) && allowed.has(origin);
  const corsForExtensions = cors({
    origin: (origin) => (isAllowed(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
    maxAge: 600,
  });
  return async function extensionOriginsOnlyMiddleware(c, next) {
    const origin = c.req.header('origin');
    if (origin !== undefined && !isAllowed(origin)) {
      throw new ApiError('origin_not_allowed', 'This relay accepts calls only from the Ownpost extension.', {
        ...(isExtensionOrigin(origin) ? { hint: `An admin can allow this extension with OWNPOST_EXTENSION_IDS=${origin}.` } : {}),
      });
    }
    // A preflight is answered by Hono's cors(). Any other request gets what cors() would set, but
    // before the handler answers (./answer-header.ts).
    if (c.req.method === 'OPTIONS') return corsForExtensions(c, next);
    const allowOrigin: AnswerHeader[] = origin === undefined ? [] : [['Access-Control-Allow-Origin', origin]];
    await nextWithHeaders(c, next, [...allowOrigin, ['Vary', 'Origin', 'append']]);
  };
}
