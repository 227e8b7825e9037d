import type { Duplex } from 'node:stream';
import type { ErrorCode } from '../../shared/errors';
import { ERROR_STATUS } from '../../shared/errors';
import { errorBody } from './api-error';

const REASON: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 413: 'Payload Too Large', 431: 'Request Header Fields Too Large' };

/** Node's HTTP parser error codes (llhttp) and what the client is told. */
function refusalOf(error: NodeJS.ErrnoException): { code: ErrorCode; message: string } {
  if (error.code === 'HPE_HEADER_OVERFLOW') return { code: 'headers_too_large', message: 'The request headers are larger than this relay reads.' };
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT' || error.code === 'HPE_HEADERS_TIMEOUT') return { code: 'request_timeout', message: 'The request did not arrive in time.' };
  if (error.code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW') return { code: 'payload_too_large', message: 'The request is larger than this relay accepts.' };
  return { code: 'malformed_request', message: 'The request is not well-formed HTTP (a header or the request line has characters HTTP does not allow).' };
}

/**
 * The answer to a request Node's HTTP server refuses before the app sees it (`clientError`: control
 * characters in a header, a broken request line, headers over 16 KB). Node's own answer is a bare status
 * without a body; every refusal of the relay is JSON with a stable code, these too. Nothing is logged: the
 * bytes are a client's and may hold its secrets.
 */
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
