/**
 * One guess of discovery: does `host` run a mail submission server on `port` with `security`, reachable
 * with a certificate that is valid for `host`? The host is resolved once and the connection pinned to
 * that address (no DNS rebinding between the check and the connection); private addresses are refused
 * unless the relay allows private hosts. A STARTTLS candidate that does not offer STARTTLS fails, as does
 * a certificate for another name (as in Thunderbird's guessing).
 */
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { PrivateHostError } from '../net/host-policy';
import { pinOutbound } from '../net/outbound';
import { PortNotAllowedError, type PortRange } from '../net/port-policy';
import type { HostResolver } from '../net/resolve-host';
import { tlsOptionsFor } from '../profiles/server-options';

export interface ProbeTarget {
  host: string;
  port: number;
  security: 'tls' | 'starttls';
}

export interface ProbeResult extends ProbeTarget {
  ok: boolean;
  ms: number;
  /** Why it failed, in a few words; or what it offered. Never the server's full banner. */
  detail?: string;
  /** SASL mechanisms offered after TLS (PLAIN, LOGIN, XOAUTH2, ...). */
  authMechanisms?: string[];
}

export interface ProbeOptions {
  resolveHost: HostResolver;
  allowPrivateHosts: boolean;
  /** Ports an admin allowed beside the standard mail ports (OWNPOST_ALLOWED_PORTS). @default [] */
  extraPorts?: readonly PortRange[];
  extraCa: readonly string[];
  /** For the connection, the greeting and each reply. */
  timeoutMs: number;
  signal?: AbortSignal;
}

/** A short, stable explanation of a failed probe (shown to the user in the list of what was tried). */
function describeFailure(error: unknown): string {
  const e = error as { code?: string; message?: string; reason?: string };
  const message = e?.message ?? String(error);
  if (error instanceof PrivateHostError) return 'on a private network, which this relay does not connect to';
  if (error instanceof PortNotAllowedError) return 'not a mail port this relay connects to';
  if (/ENOTFOUND|ENODATA|NXDOMAIN/.test(`${e.code} ${message}`)) return 'no such host';
  if (/ECONNREFUSED/.test(message)) return 'connection refused';
  if (/certificate|altnames|self[- ]signed|issuer/i.test(message)) return `certificate not valid for this name (${message.split('\n')[0]})`;
  if (/STARTTLS/i.test(message)) return 'STARTTLS not offered';
  if (/wrong version number|ssl3_get_record|packet length/i.test(message)) return 'no TLS on this port';
  if (e.code === 'ETIMEDOUT' || /timeout|timed out/i.test(message)) return 'no answer in time';
  return message.split('\n')[0]!.slice(0, 200);
}

export async function probeSmtp(target: ProbeTarget, options: ProbeOptions): Promise<ProbeResult> {
  const started = Date.now();
  const finish = (ok: boolean, extra: { detail?: string; authMechanisms?: string[] } = {}): ProbeResult => ({
    ...target,
    ok,
    ms: Date.now() - started,
    ...extra,
  });
  let pinned;
  try {
    // The same gate as delivery (relay/net/outbound.ts): port, every address, resolved once.
    pinned = await pinOutbound(
      { resolveHost: options.resolveHost, allowPrivateHosts: options.allowPrivateHosts, extraPorts: options.extraPorts ?? [] },
      { host: target.host, port: target.port, service: 'smtp' },
    );
  } catch (error) {
    return finish(false, { detail: describeFailure(error) });
  }
  if (options.signal?.aborted) return finish(false, { detail: 'not needed' });

  const connection = new SMTPConnection({
    host: pinned.address,
    port: target.port,
    secure: target.security === 'tls',
    requireTLS: target.security === 'starttls',
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
    // The certificate must be valid for the name we guessed, whatever address it resolved to.
    tls: tlsOptionsFor({ host: target.host, minTlsVersion: 'TLSv1.2', ciphers: 'default' }, { extraCa: options.extraCa }, target.host),
    logger: false,
  });
  return new Promise<ProbeResult>((resolve) => {
    let settled = false;
    const settle = (result: ProbeResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(hardStop);
      options.signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    // nodemailer's timeouts apply per step; this bounds the whole probe, so that a server answering
    // every few seconds cannot hold discovery open.
    const hardStop = setTimeout(() => {
      connection.close();
      settle(finish(false, { detail: 'no answer in time' }));
    }, options.timeoutMs * 2);
    const onAbort = () => {
      connection.close();
      settle(finish(false, { detail: 'not needed' }));
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    connection.once('error', (error: unknown) => settle(finish(false, { detail: describeFailure(error) })));
    connection.connect((error) => {
      if (error) return settle(finish(false, { detail: describeFailure(error) }));
      if (!connection.secure) {
        connection.close();
        return settle(finish(false, { detail: 'no TLS' }));
      }
      const mechanisms = (connection as unknown as { _supportedAuth?: string[] })._supportedAuth ?? [];
      connection.quit();
      settle(finish(true, { ...(mechanisms.length ? { authMechanisms: [...mechanisms] } : {}) }));
    });
  });
}
