import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useState } from 'preact/hooks';
import type { ClientSecretReminder } from '../../../shared/api-schemas';
import type { ConnectionState } from '../../../shared/extension-messages';
import type { UserView } from '../../../shared/schemas';
import { connectionItem } from '../../lib/connection-item';
import { sendRequest } from '../../lib/send-request';

interface ConnectionContextValue {
  /** undefined while loading. */
  state: ConnectionState | undefined;
  user: UserView | undefined;
  isAdmin: boolean;
  /** Admins: what the relay asks them to act on (`GET /v1/me`), e.g. client secrets about to expire. */
  reminders: ClientSecretReminder[];
  setState(state: ConnectionState): void;
}

const ConnectionContext = createContext<ConnectionContextValue>({ state: undefined, user: undefined, isAdmin: false, reminders: [], setState: () => undefined });

/**
 * The relay connection for the options page. The role is asked of the relay afresh (`/v1/me`):
 * the one stored at pairing time may be out of date, and admin-only controls depend on it.
 * Follows the popup: connecting or disconnecting there updates this page.
 */
export function ConnectionProvider({ children }: { children: ComponentChildren }) {
  const [state, setStateValue] = useState<ConnectionState | undefined>();
  const [user, setUser] = useState<UserView | undefined>();
  const [reminders, setReminders] = useState<ClientSecretReminder[]>([]);

  const load = useCallback(async () => {
    const result = await sendRequest({ type: 'connection.get' });
    const next = result.ok ? result.data : { connected: false };
    setStateValue(next);
    setUser(next.user);
    if (next.connected) {
      const me = await sendRequest({ type: 'me.get' });
      if (me.ok) {
        const { reminders: due = [], ...current } = me.data;
        setUser(current);
        setReminders(due);
      }
    }
  }, []);

  useEffect(() => {
    void load();
    return connectionItem.watch(() => void load());
  }, [load]);

  const setState = useCallback((next: ConnectionState) => {
    setStateValue(next);
    setUser(next.user);
  }, []);

  return <ConnectionContext.Provider value={{ state, user, isAdmin: user?.role === 'admin', reminders, setState }}>{children}</ConnectionContext.Provider>;
}

export function useConnection(): ConnectionContextValue {
  return useContext(ConnectionContext);
}
