/**
 * A route's path under a method it does not take was answered `404 not_found`, as if the path did not
 * exist: a script that sent PUT where PATCH was wanted went looking for a typo in the path. Now it is
 * `405 method_not_allowed` in the relay's error shape, with `Allow` listing the methods the path takes
 * (RFC 9110, sections 15.5.6 and 10.2.1), for every route at once (relay/http/unrouted-request.ts).
 * The routes are read from /openapi.json, the contract, not from the code that answers: every
 * documented path, under every method. HEAD still works wherever GET does, OPTIONS still answers the
 * CORS preflight, and a path no route has is still 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_CHROME_EXTENSION_ID } from '../../relay/http/extension-origins';
import { startTestRelay, type TestRelay } from '../helpers/test-relay';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

let t: TestRelay;
let token: string;
/** Every documented path (parameters filled in) with the methods the document gives it. */
let routes: { path: string; documented: string[] }[];

beforeAll(async () => {
  t = await startTestRelay();
  ({ token } = await t.addUser('anna@firma.se', 'admin'));
  const doc = (await t.request('GET', '/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
  routes = Object.entries(doc.paths).map(([template, item]) => ({
    path: template.replace(/\{\w+\}/g, 'no-such-id'),
    documented: Object.keys(item).map((method) => method.toUpperCase()),
  }));
});
afterAll(async () => {
  await t?.close();
});

/** What `Allow` must say for a path documented with `documented`. */
function expectedAllow(documented: string[]): string[] {
  return [...documented.flatMap((method) => (method === 'GET' ? ['GET', 'HEAD'] : [method])), 'OPTIONS'].sort();
}

const allowOf = (headers: Headers) =>
  (headers.get('allow') ?? '')
    .split(',')
    .map((m) => m.trim())
    .filter(Boolean)
    .sort();

describe('a route under a method it does not take', () => {
  it('reads enough routes from the contract to mean something', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.filter((r) => r.path.includes('no-such-id')).length).toBeGreaterThan(10);
  });

  it('is 405 method_not_allowed with Allow, for every documented path and every method it does not take; the methods it takes are never 405', async () => {
    let refused = 0;
    for (const { path, documented } of routes) {
      const allow = expectedAllow(documented);
      for (const method of METHODS) {
        const res = await t.request(method, path, { token });
        const what = `${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`;
        if (allow.includes(method)) {
          expect(res.status, what).not.toBe(405);
          continue;
        }
        refused++;
        expect(res.status, what).toBe(405);
        expect(allowOf(res.headers), what).toEqual(allow);
        if (method === 'HEAD') continue; // no body to read
        expect(res.headers.get('content-type'), what).toMatch(/^application\/json/);
        expect(res.body, what).toEqual({ error: { code: 'method_not_allowed', message: expect.stringContaining(method), hint: expect.any(String) } });
      }
    }
    // Most of the routes × methods table is refused: 6 methods, one to three taken per path.
    expect(refused).toBeGreaterThan(routes.length * 3);
  });

  it('keeps HEAD wherever GET works (without a body) and refuses it where there is no GET', async () => {
    const health = await t.request('HEAD', '/healthz');
    expect(health.status).toBe(200);
    expect(health.body).toBeUndefined();
    const pair = await t.request('HEAD', '/v1/pair');
    expect(pair.status).toBe(405);
    expect(allowOf(pair.headers)).toEqual(['OPTIONS', 'POST']);
  });

  it('keeps OPTIONS: the preflight of the extension is answered as before, on every path', async () => {
    const origin = `chrome-extension://${DEV_CHROME_EXTENSION_ID}`;
    for (const { path } of routes) {
      const res = await t.request('OPTIONS', path, { headers: { Origin: origin, 'Access-Control-Request-Method': 'PATCH' } });
      expect(res.status, path).toBe(204);
      expect(res.headers.get('access-control-allow-origin'), path).toBe(origin);
      expect(res.headers.get('access-control-allow-methods'), path).toMatch(/PATCH/);
    }
  });

  it('still answers 404 not_found for a path no route has, under any method', async () => {
    for (const method of METHODS) {
      const res = await t.request(method, '/v1/profiles/no-such-id/nothing-here', { token });
      expect(res.status, method).toBe(404);
      expect(res.headers.get('allow'), method).toBeNull();
      if (method !== 'HEAD') expect(res.body.error.code).toBe('not_found');
    }
  });

  it('asks for a token first under /v1: a wrong method without one is 401, like every other request there', async () => {
    const res = await t.request('PUT', '/v1/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
  });

  it('is 405 over a real connection for a method no route has at all (PROPFIND), with Allow', async () => {
    const url = await t.relay.listen();
    const res = await fetch(`${url}/v1/profiles`, { method: 'PROPFIND', headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(405);
    expect(allowOf(res.headers)).toEqual(['GET', 'HEAD', 'OPTIONS', 'POST']);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('method_not_allowed');
  });
});
