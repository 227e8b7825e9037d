/**
 * Generated requests for the property tests over the relay's whole HTTP surface
 * (test/relay/fuzz-http-api.test.ts): values from the OpenAPI document's own schemas with edge values
 * mixed in, odd path parameters and queries, and a raw HTTP/1.1 client that sends exactly the bytes it
 * is given (duplicate headers, unencoded paths, broken bodies), which fetch() would refuse or repair.
 */
import net from 'node:net';
import fc from 'fast-check';

/** Strings that break parsers, encoders and headers: empty, control characters, CRLF, NUL, unicode, long runs. */
export const EDGE_STRINGS = [
  '',
  ' ',
  'a',
  '\u0000',
  'x\r\nBcc: victim@evil.example',
  'line\nline',
  '\r\n.\r\n',
  '\t',
  '\u0007\u001b[2J',
  '\u202eevil',
  'Ærø 😀 Счёт',
  '\ud800',
  '%00%2F..%2F',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '{"a":1}',
  '=?utf-8?q?x?=',
  '__proto__',
  'constructor',
  'null',
  'x'.repeat(101),
  'y'.repeat(1025),
  'z'.repeat(70_000),
  '😀'.repeat(300),
  'anna@firma.se',
  'anna@firma.se\r\nRCPT TO:<x@evil.example>',
  '@',
  'a@b',
  '"a b"@firma.se',
  'användare@exempel.se',
  'kund@exempel.se, other@exempel.se',
  '127.0.0.1',
  'localhost',
  '*',
  '2026-01-01T00:00:00Z',
  'not-a-date',
];

/** Numbers at and past every limit a schema might draw. */
export const EDGE_NUMBERS = [0, -1, 1, 0.5, -0, 2 ** 31, 2 ** 31 - 1, 2 ** 53, -(2 ** 53), Number.MAX_SAFE_INTEGER + 2, 1e308, 65535, 65536, 25, 587];

/** A value of any JSON type at its edges: what lands where the schema wants something else. */
export function wrongValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom<unknown>(null, true, false, [], {}, [null], { '': null }, '', 0, -1, 1e308, 'x'.repeat(5000)),
    fc.constantFrom(...EDGE_STRINGS),
    fc.constantFrom(...EDGE_NUMBERS),
    fc.jsonValue({ maxDepth: 3 }),
  );
}

interface SchemaContext {
  components: Record<string, unknown>;
  /** Strings at keys named like secrets are generated as unique markers and collected here. */
  secrets: Set<string>;
  /** Real values for members of these names (`profileId`), so that some generated requests get past the lookups. */
  known: Record<string, readonly string[]>;
  /** false: only values a careful client would send (within the limits, no edge strings), so that requests get past validation to the handlers. */
  edges: boolean;
}

type Schema = Record<string, any>;

let secretSerial = 0;
/** A password-like value unlikely to appear anywhere by chance; remembered so that answers and logs can be searched for it. */
function secretMarker(context: SchemaContext): fc.Arbitrary<string> {
  return fc.constantFrom('', '\r\n', ' ü', 'x'.repeat(300)).map((tail) => {
    const marker = `Hemlis-${process.pid}-${++secretSerial}-${Math.random().toString(36).slice(2, 10)}`;
    context.secrets.add(marker);
    return marker + tail;
  });
}

const SECRET_KEY = /password|secret|token/i;

/**
 * An arbitrary for a JSON Schema (the subset zod-openapi emits: $ref, type, enum, const, oneOf/anyOf/allOf,
 * properties/required/additionalProperties, items, length and range limits, pattern, format). `edgy`:
 * the probability with which a value is swapped for a wrong or edge one, an optional member dropped or
 * a required one left out, or an unknown one added.
 */
export function fromSchema(schema: Schema | undefined, context: SchemaContext, edgy: number, depth = 0, key = ''): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.constant(null);
  if (schema.$ref) return fromSchema(context.components[String(schema.$ref).split('/').pop()!] as Schema, context, edgy, depth, key);
  const exact = exactFromSchema(schema, context, edgy, depth, key);
  if (edgy <= 0) return exact;
  const weight = Math.round(edgy * 100);
  return fc.oneof({ arbitrary: exact, weight: 100 - weight }, { arbitrary: wrongValue(), weight });
}

