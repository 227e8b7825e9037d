/**
 * Documents the user received rather than sends (a supplier's invoice or bill, an invoice mail), and
 * addresses where no document is to be sent (an app's settings and templates, its purchases and expenses).
 */
import { namesSupplierDocument } from '../document-kind';
import { isMailReader } from '../mail-reader';
import { collapse, labelAtStart } from '../page-labels';
import { decodedUri } from '../uri-text';
import type { FieldHit } from './field-hits';
import { HEADING_SELECTOR } from './headings';
import type { TextItem } from './page-texts';

/** The text of the number's heading, else of the page's first main heading. */
function mainHeading(document: Document, numberHit: FieldHit | undefined): string {
  const heading = numberHit?.element.closest(HEADING_SELECTOR) ?? document.querySelector('h1');
  return collapse(heading?.textContent ?? '').slice(0, 200);
}

/**
 * A document the user received, not one to send: a supplier's invoice to approve ("Leverandørfaktura
 * 88213 fra Kontorland A/S"), which is the user's to pay, or an invoice mail in a web mail client.
 */
export function receivedDocument(document: Document, root: HTMLElement, texts: readonly TextItem[], numberHit: FieldHit | undefined, base: URL): boolean {
  if (namesSupplierDocument(document.title) || namesSupplierDocument(mainHeading(document, numberHit)) || isMailReader(texts, root)) return true;
  // Under "bills", or numbered as a "Bill", a page is a document to send only where it names a client and no vendor.
  return (numberHit?.bill === true || isBillsAddress(base)) && isBillToPay(texts);
}

/** A short text that labels a party of a bill: its vendor (one to pay) or its client (one to send, by any customer's label: "Cliente", "Kunde"). */
const BILL_PARTY_LABEL = /^(?:(vendor|supplier|payee)|client|customer|bill(?:ed)? to)(?:\s+(?:name|e-?mail))?\s*:?(?:\s|$)/i;
/** A supplier's label in the other languages we read: a bill under it is one to pay. */
const VENDOR_LABEL = /^(?:lieferant|leverandør|leverantör|toimittaja|leverancier|fournisseur|proveedor|fornitore|fornecedor|dostawca|birgir|seljandi|dodavatel|dodávateľ)\s*:?(?:\s|$)/iu;
/** Texts of a bill looked at for its parties. */
const MAX_BILL_TEXTS = 400;

/**
 * "Bill" is English for an invoice a firm sends its client (Clio, time-billing apps: "Bill #1047",
 * `#/bills/88213`) and for a supplier's bill the user pays (QuickBooks', Xero's, Zoho's "Bills"): a
 * bill that names a vendor, or no client, is one to pay.
 */
function isBillToPay(texts: readonly TextItem[]): boolean {
  let client = false;
  for (let i = 0; i < texts.length && i < MAX_BILL_TEXTS; i++) {
    const text = texts[i]!.text;
    if (text.length > 40) continue;
    const party = BILL_PARTY_LABEL.exec(text);
    if (party?.[1] || VENDOR_LABEL.test(text)) return true;
    if (party || labelAtStart(text)?.info.field === 'customer') client = true;
  }
  return !client;
}

/**
 * An app's settings or its document templates, in the languages we read, as a segment of the address:
 * numbering, templates and mail settings show sample numbers, customers and amounts, and never a document to send.
 */
const SETTINGS_SEGMENT =
  /(?:^|[/#])(?:settings?|preferences|configuration|config|einstellungen|konfiguration|inst[aä]llningar|indstillinger|innstillinger|stillingar|ustawienia|asetukset|instellingen|param[eè]tres|r[eé]glages|ajustes|configuraci[oó]n|impostazioni|configura[cç](?:oes|ões)|defini[cç](?:oes|ões)|templates?|vorlagen|mod[eè]les|plantillas|modelli|mallar|skabeloner|sjablonen|szablony)(?:[/#?._-]|$)/i;

/**
 * An app's purchases and expenses, as a segment of the address: bills from suppliers, purchase records
 * and receipts filed as expenses are documents the user receives and pays, not ones to send from a
 * mailbox (issue 16: supplier pages).
 */
const PURCHASES_SEGMENT =
  /(?:^|[/#])(?:purchases?|payables|expenses?|expense-reports?|einkauf|eingangsrechnungen|ausgaben|ink[oö]p|utgifter|utl[aä]gg|indk[oø]b|udgifter|udl[aæ]g|innkj[oø]p|utlegg|ostot|ostolaskut|kulut|inkoop|inkoopfacturen|onkosten|declaraties|achats|d[eé]penses|notes-de-frais|compras|gastos|acquisti|spese|note-spese|despesas|zakupy|wydatki|innkaup|[uú]tgj[oö]ld)(?:[/#?._-]|$)/i;

/** "Bills" in an address: a supplier's bills to pay, or a firm's bills to its clients (isBillToPay). */
const BILLS_SEGMENT = /(?:^|[/#])bills(?:[/#?._-]|$)/i;

/** Is the address under "bills" (isBillToPay tells which bills)? */
export function isBillsAddress(url: URL): boolean {
  return BILLS_SEGMENT.test(decodedUri(`${url.pathname}${url.hash}`));
}

/** Is the address in an app's settings or purchases, where no document is to be sent? */
export function isAddressWithoutDocumentsToSend(url: URL): boolean {
  const address = decodedUri(`${url.pathname}${url.hash}`);
  return SETTINGS_SEGMENT.test(address) || PURCHASES_SEGMENT.test(address);
}
