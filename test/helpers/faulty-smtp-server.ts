/**
 * An SMTP server that fails on purpose, for the fault suite (issue 15): the failure modes a real
 * mail server shows when it is overloaded, restarting or broken. Written out by hand on raw
 * sockets, like nodemailer's own tests, because smtp-server cannot drop a connection in the middle
 * of DATA or keep quiet after its end. It counts what it acknowledged with 250 by Message-ID, so a
 * test can tell delivered, duplicated and lost messages apart.
 */
import net, { type AddressInfo } from 'node:net';

export type SmtpFault =
  /** Every message accepted. */
  | { kind: 'none' }
  /** The first `first` messages answered `451 4.3.0` after their data (try again later). */
  | { kind: '451'; first: number }
  /** Every message refused `550 5.7.1` after its data: a permanent failure. */
  | { kind: '550' }
  /** The first `first` messages: the connection drops in the middle of their data. */
  | { kind: 'drop_mid_data'; first: number }
  /** The first `first` messages arrive whole, then the connection drops without a reply. */
  | { kind: 'drop_after_data'; first: number }
  /** The first `first` messages arrive whole and are never answered (the client times out). */
  | { kind: 'no_reply'; first: number }
  /** The first `first` connections are never greeted (the client's greeting timeout). */
  | { kind: 'no_greeting'; first: number };

export interface FaultySmtpServer {
  port: number;
  fault: SmtpFault;
  /** Times each Message-ID was answered 250: a duplicate is a count above 1. */
  acknowledged: Map<string, number>;
  /** Message-IDs that arrived whole but got no 250 (dropped or unanswered): a real server may have kept them. */
  unacknowledged: Map<string, number>;
  /** Connections so far. */
  connections(): number;
  close(): Promise<void>;
}

export interface FaultySmtpOptions {
  /** Wait before each 250 (a slow server), in ms. */
  replyDelayMs?: number;
}

const messageIdOf = (data: string) => /^Message-ID:\s*(<[^>\r\n]+>)/im.exec(data)?.[1] ?? '(none)';
const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

export async function startFaultySmtpServer(fault: SmtpFault, options: FaultySmtpOptions = {}): Promise<FaultySmtpServer> {
  const acknowledged = new Map<string, number>();
  const unacknowledged = new Map<string, number>();
  const sockets = new Set<net.Socket>();
  let connections = 0;
  let transactions = 0;
  const faulty = () => fault.kind !== 'none' && fault.kind !== '550' && transactions <= fault.first;

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    connections++;
    if (fault.kind === 'no_greeting' && connections <= fault.first) return;
    socket.write('220 faulty.test ESMTP\r\n');
    let buffer = '';
    let data: string | undefined;
    socket.on('data', (chunk: Buffer) => {
      if (data !== undefined) {
        data += chunk.toString('latin1');
        if (fault.kind === 'drop_mid_data' && faulty() && data.length > 200) {
          socket.destroy();
          return;
        }
        if (!data.endsWith('\r\n.\r\n')) return;
        const whole = data;
        data = undefined;
        const id = messageIdOf(whole);
        if (fault.kind === '550') socket.write('550 5.7.1 Message refused by policy\r\n');
        else if (fault.kind === '451' && faulty()) socket.write('451 4.3.0 Temporary local problem, please try again\r\n');
        else if (fault.kind === 'drop_after_data' && faulty()) {
          bump(unacknowledged, id);
          socket.destroy();
        } else if (fault.kind === 'no_reply' && faulty()) bump(unacknowledged, id);
        else {
          const reply = () => {
            if (socket.destroyed) return bump(unacknowledged, id);
            bump(acknowledged, id);
            socket.write(`250 2.0.0 Ok: queued as F${transactions}\r\n`);
          };
          if (options.replyDelayMs) setTimeout(reply, options.replyDelayMs);
          else reply();
        }
        return;
      }
      buffer += chunk.toString('latin1');
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const verb = line.split(' ')[0]!.toUpperCase();
        if (verb === 'EHLO') socket.write('250-faulty.test\r\n250-8BITMIME\r\n250 AUTH PLAIN LOGIN\r\n');
        else if (verb === 'AUTH') socket.write('235 2.7.0 Authentication successful\r\n');
        else if (verb === 'DATA') {
          transactions++;
          data = '';
          socket.write('354 End data with <CR><LF>.<CR><LF>\r\n');
          // The rest of this chunk, if any, is already message data.
          if (buffer) {
            const rest = buffer;
            buffer = '';
            socket.emit('data', Buffer.from(rest, 'latin1'));
          }
          return;
        } else if (verb === 'QUIT') socket.end('221 2.0.0 Bye\r\n');
        else if (verb === 'RSET' || verb === 'NOOP' || verb === 'MAIL' || verb === 'RCPT') socket.write('250 2.0.0 Ok\r\n');
        else socket.write('502 5.5.2 Command not recognized\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    fault,
    acknowledged,
    unacknowledged,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