function exactFromSchema(schema: Schema, context: SchemaContext, edgy: number, depth: number, key: string): fc.Arbitrary<unknown> {
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const alternatives = (schema.oneOf ?? schema.anyOf) as Schema[] | undefined;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => fromSchema(s, context, edgy, depth + 1, key)));
  if (Array.isArray(schema.allOf))
    return fromSchema(Object.assign({}, ...schema.allOf.map((s: Schema) => (s.$ref ? context.components[String(s.$ref).split('/').pop()!] : s))), context, edgy, depth, key);
  const type = Array.isArray(schema.type) ? fc.constantFrom(...(schema.type as string[])) : fc.constant(schema.type ?? (schema.properties ? 'object' : 'string'));
  return type.chain((t: string) => {
    switch (t) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'integer':
      case 'number': {
        const min = schema.minimum ?? schema.exclusiveMinimum ?? -(2 ** 40);
        const max = schema.maximum ?? schema.exclusiveMaximum ?? 2 ** 40;
        const inRange = t === 'integer' ? fc.integer({ min: Math.max(min, Number.MIN_SAFE_INTEGER), max: Math.min(max, Number.MAX_SAFE_INTEGER) }) : fc.double({ min, max, noNaN: true });
        return context.edges ? fc.oneof(inRange, fc.constantFrom(min, max, min - 1, max + 1)) : inRange;
      }
      case 'array': {
        const maxItems = Math.min(schema.maxItems ?? 4, 4);
        return fc.array(fromSchema(schema.items as Schema, context, edgy, depth + 1, key), { minLength: Math.min(schema.minItems ?? 0, 4), maxLength: Math.max(maxItems, schema.minItems ?? 0) });
      }
      case 'object':
        return objectFromSchema(schema, context, edgy, depth);
      default:
        return stringFromSchema(schema, context, key);
    }
  });
}

function stringFromSchema(schema: Schema, context: SchemaContext, key: string): fc.Arbitrary<string> {
  const minLength: number = schema.minLength ?? 0;
  const maxLength: number = Math.min(schema.maxLength ?? 200, 5000);
  const plain = fc.string({ minLength, maxLength, unit: 'grapheme' });
  const atLimits = fc.constantFrom('x'.repeat(minLength), 'x'.repeat(maxLength), 'x'.repeat(maxLength + 1), 'é'.repeat(maxLength));
  const options: fc.Arbitrary<string>[] = context.edges
    ? [plain, atLimits, fc.constantFrom(...EDGE_STRINGS)]
    : [fc.string({ minLength: Math.max(minLength, 1), maxLength: Math.min(maxLength, 40) }).map((v) => v.trim() || 'x'.repeat(Math.max(minLength, 1)))];
  const known = context.known[key];
  if (known?.length && !context.edges) return fc.constantFrom(...known);
  if (known?.length) options.push(fc.constantFrom(...known), fc.constantFrom(...known));
  if (SECRET_KEY.test(key)) options.push(secretMarker(context), secretMarker(context));
  if (schema.format === 'email' || /mail|address|^to$|^cc$|^bcc$|from|replyTo|username|recipients|allowedSenders/i.test(key)) {
    const addresses = fc.constantFrom('anna@firma.se', 'admin@firma.se', 'member@firma.se', 'kund@exempel.se', 'ANNA@FIRMA.SE', 'kund+faktura@exempel.se');
    // A careful client's address is one of the relay's own people or customers.
    if (!context.edges) return addresses;
    options.push(fc.emailAddress(), addresses);
  }
  if (!context.edges && key === 'contentBase64') return fc.uint8Array({ maxLength: 3000 }).map((bytes) => Buffer.from(bytes).toString('base64'));
  if (!context.edges && key === 'contentType') return fc.constantFrom('application/pdf', 'text/plain', 'application/octet-stream');
  if (!context.edges && schema.format === 'uri') return fc.webUrl();
  if (!context.edges && key === 'sites') return fc.constantFrom('app.example.com', '*.erp.example', 'https://app.example.com/invoices/');
  if (!context.edges && key === 'tenantId') return fc.constantFrom('common', 'organizations', 'firma.onmicrosoft.com');
  if (/host/i.test(key))
    options.push(context.edges ? fc.constantFrom('127.0.0.1', 'localhost', '[::1]', '10.0.0.1', 'smtp.firma.se', 'a..b', '-x', '0', '127.1') : fc.constantFrom('127.0.0.1', 'smtp.firma.se'));
  if (schema.format === 'date-time') options.push(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()));
  if (schema.format === 'uri') options.push(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'file:///etc/passwd', 'http://127.0.0.1:1/'));
  if (typeof schema.pattern === 'string') {
    try {
      const matching = fc.stringMatching(new RegExp(schema.pattern)).map((s) => s.slice(0, Math.max(maxLength, 1)));
      // A careful client's value matches the pattern; the others may.
      if (!context.edges) options.length = 0;
      options.push(matching);
    } catch {
      /* a pattern fast-check cannot read: the other strings still come */
    }
  }
  if (schema.format === 'date-time' && !context.edges) return fc.date({ noInvalidDate: true, min: new Date(2000, 0), max: new Date(2100, 0) }).map((d) => d.toISOString());
  return fc.oneof(...options);
}

