/**
 * `GET /openapi.json`: the API description, generated from the same zod schemas that validate requests
 * (shared/schemas.ts) and describe answers (shared/api-schemas.ts), with zod 4's `z.toJSONSchema`.
 * Request bodies are described as clients send them (`io: 'input'`: defaults optional, normalised
 * fields as strings), answers as the relay writes them.
 *
 * Every route the app really serves appears: one without an entry in OPERATIONS is listed as
 * "not described yet" rather than left out, and test/relay/openapi.test.ts keeps both lists honest.
 * To describe a route, add an entry to OPERATIONS (and its schemas to COMPONENTS).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import {
  zDeviceView,
  zAppPasswordInput,
  zAppPasswordView,
  zDiscoveryResult,
  zErrorBody,
  zHealthResponse,
  zMessageView,
  zPairingCodeView,
  zNewAppPasswordView,
  zPairResponse,
  zPersonInput,
  zProfileView,
  zSendAcceptedView,
  zUserPatch,
  zUserView,
  zUserWithAllowancesView,
} from '../../shared/api-schemas';
import { zCustomerInput, zCustomerView } from '../../shared/api-schemas';
import { ERROR_STATUS, type ErrorCode } from '../../shared/errors';
import { zTemplateInput, zTemplateList, zTemplateView } from '../../shared/template-schemas';
import { zMessageInput, zPairRequest, zProfileInput, zProfilePatch } from '../../shared/schemas';

type Io = 'input' | 'output';

/** Named schemas, each generated once into `components.schemas`. */
const COMPONENTS: Record<string, { schema: z.ZodType; io: Io; description: string }> = {
  PairRequest: { schema: zPairRequest, io: 'input', description: 'A pairing code from `ownpost pair <email>`.' },
  PairResponse: { schema: zPairResponse, io: 'output', description: 'The device token (keep it secret) and its user.' },
  User: { schema: zUserView, io: 'output', description: 'A user of this relay.' },
  UserWithAllowances: { schema: zUserWithAllowancesView, io: 'output', description: 'A user and the senders an admin allowed them.' },
  UserPatch: { schema: zUserPatch, io: 'input', description: 'What an admin may change about a user.' },
  ProfileInput: {
    schema: zProfileInput,
    io: 'input',
    description: 'A new sender profile. The password is write-only: it is encrypted at rest and never returned.',
  },
  ProfilePatch: { schema: zProfilePatch, io: 'input', description: 'Changes to a sender profile; absent fields keep their value, `null` removes an optional one.' },
  Profile: { schema: zProfileView, io: 'output', description: 'A sender profile as the API shows it (`hasPassword` instead of the password).' },
  DiscoveryResult: { schema: zDiscoveryResult, io: 'output', description: 'Suggested server settings for an address.' },
  MessageInput: { schema: zMessageInput, io: 'input', description: 'A message to send through a sender profile.' },
  Message: { schema: zMessageView, io: 'output', description: 'A message and its delivery status.' },
  SendAccepted: { schema: zSendAcceptedView, io: 'output', description: 'A send taken into the outbox (committed to disk).' },
  TemplateInput: { schema: zTemplateInput, io: 'input', description: 'A subject and message; `[…]` marks a phrase left out when a value inside it is missing.' },
  Template: { schema: zTemplateView, io: 'output', description: 'A message template as it applies to the caller, with the company’s and their own underneath.' },
  TemplateList: { schema: zTemplateList, io: 'output', description: 'Every document kind in every language.' },
  AppPasswordInput: { schema: zAppPasswordInput, io: 'input', description: 'A name for a new app password (the app it is for).' },
  AppPassword: { schema: zAppPasswordView, io: 'output', description: 'An app password for the SMTP front door; the password itself is never shown again.' },
  NewAppPassword: {
    schema: zNewAppPasswordView,
    io: 'output',
    description: "A new app password: `password` is in this answer only. In the app, the SMTP username is `username` (the user's e-mail address).",
  },
  Health: { schema: zHealthResponse, io: 'output', description: 'The relay is up.' },
  Error: { schema: zErrorBody, io: 'output', description: 'Every error: a stable `code` to branch on, a message, and often a hint.' },
  PersonInput: { schema: zPersonInput, io: 'input', description: 'A person to add: their address, name and role (`member` unless said).' },
  PairingCode: { schema: zPairingCodeView, io: 'output', description: 'A one-time pairing code (60 bits; works once, for 10 minutes).' },
  Device: { schema: zDeviceView, io: 'output', description: "A paired browser or a script's token (the token itself is never shown again)." },
  CustomerInput: { schema: zCustomerInput, io: 'input', description: 'A customer of the company and the addresses its documents go to.' },
  Customer: { schema: zCustomerView, io: 'output', description: "An entry of the company's customer directory." },
};

