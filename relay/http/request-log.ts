import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { observeHttpRequest } from '../observability/metrics';
import { recordsOf } from '../observability/relay-log';
import { nextWithHeaders } from './answer-header';

/** An id a load balancer or client may pass in: short and plain, so it cannot forge log lines. */
const FORWARDED_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * Every request gets an id (the caller's `X-Request-Id` when it is a plain token, else a new UUID),
 * answered in `X-Request-Id` so that a user's report can be found in the log. With a structured log
 * (OWNPOST_LOG=json) one record a request: method, path without the query string (which could carry
 * a secret), status, milliseconds and the id. Also counts the request for GET /metrics.
 */
export function requestLog(log: (line: string) => void): MiddlewareHandler {
  const record = recordsOf(log);
  return async function requestLogMiddleware(c, next) {
    const started = performance.now();
    const forwarded = c.req.header('x-request-id');
    const requestId = forwarded && FORWARDED_REQUEST_ID.test(forwarded) ? forwarded : randomUUID();
    await nextWithHeaders(c, next, [['X-Request-Id', requestId]]);
    const ms = Math.round((performance.now() - started) * 10) / 10;
    const status = c.res.status;
    observeHttpRequest({ method: c.req.method, route: routePath(c, -1) || 'unmatched', status, ms });
    record?.({ msg: 'request', requestId, method: c.req.method, path: c.req.path, status, ms });
  };
}
