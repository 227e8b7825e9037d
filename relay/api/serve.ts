import type { OpenAPIHono, RouteConfig } from '@hono/zod-openapi';
import type { Context, Env } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { zErrorBody } from '../../shared/api-schemas';
import type { KnownFields, RouteAnswers, RouteContract } from '../../shared/api/route-contract';
import type { ERROR_STATUS } from '../../shared/errors';

/** `/v1/profiles/{id}` → `/v1/profiles/:id`, as a type, so handlers get typed path parameters. */
type HonoPath<P extends string> = P extends `${infer Start}/{${infer Name}}${infer Rest}` ? `${Start}/:${Name}${HonoPath<Rest>}` : P;

/** `/v1/profiles/{id}` → `/v1/profiles/:id`. */
export function toHonoPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

/** Only in types: the contract a route config of `operation()` (./operation.ts) was made from. */
declare const CONTRACT: unique symbol;
/** A route config with its contract kept for `serve()`: `operation()` makes them. */
export type ContractedRoute<C extends RouteContract> = RouteConfig & { path: C['path']; readonly [CONTRACT]?: C };

/** Only in types: a response made by `answer()` of the route with contract `C`. */
declare const ANSWERED: unique symbol;
export type Answered<C extends RouteContract> = Response & { readonly [ANSWERED]: C };

/** Extra headers of an answer, such as the Content-Type of a text answer. */
type AnswerHeaders = Record<string, string>;
type SuccessArgs<A> = A extends { status: infer S; schema: infer Schema extends z.ZodType }
  ? [status: S, body: KnownFields<z.input<Schema>>, headers?: AnswerHeaders]
  : A extends { status: infer S }
    ? [status: S]
    : never;
/** An error answered by the handler itself rather than thrown (readiness's 503): always the error body. */
type ErrorArgs = [status: (typeof ERROR_STATUS)[keyof typeof ERROR_STATUS], body: z.input<typeof zErrorBody>, headers?: AnswerHeaders];

/**
 * How a handler answers: a status its contract names with a body its success schema takes
 * (`answer(201, view)`, `answer(204)`), or an error status with the error body. A body of another
 * shape, or a status the contract does not name, does not compile.
 */
export type Answer<C extends RouteContract> = (...args: SuccessArgs<RouteAnswers<C>> | ErrorArgs) => Answered<C>;

/** A handler of the route with contract `C`: it answers through `answer`, so it cannot return another response. */
export type RouteHandler<E extends Env, P extends string, C extends RouteContract> = (c: Context<E, HonoPath<P>>, answer: Answer<C>) => Answered<C> | Promise<Answered<C>>;

/** The content type of `route`'s answer with `status`; JSON unless the contract says otherwise. */
function contentTypeOf(route: RouteConfig, status: number): string {
  const content = (route.responses[status] as { content?: Record<string, unknown> } | undefined)?.content;
  return Object.keys(content ?? {})[0] ?? 'application/json';
}

function answerer<C extends RouteContract>(c: Context, route: RouteConfig): Answer<C> {
  return ((status: ContentfulStatusCode | 204, body?: unknown, headers?: AnswerHeaders) => {
    if (status === 204) return c.body(null, 204);
    if (contentTypeOf(route, status) === 'application/json') return c.json(body, status, headers);
    return c.body(body as string, status, headers);
  }) as unknown as Answer<C>;
}

/**
 * Serves `route` with `handler` and declares it in the app's OpenAPI registry, from which
 * `/openapi.json` is generated. The handler answers with `answer(status, body)`, typed from the
 * route's contract: the body must be what the contract's success schema for that status takes
 * (`z.input`), so a handler cannot answer a shape its contract (and `/openapi.json`) does not describe.
 *
 * Not `app.openapi()`: that validates the declared body, query and path before the handler runs, with
 * its own JSON parsing. Here the handler keeps reading its body itself (relay/http/read-body.ts): after
 * its own checks (a 404 or 403 comes before a 400, as it always has), through the JSON nesting guard,
 * and for a send with its files kept out of the parsed text; and its error bodies stay as they are.
 */
export function serve<E extends Env, const P extends string, C extends RouteContract>(app: OpenAPIHono<E>, route: ContractedRoute<C> & { path: P }, handler: RouteHandler<E, P, C>): void {
  app.openAPIRegistry.registerPath(route);
  app.on(route.method.toUpperCase(), toHonoPath(route.path), (c) => handler(c as Context<E, HonoPath<P>>, answerer<C>(c, route)));
}
