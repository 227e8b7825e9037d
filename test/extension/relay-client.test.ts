// @vitest-environment node
/**
 * The extension's relay client (extension/background/relay-client.ts) against a real relay over HTTP
 * and a real SMTP server: calls by route name reach the route the contract names, with its path
 * parameters encoded, its query, its idempotency header and its body, and bring back the answer or the
 * relay's error. The types: a wrong body, a missing path parameter or a wrong use of an answer does
 * not compile (`npm run typecheck` checks the `@ts-expect-error` lines below).
 */
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { hashSecretToken, newPairingCode } from '../../relay/auth/tokens';
import type { RelayContract } from '../../shared/api/relay-contract';
import type { RouteResult } from '../../shared/api/route-contract';
import type { zCustomerView, zProfileView } from '../../shared/api-schemas';
import { fillPath, relay, RelayError, uncheckedBody, withQuery, type RelayClient } from '../../extension/background/relay-client';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import { startTestRelay, type TestRelay } from '../helpers/test-relay';
import { mailboxProfile, MAILBOX_PASSWORD } from '../helpers/sender-rules';

let smtp: TestSmtpServer;
let t: TestRelay;
let relayUrl: string;
let admin: RelayClient;
let adminUserId: string;

beforeAll(async () => {
  smtp = await startSmtpServer({ users: { 'faktura@firma.se': MAILBOX_PASSWORD } });
  t = await startTestRelay();
  relayUrl = await t.relay.listen();
  const added = await t.addUser('admin@firma.se', 'admin');
  adminUserId = added.user.id;
  admin = relay({ relayUrl, token: added.token });
});

afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

async function relayError(promise: Promise<unknown>): Promise<RelayError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RelayError);
  return error as RelayError;
}

describe('the relay client, against a real relay', () => {
  it('pairs without a token and then calls as the paired user', async () => {
    const code = newPairingCode();
    await t.relay.store.createPairingCode({ hash: hashSecretToken(code), userId: adminUserId, expiresAt: Date.now() + 600_000 });
    const paired = await relay({ relayUrl }).call('pair', { body: { code, device: 'relay-client test' } });
    expect(paired.user).toMatchObject({ id: adminUserId, email: 'admin@firma.se', role: 'admin' });
    const me = await relay({ relayUrl, token: paired.token }).call('me');
    expect(me).toMatchObject({ id: adminUserId, role: 'admin' });
    const devices = await relay({ relayUrl, token: paired.token }).call('myDevices');
    expect(devices.devices.find((d) => d.current)?.name).toBe('relay-client test');
  });

  it('adds, reads, changes and deletes a profile by its id in the path', async () => {
    const created = await admin.call('addProfile', { body: uncheckedBody(mailboxProfile(smtp.port, 'faktura@firma.se', { name: 'Faktura' })) });
    expect(created).toMatchObject({ name: 'Faktura', fromAddress: 'faktura@firma.se', auth: { type: 'password', hasPassword: true } });
    expect(await admin.call('getProfile', { params: { id: created.id } })).toMatchObject({ id: created.id, name: 'Faktura' });
    const changed = await admin.call('changeProfile', { params: { id: created.id }, body: { name: 'Fakturor' } });
    expect(changed.name).toBe('Fakturor');
    expect((await admin.call('listProfiles')).profiles.map((p) => p.id)).toContain(created.id);
    expect(await admin.call('deleteProfile', { params: { id: created.id } })).toBeUndefined();
    const gone = await relayError(admin.call('getProfile', { params: { id: created.id } }));
    expect(gone.error.code).toBe('not_found');
  });

  it('sends with the idempotency header: the same key twice is one message, found by its document in the history', async () => {
    const profile = await admin.call('addProfile', { body: uncheckedBody(mailboxProfile(smtp.port, 'faktura@firma.se', { name: 'Sending', isDefault: true })) });
    const body = { profileId: profile.id, to: ['kund@exempel.se'], subject: 'Faktura 1001', context: { documentRef: 'relay-client-1001' } };
    const first = await admin.call('send', { headers: { 'idempotency-key': 'relay-client-1001' }, body });
    const again = await admin.call('send', { headers: { 'idempotency-key': 'relay-client-1001' }, body });
    expect(again.id).toBe(first.id);
    const history = await admin.call('listMessages', { query: { documentRef: 'relay-client-1001', limit: 5 } });
    expect(history.messages.map((m) => m.id)).toEqual([first.id]);
    expect((await admin.call('getMessage', { params: { id: first.id } })).subject).toBe('Faktura 1001');
    await smtp.waitForMessages(1);
  });

  it('puts a template by kind and language in the path and scope in the query, and resets it', async () => {
    const put = await admin.call('putTemplate', {
      params: { kind: 'invoice', language: 'sv' },
      query: { scope: 'personal' },
      body: { subject: 'Faktura {number}', message: 'Hej!' },
    });
    expect(put).toMatchObject({ kind: 'invoice', language: 'sv', source: 'personal', subject: 'Faktura {number}' });
    const reset = await admin.call('resetTemplate', { params: { kind: 'invoice', language: 'sv' }, query: { scope: 'personal' } });
    expect(reset.source).not.toBe('personal');
  });

  it('remembers a customer (201, then 200) and finds it by the query', async () => {
    const created = await admin.call('rememberCustomer', { body: { number: '10042', name: 'Kund AB', recipients: ['ekonomi@kund.se'] } });
    const updated = await admin.call('rememberCustomer', { body: { number: '10042', recipients: ['ap@kund.se'] } });
    expect(updated.id).toBe(created.id);
    const found = await admin.call('findCustomers', { query: { number: '10 042' } });
    expect(found.customers).toEqual([expect.objectContaining({ id: created.id, name: 'Kund AB', recipients: ['ap@kund.se'] })]);
  });

  it("turns the relay's error into a RelayError with its code, in the language asked for", async () => {
    const refused = await relayError(admin.call('createAppPassword', { body: { name: ' ' } }));
    expect(refused.error.code).toBe('validation_failed');
    const member = relay({ relayUrl, token: (await t.addUser('anna@firma.se')).token });
    expect((await relayError(member.call('listUsers'))).error.code).toBe('forbidden');
    expect((await relayError(relay({ relayUrl, token: 'not-a-token' }).call('me'))).error.code).toBe('unauthorized');
  });

  it('answers relay_unreachable when nothing listens', async () => {
    const closed = await startTestRelay();
    const url = await closed.relay.listen();
    await closed.close();
    const error = await relayError(relay({ relayUrl: url, token: 'x' }).call('me'));
    expect(error.error).toMatchObject({ code: 'relay_unreachable', message: `The Ownpost relay at ${url} does not answer.` });
  });
});

