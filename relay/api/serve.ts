import type { OpenAPIHono, RouteConfig } from '@hono/zod-openapi';
import type { Env, Handler } from 'hono';

/** `/v1/profiles/{id}` → `/v1/profiles/:id`, as a type, so handlers get typed path parameters. */
type HonoPath<P extends string> = P extends `${infer Start}/{${infer Name}}${infer Rest}` ? `${Start}/:${Name}${HonoPath<Rest>}` : P;

/** `/v1/profiles/{id}` → `/v1/profiles/:id`. */
export function toHonoPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

/**
 * Serves `route` with `handler` and declares it in the app's OpenAPI registry, from which
 * `/openapi.json` is generated.
 *
 * Not `app.openapi()`: that validates the declared body, query and path before the handler runs, with
 * its own JSON parsing. Here the handler keeps reading its body itself (relay/http/read-body.ts): after
 * its own checks (a 404 or 403 comes before a 400, as it always has), through the JSON nesting guard,
 * and for a send with its files kept out of the parsed text; and its error bodies stay as they are.
 */
export function serve<E extends Env, const P extends string>(app: OpenAPIHono<E>, route: RouteConfig & { path: P }, handler: Handler<E, HonoPath<P>>): void {
  app.openAPIRegistry.registerPath(route);
  app.on(route.method.toUpperCase(), toHonoPath(route.path), handler as Handler<E>);
}
