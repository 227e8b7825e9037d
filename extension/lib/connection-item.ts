import { storage } from 'wxt/utils/storage';
import type { UserView } from '../../shared/schemas';

/** The relay this browser is paired with. The token lives only here, in extension storage. */
export interface StoredConnection {
  relayUrl: string;
  token: string;
  user: UserView;
  pairedAt: string;
}

export const DEFAULT_RELAY_URL = 'http://127.0.0.1:8787';

/** Versioned from day one: later versions add `migrations` here. */
export const connectionItem = storage.defineItem<StoredConnection | null>('local:connection', {
  fallback: null,
  version: 1,
});
