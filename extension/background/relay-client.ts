/**
 * The extension's client of the relay, typed from the routes' contract (shared/api/relay-contract.ts,
 * the same one the relay serves its routes from): `relay(connection).call('changeProfile', { params:
 * { id }, body })` takes what the route takes and answers what the route answers, by `z.infer` of the
 * contract's schemas, so a path, a method, a body or an answer cannot drift from the relay's routes.
 */
import { RELAY_CONTRACT, type RelayContract, type RouteName } from '../../shared/api/relay-contract';
import type { RouteContract, RouteInput, RouteResult } from '../../shared/api/route-contract';
import { isErrorBody } from '../../shared/errors';
import { RelayError } from './relay-error';

export { RelayError };

declare const UNCHECKED: unique symbol;
/** A body the extension passes on as an extension page gave it; see `uncheckedBody()`. Opaque, so no other body passes for one. */
export interface UncheckedBody {
  readonly [UNCHECKED]: true;
}

/**
 * A body that only the relay checks: a profile, a patch or delivery settings as the options page sent
 * them (shared/extension-messages.ts `zRelayBody`). The relay validates every field once and names the
 * one that is wrong; checking it here too would answer with other words, or refuse what the relay takes.
 */
export function uncheckedBody(body: Record<string, unknown>): UncheckedBody {
  return body as unknown as UncheckedBody;
}

/** What every call may add: the language of the relay's explanations (`?lang=`, relay/http/language.ts). */
interface CallOptions {
  lang?: string;
}

type Input<C extends RouteContract> = RouteInput<C, UncheckedBody> & CallOptions;
type Args<C extends RouteContract> = object extends RouteInput<C> ? [input?: Input<C>] : [input: Input<C>];

export interface RelayClient {
  /** Calls the route `name`; turns every failure into a RelayError with a code the UI can explain. */
  call<N extends RouteName>(name: N, ...args: Args<RelayContract[N]>): Promise<RouteResult<RelayContract[N]>>;
}

/** Where the relay is, and the device token when paired (`POST /v1/pair` is the one call without it). */
export interface RelayConnection {
  relayUrl: string;
  token?: string;
}

/** `/v1/profiles/{id}` with `{ id: 'a b' }` → `/v1/profiles/a%20b`. */
export function fillPath(template: string, params: Readonly<Record<string, unknown>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === null || value === '') throw new TypeError(`${template}: the path parameter "${name}" is missing`);
    return encodeURIComponent(String(value));
  });
}

/** A relay path with its query; empty values are left out. */
export function withQuery(path: string, query: Iterable<readonly [string, unknown]>): string {
  const params = new URLSearchParams();
  for (const [name, value] of query) if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** The parts of a call, as the implementation sees them (the types of `RelayClient` check them at each call). */
interface CallParts {
  params?: unknown;
  query?: unknown;
  headers?: unknown;
  body?: unknown;
  lang?: string;
}

/** The named values of `params`, `query` or `headers`. */
const entriesOf = (values: unknown): [string, unknown][] => (values && typeof values === 'object' ? Object.entries(values) : []);

async function send(connection: RelayConnection, contract: RouteContract, input: CallParts): Promise<unknown> {
  const { relayUrl, token } = connection;
  const path = withQuery(fillPath(contract.path, Object.fromEntries(entriesOf(input.params))), [...entriesOf(input.query), ['lang', input.lang]]);
  const headers: Record<string, string> = {};
  for (const [name, value] of entriesOf(input.headers)) if (value !== undefined && value !== '') headers[name] = String(value);
  if (input.body !== undefined) headers['Content-Type'] = 'application/json';
  if (token && contract.auth !== false) headers.Authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(new URL(path, relayUrl), {
      method: contract.method.toUpperCase(),
      headers,
      body: input.body !== undefined ? JSON.stringify(input.body) : undefined,
      credentials: 'omit',
    });
  } catch {
    throw new RelayError({
      code: 'relay_unreachable',
      message: `The Ownpost relay at ${relayUrl} does not answer.`,
      hint: 'Is it running? Start it with: npm start (or npx ownpost serve).',
    });
  }
  const textual = [contract.success].flat().some((answer) => answer.contentType !== undefined && !answer.contentType.includes('json'));
  const body: unknown = await (response.ok && textual ? response.text() : response.json()).catch(() => undefined);
  if (!response.ok) {
    if (isErrorBody(body)) throw new RelayError(body.error);
    throw new RelayError({ code: 'relay_unreachable', message: `The relay answered ${response.status} without an explanation.` });
  }
  return body;
}

/** A client of the relay at `connection`. */
export function relay(connection: RelayConnection): RelayClient {
  function call<N extends RouteName>(name: N, ...[input]: Args<RelayContract[N]>): Promise<RouteResult<RelayContract[N]>> {
    // The one place an answer gets its type: the relay answers with its contract's success schema
    // (test/relay/openapi.test.ts parses real answers with the same schemas). Not parsed again here,
    // so that an extension keeps working with a newer relay whose answers grew a field.
    return send(connection, RELAY_CONTRACT[name], input ?? {}) as Promise<RouteResult<RelayContract[N]>>;
  }
  return { call };
}
