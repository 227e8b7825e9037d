/**
 * A handler answers through `answer()` (relay/api/serve.ts), typed from its route's contract: a body
 * of another shape, a status the contract does not name, or a response made some other way does not
 * compile (each `@ts-expect-error` below fails `npm run typecheck` if the line it marks compiles). At
 * run time, `answer()` answers what `c.json()` and `c.body()` did: the status, the JSON or text body,
 * the headers.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { operation } from '../../relay/api/operation';
import { serve } from '../../relay/api/serve';
import { RELAY_CONTRACT } from '../../shared/api/relay-contract';

const liveness = operation(RELAY_CONTRACT.liveness, { tag: 'relay', summary: 'Up', answers: { 200: 'Up' }, errors: [] });
const metrics = operation(RELAY_CONTRACT.metrics, { tag: 'relay', summary: 'Metrics', answers: { 200: 'Metrics' }, errors: [] });
const removeUser = operation(RELAY_CONTRACT.removeUser, { tag: 'users', summary: 'Remove', answers: { 204: 'Removed' }, errors: [] });
const remember = operation(RELAY_CONTRACT.rememberCustomer, { tag: 'customers', summary: 'Remember', answers: { 200: 'Updated', 201: 'Created' }, errors: [] });
const getMessage = operation(RELAY_CONTRACT.getMessage, { tag: 'messages', summary: 'One', answers: { 200: 'It' }, errors: [] });

const customer = { id: 'c1', name: 'Kund AB', number: null, recipients: ['a@kund.se'], updatedBy: null, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' };

/** Handlers that answer what their contract does not say. Declared, never served: they must not compile. */
export function wrongAnswers(app: OpenAPIHono) {
  // @ts-expect-error a field the strict Health schema does not have
  serve(app, liveness, (_c, answer) => answer(200, { status: 'ok', version: '1', uptime: 3 }));
  // @ts-expect-error a value the schema does not take
  serve(app, liveness, (_c, answer) => answer(200, { status: 'fine', version: '1' }));
  // @ts-expect-error a field missing
  serve(app, liveness, (_c, answer) => answer(200, { status: 'ok' }));
  // @ts-expect-error a success status the contract does not name
  serve(app, liveness, (_c, answer) => answer(201, { status: 'ok', version: '1' }));
  // @ts-expect-error a response made without answer()
  serve(app, liveness, (c) => c.json({ status: 'ok', version: '1' }));
  // @ts-expect-error a body on a route that answers 204
  serve(app, removeUser, (_c, answer) => answer(204, {}));
  // @ts-expect-error the body of another route
  serve(app, remember, (_c, answer) => answer(201, { status: 'ok', version: '1' }));
  // @ts-expect-error an error status with a body that is not the error body
  serve(app, liveness, (_c, answer) => answer(503, { status: 'ok', version: '1' }));
  // @ts-expect-error a message view whose documented field has the wrong type (the schema allows more fields, not other types)
  serve(app, getMessage, async (_c, answer) => answer(200, { ...(await someMessage()), attemptCount: 'two' }));
}

async function someMessage() {
  return {
    id: 'm1',
    sendId: 's1',
    status: 'sent' as const,
    profileId: 'p1',
    messageId: '<m1@x>',
    to: ['a@kund.se'],
    subject: 'Faktura',
    attempts: [],
    attemptCount: 1,
    sizeBytes: 100,
    createdAt: '2025-01-01T00:00:00.000Z',
  };
}

describe('answer()', () => {
  const app = new OpenAPIHono();
  serve(app, liveness, (c, answer) =>
    c.req.query('down') ? answer(503, { error: { code: 'store_unavailable', message: 'No database.' } }, { 'Retry-After': '5' }) : answer(200, { status: 'ok', version: '1.2.3' }),
  );
  serve(app, metrics, (_c, answer) => answer(200, 'ownpost_up 1\n', { 'Content-Type': 'text/plain; version=0.0.4' }));
  serve(app, removeUser, (_c, answer) => answer(204));
  serve(app, remember, (c, answer) => (c.req.query('new') ? answer(201, customer) : answer(200, customer)));
  serve(app, getMessage, async (_c, answer) => answer(200, await someMessage()));

  it('answers JSON with the status the handler names', async () => {
    const ok = await app.request('/healthz');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await ok.json()).toEqual({ status: 'ok', version: '1.2.3' });
    const created = await app.request('/v1/customers?new=1', { method: 'PUT' });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual(customer);
    expect((await app.request('/v1/customers', { method: 'PUT' })).status).toBe(200);
    expect(await (await app.request('/v1/messages/m1')).json()).toMatchObject({ id: 'm1', attemptCount: 1 });
  });

  it('answers an error body with its status and headers', async () => {
    const down = await app.request('/healthz?down=1');
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('5');
    expect(await down.json()).toEqual({ error: { code: 'store_unavailable', message: 'No database.' } });
  });

  it('answers 204 without a body, and text as text', async () => {
    const removed = await app.request('/v1/users/u1', { method: 'DELETE' });
    expect(removed.status).toBe(204);
    expect(await removed.text()).toBe('');
    const text = await app.request('/metrics');
    expect(text.status).toBe(200);
    expect(text.headers.get('content-type')).toBe('text/plain; version=0.0.4');
    expect(await text.text()).toBe('ownpost_up 1\n');
  });
});
