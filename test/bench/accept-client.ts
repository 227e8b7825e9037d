/**
 * The bench's HTTP client for the accept phase (test/bench/run.ts), in its own process like the
 * SMTP sink: the relay being measured does not share its event loop with the load's own work
 * (building each request's JSON, the HTTP client's request and response streams). That is how a relay is
 * used: its clients (the extension, an invoicing app) are other processes on other machines.
 *
 * It gets `{url, token, messages, concurrency, pdfBytes, keyPrefix}` over IPC, builds the invoice's PDF,
 * answers 'ready', and on 'go' posts `messages` sends, `concurrency` at a time, each with a PDF
 * of `pdfBytes` and its own Idempotency-Key; then it answers `{latencies, retries}` (or `{error}`).
 */
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';

export interface AcceptLoad {
  url: string;
  token: string;
  messages: number;
  concurrency: number;
  pdfBytes: number;
}

export interface AcceptOutcome {
  /** Milliseconds from each request to its answer, in the order they finished. */
  latencies: number[];
  /** Requests sent again after their connection broke (see postWithRetry). */
  retries: number;
}

/** The invoice the bench sends as request `n`: text and the PDF (base64). */
function invoiceValue(n: number, contentBase64: string) {
  return {
    to: ['kund@exempel.se'],
    subject: `Faktura ${n}`,
    text: `Hej! Faktura ${n} bifogas.`,
    attachments: [{ filename: `Faktura-${n}.pdf`, contentType: 'application/pdf', contentBase64 }],
    context: { documentRef: String(n) },
  };
}

/**
 * Request `n`'s JSON as bytes, the PDF's base64 as given: only the JSON around it is built per
 * request, the 136 KB of base64 are not put into a string and encoded again each time.
 */
function invoiceBodyBytes(n: number, pdfBase64: Buffer): Buffer[] {
  const marker = 'PDF-BASE64';
  const [before, after] = JSON.stringify(invoiceValue(n, marker)).split(marker) as [string, string];
  return [Buffer.from(before), pdfBase64, Buffer.from(after)];
}

/** A PDF of `bytes` (its magic bytes, then random ones), as base64. */
export function invoicePdf(bytes: number): string {
  return Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(bytes - 9)]).toString('base64');
}

/**
 * Posts `load.messages` sends, `load.concurrency` at a time, over as many keep-alive connections;
 * every one must be answered 202. Node's own HTTP client, not fetch: the client shares the bench's
 * two CPUs with the relay, and fetch (undici's web streams, the body as a string) cost it about
 * 2 ms of CPU per request, more than half of what the relay spends on accepting one.
 */
export async function postInvoices(load: AcceptLoad, pdfBase64: string): Promise<AcceptOutcome> {
  const latencies: number[] = [];
  let retries = 0;
  let next = 0;
  const pdf = Buffer.from(pdfBase64, 'latin1');
  const agent = new Agent({ keepAlive: true, maxSockets: load.concurrency });
  const target = new URL(`${load.url}/v1/messages`);
  try {
    await Promise.all(
      Array.from({ length: load.concurrency }, async () => {
        while (next < load.messages) {
          const n = next++;
          const started = performance.now();
          const body = invoiceBodyBytes(n, pdf);
          const headers = {
            Authorization: `Bearer ${load.token}`,
            'Content-Type': 'application/json',
            'Content-Length': String(body.reduce((sum, piece) => sum + piece.length, 0)),
            'Idempotency-Key': `bench-${n}`,
          };
          const status = await postWithRetry(
            () => post(target, agent, headers, body),
            () => retries++,
          );
          if (status !== 202) throw new Error(`POST ${n}: ${status}`);
          latencies.push(performance.now() - started);
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  return { latencies, retries };
}

/** One POST of `body`; resolves with the answer's status once its body was read. */
export function post(target: URL, agent: Agent, headers: Record<string, string>, body: Buffer[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(target, { method: 'POST', agent, headers }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    for (const piece of body) req.write(piece);
    req.end();
  });
}

/**
 * A POST, sent again (up to twice) when the connection broke before an answer: a keep-alive
 * connection the server closed just as the request went out (ECONNRESET) says nothing about the
 * relay. The same Idempotency-Key makes the retry safe, as for any client; the count is reported.
 */
export async function postWithRetry(send: () => Promise<number>, retried: () => void): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (attempt >= 2 || (code !== 'ECONNRESET' && code !== 'EPIPE')) throw error;
      retried();
    }
  }
}

if (process.send) {
  let load: AcceptLoad | undefined;
  let pdf = '';
  process.on('message', (message: { load?: AcceptLoad; go?: true }) => {
    if (message.load) {
      load = message.load;
      pdf = invoicePdf(load.pdfBytes);
      process.send!('ready');
    } else if (message.go && load) {
      postInvoices(load, pdf).then(
        (outcome) => process.send!(outcome),
        (error: unknown) => process.send!({ error: String((error as Error).stack ?? error) }),
      );
    }
  });
  process.on('disconnect', () => process.exit(0));
}
