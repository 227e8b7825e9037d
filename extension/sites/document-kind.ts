/**
 * What kind of document a page shows (issue 16, item 8), from the words that name it: "Invoice",
 * "Credit note", "Angebot", "Sölureikningur", "Devis"… These words are also the labels before a
 * document number ("Faktura nr 12"), so page-labels.ts makes its number labels from this table.
 */
import type { DocumentKind } from '../../shared/document-kinds';
import type { PageLanguage } from './page-language';

type KindLabels = Record<DocumentKind, Partial<Record<PageLanguage, readonly string[]>>>;

/**
 * The words per kind and language. A word that names two kinds belongs to the first listed
 * ("Faktura" is an invoice; "Faktura korygująca" a credit note, found first because it is longer).
 * Where a language qualifies the kind after its word ("Facture d'acompte F-2026-0093", "Faktura
 * zaliczkowa FZAL/12/2026": deposit invoices), the whole phrase is the label, so the number follows it.
 */
export const DOCUMENT_KIND_LABELS: KindLabels = {
  invoice: {
    // "Bill #1047": what legal and time-billing apps (Clio and its kin) send their clients; a supplier's bill where a vendor is named (generic/documents-not-to-send.ts, isBillToPay).
    en: ['invoice', 'invoice number', 'invoice no', 'invoice id', 'tax invoice', 'sales invoice', 'bill number', 'bill'],
    // "Faktura VAT marża FM 14/11/2026": the margin scheme's invoice (second-hand goods, travel), its kind's whole name before the number.
    pl: ['faktura', 'faktura nr', 'faktura vat', 'numer faktury', 'nr faktury', 'faktura sprzedaży', 'faktura zaliczkowa', 'faktura końcowa', 'faktura vat marża', 'faktura marża', 'rachunek'],
    sv: ['faktura', 'fakturanummer', 'fakturanr'],
    da: ['faktura', 'fakturanummer', 'fakturanr'],
    nb: ['faktura', 'fakturanummer', 'fakturanr'],
    is: ['reikningur', 'reikningsnúmer', 'reikningsnr', 'sölureikningur'],
    de: ['rechnung', 'rechnungsnummer', 'rechnungsnr', 'rechnungs nr', 'honorarnote', 'faktura'],
    fi: ['lasku', 'laskun numero', 'laskunumero', 'laskun nro', 'myyntilasku'],
    nl: ['factuur', 'factuurnummer', 'factuurnr', 'verkoopfactuur'],
    fr: ['facture', 'numéro de facture', 'no de facture', 'facture de vente', 'facture d’acompte', "facture d'acompte", 'facture de solde'],
    // "Minuta de honorarios": a Spanish lawyer's or advisor's fee note, the invoice of the professions (as Austria's "Honorarnote").
    es: ['factura', 'número de factura', 'factura de venta', 'nº de factura', 'factura de anticipo', 'minuta de honorarios', 'minuta'],
    it: ['fattura', 'numero fattura', 'numero di fattura', 'fattura di vendita', 'fattura di acconto', 'fattura d’acconto', "fattura d'acconto"],
    // "Cobrança nº 58213": a Brazilian billing platform's charge, sent with its boleto.
    pt: ['fatura', 'factura', 'número da fatura', 'nota fiscal', 'nota fiscal de serviço', 'nfs-e', 'nf-e', 'danfe', 'fatura recibo', 'fatura de adiantamento', 'cobrança'],
    // "Faktura vydaná 2026-0318": Czech and Slovak ERPs name the agenda's document with its adjective after the noun.
    cs: ['faktura', 'číslo faktury', 'vydaná faktura', 'faktura vydaná', 'daňový doklad', 'faktura daňový doklad'],
    sk: ['faktúra', 'číslo faktúry', 'vydaná faktúra', 'faktúra vydaná', 'daňový doklad'],
    // Hungarian and Romanian: "Számla", "Factura seria SB nr. 0412".
    hu: ['számla', 'számlaszám', 'számla sorszáma', 'e-számla'],
    ro: ['factură', 'factura', 'factură fiscală', 'factura fiscala', 'număr factură', 'nr. factură'],
    // Estonian: "Arve nr 2026-118", "Müügiarve".
    et: ['arve', 'müügiarve', 'arve number', 'e-arve'],
    // Croatian: "Račun br. 118-1-1" (sequence, premises, device), "R1 račun".
    hr: ['račun', 'izlazni račun', 'broj računa', 'r1 račun', 'r2 račun', 'e-račun'],
  },
  'credit-note': {
    // The plurals too: a module's name ("Credit Notes | Zoho Invoice") says more than the app's name after it.
    // "Credit" alone is Invoice Ninja's and Chargebee's name for it ("Credit #", "Edit Credit").
    // "Adjustment Note AN-0042": Australian and New Zealand GST law's name for a credit note.
    en: ['credit note', 'credit memo', 'credit invoice', 'credit note number', 'credit note id', 'credit notes', 'credit memos', 'adjustment note', 'credit'],
    pl: ['faktura korygująca', 'korekta', 'nota korygująca', 'nota kredytowa'],
    sv: ['kreditfaktura', 'kreditnota'],
    da: ['kreditnota', 'kreditfaktura'],
    nb: ['kreditnota', 'kreditfaktura'],
    is: ['kreditreikningur'],
    de: ['gutschrift', 'gutschriftsnummer', 'gutschrift nr', 'rechnungskorrektur', 'stornorechnung'],
    fi: ['hyvityslasku'],
    nl: ['creditnota', 'creditfactuur'],
    fr: ['avoir', 'facture d’avoir', "facture d'avoir", 'note de crédit'],
    es: ['nota de crédito', 'factura rectificativa', 'abono'],
    it: ['nota di credito'],
    pt: ['nota de crédito'],
    cs: ['dobropis', 'opravný daňový doklad'],
    sk: ['dobropis', 'opravná faktúra'],
    hu: ['jóváíró számla', 'sztornó számla', 'storno számla', 'helyesbítő számla'],
    ro: ['factură storno', 'factură de stornare', 'notă de credit'],
    et: ['kreeditarve'],
    hr: ['knjižno odobrenje', 'storno račun', 'odobrenje'],
  },
  quote: {
    en: ['quote', 'quotation', 'estimate', 'quote number', 'quote id', 'estimate number', 'proposal', 'commercial proposal'],
    pl: ['oferta', 'wycena', 'numer oferty'],
    sv: ['offert', 'offertnummer'],
    da: ['tilbud', 'tilbudsnummer'],
    nb: ['tilbud', 'tilbudsnummer'],
    is: ['tilboð', 'verðtilboð'],
    de: ['angebot', 'angebotsnummer', 'offerte', 'kostenvoranschlag'],
    fi: ['tarjous', 'tarjousnumero'],
    nl: ['offerte', 'offertenummer'],
    // "Offre OF-2026-118": Swiss and Belgian apps' quote ("Offerte" in their German and Dutch).
    fr: ['devis', 'numéro de devis', 'proposition commerciale', 'offre', 'offre de prix'],
    es: ['presupuesto', 'cotización'],
    // "Offerta n. 2026/118": Italian ERPs' quote to a business customer.
    it: ['preventivo', 'offerta'],
    pt: ['orçamento', 'proposta'],
    cs: ['nabídka', 'cenová nabídka'],
    sk: ['ponuka', 'cenová ponuka'],
    hu: ['árajánlat', 'ajánlat'],
    ro: ['ofertă', 'ofertă de preț', 'deviz'],
    et: ['hinnapakkumine', 'pakkumine'],
    hr: ['ponuda', 'broj ponude'],
  },
  'order-confirmation': {
    en: ['order confirmation', 'order', 'order number', 'order no', 'order id', 'sales order'],
    pl: ['zamówienie', 'numer zamówienia', 'nr zamówienia', 'potwierdzenie zamówienia'],
    sv: ['orderbekräftelse', 'order', 'ordernummer', 'ordernr', 'beställning'],
    da: ['ordrebekræftelse', 'ordre', 'ordrenummer', 'ordrenr'],
    nb: ['ordrebekreftelse', 'ordre', 'ordrenummer', 'ordrenr'],
    is: ['pöntunarstaðfesting', 'pöntun', 'pöntunarnúmer'],
    de: ['auftragsbestätigung', 'bestellbestätigung', 'bestellung', 'bestellnummer', 'bestell nr', 'auftrag', 'auftragsnummer', 'verkaufsauftrag'],
    fi: ['tilausvahvistus', 'tilaus', 'tilausnumero'],
    nl: ['orderbevestiging', 'bestelling', 'bestelnummer', 'ordernummer'],
    fr: ['confirmation de commande', 'commande', 'bon de commande', 'numéro de commande'],
    es: ['confirmación de pedido', 'pedido de venta', 'pedido de cliente', 'pedido', 'número de pedido'],
    it: ['conferma d’ordine', "conferma d'ordine", 'conferma ordine', 'ordine di vendita', 'ordine cliente', 'ordine'],
    pt: ['confirmação de encomenda', 'encomenda', 'pedido de venda', 'pedido'],
    cs: ['potvrzení objednávky', 'objednávka', 'číslo objednávky'],
    sk: ['potvrdenie objednávky', 'objednávka'],
    hu: ['rendelés visszaigazolás', 'megrendelés visszaigazolás', 'megrendelés', 'rendelés'],
    ro: ['confirmare comandă', 'comandă'],
    et: ['tellimuse kinnitus', 'müügitellimus', 'tellimus'],
    hr: ['potvrda narudžbe', 'narudžba', 'broj narudžbe'],
  },
  reminder: {
    en: ['payment reminder', 'reminder', 'overdue notice', 'dunning letter'],
    pl: ['wezwanie do zapłaty', 'przypomnienie o płatności', 'monit'],
    sv: ['betalningspåminnelse', 'påminnelse'],
    da: ['betalingspåmindelse', 'rykker', 'påmindelse'],
    nb: ['betalingspåminnelse', 'purring'],
    is: ['greiðsluáminning', 'ítrekun'],
    de: ['zahlungserinnerung', 'mahnung', 'mahnnummer'],
    fi: ['maksumuistutus'],
    nl: ['betalingsherinnering', 'herinnering', 'aanmaning'],
    // "Rappel" alone: Belgian and Swiss apps' reminder ("Rappel n° 2 – Facture 2026/0219").
    fr: ['relance', 'rappel de paiement', 'rappel'],
    es: ['recordatorio de pago', 'recordatorio'],
    it: ['sollecito di pagamento', 'sollecito'],
    pt: ['lembrete de pagamento', 'lembrete'],
    cs: ['upomínka'],
    sk: ['upomienka'],
    hu: ['fizetési felszólítás', 'fizetési emlékeztető', 'felszólítás'],
    ro: ['somație de plată', 'notificare de plată', 'reamintire de plată'],
    et: ['maksemeeldetuletus', 'meeldetuletus'],
    hr: ['opomena', 'opomena pred ovrhu'],
  },
  proforma: {
    en: ['proforma invoice', 'pro forma invoice', 'proforma'],
    pl: ['faktura proforma', 'faktura pro forma', 'proforma'],
    sv: ['proformafaktura'],
    da: ['proformafaktura'],
    nb: ['proformafaktura'],
    is: ['forreikningur'],
    de: ['proformarechnung', 'proforma rechnung'],
    fi: ['proformalasku'],
    nl: ['proformafactuur', 'proforma factuur'],
    fr: ['facture proforma', 'facture pro forma'],
    es: ['factura proforma'],
    // "Avviso di parcella": an Italian lawyer's or accountant's fee note before the invoice.
    it: ['fattura proforma', 'avviso di parcella', 'preavviso di parcella'],
    pt: ['fatura proforma', 'fatura pró forma'],
    cs: ['zálohová faktura', 'proforma faktura'],
    sk: ['zálohová faktúra', 'proforma faktúra'],
    hu: ['díjbekérő', 'proforma számla'],
    ro: ['factură proformă', 'factura proforma', 'proformă'],
    et: ['ettemaksuarve', 'proforma arve'],
    hr: ['predračun', 'ponuda-predračun'],
  },
  receipt: {
    en: ['receipt', 'receipt number', 'sales receipt'],
    pl: ['paragon', 'pokwitowanie'],
    sv: ['kvitto'],
    da: ['kvittering'],
    nb: ['kvittering'],
    is: ['kvittun'],
    de: ['quittung', 'kassenbon'],
    fi: ['kuitti'],
    nl: ['kwitantie'],
    fr: ['reçu'],
    // "Boleta de venta": Peru's and Chile's sales receipt to a consumer (B001-00004521).
    es: ['recibo', 'boleta de venta', 'boleta'],
    it: ['ricevuta'],
    pt: ['recibo'],
    cs: ['příjmový doklad', 'účtenka'],
    sk: ['príjmový doklad', 'pokladničný doklad'],
    hu: ['nyugta'],
    ro: ['chitanță', 'chitanta', 'bon fiscal'],
    et: ['kviitung'],
    hr: ['priznanica'],
  },
  'delivery-note': {
    // The note that goes with the goods (issue 16, round 15): India's "delivery challan", Poland's "WZ" (wydanie zewnętrzne),
    // Spain's "albarán", Argentina's "remito", Italy's "DDT".
    en: ['delivery note', 'delivery note number', 'delivery slip', 'packing slip', 'delivery challan', 'dispatch note', 'goods delivery note', 'package slip', 'packing list'],
    pl: ['wydanie zewnętrzne', 'dowód wydania', 'dokument wydania', 'dowód dostawy'],
    sv: ['följesedel', 'följesedelsnummer', 'följesedelnr', 'leveranssedel'],
    da: ['følgeseddel', 'følgeseddelnummer', 'følgeseddelnr', 'leveringsseddel'],
    nb: ['følgeseddel', 'følgeseddelnummer', 'pakkseddel', 'leveringsseddel'],
    is: ['fylgiseðill', 'afhendingarseðill'],
    de: ['lieferschein', 'lieferscheinnummer', 'lieferschein nr', 'lieferscheinnr'],
    fi: ['lähete', 'lähetenumero', 'lähetysluettelo'],
    nl: ['pakbon', 'pakbonnummer', 'leverbon', 'afleverbon'],
    fr: ['bon de livraison', 'bordereau de livraison', 'bon d’expédition', "bon d'expédition", 'expédition'],
    es: ['albarán', 'albarán de entrega', 'nota de entrega', 'remito', 'remisión', 'nota de remisión', 'guía de despacho'],
    it: ['documento di trasporto', 'ddt', 'bolla di consegna', 'documento di consegna'],
    pt: ['guia de remessa', 'guia de transporte', 'nota de entrega'],
    cs: ['dodací list'],
    sk: ['dodací list'],
    hu: ['szállítólevél'],
    ro: ['aviz de însoțire', 'aviz de însoțire a mărfii', 'aviz de expediție'],
    et: ['saateleht'],
    hr: ['otpremnica'],
  },
};

