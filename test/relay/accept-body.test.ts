import { createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { Hono } from 'hono';
import { simpleParser } from 'mailparser';
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo, Socket } from 'node:net';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zAttachment, zMessageInput } from '../../shared/schemas';
import { composeMessage } from '../../relay/delivery/compose-message';
import { LARGE_MESSAGE_BYTES, SplicedMessage } from '../../relay/delivery/mime-attachment';
import { bodyChunks, wholeBody } from '../../relay/mime/message-bytes';
import { BODY_CHUNK_BYTES } from '../../relay/store/types';
import { hashRequestValue } from '../../relay/delivery/request-hash';
import { ApiError, createErrorHandler } from '../../relay/http/api-error';
import { readBodyBytes, readJsonBodyWithBase64 } from '../../relay/http/read-body';
import { waitFor } from '../helpers/wait-for';

/**
 * Serves `app` on a loopback port over @hono/node-server for the enclosing describe block: `url` is set
 * once it listens; `sockets` are the server's ends of the connections it took.
 */
function serveForBlock(app: Hono): { url: string; sockets: Socket[] } {
  const served = { url: '', sockets: [] as Socket[] };
  let server: ServerType;
  beforeAll(async () => {
    server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    server.on('connection', (socket: Socket) => served.sockets.push(socket));
    await new Promise((resolve) => server.once('listening', resolve));
    served.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return served;
}
import { extractBase64Values, isBase64Bytes, restoreBase64Values } from '../../relay/http/json-base64';

/** The accept path of POST /v1/messages: base64 kept in the body's buffer, composed without copies. */
describe('base64 values taken out of a JSON body', () => {
  const big = randomBytes(3000).toString('base64');

  it('replaces long base64 members by placeholders that parse, validate and hash as the original', () => {
    const json = JSON.stringify({
      to: ['kund@exempel.se'],
      subject: 'Faktura',
      text: 'contentBase64 in a text: "contentBase64": "' + big + '"',
      attachments: [
        { filename: 'a.pdf', contentType: 'application/pdf', contentBase64: big },
        { filename: 'b.pdf', contentType: 'application/pdf', contentBase64: 'QUJD' },
      ],
    });
    const body = Buffer.from(json);
    const { text, values } = extractBase64Values(body, 'contentBase64', 1024);
    expect(values.size).toBe(1);
    expect(text.length).toBeLessThan(json.length - 3000);
    const parsed = zMessageInput.parse(JSON.parse(text));
    expect(parsed.text).toContain(big); // a look-alike inside a string stays untouched
    expect(restoreBase64Values(parsed, 'contentBase64', values)).toBe(true);
    const file = parsed.attachments[0]!.contentBase64 as unknown as Buffer;
    expect(Buffer.isBuffer(file)).toBe(true);
    expect(file.toString('latin1')).toBe(big);
    expect(parsed.attachments[1]!.contentBase64).toBe('QUJD');
    expect(hashRequestValue(parsed)).toBe(hashRequestValue(zMessageInput.parse(JSON.parse(json))));
  });

  it('leaves escaped, invalid and short values, and broken JSON, to the parser and the schema', () => {
    const escaped = `{"contentBase64": "${big.replaceAll('/', '\\/')}"}`;
    expect(extractBase64Values(Buffer.from(escaped), 'contentBase64', 16).values.size).toBe(0);
    const invalid = `{"contentBase64": "${big}!"}`;
    expect(extractBase64Values(Buffer.from(invalid), 'contentBase64', 16).values.size).toBe(0);
    for (const broken of [`{"contentBase64": "${big}"`, `{"contentBase64": "${big}" "x"}`, `{"contentBase64" "${big}"}`, `["contentBase64": "${big}"]`]) {
      const { text } = extractBase64Values(Buffer.from(broken), 'contentBase64', 16);
      expect(() => JSON.parse(text), broken.slice(0, 20)).toThrow();
    }
    const unterminated = `{"contentBase64": "${big}`;
    expect(extractBase64Values(Buffer.from(unterminated), 'contentBase64', 16).text).toBe(unterminated);
  });

  it('reports a placeholder that validation dropped or duplicated, so the caller parses the whole body', () => {
    const { text, values } = extractBase64Values(Buffer.from(`{"x": {"contentBase64": "${big}"}}`), 'contentBase64', 16);
    expect(restoreBase64Values({}, 'contentBase64', values)).toBe(false);
    const parsed = JSON.parse(text) as { x: { contentBase64: string } };
    expect(restoreBase64Values({ y: parsed.x.contentBase64 }, 'contentBase64', values)).toBe(false);
  });

  it('checks base64 on bytes exactly as the schema does on strings', () => {
    for (const s of ['', 'QUJD', 'QUI=', 'QQ==', 'Q===', '====', 'QUJ', 'QU=D', 'QUJD\n', 'QU-D']) {
      expect(isBase64Bytes(Buffer.from(s)), s).toBe(zAttachment.shape.contentBase64.safeParse(s).success);
    }
  });

  it('finds a character outside the alphabet at any place and alignment (property)', () => {
    const invalid = fc.integer({ min: 0, max: 255 }).filter((b) => !/[A-Za-z0-9+/]/.test(String.fromCharCode(b)));
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), fc.integer({ min: 0, max: 7 }), fc.nat(), invalid, (content, offset, place, bad) => {
        const base64 = Buffer.from(content).toString('base64');
        const memory = Buffer.alloc(offset + base64.length);
        const bytes = memory.subarray(offset);
        bytes.write(base64, 'latin1');
        expect(isBase64Bytes(bytes)).toBe(true);
        const unpadded = base64.replace(/=+$/, '').length;
        // "=" as the last character before the padding only makes more padding ("AAA=" → "AA=="), which is
        // base64; anywhere before it, a character follows it.
        bytes[place % (bad === 0x3d ? unpadded - 1 : unpadded)] = bad;
        expect(isBase64Bytes(bytes)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('checks base64 in a large body (a resizable buffer) as in a small one, in every window', () => {
    const valid = randomBytes(300_000).toString('base64');
    const onResizable = (text: string) => {
      const memory = new (ArrayBuffer as unknown as new (n: number, o: { maxByteLength: number }) => ArrayBuffer)(text.length + 8, { maxByteLength: text.length + 8 });
      const view = Buffer.from(memory, 4, text.length);
      view.write(text, 'latin1');
      return view;
    };
    expect(isBase64Bytes(onResizable(valid))).toBe(true);
    // A bad character in the first window, at a window's edge, in a later window, and just before the padding.
    for (const at of [0, 65_535, 65_536, 200_001, valid.length - 3]) {
      const broken = `${valid.slice(0, at)}-${valid.slice(at + 1)}`;
      expect(isBase64Bytes(onResizable(broken)), `at ${at}`).toBe(false);
      expect(isBase64Bytes(Buffer.from(broken, 'latin1')), `at ${at}`).toBe(false);
    }
  });
});

describe('composing with the base64 from the body', () => {
  const profile = { name: 'P', fromName: 'Anna', fromAddress: 'anna@firma.se' } as never;
  const normalise = (raw: Buffer, messageId: string) =>
    raw
      .toString('latin1')
      .replaceAll(messageId, '<id>')
      .replace(/boundary="[^"]+"/g, '')
      .replace(/--_NmP-[^\r\n]+/g, '--b');

  it('builds the same message from bytes as from the string, with the file intact', async () => {
    const content = randomBytes(100_001);
    const base64 = content.toString('base64');
    const input = zMessageInput.parse({
      to: ['kund@exempel.se'],
      subject: 'Faktura',
      text: 'Hej',
      attachments: [
        { filename: 'f.pdf', contentType: 'application/pdf', contentBase64: base64 },
        { filename: 'g.txt', contentType: 'text/plain', contentBase64: 'QUJD' },
      ],
    });
    const now = new Date('2026-01-01T00:00:00Z');
    const fromString = await composeMessage(profile, input, now);
    const fromBytes = await composeMessage(profile, { ...input, attachments: [{ ...input.attachments[0]!, contentBase64: Buffer.from(base64, 'latin1') }, input.attachments[1]!] }, now);
    expect(Buffer.isBuffer(fromBytes.raw)).toBe(true);
    const bytes = wholeBody(fromBytes.raw);
    expect(normalise(bytes, fromBytes.messageId)).toBe(normalise(wholeBody(fromString.raw), fromString.messageId));
    const parsed = await simpleParser(bytes);
    expect(parsed.attachments.map((a) => a.filename)).toEqual(['f.pdf', 'g.txt']);
    expect(parsed.attachments[0]!.content.equals(content)).toBe(true);
    expect(parsed.attachments[1]!.content.toString()).toBe('ABC');
    const lines = bytes.toString('latin1').split('\r\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(78);
    expect(bytes.toString('latin1')).not.toContain('ownpost-file-');
  });

  it('wraps every file into lines of 76 characters, each ending CRLF, whatever its length', async () => {
    // Empty, one short line, one line exactly, one line and a bit, 100 lines exactly, and a file of many lines.
    const contents = [0, 1, 57, 58, 5700, 100_001].map((n) => randomBytes(n));
    const input = zMessageInput.parse({
      to: ['kund@exempel.se'],
      subject: 'Faktura',
      text: 'Hej',
      attachments: contents.map((c, i) => ({ filename: `f${i}.pdf`, contentType: 'application/pdf', contentBase64: c.toString('base64') })),
    });
    const composed = await composeMessage(profile, { ...input, attachments: input.attachments.map((a) => ({ ...a, contentBase64: Buffer.from(a.contentBase64 as string, 'latin1') })) });
    const message = wholeBody(composed.raw).toString('latin1');
    for (const content of contents) {
      const lines = content.toString('base64').match(/.{1,76}/g) ?? [];
      expect(message).toContain(`Content-Transfer-Encoding: base64\r\n\r\n${lines.map((line) => `${line}\r\n`).join('')}\r\n--`);
    }
  });

  it('keeps a large message in pieces of the body, giving the same bytes in chunks of any size', async () => {
    // Two files, one of a length that ends in a short line, around an empty one.
    const contents = [randomBytes(900_001), randomBytes(0), randomBytes(450_000)];
    const input = zMessageInput.parse({
      to: ['kund@exempel.se'],
      subject: 'Stor',
      text: 'Hej',
      attachments: contents.map((c, i) => ({ filename: `f${i}.pdf`, contentType: 'application/pdf', contentBase64: c.toString('base64') })),
    });
    const now = new Date('2026-01-01T00:00:00Z');
    const fromBytes = await composeMessage(profile, { ...input, attachments: input.attachments.map((a) => ({ ...a, contentBase64: Buffer.from(a.contentBase64 as string, 'latin1') })) }, now);
    expect(fromBytes.raw).toBeInstanceOf(SplicedMessage);
    expect(fromBytes.raw.length).toBeGreaterThanOrEqual(LARGE_MESSAGE_BYTES);
    const whole = wholeBody(fromBytes.raw);
    expect(whole.length).toBe(fromBytes.raw.length);
    const fromString = await composeMessage(profile, input, now);
    expect(normalise(whole, fromBytes.messageId)).toBe(normalise(wholeBody(fromString.raw), fromString.messageId));
    expect(
      Math.max(
        ...whole
          .toString('latin1')
          .split('\r\n')
          .map((l) => l.length),
      ),
    ).toBeLessThanOrEqual(78);
    const parsed = await simpleParser(whole);
    expect(parsed.attachments.map((a) => a.content.length)).toEqual(contents.map((c) => c.length));
    parsed.attachments.forEach((a, i) => expect(a.content.equals(contents[i]!), `file ${i}`).toBe(true));
    for (const size of [1, 77, 78, 79, 4096, 65_537, BODY_CHUNK_BYTES]) {
      // bodyChunks reuses one buffer: copy each chunk before asking for the next.
      const chunks = [
        ...(function* () {
          for (const chunk of bodyChunks(fromBytes.raw, size)) yield Buffer.from(chunk);
        })(),
      ];
      expect(Buffer.concat(chunks).equals(whole), `chunks of ${size}`).toBe(true);
      expect(chunks.slice(0, -1).every((c) => c.length === size)).toBe(true);
    }
  });
});

describe('reading the body of a send', () => {
  const app = new Hono().onError(createErrorHandler(() => {})).post('/', async (c) => {
    const { value } = await readJsonBodyWithBase64(c, zAttachment, { key: 'contentBase64', maxBytes: 2000, minBytes: 8, tooLarge: () => new ApiError('payload_too_large', 'too large') });
    return c.json({ bytes: Buffer.isBuffer(value.contentBase64), length: value.contentBase64.length });
  });
  const file = (contentBase64: string) => JSON.stringify({ filename: 'a.pdf', contentType: 'application/pdf', contentBase64 });

  // In process (Request with a web stream), and over HTTP on @hono/node-server, where the body is read
  // straight from Node's request.
  const served = serveForBlock(app);

  // As JSON: a string body alone goes as text/plain, which the relay refuses (415).
  const asJson = (init: RequestInit): RequestInit => ({ ...init, headers: { 'Content-Type': 'application/json' } });
  const transports = {
    'in process': (init: RequestInit) => app.request('/', asJson(init)),
    'over HTTP': (init: RequestInit) => fetch(served.url + '/', asJson(init)),
  };
  it.each(Object.entries(transports))('keeps long base64 as bytes, and answers 413 over the limit, 400 for bad JSON or base64 (%s)', async (_, request) => {
    const ok = await request({ method: 'POST', body: file('QUJDRA'.repeat(100) + 'QQ==') });
    expect(await ok.json()).toEqual({ bytes: true, length: 604 });
    const over = await request({ method: 'POST', body: file('QUJD'.repeat(600)) });
    expect(over.status).toBe(413);
    expect(((await over.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
    const chunked = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 30; i++) controller.enqueue(new TextEncoder().encode('QUJD'.repeat(25)));
        controller.close();
      },
    });
    const overChunked = await request({ method: 'POST', body: chunked, duplex: 'half' } as RequestInit);
    expect(overChunked.status).toBe(413);
    const broken = await request({ method: 'POST', body: file('QUJD'.repeat(10)).slice(0, -1) });
    expect(((await broken.json()) as { error: { code: string } }).error.code).toBe('invalid_json');
    const invalid = await request({ method: 'POST', body: file('QUJD'.repeat(10) + '!') });
    expect(((await invalid.json()) as { error: { code: string } }).error.code).toBe('validation_failed');
  });

  it('refuses a declared Content-Length over the limit before reading the body', async () => {
    const declared = await app.request('/', { method: 'POST', headers: { 'Content-Length': '5000', 'Content-Type': 'application/json' }, body: '{}' });
    expect(declared.status).toBe(413);
    const reply = await rawRequest(served.url, `POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{}`);
    expect(reply).toMatch(/^HTTP\/1\.1 413 /);
  });

  it('goes on serving after a client that sent half a body and went away', async () => {
    const socket = connect(Number(new URL(served.url).port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const half = `POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n${file('QUJD'.repeat(50)).slice(0, 100)}`;
    socket.write(half);
    // The server has read the half body, then seen the client go, before the next request: its end
    // of the connection shows both.
    const serverEnd = (await waitFor('the server to take the connection', () => served.sockets.find((s) => s.remotePort === socket.localPort), Boolean, { intervalMs: 5 }))!;
    await waitFor(
      'the server to read the half body',
      () => serverEnd.bytesRead,
      (n) => n >= Buffer.byteLength(half),
      { intervalMs: 5 },
    );
    socket.destroy();
    await waitFor('the server to see the client go', () => serverEnd.closed, Boolean, { intervalMs: 5 });
    const ok = await fetch(served.url + '/', asJson({ method: 'POST', body: file('QUJDRA'.repeat(100) + 'QQ==') }));
    expect(await ok.json()).toEqual({ bytes: true, length: 604 });
  });
});

describe('request bodies side by side and released', () => {
  // Each request reads its body, waits until `together` requests have read theirs, checks that its
  // body is still what the client sent, then releases it twice (as a send does: after the commit and
  // when the route ends). Bodies are never pooled between requests (README, Performance: a view kept
  // too long would read another customer's invoice); a buffer shared by two requests, or bytes of an
  // earlier body, would show here.
  let together = 1;
  let waiting: (() => void)[] = [];
  const app = new Hono().post('/', async (c) => {
    const { body, release } = await readBodyBytes(c, 1024 * 1024, () => new Error('too large'));
    await new Promise<void>((resolve) => {
      waiting.push(resolve);
      if (waiting.length >= together) {
        for (const go of waiting) go();
        waiting = [];
      }
    });
    const intact = createHash('sha256').update(body).digest('hex') === c.req.header('x-sha256');
    release();
    release();
    return c.json({ intact, length: body.length });
  });
  const served = serveForBlock(app);

  it('hands each request its own bytes, one after another and side by side, whatever the size (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 600_000 }), { minLength: 1, maxLength: 3 }), fc.integer({ min: 2, max: 3 }), async (sizes, side) => {
        // Alone, then `side` at once, at each size: a buffer released twice by the request alone
        // would be handed to two of the next ones.
        for (const size of sizes) {
          for (const count of [1, side]) {
            together = count;
            const bodies = Array.from({ length: count }, () => randomBytes(size));
            const answers = await Promise.all(
              bodies.map((body) => fetch(served.url + '/', { method: 'POST', body, headers: { 'x-sha256': createHash('sha256').update(body).digest('hex') } }).then((res) => res.json())),
            );
            for (const answer of answers) expect(answer).toEqual({ intact: true, length: size });
          }
        }
      }),
      { numRuns: 15 },
    );
  });
});

/** Sends `text` on a new connection and returns what the server answers until it closes or 2 s pass. */
async function rawRequest(base: string, text: string): Promise<string> {
  const socket = connect(Number(new URL(base).port), '127.0.0.1');
  let reply = '';
  socket.on('data', (chunk) => (reply += chunk.toString('latin1')));
  socket.write(text);
  await new Promise((resolve) => {
    socket.once('close', resolve);
    setTimeout(resolve, 2000); // a cap, not a wait: the close ends it sooner
  });
  socket.destroy();
  return reply;
}
