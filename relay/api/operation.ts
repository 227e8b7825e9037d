/**
 * One route of the API as a declaration: its contract (shared/api/: method, path, the zod schemas of
 * what it takes and answers) and what only the documentation needs: a summary, a tag, what each answer
 * means, every error code it can answer. `operation()` turns it into the route config of
 * @hono/zod-openapi, from which `/openapi.json` is generated; `serve()` (./serve.ts) mounts the handler
 * on the same declaration, so a route cannot be served undescribed, nor differ from its contract.
 */
import { z } from '@hono/zod-openapi';
import type { RouteAnswer, RouteContract, RouteStatus } from '../../shared/api/route-contract';
import { ERROR_STATUS, type ErrorCode } from '../../shared/errors';
import { documented, ErrorSchema } from './components';
import type { ContractedRoute } from './serve';

/** What the document says of a route beyond its contract. */
export interface OperationDocs<C extends RouteContract> {
  tag: string;
  summary: string;
  description?: string;
  /** What each answer that works is, by its status. */
  answers: { [S in RouteStatus<C>]: string };
  /** The codes this route itself can answer; those every route shares are added (`sharedErrors`). */
  errors: readonly ErrorCode[];
}

/**
 * Errors that come from the middleware in front of every route (relay/app.ts), not from its handler:
 * the Host and Origin guards, the body limits and JSON checks, authentication, a store that fails.
 */
function sharedErrors(contract: RouteContract): ErrorCode[] {
  const auth = contract.auth ?? true;
  return [
    // From Node's HTTP server itself (relay/http/client-error.ts).
    'malformed_request',
    'headers_too_large',
    'host_not_allowed',
    'origin_not_allowed',
    ...(contract.body ? (['invalid_json', 'json_too_deep', 'validation_failed', 'payload_too_large', 'unsupported_media_type'] as const) : []),
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

function successResponse({ schema, contentType, headers }: RouteAnswer, description: string) {
  return {
    description,
    ...(headers && { headers }),
    ...(schema && { content: { [contentType ?? 'application/json']: { schema: documented(schema) } } }),
  };
}

/** `{ id: string }` for `/v1/profiles/{id}`. */
function pathParams(path: string) {
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  return names.length ? z.object(Object.fromEntries(names.map((name) => [name, z.string()]))) : undefined;
}

/**
 * `?lang=`, which every route takes (relay/http/language.ts): the language of its explanations and
 * error messages, before the request's Accept-Language.
 */
const LANG_PARAMETER = {
  name: 'lang',
  in: 'query',
  required: false,
  description: 'The language of explanations and error messages (`en`, `de`, `sv`, …); else Accept-Language, else English.',
  schema: { type: 'string', example: 'de' },
} as const;

/** The @hono/zod-openapi route config of a route: its contract, documented. */
export function operation<const C extends RouteContract>(contract: C, docs: OperationDocs<C>) {
  const { method, path, auth = true, query, headers, body, success } = contract;
  const { tag, summary, description, answers, errors } = docs;
  const params = contract.params ?? pathParams(path);
  const request = {
    ...(params && { params }),
    ...(query && { query }),
    ...(headers && { headers }),
    ...(body && { body: { required: body.required ?? true, content: { 'application/json': { schema: documented(body.schema) } } } }),
  };
  const described: Record<number, string> = answers;
  return {
    method,
    path,
    tags: [tag],
    summary,
    ...(description && { description }),
    parameters: [LANG_PARAMETER],
    ...(Object.keys(request).length && { request }),
    responses: {
      ...Object.fromEntries([success].flat().map((answer) => [answer.status, successResponse(answer, described[answer.status]!)])),
      ...errorResponses([...errors, ...sharedErrors(contract)]),
    },
    security: auth ? [{ bearer: [] }] : [],
  } as ContractedRoute<C>;
}