function objectFromSchema(schema: Schema, context: SchemaContext, edgy: number, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = Object.entries((schema.properties ?? {}) as Record<string, Schema>);
  const required = new Set<string>(schema.required ?? []);
  const members = properties.map(([name, s]) =>
    fc
      .tuple(fromSchema(s, context, edgy, depth + 1, name), fc.double({ min: 0, max: 1, noNaN: true }))
      // An optional member is present half the time; with `edgy`, a required one may be missing.
      .map(([value, dice]) => [name, (required.has(name) ? dice >= edgy / 2 : dice < 0.5) ? value : undefined] as const),
  );
  const extra =
    edgy > 0
      ? fc.option(fc.tuple(fc.constantFrom('__proto__', 'constructor', 'extra', 'bcc', 'id', '', 'x'.repeat(300), 'ü'), wrongValue()), { freq: Math.max(1, Math.round(1 / edgy)) })
      : fc.constant(null);
  return fc.tuple(fc.tuple(...members), extra).map(([entries, more]) => {
    const object: Record<string, unknown> = {};
    for (const [name, value] of entries) if (value !== undefined) object[name] = value;
    // defineProperty: "__proto__" as an own member, as JSON.parse would make it.
    if (more) Object.defineProperty(object, more[0], { value: more[1], enumerable: true, configurable: true, writable: true });
    return object;
  });
}

export function schemaContext(doc: { components: { schemas: Record<string, unknown> } }): SchemaContext {
  return { components: doc.components.schemas, secrets: new Set(), known: {}, edges: true };
}

/** A generated value as the text of a path parameter or a query value (an object without a prototype has no String()). */
export function asText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined');
}

/** encodeURIComponent, which throws on a lone surrogate: that becomes U+FFFD first, as a browser would send it. */
export function encode(value: string): string {
  return encodeURIComponent((value as string & { toWellFormed(): string }).toWellFormed());
}

/** Path parameters no client should send: encoded slashes and dots, traversal, NUL, unicode, very long, empty-ish. */
export function oddPathParameter(knownIds: readonly string[] = []): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(
      'nope',
      '%2F',
      '..%2F..%2Fetc%2Fpasswd',
      '%2E%2E',
      '.',
      '..',
      '%00',
      '%',
      '%ZZ',
      '%C3%28',
      '%E2%82',
      '%F0%9F%98%80',
      'Ær%C3%B8',
      '😀',
      'a b',
      '%20',
      '00000000-0000-0000-0000-000000000000',
      'x'.repeat(2000),
      '%2e%2e%2f'.repeat(50),
      '%0D%0ASet-Cookie:%20x=1',
      '__proto__',
      'constructor',
      '1e308',
      '-1',
      ';x=1',
      '?',
      '#',
    ),
    fc.uuid(),
    fc.string({ minLength: 1, maxLength: 40 }).map(encode),
    ...(knownIds.length ? [fc.constantFrom(...knownIds)] : []),
  );
}

