import { describe, expect, it } from 'vitest';
import { decodeEncodedWords, fieldValues, parseAddressField, parseSubmittedHeaders, rewriteSubmittedMessage } from '../../relay/delivery/submitted-message';

const message = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8');
const noChanges = () => ({ remove: new Set<string>(), replace: new Map<string, string>(), add: [] as string[] });

describe("a submitted message's header", () => {
  it('reads folded fields, and keeps every byte when nothing changes', () => {
    const raw = message(['From: Anna <anna@firma.se>', 'Subject: Faktura', ' 4711', 'To: kund@exempel.se', '', 'Hej!', '']);
    const headers = parseSubmittedHeaders(raw);
    expect(fieldValues(headers, 'subject')).toEqual(['Faktura 4711']);
    expect(rewriteSubmittedMessage(raw, headers, noChanges()).equals(raw)).toBe(true);
  });

  it('removes a folded Bcc with all its lines, and nothing of the body', () => {
    const raw = message(['From: anna@firma.se', 'Bcc: arkiv@firma.se,', '\trevisor@firma.se', 'Subject: x', '', 'Bcc: this line is body text', '']);
    const headers = parseSubmittedHeaders(raw);
    const out = rewriteSubmittedMessage(raw, headers, { ...noChanges(), remove: new Set(['bcc']) }).toString();
    expect(out).toBe(['From: anna@firma.se', 'Subject: x', '', 'Bcc: this line is body text', ''].join('\r\n'));
  });

  it("replaces From at its place, adds fields on top in the message's own line ends (LF here)", () => {
    const raw = Buffer.from('Subject: x\nFrom: a@b.se\n\nbody\n');
    const headers = parseSubmittedHeaders(raw);
    expect(headers.eol).toBe('\n');
    const out = rewriteSubmittedMessage(raw, headers, { remove: new Set(), replace: new Map([['from', 'From: c@d.se']]), add: ['Message-ID: <1@d.se>'] });
    expect(out.toString()).toBe('Message-ID: <1@d.se>\nSubject: x\nFrom: c@d.se\n\nbody\n');
  });

  it('takes a message of header fields only, without a final line end', () => {
    const raw = Buffer.from('From: a@b.se\r\nSubject: x');
    const headers = parseSubmittedHeaders(raw);
    expect(fieldValues(headers, 'subject')).toEqual(['x']);
    expect(rewriteSubmittedMessage(raw, headers, { ...noChanges(), add: ['Date: now'] }).toString()).toBe('Date: now\r\nFrom: a@b.se\r\nSubject: x\r\n');
  });

  it('refuses a message that does not start with header fields', () => {
    expect(() => parseSubmittedHeaders(Buffer.from(' folded first\r\n\r\n'))).toThrow(/folded line/);
    expect(() => parseSubmittedHeaders(Buffer.from('just text\r\n'))).toThrow(/header fields/);
  });

  it('decodes encoded words for history and display names', () => {
    expect(decodeEncodedWords('=?UTF-8?B?UMOlbWlubmVsc2U=?= 4711')).toBe('Påminnelse 4711');
    expect(decodeEncodedWords('=?iso-8859-1?Q?Faktura_f=F6r_maj?=')).toBe('Faktura för maj');
    const from = parseAddressField('=?UTF-8?Q?Anna_Bj=C3=B6rk?= <anna@firma.se>');
    expect(from).toEqual({ ok: true, value: [{ name: 'Anna Björk', address: 'anna@firma.se' }] });
  });
});
