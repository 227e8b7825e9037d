/**
 * A local SMTP sink for the benchmark, in its own process so that it does not share a CPU core
 * with the sender being measured. It accepts every message (no TLS, no AUTH, no size limit),
 * counts them, and answers `{count, bytes}` when the parent sends 'count', and to `{waitFor: n}` once it holds n messages
 * (the parent waits for a delivery's end without asking every few milliseconds).
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

let count = 0;
let bytes = 0;
/** The count the parent waits for (0: none). */
let awaited = 0;

function answerWhenReached(): void {
  if (awaited > 0 && count >= awaited) {
    awaited = 0;
    process.send!({ count, bytes });
  }
}
const server = new SMTPServer({
  disabledCommands: ['AUTH', 'STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
    stream.on('end', () => {
      count++;
      callback(null, `Ok: queued as SINK${count}`);
      answerWhenReached();
    });
  },
});
server.on('error', () => {});
server.listen(0, '127.0.0.1', () => process.send!({ port: (server.server.address() as AddressInfo).port }));
process.on('message', (message) => {
  if (message === 'count') process.send!({ count, bytes });
  if (typeof message === 'object' && message !== null && 'waitFor' in message) {
    awaited = Number(message.waitFor);
    answerWhenReached();
  }
  if (message === 'reset') {
    count = 0;
    bytes = 0;
    process.send!({ count, bytes });
  }
});
process.on('disconnect', () => process.exit(0));
