/**
 * Money as invoicing apps print it, in every locale we read (issue 16, item 5): grouped or not (also in lakh and crore), the
 * group separator a space, a no-break space (U+00A0), a narrow no-break space (U+202F, French), a dot,
 * a comma or an apostrophe (Swiss: ' or ’), the currency before or after, the minus sign ASCII or
 * U+2212. Property-tested against `Intl.NumberFormat` (test/extension/amounts.test.ts).
 */

/**
 * Currencies of the locales we read, as codes and as the symbols `Intl.NumberFormat` prints. Codes are matched in any case ("sek", "Kr."), spelt out letter by letter: the pattern has
 * the `u` flag (for `\p{L}`), and `i` with `u` makes the engine compile every class for Unicode case
 * folding, which costs each page load a millisecond (issue 18). amounts.test.ts checks it against
 * the plain list.
 */
export const CURRENCY = String.raw`(?:[sS][eE][kK]|[dD][kK][kK]|[nN][oO][kK]|[iI][sS][kK]|[eE][uU][rR]|[pP][lL][nN]|[uU][sS][dD]|[gG][bB][pP]|[cC][hH][fF]|[bB][rR][lL]|[iI][nN][rR]|[cC][zZ][kK]|[kK][čČ]|[hH][uU][fF]|[fF][tT]|[rR][oO][nN]|[lL][eE][iI]|[mM][aA][dD]|[dD][hH][sS]?|[uU][sS]\$|[bB][rR]\$|[rR]\$|\$[uU][sS]|£[gG][bB]|[IDNidn][kK][rR]|[kK][rR]\.?|[zZ][łŁ]|[fF][rR]\.|€|\$|£|₹)`;
const MINUS = '[-\u2212]';
/**
 * A grouped number needs at least one full group and one separator throughout ("1 234 567", not
 * "1,234.567"); neither alternative may stop before a digit, or "1140.00" would read as "114".
 * Whole amounts may end in a dash for no cents ("CHF 1'234.–", "12,-- €").
 */
const CENTS = String.raw`(?:[.,](?:\d{1,2}|[-\u2013]{1,2}(?![-\u2013\d])))?`;
/** A percentage ("GST 15%", "TVA 19,5 %") is a rate, not an amount. */
const NOT_AFTER = String.raw`(?![\d'’]|[.,]?\d*[ \u00a0\u202f]?%)`;
/** Indian grouping: thousands, then pairs of digits (lakh, crore): "₹1,18,000.00", "12,34,567". */
const LAKH = String.raw`\d{1,2}([ \u00a0\u202f.,'’])\d{2}(?:\2\d{2})*\2\d{3}${CENTS}${NOT_AFTER}`;
const NUMBER = String.raw`\d{1,3}([ \u00a0\u202f.,'’])\d{3}(?:\1\d{3})*${CENTS}${NOT_AFTER}|${LAKH}|\d+${CENTS}${NOT_AFTER}`;
const SPACE = '[ \u00a0\u202f]?';
/**
 * After the number, any currency's code in capitals as well ("$12,450.00 MXN", "1,100.00 AUD"): an
 * amount's label comes before it, so three capitals after its digits are its currency, whichever.
 */
const CODE_AFTER = '[A-Z]{3}';
/** A dollar with its country before it ("CA$1,234.50", "A$", "NZ$", "HK$"), as Stripe and FreshBooks print them. */
const COUNTRY_DOLLAR = String.raw`(?:CA|AU|NZ|HK|SG|MX|C|A)\$`;
/** A dollar with its country after it, as French-speaking Canada prints it ("1 725,00 $ CA", "$ CAN", "$ US"). */
const DOLLAR_COUNTRY = String.raw`\$${SPACE}(?:CAN|CA|US|AU|NZ|HK)`;
/**
 * The symbols of the regions' currencies before the number, in capitals as `Intl.NumberFormat` prints
 * them, never inside a word or a code, and their codes in capitals ("ZAR 12 650,00"): the South African rand ("R 12 650,00"), the Peruvian sol ("S/
 * 2,950.00"), the Guatemalan quetzal, the Bolivian boliviano, the Malaysian ringgit, and the single
 * signs (colón, guaraní, peso, naira, shekel, lira, yen, won).
 */
