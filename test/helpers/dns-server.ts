import dgram from 'node:dgram';
import dns2 from 'dns2';

const { Packet } = dns2;
/** RFC 1035 §4.1.1 RCODE 3 (dns2's runtime has Packet.RCODE, its typings do not). */
const NXDOMAIN = 3;

export interface ZoneRecords {
  A?: string[];
  AAAA?: string[];
  MX?: { exchange: string; priority: number }[];
}

export interface TestDnsServer {
  /** `127.0.0.1:<port>`, for OWNPOST_DNS_SERVERS / config.dnsServers. */
  address: string;
  /** Every question asked, `NAME TYPE` (e.g. `firma.test MX`), in order. */
  queries: string[];
  close(): Promise<void>;
}

const TYPE_NAMES: Record<number, string> = { 1: 'A', 28: 'AAAA', 15: 'MX' };

/**
 * A real DNS server on 127.0.0.1 (UDP, dns2) answering from `zone`: a name in the zone without the asked
 * type answers NOERROR with no records (NODATA); a name outside it answers NXDOMAIN.
 */
export async function startDnsServer(zone: Record<string, ZoneRecords>): Promise<TestDnsServer> {
  const queries: string[] = [];
  const records = new Map(Object.entries(zone).map(([name, r]) => [name.toLowerCase(), r]));
  const server = dns2.createServer({
    udp: true,
    handle(request, send) {
      const response = Packet.createResponseFromRequest(request);
      const [question] = request.questions;
      if (!question) return send(response);
      const name = question.name.toLowerCase().replace(/\.$/, '');
      queries.push(`${name} ${TYPE_NAMES[question.type] ?? question.type}`);
      const entry = records.get(name);
      if (!entry) {
        response.header.rcode = NXDOMAIN;
        return send(response);
      }
      const add = (record: Partial<dns2.Packet.Resource>) => response.answers.push(Packet.createResourceFromQuestion(question, { ttl: 60, ...record }));
      if (question.type === Packet.TYPE.A) for (const address of entry.A ?? []) add({ type: Packet.TYPE.A, address });
      if (question.type === Packet.TYPE.AAAA) for (const address of entry.AAAA ?? []) add({ type: Packet.TYPE.AAAA, address });
      if (question.type === Packet.TYPE.MX) for (const mx of entry.MX ?? []) add({ type: Packet.TYPE.MX, exchange: mx.exchange, priority: mx.priority });
      send(response);
    },
  });
  const addresses = await server.listen({ udp: { port: 0, address: '127.0.0.1' } });
  const port = (addresses.udp as { port: number }).port;
  return { address: `127.0.0.1:${port}`, queries, close: () => server.close() };
}

/** A UDP port that takes DNS questions and never answers: a DNS server that is down. */
export async function startSilentDnsServer(): Promise<{ address: string; close(): Promise<void> }> {
  const socket = dgram.createSocket('udp4');
  socket.on('message', () => {});
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${socket.address().port}`,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
