import type { MiddlewareHandler } from 'hono';
import { hashSecretToken } from '../auth/tokens';
import type { PeopleStore } from '../people/people-store';
import type { UserRow } from '../store/types';
import { ApiError } from './api-error';

/** `deviceId`: the token's device, so that a device list can mark "this browser". */
export type AuthEnv = { Variables: { user: UserRow; deviceId: string } };

/**
 * `Authorization: Bearer <token>` → the token's user in `c.get('user')`, else 401. Asks the database
 * on every request, deliberately without a cache: a revoked device, a removed user or an expired
 * token gets 401 on its very next request, on every relay instance (issue 14).
 *
 * @param idleTtlMs tokens unused for this long no longer work (OWNPOST_TOKEN_TTL); undefined: never expire
 */
export function bearerAuth(people: PeopleStore, idleTtlMs: number | undefined): MiddlewareHandler<AuthEnv> {
  return async function bearerAuthMiddleware(c, next) {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      throw new ApiError('unauthorized', 'This request needs a token.', {
        hint: 'Connect the extension with a pairing code (npx ownpost pair <email>), or use npx ownpost token <email>.',
        headers: { 'WWW-Authenticate': 'Bearer realm="ownpost"' },
      });
    }
    const session = await people.authenticate(hashSecretToken(match[1]!), Date.now(), idleTtlMs);
    if (!session) {
      throw new ApiError('unauthorized', 'This token is not valid (revoked, expired, or from another relay).', {
        hint: 'Connect again with a new pairing code.',
        headers: { 'WWW-Authenticate': 'Bearer realm="ownpost", error="invalid_token"' },
      });
    }
    c.set('user', session.user);
    c.set('deviceId', session.deviceId);
    await next();
  };
}