const REGIONAL_BEFORE = String.raw`(?<![\p{L}\p{N}])(?:ZAR|PEN|COP|MXN|ARS|CLP|UYU|CAD|AUD|NZD|HKD|SGD|S\/\.?|R|Q|Bs\.?|RM|[₡₲₱₦₪₺¥₩])`;
const MONEY_PATTERN = new RegExp(
  String.raw`(?:${MINUS}${SPACE})?(?:(?:${COUNTRY_DOLLAR}|${CURRENCY}|${REGIONAL_BEFORE})${SPACE}(?:${MINUS}${SPACE})?)?(?:${NUMBER})(?:${SPACE}(?:${DOLLAR_COUNTRY}|${CURRENCY}|${CODE_AFTER})(?![\p{L}]))?`,
  'u',
);

const MONEY_PATTERNS = new RegExp(MONEY_PATTERN.source, 'gu');
/** A dash joined to a letter or digit before it is a code's hyphen ("BT-115", "INV-42"), not a minus. */
const CODE_HYPHEN = /^[-\u2212][ \u00a0\u202f]?\d*/;
const CODE_CHARACTER = /[\p{L}\p{N}]/u;

/** The first amount in a text, as written: "12 500,00 SEK", "€ 1.234,50", "kr 900", "CHF-1'234.50". */
export function parseAmount(text: string): string | undefined {
  MONEY_PATTERNS.lastIndex = 0;
  for (let match = MONEY_PATTERNS.exec(text); match; match = MONEY_PATTERNS.exec(text)) {
    if (match.index > 0 && CODE_HYPHEN.test(match[0]) && CODE_CHARACTER.test(text[match.index - 1]!)) {
      // Past the code's digits only: a currency after them ("INV-42 € 30,00") begins the amount.
      MONEY_PATTERNS.lastIndex = match.index + CODE_HYPHEN.exec(match[0])![0].length;
      continue;
    }
    const value = match[0].trim();
    // "2,000 pcs", "16 h", "120 Stk.": a quantity with its unit, not money.
    if (!/[^\d\s.,'’\-\u2212]/.test(value) && QUANTITY_UNIT.test(text.slice(match.index + match[0].length))) continue;
    if (/\d/.test(value)) return value;
  }
  return undefined;
}

/** A unit after a quantity, in the languages we read: pieces, numbers, units, hours, kilograms, metres. */
const QUANTITY_UNIT = /^[ \u00a0]?(?:pcs|pc|nos|units?|hrs?|h|kg|m²|m2|stk|st|szt|kpl|pz|uds|un|ea|timer|tim|tuntia)\.?(?![\p{L}\p{N}])/iu;

/**
 * The number an amount stands for: `parseAmountValue("1.234,50 €") === 1234.5`. A separator followed
 * by exactly three digits groups thousands; followed by one or two, it is the decimal point (amounts
 * have at most two decimals in every currency we read).
 */
export function parseAmountValue(text: string): number | undefined {
  const amount = parseAmount(text);
  if (!amount) return undefined;
  // The sign comes before the digits: a dash after them stands for no cents ("12,--").
  const negative = /^\D*[-\u2212]/.test(amount);
  const digits = /\d[\d \u00a0\u202f.,'’]*/.exec(amount)?.[0]?.replace(/[ \u00a0\u202f.,'’]+$/, '') ?? '';
  const decimal = /[.,](\d{1,2})$/.exec(digits);
  const whole = (decimal ? digits.slice(0, decimal.index) : digits).replace(/\D/g, '');
  const value = Number(`${whole}.${decimal?.[1] ?? '0'}`);
  return negative && value !== 0 ? -value : value;
}

/** A currency alone ("EUR", "kr.", "€", "S/"): apps set it apart from the number in an element of its own (SAP's ObjectNumber). */
const CURRENCY_ALONE = new RegExp(String.raw`^(?:${CURRENCY}|${REGIONAL_BEFORE}|[A-Z]{3})$`, 'u');

export function isCurrencyAlone(text: string): boolean {
  return CURRENCY_ALONE.test(text);
}