/** Query strings: the route's own parameters with edge values, `lang`, repeated and malformed keys, broken percent-encoding. */
export function oddQuery(parameters: readonly { name: string; in: string; schema?: Schema }[], context: SchemaContext): fc.Arbitrary<string> {
  const names = parameters.filter((p) => p.in === 'query').map((p) => p.name);
  const value = fc.oneof(
    fc.constantFrom(...EDGE_STRINGS.filter((s) => s.length < 3000)).map(encode),
    fc.constantFrom('%', '%ZZ', '%C3%28', '%00', 'a+b', '%2B', '', 'sv', 'de-DE', 'xx', 'en;q=0.5', '-1', '0', '100', '101', '1e9', 'NaN', 'x'.repeat(3000)),
    fc.string({ maxLength: 20 }).map(encode),
  );
  const pair = fc.tuple(fc.constantFrom(...names, 'lang', 'lang', 'x', '', '%', '%ZZ', '__proto__', 'a[b]'), value).map(([k, v]) => `${k}=${v}`);
  return fc.oneof(
    fc.constant(''),
    fc.array(pair, { minLength: 1, maxLength: 5 }).map((pairs) => `?${pairs.join('&')}`),
    fc.constantFrom('?', '?&&', '?=', '?lang', '?lang=sv&lang=de', '?%', '?%%%', `?${'a'.repeat(9000)}`),
    ...parameters.filter((p) => p.in === 'query').map((p) => fromSchema(p.schema, context, 0.3, 0, p.name).map((v) => `?${p.name}=${encode(asText(v))}`)),
  );
}

/** Extra headers: oversized, repeated, odd Content-Type, odd Idempotency-Key, Origin, Host, X-Request-Id, Accept-Language. */
export function oddHeaders(): fc.Arbitrary<[string, string][]> {
  const one = fc.oneof(
    fc.constantFrom<[string, string]>(
      ['Content-Type', 'text/plain'],
      ['Content-Type', 'application/json; charset=latin1'],
      ['Content-Type', 'multipart/form-data; boundary=x'],
      ['Content-Type', 'application/x-www-form-urlencoded'],
      ['Content-Type', ''],
      ['Content-Type', 'application/json'],
      ['Accept', 'text/html'],
      ['Accept-Language', 'sv-SE,sv;q=0.9'],
      ['Accept-Language', 'x'.repeat(4000)],
      ['Idempotency-Key', ''],
      ['Idempotency-Key', 'x'.repeat(300)],
      ['Idempotency-Key', 'ä-ö'],
      ['X-Request-Id', 'fake\u0085line'],
      ['X-Request-Id', 'x'.repeat(100)],
      ['X-Request-Id', 'ok-id-1'],
      ['Origin', 'https://evil.example'],
      ['Origin', 'chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'],
      ['Origin', 'null'],
      ['Host', 'evil.example'],
      ['Host', '127.0.0.1:1'],
      ['Host', '[::1'],
      ['Host', '127.0.0.1:99999'],
      ['Host', 'a b'],
      ['Host', '127.0.0.1@evil.example'],
      ['Host', ''],
      ['Authorization', 'Bearer'],
      ['Authorization', 'Bearer x'],
      ['Authorization', 'Basic YWRtaW46YWRtaW4='],
      ['Authorization', `Bearer ${'x'.repeat(5000)}`],
      ['Authorization', 'bearer  '],
      ['X-Big', 'b'.repeat(12_000)],
      ['Content-Encoding', 'gzip'],
      ['Expect', '100-continue'],
      ['X-Forwarded-For', '1.2.3.4, ::1'],
      ['Cookie', 'a=b'],
    ),
    fc.tuple(
      fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,30}$/),
      fc.oneof(
        { arbitrary: fc.string({ maxLength: 100, unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) }), weight: 3 },
        // Control characters and 8-bit bytes, which Node's HTTP parser refuses (or passes on as latin1).
        { arbitrary: fc.string({ maxLength: 100, unit: 'binary-ascii' }).map((v) => v.replace(/[\r\n\0]/g, ' ')), weight: 1 },
      ),
    ),
  );
  return fc.array(one, { maxLength: 3 });
}

