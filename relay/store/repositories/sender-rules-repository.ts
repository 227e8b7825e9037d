import type { Store } from '../types';
import type { StoreDb } from './store-db';

export type SenderRulesRepository = Pick<Store, 'getSenderAllowances' | 'setSenderAllowances' | 'lastFinishedDelivery'>;

/** Sender rules (issue 3): who may send from which addresses, and whether a profile is failing. */
export function senderRulesRepository({ db }: StoreDb): SenderRulesRepository {
  return {
    async getSenderAllowances(userId) {
      const rows = await db.selectFrom('sender_allowances').select('pattern').where('user_id', '=', userId).orderBy('created_at').orderBy('pattern').execute();
      return rows.map((r) => r.pattern);
    },

    async setSenderAllowances(userId, patterns, now) {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('sender_allowances').where('user_id', '=', userId).execute();
        // `now + i`: the list keeps the order the admin gave.
        for (const [i, pattern] of patterns.entries()) {
          await trx
            .insertInto('sender_allowances')
            .values({ user_id: userId, pattern, created_at: now + i })
            .onConflict((oc) => oc.doNothing())
            .execute();
        }
      });
    },

    async lastFinishedDelivery(profileId) {
      return db
        .selectFrom('messages')
        .select(['status', 'problem_code as problemCode', 'updated_at as at'])
        .where('profile_id', '=', profileId)
        .where('status', 'in', ['sent', 'failed'])
        .orderBy('updated_at', 'desc')
        .limit(1)
        .$narrowType<{ status: 'sent' | 'failed' }>()
        .executeTakeFirst();
    },
  };
}
