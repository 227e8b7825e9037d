import { Hono } from 'hono';
import type { HealthResponse } from '../../shared/schemas';
import { errorBody } from '../http/api-error';
import type { Store } from '../store/types';

/**
 * `/healthz`: the process serves HTTP (liveness). `/readyz`: it can also reach its database, so a
 * load balancer takes out of rotation an instance that lost its connection to PostgreSQL while the
 * others still have theirs (readiness): 503 `store_unavailable` until the database answers again.
 */
export function healthRoutes(version: string, store: Store, log: (line: string) => void) {
  return new Hono()
    .get('/healthz', (c) => c.json<HealthResponse>({ status: 'ok', version }))
    .get('/readyz', async (c) => {
      try {
        await store.ping();
      } catch (error) {
        log(`readiness: the ${store.kind} database does not answer: ${(error as Error).message}`);
        return c.json(errorBody('store_unavailable', 'The relay cannot reach its database.'), 503);
      }
      return c.json<HealthResponse>({ status: 'ok', version });
    });
}
