/**
 * MimeNode#_getTextEncoding of nodemailer for a node without a preset `textEncoding`: Q
 * (quoted-printable) when Latin letters outnumber 8-bit and control characters, else B (base64).
 * It decides how encoded words and a text part are encoded; the relay's own writers of what
 * nodemailer would write (write-mixed-message.ts, attachment-head.ts) must decide alike.
 */
export function headerTextEncoding(value: string): 'Q' | 'B' {
  let nonLatin = 0;
  let latin = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code <= 0x08 || code === 0x0b || code === 0x0c || (code >= 0x0e && code <= 0x1f) || code >= 0x80) nonLatin++;
    else if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) latin++;
  }
  return nonLatin < latin ? 'Q' : 'B';
}
