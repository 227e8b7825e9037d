import { OpenAPIHono } from '@hono/zod-openapi';
import { operation } from '../api/operation';
import { RELAY_CONTRACT } from '../../shared/api/relay-contract';
import { serve } from '../api/serve';
import { randomUUID } from 'node:crypto';
import { formatMailbox } from '../../shared/address';
import { zCustomerInput, zCustomerQuery, type CustomerView } from '../../shared/api-schemas';
import { ApiError } from '../http/api-error';
import type { AuthEnv } from '../http/authenticate';
import { readJsonBody } from '../http/read-body';
import type { CustomerRow, Store, UserRow } from '../store/types';

/** A lookup answers a handful: the panel suggests the best one and lists the others. */
const MAX_MATCHES = 20;

/**
 * The same customer number as a page shows it in different places: `10 042`, `10042`, `#10042`,
 * `KD-10042` and `kd10042` are one number.
 */
export function customerNumberKey(number: string): string {
  return number
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u00a0\u202f#./\-_]+/g, '');
}

/** Names as pages show them: case, spacing and a trailing comma ("Hello Jensen ApS,") do not matter. */
export function customerNameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/["'“”„«»]/g, '')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .replace(/[\s,.;:]+$/, '')
    .trim();
}

function toCustomerView(row: CustomerRow, updatedBy: string | null): CustomerView {
  return {
    id: row.id,
    name: row.name,
    number: row.number,
    recipients: row.recipients,
    updatedBy,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

type ValidCustomer = ReturnType<typeof zCustomerInput.parse>;

function rowFields(value: ValidCustomer) {
  return {
    name: value.name ?? null,
    nameKey: value.name ? customerNameKey(value.name) : null,
    number: value.number ?? null,
    numberKey: value.number ? customerNumberKey(value.number) : null,
    recipients: value.recipients.map(formatMailbox),
  };
}

const numberTaken = () =>
  new ApiError('conflict', 'Another customer in the directory has this customer number.', {
    hint: 'Correct or delete that entry first (GET /v1/customers?number=…).',
  });

const findCustomers = operation(RELAY_CONTRACT.findCustomers, {
  tag: 'customers',
  summary: "Find a customer's recipients by customer number or name",
  description: 'Entries with the number first; a namesake with another customer number is left out. Give `number` or `name`.',
  answers: { 200: 'Matching entries' },
  errors: ['validation_failed'],
});

const rememberCustomer = operation(RELAY_CONTRACT.rememberCustomer, {
  tag: 'customers',
  summary: "Remember who a customer's documents go to (after a send)",
  description: 'Updates the entry with this number (else the one with this name) or creates one (201).',
  answers: { 200: 'The entry, updated', 201: 'The entry, new' },
  errors: ['conflict'],
});

const correctCustomer = operation(RELAY_CONTRACT.correctCustomer, {
  tag: 'customers',
  summary: 'Correct an entry',
  answers: { 200: 'The corrected entry' },
  errors: ['not_found', 'conflict'],
});

const forgetCustomer = operation(RELAY_CONTRACT.forgetCustomer, {
  tag: 'customers',
  summary: 'Forget an entry',
  answers: { 204: 'Deleted' },
  errors: ['not_found'],
});

/**
 * The company's customer directory (issue 16 item 4): the recipient of a customer's documents,
 * remembered when a member sends to them and suggested to every member on the customer's next
 * document. Any member may read, remember, correct and delete entries: they are the people who
 * know the customer's address; every change records who made it.
 */
export function customerRoutes({ store }: { store: Store }) {
  async function view(row: CustomerRow): Promise<CustomerView> {
    const user: UserRow | undefined = row.updatedBy ? await store.getUserById(row.updatedBy) : undefined;
    return toCustomerView(row, user?.email ?? null);
  }

  /**
   * The entry a send to this customer updates: the one with its number; else one known by name only
   * (the number is then learned); without a number, the name's entry when there is just one.
   */
  async function existingEntry(value: ValidCustomer): Promise<CustomerRow | undefined> {
    const numberKey = value.number ? customerNumberKey(value.number) : undefined;
    const nameKey = value.name ? customerNameKey(value.name) : undefined;
    const rows = await store.findCustomers({ numberKey, nameKey }, MAX_MATCHES);
    if (numberKey) return rows.find((r) => r.numberKey === numberKey) ?? rows.find((r) => r.numberKey === null && r.nameKey === nameKey);
    const byName = rows.filter((r) => r.nameKey === nameKey);
    return byName.find((r) => r.numberKey === null) ?? (byName.length === 1 ? byName[0] : undefined);
  }

  const app = new OpenAPIHono<AuthEnv>();
  serve(app, findCustomers, async (c, answer) => {
    const parsed = zCustomerQuery.safeParse({ name: c.req.query('name') || undefined, number: c.req.query('number') || undefined });
    if (!parsed.success) {
      throw new ApiError('validation_failed', `query: ${parsed.error.issues[0]?.message ?? 'not valid'}`, {
        hint: 'Ask by the name or the customer number the document shows, e.g. /v1/customers?number=10042',
        details: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      });
    }
    const numberKey = parsed.data.number ? customerNumberKey(parsed.data.number) : undefined;
    const nameKey = parsed.data.name ? customerNameKey(parsed.data.name) : undefined;
    const rows = (await store.findCustomers({ numberKey, nameKey }, MAX_MATCHES))
      // A namesake with another customer number is another customer.
      .filter((r) => !numberKey || r.numberKey === null || r.numberKey === numberKey)
      // The number identifies a customer better than the name: those matches first.
      .sort((a, b) => Number(b.numberKey !== null && b.numberKey === numberKey) - Number(a.numberKey !== null && a.numberKey === numberKey));
    return answer(200, { customers: await Promise.all(rows.map(view)) });
  });
  serve(app, rememberCustomer, async (c, answer) => {
    const { value } = await readJsonBody(c, zCustomerInput);
    const user = c.get('user');
    const now = Date.now();
    const existing = await existingEntry(value);
    if (existing) {
      const fields = rowFields(value);
      // A send that shows only the name keeps the number the directory knew.
      const row: CustomerRow = {
        ...existing,
        ...fields,
        name: fields.name ?? existing.name,
        nameKey: fields.nameKey ?? existing.nameKey,
        number: fields.number ?? existing.number,
        numberKey: fields.numberKey ?? existing.numberKey,
        updatedBy: user.id,
        updatedAt: now,
      };
      if (!(await store.updateCustomer(row))) throw numberTaken();
      return answer(200, await view(row));
    }
    const row: CustomerRow = { id: randomUUID(), ...rowFields(value), updatedBy: user.id, createdAt: now, updatedAt: now };
    if (!(await store.insertCustomer(row))) throw numberTaken();
    return answer(201, await view(row));
  });
  serve(app, correctCustomer, async (c, answer) => {
    const existing = await store.getCustomer(c.req.param('id'));
    if (!existing) throw new ApiError('not_found', 'There is no customer with this id in the directory.');
    const { value } = await readJsonBody(c, zCustomerInput);
    const row: CustomerRow = { ...existing, ...rowFields(value), updatedBy: c.get('user').id, updatedAt: Date.now() };
    if (!(await store.updateCustomer(row))) throw numberTaken();
    return answer(200, await view(row));
  });
  serve(app, forgetCustomer, async (c, answer) => {
    if (!(await store.deleteCustomer(c.req.param('id')))) throw new ApiError('not_found', 'There is no customer with this id in the directory.');
    return answer(204);
  });
  return app;
}
