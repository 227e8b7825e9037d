/**
 * Issue 16 item 7: a picked field without an id, name or data-* attribute is named by its label's
 * text, and found again after the app renders the page anew: other generated ids and classes, fields
 * added before it, the others in another order, wrappers around it, its label in other case or with
 * a colon. The re-renders are generated (fast-check), in every way a page labels a field: a
 * `<label for>`, a wrapping `<label>`, `<dt>`/`<dd>`, a row's `<th>`/`<td>`, `aria-labelledby`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelOfSelector, labelSelector } from '../../shared/recipe-format';
import { findByLabel } from '../../extension/recipes/label-selector';
import { uniqueSelector } from '../../extension/recipes/selector';
import { select } from '../../extension/sites/recipe-adapter';

const LABELS = ['Customer e-mail', 'Invoice number', 'Due date', 'Amount to pay', 'Kund', 'Fakturanummer', 'Zahlungsziel', 'Référence client'];
const STYLES = ['label-for', 'label-wrap', 'dl', 'table', 'aria'] as const;
type Style = (typeof STYLES)[number];

interface Field {
  label: number;
  style: Style;
}

/** How one render writes a label: another case, a colon, an asterisk, extra spaces. */
const SPELLINGS = [(t: string) => t, (t: string) => `${t}:`, (t: string) => t.toUpperCase(), (t: string) => `  ${t} *`] as const;

interface Render {
  /** A number only this render has, for generated ids and classes. */
  seed: number;
  /** Fields of other labels added before the picked one, and their order. */
  before: number[];
  after: number[];
  spelling: number;
  /** Wrapper divs around the picked field. */
  wrappers: number;
}

function fieldHtml(field: Field, seed: number, spell: (t: string) => string): string {
  const text = spell(LABELS[field.label]!);
  const id = `f-${seed}-${field.label}`;
  const value = `value-${field.label}`;
  const cls = `css-${seed}x${field.label}`;
  switch (field.style) {
    case 'label-for':
      return `<div class="${cls}"><label for="${id}">${text}</label><input id="${id}" class="${cls}" value="${value}"></div>`;
    case 'label-wrap':
      return `<div class="${cls}"><label class="${cls}">${text} <input value="${value}"></label></div>`;
    case 'dl':
      return `<dl class="${cls}"><dt>${text}</dt><dd class="${cls}">${value}</dd></dl>`;
    case 'table':
      return `<table class="${cls}"><tbody><tr><th>${text}</th><td class="${cls}">${value}</td></tr></tbody></table>`;
    case 'aria':
      return `<div class="${cls}"><span id="l-${id}">${text}</span><div aria-labelledby="l-${id}" class="${cls}">${value}</div></div>`;
  }
}

function render(picked: Field, r: Render): string {
  const others = (labels: number[]) => labels.map((label) => fieldHtml({ label, style: picked.style }, r.seed, SPELLINGS[0])).join('');
  let own = fieldHtml(picked, r.seed, SPELLINGS[r.spelling]!);
  for (let i = 0; i < r.wrappers; i++) own = `<div class="css-w${r.seed}${i}">${own}</div>`;
  return `<main id=":r${r.seed}:">${others(r.before)}${own}${others(r.after)}</main>`;
}

/** The element that shows the picked field's value. */
function valueElement(label: number): Element {
  const value = `value-${label}`;
  const found = [...document.querySelectorAll('input, dd, td, div[aria-labelledby]')].find((e) => (e instanceof HTMLInputElement ? e.value : e.textContent) === value);
  if (!found) throw new Error(`no element shows ${value}`);
  return found;
}

const arbitraryRender = (picked: number) => {
  const others = fc.uniqueArray(fc.integer({ min: 0, max: LABELS.length - 1 }).filter((l) => l !== picked), { maxLength: LABELS.length - 1 });
  return fc.record({
    seed: fc.integer({ min: 100, max: 99_999 }),
    before: others,
    after: fc.constant([] as number[]),
    spelling: fc.integer({ min: 0, max: SPELLINGS.length - 1 }),
    wrappers: fc.integer({ min: 0, max: 2 }),
  }).map((r) => {
    // The other fields are split between before and after the picked one.
    const cut = r.seed % (r.before.length + 1);
    return { ...r, before: r.before.slice(0, cut), after: r.before.slice(cut) };
  });
};

describe('selectors by label text (issue 16 item 7)', () => {
  it('round-trips the label text through the selector form, and is no CSS', () => {
    expect(labelOfSelector(labelSelector('Kund "A"'))).toBe('Kund "A"');
    expect(labelOfSelector('input[name="x"]')).toBeUndefined();
    expect(labelOfSelector('@label(not json)')).toBeUndefined();
    expect(() => document.querySelector(labelSelector('Kund'))).toThrow();
  });

  it('prefers an id, a name or a data-* attribute to the label', () => {
    document.body.innerHTML = '<label for="email">E-mail</label><input id="email"><label>Kund <input name="customer"></label>';
    expect(uniqueSelector(document.querySelector('#email')!)).toBe('#email');
    expect(uniqueSelector(document.querySelector('[name="customer"]')!)).toBe('input[name="customer"]');
  });

  it('finds the same field after generated re-renders, however the page labels it', () => {
    const field = fc.record({ label: fc.integer({ min: 0, max: LABELS.length - 1 }), style: fc.constantFrom(...STYLES) });
    fc.assert(
      fc.property(
        field.chain((picked) => fc.tuple(fc.constant(picked), arbitraryRender(picked.label), arbitraryRender(picked.label))),
        ([picked, first, again]) => {
          document.body.innerHTML = render(picked, first);
          const selector = uniqueSelector(valueElement(picked.label));
          expect(selector).not.toContain('nth-of-type');
          expect(labelOfSelector(selector)).toBeDefined();
          document.body.innerHTML = render(picked, again);
          expect(select(document, selector)).toBe(valueElement(picked.label));
        },
      ),
      { numRuns: 100 },
    );
    // happy-dom parses each render slowly; a hundred of them take seconds on a busy machine.
  }, 60_000);

  it('finds nothing, and throws nothing, when the label is gone', () => {
    document.body.innerHTML = '<dl><dt>Kund</dt><dd>Beta AB</dd></dl>';
    expect(select(document, labelSelector('Customer'))).toBeUndefined();
    expect(findByLabel(document, 'kund:')?.textContent).toBe('Beta AB');
  });

  it('does not name a field by a label another field has first', () => {
    document.body.innerHTML = '<dl><dt>Total</dt><dd>10</dd></dl><dl><dt>Total</dt><dd>20</dd></dl>';
    const second = document.querySelectorAll('dd')[1]!;
    expect(labelOfSelector(uniqueSelector(second))).toBeUndefined();
    expect(document.querySelector(uniqueSelector(second))).toBe(second);
  });
});
