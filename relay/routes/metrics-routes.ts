import { OpenAPIHono } from '@hono/zod-openapi';
import { operation } from '../api/operation';
import { RELAY_CONTRACT } from '../../shared/api/relay-contract';
import { serve } from '../api/serve';
import { timingSafeEqual } from 'node:crypto';
import { hashSecretToken } from '../auth/tokens';
import { ApiError } from '../http/api-error';
import { renderMetrics } from '../observability/metrics';
import type { Store } from '../store/types';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const metrics = operation(RELAY_CONTRACT.metrics, {
  tag: 'relay',
  summary: "Prometheus metrics (OWNPOST_METRICS_TOKEN, or an admin's token)",
  answers: { 200: 'The Prometheus text format' },
  errors: ['unauthorized', 'forbidden'],
});

/**
 * `GET /metrics`: Prometheus text format, for IT (issue 20). Who may read it: a bearer token equal to
 * OWNPOST_METRICS_TOKEN, or an admin's token. Members get 403: the counts are the whole relay's.
 */
export function metricsRoutes(deps: { store: Store; metricsToken?: string }) {
  const { store, metricsToken } = deps;
  const app = new OpenAPIHono();
  serve(app, metrics, async (c, answer) => {
    const token = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (!token) {
      throw new ApiError('unauthorized', 'Metrics need a token.', {
        hint: 'Use OWNPOST_METRICS_TOKEN, or an admin token (npx ownpost token <admin email>).',
        headers: { 'WWW-Authenticate': 'Bearer realm="ownpost"' },
      });
    }
    if (!(metricsToken && sameSecret(token, metricsToken))) {
      const user = await store.getUserByTokenHash(hashSecretToken(token), Date.now());
      if (!user) {
        throw new ApiError('unauthorized', 'This token is not valid for metrics.', {
          headers: { 'WWW-Authenticate': 'Bearer realm="ownpost", error="invalid_token"' },
        });
      }
      if (user.role !== 'admin') throw new ApiError('forbidden', 'Only admins (or OWNPOST_METRICS_TOKEN) may read the metrics.');
    }
    const { contentType, body } = await renderMetrics(store);
    return answer(200, body, { 'Content-Type': contentType });
  });
  return app;
}
