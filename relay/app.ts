import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { RelayConfig } from './config';
import { createSenderTestService, type SenderTestConfig } from './diagnosis/sender-test-service';
import { ApiError, createErrorHandler } from './http/api-error';
import { requestLimitFor } from './http/body-limits';
import { createSmtpAuthResolver } from './oauth/access-tokens';
import { bearerAuth, type AuthEnv } from './http/authenticate';
import { allowedExtensionOrigins } from './http/extension-origins';
import { extensionOriginsOnly, hostGuard } from './http/guards';
import { nulInAddressGuard } from './http/nul-guard';
import { limiterStoreFor } from './limits/limiter-store-for';
import { PairingLimits } from './limits/pairing-limits';
import { peopleStoreFor } from './people/people-store';
import { requestLog } from './http/request-log';
import { allowedMethodsFrom, answerUnrouted } from './http/unrouted-request';
import { healthRoutes } from './routes/health-routes';
import { meRoutes } from './routes/me-routes';
import { deliverySettingsRoutes } from './routes/delivery-settings-routes';
import { createSentFolderCheck } from './imap/sent-folder-check';
import { discoverRoutes } from './routes/discover-routes';
import { diagnosisRoutes } from './routes/diagnosis-routes';
import { messageRoutes } from './routes/message-routes';
import { metricsRoutes } from './routes/metrics-routes';
import { oauthRoutes } from './routes/oauth-routes';
import { openApiRoutes } from './routes/openapi-routes';
import { pairingRoutes } from './routes/pairing-routes';
import { profileRoutes } from './routes/profile-routes';
import { recipeRoutes } from './routes/recipe-routes';
import { templateRoutes } from './routes/template-routes';
import { customerRoutes } from './routes/customer-routes';
import { userRoutes } from './routes/user-routes';
import { appPasswordRoutes } from './routes/app-password-routes';
import type { SecretCipher } from './secrets/cipher';
import type { Store } from './store/types';

export interface AppDeps {
  config: Pick<RelayConfig, 'hostnames' | 'allowPrivateHosts' | 'version' | 'metricsToken' | 'discoveryProbeTimeoutMs' | 'discoveryGuessEndpoints' | 'oauth' | 'tokenIdleTtlMs'> &
    Partial<Pick<RelayConfig, 'extensionIds'>> &
    SenderTestConfig;
  store: Store;
  cipher: SecretCipher;
  log: (line: string) => void;
  onQueued: () => void;
}

/** The relay's HTTP API. Pure: no listening socket, so tests call `app.request()` in process. */
export function createApp(deps: AppDeps) {
  const { config, store, cipher, log } = deps;
  const app = new OpenAPIHono<AuthEnv>();
  // On PostgreSQL the limits count in the database, so every relay instance sees the same counts.
  // OAuth2 senders are tested with a real access token, from the same cache delivery uses.
  const smtpAuth = createSmtpAuthResolver({ store, cipher, config: config.oauth });
  const limiterStore = limiterStoreFor(store);
  const senderTests = createSenderTestService({ config, cipher, log, limiterStore, smtpAuth });
  // Users, devices and setup codes (issues 14, 20), on the same database as the store.
  const people = peopleStoreFor(store);
  app.onError(createErrorHandler(log));
  // A route's path under another method is 405 with Allow, any other path 404: known from the routes mounted below.
  app.notFound(answerUnrouted(allowedMethodsFrom(() => app.routes)));

  // First: every answer, refusals included, carries its request id and is counted.
  app.use('*', requestLog(log));
  app.use('*', hostGuard(config.hostnames));
  app.use('*', extensionOriginsOnly(allowedExtensionOrigins(config.extensionIds ?? [])));
  app.use('*', nulInAddressGuard());
  app.use('/v1/*', async (c, next) => {
    if (c.req.path === '/v1/messages' && c.req.method === 'POST') return next();
    return bodyLimit({
      // Per route (relay/http/body-limits.ts): settings are small, a pairing code smaller still.
      maxSize: requestLimitFor(c.req.method, c.req.path),
      onError: () => {
        throw new ApiError('payload_too_large', 'The request is larger than this relay accepts.');
      },
    })(c, next);
  });

  app.route('/', healthRoutes(config.version, store, log));
  app.route('/', pairingRoutes({ store, people, limits: new PairingLimits(limiterStore) }));
  app.route('/', metricsRoutes({ store, metricsToken: config.metricsToken }));
  const authenticate = bearerAuth(people, config.tokenIdleTtlMs);
  app.use('/v1/*', async (c, next) => (c.req.path === '/v1/pair' ? next() : authenticate(c, next)));
  app.route('/', meRoutes({ people, store, tokenIdleTtlMs: config.tokenIdleTtlMs }));
  app.route('/', userRoutes({ store, people, tokenIdleTtlMs: config.tokenIdleTtlMs }));
  app.route('/', profileRoutes({ store, cipher, allowPrivateHosts: config.allowPrivateHosts, testBeforeSave: senderTests.testBeforeSave }));
  app.route('/', diagnosisRoutes({ store, cipher, senderTests }));
  app.route('/', messageRoutes({ store, onQueued: deps.onQueued, cipher, allowPrivateHosts: config.allowPrivateHosts }));
  const sentFolderCheck = createSentFolderCheck({ senderTests, config, log });
  app.route('/', deliverySettingsRoutes({ store, cipher, allowPrivateHosts: config.allowPrivateHosts, sentFolderCheck }));
  app.route('/', recipeRoutes({ store }));
  app.route('/', templateRoutes({ store }));
  app.route('/', customerRoutes({ store }));
  app.route('/', oauthRoutes({ store, cipher, config: config.oauth }));
  app.route('/', appPasswordRoutes({ store }));
  app.route(
    '/',
    discoverRoutes({
      dnsServers: config.dnsServers,
      allowPrivateHosts: config.allowPrivateHosts,
      extraPorts: config.extraSmtpPorts,
      extraCa: config.extraCa,
      probeTimeoutMs: config.discoveryProbeTimeoutMs,
      guessEndpoints: config.discoveryGuessEndpoints,
      // Per user, counted for every relay instance on PostgreSQL (issue 14).
      limiterStore,
    }),
  );
  // Last: the description of every route mounted above, itself included.
  app.route('/', openApiRoutes(config.version, app));
  return app;
}

export type RelayApp = ReturnType<typeof createApp>;
