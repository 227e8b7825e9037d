import { readRow, writeRow } from '../schema/json-columns';
import type { Tables } from '../schema/tables';
import type { CustomerRow } from '../types';
import { changedRows, isUniqueViolation, type StoreDb } from './store-db';

/** The company's customer directory (issue 16 item 4): who a customer's invoices go to, shared by the company. */
export function customersRepository({ db }: StoreDb) {
  const customers = () => db.selectFrom('customers').selectAll();
  const read = (row: Tables['customers']) => readRow<CustomerRow>('customers', row);
  return {
    /** Entries whose number key or name key is one of these (either may be absent), newest first, at most `limit`. */
    async findCustomers({ numberKey, nameKey }: { numberKey?: string; nameKey?: string }, limit: number): Promise<CustomerRow[]> {
      if (numberKey === undefined && nameKey === undefined) return [];
      return customers()
        .where((eb) => eb.or([...(numberKey !== undefined ? [eb('numberKey', '=', numberKey)] : []), ...(nameKey !== undefined ? [eb('nameKey', '=', nameKey)] : [])]))
        .orderBy('updatedAt', 'desc')
        .orderBy('id')
        .limit(limit)
        .execute()
        .then((rows) => rows.map(read));
    },

    async getCustomer(id: string): Promise<CustomerRow | undefined> {
      const row = await customers().where('id', '=', id).executeTakeFirst();
      return row && read(row);
    },

    /** Inserts a new entry; false when its number key is taken already (another instance was faster). */
    insertCustomer: async (row: CustomerRow) =>
      changedRows(
        await db
          .insertInto('customers')
          .values(writeRow('customers', row))
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst(),
      ) === 1,

    /** Replaces an entry's fields; false when it is gone, or its new number key belongs to another entry. */
    async updateCustomer({ id, createdAt: _kept, ...row }: CustomerRow) {
      try {
        return changedRows(await db.updateTable('customers').set(writeRow('customers', row)).where('id', '=', id).executeTakeFirst()) === 1;
      } catch (error) {
        // The new customer number is another entry's: the caller answers 409.
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },

    deleteCustomer: async (id: string) => changedRows(await db.deleteFrom('customers').where('id', '=', id).executeTakeFirst()) === 1,
  };
}
