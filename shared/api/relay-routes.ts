/** The contract of the relay's own routes: health, metrics, the API description. Served without the /v1 prefix. */
import { z } from 'zod';
import { zHealthResponse } from '../api-schemas';
import { route } from './route-contract';

export const RELAY_ROUTES = {
  liveness: route({ method: 'get', path: '/healthz', auth: false, success: { status: 200, schema: zHealthResponse } }),
  readiness: route({ method: 'get', path: '/readyz', auth: false, success: { status: 200, schema: zHealthResponse } }),
  metrics: route({ method: 'get', path: '/metrics', success: { status: 200, schema: z.string(), contentType: 'text/plain' } }),
  describeApi: route({ method: 'get', path: '/openapi.json', auth: false, success: { status: 200, schema: z.record(z.string(), z.unknown()) } }),
};
