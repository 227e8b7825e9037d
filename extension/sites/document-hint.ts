/**
 * The cheap first test (issue 18): may this page show a document? It decides whether the page pays
 * for the detector at all, so it reads only what a page names itself by (its address, its title, a
 * few headings, its active tab or breadcrumb) and asks the browser's own selector engine whether any
 * link or viewer points at a PDF: no walk over the page's texts, no per-element JavaScript.
 *
 * It must pass on every page the detector would find something on; a pass on a page without a
 * document only costs that page the detector. So it is the detector's own first test, widened: the
 * detector (generic/) reads a page only when it has a link that may give a PDF or when its
 * title, headings or tabs name a kind of document; recipes (matched on the address by the caller)
 * are the only other way to a button.
 */
import { decodedUri } from './uri-text';
import { openShadowRoots } from './shadow-roots';

/** Headings of each level read, as many as the detector reads. */
const MAX_HEADINGS = 12;
/** The detector also reads this many same-origin frames: an app shell around an invoice view. */
const MAX_FRAMES = 3;
/** A heading longer than this is not a title; its start is enough. */
const MAX_TEXT = 200;

/**
 * The kind words compared without case, spaces, hyphens and apostrophes, the way the detector
 * compares labels ("Credit-Note" is "credit note"). As substrings, so compounds are found too
 * ("Sölureikningur", "Schlussrechnung", "Fakturaappen").
 */
export function squash(text: string): string {
  const lower = text.toLowerCase();
  let squashed = '';
  let from = 0;
  for (let i = 0; i < lower.length; i++) {
    if (!SQUASHED.has(lower.charCodeAt(i))) continue;
    squashed += lower.slice(from, i);
    from = i + 1;
  }
  return from === 0 ? lower : squashed + lower.slice(from);
}

/**
 * What squash() drops: `[\s'’°_-]` (`\s` as JavaScript's patterns define it), without a regular
 * expression: the first test runs on every page load, where compiling a pattern costs more than
 * this loop over a title's few characters (issue 18).
 */
const SQUASHED = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff, 0x27,
  0x2019, 0xb0, 0x5f, 0x2d,
]);

/**
 * Every word of the detector's kind table (document-kind.ts, DOCUMENT_KIND_LABELS) and of the plurals it
 * reads in an address (KIND_PLURALS: "/fatture/214", "#/cotizaciones/412") squashed, without those
 * that hold a shorter one (which finds them too). Written out rather than derived from the
 * table: deriving costs the interpreter milliseconds on every page load, and the table itself would
 * triple this script's size. A unit test checks that every word of the table is found.
 */
