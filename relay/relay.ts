import { createServer } from 'node:http';
import { getRequestListener, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { ConfigError, type RelayConfig } from './config';
import { DeliveryWorker } from './delivery/delivery-worker';
import { errorBody } from './http/api-error';
import { answerClientError, answerRequestError, HTTP_SERVER_OPTIONS, refuseMalformedRequests } from './http/client-error';
import type { SecretCipher } from './secrets/cipher';
import { secureDataDir } from './secrets/data-dir-permissions';
import { createSecretCipher } from './secrets/master-key';
import { limiterStoreFor } from './limits/limiter-store-for';
import { SmtpDoor } from './smtp/smtp-door';
import { openStore } from './store/open-store';
import type { Store } from './store/types';

export interface Relay {
  readonly app: ReturnType<typeof createApp>;
  readonly store: Store;
  readonly worker: DeliveryWorker;
  readonly cipher: SecretCipher;
  /** The SMTP front door (issue 19), when OWNPOST_SMTP_PORT or OWNPOST_SMTPS_PORT is set; `listen()` starts it. */
  readonly smtp?: SmtpDoor;
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
  // The same accept path as POST /v1/messages (relay/delivery/accept-send.ts), the same limiter store.
  const smtp = config.smtpDoor
    ? new SmtpDoor({
        config: config.smtpDoor,
        store,
        cipher,
        allowPrivateHosts: config.allowPrivateHosts,
        onQueued: () => worker.wake(),
        limiterStore: limiterStoreFor(store),
        log,
      })
    : undefined;
  /** Set on close: requests still arriving on kept-alive connections are turned away (issue 15). */
  let stopping = false;
  const fetch = (request: Request, env: unknown): Response | Promise<Response> => {
    if (!stopping) return app.fetch(request, env as never);
    // `Connection: close` makes Node's server end the connection after this answer, so a client
    // that posts back to back goes elsewhere (another instance, or this one after its restart).
    return new Response(JSON.stringify(errorBody('shutting_down', 'The relay is stopping; nothing was accepted. Send it again in a moment.')), {
      status: 503,
      headers: { 'Content-Type': 'application/json', Connection: 'close', 'Retry-After': '5' },
    });
  };

  const relay: Relay = {
    app,
    store,
    worker,
    cipher,
    ...(smtp ? { smtp } : {}),
    async listen() {
      worker.start();
      const info = await new Promise<AddressInfo>((resolve, reject) => {
        // @hono/node-server's listener, on a server of our own: what Node's HTTP server and the adapter
        // refuse before the app (relay/http/client-error.ts) is answered as JSON with a code too.
        const http = createServer(HTTP_SERVER_OPTIONS, refuseMalformedRequests(getRequestListener(fetch, { hostname: config.host, errorHandler: answerRequestError })));
        server = http;
        http.once('error', reject);
        http.on('clientError', answerClientError);
        http.listen(config.port, config.host, () => resolve(http.address() as AddressInfo));
      });
      const host = info.address.includes(':') ? `[${info.address}]` : info.address;
      relay.url = `http://${host}:${info.port}`;
      await smtp?.listen();
      return relay.url;
    },
    async close() {
      // At once: no new connections, idle ones closed, further requests on busy ones answered 503
      // and closed, no new claims; then sends in flight get the grace (issue 15). Waiting for every
      // kept-alive connection to end first let a busy relay go on accepting for a minute. The SMTP
      // door stops taking submissions at the same moment: what it accepted is in the outbox, like every 202.
      stopping = true;
      const deadline = Date.now() + config.shutdownGraceMs;
      const doorClosed = smtp?.close() ?? Promise.resolve();
      const http = server as (ServerType & { closeIdleConnections?: () => void; closeAllConnections?: () => void }) | undefined;
      const closed = http ? new Promise<void>((resolve) => http.close(() => resolve())) : Promise.resolve();
      http?.closeIdleConnections?.();
      await worker.stop(config.shutdownGraceMs);
      // Requests still being answered (an upload being committed) had the grace too; then they go.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.all([closed, doorClosed]), new Promise((r) => (timer = setTimeout(r, Math.max(200, deadline - Date.now()))))]);
      clearTimeout(timer);
      http?.closeAllConnections?.();
      await store.close();
    },
  };
  return relay;
}
