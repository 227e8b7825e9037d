/**
 * The amount parser against `Intl.NumberFormat` as the reference formatter (issue 16, item 5): a
 * customer was about to receive "Amount due: 114" for 1140.00. Whatever a supported locale prints,
 * grouped or not, with the currency before or after, negative, with the group separator written as
 * a space, a no-break space or a narrow no-break space (or an apostrophe in Swiss German), the parser
 * returns the whole amount as written and the number it stands for.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENCY, parseAmount, parseAmountValue } from '../../extension/sites/amounts';
import { parseAmount as parseAmountFromLabels } from '../../extension/sites/page-labels';

/** Every language whose pages we read, with its usual currency (and its regional variants). */
const LOCALES: readonly [string, string][] = [
  ['en-GB', 'GBP'],
  ['en-US', 'USD'],
  ['pl-PL', 'PLN'],
  ['is-IS', 'ISK'],
  ['sv-SE', 'SEK'],
  ['da-DK', 'DKK'],
  ['nb-NO', 'NOK'],
  ['de-DE', 'EUR'],
  ['de-AT', 'EUR'],
  ['de-CH', 'CHF'],
  ['fi-FI', 'EUR'],
  ['nl-NL', 'EUR'],
  ['fr-FR', 'EUR'],
  ['fr-CH', 'CHF'],
  ['es-ES', 'EUR'],
  ['it-IT', 'EUR'],
  ['pt-PT', 'EUR'],
  ['pt-BR', 'BRL'],
  ['en-IN', 'INR'],
  // Regional variants (round 16): their own currencies, signs and separators.
  ['en-ZA', 'ZAR'],
  ['en-IE', 'EUR'],
  ['en-CA', 'CAD'],
  ['en-AU', 'AUD'],
  ['fr-BE', 'EUR'],
  ['fr-CA', 'CAD'],
  ['nl-BE', 'EUR'],
  ['it-CH', 'CHF'],
  ['sv-FI', 'EUR'],
  ['es-PE', 'PEN'],
  ['es-CO', 'COP'],
  ['es-MX', 'MXN'],
  ['es-AR', 'ARS'],
];

/** The spellings of the group separator apps use besides the one `Intl` prints. */
const SPACE_SEPARATORS = [' ', '\u00a0', '\u202f'];

const amountCase = fc.record({
  locale: fc.constantFrom(...LOCALES),
  foreign: fc.constantFrom<string | undefined>(undefined, 'EUR', 'USD'),
  cents: fc.oneof(fc.integer({ min: -99_999, max: 99_999 }), fc.integer({ min: -999_999_999_99, max: 999_999_999_99 })),
  grouping: fc.boolean(),
  display: fc.constantFrom<'symbol' | 'narrowSymbol' | 'code' | 'none'>('symbol', 'narrowSymbol', 'code', 'none'),
  separator: fc.constantFrom(undefined, ...SPACE_SEPARATORS, '’'),
});

type AmountCase = typeof amountCase extends fc.Arbitrary<infer T> ? T : never;

function format({ locale: [locale, own], foreign, cents, grouping, display, separator }: AmountCase) {
  const currency = foreign ?? own;
  const digits = currency === 'ISK' ? 0 : 2;
  const value = digits === 0 ? Math.round(cents / 100) : cents / 100;
  const formatter = new Intl.NumberFormat(locale, {
    useGrouping: grouping,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    ...(display === 'none' ? {} : { style: 'currency', currency, currencyDisplay: display }),
  });
  const groupPart = formatter.formatToParts(1_000_000).find((p) => p.type === 'group')?.value;
  let text = formatter.format(value);
  // Apps write the separator their own way: a plain space where Intl prints a no-break one, Swiss ’ for '.
  if (separator && groupPart && (/\s/.test(groupPart) ? separator !== '’' : groupPart === "'" && separator === '’')) {
    text = text.split(groupPart).join(separator);
  }
  return { text, value };
}