const KIND_WORDS: readonly string[] = [
  'aanmaning',
  'abono',
  'adjustmentnote',
  'afhendingarseðill',
  'ajánlat',
  'albaranes',
  'albarán',
  'angebot',
  'arve',
  'auftrag',
  'avizdeexpediție',
  'avizdeînsoțire',
  'avoir',
  'bestellbestätigung',
  'bestelling',
  'bestellnr',
  'bestellnummer',
  'bestellung',
  'bestelnummer',
  'beställning',
  'bill',
  'boleta',
  'bolladiconsegna',
  'bondelivraison',
  'bonfiscal',
  'chitanta',
  'chitanță',
  'cobrança',
  'comandă',
  'commande',
  'cotizacion',
  'cotización',
  'credit',
  'danfe',
  'daňovýdoklad',
  'ddt',
  'deliverychallan',
  'deliverynote',
  'deliveryslip',
  'devis',
  'deviz',
  'dispatchnote',
  'dobropis',
  'documentodiconsegna',
  'documentoditrasporto',
  'dodacílist',
  'dokumentwydania',
  'dowóddostawy',
  'dowódwydania',
  'dunningletter',
  'díjbekérő',
  'emlékeztető',
  'encomenda',
  'estimate',
  'expédition',
  'factura',
  'facture',
  'factură',
  'factuur',
  'faktura',
  'fakturor',
  'faktury',
  'faktúr',
  'fattura',
  'fatture',
  'fatura',
  'felszólítás',
  'fylgiseðill',
  'följesedel',
  'följesedlar',
  'følgeseddel',
  'følgesedler',
  'greiðsluáminning',
  'guiaderemessa',
  'guiadetransporte',
  'gutschrift',
  'guíadedespacho',
  'herinnering',
  'honorarnote',
  'invoice',
  'kassenbon',
  'korekta',
  'kostenvoranschlag',
  'kreditnota',
  'kuitti',
  'kviitung',
  'kvittering',
  'kvitto',
  'kvittun',
  'kwitantie',
  'lasku',
  'lembrete',
  'leveranssedel',
  'leverbon',
  'leveringsseddel',
  'lieferschein',
  'lähete',
  'lähetysluettelo',
  'mahnnummer',
  'mahnung',
  'maksumuistutus',
  'meeldetuletus',
  'minuta',
  'monit',
  'nabídka',
  'narudžb',
  'nfe',
  'nfse',
  'notadecrédito',
  'notadeentrega',
  'notafiscal',
  'notakorygująca',
  'notakredytowa',
  'notedecrédit',
  'notificaredeplată',
  'nrzamówienia',
  'numerzamówienia',
  'nyugta',
  'objednávk',
  'odobrenje',
  'oferta',
  'oferty',
  'ofertă',
  'offert',
  'offre',
  'opomena',
  'order',
  'ordine',
  'ordre',
  'orçamento',
  'otpremnica',
  'overduenotice',
  'packageslip',
  'packinglist',
  'packingslip',
  'pakbon',
  'pakkseddel',
  'pakkumine',
  'paragon',
  'parcella',
  'pedido',
  'pokladničnýdoklad',
  'pokwitowanie',
  'ponud',
  'ponuka',
  'potwierdzeniezamówienia',
  'presupuesto',
  'preventivi',
  'preventivo',
  'priznanica',
  'proforma',
  'proformă',
  'proposal',
  'propositioncommerciale',
  'proposta',
  'przypomnienieopłatności',
  'príjmovýdoklad',
  'purring',
  'påmindelse',
  'påminnelse',
  'pöntun',
  'příjmovýdoklad',
  'quittung',
  'quotation',
  'quote',
  'rachunek',
  'rappel',
  'račun',
  'reamintiredeplată',
  'receipt',
  'rechnung',
  'recibo',
  'recordatorio',
  'reikningar',
  'reikningsnr',
  'reikningsnúmer',
  'reikningur',
  'relance',
  'reminder',
  'remisión',
  'remito',
  'rendelés',
  'reçu',
  'ricevuta',
  'rykker',
  'saateleht',
  'sollecito',
  'somație',
  'szállítólevél',
  'számla',
  'tarjoukset',
  'tarjous',
  'tellimus',
  'tilaus',
  'tilboð',
  'tilbud',
  'upomienk',
  'upomínka',
  'wezwaniedozapłaty',
  'wycena',
  'wydaniezewnętrzne',
  'zahlungserinnerung',
  'zamówienie',
  'ítrekun',
  'účtenka',
];

/** Does a text name a kind of document (or a PDF)? */
export function namesDocument(text: string): boolean {
  const squashed = squash(text.slice(0, MAX_TEXT));
  return squashed.includes('pdf') || KIND_WORDS.some((word) => squashed.includes(word));
}

/**
 * Where a page says what it shows besides its headings, for the detector (generic/) and this
 * test alike: its active tab or breadcrumb, or a status bar's current step (`aria-current="step"`: an ERP form's
 * "Quotation › Quotation Sent › Sales Order", whose record is what the current step says). A tab is active by ARIA, or by its class as component
 * kits write it without ARIA: ZK's `z-tab-selected` (iDempiere and the framework's other apps), Ant
 * Design's `ant-tabs-tab-active`, Vaadin's `<vaadin-tab selected>`, Bootstrap's `.tab.active`. Classes,
 * not substrings of the class attribute: those cost a look at every element's.
 */
