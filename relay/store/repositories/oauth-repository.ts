import type { Store } from '../types';
import { changedRows, type StoreDb } from './store-db';

export type OAuthRepository = Pick<
  Store,
  | 'getOAuthAccessToken'
  | 'putOAuthAccessToken'
  | 'deleteOAuthAccessToken'
  | 'setProfileOAuthGrant'
  | 'createOAuthSignIn'
  | 'getOAuthSignIn'
  | 'claimOAuthSignInPoll'
  | 'setOAuthSignInPollInterval'
  | 'finishOAuthSignIn'
>;

const SIGN_IN_COLUMNS = [
  'id',
  'profile_id as profileId',
  'user_id as userId',
  'provider',
  'flow',
  'status',
  'state_hash as stateHash',
  'sealed',
  'details',
  'poll_interval_ms as pollIntervalMs',
  'next_poll_at as nextPollAt',
  'problem_code as problemCode',
  'result',
  'created_at as createdAt',
  'expires_at as expiresAt',
  'updated_at as updatedAt',
] as const;

/**
 * OAuth2 (issue 8, relay/oauth/): cached access tokens, refresh tokens inside a profile's secrets,
 * and delegated sign-ins. Everything lives in the database, so every relay instance sees the same.
 */
export function oauthRepository({ db }: StoreDb): OAuthRepository {
  return {
    async getOAuthAccessToken(profileId) {
      return db
        .selectFrom('oauth_access_tokens')
        .select(['profile_id as profileId', 'credential_key as credentialKey', 'secrets', 'obtained_at as obtainedAt', 'expires_at as expiresAt'])
        .where('profile_id', '=', profileId)
        .executeTakeFirst();
    },

    async putOAuthAccessToken(row) {
      // INSERT … SELECT: a profile deleted meanwhile gets no orphan token (and no foreign key error).
      await db
        .insertInto('oauth_access_tokens')
        .columns(['profile_id', 'credential_key', 'secrets', 'obtained_at', 'expires_at'])
        .expression(
          db
            .selectNoFrom((eb) => [
              eb.val(row.profileId).as('profile_id'),
              eb.val(row.credentialKey).as('credential_key'),
              eb.val(row.secrets).as('secrets'),
              eb.val(row.obtainedAt).as('obtained_at'),
              eb.val(row.expiresAt).as('expires_at'),
            ])
            .where((eb) => eb.exists(eb.selectFrom('profiles').select('id').where('id', '=', row.profileId))),
        )
        .onConflict((oc) =>
          oc.column('profile_id').doUpdateSet((eb) => ({
            credential_key: eb.ref('excluded.credential_key'),
            secrets: eb.ref('excluded.secrets'),
            obtained_at: eb.ref('excluded.obtained_at'),
            expires_at: eb.ref('excluded.expires_at'),
          })),
        )
        .execute();
    },

    async deleteOAuthAccessToken(profileId, obtainedAt) {
      await db
        .deleteFrom('oauth_access_tokens')
        .where('profile_id', '=', profileId)
        .$if(obtainedAt !== undefined, (q) => q.where('obtained_at', '=', obtainedAt!))
        .execute();
    },

    async setProfileOAuthGrant(profileId, grant, options = {}) {
      // Compare and set: the secrets are written only while they are what was read, so a refresh
      // token rotated by another instance meanwhile is never overwritten with a stale one; a lost
      // race reads again. The other secrets (the password, the client secret) are kept as they are.
      for (;;) {
        const row = await db.selectFrom('profiles').select('secrets').where('id', '=', profileId).executeTakeFirst();
        if (!row) return false;
        const secrets = JSON.parse(row.secrets ?? '{}') as Record<string, string>;
        if ('ifRefreshTokenIs' in options && (secrets.refreshToken ?? null) !== (options.ifRefreshTokenIs ?? null)) return false;
        const { refreshToken: _previous, ...others } = secrets;
        const next = grant.refreshToken === null ? others : { ...secrets, refreshToken: grant.refreshToken };
        const result = await db
          .updateTable('profiles')
          .set({
            secrets: JSON.stringify(next),
            ...(grant.state !== undefined ? { oauth_state: grant.state } : {}),
            ...(options.touchedAt !== undefined ? { updated_at: options.touchedAt } : {}),
          })
          .where('id', '=', profileId)
          .where((eb) => (row.secrets === null ? eb('secrets', 'is', null) : eb('secrets', '=', row.secrets)))
          .executeTakeFirst();
        if (changedRows(result) === 1) return true;
      }
    },

    async createOAuthSignIn(row) {
      // At most one sign-in per profile: a new one replaces the others.
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('oauth_sign_ins').where('profile_id', '=', row.profileId).execute();
        await trx
          .insertInto('oauth_sign_ins')
          .values({
            id: row.id,
            profile_id: row.profileId,
            user_id: row.userId,
            provider: row.provider,
            flow: row.flow,
            status: row.status,
            state_hash: row.stateHash,
            sealed: row.sealed,
            details: row.details,
            poll_interval_ms: row.pollIntervalMs,
            next_poll_at: row.nextPollAt,
            problem_code: row.problemCode,
            result: row.result,
            created_at: row.createdAt,
            expires_at: row.expiresAt,
            updated_at: row.updatedAt,
          })
          .execute();
      });
    },

    async getOAuthSignIn(id) {
      return db.selectFrom('oauth_sign_ins').select(SIGN_IN_COLUMNS).where('id', '=', id).executeTakeFirst();
    },

    async claimOAuthSignInPoll(id, now, nextPollAt) {
      const result = await db
        .updateTable('oauth_sign_ins')
        .set({ next_poll_at: nextPollAt, updated_at: now })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .where('next_poll_at', '<=', now)
        .executeTakeFirst();
      return changedRows(result) === 1;
    },

    async setOAuthSignInPollInterval(id, pollIntervalMs, nextPollAt) {
      await db
        .updateTable('oauth_sign_ins')
        .set({ poll_interval_ms: pollIntervalMs, next_poll_at: nextPollAt })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .execute();
    },

    async finishOAuthSignIn(id, outcome) {
      const result = await db
        .updateTable('oauth_sign_ins')
        .set({ status: outcome.status, problem_code: outcome.problemCode, result: outcome.result, next_poll_at: null, updated_at: outcome.now })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return changedRows(result) === 1;
    },
  };
}
