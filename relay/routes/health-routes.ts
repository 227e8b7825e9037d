import { Hono } from 'hono';
import type { HealthResponse } from '../../shared/schemas';

export function healthRoutes(version: string) {
  return new Hono().get('/healthz', (c) => c.json<HealthResponse>({ status: 'ok', version }));
}
