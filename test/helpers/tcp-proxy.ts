/**
 * A TCP proxy between a relay and its PostgreSQL, for the fault suite (issue 15): it can reset
 * every connection (a database restart, a failover, a NAT that forgot the connection) or stall
 * them (a firewall that drops packets, a frozen database host: nothing moves, nothing closes).
 */
import net, { type AddressInfo } from 'node:net';

export interface TcpProxy {
  port: number;
  /** Resets every open connection (TCP RST to both sides); new ones go through. */
  reset(): void;
  /** Nothing moves any more, on open connections or new ones, until `resume`. */
  stall(): void;
  resume(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<[net.Socket, net.Socket]>();
  let stalled = false;
  const waiting: (() => void)[] = [];

  const server = net.createServer((client) => {
    client.on('error', () => {});
    client.pause();
    const connect = () => {
      const upstream = net.connect(target);
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
      const pair: [net.Socket, net.Socket] = [client, upstream];
      pairs.add(pair);
      const forget = () => pairs.delete(pair);
      client.on('close', () => {
        forget();
        upstream.destroy();
      });
      upstream.on('close', () => {
        forget();
        client.destroy();
      });
      client.pipe(upstream);
      upstream.pipe(client);
      if (stalled) upstream.pause();
      else client.resume();
    };
    // A stalled proxy accepts (the kernel does) but connects nowhere until it resumes.
    if (stalled) waiting.push(connect);
    else connect();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    reset() {
      for (const [client, upstream] of pairs) {
        client.resetAndDestroy();
        upstream.resetAndDestroy();
      }
      pairs.clear();
    },
    stall() {
      stalled = true;
      for (const [client, upstream] of pairs) {
        client.unpipe(upstream);
        upstream.unpipe(client);
        client.pause();
        upstream.pause();
      }
    },
    resume() {
      stalled = false;
      for (const [client, upstream] of pairs) {
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
        upstream.resume();
      }
      for (const connect of waiting.splice(0)) connect();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const [client, upstream] of pairs) {
          client.destroy();
          upstream.destroy();
        }
        server.close(() => resolve());
      }),
  };
}
