import { describe, it, expect } from 'vitest';
import { addressDomain, formatMailbox, parseAddress, parseMailbox, parseMailboxList, sameAddress, type AddressErrorCode, type AddressResult, type Mailbox } from '../../shared/address.ts';

function expectMailbox(result: AddressResult, expected: Mailbox): void {
  expect(result).toEqual({ ok: true, value: expected });
}

function expectRefused(result: AddressResult, code?: AddressErrorCode): void {
  expect(result.ok).toBe(false);
  if (!result.ok && code !== undefined) expect(result.code).toBe(code);
}

function listAddresses(result: ReturnType<typeof parseMailboxList>): string[] {
  return result.ok ? result.value.map((m) => m.address.toLowerCase()) : [];
}

describe('parseAddress: accepted addresses', () => {
  it.each([
    ['anna@firma.se', 'anna@firma.se'],
    ['anna+faktura@firma.se', 'anna+faktura@firma.se'],
    ['ekonomi@mail.firma.co.uk', 'ekonomi@mail.firma.co.uk'],
    ['anna.berg@firma-ab.se', 'anna.berg@firma-ab.se'],
    ['ekonomi_2@x9.se', 'ekonomi_2@x9.se'],
    ["sean.o'brien@firma.ie", "sean.o'brien@firma.ie"],
    ['_faktura@firma.se', '_faktura@firma.se'],
    ['123@456.se', '123@456.se'],
    ['a@b.co', 'a@b.co'],
    ['info@firma.xn--p1ai', 'info@firma.xn--p1ai'],
  ])('accepts %s', (input, address) => {
    expectMailbox(parseAddress(input), { address });
  });

  it('keeps the local part as typed and lower-cases the domain', () => {
    expectMailbox(parseAddress('Anna.Berg@FIRMA.Se'), { address: 'Anna.Berg@firma.se' });
  });

  it('ignores spaces around the address', () => {
    expectMailbox(parseAddress('   anna@firma.se \u00a0'), { address: 'anna@firma.se' });
  });

  it('accepts the longest allowed local part, label and address', () => {
    const local = 'a'.repeat(64);
    expectMailbox(parseAddress(`${local}@firma.se`), { address: `${local}@firma.se` });
    const label = 'b'.repeat(63);
    expectMailbox(parseAddress(`anna@${label}.se`), { address: `anna@${label}.se` });
    // 64 + 1 + 63 + 1 + 63 + 1 + 61 = 254
    const longest = `${local}@${label}.${'c'.repeat(63)}.${'d'.repeat(61)}`;
    expect(longest).toHaveLength(254);
    expectMailbox(parseAddress(longest), { address: longest });
  });
});

describe('parseAddress: international domain names', () => {
  it('converts faktura@bücher.de to punycode', () => {
    expectMailbox(parseAddress('faktura@bücher.de'), { address: 'faktura@xn--bcher-kva.de' });
  });

  it('lower-cases Unicode domains before converting them', () => {
    expectMailbox(parseAddress('faktura@BÜCHER.DE'), { address: 'faktura@xn--bcher-kva.de' });
  });

  it('normalises a decomposed domain (u + combining diaeresis) to NFC first', () => {
    expectMailbox(parseAddress('faktura@bu\u0308cher.de'), { address: 'faktura@xn--bcher-kva.de' });
  });

  it('accepts a domain already written in punycode, in any case', () => {
    expectMailbox(parseAddress('faktura@xn--bcher-kva.de'), { address: 'faktura@xn--bcher-kva.de' });
    expectMailbox(parseAddress('faktura@XN--BCHER-KVA.DE'), { address: 'faktura@xn--bcher-kva.de' });
  });

  it.each([
    ['biuro@żółw.pl', 'biuro@xn--w-uga1v8h.pl'],
    ['jon@fyrirtæki.is', 'jon@xn--fyrirtki-o0a.is'],
    ['info@пример.рф', 'info@xn--e1afmkfd.xn--p1ai'],
  ])('converts %s', (input, address) => {
    expectMailbox(parseAddress(input), { address });
  });

  it('refuses characters that IDNA would silently rewrite (full-width letters, ideographic full stop)', () => {
    expectRefused(parseAddress('faktura@ｂücher.de'), 'address_invalid');
    expectRefused(parseAddress('faktura@bücher。de'), 'address_forbidden_character');
  });

  it('refuses a domain label mixing Latin and Cyrillic look-alike letters', () => {
    // "pаypal" with a Cyrillic "а" (U+0430), typed and in punycode.
    expectRefused(parseAddress('billing@p\u0430ypal.com'), 'address_forbidden_character');
    expectRefused(parseAddress('billing@xn--pypal-4ve.com'), 'address_forbidden_character');
  });

  it('refuses malformed punycode labels', () => {
    expectRefused(parseAddress('a@xn--.se'), 'address_invalid');
    expectRefused(parseAddress('a@xn--abc-.se'), 'address_invalid'); // decodes to plain ASCII "abc"
    expectRefused(parseAddress('a@xn--99999999999.se'), 'address_invalid');
  });

  it('refuses a Unicode local part and says that only plain letters are supported there', () => {
    const result = parseAddress('jürgen@bücher.de');
    expectRefused(result, 'address_unicode_local_part');
    if (!result.ok) expect(result.message).toContain('a–z');
    expectRefused(parseAddress('åsa@firma.se'), 'address_unicode_local_part');
  });
});

