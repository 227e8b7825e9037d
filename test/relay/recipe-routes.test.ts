import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SELECTOR_LENGTH, RECIPE_FORMAT_VERSION } from '../../shared/recipe-schemas';
import { startTestRelay, type TestRelay } from '../helpers/test-relay';

let relay: TestRelay;
let admin: { token: string };
let member: { token: string };

const RECIPE = {
  name: 'Fakturera (lista)',
  urlPattern: 'https://app.fakturera.example/invoices/*',
  fields: { number: 'h1 .number', recipient: '#customer-email', pdf: 'a.download' },
};

beforeAll(async () => {
  relay = await startTestRelay();
  admin = await relay.addUser('admin@firma.se', 'admin');
  member = await relay.addUser('bo@firma.se', 'member');
});

afterAll(async () => {
  await relay?.close();
});

describe('company recipes', () => {
  it('lets an admin publish a recipe that every member then downloads, and delete it again', async () => {
    const published = await relay.request('POST', '/v1/recipes', { token: admin.token, body: RECIPE });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ ...RECIPE, scope: 'company', formatVersion: RECIPE_FORMAT_VERSION, publishedBy: 'admin@firma.se' });

    const listed = await relay.request('GET', '/v1/recipes', { token: member.token });
    expect(listed.status).toBe(200);
    expect(listed.body.recipes).toEqual([published.body]);

    expect((await relay.request('DELETE', `/v1/recipes/${published.body.id}`, { token: admin.token })).status).toBe(204);
    expect((await relay.request('GET', '/v1/recipes', { token: member.token })).body.recipes).toEqual([]);
    const again = await relay.request('DELETE', `/v1/recipes/${published.body.id}`, { token: admin.token });
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('not_found');
  });

  it('refuses publishing and deleting by a member with 403 forbidden, and keeps nothing', async () => {
    const refused = await relay.request('POST', '/v1/recipes', { token: member.token, body: RECIPE });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    expect((await relay.request('GET', '/v1/recipes', { token: admin.token })).body.recipes).toEqual([]);

    const kept = await relay.request('POST', '/v1/recipes', { token: admin.token, body: RECIPE });
    const notDeleted = await relay.request('DELETE', `/v1/recipes/${kept.body.id}`, { token: member.token });
    expect(notDeleted.status).toBe(403);
    expect((await relay.request('GET', '/v1/recipes', { token: member.token })).body.recipes).toHaveLength(1);
    await relay.request('DELETE', `/v1/recipes/${kept.body.id}`, { token: admin.token });
  });

  it('needs a token to read recipes', async () => {
    const response = await relay.request('GET', '/v1/recipes');
    expect(response.status).toBe(401);
  });

  it.each([
    ['a URL pattern that is not a web address', { ...RECIPE, urlPattern: 'javascript:alert(1)' }],
    ['a selector on several lines', { ...RECIPE, fields: { number: 'h1\n.number' } }],
    ['an overlong selector', { ...RECIPE, fields: { number: 'a'.repeat(MAX_SELECTOR_LENGTH + 1) } }],
    ['a recipe without number or PDF', { ...RECIPE, fields: { recipient: '#email' } }],
    ['an unknown field', { ...RECIPE, fields: { ...RECIPE.fields, script: 'x' } }],
    ['too many wildcards', { ...RECIPE, urlPattern: 'https://*.example/*/*/*/*/*/*/*/*/*' }],
  ])('refuses %s with 400 validation_failed', async (_name, body) => {
    const response = await relay.request('POST', '/v1/recipes', { token: admin.token, body });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation_failed');
  });
});
