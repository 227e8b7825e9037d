/**
 * Clients of the SMTP front door (issue 19) for tests: nodemailer as an app would use it, swaks
 * (Debian package `swaks`) as an admin would, and a raw line client for what neither will send
 * (AUTH before STARTTLS).
 */
import { execFile } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import nodemailer from 'nodemailer';
import { expect } from 'vitest';
import type { TestRelay } from './test-relay';
import { certs } from './certs';

export const SERVER_CERT_FILE = path.resolve('test/fixtures/certs/server.pem');
export const SERVER_KEY_FILE = path.resolve('test/fixtures/certs/server.key');

/** Both listeners on free ports, with the test CA's certificate for 127.0.0.1. */
export function smtpDoorEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    OWNPOST_SMTP_PORT: '0',
    OWNPOST_SMTPS_PORT: '0',
    OWNPOST_SMTP_TLS_CERT: SERVER_CERT_FILE,
    OWNPOST_SMTP_TLS_KEY: SERVER_KEY_FILE,
    ...extra,
  };
}

/** Creates an app password through the API; returns the password (shown once). */
export async function createAppPassword(t: Pick<TestRelay, 'request'>, token: string, name: string): Promise<{ id: string; password: string; username: string }> {
  const res = await t.request('POST', '/v1/app-passwords', { token, body: { name } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** nodemailer as an app's "own SMTP" settings: STARTTLS required on `port`, or implicit TLS. */
export function appTransport(port: number, security: 'starttls' | 'tls', auth?: { user: string; pass: string }, extra: Record<string, unknown> = {}) {
  return nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: security === 'tls',
    requireTLS: security === 'starttls',
    ...(auth ? { auth } : {}),
    tls: { ca: [certs.ca] },
    name: 'faktura-app.test',
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 30_000,
    ...extra,
  });
}

/** Runs swaks; resolves with its exit code and everything it printed (the whole dialogue). */
export function swaks(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile('swaks', args, { timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : 1) : 0;
      resolve({ code, output: `${stdout}${stderr}` });
    });
  });
}

/** A line client speaking SMTP by hand: each `command` resolves with the server's complete reply. */
export interface RawSmtpClient {
  greeting: string;
  command(line: string): Promise<string>;
  /** Sends STARTTLS and upgrades the connection after its 220. */
  startTls(): Promise<void>;
  close(): void;
}

export async function rawSmtp(port: number, options: { implicitTls?: boolean } = {}): Promise<RawSmtpClient> {
  let socket: net.Socket = options.implicitTls ? tls.connect({ host: '127.0.0.1', port, ca: [certs.ca] }) : net.connect({ host: '127.0.0.1', port });
  let buffer = '';
  let waiting: ((reply: string) => void) | undefined;
  const onData = (data: Buffer) => {
    buffer += data.toString('utf8');
    // A complete reply ends with a line "NNN text" (no dash after the code).
    const lines = buffer.split('\r\n');
    const last = lines.findIndex((line) => /^\d{3} /.test(line) || /^\d{3}$/.test(line));
    if (last === -1 || !waiting) return;
    const reply = lines.slice(0, last + 1).join('\n');
    buffer = lines.slice(last + 1).join('\r\n');
    const wake = waiting;
    waiting = undefined;
    wake(reply);
  };
  const nextReply = () =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no SMTP reply; got so far: ${buffer}`)), 20_000);
      waiting = (reply) => {
        clearTimeout(timer);
        resolve(reply);
      };
      onData(Buffer.alloc(0));
    });
  socket.on('data', onData);
  socket.on('error', () => {});
  const greeting = await nextReply();
  return {
    greeting,
    command(line) {
      const reply = nextReply();
      socket.write(`${line}\r\n`);
      return reply;
    },
    async startTls() {
      const ready = nextReply();
      socket.write('STARTTLS\r\n');
      const reply = await ready;
      if (!reply.startsWith('220')) throw new Error(`STARTTLS refused: ${reply}`);
      socket.off('data', onData);
      const secured = tls.connect({ socket, servername: 'localhost', ca: [certs.ca] });
      await new Promise<void>((resolve, reject) => {
        secured.once('secureConnect', () => resolve());
        secured.once('error', reject);
      });
      secured.on('data', onData);
      secured.on('error', () => {});
      socket = secured;
    },
    close() {
      socket.destroy();
    },
  };
}
