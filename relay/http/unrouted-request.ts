import type { Context } from 'hono';
import type { RouterRoute } from 'hono/types';
import { TrieRouter } from 'hono/router/trie-router';
import { errorBody } from './api-error';

/** The methods a route of the relay can have (relay/api/serve.ts mounts no others). */
const ROUTE_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/**
 * The methods `path` takes, in the order of RFC 9110's examples, or none when no route has the path.
 * HEAD comes with GET (Hono answers HEAD with the GET route, without the body); OPTIONS is answered on
 * every path (the CORS preflight, relay/http/guards.ts), so it is listed wherever a route is.
 */
export type AllowedMethods = (path: string) => string[];

/**
 * Reads the app's routes once, on the first request no route took: by then every route is mounted
 * (relay/app.ts mounts them all before it answers anything). Middleware (`ALL`) is no route.
 */
export function allowedMethodsFrom(routes: () => readonly RouterRoute[]): AllowedMethods {
  let router: TrieRouter<string> | undefined;
  const routerOf = () => {
    if (router) return router;
    router = new TrieRouter<string>();
    for (const route of routes()) if (route.method !== 'ALL') router.add(route.method, route.path, route.method);
    return router;
  };
  return function allowedMethods(path) {
    const matched = ROUTE_METHODS.filter((method) => routerOf().match(method, path)[0].length > 0);
    if (matched.length === 0) return [];
    return [...matched.flatMap((method) => (method === 'GET' ? ['GET', 'HEAD'] : [method])), 'OPTIONS'];
  };
}

/**
 * The answer to a request no route took: `405 method_not_allowed` with `Allow` when the path is a
 * route's under other methods (RFC 9110, sections 15.5.6 and 10.2.1), so a client that used the wrong
 * method learns which ones work instead of taking the path for a typo; else `404 not_found`.
 */
export function answerUnrouted(allowedMethods: AllowedMethods) {
  return function answerUnroutedRequest(c: Context) {
    const allowed = allowedMethods(c.req.path);
    if (allowed.length === 0) return c.json(errorBody('not_found', `There is nothing at ${c.req.method} ${c.req.path}.`), 404);
    c.header('Allow', allowed.join(', '));
    return c.json(
      errorBody('method_not_allowed', `${c.req.path} does not take ${c.req.method}; it takes ${allowed.join(', ')}.`, {
        hint: 'The Allow header lists the methods; GET /openapi.json describes every route.',
      }),
      405,
    );
  };
}
