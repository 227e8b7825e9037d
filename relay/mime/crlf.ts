/**
 * Line endings as the wire has them: every line ends in CRLF (RFC 5322 §2.1, RFC 5321 §2.3.8).
 * Apart from delivery, since the sender test and the Sent-folder copy need it too.
 *
 * nodemailer's MailComposer keeps a text body's own line breaks in some encodings (the sender test
 * message went out with bare LFs), while its SMTP data stream turns a lone LF or CR into CRLF. So
 * the relay normalises once where a message is built (relay/delivery/compose-message.ts,
 * relay/diagnosis/test-message.ts), and
 * the Sent-folder copy (relay/imap/sent-folder.ts) gets the same normalisation the data stream
 * applies, because IMAP APPEND files the bytes as given: the copy is exactly what was sent.
 */

const CR = 0x0d;
const LF = 0x0a;

/** `raw` with every line ending CRLF; the same Buffer when it already is (the usual case). */
export function toCrlf(raw: Buffer): Buffer {
  let bare = 0;
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i];
    if (byte === LF && raw[i - 1] !== CR) bare++;
    else if (byte === CR && raw[i + 1] !== LF) bare++;
  }
  if (bare === 0) return raw;
  const out = Buffer.allocUnsafe(raw.length + bare);
  let at = 0;
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i]!;
    if (byte === LF && raw[i - 1] !== CR) {
      out[at++] = CR;
      out[at++] = LF;
    } else if (byte === CR && raw[i + 1] !== LF) {
      out[at++] = CR;
      out[at++] = LF;
    } else out[at++] = byte;
  }
  return out;
}