describe('parseAddress: refused addresses', () => {
  it('explains a double @ in a sentence a bookkeeper understands', () => {
    const result = parseAddress('kund@@exempel.se');
    expect(result).toEqual({
      ok: false,
      code: 'address_invalid',
      message: '“kund@@exempel.se” is not a valid e-mail address. It must contain exactly one “@”.',
      input: 'kund@@exempel.se',
    });
  });

  it.each(['', '   ', '\u00a0'])('refuses empty input %j', (input) => {
    expectRefused(parseAddress(input), 'address_empty');
  });

  it.each([
    ['no @', 'anna.firma.se'],
    ['two @', 'anna@firma@firma.se'],
    ['nothing before @', '@firma.se'],
    ['nothing after @', 'anna@'],
    ['no dot in the domain', 'anna@localhost'],
    ['leading dot in local part', '.anna@firma.se'],
    ['trailing dot in local part', 'anna.@firma.se'],
    ['consecutive dots in local part', 'anna..berg@firma.se'],
    ['leading dot in domain', 'anna@.firma.se'],
    ['trailing dot in domain', 'anna@firma.se.'],
    ['consecutive dots in domain', 'anna@firma..se'],
    ['label starting with -', 'anna@-firma.se'],
    ['label ending with -', 'anna@firma-.se'],
    ['reserved ??-- label', 'anna@ab--cd.se'],
    ['all-digit TLD', 'anna@firma.123'],
    ['hex-looking TLD', 'anna@firma.0x7f'],
    ['one-letter TLD', 'anna@firma.s'],
    ['space inside', 'anna berg@firma.se'],
    ['no-break space inside', 'anna\u00a0berg@firma.se'],
    ['display name given to parseAddress', 'Anna Berg <anna@firma.se>'],
  ])('refuses %s', (_reason, input) => {
    expectRefused(parseAddress(input), 'address_invalid');
  });

  it.each([
    ['local part over 64', `${'a'.repeat(65)}@firma.se`],
    ['label over 63', `anna@${'b'.repeat(64)}.se`],
    ['address over 254', `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`],
    ['IDN label over 63 once converted', `anna@${'bücher'.repeat(10)}.de`],
    ['100 KB', `${'a'.repeat(100_000)}@firma.se`],
  ])('refuses %s as too long', (_reason, input) => {
    expectRefused(parseAddress(input), 'address_too_long');
  });

  it.each([
    ['NUL', 'anna\u0000@firma.se'],
    ['tab', 'anna\t@firma.se'],
    ['CR', 'anna@firma.se\r'],
    ['LF', 'anna@firma.se\n'],
    ['DEL', 'anna\u007f@firma.se'],
    ['NEL (C1 control)', 'anna\u0085@firma.se'],
    ['line separator', 'anna@firma\u2028.se'],
    ['soft hyphen', 'an\u00adna@firma.se'],
    ['zero-width space', 'anna@fir\u200bma.se'],
    ['zero-width joiner', 'anna\u200d@firma.se'],
    ['right-to-left override', 'anna@\u202eas.amrif'],
    ['byte order mark', '\ufeffanna@firma.se'],
    ['word joiner', 'anna@firma\u2060.se'],
    ['combining grapheme joiner', 'anna@bu\u034fcher.de'],
    ['variation selector', 'anna@bücher\ufe0f.de'],
    ['Hangul filler', 'anna@\u3164firma.se'],
    ['percent routing', 'anna%firma.se@relay.se'],
    ['bang path', 'relay!anna@firma.se'],
    ['comma', 'anna,berg@firma.se'],
    ['angle bracket', '<anna@firma.se>'],
    ['backslash', 'anna\\@firma.se'],
    ['underscore in domain', 'anna@fir_ma.se'],
    ['slash in domain', 'anna@firma.se/x'],
    ['leading -', '-anna@firma.se'],
    ['leading +', '+anna@firma.se'],
  ])('refuses %s as a forbidden character', (_reason, input) => {
    expectRefused(parseAddress(input), 'address_forbidden_character');
  });

  it('shows invisible characters in the message instead of passing them through', () => {
    const result = parseAddress('anna@firma.se\r\nBcc: x@y.se');
    expectRefused(result, 'address_forbidden_character');
    if (!result.ok) {
      expect(result.message).not.toMatch(/[\r\n]/);
      expect(result.message).toContain('\ufffd');
    }
  });

  it.each(['"anna"@firma.se', '"a@b"@firma.se', 'anna."berg"@firma.se', '"anna berg"@firma.se'])('refuses the quoted local part %s', (input) => {
    expectRefused(parseAddress(input), 'address_quoted_local_part');
  });

  it.each([
    ['comment', 'anna(ekonomi)@firma.se'],
    ['comment after the domain', 'anna@firma.se (Anna)'],
    ['group', 'kunder:anna@firma.se;'],
    ['empty group', 'undisclosed-recipients:;'],
    ['source route', '@relay.se:anna@firma.se'],
    ['semicolon', 'anna@firma.se;bo@firma.se'],
  ])('refuses a %s', (_reason, input) => {
    expectRefused(parseAddress(input), 'address_comment_or_group');
  });

  it.each(['anna@[192.0.2.1]', 'anna@[IPv6:2001:db8::1]', 'anna@192.0.2.1'])('refuses the IP literal %s', (input) => {
    expectRefused(parseAddress(input), 'address_ip_literal');
  });

  it('reports the input it refused', () => {
    const result = parseAddress('  anna@localhost ');
    expect(result).toMatchObject({ ok: false, input: '  anna@localhost ' });
  });
});

