/**
 * The contract of delegated OAuth2 sign-in (issue 8), shared by the relay and the extension's options
 * page. A profile's `auth` itself (password | oauth2) is in ./schemas.ts.
 *
 * Microsoft (device code):
 *   1. `POST /v1/profiles/:id/oauth/sign-in {}` → a sign-in with `userCode` and `verificationUri`;
 *      show both ("open microsoft.com/devicelogin and type ABCD-EFGH").
 *   2. `GET /v1/oauth/sign-ins/:signInId` every `pollIntervalSeconds` until `status` is not `pending`.
 * Google (authorization code with PKCE, through `browser.identity.launchWebAuthFlow`):
 *   1. `POST /v1/profiles/:id/oauth/sign-in {"redirectUri": browser.identity.getRedirectURL()}` →
 *      a sign-in with `authorizationUrl`.
 *   2. `browser.identity.launchWebAuthFlow({url: authorizationUrl, interactive: true})` → the URL
 *      Google redirected to.
 *   3. `POST /v1/oauth/sign-ins/:signInId/complete {"redirectUrl": <that URL>}` → the finished sign-in.
 * `DELETE /v1/profiles/:id/oauth/sign-in` signs out (the saved refresh token is removed).
 * `GET /v1/oauth/providers` says for which providers the relay has its own app registration.
 */
import { z } from 'zod';
import { OAUTH_PROVIDERS, type OAuthFlow } from './schemas';

export const zOAuthSignInStart = z.object({
  /**
   * Google only: the extension's redirect URL, `browser.identity.getRedirectURL()`
   * (`https://<id>.chromiumapp.org/` in Chrome and Edge, `https://<hash>.extensions.allizom.org/` in Firefox).
   * It must be listed under "Authorized redirect URIs" of the Google OAuth client.
   */
  redirectUri: z.string().max(2048).optional(),
});
export type OAuthSignInStart = z.infer<typeof zOAuthSignInStart>;

export const zOAuthSignInComplete = z.object({
  /** The whole URL `launchWebAuthFlow` resolved with (it carries `code` and `state`, or `error`). */
  redirectUrl: z.string().min(1).max(16_384),
});
export type OAuthSignInComplete = z.infer<typeof zOAuthSignInComplete>;

export const OAUTH_SIGN_IN_STATUSES = ['pending', 'signed_in', 'failed', 'expired'] as const;
export type OAuthSignInStatus = (typeof OAUTH_SIGN_IN_STATUSES)[number];

export const zOAuthSignInView = z.strictObject({
  id: z.string(),
  profileId: z.string(),
  provider: z.enum(OAUTH_PROVIDERS),
  flow: z.enum(['device_code', 'authorization_code']) satisfies z.ZodType<Exclude<OAuthFlow, 'client_credentials'>>,
  status: z.enum(OAUTH_SIGN_IN_STATUSES),
  /** After this the sign-in can no longer finish; start another. */
  expiresAt: z.string().meta({ format: 'date-time' }),
  /** authorization_code, in the answer that started it: open it with `browser.identity.launchWebAuthFlow`. */
  authorizationUrl: z.string().optional(),
  /** device_code: the code to type at `verificationUri`. */
  userCode: z.string().optional(),
  verificationUri: z.string().optional(),
  /** device_code: Microsoft's own one-line instruction, in the language of the tenant. */
  message: z.string().optional(),
  /** device_code: how often to ask for the status. */
  pollIntervalSeconds: z.number().optional(),
  /** signed_in: the account that signed in, when the provider said. */
  account: z.string().optional(),
  /** failed: what went wrong and how to fix it, in the requested language. */
  problem: z.object({ code: z.string(), title: z.string(), explanation: z.string(), fix: z.string() }).optional(),
  /** failed: the provider's own words. */
  detail: z.string().optional(),
});
export type OAuthSignInView = z.infer<typeof zOAuthSignInView>;

/**
 * `GET /v1/oauth/providers`: whether the relay has its own app registration for delegated sign-in
 * (OWNPOST_MS_CLIENT_ID, OWNPOST_GOOGLE_CLIENT_ID). Without one, a sender must name its own client.
 */
export const zOAuthProvidersView = z.strictObject({
  microsoft: z.object({ relayApp: z.boolean() }),
  google: z.object({ relayApp: z.boolean() }),
});
export type OAuthProvidersView = z.infer<typeof zOAuthProvidersView>;
