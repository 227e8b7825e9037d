/**
 * How a sender signs in to its mailbox, as the options page offers it (issues 6 and 8): a password,
 * Microsoft's device code, Google's sign-in window, or a Microsoft 365 app registration (app-only).
 * Turns the form's fields into the relay's `auth` (shared/schemas.ts) and back.
 */
import type { z } from 'zod';
import type { OAuthProvider, ProfileAuthView, zProfileAuth } from '../../../shared/schemas';

export const SIGN_IN_METHODS = ['password', 'microsoft', 'google', 'microsoft_app'] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

/** The OAuth2 fields of the form, as typed; empty means "not given". */
export interface OAuthDraft {
  tenantId: string;
  clientId: string;
  /** Write-only: empty keeps the saved one. */
  clientSecret: string;
  /** App-only: when the client secret expires (`YYYY-MM-DD`, an `<input type="date">`'s value); empty: not known. */
  clientSecretExpiresAt: string;
}

/** A sender's `auth` as the relay takes it (a PATCH may leave the secrets out to keep the saved ones). */
export type AuthBody = z.input<typeof zProfileAuth>;

export const EMPTY_OAUTH_DRAFT: OAuthDraft = { tenantId: '', clientId: '', clientSecret: '', clientSecretExpiresAt: '' };

export const PROVIDER_NAMES: Readonly<Record<OAuthProvider, string>> = { microsoft: 'Microsoft', google: 'Google' };

/** Delegated methods: someone signs in once, in the browser, after the sender is saved. */
export function isDelegated(method: SignInMethod): method is 'microsoft' | 'google' {
  return method === 'microsoft' || method === 'google';
}

export function providerOf(method: SignInMethod): OAuthProvider | undefined {
  return method === 'google' ? 'google' : method === 'microsoft' || method === 'microsoft_app' ? 'microsoft' : undefined;
}

const MICROSOFT_PROVIDERS = new Set(['microsoft365', 'outlook']);
const GOOGLE_PROVIDERS = new Set(['gmail', 'google_workspace']);

/**
 * Which methods fit a mailbox, best first, from what discovery found (its provider, else the
 * server's name) and what the provider prefers (`oauthFirst`: Microsoft 365 and Outlook.com list
 * OAuth2 first; Gmail an app password). An unknown provider gets every method: a company's own
 * domain may well be on Microsoft 365.
 */
export function methodsFor(providerId: string | undefined, host: string, oauthFirst = false): { fitting: SignInMethod[]; recommended?: SignInMethod } {
  const server = host.trim().toLowerCase();
  const microsoft = (providerId !== undefined && MICROSOFT_PROVIDERS.has(providerId)) || /(^|\.)(office365\.com|outlook\.com)$/.test(server);
  const google = (providerId !== undefined && GOOGLE_PROVIDERS.has(providerId)) || /(^|\.)gmail\.com$/.test(server);
  if (microsoft) return oauthFirst ? { fitting: ['microsoft', 'password', 'microsoft_app'], recommended: 'microsoft' } : { fitting: ['password', 'microsoft', 'microsoft_app'] };
  if (google) return oauthFirst ? { fitting: ['google', 'password'], recommended: 'google' } : { fitting: ['password', 'google'] };
  return { fitting: [...SIGN_IN_METHODS] };
}

/** The method a saved sender uses. */
export function methodOf(auth: ProfileAuthView): SignInMethod {
  if (auth.type === 'password') return 'password';
  if (auth.flow === 'client_credentials') return 'microsoft_app';
  return auth.provider === 'google' ? 'google' : 'microsoft';
}

/** The OAuth2 fields of a saved sender, for the form (the secret is never given back). */
export function oauthDraftOf(auth: ProfileAuthView): OAuthDraft {
  if (auth.type !== 'oauth2') return EMPTY_OAUTH_DRAFT;
  return { tenantId: auth.tenantId ?? '', clientId: auth.clientId ?? '', clientSecret: '', clientSecretExpiresAt: auth.clientSecretExpiresAt ?? '' };
}

/** The `auth` a sender is saved or tested with: a password (only when one was typed), or an OAuth2 sign-in. */
export function authBody(method: SignInMethod, username: string, password: string, draft: OAuthDraft): AuthBody {
  if (method === 'password') return { type: 'password', username: username.trim(), ...(password ? { password } : {}) };
  return oauthAuthBody(method, username, draft);
}

/**
 * The relay's `auth` for an OAuth2 method. The username (XOAUTH2's `user=`) is the mailbox; empty
 * fields are left out, so the relay's defaults apply (tenant `common`, its own app registration).
 */
function oauthAuthBody(method: Exclude<SignInMethod, 'password'>, username: string, draft: OAuthDraft): AuthBody {
  const optional = (name: string, value: string) => (value.trim() ? { [name]: value.trim() } : {});
  const user = optional('username', username);
  switch (method) {
    case 'microsoft':
      return { type: 'oauth2', provider: 'microsoft', flow: 'device_code', ...optional('tenantId', draft.tenantId), ...optional('clientId', draft.clientId), ...user };
    case 'google':
      return {
        type: 'oauth2',
        provider: 'google',
        flow: 'authorization_code',
        ...optional('clientId', draft.clientId),
        ...(draft.clientSecret ? { clientSecret: draft.clientSecret } : {}),
        ...user,
      };
    case 'microsoft_app':
      // Without a typed secret the saved one is kept (a PATCH); the schema's type cannot say "optional
      // here" because the same schema requires it on create, hence the assertion.
      return {
        type: 'oauth2',
        provider: 'microsoft',
        flow: 'client_credentials',
        tenantId: draft.tenantId.trim(),
        clientId: draft.clientId.trim(),
        ...(draft.clientSecret ? { clientSecret: draft.clientSecret } : {}),
        ...optional('clientSecretExpiresAt', draft.clientSecretExpiresAt),
        ...user,
      } as AuthBody;
  }
}
