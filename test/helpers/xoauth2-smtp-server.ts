/**
 * An SMTP server (smtp-server, STARTTLS, the test CA's certificate) that accepts only XOAUTH2 and
 * judges each token with the local OAuth server, like Exchange Online or Gmail would:
 * - the exact XOAUTH2 string, read from the decrypted socket: `user=<mailbox>^Aauth=Bearer <token>^A^A`;
 * - the token: issued by the token server, not expired or revoked, with the right role or scope for
 *   that mailbox.
 * `style: 'microsoft'` refuses like Exchange (`535 5.7.3 Authentication unsuccessful` at once) and
 * advertises `AUTH LOGIN XOAUTH2`; `style: 'google'` like Gmail (a `334` with a JSON error, then
 * `535-5.7.8`) and advertises `AUTH LOGIN PLAIN XOAUTH2`. Password logins are refused.
 */
import type { SMTPServerAuthentication, SMTPServerSession } from 'smtp-server';
import type { OAuthTokenServer } from './oauth-token-server';
import { startSmtpServer, type TestSmtpServer } from './smtp-server';

export interface XOAuth2Attempt {
  user: string;
  accessToken: string;
  ok: boolean;
  /** Why the token was refused. */
  reason?: string;
  /** The decoded initial response as it crossed the wire. */
  raw?: string;
}

export interface XOAuth2SmtpServer extends TestSmtpServer {
  attempts: XOAuth2Attempt[];
  /** Password logins someone tried (there should be none). */
  passwordAttempts: string[];
}

// eslint-disable-next-line no-control-regex -- XOAUTH2 separates its fields with \x01
const XOAUTH2_STRING = /^user=([^\x01]+)\x01auth=Bearer ([^\x01\s]+)\x01\x01$/;

export async function startXOAuth2SmtpServer(tokens: OAuthTokenServer, options: { style: 'microsoft' | 'google' }): Promise<XOAuth2SmtpServer> {
  const attempts: XOAuth2Attempt[] = [];
  const passwordAttempts: string[] = [];
  /** Decoded `AUTH XOAUTH2` arguments seen on each session's TLS socket, oldest first. */
  const rawBySession = new Map<string, string[]>();

  const server = await startSmtpServer({
    server: {
      authMethods: options.style === 'microsoft' ? ['LOGIN', 'XOAUTH2'] : ['LOGIN', 'PLAIN', 'XOAUTH2'],
      authOptional: false,
      disabledCommands: [],
      // After STARTTLS: watch the decrypted stream for the XOAUTH2 initial response.
      onSecure(socket, session, callback) {
        let buffered = '';
        socket.on('data', (chunk: Buffer) => {
          buffered += chunk.toString('latin1');
          let end: number;
          while ((end = buffered.indexOf('\r\n')) >= 0) {
            const line = buffered.slice(0, end);
            buffered = buffered.slice(end + 2);
            const match = /^AUTH XOAUTH2 (\S+)$/i.exec(line);
            if (match) {
              const list = rawBySession.get(session.id) ?? [];
              list.push(Buffer.from(match[1]!, 'base64').toString('utf8'));
              rawBySession.set(session.id, list);
            }
          }
        });
        callback();
      },
      onAuth(auth: SMTPServerAuthentication, session: SMTPServerSession, callback) {
        if (auth.method !== 'XOAUTH2') {
          passwordAttempts.push(`${auth.method} ${auth.username}`);
          return callback(Object.assign(new Error('5.7.139 Authentication unsuccessful, basic authentication is disabled.'), { responseCode: 535 }));
        }
        // The socket's data listener runs in the same turn that fed the parser; wait one more.
        setImmediate(() => {
          const raw = rawBySession.get(session.id)?.at(-1);
          const wire = raw ? XOAUTH2_STRING.exec(raw) : null;
          const user = auth.username ?? '';
          const accessToken = auth.accessToken ?? '';
          let reason: string | undefined;
          if (!wire || wire[1] !== user || wire[2] !== accessToken) reason = `malformed XOAUTH2 string ${JSON.stringify(raw)}`;
          else {
            const verdict = tokens.validateAccessToken(accessToken, user);
            if (!verdict.ok) reason = verdict.reason;
          }
          attempts.push({ user, accessToken, ok: !reason, ...(reason ? { reason } : {}), ...(raw ? { raw } : {}) });
          if (!reason) return callback(null, { user });
          if (options.style === 'microsoft') {
            return callback(Object.assign(new Error('5.7.3 Authentication unsuccessful [TEST0000.prod.outlook.com]'), { responseCode: 535 }));
          }
          // Gmail: a 334 challenge with the error as JSON; smtp-server then answers the empty line with 535.
          return callback(null, { data: { status: '400', schemes: 'Bearer', scope: 'https://mail.google.com/' } } as never);
        });
      },
    },
  });
  return Object.assign(server, { attempts, passwordAttempts });
}
