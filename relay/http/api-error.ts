import type { Context } from 'hono';
import { IncomingMessage } from 'node:http';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ERROR_STATUS, type ErrorBody, type ErrorCode } from '../../shared/errors';
import { DomainError, type DomainErrorOptions } from '../errors/domain-error';
import { observeRateLimited } from '../observability/metrics';
import { printableInLog } from '../observability/relay-log';
import { storeFailureOf, type StoreFailure } from '../store/store-errors';

/** The `Retry-After` of a store failure: someone has to free space, not in a second. */
export const STORE_RETRY_AFTER_SECONDS: Record<StoreFailure, number> = { storage_full: 60, store_unavailable: 5 };

/**
 * A refusal by the HTTP layer itself (guards, authentication, request parsing), which may need
 * headers of its own (`WWW-Authenticate`). Domain code throws `DomainError`, never this.
 */
export class ApiError extends DomainError {
  override name = 'ApiError';
  readonly headers: Readonly<Record<string, string>>;
  constructor(code: ErrorCode, message: string, extra: DomainErrorOptions & { headers?: Record<string, string> } = {}) {
    super(code, message, extra);
    this.headers = extra.headers ?? {};
  }
}

/** Node's errors for a request body that stopped early: its own `aborted`, and read-body.ts's premature close. */
const BODY_CUT_SHORT_CODES = new Set(['ECONNRESET', 'ERR_STREAM_PREMATURE_CLOSE']);

function bodyCutShort(err: Error, c: Context): boolean {
  const incoming = (c.env as { incoming?: unknown } | undefined)?.incoming;
  return BODY_CUT_SHORT_CODES.has((err as NodeJS.ErrnoException).code ?? '') && incoming instanceof IncomingMessage && !incoming.complete;
}

export function errorBody(code: ErrorCode, message: string, extra: { hint?: string | undefined; details?: unknown } = {}): ErrorBody {
  return { error: { code, message, ...(extra.hint ? { hint: extra.hint } : {}), ...(extra.details ? { details: extra.details } : {}) } };
}

/**
 * The one place where errors become responses: a domain error's code decides the status. Unknown errors are logged (without request bodies,
 * which may hold secrets) and answered with a generic 500 that leaks nothing.
 */
export function createErrorHandler(log: (line: string) => void) {
  return function handleError(err: Error, c: Context) {
    if (err instanceof DomainError) {
      if (err.code === 'rate_limited') observeRateLimited((err.details as { reason?: string } | undefined)?.reason);
      if (err.retryAfterSeconds !== undefined) c.header('Retry-After', String(err.retryAfterSeconds));
      if (err instanceof ApiError) for (const [name, value] of Object.entries(err.headers)) c.header(name, value);
      return c.json(errorBody(err.code, err.message, err), ERROR_STATUS[err.code] as ContentfulStatusCode);
    }
    // Hono's body-limit and similar middleware throw HTTPException with a status.
    const status = (err as { status?: number }).status;
    if (status === 413) {
      return c.json(errorBody('payload_too_large', 'The request is larger than this relay accepts.'), 413);
    }
    // The disk is full or the database is gone: the request may be sent again later (issue 15).
    const storeFailure = storeFailureOf(err);
    if (storeFailure) {
      log(`${storeFailure} on ${c.req.method} ${printableInLog(c.req.path)}: ${(err as { code?: string }).code ?? ''} ${err.message}`);
      c.header('Retry-After', String(STORE_RETRY_AFTER_SECONDS[storeFailure]));
      return c.json(
        errorBody(storeFailure, storeFailure === 'storage_full' ? 'The relay has no disk space left; nothing was accepted.' : 'The relay cannot reach its database right now; nothing was accepted.', {
          hint: 'Send it again in a moment (the same Idempotency-Key keeps it to one mail).',
        }),
        503,
      );
    }
    // The client hung up before its body was whole (a crashed app, a dropped connection, a bad
    // chunk Node refused): nothing was carried out and nobody reads the answer, but it is the
    // client's doing, so it is no internal error with a stack trace and a 500 in the metrics.
    if (bodyCutShort(err, c)) {
      return c.json(errorBody('malformed_request', 'The request closed before its body ended; nothing was carried out.'), 400);
    }
    log(`internal error on ${c.req.method} ${printableInLog(c.req.path)}: ${err.stack ?? err.message}`);
    return c.json(errorBody('internal_error', 'Something went wrong inside the relay; the request was not carried out.'), 500);
  };
}