describe('parseMailbox', () => {
  it('accepts a bare address', () => {
    expectMailbox(parseMailbox('anna@firma.se'), { address: 'anna@firma.se' });
  });

  it('accepts Anna Berg <anna@firma.se>', () => {
    expectMailbox(parseMailbox('Anna Berg <anna@firma.se>'), { name: 'Anna Berg', address: 'anna@firma.se' });
  });

  it('accepts an address in angle brackets without a name', () => {
    expectMailbox(parseMailbox('<anna@firma.se>'), { address: 'anna@firma.se' });
    expectMailbox(parseMailbox('< anna@firma.se >'), { address: 'anna@firma.se' });
  });

  it('accepts quoted names with commas', () => {
    expectMailbox(parseMailbox('"Berg, Anna" <anna@firma.se>'), { name: 'Berg, Anna', address: 'anna@firma.se' });
    expectMailbox(parseMailbox('"Firma, Inc." <faktura@firma.com>'), {
      name: 'Firma, Inc.',
      address: 'faktura@firma.com',
    });
  });

  it('unescapes quotes and backslashes inside a quoted name', () => {
    expectMailbox(parseMailbox('"Anna \\"Annie\\" Berg \\\\ AB" <anna@firma.se>'), {
      name: 'Anna "Annie" Berg \\ AB',
      address: 'anna@firma.se',
    });
  });

  it('allows parentheses, colons, semicolons and @ inside a quoted name', () => {
    expectMailbox(parseMailbox('"Firma AB (ekonomi): anna@firma.se; tel" <anna@firma.se>'), {
      name: 'Firma AB (ekonomi): anna@firma.se; tel',
      address: 'anna@firma.se',
    });
  });

  it.each([
    ['Jón Þórsson <jon@fyrirtaeki.is>', 'Jón Þórsson', 'jon@fyrirtaeki.is'],
    ['Łukasz Żółkiewski <lukasz@firma.pl>', 'Łukasz Żółkiewski', 'lukasz@firma.pl'],
    ['Zofia Wójcik-Dąbrowska <z.wojcik@biuro.pl>', 'Zofia Wójcik-Dąbrowska', 'z.wojcik@biuro.pl'],
    ['Guðrún Ólafsdóttir <gudrun@fyrirtæki.is>', 'Guðrún Ólafsdóttir', 'gudrun@xn--fyrirtki-o0a.is'],
    ['Anna B. Berg <anna@firma.se>', 'Anna B. Berg', 'anna@firma.se'],
    ["Seán O'Brien <sean@firma.ie>", "Seán O'Brien", 'sean@firma.ie'],
  ])('accepts %s', (input, name, address) => {
    expectMailbox(parseMailbox(input), { name, address });
  });

  it('collapses and trims whitespace in the name', () => {
    expectMailbox(parseMailbox('   Anna \u00a0  Berg   <anna@firma.se>  '), { name: 'Anna Berg', address: 'anna@firma.se' });
    expectMailbox(parseMailbox('"  Anna   Berg  " <anna@firma.se>'), { name: 'Anna Berg', address: 'anna@firma.se' });
  });

  it('normalises the name to NFC', () => {
    const result = parseMailbox('Jo\u0301n <jon@fyrirtaeki.is>');
    expectMailbox(result, { name: 'J\u00f3n', address: 'jon@fyrirtaeki.is' });
  });

  it('drops an empty name', () => {
    expectMailbox(parseMailbox('"" <anna@firma.se>'), { address: 'anna@firma.se' });
    expectMailbox(parseMailbox('"   " <anna@firma.se>'), { address: 'anna@firma.se' });
  });

  it('accepts a 200-character name and refuses 201', () => {
    expectMailbox(parseMailbox(`${'Å'.repeat(200)} <anna@firma.se>`), { name: 'Å'.repeat(200), address: 'anna@firma.se' });
    expectRefused(parseMailbox(`${'Å'.repeat(201)} <anna@firma.se>`), 'name_invalid');
  });

  it.each([
    ['CR', '"Anna\rBerg" <anna@firma.se>'],
    ['LF', 'Anna\nBerg <anna@firma.se>'],
    ['NUL', 'Anna\u0000 <anna@firma.se>'],
    ['tab', 'Anna\tBerg <anna@firma.se>'],
    ['escape', 'Anna\u001b[31m <anna@firma.se>'],
    ['right-to-left override', 'Anna \u202eBerg <anna@firma.se>'],
    ['zero-width space', 'An\u200bna <anna@firma.se>'],
    ['< inside quotes', '"Anna <boss@firma.se>" <anna@firma.se>'],
    ['> inside quotes', '"Anna >" <anna@firma.se>'],
    ['unquoted comma', 'Berg, Anna <anna@firma.se>'],
    ['unquoted @', 'anna@firma.se <anna@firma.se>'],
    ['unquoted brackets', 'Anna [AB] <anna@firma.se>'],
    ['a quote in the middle', 'Anna "Annie" Berg <anna@firma.se>'],
    ['a partly quoted name', '"Anna" Berg <anna@firma.se>'],
  ])('refuses a name with %s', (_reason, input) => {
    expectRefused(parseMailbox(input), 'name_invalid');
  });

  it.each([
    ['missing >', 'Anna <anna@firma.se'],
    ['missing <', 'Anna anna@firma.se>'],
    ['text after >', 'Anna <anna@firma.se> x'],
    ['two addresses', 'Anna <anna@firma.se> <bo@firma.se>'],
    ['nested angle brackets', 'Anna <<anna@firma.se>>'],
    ['an unclosed quote', '"Anna <anna@firma.se>'],
    ['a name without angle brackets', 'Anna anna@firma.se'],
  ])('refuses %s', (_reason, input) => {
    expectRefused(parseMailbox(input), 'address_invalid');
  });

  it('suggests angle brackets when a name is written without them', () => {
    const result = parseMailbox('Anna anna@firma.se');
    if (result.ok) throw new Error('expected refusal');
    expect(result.message).toContain('Anna Berg <anna@firma.se>');
  });

  it('validates the address inside the angle brackets like parseAddress', () => {
    expectRefused(parseMailbox('Anna <kund@@exempel.se>'), 'address_invalid');
    expectRefused(parseMailbox('Anna <"anna"@firma.se>'), 'address_quoted_local_part');
    expectRefused(parseMailbox('Anna <anna@[192.0.2.1]>'), 'address_ip_literal');
    expectRefused(parseMailbox('Anna <åsa@firma.se>'), 'address_unicode_local_part');
    expectRefused(parseMailbox('Anna <>'), 'address_empty');
    expectMailbox(parseMailbox('Anna <faktura@bücher.de>'), { name: 'Anna', address: 'faktura@xn--bcher-kva.de' });
  });

  it.each([
    ['comment', 'Anna (ekonomi) <anna@firma.se>'],
    ['group', 'Ekonomi: Anna <anna@firma.se>;'],
    ['source route', '<@relay.se:anna@firma.se>'],
    ['second address after ;', 'anna@firma.se; bo@firma.se'],
  ])('refuses a %s', (_reason, input) => {
    expectRefused(parseMailbox(input), 'address_comment_or_group');
  });

  it('refuses empty input and over-long input', () => {
    expectRefused(parseMailbox(''), 'address_empty');
    expectRefused(parseMailbox(`"${'x'.repeat(2000)}" <anna@firma.se>`), 'address_too_long');
  });
});

