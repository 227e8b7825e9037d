import { describe, expect, it } from 'vitest';
import { matchesAnySenderPattern, parseSenderPattern, senderPatternWithin, type SenderPattern } from '../../shared/sender-patterns';

const parsed = (text: string): SenderPattern => {
  const result = parseSenderPattern(text);
  if (!result.ok) throw new Error(result.message);
  return result.value;
};

describe('parseSenderPattern', () => {
  it.each([
    ['anna@firma.se', 'anna@firma.se'],
    ['  Anna@FIRMA.se ', 'Anna@firma.se'],
    ['@firma.se', '@firma.se'],
    ['*@Firma.SE', '@firma.se'],
    ['@Bücher.de', '@xn--bcher-kva.de'],
  ])('normalises %j to %j', (input, text) => {
    expect(parseSenderPattern(input)).toMatchObject({ ok: true, text });
  });

  it.each(['', '@', '@@firma.se', 'firma.se', '"x@y"@firma.se', '@firma.se(x)evil.example', 'a@firma.se\r\nBcc: x@evil.example', '@exa\u00admple.com', '*.firma.se'])('refuses %j', (input) => {
    expect(parseSenderPattern(input).ok).toBe(false);
  });
});

describe('matching', () => {
  it('an address pattern matches that address in any case, nothing else', () => {
    expect(matchesAnySenderPattern(['anna@firma.se'], 'ANNA@Firma.se')).toBe(true);
    expect(matchesAnySenderPattern(['anna@firma.se'], 'anna2@firma.se')).toBe(false);
  });

  it('a @domain pattern matches the domain itself, not its sub-domains or look-alikes', () => {
    expect(matchesAnySenderPattern(['@firma.se'], 'bo@firma.se')).toBe(true);
    expect(matchesAnySenderPattern(['@firma.se'], 'bo@sub.firma.se')).toBe(false);
    expect(matchesAnySenderPattern(['@firma.se'], 'bo@firma.se.evil.example')).toBe(false);
    expect(matchesAnySenderPattern(['@firma.se'], 'bo@evilfirma.se')).toBe(false);
  });

  it('an IDN domain matches in its Unicode and punycode forms', () => {
    expect(matchesAnySenderPattern(['@bücher.de'], 'kund@xn--bcher-kva.de')).toBe(true);
  });

  it('a stored entry that no longer parses matches nothing (fails closed)', () => {
    expect(matchesAnySenderPattern(['@', 'not a pattern'], 'bo@firma.se')).toBe(false);
  });

  it('senderPatternWithin: an address inside an allowed domain, a domain only inside the same domain', () => {
    expect(senderPatternWithin(parsed('bo@firma.se'), [parsed('@firma.se')])).toBe(true);
    expect(senderPatternWithin(parsed('@firma.se'), [parsed('@firma.se')])).toBe(true);
    expect(senderPatternWithin(parsed('@firma.se'), [parsed('bo@firma.se')])).toBe(false);
    expect(senderPatternWithin(parsed('@sub.firma.se'), [parsed('@firma.se')])).toBe(false);
  });
});
