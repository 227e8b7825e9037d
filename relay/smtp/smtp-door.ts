/**
 * The SMTP front door (issue 19): a submission server (RFC 6409) for apps with "own SMTP server"
 * settings. An app signs in with the user's e-mail address and an app password, after TLS; what it
 * submits goes through the same accept path as `POST /v1/messages` (relay/delivery/accept-send.ts)
 * and is answered 250 only once it is committed to the outbox. Nothing is relayed without AUTH:
 * this is never an open relay.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress, type SMTPServerAuthentication, type SMTPServerDataStream, type SMTPServerOptions, type SMTPServerSession } from 'smtp-server';
import { parseAddress } from '../../shared/address';
import { AppPasswordVerifier } from '../auth/app-passwords';
import { acceptSend, type AcceptSendDeps } from '../delivery/accept-send';
import { DEFAULT_MAX_MESSAGE_BYTES, effectiveDeliveryLimits } from '../delivery/delivery-settings';
import type { LimiterStore } from '../limits/limiter-store';
import { parseProfileData } from '../profiles/profile-record';
import { resolveProfileForFrom } from '../profiles/resolve-profile-for-from';
import { DoorConnections } from './door-connections';
import { SmtpAuthLimits } from './smtp-auth-limits';
import { isLoopbackHost, type SmtpDoorConfig } from './smtp-door-config';
import { smtpError, smtpReplyFor } from './smtp-replies';
import { readTlsPair, watchTlsPair, type TlsPair } from './tls-files';

export interface SmtpDoorDeps extends AcceptSendDeps {
  config: SmtpDoorConfig;
  limiterStore: LimiterStore;
  log: (line: string) => void;
}

/** Who signed in on a connection (smtp-server keeps it as `session.user`). */
interface DoorUser {
  userId: string;
  email: string;
  appPasswordId: string;
  appPasswordName: string;
}

/** Recipients of one message: more is a mailing, not an invoice (the API takes 100 with To and Cc). */
export const MAX_RECIPIENTS = 100;

/** How long the announced SIZE is reused before the profiles' limits are read again. */
const SIZE_REFRESH_MS = 5_000;

/**
 * A refused username as the log may show it: an e-mail address, or not at all. An app whose username
 * and password fields are swapped sends its password as the username, and a refused sign-in was
 * logged with it word for word: an app password (or a mailbox password) in the relay's log.
 */
function usernameForLog(username: string): string {
  const parsed = parseAddress(username.slice(0, 320));
  return parsed.ok ? `"${parsed.value.address}"` : 'a username that is no e-mail address (not shown: it may be a password typed into the wrong field)';
}

export interface SmtpDoorAddresses {
  /** STARTTLS listener (OWNPOST_SMTP_PORT). */
  starttls?: { host: string; port: number };
  /** Implicit-TLS listener (OWNPOST_SMTPS_PORT). */
  tls?: { host: string; port: number };
}

export class SmtpDoor {
  private readonly servers: { server: SMTPServer; kind: 'starttls' | 'tls' }[] = [];
  private readonly verifier: AppPasswordVerifier;
  private readonly authLimits: SmtpAuthLimits;
  /** Connections per client address and the deadline to sign in (./door-connections.ts). */
  private readonly connections: DoorConnections;
  private stopWatching: (() => void) | undefined;
  /** SIZE announced in EHLO: the largest limit among the relay's profiles (see refreshSize). */
  private announcedSize = 0;
  private sizeReadAt = 0;
  addresses: SmtpDoorAddresses = {};

  constructor(private readonly deps: SmtpDoorDeps) {
    this.verifier = new AppPasswordVerifier(deps.store);
    this.authLimits = new SmtpAuthLimits(deps.limiterStore, deps.config.authFailureWait);
    this.connections = new DoorConnections(deps.config, deps.log);
  }