/**
 * Compound words end with the kind's word in Icelandic, German, Finnish, Dutch and the Nordic
 * languages: "Sölureikningur", "Schlussrechnung", "Myyntilasku", "Slutfaktura". A word that ends so
 * (after at least three letters of its own) names the kind, unless it is one of the look-alikes.
 */
export const KIND_SUFFIXES: readonly [string, DocumentKind, readonly PageLanguage[]][] = [
  ['kreditreikningur', 'credit-note', ['is']],
  ['reikningur', 'invoice', ['is']],
  ['gutschrift', 'credit-note', ['de']],
  ['rechnung', 'invoice', ['de']],
  // "Sammellieferschein", "Teillieferschein".
  ['lieferschein', 'delivery-note', ['de']],
  ['kreditfaktura', 'credit-note', ['sv', 'da', 'nb']],
  ['faktura', 'invoice', ['sv', 'da', 'nb', 'pl']],
  ['lasku', 'invoice', ['fi']],
  // "Salgsordre", "Kundeordre": a sales order, whose page is its confirmation.
  ['ordre', 'order-confirmation', ['da', 'nb']],
  // "Salgstilbud", "Pristilbud"; Finnish "Myyntitilaus" (a sales order), "Myyntitarjous".
  ['tilbud', 'quote', ['da', 'nb']],
  ['tilaus', 'order-confirmation', ['fi']],
  ['tarjous', 'quote', ['fi']],
  ['factuur', 'invoice', ['nl']],
];
/** Words that end like a document kind and are not one ("Berechnung" is a calculation). */
const NOT_KIND_COMPOUNDS = new Set([
  'berechnung',
  'abrechnung',
  'verrechnung',
  'umrechnung',
  'hochrechnung',
  'laskutus',
  // Special offers and job offers, and a purchase order (the user's to a supplier).
  'særtilbud',
  'jobtilbud',
  'sommertilbud',
  'erikoistarjous',
  'ostotilaus',
]);
const MIN_COMPOUND_PREFIX = 3;

