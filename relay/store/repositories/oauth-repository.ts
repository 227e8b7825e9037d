import { JSON_COLUMNS, readRow, writeRow } from '../schema/json-columns';
import type { OAuthGrantState } from '../../profiles/profile-data';
import type { SignInResult } from '../../oauth/sign-in-data';
import type { OAuthAccessTokenRow, OAuthSignInRow } from '../types';
import { changedOne, fromExcluded, readFirst, whileProfileExists, type StoreDb } from './store-db';

/** OAuth2 (issue 8): cached access tokens, refresh tokens inside a profile's secrets, delegated sign-ins; in the database, for every instance. */
export function oauthRepository({ db }: StoreDb) {
  const json = JSON_COLUMNS.profiles;
  return {
    getOAuthAccessToken: (profileId: string) =>
      readFirst(db.selectFrom('oauth_access_tokens').selectAll().where('profileId', '=', profileId), (row) => readRow<OAuthAccessTokenRow>('oauth_access_tokens', row, profileId)),
    /** Replaces the previous one; does nothing when the profile is gone. */
    async putOAuthAccessToken(row: OAuthAccessTokenRow) {
      await db
        .insertInto('oauth_access_tokens')
        .columns(['profileId', 'credentialKey', 'secrets', 'obtainedAt', 'expiresAt'])
        .expression(whileProfileExists(db, row.profileId, [row.profileId, row.credentialKey, JSON_COLUMNS.oauth_access_tokens.secrets.write(row.secrets), row.obtainedAt, row.expiresAt]))
        .onConflict((oc) => oc.column('profileId').doUpdateSet(fromExcluded('oauth_access_tokens', 'credentialKey', 'secrets', 'obtainedAt', 'expiresAt')))
        .execute();
    },
    /** With `obtainedAt`, only while it is still that token (another instance may have cached a newer one). */
    async deleteOAuthAccessToken(profileId: string, obtainedAt?: number) {
      await db
        .deleteFrom('oauth_access_tokens')
        .where('profileId', '=', profileId)
        .$if(obtainedAt !== undefined, (q) => q.where('obtainedAt', '=', obtainedAt!))
        .execute();
    },
    /**
     * Records a sign-in's outcome, the profile's settings untouched: sets (null: removes) the sealed `refreshToken` in its secrets, and
     * `oauthState` unless undefined; with `ifRefreshTokenIs`, only while the stored one is still that. `touchedAt` moves `updatedAt`
     * (a new sign-in is a change of credentials, a rotated token is not). Whether it was written.
     */
    async setProfileOAuthGrant(
      profileId: string,
      grant: { refreshToken: string | null; state?: OAuthGrantState | null },
      options: { ifRefreshTokenIs?: string | null; touchedAt?: number } = {},
    ): Promise<boolean> {
      // Compare and set: a refresh token another instance rotated meanwhile is never overwritten with a stale one.
      for (;;) {
        const row = await db.selectFrom('profiles').select('secrets').where('id', '=', profileId).executeTakeFirst();
        if (!row) return false;
        const secrets = row.secrets === null ? {} : json.secrets.read(row.secrets, `profiles.secrets of ${profileId}`);
        if ('ifRefreshTokenIs' in options && (secrets.refreshToken ?? null) !== (options.ifRefreshTokenIs ?? null)) return false;
        const { refreshToken: _previous, ...others } = secrets;
        const next = grant.refreshToken === null ? others : { ...secrets, refreshToken: grant.refreshToken };
        const changes = {
          secrets: json.secrets.write(next),
          ...(grant.state !== undefined ? { oauthState: grant.state && json.oauthState.write(grant.state) } : {}),
          ...(options.touchedAt !== undefined ? { updatedAt: options.touchedAt } : {}),
        };
        const update = db.updateTable('profiles').set(changes).where('id', '=', profileId);
        if (await changedOne(update.where('secrets', row.secrets === null ? 'is' : '=', row.secrets))) return true;
      }
    },
    /** Replaces every other sign-in of its profile. */
    async createOAuthSignIn(row: OAuthSignInRow) {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('oauth_sign_ins').where('profileId', '=', row.profileId).execute();
        await trx.insertInto('oauth_sign_ins').values(writeRow('oauth_sign_ins', row)).execute();
      });
    },
    getOAuthSignIn: (id: string) => readFirst(db.selectFrom('oauth_sign_ins').selectAll().where('id', '=', id), (row) => readRow<OAuthSignInRow>('oauth_sign_ins', row)),
    /** True for exactly one caller while `nextPollAt <= now` (several instances may be asked about one device-code sign-in). */
    claimOAuthSignInPoll: (id: string, now: number, nextPollAt: number) =>
      changedOne(db.updateTable('oauth_sign_ins').set({ nextPollAt, updatedAt: now }).where('id', '=', id).where('status', '=', 'pending').where('nextPollAt', '<=', now)),
    /** Slows the polling of a pending sign-in down (the provider answered `slow_down`). */
    async setOAuthSignInPollInterval(id: string, pollIntervalMs: number, nextPollAt: number) {
      await db.updateTable('oauth_sign_ins').set({ pollIntervalMs, nextPollAt }).where('id', '=', id).where('status', '=', 'pending').execute();
    },
    /** False when it had already ended (a sign-in ends once). */
    async finishOAuthSignIn(id: string, outcome: { status: Exclude<OAuthSignInRow['status'], 'pending'>; problemCode: string | null; result: SignInResult | null; now: number }) {
      const result = outcome.result && JSON_COLUMNS.oauth_sign_ins.result.write(outcome.result);
      return changedOne(
        db
          .updateTable('oauth_sign_ins')
          .set({ status: outcome.status, problemCode: outcome.problemCode, result, nextPollAt: null, updatedAt: outcome.now })
          .where('id', '=', id)
          .where('status', '=', 'pending'),
      );
    },
  };
}