  async listen(): Promise<SmtpDoorAddresses> {
    const { config, log } = this.deps;
    const pair = config.certFile && config.keyFile ? readTlsPair(config.certFile, config.keyFile) : undefined;
    await this.refreshSize(true);
    if (config.port !== undefined) this.servers.push({ server: this.createServer(false, pair), kind: 'starttls' });
    if (config.tlsPort !== undefined) this.servers.push({ server: this.createServer(true, pair), kind: 'tls' });
    for (const entry of this.servers) {
      const port = entry.kind === 'tls' ? config.tlsPort! : config.port!;
      await new Promise<void>((resolve, reject) => {
        entry.server.server.once('error', reject);
        entry.server.listen(port, config.host, () => {
          entry.server.server.off('error', reject);
          resolve();
        });
      });
      const address = entry.server.server.address() as AddressInfo;
      this.addresses[entry.kind] = { host: config.host, port: address.port };
      log(`SMTP submission listening on ${config.host}:${address.port} (${entry.kind === 'tls' ? 'implicit TLS' : pair ? 'STARTTLS' : 'plain text, loopback only'})`);
    }
    if (pair && config.certFile && config.keyFile) {
      this.stopWatching = watchTlsPair(
        { certFile: config.certFile, keyFile: config.keyFile },
        pair,
        config.tlsCheckMs,
        (next) => {
          for (const { server } of this.servers) server.updateSecureContext({ cert: next.cert, key: next.key });
        },
        log,
      );
    }
    return this.addresses;
  }

  /** Stops taking connections; sessions in the middle of a message get a moment, then are closed (421). */
  async close(): Promise<void> {
    this.stopWatching?.();
    await Promise.all(this.servers.map(({ server }) => new Promise<void>((resolve) => server.close(() => resolve()))));
    this.servers.length = 0;
  }

  private createServer(secure: boolean, pair: TlsPair | undefined): SMTPServer {
    const { config } = this.deps;
    const options: SMTPServerOptions = {
      secure,
      ...(pair ? { cert: pair.cert, key: pair.key } : { hideSTARTTLS: true }),
      banner: 'Ownpost SMTP submission',
      authMethods: ['PLAIN', 'LOGIN'],
      authOptional: false,
      // smtp-server answers AUTH before TLS with 538; plain text only where configured (loopback,
      // smtp-door-config.ts), and onAuth checks the client's address once more.
      allowInsecureAuth: config.allowPlaintext,
      size: this.announcedSize,
      disableReverseLookup: true,
      logger: false,
      maxClients: 200,
      socketTimeout: 5 * 60_000,
      closeTimeout: 5_000,
      onConnect: (session, callback) => {
        const refusal = this.connections.refusalFor(session);
        if (refusal) return callback(refusal);
        void this.refreshSize(false).finally(() => callback());
      },
      onAuth: (auth, session, callback) => {
        this.authenticate(auth, session).then(
          (user) => {
            this.connections.signedIn(session);
            callback(null, { user });
          },
          (error: Error) => callback(error),
        );
      },
      onMailFrom: (address, session, callback) => {
        this.checkMailFrom(address, session).then(
          () => callback(),
          (error: Error) => callback(error),
        );
      },
      onRcptTo: (address, session, callback) => {
        const parsed = parseAddress(address.address);
        if (!parsed.ok) return callback(smtpError(553, `5.1.3 ${parsed.message}`));
        if (session.envelope.rcptTo.length >= MAX_RECIPIENTS) return callback(smtpError(452, `4.5.3 At most ${MAX_RECIPIENTS} recipients per message.`));
        return callback();
      },
      onData: (stream, session, callback) => this.receive(stream, session, callback),
    };
    const server = new SMTPServer(options);
    this.connections.watch(server);
    // A client that drops its connection is reported as an 'error': never a crash of the relay.
    server.on('error', (error: Error) => this.deps.log(`SMTP: ${error.message}`));
    return server;
  }

  /**
   * SIZE is announced in EHLO, before AUTH, when the user and their profile are not known yet: it
   * is the largest limit of this relay's profiles (on a relay with one mailbox, its limit). The
   * profile's own limit is checked at MAIL FROM (its SIZE=) and once the message is in (552).
   */
  private async refreshSize(force: boolean): Promise<void> {
    const now = Date.now();
    if (!force && now - this.sizeReadAt < SIZE_REFRESH_MS) return;
    this.sizeReadAt = now;
    try {
      const rows = await this.deps.store.listAllProfiles();
      let largest = 0;
      for (const row of rows) {
        const limits = effectiveDeliveryLimits(parseProfileData(row), await this.deps.store.getDeliverySettings(row.id));
        largest = Math.max(largest, limits.maxMessageBytes);
      }
      this.announcedSize = largest || DEFAULT_MAX_MESSAGE_BYTES;
    } catch {
      // The store did not answer: keep the last size; the message itself will get 451.
    }
    for (const { server } of this.servers) server.options.size = this.announcedSize;
  }