describe('parseMailboxList', () => {
  it('splits a string on commas and semicolons', () => {
    const result = parseMailboxList('anna@firma.se, Bo Ek <bo@firma.se>; cecilia@firma.se');
    expect(result).toEqual({
      ok: true,
      value: [{ address: 'anna@firma.se' }, { name: 'Bo Ek', address: 'bo@firma.se' }, { address: 'cecilia@firma.se' }],
    });
  });

  it('skips blank entries such as a trailing separator', () => {
    expect(listAddresses(parseMailboxList(' anna@firma.se;; , bo@firma.se; '))).toEqual(['anna@firma.se', 'bo@firma.se']);
  });

  it('does not split on commas inside quotes', () => {
    expect(parseMailboxList('"Berg, Anna" <anna@firma.se>, "Ek, Bo" <bo@firma.se>')).toEqual({
      ok: true,
      value: [
        { name: 'Berg, Anna', address: 'anna@firma.se' },
        { name: 'Ek, Bo', address: 'bo@firma.se' },
      ],
    });
  });

  it('does not split inside angle brackets, so a separator there refuses the entry', () => {
    expect(parseMailboxList('Anna <anna@firma.se,bo@firma.se>')).toMatchObject({ ok: false, index: 0 });
    expect(parseMailboxList('Anna <anna,bo@firma.se>')).toMatchObject({
      ok: false,
      code: 'address_forbidden_character',
      index: 0,
    });
  });

  it('takes one mailbox per array item and does not split items', () => {
    expect(parseMailboxList(['"Berg, Anna" <anna@firma.se>', 'bo@firma.se'])).toEqual({
      ok: true,
      value: [{ name: 'Berg, Anna', address: 'anna@firma.se' }, { address: 'bo@firma.se' }],
    });
    expect(parseMailboxList(['anna@firma.se', 'bo@firma.se, cecilia@firma.se'])).toMatchObject({ ok: false, index: 1 });
    expect(parseMailboxList(['anna@firma.se', ''])).toMatchObject({ ok: false, code: 'address_empty', index: 1 });
  });

  it('removes duplicates case-insensitively and keeps the first', () => {
    const result = parseMailboxList('Anna <Anna@Firma.se>, anna@firma.SE, ANNA@FIRMA.SE, bo@firma.se');
    expect(result).toEqual({
      ok: true,
      value: [{ name: 'Anna', address: 'Anna@firma.se' }, { address: 'bo@firma.se' }],
    });
  });

  it('treats the Unicode and punycode spelling of a domain as the same address', () => {
    expect(listAddresses(parseMailboxList(['faktura@bücher.de', 'faktura@xn--bcher-kva.de']))).toEqual(['faktura@xn--bcher-kva.de']);
  });

  it('reports the position and text of the refused entry', () => {
    const result = parseMailboxList('anna@firma.se, bo@@firma.se, cecilia@firma.se');
    expect(result).toMatchObject({ ok: false, code: 'address_invalid', index: 1, input: ' bo@@firma.se' });
  });

  it('accepts 50 addresses by default and refuses the 51st', () => {
    const fifty = Array.from({ length: 50 }, (_, i) => `kund${i}@firma.se`);
    expect(listAddresses(parseMailboxList(fifty))).toHaveLength(50);
    const result = parseMailboxList([...fifty, 'kund50@firma.se'].join(', '));
    expect(result).toMatchObject({ ok: false, code: 'address_list_too_long', index: 50 });
  });

  it('does not count duplicates towards the maximum', () => {
    expect(listAddresses(parseMailboxList(['a@firma.se', 'A@firma.se', 'b@firma.se'], { max: 2 }))).toEqual(['a@firma.se', 'b@firma.se']);
    expect(parseMailboxList(['a@firma.se', 'b@firma.se', 'c@firma.se'], { max: 2 })).toMatchObject({
      ok: false,
      code: 'address_list_too_long',
      index: 2,
      input: 'c@firma.se',
    });
  });

  it('refuses more than four entries per allowed recipient, even if they are duplicates', () => {
    expect(
      listAddresses(
        parseMailboxList(
          Array.from({ length: 8 }, () => 'anna@firma.se'),
          { max: 2 },
        ),
      ),
    ).toEqual(['anna@firma.se']);
    expect(parseMailboxList('anna@firma.se,'.repeat(9), { max: 2 })).toMatchObject({
      ok: false,
      code: 'address_list_too_long',
      index: 8,
    });
  });

  it('refuses an empty list', () => {
    expect(parseMailboxList('')).toMatchObject({ ok: false, code: 'address_empty', index: 0 });
    expect(parseMailboxList(' ,; ')).toMatchObject({ ok: false, code: 'address_empty' });
    expect(parseMailboxList([])).toMatchObject({ ok: false, code: 'address_empty' });
  });

  it('throws on an impossible maximum', () => {
    expect(() => parseMailboxList('a@firma.se', { max: 0 })).toThrow(RangeError);
    expect(() => parseMailboxList('a@firma.se', { max: 1.5 })).toThrow(RangeError);
  });
});

