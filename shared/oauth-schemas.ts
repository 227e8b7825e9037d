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
import type { OAuthFlow, OAuthProvider } from './schemas';

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

export type OAuthSignInStatus = 'pending' | 'signed_in' | 'failed' | 'expired';

export interface OAuthSignInView {
  id: string;
  profileId: string;
  provider: OAuthProvider;
  flow: Exclude<OAuthFlow, 'client_credentials'>;
  status: OAuthSignInStatus;
  /** After this the sign-in can no longer finish; start another. */
  expiresAt: string;
  /** authorization_code, in the answer that started it: open it with `browser.identity.launchWebAuthFlow`. */
  authorizationUrl?: string;
  /** device_code: the code to type at `verificationUri`. */
  userCode?: string;
  verificationUri?: string;
  /** device_code: Microsoft's own one-line instruction, in the language of the tenant. */
  message?: string;
  /** device_code: how often to ask for the status. */
  pollIntervalSeconds?: number;
  /** signed_in: the account that signed in, when the provider said. */
  account?: string;
  /** failed: what went wrong and how to fix it, in the requested language. */
  problem?: { code: string; title: string; explanation: string; fix: string };
  /** failed: the provider's own words. */
  detail?: string;
}

/**
 * `GET /v1/oauth/providers`: whether the relay has its own app registration for delegated sign-in
 * (OWNPOST_MS_CLIENT_ID, OWNPOST_GOOGLE_CLIENT_ID). Without one, a sender must name its own client.
 */
export interface OAuthProvidersView {
  microsoft: { relayApp: boolean };
  google: { relayApp: boolean };
}
