/**
 * NUL (U+0000) in anything a request hands the relay: no text the relay keeps can hold it (PostgreSQL's
 * text refuses it with an error, which was a 500), and no address, name or subject has a use for it.
 * Refused at the edge, on every store alike, as `validation_failed`: in the request's address (`%00` in
 * a path parameter or the query) and in a JSON body (`\u0000` in a string or a key; a raw NUL byte is not
 * JSON and already `invalid_json`).
 */
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './api-error';

const NUL_MESSAGE = 'a NUL character (U+0000) is not allowed';

/** Refuses `%00` anywhere in the request's path or query. */
export function nulInAddressGuard(): MiddlewareHandler {
  return async function nulInAddressGuardMiddleware(c, next) {
    if (c.req.url.includes('%00')) {
      throw new ApiError('validation_failed', `The request's address: ${NUL_MESSAGE}.`, { details: [{ path: 'url', message: NUL_MESSAGE }] });
    }
    await next();
  };
}

/** `\u0000` as an escape of its own: after an even number of backslashes (`\\u0000` is a backslash and "u0000"). */
const ESCAPED_NUL = /(?:^|[^\\])(?:\\\\)*\\u0000/;

/** Throws `validation_failed` when the JSON text would parse to a string or key holding NUL. */
export function assertNoJsonNul(text: string): void {
  if (text.includes('\\u0000') && ESCAPED_NUL.test(text)) {
    throw new ApiError('validation_failed', `body: ${NUL_MESSAGE}.`, { details: [{ path: 'body', message: NUL_MESSAGE }] });
  }
}
