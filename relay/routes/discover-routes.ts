import { Hono } from 'hono';
import { zDiscoverQuery } from '../../shared/api-schemas';
import { ApiError } from '../http/api-error';
import type { AuthEnv } from '../http/authenticate';
import { SettingsDiscovery, type DiscoveryOptions } from '../discovery/discover-settings';

/** `GET /v1/discover?email=`: suggested server settings for an address (relay/discovery/discover-settings.ts). */
export function discoverRoutes(options: DiscoveryOptions) {
  const discovery = new SettingsDiscovery(options);
  return new Hono<AuthEnv>().get('/v1/discover', async (c) => {
    const parsed = zDiscoverQuery.safeParse({ email: c.req.query('email') ?? '' });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ApiError('validation_failed', `email: ${issue?.message ?? 'not a valid e-mail address'}`, {
        hint: 'Pass the address to look up, e.g. /v1/discover?email=anna@firma.se',
        details: parsed.error.issues.map((i) => ({ path: 'email', message: i.message })),
      });
    }
    return c.json(await discovery.discover(parsed.data.email));
  });
}