/** The kind a compound word names, with its languages; undefined for any other word. */
export function compoundKind(word: string): { kind: DocumentKind; languages: readonly PageLanguage[] } | undefined {
  if (NOT_KIND_COMPOUNDS.has(word)) return undefined;
  for (const [suffix, kind, languages] of KIND_SUFFIXES) {
    if (word.length >= suffix.length + MIN_COMPOUND_PREFIX && word.endsWith(suffix)) return { kind, languages };
  }
  return undefined;
}

/**
 * The words of DOCUMENT_KIND_LABELS' order-confirmation that name the order itself, not its
 * confirmation: a sales order's record page is headed by them, its confirmation (the document sent)
 * by the longer words. Compounds that end in "ordre" ("Salgsordre") or "tilaus" ("Myyntitilaus") are orders too.
 */
const ORDER_ITSELF = new Set([
  'order',
  'sales order',
  'zamówienie',
  'beställning',
  'ordre',
  'pöntun',
  'bestellung',
  'auftrag',
  'tilaus',
  'bestelling',
  'commande',
  'pedido',
  'ordine',
  'encomenda',
  'objednávka',
]);

/** Does a number label ("Auftrag", "Salgsordre") name the order itself rather than its confirmation? */
export function namesOrderItself(label: string): boolean {
  const word = label.toLowerCase();
  return ORDER_ITSELF.has(word) || word.endsWith('ordre') || word.endsWith('tilaus');
}