describe('parseAmount', () => {
  it.each([
    ['1140.00', '1140.00', 1140],
    ['1140', '1140', 1140],
    ['1140.00 EUR', '1140.00 EUR', 1140],
    ['Amount due: 1140.00', '1140.00', 1140],
    ['12 500,00 SEK', '12 500,00 SEK', 12500],
    ['€ 1.234,50', '€ 1.234,50', 1234.5],
    ["CHF 1'234.50", "CHF 1'234.50", 1234.5],
    ['Fr. 1’234.50', 'Fr. 1’234.50', 1234.5],
    ['45.000 kr.', '45.000 kr.', 45000],
    ['−1 234,50 kr', '−1 234,50 kr', -1234.5],
    ["Total CHF 1'234.–", "CHF 1'234.–", 1234],
    ['12,-- €', '12,-- €', 12],
    ['Total R 12 650,00', 'R 12 650,00', 12650],
    ['Importe total S/ 2,950.00', 'S/ 2,950.00', 2950],
    ['Q 1,250.00', 'Q 1,250.00', 1250],
    ['INVR 200', '200', 200],
  ])('reads "%s" as "%s" (%d), not a prefix of it', (text, amount, value) => {
    expect(parseAmount(text)).toBe(amount);
    expect(parseAmountValue(text)).toBe(value);
    // The generic adapter and the recipes read amounts through page-labels: the same parser.
    expect(parseAmountFromLabels(text)).toBe(amount);
  });

  it.each([
    ['TOTAL GST 15%', undefined],
    ['TVA 19,5 %', undefined],
    ['IVA (21\u00a0%) 210,00 €', '210,00 €'],
  ])('takes no rate for an amount: "%s"', (text, amount) => {
    expect(parseAmount(text)).toBe(amount);
  });

  it('reads every amount a supported locale prints, whole, with the number it stands for', () => {
    fc.assert(
      fc.property(amountCase, (c) => {
        const { text, value } = format(c);
        expect(parseAmount(`Total: ${text} (incl. VAT)`)).toBe(text);
        expect(parseAmountValue(text)).toBe(value === 0 ? 0 : value);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the currency pattern', () => {
  // Spelt out letter by letter (amounts.ts: the `i` flag is too dear with `u`); it must match exactly
  // what the plain, case-insensitive list matches.
  const plain = new RegExp(String.raw`^(?:SEK|DKK|NOK|ISK|EUR|PLN|USD|GBP|CHF|BRL|INR|CZK|Kč|HUF|Ft|RON|lei|MAD|DHs?|US\$|BR\$|R\$|\$US|£GB|[IDN]kr|kr\.?|zł|Fr\.|€|\$|£|₹)$`, 'i');
  const spelt = new RegExp(`^${CURRENCY}$`, 'u');
  const words = [
    'SEK',
    'DKK',
    'NOK',
    'ISK',
    'EUR',
    'PLN',
    'USD',
    'GBP',
    'CHF',
    'BRL',
    'INR',
    'CZK',
    'Kč',
    'HUF',
    'Ft',
    'RON',
    'lei',
    'MAD',
    'DH',
    'Dhs',
    'US$',
    'BR$',
    'R$',
    '$US',
    '£GB',
    'Ikr',
    'Dkr',
    'Nkr',
    'kr',
    'kr.',
    'zł',
    'Fr.',
    '€',
    '$',
    '£',
    '₹',
  ];

  it('matches every currency in any case, and nothing else', () => {
    const variants = words.flatMap((w) => [w, w.toLowerCase(), w.toUpperCase(), w.slice(0, 1).toLowerCase() + w.slice(1).toUpperCase()]);
    for (const text of [...variants, 'SEKK', 'kr..', 'zl', 'ZL', 'Fr', 'EURO', 'kn', '']) expect(spelt.test(text), text).toBe(plain.test(text));
    fc.assert(fc.property(fc.string({ maxLength: 4 }), (text) => spelt.test(text) === plain.test(text)));
  });
});
