/**
 * The bench's HTTP client for the accept phase (test/bench/run.ts), in its own process like the
 * SMTP sink: the relay being measured does not share its event loop with the load's own work
 * (building each request's JSON, undici's request and response streams). That is how a relay is
 * used: its clients (the extension, an invoicing app) are other processes on other machines.
 *
 * It gets `{url, token, messages, concurrency, pdfBytes, keyPrefix}` over IPC, builds the invoice's PDF,
 * answers 'ready', and on 'go' posts `messages` sends, `concurrency` at a time, each with a PDF
 * of `pdfBytes` and its own Idempotency-Key; then it answers `{latencies, retries}` (or `{error}`).
 */
import { randomBytes } from 'node:crypto';

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
export function invoiceBody(n: number, pdfBase64: string): string {
  return JSON.stringify({
    to: ['kund@exempel.se'],
    subject: `Faktura ${n}`,
    text: `Hej! Faktura ${n} bifogas.`,
    attachments: [{ filename: `Faktura-${n}.pdf`, contentType: 'application/pdf', contentBase64: pdfBase64 }],
    context: { documentRef: String(n) },
  });
}

/** A PDF of `bytes` (its magic bytes, then random ones), as base64. */
export function invoicePdf(bytes: number): string {
  return Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(bytes - 9)]).toString('base64');
}

/** Posts `load.messages` sends, `load.concurrency` at a time; every one must be answered 202. */
export async function postInvoices(load: AcceptLoad, pdfBase64: string): Promise<AcceptOutcome> {
  const latencies: number[] = [];
  let retries = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: load.concurrency }, async () => {
      while (next < load.messages) {
        const n = next++;
        const started = performance.now();
        const res = await postWithRetry(
          `${load.url}/v1/messages`,
          {
            method: 'POST',
            headers: { Authorization: `Bearer ${load.token}`, 'Content-Type': 'application/json', 'Idempotency-Key': `bench-${n}` },
            body: invoiceBody(n, pdfBase64),
          },
          () => retries++,
        );
        if (res.status !== 202) throw new Error(`POST ${n}: ${res.status}`);
        latencies.push(performance.now() - started);
      }
    }),
  );
  return { latencies, retries };
}

/**
 * A POST, sent again (up to twice) when the connection broke before an answer: a keep-alive
 * connection the server closed just as the request went out (ECONNRESET) says nothing about the
 * relay. The same Idempotency-Key makes the retry safe, as for any client; the count is reported.
 */
async function postWithRetry(url: string, init: RequestInit, retried: () => void): Promise<{ status: number }> {
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await fetch(url, init);
      await res.arrayBuffer();
      return { status: res.status };
    } catch (error) {
      if (attempt >= 2 || !(error instanceof TypeError)) throw error;
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