export const KIND_SIGNAL_SELECTOR =
  '[role="heading"], [role="tab"][aria-selected="true"], [aria-current="page"], [aria-current="step"], .breadcrumb > :last-child, .tab.active, .nav-link.active, li.active > a, ' +
  '.z-tab-selected, .ant-tabs-tab-active, vaadin-tab[selected]';

/** A desktop-style web client's window title, where a page has no `<h1>` or `<h2>` (the detector's appBarKind reads it too). */
export const WINDOW_TITLE_SELECTOR = '[class*="title" i], [class*="caption" i]';

/** The print routes' words in the languages the detector reads (its PRINT_ROUTE, generic/pdf-links.ts, without "preview"). */
const PRINT_WORDS = ['print', 'druck', 'wydruk', 'imprim', 'stampa', 'tulost', 'afdruk', 'utskrift', 'udskriv', 'prent', 'prindi', 'ispis'];

/**
 * Links and viewers the detector rates as a PDF or a PDF to probe: a PDF in the address or type, a
 * download, an embedded viewer. One native query that stops at the first match.
 */
const PDF_SELECTOR = [
  'a[href*="pdf" i]',
  'a[type*="pdf" i]',
  'a[download]',
  // A print route in the page's language ("Pobierz PDF" to `/api/dokumenty/88412/wydruk`, "Imprimir" to `…/imprimir`): the
  // detector rates such a link by its text, which this test does not read; its address says enough.
  ...PRINT_WORDS.map((word) => `a[href*="${word}" i]`),
  'embed[src]',
  'object[data]',
  ...['pdf', 'print', 'render', 'download', 'document', 'preview', 'viewer'].map((word) => `iframe[src*="${word}" i]`),
].join(', ');

/**
 * Buttons, input buttons, role=button spans or divs and `href="#"` links that may open a PDF or print route by script
 * (scriptOpensPdf reads their attributes): few on most pages, so one native query for them and a look at each is
 * cheaper than a selector per word and attribute, which every element of the page was matched against.
 */
const SCRIPT_ROUTE_SELECTOR = ['a', 'button', 'input[type="button"]', '[role="button"]']
  .flatMap((element) => ['onclick', 'data-href', 'data-url'].map((attribute) => `${element}[${attribute}]`))
  .join(', ');
const SCRIPT_WORDS = ['pdf', ...PRINT_WORDS];
const ROUTE_WORDS = ['pdf', 'print'];

const includesAny = (value: string | null, words: readonly string[]) => {
  if (!value) return false;
  const lower = value.toLowerCase();
  return words.some((word) => lower.includes(word));
};

/**
 * Does an element open a PDF or print route by script, in any language we read (`window.open('/servlet/stampa_ordine?id=318')`),
 * or name one in `data-href` or `data-url` (a PDF or print route; the detector's PDF_BUTTON_SELECTOR also takes preview routes:
 * a page with only those names its document in its address, title or headings, which pass this test)?
 */
function scriptOpensPdf(root: ParentNode): boolean {
  const elements = root.querySelectorAll(SCRIPT_ROUTE_SELECTOR);
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i]!;
    if (includesAny(element.getAttribute('onclick'), SCRIPT_WORDS)) return true;
    if (includesAny(element.getAttribute('data-href'), ROUTE_WORDS) || includesAny(element.getAttribute('data-url'), ROUTE_WORDS)) return true;
  }
  return false;
}

/** The most characters of a heading's kicker (`headingKicker`): a kind's name, not a sentence. */
const MAX_KICKER = 40;

/**
 * The short label right before a heading, over it ("Customer Invoice" above "INV/2026/00042" in Odoo's
 * form title, an eyebrow "Invoice" above "#1042"): it names what the heading's number is. Not a link
 * or a button (a "‹ Invoices" back link), nor a heading of its own.
 */
