/**
 * Generated texts for the property tests that hold the relay's own MIME writing to nodemailer's
 * bytes (test/relay/build-mime-now.test.ts, test/relay/write-mixed-message.test.ts).
 */
import fc from 'fast-check';

/** Words that stress encoders: non-ASCII, emoji, encoded-word look-alikes, a line's `From`, a lone dot. */
const TEXT_WORDS = ['Faktura', 'Påminnelse', 'Ærø', '€', '😀', 'Счёт', 'x', '=', '=?utf-8?q?x?=', '.', 'From'];
/** And what a header's phrase must quote or escape. */
const HEADER_WORDS = ['"', 'a,b', "O'Neil", '\\', '<x>', '(c)', ':', ';', '\t'];

/** Phrases of 1 to `max` words; `forHeaders` adds the words a header must quote. */
export function phrases(forHeaders = false) {
  const words = fc.constantFrom(...TEXT_WORDS, ...(forHeaders ? HEADER_WORDS : []));
  return (max: number) => fc.array(words, { minLength: 1, maxLength: max }).map((w) => w.join(' '));
}

/** A message's text: empty, a phrase, or lines with long runs, non-ASCII text, trailing spaces and tabs, in every line ending. */
export function messageTexts(phrase: (max: number) => fc.Arbitrary<string>, ...more: fc.Arbitrary<string>[]) {
  return fc.oneof(
    fc.constant(''),
    phrase(20),
    fc
      .array(fc.oneof(phrase(8), fc.constant('x'.repeat(1200)), fc.constant('ä'.repeat(700)), fc.constant('Ж'.repeat(90)), fc.constant('  '), fc.constant('a \t'), fc.constant('=')), {
        maxLength: 10,
      })
      .chain((lines) => fc.constantFrom('\n', '\r\n', '\r', '').map((eol) => lines.join(eol))),
    ...more,
  );
}