type ComponentName = keyof typeof COMPONENTS;

interface ApiOperation {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  /** OpenAPI form: `/v1/profiles/{id}`. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  /** Needs `Authorization: Bearer <token>`. */
  auth: boolean;
  query?: { name: string; required: boolean; description: string; schema: Record<string, unknown> }[];
  headers?: { name: string; description: string }[];
  body?: ComponentName;
  success: { status: number; description: string; schema?: ComponentName | { listOf: ComponentName; key: string } };
  errors: ErrorCode[];
}

const id = { name: 'id', in: 'path', required: true, schema: { type: 'string' } } as const;

const templateScope = {
  name: 'scope',
  required: false,
  description: '`company` (admins; the default for them) or `personal` (your own version; the default for members).',
  schema: { type: 'string', enum: ['company', 'personal'] },
};

const OPERATIONS: ApiOperation[] = [
  {
    method: 'get',
    path: '/v1/templates',
    tag: 'templates',
    summary: 'The message templates per document kind and language, as they apply to you',
    auth: true,
    success: { status: 200, description: 'Every kind and language', schema: 'TemplateList' },
    errors: ['unauthorized'],
  },
  {
    method: 'put',
    path: '/v1/templates/{kind}/{language}',
    tag: 'templates',
    summary: 'Set the company’s template (admins) or your own',
    auth: true,
    query: [templateScope],
    body: 'TemplateInput',
    success: { status: 200, description: 'The template as it now applies', schema: 'Template' },
    errors: ['validation_failed', 'unauthorized', 'forbidden', 'not_found'],
  },
  {
    method: 'delete',
    path: '/v1/templates/{kind}/{language}',
    tag: 'templates',
    summary: 'Back to the company’s or the built-in template',
    auth: true,
    query: [templateScope],
    success: { status: 200, description: 'The template as it now applies', schema: 'Template' },
    errors: ['validation_failed', 'unauthorized', 'forbidden', 'not_found'],
  },
  { method: 'get', path: '/healthz', tag: 'relay', summary: 'Is the relay up?', auth: false, success: { status: 200, description: 'Up', schema: 'Health' }, errors: [] },
  {
    method: 'get',
    path: '/readyz',
    tag: 'relay',
    summary: 'Can the relay take a write now? (for load balancers; answers within 1 s)',
    auth: false,
    success: { status: 200, description: 'Ready', schema: 'Health' },
    errors: ['store_unavailable', 'storage_full'],
  },
  {
    method: 'get',
    path: '/openapi.json',
    tag: 'relay',
    summary: 'This description',
    auth: false,
    success: { status: 200, description: 'OpenAPI 3.1 document' },
    errors: [],
  },
  {
    method: 'post',
    path: '/v1/pair',
    tag: 'devices',
    summary: 'Pair a device with a one-time code',
    auth: false,
    body: 'PairRequest',
    success: { status: 200, description: 'Paired', schema: 'PairResponse' },
    errors: ['invalid_json', 'validation_failed', 'pairing_code_invalid', 'setup_email_required', 'rate_limited'],
    description:
      'A pairing code (an admin made it for a person), or the setup code a relay without users printed when it started: then `email` (and `name`) name the person who becomes its admin; without `email` the answer is 422 `setup_email_required` and the code stays usable. Wrong codes are limited to 10 per client and 50 in all per 15 minutes (429).',
  },
  { method: 'get', path: '/v1/me', tag: 'users', summary: 'The current user', auth: true, success: { status: 200, description: "The token's user", schema: 'User' }, errors: ['unauthorized'] },
  {
    method: 'get',
    path: '/v1/users',
    tag: 'users',
    summary: 'Every user and what they may send from (admins)',
    auth: true,
    success: { status: 200, description: 'Users', schema: { listOf: 'UserWithAllowances', key: 'users' } },
    errors: ['unauthorized', 'forbidden'],
  },
  {
    method: 'get',
    path: '/v1/users/{id}',
    tag: 'users',
    summary: 'One user (admins; members only themselves)',
    auth: true,
    success: { status: 200, description: 'The user', schema: 'UserWithAllowances' },
    errors: ['unauthorized', 'not_found'],
  },
  {
    method: 'patch',
    path: '/v1/users/{id}',
    tag: 'users',
    summary: 'Allow a member more sender addresses (admins)',
    description: "A member's personal profiles may send only from the member's own address and those listed here.",
    auth: true,
    body: 'UserPatch',
    success: { status: 200, description: 'The user', schema: 'UserWithAllowances' },
    errors: ['unauthorized', 'forbidden', 'not_found', 'invalid_json', 'validation_failed'],
  },
  {
    method: 'post',
    path: '/v1/users',
    tag: 'users',
    summary: 'Add a person (admins)',
    description: 'The address of a removed person brings them back, with their history. Then make them a pairing code.',
    auth: true,
    body: 'PersonInput',
    success: { status: 201, description: 'Added', schema: 'UserWithAllowances' },
    errors: ['unauthorized', 'forbidden', 'invalid_json', 'validation_failed', 'conflict'],
  },
  {
    method: 'delete',
    path: '/v1/users/{id}',
    tag: 'users',
    summary: 'Remove a person (admins)',
    description:
      'Their devices stop working at once; their pairing codes, personal senders (with their passwords) and allowances are deleted; their sent messages stay in the history. The last admin cannot be removed (409).',
    auth: true,
    success: { status: 204, description: 'Removed' },
    errors: ['unauthorized', 'forbidden', 'not_found', 'conflict'],
  },
  {
    method: 'post',
    path: '/v1/users/{id}/pairing-code',
    tag: 'devices',
    summary: 'Make a pairing code for a person (admins; members for themselves)',
    auth: true,
    success: { status: 201, description: 'The code, shown once', schema: 'PairingCode' },
    errors: ['unauthorized', 'not_found'],
  },
  {
    method: 'get',
    path: '/v1/users/{id}/devices',
    tag: 'devices',
    summary: "A person's devices that still work (admins; members only their own)",
    auth: true,
    success: { status: 200, description: 'Devices', schema: { listOf: 'Device', key: 'devices' } },
    errors: ['unauthorized', 'not_found'],
  },
  {
    method: 'get',
    path: '/v1/me/devices',
    tag: 'devices',
    summary: "The current user's devices that still work",
    auth: true,
    success: { status: 200, description: 'Devices; `current` marks the one asking', schema: { listOf: 'Device', key: 'devices' } },
    errors: ['unauthorized'],
  },
  {
    method: 'delete',
    path: '/v1/devices/{id}',
    tag: 'devices',
    summary: "Revoke a device (one's own; admins anybody's)",
    description: 'Its token gets 401 from its next request on, on every relay instance.',
    auth: true,
    success: { status: 204, description: 'Revoked' },
    errors: ['unauthorized', 'not_found'],
  },
  {
    method: 'get',
    path: '/v1/profiles',
    tag: 'profiles',
    summary: 'The sender profiles the user may use',
    auth: true,
    success: { status: 200, description: "Company profiles and the user's own", schema: { listOf: 'Profile', key: 'profiles' } },
    errors: ['unauthorized'],
  },
  {
    method: 'post',
    path: '/v1/profiles',
    tag: 'profiles',
    summary: 'Add a sender profile',
    description:
      "Company profiles are for admins. A member's personal profile may use only the member's own address or those an admin allowed (403 `member_sender_not_allowed`). A site or project can be mapped to one profile per owner (409 `conflict`).",
    auth: true,
    body: 'ProfileInput',
    success: { status: 201, description: 'Created', schema: 'Profile' },
    errors: ['unauthorized', 'invalid_json', 'validation_failed', 'forbidden', 'member_sender_not_allowed', 'reply_to_not_allowed', 'private_host_not_allowed', 'conflict'],
  },
  {
    method: 'get',
    path: '/v1/profiles/{id}',
    tag: 'profiles',
    summary: 'One sender profile',
    auth: true,
    success: { status: 200, description: 'The profile', schema: 'Profile' },
    errors: ['unauthorized', 'not_found'],
  },
  {
    method: 'patch',
    path: '/v1/profiles/{id}',
    tag: 'profiles',
    summary: 'Change a sender profile',
    auth: true,
    body: 'ProfilePatch',
    success: { status: 200, description: 'The changed profile', schema: 'Profile' },
    errors: ['unauthorized', 'invalid_json', 'validation_failed', 'forbidden', 'not_found', 'member_sender_not_allowed', 'reply_to_not_allowed', 'private_host_not_allowed', 'conflict'],
  },
  {
    method: 'delete',
    path: '/v1/profiles/{id}',
    tag: 'profiles',
    summary: 'Delete a sender profile',
    auth: true,
    success: { status: 204, description: 'Deleted' },
    errors: ['unauthorized', 'forbidden', 'not_found'],
  },
  {
    method: 'get',
    path: '/v1/app-passwords',
    tag: 'app-passwords',
    summary: 'Your app passwords for the SMTP front door',
    auth: true,
    success: { status: 200, description: 'App passwords, oldest first (never the passwords themselves)', schema: { listOf: 'AppPassword', key: 'appPasswords' } },
    errors: ['unauthorized'],
  },
  {
    method: 'post',
    path: '/v1/app-passwords',
    tag: 'app-passwords',
    summary: 'Create an app password',
    description: 'For one app\'s "own SMTP server" settings: username your e-mail address, password this one. It is shown in this answer only and stored as a one-way hash.',
    auth: true,
    body: 'AppPasswordInput',
    success: { status: 201, description: 'Created; the only time the password is shown', schema: 'NewAppPassword' },
    errors: ['unauthorized', 'invalid_json', 'validation_failed', 'conflict'],
  },
  {
    method: 'delete',
    path: '/v1/app-passwords/{id}',
    tag: 'app-passwords',
    summary: 'Revoke an app password',
    description: 'The app signed in with it can no longer submit mail; messages it already submitted are still delivered.',
    auth: true,
    success: { status: 204, description: 'Revoked' },
    errors: ['unauthorized', 'not_found'],
  },
  {
    method: 'get',
    path: '/v1/discover',
    tag: 'profiles',
    summary: 'Suggested server settings for an address',
    description:
      "The built-in provider table first, then the domain's MX hosts (Microsoft 365, Google Workspace, ...), then guessing smtp./mail.<domain> on 465 (TLS) and 587 (STARTTLS) with short timeouts.",
    auth: true,
    query: [{ name: 'email', required: true, description: 'The address, e.g. anna@firma.se', schema: { type: 'string', format: 'email' } }],
    success: { status: 200, description: 'What was found (`source: none` when nothing was)', schema: 'DiscoveryResult' },
    errors: ['unauthorized', 'validation_failed'],
  },
  {
    method: 'post',
    path: '/v1/messages',
    tag: 'messages',
    summary: 'Send a message',
    description:
      'Resolves the sender profile (the one named, else the one mapped to `context.project` or `context.pageUrl`, else the personal default, else the company default), applies the sender rules, and commits the message to the outbox. A refused send queues nothing.',
    auth: true,
    headers: [{ name: 'Idempotency-Key', description: 'Repeat it to retry the same request without sending twice.' }],
    body: 'MessageInput',
    success: { status: 202, description: 'Committed to the outbox', schema: 'SendAccepted' },
    errors: [
      'unauthorized',
      'invalid_json',
      'validation_failed',
      'not_found',
      'sender_not_allowed',
      'member_sender_not_allowed',
      'reply_to_not_allowed',
      'idempotency_conflict',
      'payload_too_large',
      'document_too_large',
      'message_too_large',
      'no_sender_profile',
      'profile_unusable',
      'storage_full',
      'store_unavailable',
    ],
  },
  {
    method: 'get',
    path: '/v1/messages/{id}',
    tag: 'messages',
    summary: 'A message and its delivery status',
    auth: true,
    success: { status: 200, description: 'The message', schema: 'Message' },
    errors: ['unauthorized', 'not_found'],
  },
  {
    method: 'get',
    path: '/v1/messages',
    tag: 'messages',
    summary: 'Message history, newest first',
    auth: true,
    query: [
      { name: 'documentRef', required: false, description: 'Only messages of this document', schema: { type: 'string' } },
      { name: 'limit', required: false, description: '1 to 200, default 50', schema: { type: 'integer', minimum: 1, maximum: 200 } },
    ],
    success: { status: 200, description: 'Messages', schema: { listOf: 'Message', key: 'messages' } },
    errors: ['unauthorized'],
  },
  // The customer directory (issue 16 item 4): relay/routes/customer-routes.ts.
  {
    method: 'get',
    path: '/v1/customers',
    tag: 'customers',
    summary: "Find a customer's recipients by customer number or name",
    description: 'Entries with the number first; a namesake with another customer number is left out.',
    auth: true,
    query: [
      { name: 'number', required: false, description: 'The customer number as the document shows it (spaces, `#`, `-` do not matter)', schema: { type: 'string' } },
      { name: 'name', required: false, description: "The customer's name (case and spacing do not matter); give this or `number`", schema: { type: 'string' } },
    ],
    success: { status: 200, description: 'Matching entries', schema: { listOf: 'Customer', key: 'customers' } },
    errors: ['unauthorized', 'validation_failed'],
  },
  {
    method: 'put',
    path: '/v1/customers',
    tag: 'customers',
    summary: "Remember who a customer's documents go to (after a send)",
    description: 'Updates the entry with this number (else the one with this name) or creates one (201).',
    auth: true,
    body: 'CustomerInput',
    success: { status: 200, description: 'The entry', schema: 'Customer' },
    errors: ['unauthorized', 'invalid_json', 'validation_failed', 'conflict'],
  },
  {
    method: 'put',
    path: '/v1/customers/{id}',
    tag: 'customers',
    summary: 'Correct an entry',
    auth: true,
    body: 'CustomerInput',
    success: { status: 200, description: 'The corrected entry', schema: 'Customer' },
    errors: ['unauthorized', 'invalid_json', 'validation_failed', 'not_found', 'conflict'],
  },
  {
    method: 'delete',
    path: '/v1/customers/{id}',
    tag: 'customers',
    summary: 'Forget an entry',
    auth: true,
    success: { status: 204, description: 'Deleted' },
    errors: ['unauthorized', 'not_found'],
  },
];