describe('addressDomain, sameAddress, formatMailbox', () => {
  it('returns the punycode domain of an address', () => {
    expect(addressDomain('anna@firma.se')).toBe('firma.se');
    expect(addressDomain('faktura@xn--bcher-kva.de')).toBe('xn--bcher-kva.de');
    expect(addressDomain('faktura@Bücher.DE')).toBe('xn--bcher-kva.de');
  });

  it('throws when addressDomain is given something that is not an address', () => {
    expect(() => addressDomain('firma.se')).toThrow(TypeError);
    expect(() => addressDomain('user@good-corp.com(x)evil.com')).toThrow(TypeError);
  });

  it('compares addresses case-insensitively, across IDN spellings', () => {
    expect(sameAddress('Anna@Firma.se', 'anna@firma.SE')).toBe(true);
    expect(sameAddress('faktura@bücher.de', 'FAKTURA@xn--bcher-kva.de')).toBe(true);
    expect(sameAddress('anna@firma.se', 'anna@firma.com')).toBe(false);
    expect(sameAddress('anna+a@firma.se', 'anna@firma.se')).toBe(false);
  });

  it('never calls an invalid address the same as anything', () => {
    expect(sameAddress('kund@@exempel.se', 'kund@@exempel.se')).toBe(false);
    expect(sameAddress('anna@firma.se', 'anna@firma.se (x)')).toBe(false);
  });

  it('formats mailboxes, quoting names only when needed', () => {
    expect(formatMailbox({ address: 'anna@firma.se' })).toBe('anna@firma.se');
    expect(formatMailbox({ name: 'Anna Berg', address: 'anna@firma.se' })).toBe('Anna Berg <anna@firma.se>');
    expect(formatMailbox({ name: 'Jón Þórsson', address: 'jon@fyrirtaeki.is' })).toBe('Jón Þórsson <jon@fyrirtaeki.is>');
    expect(formatMailbox({ name: 'Firma, Inc.', address: 'info@firma.se' })).toBe('"Firma, Inc." <info@firma.se>');
    expect(formatMailbox({ name: 'Anna "Annie" \\ Berg', address: 'anna@firma.se' })).toBe('"Anna \\"Annie\\" \\\\ Berg" <anna@firma.se>');
  });

  it.each([
    { name: 'Anna Berg', address: 'anna@firma.se' },
    { name: 'Firma, Inc.', address: 'info@firma.se' },
    { name: 'Anna "Annie" \\ Berg (ekonomi); x: y@z', address: 'anna@firma.se' },
    { name: 'Guðrún Ólafsdóttir', address: 'gudrun@xn--fyrirtki-o0a.is' },
    { address: 'anna@firma.se' },
  ])('round-trips %o through formatMailbox and parseMailbox', (mailbox) => {
    expectMailbox(parseMailbox(formatMailbox(mailbox)), mailbox);
  });

  it('never puts control characters from a hand-built name into the output', () => {
    const shown = formatMailbox({ name: 'Anna\r\nBcc: evil@attacker.com', address: 'anna@firma.se' });
    expect(shown).not.toMatch(/[\r\n]/);
    expect(shown).toBe('"Anna Bcc: evil@attacker.com" <anna@firma.se>');
  });
});

