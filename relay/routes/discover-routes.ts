import { OpenAPIHono } from '@hono/zod-openapi';
import { operation } from '../api/operation';
import { RELAY_CONTRACT } from '../../shared/api/relay-contract';
import { serve } from '../api/serve';
import { zDiscoverQuery } from '../../shared/api-schemas';
import { ApiError } from '../http/api-error';
import type { AuthEnv } from '../http/authenticate';
import { SettingsDiscovery, type DiscoveryOptions } from '../discovery/discover-settings';
import type { LimiterStore } from '../limits/limiter-store';

/**
 * Lookups one user may run in a sliding window: each one can make the relay ask DNS and open up to a
 * dozen connections to guessed servers, so it is limited like the sender test (issue 14).
 * @default { max: 30, windowMs: 15 min }
 */
export const DISCOVER_LIMIT = { max: 30, windowMs: 15 * 60_000 };

const discover = operation(RELAY_CONTRACT.discover, {
  tag: 'profiles',
  summary: 'Suggested server settings for an address',
  description:
    "The built-in provider table first, then the domain's MX hosts (Microsoft 365, Google Workspace, ...), then guessing smtp./mail.<domain> on 465 (TLS) and 587 (STARTTLS) with short timeouts.",
  answers: { 200: 'What was found (`source: none` when nothing was)' },
  errors: ['validation_failed', 'rate_limited'],
});

/** `GET /v1/discover?email=`: suggested server settings for an address (relay/discovery/discover-settings.ts). */
export function discoverRoutes(options: DiscoveryOptions & { limiterStore: LimiterStore; limit?: { max: number; windowMs: number } }) {
  const discovery = new SettingsDiscovery(options);
  const limit = options.limit ?? DISCOVER_LIMIT;
  const app = new OpenAPIHono<AuthEnv>();
  serve(app, discover, async (c, answer) => {
    const slot = await options.limiterStore.takeSlot(`discover:user:${c.get('user').id}`, limit.max, limit.windowMs, Date.now());
    if (!slot.allowed) {
      const seconds = Math.max(1, Math.ceil(slot.retryAfterMs / 1000));
      throw new ApiError('rate_limited', `You have looked up many addresses in a short time. Try again in ${seconds} s.`, {
        headers: { 'Retry-After': String(seconds) },
        details: { reason: 'discover', retryAfterSeconds: seconds },
      });
    }
    const parsed = zDiscoverQuery.safeParse({ email: c.req.query('email') ?? '' });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ApiError('validation_failed', `email: ${issue?.message ?? 'not a valid e-mail address'}`, {
        hint: 'Pass the address to look up, e.g. /v1/discover?email=anna@firma.se',
        details: parsed.error.issues.map((i) => ({ path: 'email', message: i.message })),
      });
    }
    return answer(200, await discovery.discover(parsed.data.email));
  });
  return app;
}
