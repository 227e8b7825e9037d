import type { MiddlewareHandler } from 'hono';
import { hashSecretToken } from '../auth/tokens';
import type { Store, UserRow } from '../store/types';
import { ApiError } from './api-error';

export type AuthEnv = { Variables: { user: UserRow } };

/** `Authorization: Bearer <token>` → the token's user in `c.get('user')`, else 401. */
export function bearerAuth(store: Store): MiddlewareHandler<AuthEnv> {
  return async function bearerAuthMiddleware(c, next) {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      throw new ApiError('unauthorized', 'This request needs a token.', {
        hint: 'Connect the extension with a pairing code (npx ownpost pair <email>), or use npx ownpost token <email>.',
        headers: { 'WWW-Authenticate': 'Bearer realm="ownpost"' },
      });
    }
    const user = await store.getUserByTokenHash(hashSecretToken(match[1]!), Date.now());
    if (!user) {
      throw new ApiError('unauthorized', 'This token is not valid (revoked, or from another relay).', {
        headers: { 'WWW-Authenticate': 'Bearer realm="ownpost", error="invalid_token"' },
      });
    }
    c.set('user', user);
    await next();
  };
}
