import { Hono } from 'hono';
import type { AuthEnv } from '../http/authenticate';
import { toUserView } from './user-view';

export function meRoutes() {
  return new Hono<AuthEnv>().get('/v1/me', (c) => c.json(toUserView(c.get('user'))));
}
