import { OpenAPIHono } from '@hono/zod-openapi';
import { operation } from '../api/operation';
import { RELAY_CONTRACT } from '../../shared/api/relay-contract';
import { serve } from '../api/serve';
import type { Context } from 'hono';
import { randomUUID } from 'node:crypto';
import { zPairRequest } from '../../shared/schemas';
import { hashSecretToken, newBearerToken, normalisePairingCode } from '../auth/tokens';
import { ApiError } from '../http/api-error';
import { readJsonBody } from '../http/read-body';
import { pairingClientKey, PairingRateLimitedError, type PairingLimits } from '../limits/pairing-limits';
import type { PeopleStore } from '../people/people-store';
import type { Store } from '../store/types';
import { toUserView } from './user-view';

/** The TCP peer's address (not a forwarded header, which a client can write itself). */
function clientAddress(c: Context): string | undefined {
  return (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress;
}

/**
 * Runs tasks one after another. Checking the limits and recording a wrong code are two steps: run
 * side by side, a burst of guesses would all pass the check before the first was counted.
 */
function serialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return function serially<T>(task: () => Promise<T>): Promise<T> {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

const pair = operation(RELAY_CONTRACT.pair, {
  tag: 'devices',
  summary: 'Pair a device with a one-time code',
  description:
    'A pairing code (an admin made it for a person), or the setup code a relay without users printed when it started: then `email` (and `name`) name the person who becomes its admin; without `email` the answer is 422 `setup_email_required` and the code stays usable. Wrong codes are limited to 10 per client and 50 in all per 15 minutes (429).',
  answers: { 200: 'Paired' },
  errors: ['pairing_code_invalid', 'setup_email_required', 'rate_limited'],
});

/**
 * `POST /v1/pair`: a one-time code becomes a device's bearer token. The code is a pairing code (an
 * admin made it for a person: the People page, or `ownpost pair <email>`), or the setup code a relay
 * without users printed when it started: then the request names the admin's `email` (and `name`),
 * and that person becomes the relay's admin. Wrong codes are rate limited (PairingLimits), one code
 * at a time per instance (instances on one database share the counts, so a burst spread over N
 * instances gains at most N-1 guesses over the limit).
 */
export function pairingRoutes({ store, people, limits }: { store: Store; people: PeopleStore; limits: PairingLimits }) {
  const serially = serialQueue();
  const app = new OpenAPIHono();
  serve(app, pair, async (c, answer) => {
    const client = pairingClientKey(clientAddress(c));
    // Read before queueing: a client that sends its body slowly must not hold up everybody else.
    const { value } = await readJsonBody(c, zPairRequest);
    return serially(async () => {
      try {
        await limits.admit(client);
      } catch (error) {
        if (!(error instanceof PairingRateLimitedError)) throw error;
        throw new ApiError('rate_limited', 'Too many wrong pairing codes. Wait a while, then try again.', {
          hint: 'Check the code you were given: it works once, for 10 minutes (a setup code for an hour).',
          details: { reason: error.scope === 'client' ? 'pairing_client' : 'pairing_overall' },
          headers: { 'Retry-After': String(Math.ceil(error.retryAfterMs / 1000)) },
        });
      }
      const codeHash = hashSecretToken(normalisePairingCode(value.code));
      const now = Date.now();

      const paired = await store.consumePairingCode(codeHash, now);
      // A code made for a person removed since then is as dead as their devices.
      const user = paired && (await people.getActiveUser(paired.id));
      if (user) {
        await limits.recordPaired(client);
        const token = newBearerToken();
        await store.createToken({ hash: hashSecretToken(token), userId: user.id, device: value.device, createdAt: now });
        return answer(200, { token, user: toUserView(user) });
      }

      if (await people.isSetupCodeUsable(codeHash, now)) {
        if (!value.email) {
          // Not a wrong code, and not used up: the popup asks for the address and sends the code again.
          throw new ApiError('setup_email_required', 'This is the setup code of a new relay: whoever pairs with it becomes its admin.', {
            hint: 'Send your e-mail address (and name) with the code.',
          });
        }
        const token = newBearerToken();
        const admin = await people.redeemSetupCode(
          codeHash,
          now,
          { id: randomUUID(), email: value.email, name: value.name ?? null, createdAt: now },
          { hash: hashSecretToken(token), device: value.device },
        );
        if (admin) {
          await limits.recordPaired(client);
          return answer(200, { token, user: toUserView(admin) });
        }
      }

      await limits.recordWrongCode(client);
      throw new ApiError('pairing_code_invalid', 'This pairing code is not valid: it may be mistyped, used already, or expired.', {
        hint: 'Ask your admin for a new code (Settings → People → Pairing code), or make one with: npx ownpost pair <your e-mail address>. Codes last 10 minutes and work once.',
      });
    });
  });
  return app;
}