export function headingKicker(heading: Element): string | undefined {
  const before = heading.previousElementSibling;
  if (!before || /^(?:A|BUTTON|H[1-6]|SCRIPT|STYLE)$/.test(before.tagName) || before.querySelector('a, button')) return undefined;
  const text = (before.textContent ?? '').trim();
  return text && text.length <= MAX_KICKER ? text : undefined;
}

function headingsNameDocument(document: Document): boolean {
  for (const tag of ['h1', 'h2', 'h3']) {
    const headings = document.getElementsByTagName(tag);
    for (let i = 0; i < headings.length && i < MAX_HEADINGS; i++) {
      if (namesDocument(headings[i]!.textContent ?? '') || namesDocument(headingKicker(headings[i]!) ?? '')) return true;
    }
  }
  if (document.getElementsByTagName('h1')[0] === undefined && document.getElementsByTagName('h2')[0] === undefined) {
    const title = document.body?.querySelector(WINDOW_TITLE_SELECTOR);
    if (title && namesDocument(title.textContent ?? '')) return true;
  }
  const signals = document.body?.querySelectorAll(KIND_SIGNAL_SELECTOR) ?? [];
  for (let i = 0; i < signals.length && i < MAX_HEADINGS; i++) if (namesDocument(signals[i]!.textContent ?? '')) return true;
  return selectNamesDocument(document);
}

/**
 * A form's select whose chosen option names a kind ("Type: Credit Memo", "Vorgangsart: Rechnung"), as
 * the detector reads a type field: an ERP form may name its kind nowhere else. A tag list, its first few.
 */
function selectNamesDocument(document: Document): boolean {
  const selects = document.getElementsByTagName('select');
  for (let i = 0; i < selects.length && i < MAX_HEADINGS; i++) {
    const select = selects[i] as HTMLSelectElement;
    const option = select.options[select.selectedIndex] ?? select.querySelector('option[selected]');
    if (option && namesDocument(option.textContent ?? '')) return true;
  }
  return false;
}

function documentMayShow(document: Document): boolean {
  return namesDocument(document.title) || document.querySelector(PDF_SELECTOR) !== null || scriptOpensPdf(document) || headingsNameDocument(document);
}

/** The same test inside a web component's shadow tree (shadow-roots.ts), which the page's queries do not enter. */
function shadowRootMayShow(root: ShadowRoot): boolean {
  if (root.querySelector(PDF_SELECTOR) !== null || scriptOpensPdf(root)) return true;
  const places = root.querySelectorAll(`h1, h2, h3, ${KIND_SIGNAL_SELECTOR}`);
  for (let i = 0; i < places.length && i < MAX_HEADINGS; i++) if (namesDocument(places[i]!.textContent ?? '')) return true;
  return false;
}

/** The same-origin frames' documents (another origin's frame is not ours to read). */
function frameDocuments(document: Document): Document[] {
  const frames = [...document.getElementsByTagName('iframe'), ...document.getElementsByTagName('frame')].slice(0, MAX_FRAMES);
  const documents: Document[] = [];
  for (const frame of frames) {
    try {
      const inner = (frame as HTMLIFrameElement).contentDocument;
      if (inner?.body) documents.push(inner);
    } catch {
      /* another origin's frame */
    }
  }
  return documents;
}

/**
 * May the page show a document: does its address, title, a heading or its tab name a kind of
 * document, or does a link or viewer point at a PDF, in the page, its same-origin frames or its web
 * components' open shadow trees?
 */
export function mayShowDocument(document: Document, url: URL): boolean {
  if (namesDocument(decodedUri(`${url.pathname}${url.search}${url.hash}`))) return true;
  // A host of documents ("invoice.stripe.com") with a record in its path: the detector reads such a page too.
  if (/\d/.test(url.pathname) && namesDocument(url.hostname.split('.').slice(0, -2).join(' '))) return true;
  if (documentMayShow(document)) return true;
  return frameDocuments(document).some(documentMayShow) || openShadowRoots(document).some(shadowRootMayShow);
}
