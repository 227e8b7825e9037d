/**
 * The test of a profile's Sent-folder copy (issue 21 item 9): before IMAP settings are saved, the relay
 * connects the way the copy will (relay/imap/sent-folder.ts), signs in and finds the folder, and reports
 * it like the sender test: the same stages (dns, connect, tls, auth, then `folder`), the same problem
 * catalogue and the same stage texts, in the user's language.
 */
import { TLSSocket } from 'node:tls';
import type { ImapFlow } from 'imapflow';
import type { DiagnosisResult, DiagnosisStage, DiagnosisStageName } from '../../shared/diagnosis-schemas';
import { getProblem, type Language, type ProblemCode } from '../diagnosis/catalogue';
import { classifySmtpFailure } from '../diagnosis/classify';
import { stageTexts } from '../diagnosis/stage-texts';
import type { OpenedSaveToSent } from './sent-folder';
import { pinOutbound, type OutboundDestination } from '../net/outbound';
import { tlsDetailsOf } from '../net/tls-details';
import { findSentFolder, imapClient, imapDeadline, type SentCopyOptions } from './sent-folder';
import { redactSecretsDeep, secretForms } from '../secrets/redact-secrets';

export interface SentFolderTestOutcome {
  result: DiagnosisResult;
  /** How the sign-in went, for the limits on repeated refusals (relay/limits/sender-test-limits.ts). */
  signIn?: 'accepted' | 'refused';
}

/** The stages a connection passes before the sign-in, in order. */
const CONNECTION_STAGES: DiagnosisStageName[] = ['connect', 'tls', 'auth'];

function readable(error: unknown): string {
  const e = (error ?? {}) as { responseText?: unknown; message?: unknown; code?: unknown };
  const text = typeof e.responseText === 'string' && e.responseText ? e.responseText : typeof e.message === 'string' ? e.message : String(error);
  return typeof e.code === 'string' && !text.includes(e.code) ? `${text} (${e.code})` : text;
}

/** What the TLS handshake settled on, when the client's socket is a TLS one. */
function tlsOf(client: ImapFlow): DiagnosisStage['tls'] | undefined {
  const socket = (client as unknown as { socket?: unknown }).socket;
  if (!(socket instanceof TLSSocket)) return undefined;
  return tlsDetailsOf(socket);
}

/**
 * Runs the test. A destination the relay refuses (a private host, a port that is not IMAP's) is thrown
 * as it is, like the sender test does, for the caller to turn into its refusal.
 */
