import type { CustomerRow, Store } from '../types';
import { changedRows, isUniqueViolation, type StoreDb } from './store-db';

export type CustomersRepository = Pick<Store, 'findCustomers' | 'getCustomer' | 'insertCustomer' | 'updateCustomer' | 'deleteCustomer'>;

const CUSTOMER_COLUMNS = [
  'id',
  'name',
  'name_key as nameKey',
  'number',
  'number_key as numberKey',
  'recipients',
  'updated_by as updatedBy',
  'created_at as createdAt',
  'updated_at as updatedAt',
] as const;

function toColumns(row: CustomerRow) {
  return {
    name: row.name,
    name_key: row.nameKey,
    number: row.number,
    number_key: row.numberKey,
    recipients: row.recipients,
    updated_by: row.updatedBy,
    updated_at: row.updatedAt,
  };
}

/** The company's customer directory (issue 16 item 4). */
export function customersRepository({ db }: StoreDb): CustomersRepository {
  return {
    async findCustomers(keys, limit) {
      const { numberKey, nameKey } = keys;
      if (numberKey === undefined && nameKey === undefined) return [];
      return db
        .selectFrom('customers')
        .select(CUSTOMER_COLUMNS)
        .where((eb) =>
          eb.or([
            ...(numberKey !== undefined ? [eb('number_key', '=', numberKey)] : []),
            ...(nameKey !== undefined ? [eb('name_key', '=', nameKey)] : []),
          ]),
        )
        .orderBy('updated_at', 'desc')
        .orderBy('id')
        .limit(limit)
        .execute();
    },

    async getCustomer(id) {
      return db.selectFrom('customers').select(CUSTOMER_COLUMNS).where('id', '=', id).executeTakeFirst();
    },

    async insertCustomer(row) {
      // Another instance took the number key first: nothing is written, and the caller hears so.
      const result = await db
        .insertInto('customers')
        .values({ id: row.id, created_at: row.createdAt, ...toColumns(row) })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      return changedRows(result) === 1;
    },

    async updateCustomer(row) {
      try {
        return changedRows(await db.updateTable('customers').set(toColumns(row)).where('id', '=', row.id).executeTakeFirst()) === 1;
      } catch (error) {
        // The new customer number is another entry's: the caller answers 409.
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },

    async deleteCustomer(id) {
      return changedRows(await db.deleteFrom('customers').where('id', '=', id).executeTakeFirst()) === 1;
    },
  };
}