function componentSchema(name: string): Record<string, unknown> {
  const { schema, io, description } = COMPONENTS[name]!;
  const json = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return { ...json, description };
}

const ref = (name: ComponentName) => ({ $ref: `#/components/schemas/${name}` });

function successSchema(success: ApiOperation['success']) {
  if (!success.schema) return undefined;
  if (typeof success.schema === 'string') return ref(success.schema);
  return { type: 'object', properties: { [success.schema.key]: { type: 'array', items: ref(success.schema.listOf) } }, required: [success.schema.key] };
}

function operationObject(op: ApiOperation) {
  const responses: Record<string, unknown> = {};
  const schema = successSchema(op.success);
  responses[String(op.success.status)] = {
    description: op.success.description,
    ...(schema ? { content: { 'application/json': { schema } } } : {}),
  };
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of op.errors) byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code]);
  for (const [status, codes] of [...byStatus].sort((a, b) => a[0] - b[0])) {
    responses[String(status)] = {
      description: `Error codes: ${codes.map((c) => `\`${c}\``).join(', ')}`,
      content: { 'application/json': { schema: ref('Error') } },
    };
  }
  const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ ...id, name: m[1]! }));
  const parameters = [
    ...pathParams,
    ...(op.query ?? []).map((q) => ({ name: q.name, in: 'query', required: q.required, description: q.description, schema: q.schema })),
    ...(op.headers ?? []).map((h) => ({ name: h.name, in: 'header', required: false, description: h.description, schema: { type: 'string' } })),
  ];
  return {
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [op.tag],
    ...(parameters.length ? { parameters } : {}),
    ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: ref(op.body) } } } } : {}),
    responses,
    security: op.auth ? [{ bearer: [] }] : [],
  };
}

/** `/v1/profiles/:id` → `/v1/profiles/{id}`. */
export function toOpenApiPath(honoPath: string): string {
  return honoPath.replace(/:(\w+)/g, '{$1}');
}

/**
 * The document for the routes the app serves. `routes` are Hono's (`app.routes`); middleware
 * (method `ALL`) is skipped.
 */
export function buildOpenApiDocument(version: string, routes: readonly { method: string; path: string }[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method] = operationObject(op);
  for (const route of routes) {
    const method = route.method.toLowerCase();
    if (method === 'all' || route.path.includes('*')) continue;
    const path = toOpenApiPath(route.path);
    if (paths[path]?.[method]) continue;
    (paths[path] ??= {})[method] = {
      summary: 'Not described yet',
      'x-undescribed': true,
      responses: { default: { description: 'See README.md', content: { 'application/json': { schema: ref('Error') } } } },
      security: path.startsWith('/v1/') && path !== '/v1/pair' ? [{ bearer: [] }] : [],
    };
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Ownpost relay',
      version,
      description: 'Send invoices from web apps through your own mailbox. Errors always have the shape {"error": {"code", "message", "hint"?}}; branch on `code`.',
    },
    servers: [{ url: 'http://127.0.0.1:8787' }],
    paths,
    components: {
      schemas: Object.fromEntries(Object.keys(COMPONENTS).map((name) => [name, componentSchema(name)])),
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A device token from /v1/pair or `ownpost token <email>`.' } },
    },
  };
}

/** Serves the document; built on first request (after every route is mounted) and kept. */
export function openApiRoutes(version: string, routes: () => readonly { method: string; path: string }[]) {
  let document: ReturnType<typeof buildOpenApiDocument> | undefined;
  return new Hono().get('/openapi.json', (c) => {
    document ??= buildOpenApiDocument(version, routes());
    return c.json(document);
  });
}
