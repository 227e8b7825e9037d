/**
 * Who may hold the SMTP front door's connections before signing in. smtp-server's own limits do not
 * stop one client: `maxClients` is for all clients together, and its timeout is for inactivity, which
 * a client that trickles a byte now and then resets for ever. So: at most `connectionsPerAddress`
 * connections per client address, counted from the TCP accept (an implicit-TLS handshake counts), and
 * a deadline from that accept to a successful AUTH that no byte extends. Both end with `421 4.7.0` and
 * a closed connection (RFC 5321, section 3.8; RFC 3463: 4.7.0, a security or policy status).
 */
import type { Socket } from 'node:net';
import type { SMTPServer, SMTPServerSession } from 'smtp-server';
import { smtpError, type SmtpReplyError } from './smtp-replies';

export interface DoorConnectionLimits {
  connectionsPerAddress: number;
  authDeadlineMs: number;
}

interface TrackedSocket {
  /** Over the cap when accepted: refused with 421 as soon as it can be answered. */
  overCap: boolean;
  deadline: NodeJS.Timeout;
}

/** A client address as smtp-server writes it in a session: IPv4 without its IPv6 mapping, lower case. */
function clientAddress(address: string | undefined): string {
  return (address ?? '').replace(/^::ffff:/i, '').toLowerCase();
}

/** One TCP connection, as its socket and smtp-server's session both tell it (the two listeners' clients apart too). */
const socketKey = (ends: { remoteAddress?: string | undefined; remotePort?: number | undefined; localPort?: number | undefined }) =>
  `${clientAddress(ends.remoteAddress)}|${ends.remotePort ?? 0}|${ends.localPort ?? 0}`;

export class DoorConnections {
  private readonly openPerAddress = new Map<string, number>();
  /** By the connection's ends (socketKey): whether smtp-server has made it a session yet or not. */
  private readonly tracked = new Map<string, TrackedSocket>();

  constructor(
    private readonly limits: DoorConnectionLimits,
    private readonly log: (line: string) => void,
  ) {}

  /** Counts and times every socket `server` accepts, from the accept on. */
  watch(server: SMTPServer): void {
    server.server.on('connection', (socket: Socket) => this.accepted(server, socket));
  }

  /** In onConnect: the refusal for a connection accepted over the cap, else undefined. */
  refusalFor(session: SMTPServerSession): SmtpReplyError | undefined {
    if (!this.tracked.get(socketKey(session))?.overCap) return undefined;
    const cap = this.limits.connectionsPerAddress;
    return smtpError(421, `4.7.0 Too many connections from your address (at most ${cap} at once); close some and try again.`);
  }

  /** After a successful AUTH: the deadline is met. */
  signedIn(session: SMTPServerSession): void {
    const entry = this.tracked.get(socketKey(session));
    if (entry) clearTimeout(entry.deadline);
  }

  private accepted(server: SMTPServer, socket: Socket): void {
    const address = clientAddress(socket.remoteAddress);
    const key = socketKey(socket);
    const open = (this.openPerAddress.get(address) ?? 0) + 1;
    this.openPerAddress.set(address, open);
    const deadline = setTimeout(() => this.missedDeadline(server, socket, address, key), this.limits.authDeadlineMs);
    deadline.unref();
    this.tracked.set(key, { overCap: open > this.limits.connectionsPerAddress, deadline });
    socket.once('close', () => {
      clearTimeout(deadline);
      this.tracked.delete(key);
      const left = (this.openPerAddress.get(address) ?? 1) - 1;
      if (left > 0) this.openPerAddress.set(address, left);
      else this.openPerAddress.delete(address);
    });
  }

  private missedDeadline(server: SMTPServer, socket: Socket, address: string, key: string): void {
    const seconds = Math.round(this.limits.authDeadlineMs / 1000);
    const connection = [...server.connections].find((open) => socketKey(open) === key);
    this.log(`SMTP: closed a connection from ${address} that did not sign in within ${seconds} s`);
    if (!connection) {
      // Still in its TLS handshake: nobody to answer in SMTP. The TLS socket smtp-server wrapped around
      // it is the one to destroy: destroying the TCP socket under a handshake in progress tears the
      // TLS wrap down from below, which crashed Node 20 (a segmentation fault) in this test suite.
      const wrapped = server._pendingSockets.get(socket);
      return void (wrapped ?? socket).destroy();
    }
    // A 421 closes the connection (smtp-server's send); the client has had its chance to sign in.
    connection.send(421, `4.7.0 No successful AUTH within ${seconds} seconds; closing. Check the app's username and app password.`);
  }
}
