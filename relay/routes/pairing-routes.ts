import { Hono } from 'hono';
import { zPairRequest, type PairResponse } from '../../shared/schemas';
import { hashSecretToken, newBearerToken, normalisePairingCode } from '../auth/tokens';
import { ApiError } from '../http/api-error';
import { readJsonBody } from '../http/read-body';
import type { Store } from '../store/types';
import { toUserView } from './user-view';

/** `POST /v1/pair`: a one-time code from `ownpost pair <email>` becomes a device's bearer token. */
export function pairingRoutes(store: Store) {
  return new Hono().post('/v1/pair', async (c) => {
    const { value } = await readJsonBody(c, zPairRequest);
    const user = await store.consumePairingCode(hashSecretToken(normalisePairingCode(value.code)), Date.now());
    if (!user) {
      throw new ApiError('pairing_code_invalid', 'This pairing code is not valid: it may be mistyped, used already, or expired.', {
        hint: 'Ask for a new code: npx ownpost pair <your e-mail address> (codes last 10 minutes and work once).',
      });
    }
    const token = newBearerToken();
    await store.createToken({ hash: hashSecretToken(token), userId: user.id, device: value.device, createdAt: Date.now() });
    return c.json<PairResponse>({ token, user: toUserView(user) });
  });
}
