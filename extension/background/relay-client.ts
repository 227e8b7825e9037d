import type { ExtensionError } from '../../shared/extension-messages';
import { isErrorBody } from '../../shared/errors';

export class RelayError extends Error {
  constructor(readonly error: ExtensionError) {
    super(error.message);
  }
}

/** A relay path with its query; `lang` asks the relay to explain problems in the language the user chose. */
export function relayPath(path: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(name, String(value));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** Calls the relay; turns every failure into a RelayError with a code the UI can explain. */
export async function callRelay<T>(relayUrl: string, path: string, init: { method?: string; token?: string; body?: unknown; idempotencyKey?: string } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(new URL(path, relayUrl), {
      method: init.method ?? 'GET',
      headers: {
        ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
        ...(init.idempotencyKey ? { 'Idempotency-Key': init.idempotencyKey } : {}),
      },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
      credentials: 'omit',
    });
  } catch {
    throw new RelayError({
      code: 'relay_unreachable',
      message: `The Ownpost relay at ${relayUrl} does not answer.`,
      hint: 'Is it running? Start it with: npm start (or npx ownpost serve).',
    });
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    if (isErrorBody(body)) throw new RelayError(body.error);
    throw new RelayError({ code: 'relay_unreachable', message: `The relay answered ${response.status} without an explanation.` });
  }
  return body as T;
}