export interface RawResponse {
  /**
   * 0: the server closed the connection while the body was still being sent, and the reset took its answer
   * with it (TCP drops what the client had not read yet). The caller checks that the server still serves.
   */
  status: number;
  headers: Record<string, string>;
  text: string;
  json: unknown;
}

/**
 * One HTTP/1.1 request written as given to 127.0.0.1:`port` (`Connection: close`), its answer read to the
 * end. Only the request line and header bytes are built here: the path is sent as it is (no
 * normalising), headers in order, repeated if given twice.
 */
export function rawHttp(
  port: number,
  request: { method: string; target: string; headers: [string, string][]; body?: Buffer | string; timeoutMs?: number; version?: string; omitHost?: boolean },
): Promise<RawResponse> {
  const body = request.body === undefined ? undefined : Buffer.isBuffer(request.body) ? request.body : Buffer.from(request.body, 'utf8');
  const hasHost = request.headers.some(([name]) => name.toLowerCase() === 'host');
  const head = [
    `${request.method} ${request.target} ${request.version ?? 'HTTP/1.1'}`,
    ...(hasHost || request.omitHost ? [] : [`Host: 127.0.0.1:${port}`]),
    ...request.headers.map(([name, value]) => `${name}: ${value}`),
    ...(body ? [`Content-Length: ${body.length}`] : []),
    'Connection: close',
    '',
    '',
  ].join('\r\n');
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(
        new Error(`no complete answer within ${request.timeoutMs ?? 15_000} ms to ${request.method} ${request.target.slice(0, 200)}; got: ${Buffer.concat(chunks).toString('latin1').slice(0, 300)}`),
      );
    }, request.timeoutMs ?? 15_000);
    socket.on('data', (chunk) => chunks.push(chunk));
    // The server may answer (413, 431) and close before the whole body was written.
    socket.on('error', (error: NodeJS.ErrnoException) => {
      reset = true;
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') {
        clearTimeout(timer);
        reject(error);
      }
    });
    let reset = false;
    socket.on('close', () => {
      clearTimeout(timer);
      if (reset && chunks.length === 0 && body) return resolve({ status: 0, headers: {}, text: '', json: undefined });
      try {
        resolve(parseResponse(Buffer.concat(chunks)));
      } catch (error) {
        reject(error as Error);
      }
    });
    // Not ended from this side: a half-closed connection may be dropped before its answer. The server closes it (`Connection: close`).
    socket.write(head, 'latin1');
    void writeBody(socket, body, () => chunks.length > 0);
  });
}

/**
 * The body in pieces, stopped once an answer arrived: a server that refuses early (401, 413) closes the
 * connection, and bytes still arriving then make the kernel reset it, losing the answer.
 */
async function writeBody(socket: net.Socket, body: Buffer | undefined, answered: () => boolean) {
  for (let at = 0; body && at < body.length && !answered() && !socket.destroyed; at += 64 * 1024) {
    if (!socket.write(body.subarray(at, at + 64 * 1024))) await new Promise((resolve) => socket.once('drain', resolve).once('close', resolve));
  }
}

function parseResponse(bytes: Buffer): RawResponse {
  // An interim answer (100 Continue to `Expect: 100-continue`) comes before the real one.
  while (/^HTTP\/1\.[01] 1\d\d /.test(bytes.subarray(0, 13).toString('latin1')) && bytes.indexOf('\r\n\r\n') !== -1) bytes = bytes.subarray(bytes.indexOf('\r\n\r\n') + 4);
  const end = bytes.indexOf('\r\n\r\n');
  if (end === -1) throw new Error(`not an HTTP answer: ${JSON.stringify(bytes.toString('latin1').slice(0, 300))}`);
  const [statusLine, ...lines] = bytes.subarray(0, end).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine!)?.[1]);
  if (!status) throw new Error(`not an HTTP status line: ${statusLine}`);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = bytes.subarray(end + 4);
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) body = dechunk(body);
  const text = body.toString('utf8');
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON: the caller decides whether it had to be */
  }
  return { status, headers, text, json };
}

function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', at);
    if (lineEnd === -1) break;
    const size = parseInt(body.subarray(at, lineEnd).toString('latin1'), 16);
    if (!size) break;
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}
