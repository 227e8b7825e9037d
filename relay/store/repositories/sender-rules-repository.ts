import { sql, type SelectQueryBuilder } from 'kysely';
import type { Tables } from '../schema/tables';
import { compiledOnce, type StoreDb } from './store-db';

/**
 * `query` narrowed to the newest message of its profile that reached `sent` or `failed`: is the profile failing? The statuses are
 * literals: only then may the database use the partial index messages_profile_finished (with parameters SQLite scanned the outbox).
 */
export function newestFinished<DB extends Tables, O>(query: SelectQueryBuilder<DB, 'messages', O>) {
  return query
    .where(sql<boolean>`messages.status IN ('sent', 'failed')`)
    .orderBy('messages.updatedAt', 'desc')
    .limit(1);
}

/** Sender rules (issue 3): who may send from which addresses, and whether a profile is failing. */
export function senderRulesRepository(storeDb: StoreDb) {
  const { db } = storeDb;
  const lastFinishedDelivery = compiledOnce(storeDb, (profileId) =>
    newestFinished(db.selectFrom('messages').select(['status', 'problemCode', 'updatedAt as at']).where('profileId', '=', profileId)).$narrowType<{ status: 'sent' | 'failed' }>(),
  );
  return {
    /** Addresses and @domains an admin allows a member to send from on personal profiles. */
    async getSenderAllowances(userId: string) {
      const rows = await db.selectFrom('sender_allowances').select('pattern').where('userId', '=', userId).orderBy('createdAt').orderBy('pattern').execute();
      return rows.map((r) => r.pattern);
    },
    async setSenderAllowances(userId: string, patterns: string[], now: number) {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('sender_allowances').where('userId', '=', userId).execute();
        // `now + i`: the list keeps the order the admin gave.
        for (const [i, pattern] of patterns.entries())
          await trx
            .insertInto('sender_allowances')
            .values({ userId, pattern, createdAt: now + i })
            .onConflict((oc) => oc.doNothing())
            .execute();
      });
    },
    /** The last message through a profile that reached `sent` or `failed`. */
    lastFinishedDelivery: async (profileId: string) => (await lastFinishedDelivery(profileId))[0],
  };
}
