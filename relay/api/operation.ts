/**
 * One route of the API as a declaration: its path, what it takes (path parameters, query, headers, a
 * JSON body: zod schemas) and every answer it gives, the error codes included. `operation()` turns it
 * into the route config of @hono/zod-openapi, from which `/openapi.json` is generated; `serve()`
 * (./serve.ts) mounts the handler on the same declaration, so a route cannot be served undescribed.
 */
import { z, type RouteConfig } from '@hono/zod-openapi';
import { ERROR_STATUS, type ErrorCode } from '../../shared/errors';
import { ErrorSchema } from './components';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type ZodObject = z.ZodObject<z.ZodRawShape> | z.ZodPipe | z.ZodType<Record<string, unknown>>;

interface Success {
  status: number;
  description: string;
  schema?: z.ZodType;
  /** @default 'application/json' */
  contentType?: string;
  headers?: ZodObject;
}

export interface OperationDeclaration<P extends string = string> {
  method: Method;
  /** OpenAPI form: `/v1/profiles/{id}`. */
  path: P;
  tag: string;
  summary: string;
  description?: string;
  /** Needs `Authorization: Bearer <token>`. @default true */
  auth?: boolean;
  /** Path parameters; without them every `{name}` of the path is a string. */
  params?: ZodObject;
  query?: ZodObject;
  headers?: ZodObject;
  /** A JSON body, described as clients send it. */
  body?: { schema: z.ZodType; required?: boolean; description?: string };
  /** The answer when it works; a few routes have two (200 updated, 201 created). */
  success: Success | readonly Success[];
  /** The codes this route itself can answer; those every route shares are added (`sharedErrors`). */
  errors: readonly ErrorCode[];
}

/**
 * Errors that come from the middleware in front of every route (relay/app.ts), not from its handler:
 * the Host and Origin guards, the body limits and JSON checks, authentication, a store that fails.
 */
function sharedErrors(declaration: OperationDeclaration): ErrorCode[] {
  const auth = declaration.auth ?? true;
  return [
    'host_not_allowed',
    'origin_not_allowed',
    ...(declaration.body ? (['invalid_json', 'json_too_deep', 'validation_failed', 'payload_too_large'] as const) : []),
    ...(auth ? (['unauthorized'] as const) : []),
    'internal_error',
    'stored_data_invalid',
  ];
}

/** The answers with these codes, one per status: `Error codes: \`a\`, \`b\``. */
function errorResponses(codes: readonly ErrorCode[]) {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set(codes)) byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code]);
  return Object.fromEntries(
    [...byStatus]
      .sort((a, b) => a[0] - b[0])
      .map(([status, list]) => [status, { description: `Error codes: ${list.map((c) => `\`${c}\``).join(', ')}`, content: { 'application/json': { schema: ErrorSchema } } }]),
  );
}

function successResponse({ description, schema, contentType, headers }: Success) {
  return {
    description,
    ...(headers && { headers }),
    ...(schema && { content: { [contentType ?? 'application/json']: { schema } } }),
  };
}

/** `{ id: string }` for `/v1/profiles/{id}`. */
function pathParams(path: string) {
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  return names.length ? z.object(Object.fromEntries(names.map((name) => [name, z.string()]))) : undefined;
}

/** The @hono/zod-openapi route config of a declaration. */
export function operation<const P extends string>(declaration: OperationDeclaration<P>) {
  const { method, path, tag, summary, description, auth = true, query, headers, body, success, errors } = declaration;
  const params = declaration.params ?? pathParams(path);
  const request = {
    ...(params && { params }),
    ...(query && { query }),
    ...(headers && { headers }),
    ...(body && {
      body: { required: body.required ?? true, ...(body.description && { description: body.description }), content: { 'application/json': { schema: body.schema } } },
    }),
  };
  return {
    method,
    path,
    tags: [tag],
    summary,
    ...(description && { description }),
    ...(Object.keys(request).length && { request }),
    responses: {
      ...Object.fromEntries([success].flat().map((answer) => [answer.status, successResponse(answer)])),
      ...errorResponses([...errors, ...sharedErrors(declaration)]),
    },
    security: auth ? [{ bearer: [] }] : [],
  } as RouteConfig & { path: P };
}