export async function testSentFolder(settings: OpenedSaveToSent, options: SentCopyOptions & { lang: Language }): Promise<SentFolderTestOutcome> {
  const say = stageTexts(options.lang);
  const where = `${settings.host}:${settings.port}`;
  const stages: DiagnosisStage[] = [];
  const since = (started: number) => Math.round(performance.now() - started);
  // A server that echoes the LOGIN line puts the password into its reply (relay/secrets/redact-secrets.ts).
  const forms = secretForms({ username: settings.username, password: settings.password });
  const finish = (problem?: ProblemCode, signIn?: 'accepted' | 'refused'): SentFolderTestOutcome => ({
    result: redactSecretsDeep({ ok: !problem, stages, ...(problem ? { problem: getProblem(problem, options.lang) } : {}), testedAt: new Date().toISOString(), language: options.lang }, forms),
    ...(signIn ? { signIn } : {}),
  });

  // ------------------------------------------------------------------------------------ dns
  let started = performance.now();
  let destination: OutboundDestination;
  try {
    destination = await pinOutbound(options.outbound, { host: settings.host, port: settings.port, service: 'imap' });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'destination_not_allowed') throw error;
    const classified = classifySmtpFailure(error, { stage: 'dns' });
    stages.push({ stage: 'dns', ok: false, ms: since(started), detail: `${say.lookupFailed(settings.host)}: ${readable(error)}` });
    return finish(classified.code);
  }
  stages.push({ stage: 'dns', ok: true, ms: since(started), detail: say.address(destination.host, destination.address), addresses: [destination.address] });

  // ---------------------------------------------------------------- connect, tls, auth (one connect() in imapflow)
  started = performance.now();
  const client = imapClient(settings, destination, options);
  client.on('error', () => {});
  // One step limit each for connecting, the sign-in, the folder and logging out, however busy the
  // connection: a server trickling untagged lines would otherwise keep the request waiting for ever.
  const deadline = imapDeadline(client, 4 * (options.timeoutMs ?? 60_000));
  try {
    await client.connect();
  } catch (caught) {
    deadline.clear();
    const error = deadline.failure(caught);
    const refused = (error as { authenticationFailed?: unknown }).authenticationFailed === true;
    const classified = refused ? { code: 'auth_failed' as const, stage: 'auth' as const } : classifySmtpFailure(error);
    const failedAt: DiagnosisStageName = CONNECTION_STAGES.includes(classified.stage) ? classified.stage : 'connect';
    // The stages before the one that failed were passed on the way to it.
    for (const stage of CONNECTION_STAGES.slice(0, CONNECTION_STAGES.indexOf(failedAt))) {
      if (stage === 'connect') stages.push({ stage, ok: true, ms: 0, detail: say.connected(where) });
      else if (stage === 'tls')
        stages.push(settings.security === 'none' ? { stage, ok: true, skipped: true, ms: 0, detail: say.tlsNotUsed } : { stage, ok: true, ms: 0, detail: say.implicitTls('TLS') });
    }
    const what = { connect: say.connectFailed(where), tls: say.handshakeFailed, auth: say.signInFailed(settings.username) }[failedAt as 'connect' | 'tls' | 'auth'];
    stages.push({ stage: failedAt, ok: false, ms: since(started), detail: `${what}: ${readable(error)}` });
    return finish(classified.code, refused ? 'refused' : undefined);
  }
  try {
    const ms = since(started);
    stages.push({ stage: 'connect', ok: true, ms, detail: say.connected(where) });
    const tls = tlsOf(client);
    if (settings.security === 'none') stages.push({ stage: 'tls', ok: true, skipped: true, ms: 0, detail: say.tlsNotUsed });
    else {
      const description = tls ? `${tls.protocol} ${tls.cipher}`.trim() : 'TLS';
      stages.push({ stage: 'tls', ok: true, ms: 0, detail: settings.security === 'tls' ? say.implicitTls(description) : say.upgraded(description), ...(tls ? { tls } : {}) });
    }
    stages.push({ stage: 'auth', ok: true, ms: 0, detail: say.signedIn(settings.username, 'IMAP LOGIN') });

    // ---------------------------------------------------------------------------------- folder
    started = performance.now();
    const folder = await findSentFolder(client, settings.folder);
    try {
      await client.status(folder, { messages: true });
    } catch (error) {
      // Closed by the deadline: a timeout (below), not a missing folder.
      if (deadline.failure(error) !== error) throw error;
      stages.push({ stage: 'folder', ok: false, ms: since(started), detail: `${say.folderMissing(folder)}: ${readable(error)}` });
      // The test's own finding, named by its catalogue code as the sender test names its own.
      return finish(classifySmtpFailure({ code: 'sent_folder_missing', message: readable(error), stage: 'folder' }).code, 'accepted');
    }
    stages.push({ stage: 'folder', ok: true, ms: since(started), detail: say.folderFound(folder) });
    return finish(undefined, 'accepted');
  } catch (caught) {
    // The connection dropped after the sign-in (listing the folders failed), or the deadline closed it.
    const error = deadline.failure(caught);
    stages.push({ stage: 'folder', ok: false, ms: since(started), detail: readable(error) });
    return finish(classifySmtpFailure(error).code, 'accepted');
  } finally {
    await client.logout().catch(() => client.close());
    deadline.clear();
  }
}
