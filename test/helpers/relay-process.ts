import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { certs } from './certs';

export const OWNPOST_BIN = path.resolve('relay/bin/ownpost.js');

export interface RelayProcess {
  child: ChildProcess;
  url: string;
  /** The environment it runs with (the CLI run with it works on the same data). */
  env: NodeJS.ProcessEnv;
  /** Everything the process wrote to stdout (what `serve` tells a person). */
  stdout(): string;
  /** Everything the process wrote to stderr (its log). */
  log(): string;
  /** Resolves with the exit code (or signal) once the process ended. */
  exited: Promise<number | string | null>;
  kill(signal?: NodeJS.Signals): Promise<number | string | null>;
}

/**
 * `ownpost serve --port 0` as a real child process (crash and multi-instance tests), trusting the
 * test CA through NODE_EXTRA_CA_CERTS as an admin would for an internal mail server. `bin`: another
 * build of the command (the installed npm package, test/relay/npm-pack.test.ts).
 */
export async function startRelayProcess(env: NodeJS.ProcessEnv, timeoutMs = 60_000, bin = OWNPOST_BIN): Promise<RelayProcess> {
  const fullEnv: NodeJS.ProcessEnv = {
    ...process.env,
    OWNPOST_ALLOW_PRIVATE_HOSTS: '1',
    // Test servers listen on random high ports, and the tests create profiles without a test message.
    OWNPOST_ALLOWED_PORTS: '1024-65535',
    OWNPOST_TEST_BEFORE_SAVE: '0',
    NODE_EXTRA_CA_CERTS: certs.caFile,
    ...env,
  };
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0'], {
    env: fullEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d));
  child.stderr!.on('data', (d: Buffer) => (stderr += d));
  const exited = new Promise<number | string | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`relay did not start:\n${stdout}\n${stderr}`)), timeoutMs);
    const check = () => {
      const match = /running at (http:\/\/[\d.]+:\d+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`relay exited with ${code} before listening:\n${stdout}\n${stderr}`));
    });
  });
  return {
    child,
    url,
    env: fullEnv,
    stdout: () => stdout,
    log: () => stderr,
    exited,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
