import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { ConfigError, type RelayConfig } from './config';
import { DeliveryWorker } from './delivery/delivery-worker';
import type { SecretCipher } from './secrets/cipher';
import { secureDataDir } from './secrets/data-dir-permissions';
import { createSecretCipher } from './secrets/master-key';
import { openStore } from './store/open-store';
import type { Store } from './store/types';

export interface Relay {
  readonly app: ReturnType<typeof createApp>;
  readonly store: Store;
  readonly worker: DeliveryWorker;
  readonly cipher: SecretCipher;
  /** The listening URL, once `listen()` resolved. */
  url?: string;
  listen(): Promise<string>;
  /** Stops taking requests, lets in-flight sends finish or releases them, closes the store. */
  close(): Promise<void>;
}

/** Assembles a relay from its configuration: store, secrets, HTTP app and delivery worker. */
export async function createRelay(config: RelayConfig, log: (line: string) => void = () => {}): Promise<Relay> {
  if (config.databaseUrl && !config.masterKey) {
    // A key file would differ per machine: what one instance encrypts, the others could not read.
    throw new ConfigError('with OWNPOST_DATABASE_URL every relay instance needs the same OWNPOST_MASTER_KEY; set it on each instance');
  }
  // Folder 0700, database and key 0600: created so, and tightened here with a warning (issue 14).
  secureDataDir(config.dataDir, log);
  // Every key of the keyring decrypts, the newest encrypts; a key file rotated meanwhile is picked up.
  const cipher = createSecretCipher(config);
  const store = await openStore(config);
  const worker = new DeliveryWorker({ store, cipher, config, log });
  const app = createApp({ config, store, cipher, log, onQueued: () => worker.wake() });
  let server: ServerType | undefined;

  const relay: Relay = {
    app,
    store,
    worker,
    cipher,
    async listen() {
      worker.start();
      const info = await new Promise<AddressInfo>((resolve, reject) => {
        server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, resolve);
        server.once('error', reject);
      });
      const host = info.address.includes(':') ? `[${info.address}]` : info.address;
      relay.url = `http://${host}:${info.port}`;
      return relay.url;
    },
    async close() {
      if (server) {
        const closed = new Promise<void>((resolve) => server!.close(() => resolve()));
        (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
        await closed;
      }
      await worker.stop(config.shutdownGraceMs);
      await store.close();
    },
  };
  return relay;
}
