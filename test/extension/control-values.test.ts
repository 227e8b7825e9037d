/** Form controls read with their labels (issue 16, item 2), and the page language from letters. */
import { describe, expect, it } from 'vitest';
import { controlLabel, controlValue, readControls } from '../../extension/sites/control-values';
import { letterVotes, mostVoted, PAGE_LANGUAGES, pageLanguageOfTag, spokenLanguage, templateLanguage } from '../../extension/sites/page-language';
import { applySelectedOptions } from './happy-dom-select';

function page(html: string) {
  document.body.innerHTML = html;
  applySelectedOptions();
}

describe('controls and their labels', () => {
  it('prefers aria-labelledby, then <label for>, a wrapping label, aria-label, the row’s cell, the dt', () => {
    page(`<span id="a">Kunde</span><label for="x">Customer</label><input id="x" aria-labelledby="a" value="1">
      <label for="y">Customer</label><input id="y" value="2"><label>Nabywca <input id="z" value="3"></label><input id="w" aria-label="Asiakas" value="4">
      <table><tr><th>Klant</th><td><input id="v" value="5"></td></tr></table><dl><dt>Cliente</dt><dd><input id="u" value="6"></dd></dl>`);
    const label = (id: string) => controlLabel(document.getElementById(id)!)?.text;
    expect(['x', 'y', 'z', 'w', 'v', 'u'].map(label)).toEqual(['Kunde', 'Customer', 'Nabywca', 'Asiakas', 'Klant', 'Cliente']);
  });

  it('reads a select’s chosen option, not a placeholder, and skips passwords, hidden inputs and checkboxes', () => {
    page(`<select id="s"><option value="">— choose —</option><option value="1" selected>Acme</option></select><select id="p"><option value="">— choose —</option></select>
      <input type="password" value="secret"><input type="hidden" value="csrf-token"><input type="checkbox" value="on" checked><input id="t" value=" Kund  AB ">`);
    expect(controlValue(document.getElementById('s')!)).toBe('Acme');
    expect(controlValue(document.getElementById('p')!)).toBeUndefined();
    expect(readControls(document.body).map((c) => c.text)).toEqual(['Acme', 'Kund AB']);
  });

  it('never reads a password, even one labelled like a field we want', () => {
    page('<label for="p">Invoice number</label><input id="p" type="password" value="hunter2">');
    expect(readControls(document.body)).toEqual([]);
  });
});

describe('the page language', () => {
  it('reads tags we read but do not speak, and maps Norwegian', () => {
    expect(pageLanguageOfTag('fr-CH')).toBe('fr');
    expect(pageLanguageOfTag('nn-NO')).toBe('nb');
    expect(pageLanguageOfTag('ja')).toBeUndefined();
    expect(spokenLanguage('fr')).toBeUndefined();
    expect(spokenLanguage('de')).toBe('de');
  });

  it('has a message template in every language it reads, so a customer never gets a mail in the wrong language', () => {
    for (const language of PAGE_LANGUAGES) expect(templateLanguage(language), language).toBe(language);
    expect(templateLanguage(undefined)).toBeUndefined();
  });

  it('tells Polish from Danish by their letters', () => {
    expect(mostVoted(['da', 'pl'], letterVotes(['Razem: 1 230,00 zł', 'Kowalski Sp. z o.o.']))).toBe('pl');
    expect(mostVoted(['pl', 'da'], letterVotes(['Beløb i alt', 'Købmand Sørensen']))).toBe('da');
  });
});
