/**
 * Delegated OAuth2 sign-in for a sender profile (issue 8; the flow is described in
 * shared/oauth-schemas.ts). App-only profiles need none of this: they sign in with their client secret.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { operation } from '../api/operation';
import { RELAY_CONTRACT } from '../../shared/api/relay-contract';
import { serve } from '../api/serve';
import type { Context } from 'hono';
import type { z } from 'zod';
import { zOAuthSignInComplete, zOAuthSignInStart, type OAuthProvidersView, type OAuthSignInView } from '../../shared/oauth-schemas';
import { getProblem, isProblemCode, type Language } from '../diagnosis/catalogue';
import { ApiError } from '../http/api-error';
import type { AuthEnv } from '../http/authenticate';
import { preferredLanguage } from '../http/language';
import { readJsonBody } from '../http/read-body';
import type { OAuthContext } from '../oauth/access-tokens';
import { checkSignIn, completeSignIn, signInDetails, signOut, startSignIn } from '../oauth/sign-in';
import { canManageProfile, canUseProfile } from '../profiles/resolve-profile';
import type { OAuthSignInRow, UserRow } from '../store/types';

export type OAuthRouteDeps = OAuthContext;

function toSignInView(signIn: OAuthSignInRow, lang: Language, authorizationUrl?: string): OAuthSignInView {
  const { device, result } = signInDetails(signIn);
  return {
    id: signIn.id,
    profileId: signIn.profileId,
    provider: signIn.provider,
    flow: signIn.flow,
    status: signIn.status,
    expiresAt: new Date(signIn.expiresAt).toISOString(),
    ...(authorizationUrl ? { authorizationUrl } : {}),
    ...(device && signIn.status === 'pending' ? { ...device, ...(signIn.pollIntervalMs ? { pollIntervalSeconds: Math.ceil(signIn.pollIntervalMs / 1000) } : {}) } : {}),
    ...(result?.account ? { account: result.account } : {}),
    ...(signIn.problemCode && isProblemCode(signIn.problemCode) ? { problem: getProblem(signIn.problemCode, lang) } : {}),
    ...(result?.detail && signIn.status !== 'signed_in' ? { detail: result.detail } : {}),
  };
}

/** A body that may be empty (`POST …/sign-in` for Microsoft needs none). */
async function readOptionalJsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  if ((await c.req.text()).trim() === '') return schema.parse({});
  return (await readJsonBody(c, schema)).value;
}

const providers = operation(RELAY_CONTRACT.oauthProviders, {
  tag: 'oauth',
  summary: 'For which providers the relay has its own app registration for delegated sign-in',
  answers: { 200: 'Per provider' },
  errors: [],
});

const startSignInRoute = operation(RELAY_CONTRACT.startSignIn, {
  tag: 'oauth',
  summary: "Start a delegated OAuth2 sign-in for a sender (Microsoft: device code; Google: the browser's sign-in)",
  answers: { 201: 'The sign-in: the code to type, or the URL to open' },
  errors: ['forbidden', 'not_found', 'conflict', 'oauth_not_configured'],
});

const signOutRoute = operation(RELAY_CONTRACT.signOut, {
  tag: 'oauth',
  summary: 'Sign out: the saved refresh token is removed',
  answers: { 204: 'Signed out' },
  errors: ['forbidden', 'not_found'],
});

const followSignIn = operation(RELAY_CONTRACT.followSignIn, {
  tag: 'oauth',
  summary: 'How far a sign-in got (ask every `pollIntervalSeconds` while it is pending)',
  answers: { 200: 'The sign-in' },
  errors: ['not_found', 'conflict'],
});

const completeSignInRoute = operation(RELAY_CONTRACT.completeSignIn, {
  tag: 'oauth',
  summary: 'Finish a Google sign-in with the URL the browser was redirected to',
  answers: { 200: 'The finished sign-in' },
  errors: ['not_found', 'conflict'],
});

export function oauthRoutes(ctx: OAuthRouteDeps) {
  const { store } = ctx;

  /** The profile, if this user may change it (signing in changes how it sends). */
  async function manageableProfile(user: UserRow, id: string) {
    const row = await store.getProfile(id);
    if (!row || !canUseProfile(user, row)) throw new ApiError('not_found', 'There is no sender profile with this id.');
    if (!canManageProfile(user, row)) throw new ApiError('forbidden', 'Only an admin can sign in for a company sender.');
    return row;
  }

  /** A sign-in is followed and completed only by whoever started it. */
  async function ownSignIn(user: UserRow, id: string) {
    const signIn = await store.getOAuthSignIn(id);
    if (!signIn || signIn.userId !== user.id) {
      throw new ApiError('not_found', 'There is no sign-in with this id (it may have been replaced by a newer one).');
    }
    return signIn;
  }

  const app = new OpenAPIHono<AuthEnv>();
  // Which delegated sign-ins work without a sender naming its own app registration: the options
  // page offers "Sign in with Google" only with an app to sign in to (else it asks for the client).
  serve(app, providers, (c, answer) =>
    answer(200, { microsoft: { relayApp: Boolean(ctx.config.microsoftClientId) }, google: { relayApp: Boolean(ctx.config.googleClientId) } } satisfies OAuthProvidersView),
  );
  serve(app, startSignInRoute, async (c, answer) => {
    const user = c.get('user');
    const profile = await manageableProfile(user, c.req.param('id'));
    const body = await readOptionalJsonBody(c, zOAuthSignInStart);
    const { signIn, authorizationUrl } = await startSignIn(ctx, {
      profile,
      userId: user.id,
      ...(body.redirectUri !== undefined ? { redirectUri: body.redirectUri } : {}),
    });
    return answer(201, toSignInView(signIn, preferredLanguage(c), authorizationUrl));
  });
  serve(app, signOutRoute, async (c, answer) => {
    await signOut(ctx, await manageableProfile(c.get('user'), c.req.param('id')));
    return answer(204);
  });
  serve(app, followSignIn, async (c, answer) => {
    const signIn = await ownSignIn(c.get('user'), c.req.param('signInId'));
    return answer(200, toSignInView(await checkSignIn(ctx, signIn), preferredLanguage(c)));
  });
  serve(app, completeSignInRoute, async (c, answer) => {
    const signIn = await ownSignIn(c.get('user'), c.req.param('signInId'));
    const { value } = await readJsonBody(c, zOAuthSignInComplete);
    return answer(200, toSignInView(await completeSignIn(ctx, signIn, value.redirectUrl), preferredLanguage(c)));
  });
  return app;
}
