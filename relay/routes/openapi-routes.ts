/**
 * `GET /openapi.json`: the API description, generated from the routes' own declarations (relay/api/):
 * every route is served with `serve()` on its declaration, which also puts it in the app's OpenAPI
 * registry, with the zod schemas of its contract (shared/api/) that describe its parameters, body and
 * answers.
 * test/relay/openapi.test.ts checks that every route the app serves is described.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Env } from 'hono';
import { operation } from '../api/operation';
import { RELAY_CONTRACT } from '../../shared/api/relay-contract';
import { serve } from '../api/serve';

/** `/v1/profiles/:id` → `/v1/profiles/{id}`. */
export function toOpenApiPath(honoPath: string): string {
  return honoPath.replace(/:(\w+)/g, '{$1}');
}

const describeApi = operation(RELAY_CONTRACT.describeApi, {
  tag: 'relay',
  summary: 'This description',
  answers: { 200: 'OpenAPI 3.1 document' },
  errors: [],
});

/** The document of everything `app` serves, built once all its routes are mounted. */
function documentOf<E extends Env>(app: OpenAPIHono<E>, version: string) {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'A device token from /v1/pair or `ownpost token <email>`.',
  });
  const document = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Ownpost relay',
      version,
      description: 'Send invoices from web apps through your own mailbox. Errors always have the shape {"error": {"code", "message", "hint"?}}; branch on `code`.',
    },
    servers: [{ url: 'http://127.0.0.1:8787' }],
  });
  return { ...document, jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema' };
}

/** Serves the description of `app`; built on the first request (after every route is mounted) and kept. */
export function openApiRoutes<E extends Env>(version: string, app: OpenAPIHono<E>) {
  let document: ReturnType<typeof documentOf> | undefined;
  const routes = new OpenAPIHono();
  serve(routes, describeApi, (c, answer) => answer(200, (document ??= documentOf(app, version))));
  return routes;
}