// One regression test per nodemailer advisory class (nodemailer's GitHub security advisories).
describe('nodemailer advisory regressions', () => {
  it('GHSA-mm7p-fcc7-pg87: quoted local part containing another address is refused, not delivered inside', () => {
    const input = '"xclow3n@gmail.com x"@internal.domain';
    expectRefused(parseAddress(input), 'address_quoted_local_part');
    expectRefused(parseMailbox(input), 'address_quoted_local_part');
    expectRefused(parseMailbox(`Anna <${input}>`), 'address_quoted_local_part');
    expect(listAddresses(parseMailboxList(`anna@firma.se, ${input}`))).not.toContain('xclow3n@gmail.com');
    expect(parseMailboxList(`anna@firma.se, ${input}`)).toMatchObject({ ok: false, index: 1 });
  });

  it('GHSA-cc9r-2j5m-2m83: user@good-corp.com(x)evil.com is refused, not read as one domain', () => {
    const input = 'user@good-corp.com(x)evil.com';
    expectRefused(parseAddress(input), 'address_comment_or_group');
    expectRefused(parseMailbox(input), 'address_comment_or_group');
    expectRefused(parseMailbox(`User <${input}>`), 'address_comment_or_group');
    expect(parseMailboxList([input]).ok).toBe(false);
  });

  it('GHSA-g57g-f23g-4646: "user"@example.com(x)evil.com is refused', () => {
    const input = '"user"@example.com(x)evil.com';
    expectRefused(parseAddress(input));
    expectRefused(parseMailbox(input));
    expect(parseMailboxList(input).ok).toBe(false);
  });

  it('GHSA-8c8m-p3m8-cjg8: nested comments are refused instead of ending at the first ")"', () => {
    for (const input of [
      'user@example.com((x)evil.com)',
      'user@example.com((x)@evil.com)',
      'Anna ((x) <evil@attacker.com>) <anna@firma.se>',
      'anna@firma.se ((a) evil@attacker.com)',
      '((((((((x))))))))anna@firma.se',
    ]) {
      expectRefused(parseAddress(input), 'address_comment_or_group');
      expectRefused(parseMailbox(input), 'address_comment_or_group');
      expect(listAddresses(parseMailboxList(input))).not.toContain('evil@attacker.com');
    }
  });

  it('GHSA-m943-m63m-w62w: ";" inside quotes does not end an entry or a group in a list', () => {
    const quoted = parseMailboxList('"Sales; evil@attacker.com" <anna@firma.se>, bo@firma.se');
    expect(listAddresses(quoted)).toEqual(['anna@firma.se', 'bo@firma.se']);
    expect(listAddresses(quoted)).not.toContain('evil@attacker.com');

    const group = parseMailboxList('team: "x; evil@attacker.com" <anna@firma.se>;, bo@firma.se');
    expect(group).toMatchObject({ ok: false, code: 'address_comment_or_group' });
    expect(listAddresses(group)).not.toContain('evil@attacker.com');

    const unbalanced = parseMailboxList('"Sales; <evil@attacker.com>, anna@firma.se');
    expect(unbalanced.ok).toBe(false);
    expect(listAddresses(unbalanced)).not.toContain('evil@attacker.com');
  });

  it('GHSA-wmmp-3585-3rmp: an IDN with an invisible soft hyphen is refused, not sent to the look-alike domain', () => {
    // IDNA drops U+00AD, so a plain URL-based conversion would turn this into xn--bcher-kva.de.
    expectRefused(parseAddress('faktura@bü\u00adcher.de'), 'address_forbidden_character');
    expectRefused(parseMailbox('Faktura <faktura@bü\u00adcher.de>'), 'address_forbidden_character');
    // The same domain already encoded: "xn--bcher-0ha66c" decodes to "bü\u00adcher".
    expectRefused(parseAddress('faktura@xn--bcher-0ha66c.de'), 'address_forbidden_character');
    expectRefused(parseAddress('faktura@bu\u200bcher.de'), 'address_forbidden_character');
    expect(listAddresses(parseMailboxList('faktura@bü\u00adcher.de'))).not.toContain('faktura@xn--bcher-kva.de');
  });

  it('GHSA-3q53-mvfw-q9v8: folding whitespace or a comment before a dot does not cut the domain', () => {
    for (const input of [
      'user@good-corp.com .evil.com',
      'user@good-corp.com\r\n .evil.com',
      'user@good-corp.com\t.evil.com',
      'user@good-corp.com(x).evil.com',
      'user@good-corp.com (x) .evil.com',
      'user@good-corp.com\r\n\t(x).evil.com',
    ]) {
      expectRefused(parseAddress(input));
      expectRefused(parseMailbox(input));
      expectRefused(parseMailbox(`User <${input}>`));
      expect(listAddresses(parseMailboxList(input))).not.toContain('user@good-corp.com');
    }
  });

  it('CVE-2021-23400: CR/LF in the display name is refused, not turned into a header', () => {
    expectRefused(parseMailbox('"Anna\r\nBcc: evil@attacker.com" <anna@firma.se>'), 'name_invalid');
    expectRefused(parseMailbox('"Anna\nX-Injected: 1" <anna@firma.se>'), 'name_invalid');
    expectRefused(parseMailbox('Anna\r\n <anna@firma.se>'), 'name_invalid');
    expectRefused(parseMailbox('Anna\r\nBcc: evil@attacker.com <anna@firma.se>'));
    const list = parseMailboxList('bo@firma.se, "Anna\r\nBcc: evil@attacker.com" <anna@firma.se>');
    expect(list).toMatchObject({ ok: false, code: 'name_invalid', index: 1 });
  });

  it('CVE-2020-7769: an address starting with "-" (a sendmail flag) is refused', () => {
    for (const input of ['-oQ/tmp/ -X/tmp/x@example.com', '-a@example.com', '-f@firma.se']) {
      expectRefused(parseAddress(input));
      expectRefused(parseMailbox(input));
      expectRefused(parseMailbox(`Anna <${input}>`));
    }
    expectRefused(parseAddress('-a@example.com'), 'address_forbidden_character');
    expect(parseMailboxList('anna@firma.se, -bo@firma.se')).toMatchObject({ ok: false, index: 1 });
  });

  it('CVE-2025-14874: deeply nested groups separated by ":" are refused quickly', () => {
    const nested = `${'g:'.repeat(50_000)}anna@firma.se${';'.repeat(50_000)}`;
    for (const input of ['a:b:c:d:anna@firma.se;;;;', nested]) {
      const started = performance.now();
      expectRefused(parseAddress(input));
      expectRefused(parseMailbox(input));
      expect(parseMailboxList(input).ok).toBe(false);
      expect(performance.now() - started).toBeLessThan(500);
    }
    expectRefused(parseMailbox('a:b:c:d:anna@firma.se;;;;'), 'address_comment_or_group');
  });
});

