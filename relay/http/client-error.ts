/**
 * Requests refused before the app sees them, answered as every refusal of the relay is: JSON with a
 * stable code (shared/errors.ts). Node's own answers are a bare status without a body, and so are
 * @hono/node-server's when it cannot make a URL of the request (a bad Host header, `OPTIONS *`).
 * Nothing is logged: the bytes are a client's and may hold its secrets.
 */
import type { IncomingMessage, RequestListener, ServerOptions, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorCode } from '../../shared/errors';
import { ERROR_STATUS } from '../../shared/errors';
import { errorBody } from './api-error';

const REASON: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 413: 'Payload Too Large', 431: 'Request Header Fields Too Large' };

const MALFORMED = 'The request is not well-formed HTTP (a header, the Host or the request line has characters or a form HTTP does not allow).';

/**
 * Node answers an HTTP/1.1 request without Host with a bare 400 before any listener runs; switched
 * off here so that `refuseMalformedRequests` gives the same refusal as JSON.
 */
export const HTTP_SERVER_OPTIONS: ServerOptions = { requireHostHeader: false };

/** Node's HTTP parser error codes (llhttp) and what the client is told. */
function refusalOf(error: NodeJS.ErrnoException): { code: ErrorCode; message: string } {
  if (error.code === 'HPE_HEADER_OVERFLOW') return { code: 'headers_too_large', message: 'The request headers are larger than this relay reads.' };
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT' || error.code === 'HPE_HEADERS_TIMEOUT') return { code: 'request_timeout', message: 'The request did not arrive in time.' };
  if (error.code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW') return { code: 'payload_too_large', message: 'The request is larger than this relay accepts.' };
  return { code: 'malformed_request', message: MALFORMED };
}

/** The answer to a request Node's HTTP parser refuses (`clientError`: control characters in a header, a broken request line, headers over 16 KB). */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  // The client went away, or an answer is already on its way: nothing to say.
  if (error.code === 'ECONNRESET' || !socket.writable || (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent) {
    socket.destroy();
    return;
  }
  const { code, message } = refusalOf(error);
  const status = ERROR_STATUS[code];
  const body = JSON.stringify(errorBody(code, message));
  socket.end(`HTTP/1.1 ${status} ${REASON[status] ?? 'Bad Request'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

/** HTTP/1.1 requires a Host header (RFC 9112 3.2); Node's own check is off (HTTP_SERVER_OPTIONS) so that the refusal is JSON. */
export function refuseMalformedRequests(listener: RequestListener): RequestListener {
  return (request: IncomingMessage, response: ServerResponse) => {
    if (request.httpVersion === '1.1' && request.headers.host === undefined) {
      const body = JSON.stringify(errorBody('malformed_request', 'An HTTP/1.1 request needs a Host header.'));
      response.writeHead(400, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), Connection: 'close' });
      response.end(body);
      return;
    }
    return listener(request, response);
  };
}

/**
 * @hono/node-server's `errorHandler`: called when it cannot make a Request of what arrived (a Host
 * header that is no host, `OPTIONS *`, a backslash in the path), and when the app throws before it
 * answers, which the app's own error handler (api-error.ts) does not let happen.
 */
export function answerRequestError(error: unknown): Response {
  const malformed = (error as Error | undefined)?.name === 'RequestError';
  const body = malformed ? errorBody('malformed_request', MALFORMED) : errorBody('internal_error', 'Something went wrong inside the relay; the request was not carried out.');
  return new Response(JSON.stringify(body), { status: malformed ? 400 : 500, headers: { 'Content-Type': 'application/json', Connection: 'close' } });
}
