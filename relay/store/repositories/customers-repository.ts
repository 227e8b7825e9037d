import { readRow, writeRow } from '../schema/json-columns';
import type { Tables } from '../schema/tables';
import type { CustomerRow, Store } from '../types';
import { changedRows, isUniqueViolation, type StoreDb } from './store-db';

export type CustomersRepository = Pick<Store, 'findCustomers' | 'getCustomer' | 'insertCustomer' | 'updateCustomer' | 'deleteCustomer'>;

/** The company's customer directory (issue 16 item 4). */
export function customersRepository({ db }: StoreDb): CustomersRepository {
  const customers = () => db.selectFrom('customers').selectAll();
  const read = (row: Tables['customers']) => readRow<CustomerRow>('customers', row);
  return {
    async findCustomers({ numberKey, nameKey }, limit) {
      if (numberKey === undefined && nameKey === undefined) return [];
      return customers()
        .where((eb) => eb.or([...(numberKey !== undefined ? [eb('numberKey', '=', numberKey)] : []), ...(nameKey !== undefined ? [eb('nameKey', '=', nameKey)] : [])]))
        .orderBy('updatedAt', 'desc')
        .orderBy('id')
        .limit(limit)
        .execute()
        .then((rows) => rows.map(read));
    },

    async getCustomer(id) {
      const row = await customers().where('id', '=', id).executeTakeFirst();
      return row && read(row);
    },

    // Another instance took the number key first: nothing is written, and the caller hears so.
    insertCustomer: async (row) =>
      changedRows(
        await db
          .insertInto('customers')
          .values(writeRow('customers', row))
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst(),
      ) === 1,

    async updateCustomer({ id, createdAt: _kept, ...row }) {
      try {
        return changedRows(await db.updateTable('customers').set(writeRow('customers', row)).where('id', '=', id).executeTakeFirst()) === 1;
      } catch (error) {
        // The new customer number is another entry's: the caller answers 409.
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },

    deleteCustomer: async (id) => changedRows(await db.deleteFrom('customers').where('id', '=', id).executeTakeFirst()) === 1,
  };
}