describe('pathological inputs run in linear time', () => {
  const inputs: Array<[string, string]> = [
    ['100 000 "("', '('.repeat(50_000).repeat(2)],
    ['50 000 "("', '('.repeat(50_000)],
    ['100 000 "a" then "@"', `${'a'.repeat(100_000)}@`],
    ['100 000 quotes', '"'.repeat(100_000)],
    ['100 000 "<"', '<'.repeat(100_000)],
    ['100 000 backslashes', '\\'.repeat(100_000)],
    ['spaces then a letter', `${' '.repeat(100_000)}x`],
    ['alternating space and letter', ' a'.repeat(50_000)],
    ['repeated "a@"', 'a@'.repeat(50_000)],
    ['repeated dots', `a@${'.'.repeat(100_000)}`],
    ['100 000 commas', ','.repeat(100_000)],
    ['repeated quoted names', '"a,"<'.repeat(25_000)],
    ['many distinct addresses', Array.from({ length: 10_000 }, (_, i) => `k${i}@f.se`).join(',')],
    ['many duplicate addresses', 'anna@firma.se,'.repeat(7_000)],
    ['huge domain', `a@${'b'.repeat(100_000)}.se`],
    ['huge Unicode domain', `a@${'ü'.repeat(100_000)}.de`],
    ['soft hyphens', `a@${'\u00ad'.repeat(100_000)}.de`],
  ];

  // A quadratic parser needs seconds for 100 000 characters, a linear one a few milliseconds: the
  // budget is generous so that a busy CI machine never fails it, and still far below quadratic.
  it.each(inputs)('%s returns within 500 ms', (_label, input) => {
    parseMailbox('warm@up.se');
    for (const parse of [parseAddress, parseMailbox, (s: string) => parseMailboxList(s)]) {
      const started = performance.now();
      parse(input);
      expect(performance.now() - started).toBeLessThan(500);
    }
  });
});