  private async authenticate(auth: SMTPServerAuthentication, session: SMTPServerSession): Promise<DoorUser> {
    const { config, log } = this.deps;
    if (!session.secure && !(config.allowPlaintext && isLoopbackHost(session.remoteAddress))) {
      throw smtpError(538, '5.7.11 Encryption required: use STARTTLS (port 587) or implicit TLS (port 465) before AUTH.');
    }
    const username = auth.username ?? '';
    const password = auth.password ?? '';
    const wait = await this.authLimits.waitBeforeAttempt(session.remoteAddress, username);
    if (wait > 0) {
      throw smtpError(454, `4.7.0 Too many failed sign-ins; try again in ${Math.ceil(wait / 1000)} seconds.`);
    }
    const found = await this.verifier.verify(username, password);
    if (!found) {
      await this.authLimits.record(session.remoteAddress, username, 'refused');
      log(`SMTP: refused sign-in for ${usernameForLog(username)} from ${session.remoteAddress}`);
      throw smtpError(535, '5.7.8 Username and app password not accepted. The username is your e-mail address; create an app password in the Ownpost options page.');
    }
    await this.authLimits.record(session.remoteAddress, username, 'accepted');
    return { userId: found.user.id, email: found.user.email, appPasswordId: found.appPassword.id, appPasswordName: found.appPassword.name };
  }

  /**
   * An early answer on the envelope sender, so that the app shows the refusal where it belongs: one
   * of the user's profiles must send as it, and a SIZE= over that profile's limit is refused now.
   * The message is checked in full (every From, the same rules) when it is in.
   */
  private async checkMailFrom(address: SMTPServerAddress, session: SMTPServerSession): Promise<void> {
    const door = session.user as unknown as DoorUser | undefined;
    if (!door) throw smtpError(530, '5.7.0 Authentication required.');
    try {
      const user = await this.deps.store.getUserById(door.userId);
      if (!user) throw smtpError(535, '5.7.8 This user no longer exists on the relay.');
      if (!address.address) throw smtpError(550, '5.7.1 Refused by the rule envelope_sender_required: a message needs a sender address in MAIL FROM.');
      const chosen = await resolveProfileForFrom(this.deps.store, user, address.address, {});
      const declared = Number((address.args || {}).SIZE ?? 0);
      if (declared > 0) {
        const limits = effectiveDeliveryLimits(chosen.data, await this.deps.store.getDeliverySettings(chosen.row.id));
        if (declared > limits.maxMessageBytes) {
          throw smtpError(552, `5.3.4 This message is ${declared} bytes, but the sender's mailbox accepts at most ${limits.maxMessageBytes}.`);
        }
      }
    } catch (error) {
      if ((error as { responseCode?: number }).responseCode) throw error;
      throw smtpReplyFor(error);
    }
  }

  private receive(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error | null, message?: string) => void): void {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => {
      if (!stream.sizeExceeded) chunks.push(chunk);
    });
    stream.on('end', () => {
      // Over the announced SIZE: smtp-server answers 552 itself.
      if (stream.sizeExceeded) return callback(null);
      this.accept(Buffer.concat(chunks), session).then(
        (reply) => callback(null, reply),
        (error: Error) => callback(error),
      );
    });
  }

  private async accept(raw: Buffer, session: SMTPServerSession): Promise<string> {
    const door = session.user as unknown as DoorUser;
    const { store, log } = this.deps;
    try {
      const user = await store.getUserById(door.userId);
      // Revoked while the app was connected: nothing more from it.
      const stillValid = user && (await store.listAppPasswords(user.id)).some((row) => row.id === door.appPasswordId);
      if (!user || !stillValid) throw smtpError(535, '5.7.8 This app password was revoked.');
      const mailFrom = session.envelope.mailFrom;
      const accepted = await acceptSend(this.deps, {
        kind: 'submitted',
        user,
        message: {
          raw,
          envelopeFrom: mailFrom ? mailFrom.address : '',
          recipients: session.envelope.rcptTo.map((r) => (parseAddress(r.address) as { ok: true; value: { address: string } }).value.address),
          app: {
            name: door.appPasswordName,
            appPasswordId: door.appPasswordId,
            ...(session.hostNameAppearsAs ? { ehlo: session.hostNameAppearsAs.slice(0, 255) } : {}),
          },
        },
      });
      const id = accepted.messages[0]!.id;
      log(`SMTP: message ${id} ${accepted.replayed ? 'was already queued (same Message-ID)' : 'queued'} from "${door.appPasswordName}"`);
      return `2.0.0 Ok: queued as ${id}`;
    } catch (error) {
      if ((error as { responseCode?: number }).responseCode) throw error;
      const reply = smtpReplyFor(error);
      log(`SMTP: message from "${door.appPasswordName}" refused: ${reply.responseCode} ${reply.message}`);
      throw reply;
    }
  }
}
