import { readRow, writeRow } from '../schema/json-columns';
import type { Tables } from '../schema/tables';
import type { CustomerRow } from '../types';
import { changedOne, isUniqueViolation, readFirst, type StoreDb } from './store-db';

/** The company's customer directory (issue 16 item 4): who a customer's invoices go to. */
export function customersRepository({ db }: StoreDb) {
  const customers = () => db.selectFrom('customers').selectAll();
  const read = (row: Tables['customers']) => readRow<CustomerRow>('customers', row);
  return {
    /** Entries whose number key or name key is one of these, newest first. */
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
    getCustomer: (id: string) => readFirst(customers().where('id', '=', id), read),
    /** False when its number key is taken already (another instance was faster). */
    insertCustomer: (row: CustomerRow) =>
      changedOne(
        db
          .insertInto('customers')
          .values(writeRow('customers', row))
          .onConflict((oc) => oc.doNothing()),
      ),
    /** False when it is gone, or its new number key is another entry's (the caller answers 409). */
    async updateCustomer({ id, createdAt: _kept, ...row }: CustomerRow) {
      return changedOne(db.updateTable('customers').set(writeRow('customers', row)).where('id', '=', id)).catch((error: unknown) => {
        if (isUniqueViolation(error)) return false;
        throw error;
      });
    },
    deleteCustomer: (id: string) => changedOne(db.deleteFrom('customers').where('id', '=', id)),
  };
}
