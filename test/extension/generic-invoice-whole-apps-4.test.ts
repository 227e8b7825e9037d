/**
 * A class of pages that the whole apps built for test/e2e/unseen-apps-4.test.ts found (issue 16 item 8),
 * read through the public detector on variants other than the app's: the seller's legal line at the
 * foot of an invoice (its name, tax or registration number, address and e-mail, as PHC, Primavera,
 * Holded or Fakturownia print it) after the customer's block, in a footer the page names in its own
 * language (`rodape`, `pie-de-pagina`) or in no way at all. That address is the seller's, never whom to
 * send to: with no other address on the page, the recipient stays empty (and the panel free to suggest
 * the customer's remembered one); the customer's own address, under its label beside its tax number,
 * is still the recipient.
 */
import { describe, expect, it } from 'vitest';
import { detectFirstDocument } from './detect-page';

const invoice = (labels: { kind: string; customer: string; tax: string; total: string }, customerBlock: string, foot: string) =>
  `<div class="topo"><b>Faturação</b><a href="/documentos">Documentos</a></div><div class="pag"><h2>${labels.kind}</h2>
  <div class="caixa"><table><tr><td>${labels.customer}</td><td><a href="/clientes/42">Padaria Lusitana, Lda</a></td></tr>${customerBlock}
  <tr><td>Morada</td><td>Rua das Flores 12, 4050-262 Porto</td></tr></table></div>
  <table class="lista"><tr><th>Artigo</th><th>Qtd.</th><th>Preço</th></tr><tr><td>Azulejo pintado à mão, caixa de 20</td><td>40</td><td>50,00 €</td></tr></table>
  <p>${labels.total}: <b>2 460,00 €</b></p><p><a href="/documentos/131.pdf">PDF</a></p>${foot}</div>`;

const PORTUGUESE = { kind: 'Fatura FT 2026/131', customer: 'Cliente', tax: 'NIF', total: 'Total' };
const SPANISH = { kind: 'Factura F-2026-0131', customer: 'Cliente', tax: 'CIF', total: 'Total' };

describe("the seller's legal line at the foot of the invoice", () => {
  it("is not the recipient, in a footer named in the page's language or in none", () => {
    for (const [labels, foot, lang] of [
      [
        PORTUGUESE,
        '<div class="rodape">Cerâmica Ribeiro, Lda · NIF 509 876 543 · Rua do Barro 5, 4400-123 Vila Nova de Gaia · geral@ceramica-ribeiro.example · Processado por programa certificado n.º 1234/AT</div>',
        'pt-PT',
      ],
      [PORTUGUESE, '<p>Cerâmica Ribeiro, Lda · NIPC 509876543 · Capital social 5 000 € · geral@ceramica-ribeiro.example</p>', 'pt-PT'],
      [SPANISH, '<div class="pie-de-pagina">Cerámicas Ribera S.L. · CIF B12345678 · Calle Mayor 5, 46001 Valencia · administracion@ceramicas-ribera.example</div>', 'es'],
    ] as const) {
      const found = detectFirstDocument(invoice(labels, `<tr><td>${labels.tax}</td><td>501 234 567</td></tr>`, foot), { url: 'http://erp.local:8080/faturacao/fatura/131', lang });
      expect(found, foot).toMatchObject({ customerName: 'Padaria Lusitana, Lda' });
      expect(found?.recipients, foot).toEqual([]);
    }
  });

  it("leaves the customer's own address, beside its tax number under its label, the recipient", () => {
    const foot = '<div class="rodape">Cerâmica Ribeiro, Lda · NIF 509 876 543 · geral@ceramica-ribeiro.example</div>';
    const customer = '<tr><td>NIF</td><td>501 234 567</td></tr><tr><td></td><td>contabilidade@padaria-lusitana.example</td></tr>';
    const found = detectFirstDocument(invoice(PORTUGUESE, customer, foot), { url: 'http://erp.local:8080/faturacao/fatura/131', lang: 'pt-PT' });
    expect(found?.recipients[0]).toBe('contabilidade@padaria-lusitana.example');
  });
});
