import { JSON_COLUMNS, readRow, writeRow } from '../schema/json-columns';
import type { OAuthAccessTokenRow, OAuthSignInRow, Store } from '../types';
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

/**
 * OAuth2 (issue 8, relay/oauth/): cached access tokens, refresh tokens inside a profile's secrets,
 * and delegated sign-ins. Everything lives in the database, so every relay instance sees the same.
 */
export function oauthRepository({ db }: StoreDb): OAuthRepository {
  return {
    async getOAuthAccessToken(profileId) {
      const row = await db.selectFrom('oauth_access_tokens').selectAll().where('profileId', '=', profileId).executeTakeFirst();
      return row && readRow<OAuthAccessTokenRow>('oauth_access_tokens', row, profileId);
    },

    async putOAuthAccessToken(row) {
      // INSERT … SELECT: a profile deleted meanwhile gets no orphan token (and no foreign key error).
      await db
        .insertInto('oauth_access_tokens')
        .columns(['profileId', 'credentialKey', 'secrets', 'obtainedAt', 'expiresAt'])
        .expression(
          db
            .selectNoFrom((eb) => [
              eb.val(row.profileId).as('a'),
              eb.val(row.credentialKey).as('b'),
              eb.val(JSON_COLUMNS.oauth_access_tokens.secrets.write(row.secrets)).as('c'),
              eb.val(row.obtainedAt).as('d'),
              eb.val(row.expiresAt).as('e'),
            ])
            .where((eb) => eb.exists(eb.selectFrom('profiles').select('id').where('id', '=', row.profileId))),
        )
        .onConflict((oc) =>
          oc.column('profileId').doUpdateSet((eb) => ({
            credentialKey: eb.ref('excluded.credentialKey'),
            secrets: eb.ref('excluded.secrets'),
            obtainedAt: eb.ref('excluded.obtainedAt'),
            expiresAt: eb.ref('excluded.expiresAt'),
          })),
        )
        .execute();
    },

    async deleteOAuthAccessToken(profileId, obtainedAt) {
      await db
        .deleteFrom('oauth_access_tokens')
        .where('profileId', '=', profileId)
        .$if(obtainedAt !== undefined, (q) => q.where('obtainedAt', '=', obtainedAt!))
        .execute();
    },

    async setProfileOAuthGrant(profileId, grant, options = {}) {
      // Compare and set: the secrets are written only while they are what was read, so a refresh
      // token rotated by another instance meanwhile is never overwritten with a stale one; a lost
      // race reads again. The other secrets (the password, the client secret) are kept as they are.
      for (;;) {
        const row = await db.selectFrom('profiles').select('secrets').where('id', '=', profileId).executeTakeFirst();
        if (!row) return false;
        const secrets = row.secrets === null ? {} : JSON_COLUMNS.profiles.secrets.read(row.secrets, `profiles.secrets of ${profileId}`);
        if ('ifRefreshTokenIs' in options && (secrets.refreshToken ?? null) !== (options.ifRefreshTokenIs ?? null)) return false;
        const { refreshToken: _previous, ...others } = secrets;
        const next = grant.refreshToken === null ? others : { ...secrets, refreshToken: grant.refreshToken };
        const result = await db
          .updateTable('profiles')
          .set({
            secrets: JSON.stringify(next),
            ...(grant.state !== undefined ? { oauthState: grant.state && JSON.stringify(grant.state) } : {}),
            ...(options.touchedAt !== undefined ? { updatedAt: options.touchedAt } : {}),
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
        await trx.deleteFrom('oauth_sign_ins').where('profileId', '=', row.profileId).execute();
        await trx.insertInto('oauth_sign_ins').values(writeRow('oauth_sign_ins', row)).execute();
      });
    },

    async getOAuthSignIn(id) {
      const row = await db.selectFrom('oauth_sign_ins').selectAll().where('id', '=', id).executeTakeFirst();
      return row && readRow<OAuthSignInRow>('oauth_sign_ins', row);
    },

    async claimOAuthSignInPoll(id, now, nextPollAt) {
      const result = await db.updateTable('oauth_sign_ins').set({ nextPollAt, updatedAt: now }).where('id', '=', id).where('status', '=', 'pending').where('nextPollAt', '<=', now).executeTakeFirst();
      return changedRows(result) === 1;
    },

    async setOAuthSignInPollInterval(id, pollIntervalMs, nextPollAt) {
      await db.updateTable('oauth_sign_ins').set({ pollIntervalMs, nextPollAt }).where('id', '=', id).where('status', '=', 'pending').execute();
    },

    async finishOAuthSignIn(id, outcome) {
      const result = await db
        .updateTable('oauth_sign_ins')
        .set({ status: outcome.status, problemCode: outcome.problemCode, result: outcome.result && JSON.stringify(outcome.result), nextPollAt: null, updatedAt: outcome.now })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return changedRows(result) === 1;
    },
  };
}
