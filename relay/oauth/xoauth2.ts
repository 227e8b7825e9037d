/**
 * SMTP sign-in for OAuth2 profiles: SASL XOAUTH2 (Google's and Microsoft's mechanism) with a token
 * from `SmtpAuthResolver`, as a nodemailer custom authentication handler.
 *
 * Why a custom handler rather than nodemailer's `auth: {type: 'OAuth2', accessToken}`: the token is
 * fetched when a connection signs in, not when the transport is made, so pooled connections (which
 * live longer than a token) and per-message transports both get a fresh one; and a token the server
 * refuses is forgotten in the shared cache and replaced once. With nodemailer's own handling,
 * Exchange's direct `535 5.7.3` leaves the refused token cached (it renews only after a `334`
 * challenge), and a token issued before an admin granted SMTP.SendAsApp would keep failing for an
 * hour after the fix.
 */
import type { SMTPConnectionCustomAuthContext, SMTPConnectionCustomAuthResponse } from 'nodemailer/lib/smtp-connection';
import type { OpenedProfile } from '../profiles/profile-record';
import type { AccessToken, SmtpAuthResolver } from './access-tokens';
import { OAuthError } from './oauth-error';

/**
 * The name nodemailer knows the handler by. Not "XOAUTH2": for that name nodemailer ignores the
 * method it was given and signs in with the server's first advertised mechanism (LOGIN at Exchange and
 * Gmail) when no built-in OAuth2 object is set. The command sent is `AUTH XOAUTH2` all the same.
 */
export const XOAUTH2_HANDLER = 'OWNPOST-XOAUTH2';

/**
 * The initial client response of SASL XOAUTH2, base64 of `user=<mailbox>^Aauth=Bearer <token>^A^A`
 * (Google's and Microsoft's XOAUTH2 documentation). The mailbox is single-line by validation (zHeaderText), so it cannot add fields.
 */
export function xoauth2InitialResponse(user: string, accessToken: string): string {
  return Buffer.from(`user=${user}\x01auth=Bearer ${accessToken}\x01\x01`, 'utf8').toString('base64');
}

/**
 * One XOAUTH2 exchange. A refusal comes either at once (Exchange: `535 5.7.3`) or as a `334` with a
 * JSON error, to be answered with an empty line before the final `535` (Gmail, RFC 7628 §3.2.3).
 */
async function offerToken(ctx: SMTPConnectionCustomAuthContext, user: string, token: AccessToken): Promise<SMTPConnectionCustomAuthResponse> {
  let reply = await ctx.sendCommand(`AUTH XOAUTH2 ${xoauth2InitialResponse(user, token.accessToken)}`);
  if (reply.status === 334) reply = await ctx.sendCommand('');
  return reply;
}

function xoauth2Handler(profile: OpenedProfile, resolver: SmtpAuthResolver | undefined) {
  return async function signInWithXoauth2(ctx: SMTPConnectionCustomAuthContext): Promise<void> {
    if (!resolver) {
      throw new OAuthError('This part of the relay was started without an OAuth2 token source', { code: 'oauth_token_failed' });
    }
    const user = profile.data.auth.username;
    let token = await resolver.accessToken(profile);
    if ((await offerToken(ctx, user, token)).status === 235) return;
    // A refused token is never offered again, by any instance: it may predate a permission the admin
    // has granted since (Exchange writes the app's roles into the token), or have been revoked.
    await resolver.forgetAccessToken(profile.id, token);
    if (token.fromCache) {
      token = await resolver.accessToken(profile, { renew: true });
      if ((await offerToken(ctx, user, token)).status === 235) return;
      await resolver.forgetAccessToken(profile.id, token);
    }
    // nodemailer turns this into EAUTH with the server's last reply and the command, which the
    // diagnosis classifies (Exchange's 535 5.7.3 after XOAUTH2: ms_oauth_token_rejected).
    throw new Error('Invalid login');
  };
}

/**
 * The nodemailer options that make a transport sign in as the profile: a password, XOAUTH2, or
 * nothing. `resolver` supplies OAuth2 tokens; without one an OAuth2 profile fails at sign-in with
 * a clear error instead of sending unauthenticated.
 */
export function smtpAuthOptions(profile: OpenedProfile, resolver: SmtpAuthResolver | undefined) {
  const { auth } = profile.data;
  if (auth.type === 'password') {
    return profile.password !== undefined ? { auth: { user: auth.username, pass: profile.password } } : {};
  }
  return {
    auth: { type: 'custom' as const, method: XOAUTH2_HANDLER, user: auth.username },
    customAuth: { [XOAUTH2_HANDLER]: xoauth2Handler(profile, resolver) },
    // Without this nodemailer would send unauthenticated when a server does not advertise AUTH
    // (the mail would then bounce with 530 5.7.57 at best).
    forceAuth: true,
  };
}
