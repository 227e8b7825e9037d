import { OpenAPIHono } from '@hono/zod-openapi';
import { operation } from '../api/operation';
import { RELAY_CONTRACT } from '../../shared/api/relay-contract';
import { serve } from '../api/serve';
import { errorBody, STORE_RETRY_AFTER_SECONDS } from '../http/api-error';
import { storeFailureOf, withStoreTimeout } from '../store/store-errors';
import type { Store } from '../store/types';

/** `/readyz` answers within this, whatever the store does (issue 15): a load balancer's check must not hang. */
const READINESS_TIMEOUT_MS = 1_000;

const liveness = operation(RELAY_CONTRACT.liveness, {
  tag: 'relay',
  summary: 'Is the relay up?',
  answers: { 200: 'Up' },
  errors: [],
});

const readiness = operation(RELAY_CONTRACT.readiness, {
  tag: 'relay',
  summary: 'Can the relay take a write now? (for load balancers; answers within 1 s)',
  answers: { 200: 'Ready' },
  errors: ['store_unavailable', 'storage_full'],
});

/**
 * `/healthz`: the process serves HTTP (liveness). `/readyz`: it can also take a write now (its
 * database answers within a second, is not read-only, and its disk has room), so a load balancer
 * takes out of rotation an instance that cannot accept a message while the others still can
 * (readiness): 503 `store_unavailable` or `storage_full`, with `Retry-After`.
 */
export function healthRoutes(version: string, store: Store, log: (line: string) => void) {
  const app = new OpenAPIHono();
  serve(app, liveness, (c, answer) => answer(200, { status: 'ok', version }));
  serve(app, readiness, async (c, answer) => {
    try {
      await withStoreTimeout(
        (async () => {
          await store.ping();
          await store.checkWritable();
        })(),
        READINESS_TIMEOUT_MS,
        `the ${store.kind} database`,
      );
    } catch (error) {
      const failure = storeFailureOf(error) ?? 'store_unavailable';
      log(`readiness: the ${store.kind} database ${failure === 'storage_full' ? 'cannot take a write' : 'does not answer'}: ${(error as Error).message}`);
      c.header('Retry-After', String(STORE_RETRY_AFTER_SECONDS[failure]));
      return answer(503, errorBody(failure, failure === 'storage_full' ? 'The relay has no disk space left for new messages.' : 'The relay cannot reach its database.'));
    }
    return answer(200, { status: 'ok', version });
  });
  return app;
}
