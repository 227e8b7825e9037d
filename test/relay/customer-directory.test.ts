/**
 * The company's customer directory (issue 16 item 4): a member's send remembers who a customer's
 * documents go to, every member finds it again by the customer number or the name the next
 * document shows, and anyone can correct or delete an entry. On both stores.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zCustomerView } from '../../shared/api-schemas';
import { databaseUrlWithSchema, dropSchema, freshSchemaName, TEST_DATABASE_URL } from '../helpers/postgres';
import { startTestRelay, type TestRelay } from '../helpers/test-relay';

const stores: { name: string; env: () => Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }> }[] = [
  { name: 'sqlite', env: async () => ({ env: {}, cleanup: async () => {} }) },
  {
    name: 'postgres',
    env: async () => {
      const schema = freshSchemaName('ownpost_customers');
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      await client.query(`CREATE SCHEMA ${pg.escapeIdentifier(schema)}`);
      await client.end();
      return {
        env: { OWNPOST_DATABASE_URL: databaseUrlWithSchema(schema), OWNPOST_MASTER_KEY: randomBytes(32).toString('base64') },
        cleanup: () => dropSchema(schema),
      };
    },
  },
];

describe.each(stores)('customer directory on $name', ({ env }) => {
  let relay: TestRelay;
  let cleanup: () => Promise<void>;
  let anna: string;
  let bo: string;

  beforeAll(async () => {
    const database = await env();
    cleanup = database.cleanup;
    relay = await startTestRelay({}, database.env);
    anna = (await relay.addUser('anna@firma.se', 'admin')).token;
    bo = (await relay.addUser('bo@firma.se', 'member')).token;
  });
  afterAll(async () => {
    await relay?.close();
    await cleanup?.();
  });

  const find = async (query: string, token = bo) => {
    const response = await relay.request('GET', `/v1/customers?${query}`, { token });
    expect(response.status).toBe(200);
    for (const customer of response.body.customers) zCustomerView.parse(customer);
    return response.body.customers as { id: string; name: string | null; number: string | null; recipients: string[]; updatedBy: string | null }[];
  };

  it("remembers one member's send for every member, found by number however the page writes it, or by name", async () => {
    const remembered = await relay.request('PUT', '/v1/customers', {
      token: anna,
      body: { name: 'Jensen ApS', number: 'KD-10042', recipients: ['Bogholderi <bogholderi@jensen.dk>'] },
    });
    expect(remembered.status).toBe(201);
    expect(remembered.body).toMatchObject({ name: 'Jensen ApS', number: 'KD-10042', recipients: ['Bogholderi <bogholderi@jensen.dk>'], updatedBy: 'anna@firma.se' });

    for (const query of ['number=KD-10042', 'number=kd%2010042', 'number=%23KD10042', 'name=jensen%20aps', 'name=Hello%20Jensen%20ApS%2C'.replace('Hello%20', '')]) {
      const [found] = await find(query);
      expect(found?.id, query).toBe(remembered.body.id);
    }
    expect(await find('number=10043')).toEqual([]);
  });

  it('updates the same entry on the next send instead of adding another, and learns a number it did not know', async () => {
    const first = await relay.request('PUT', '/v1/customers', { token: bo, body: { name: 'Kowalski Sp. z o.o.', recipients: ['faktury@kowalski.pl'] } });
    expect(first.status).toBe(201);
    const withNumber = await relay.request('PUT', '/v1/customers', {
      token: anna,
      body: { name: 'Kowalski Sp. z o.o.', number: '7781', recipients: ['ksiegowosc@kowalski.pl'] },
    });
    expect(withNumber.status).toBe(200);
    expect(withNumber.body).toMatchObject({ id: first.body.id, number: '7781', recipients: ['ksiegowosc@kowalski.pl'], updatedBy: 'anna@firma.se' });
    // A later page that shows only the name keeps the number.
    const byName = await relay.request('PUT', '/v1/customers', { token: bo, body: { name: 'kowalski sp. z o.o.', recipients: ['ksiegowosc@kowalski.pl'] } });
    expect(byName.body).toMatchObject({ id: first.body.id, number: '7781' });
    expect(await find('name=Kowalski%20Sp.%20z%20o.o.')).toHaveLength(1);
  });

  it('does not suggest a namesake that has another customer number', async () => {
    await relay.request('PUT', '/v1/customers', { token: bo, body: { name: 'Nordic Trading', number: '500', recipients: ['ap@nordic-one.example'] } });
    const found = await find('name=Nordic%20Trading&number=501');
    expect(found).toEqual([]);
    expect((await find('name=Nordic%20Trading'))[0]?.recipients).toEqual(['ap@nordic-one.example']);
  });

  it('lets a member correct an entry and delete it', async () => {
    const created = await relay.request('PUT', '/v1/customers', { token: anna, body: { number: '900', recipients: ['old@kunde.de'] } });
    const corrected = await relay.request('PUT', `/v1/customers/${created.body.id}`, {
      token: bo,
      body: { name: 'Kunde GmbH', number: '900', recipients: ['rechnung@kunde.de', 'cfo@kunde.de'] },
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ name: 'Kunde GmbH', recipients: ['rechnung@kunde.de', 'cfo@kunde.de'], updatedBy: 'bo@firma.se' });
    expect((await find('number=900'))[0]?.recipients).toEqual(['rechnung@kunde.de', 'cfo@kunde.de']);

    expect((await relay.request('DELETE', `/v1/customers/${created.body.id}`, { token: bo })).status).toBe(204);
    expect(await find('number=900')).toEqual([]);
    const again = await relay.request('DELETE', `/v1/customers/${created.body.id}`, { token: bo });
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('not_found');
    const gone = await relay.request('PUT', `/v1/customers/${created.body.id}`, { token: bo, body: { number: '900', recipients: ['a@kunde.de'] } });
    expect(gone.body.error.code).toBe('not_found');
  });

  it("refuses a correction onto another entry's customer number with 409 conflict", async () => {
    await relay.request('PUT', '/v1/customers', { token: anna, body: { number: '1001', recipients: ['a@one.example'] } });
    const other = await relay.request('PUT', '/v1/customers', { token: anna, body: { number: '1002', recipients: ['b@two.example'] } });
    const clash = await relay.request('PUT', `/v1/customers/${other.body.id}`, { token: anna, body: { number: '10-01', recipients: ['b@two.example'] } });
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('conflict');
    expect((await find('number=1002'))[0]?.recipients).toEqual(['b@two.example']);
  });

  it.each([
    ['no name and no number', { recipients: ['a@b.example'] }],
    ['no recipient', { name: 'X', recipients: [] }],
    ['an address with a header injection (CVE-2021-23400)', { name: 'X', recipients: ['a@b.example\r\nBcc: evil@attacker.example'] }],
    ['a name on two lines', { name: 'X\nBcc: y', recipients: ['a@b.example'] }],
    ['an unknown field', { name: 'X', recipients: ['a@b.example'], note: 'y' }],
  ])('refuses %s with 400 validation_failed and stores nothing', async (_name, body) => {
    const response = await relay.request('PUT', '/v1/customers', { token: bo, body });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation_failed');
    expect(await find('name=X')).toEqual([]);
  });

  it('refuses a lookup without name or number, and answers no one without a token', async () => {
    const bare = await relay.request('GET', '/v1/customers', { token: bo });
    expect(bare.status).toBe(400);
    expect(bare.body.error.code).toBe('validation_failed');
    expect((await relay.request('GET', '/v1/customers?number=1001')).status).toBe(401);
    expect((await relay.request('PUT', '/v1/customers', { body: { number: '1', recipients: ['a@b.example'] } })).status).toBe(401);
  });
});
