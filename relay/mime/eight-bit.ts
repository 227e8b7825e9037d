/**
 * Whether a message has bytes outside 7-bit ASCII (an SMTP front-door message sent with
 * `Content-Transfer-Encoding: 8bit`, or UTF-8 header fields). RFC 6152 §3: such a message may go to
 * a server only with `BODY=8BITMIME`, and only to a server that offers 8BITMIME. Messages the relay
 * builds itself (POST /v1/messages) are always 7-bit: quoted-printable or base64 bodies, encoded words.
 */
export function hasEightBitBytes(bytes: Uint8Array): boolean {
  // A plain loop over the bytes: no copy of a message that may be tens of megabytes (a string would be one).
  for (let index = 0; index < bytes.length; index++) if (bytes[index]! > 0x7f) return true;
  return false;
}