/**
 * "Number" alone ("Number", "No.", "Nr", "Numéro", "#", "Beleg-Nr.", "N° de pièce", "Número de
 * documento", a series and number "Serie y número", the Acumatica family's "Reference Nbr." and
 * "Referenznr.", Spanish apps' "Referencia", an ERP's "Transaction Number"; Czech and Slovak "Číslo dokladu", Croatian
 * "Broj dokumenta", Hungarian "Sorszám", Romanian "Număr documentului"; a construction app's "ID#"), the whole text or before a colon: the
 * document number only where the page's heading, title or active tab names the kind of document
 * (issue 16, item 2); with a period and a colon ("Nro.:", "Reference Nbr.:"), its value in the next text.
 * "Number of items 3" and "Nr. client" are not it. "Dokument:" before a value
 * (a Polish ERP's "Dokument: FS 1184/2026"), and Zoho's "Package#" and "Shipment#", which number the
 * goods sent: a package slip's own number, elsewhere a reference (PACKAGE_NUMBER_LABEL).
 */
export const GENERIC_NUMBER_LABEL =
  /^(?:(?:document|dokument|beleg)\s*:\s*(?=\S|$)|(?:package|shipment)\s*(?:#|no\.|number)\s*:?\s*(?=\S|$)|(?:(?:document|doc|dokument|beleg|transaction)[.\s-]*|s[eé]rie\s+(?:y|e|et|und|and)\s+)?(?:number|no|nr|nro|nº|n°|núm|num|nummer|numer|númer|número|numéro|numero|číslo|č|broj|br|sorszám|szám|număr|#|dokumentnummer|belegnummer|referenznr|referenznummer|referencia|reference\s+nbr|ref\.?\s*nbr|id\s?#)(?:\.?\s*(?:de|du|del|di|do)?\s*(?:pièce|piece|document|documento|doc|dokladu|dokumentu|dokumenta|documentului))?\.?\s*(?:[:#]\s*(?=\S)|:?\s*$))/i;

/** "Package#", "Shipment No.": the number of a package of goods, a delivery note's own (GENERIC_NUMBER_LABEL). */
export const PACKAGE_NUMBER_LABEL = /^(?:package|shipment)\b/i;

/**
 * Words before a number label that point at another document than the page's ("Next invoice
 * number: 1043" on a settings page, "Last invoice 4711" on a dashboard, "Próximo número de fatura"),
 * or at paying it: "Pay invoice #000123" heads a checkout, whose document is elsewhere.
 */
export const OTHER_DOCUMENT_WORDS = new Set([
  'next',
  'last',
  'previous',
  'latest',
  'następny',
  'następna',
  'ostatni',
  'ostatnia',
  'poprzednia',
  'nästa',
  'senaste',
  'föregående',
  'næste',
  'seneste',
  'sidste',
  'forrige',
  'neste',
  'siste',
  'forrige',
  'næsta',
  'síðasti',
  'nächste',
  'nächster',
  'letzte',
  'letzter',
  'vorherige',
  'seuraava',
  'viimeisin',
  'edellinen',
  'volgende',
  'laatste',
  'vorige',
  'prochain',
  'prochaine',
  'dernier',
  'dernière',
  'précédente',
  'siguiente',
  'último',
  'última',
  'anterior',
  'prossimo',
  'prossima',
  'ultimo',
  'ultima',
  'precedente',
  'próximo',
  'próxima',
  // The languages read since: Czech, Slovak, Hungarian, Romanian, Estonian, Croatian ("Következő számla sorszáma", "Další číslo faktury").
  'další',
  'příští',
  'poslední',
  'předchozí',
  'ďalšie',
  'ďalšia',
  'ďalšej',
  'nasledujúca',
  'posledná',
  'predchádzajúca',
  'következő',
  'utolsó',
  'előző',
  'următoarea',
  'următorul',
  'precedenta',
  'järgmine',
  'järgmise',
  'viimane',
  'eelmine',
  'sljedeći',
  'sljedeća',
  'sljedećeg',
  'zadnji',
  'posljednji',
  'prethodni',
  'pay',
  // Or a page about it: a support ticket's "Question about invoice INV-2031" ("RE" before a number is
  // German for Rechnung, not a mail's reply: no "re").
  'about',
  'regarding',
  'concerning',
  'question',
  'bezüglich',
  'betreff',
  'angående',
  'vedrørende',
  'betreffende',
  'inzake',
  'concernant',
  'acerca',
  'riguardo',
  'dotyczy',
  'koskien',
  'varðandi',
  'zapłać',
  'opłać',
  'betala',
  'betal',
  'betale',
  'greiða',
  'maksa',
  'betaal',
  'payer',
  'pagar',
  'paga',
]);

/**
 * The plural of the main kinds, as an app names its module in the window title, a heading or the
 * current menu entry ("Website redesign » Invoices » SuiteCRM", "Rechnungen"): the page is among
 * that kind's documents. Not a number label: "Invoices 12" is no document number.
 */
export const KIND_PLURALS: ReadonlyMap<string, DocumentKind> = new Map<string, DocumentKind>([
  ...['invoices', 'faktury', 'fakturor', 'fakturaer', 'reikningar', 'rechnungen', 'laskut', 'facturen', 'factures', 'facturas', 'fatture', 'faturas'].map((word) => [word, 'invoice'] as const),
  ...['quotes', 'quotations', 'estimates', 'proposals', 'cotizaciones', 'oferty', 'offerter', 'angebote', 'tarjoukset', 'offertes', 'presupuestos', 'preventivi', 'orçamentos'].map(
    (word) => [word, 'quote'] as const,
  ),
  // Only plurals that hold their singular ("orders", "bestellungen"): the cheap first test (document-hint.ts) finds them so.
  ...['credits'].map((word) => [word, 'credit-note'] as const),
  ...['lieferscheine', 'följesedlar', 'følgesedler', 'albaranes', 'pakbonnen'].map((word) => [word, 'delivery-note'] as const),
  ...['orders', 'ordrer', 'bestellungen', 'bestellingen', 'commandes', 'pedidos', 'encomendas'].map((word) => [word, 'order-confirmation'] as const),
]);

/**
 * A label that shows what a number will look like ("Preview", "Förhandsvisning" over "Invoice
 * F-2026-1043" on a numbering settings page): the number after it is a sample.
 */
export const PREVIEW_LABEL =
  /^(?:preview|live preview|förhandsvisning|förhandsgranskning|forhåndsvisning|vorschau|podgląd|esikatselu|voorvertoning|aperçu|vista previa|anteprima|pré-visualização|pré-visualizar|forskoðun)\s*:?$/u;

/** The words that mark a sample, matched on the lower-cased text. */
const SAMPLE_WORD_LIST =
  'sample|example|dummy|muster|beispiel|exempel|przykład|przykładowa|eksempel|dæmi|sýnishorn|esimerkki|malli|voorbeeld|exemple|ejemplo|esempio|exemplo|vzor|ukázka|ukážka|minta|exemplu|näidis|primjer|uzorak';
/**
 * The words as whole words: `i` with `u` (for `\p{L}`) would make the engine compile the pattern for
 * Unicode case folding, a millisecond of every page load (issue 18).
 */
const SAMPLE_WORDS = new RegExp(`(?:^|[^\\p{L}])(?:${SAMPLE_WORD_LIST})(?![\\p{L}])`, 'u');
/**
 * The words anywhere, without the letter classes around them: a pattern the engine compiles in a
 * fraction of the time, which most texts (holding none of the words) never get past.
 */
const SAMPLE_HINT = new RegExp(SAMPLE_WORD_LIST);

/**
 * The words starting a word, compounds too ("Exempelbrev", "Beispielrechnung", "Voorbeeldbrief"): a
 * heading's test, so the few headings of a page pay for the letter classes, not every text.
 */
const SAMPLE_WORD_START = new RegExp(`(?:^|[^\\p{L}])(?:${SAMPLE_WORD_LIST})`, 'u');

/** A heading that names a sample ("Exempelbrev", "Sample letter"): the numbers of its section are samples. */
export function headingNamesSample(text: string): boolean {
  const lower = text.toLowerCase();
  return SAMPLE_HINT.test(lower) && SAMPLE_WORD_START.test(lower);
}

/** A number shown as a sample ("Invoice INV-0001 (sample)" in a template editor) is no document's. */
export function namesSample(text: string): boolean {
  const lower = text.toLowerCase();
  return SAMPLE_HINT.test(lower) && SAMPLE_WORDS.test(lower);
}

/**
 * A supplier's document, the user's to approve and pay, not to send ("Leverandørfaktura 88213 fra
 * Kontorland A/S", "Eingangsrechnung", "Vendor bill", "Facture fournisseur", "Faktura kosztowa"):
 * compounds of a supplier's or a purchase's word with an invoice's, and the phrases that say so.
 */
const SUPPLIER_DOCUMENT =
  /(?:leverandør|leverantörs?|lieferanten|eingangs|kreditor|inkoop|osto|birgja|innkaups)(?:faktura|rechnung|factuur|lasku|reikning)|(?:supplier|vendor|purchase|incoming)\s+(?:invoice|bill|credit note)|\b(?:inkomende|ontvangen)\s+factuur|factures?\s+(?:d[’']achat|fournisseur)|facturas?\s+(?:de\s+)?(?:proveedor|compra|recibida)|fatture?\s+(?:fornitore|d[’']acquisto|passiv[ae])|faturas?\s+(?:de\s+)?(?:fornecedor|compra)|faktur[ay]\s+(?:zakupu|kosztow[ae]|od dostawcy)/u;

/** Does a title or heading name a supplier's document? */
export function namesSupplierDocument(text: string): boolean {
  return SUPPLIER_DOCUMENT.test(text.toLowerCase());
}