describe('paths and queries', () => {
  it('fills the path template with encoded values and refuses a missing one', () => {
    expect(fillPath('/v1/profiles/{id}/test', { id: 'a b/../c?d' })).toBe('/v1/profiles/a%20b%2F..%2Fc%3Fd/test');
    expect(fillPath('/v1/oauth/sign-ins/{signInId}/complete', { signInId: 'x' })).toBe('/v1/oauth/sign-ins/x/complete');
    expect(() => fillPath('/v1/profiles/{id}', {})).toThrow(/"id" is missing/);
    expect(() => fillPath('/v1/profiles/{id}', { id: '' })).toThrow(/"id" is missing/);
  });

  it('leaves empty values out of the query', () => {
    expect(
      withQuery('/v1/messages', [
        ['documentRef', 'F 1&2'],
        ['limit', 20],
        ['lang', undefined],
        ['x', ''],
      ]),
    ).toBe('/v1/messages?documentRef=F+1%262&limit=20');
    expect(withQuery('/v1/me', [['lang', undefined]])).toBe('/v1/me');
  });
});

describe('the types come from the contract', () => {
  it('types each answer with the schema of its route', () => {
    expectTypeOf<RouteResult<RelayContract['getProfile']>>().toEqualTypeOf<z.output<typeof zProfileView>>();
    expectTypeOf<RouteResult<RelayContract['rememberCustomer']>>().toEqualTypeOf<z.output<typeof zCustomerView>>();
    expectTypeOf<RouteResult<RelayContract['deleteProfile']>>().toEqualTypeOf<undefined>();
    expectTypeOf<RouteResult<RelayContract['listProfiles']>>().toEqualTypeOf<{ profiles: z.output<typeof zProfileView>[] }>();
  });

  it('does not compile a wrong call or a wrong use of an answer', () => {
    // Never run: only compiled. Each `@ts-expect-error` fails `npm run typecheck` if its line compiles.
    async function wrong(client: RelayClient) {
      // @ts-expect-error a profile patch has no `colour`
      await client.call('changeProfile', { params: { id: 'p' }, body: { name: 'x', colour: 'red' } });
      // @ts-expect-error the name of an app password is a string
      await client.call('createAppPassword', { body: { name: 42 } });
      // @ts-expect-error a route with a body needs it
      await client.call('createAppPassword', {});
      // @ts-expect-error the path needs its id
      await client.call('getProfile');
      // @ts-expect-error `poem` is not a document kind
      await client.call('putTemplate', { params: { kind: 'poem', language: 'sv' }, body: { subject: 's', message: 'm' } });
      // @ts-expect-error GET /v1/me takes no body
      await client.call('me', { body: {} });
      // @ts-expect-error nor one the relay would check
      await client.call('me', { body: uncheckedBody({}) });
      // @ts-expect-error the idempotency header is the send's, not the profile list's
      await client.call('listProfiles', { headers: { 'idempotency-key': 'k' } });
      // @ts-expect-error there is no such route
      await client.call('deleteEverything');

      const me = await client.call('me');
      // @ts-expect-error the current user has no token
      void me.token;
      // @ts-expect-error a role is admin or member
      if (me.role === 'owner') return;
      const list = await client.call('listMessages');
      // @ts-expect-error the history is `{ messages }`, not an array
      void list.map((m: unknown) => m);
      const deleted = await client.call('deleteProfile', { params: { id: 'p' } });
      // @ts-expect-error a 204 has no answer to read
      void deleted.id;
    }
    expect(typeof wrong).toBe('function');
  });
});
