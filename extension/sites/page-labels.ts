/**
 * The words invoice and order pages use for their fields, in the languages of the pages we read
 * (page-language.ts: ours and Finnish, Dutch, French, Spanish, Italian, Portuguese, Czech, Slovak), and
 * the patterns for the values that follow them. Data for the generic adapter (generic/)
 * and the recipe adapter (which reads a picked element's text with the same value patterns).
 *
 * To teach the generic adapter a new word, add it here, then rewrite the index the detector reads at
 * run time: `UPDATE_LABEL_INDEX=1 npx vitest run test/extension/label-index.test.ts` (see LabelIndex);
 * a unit test per language reads a page written with these words (test/extension/generic-invoice.test.ts).
 */
import type { DocumentKind } from '../../shared/document-kinds';
import { compoundKind, DOCUMENT_KIND_LABELS, GENERIC_NUMBER_LABEL } from './document-kind';
import { LABEL_INDEX } from './label-index.generated';
import type { PageLanguage } from './page-language';

export type LabelledField = 'number' | 'email' | 'customer' | 'amount' | 'dueDate';

type LabelTable = Record<Exclude<LabelledField, 'number'>, Partial<Record<PageLanguage, readonly string[]>>>;

/**
 * Amount labels that name what is left to pay, per language: they beat a plain "Total" when both are on
 * the page. A language's amount labels (LABELS) are these, then AMOUNT_OTHER's.
 */
const AMOUNT_DUE: Partial<Record<PageLanguage, readonly string[]>> = {
  en: [
    'amount due',
    'balance due',
    'total due',
    'total payable',
    'amount payable',
    'to pay',
    'amount outstanding',
    'outstanding',
    'balance',
    'balance owing',
    'amount owing',
    'owing',
    'balance remaining',
    'remaining balance',
    'amount remaining',
    'left to pay',
    'open balance',
    'amount to refund',
    'amount to credit',
    // AIA G702's line 8, a progress bill's amount due (construction apps).
    'current payment due',
    'to be refunded',
    'refund due',
  ],
  pl: ['razem do zapłaty', 'kwota do zapłaty', 'do zapłaty', 'pozostało do zapłaty', 'pozostaje do zapłaty', 'razem do zwrotu', 'kwota do zwrotu', 'do zwrotu'],
  sv: ['summa att betala', 'att betala', 'kvar att betala', 'restbelopp', 'återstår', 'återstående belopp', 'kvarstående belopp', 'obetalt belopp', 'att återbetala', 'att kreditera'],
  // A credit note's refund: "Å betale tilbake", "At betale tilbage", "Til gode".
  da: ['at betale', 'til betaling', 'restbeløb', 'resterende beløb', 'udestående', 'skyldigt beløb', 'til tilbagebetaling', 'at betale tilbage', 'at kreditere', 'til kreditering', 'til gode'],
  nb: [
    'å betale',
    'til betaling',
    'restbeløp',
    'gjenstående',
    'gjenstående beløp',
    'utestående',
    'skyldig beløp',
    'til tilbakebetaling',
    'å betale tilbake',
    'å kreditere',
    'til kreditering',
    'til gode',
  ],
  is: ['til greiðslu', 'eftirstöðvar', 'ógreitt', 'ógreidd upphæð', 'til endurgreiðslu'],
  de: [
    // A dunning letter's whole claim: the overdue invoices, the fees and interest.
    'gesamtforderung',
    'zu zahlen',
    'zahlbetrag',
    'mahnsumme',
    'offener betrag',
    'offener saldo',
    'restbetrag',
    'restschuld',
    'noch offen',
    'offen',
    'ausstehend',
    'ausstehender betrag',
    'erstattungsbetrag',
    'restforderung',
    'offene forderung',
    'noch zu zahlen',
    'verbleibender betrag',
    'zu erstatten',
  ],
  fi: ['maksettava', 'avoin summa', 'avoin saldo', 'avoinna', 'maksamatta', 'jäljellä', 'palautettava'],
  nl: ['te betalen', 'nog te betalen', 'openstaand bedrag', 'openstaand saldo', 'openstaand', 'restant', 'resterend bedrag', 'nog open', 'terug te betalen', 'saldo'],
  fr: [
    'net à payer',
    'net à régler',
    'montant à payer',
    'montant à régler',
    'total à payer',
    'total à régler',
    'reste à payer',
    'reste à régler',
    'reste dû',
    'restant dû',
    'montant restant dû',
    'montant restant',
    'solde dû',
    'solde à payer',
    'solde restant',
    'montant dû',
    'montant à rembourser',
    'à rembourser',
  ],
  es: [
    'total a pagar',
    'importe pendiente de pago',
    'importe pendiente',
    'saldo pendiente',
    'pendiente de pago',
    'saldo a pagar',
    'resto a pagar',
    'importe adeudado',
    'saldo adeudado',
    'importe a devolver',
    'a devolver',
    // A freelancer's invoice after its withholding ("IRPF -15 %"): what the client pays, from the seller's side.
    'total a cobrar',
    'importe a cobrar',
    'a cobrar',
    'saldo',
  ],
  it: ['totale da pagare', 'residuo da pagare', 'importo residuo', 'netto a pagare', 'da pagare', 'residuo', 'saldo dovuto', 'importo dovuto', 'importo da rimborsare', 'da rimborsare', 'saldo'],
  pt: [
    'total a pagar',
    'valor a pagar',
    'valor em dívida',
    'valor em aberto',
    'saldo em aberto',
    'em aberto',
    'em dívida',
    'saldo a receber',
    'valor a receber',
    'total a receber',
    'saldo devedor',
    'valor pendente',
    'por pagar',
    // Not "Valor líquido" alone: on a payment platform it is what the seller gets after its fees.
    'valor líquido da nota',
    // An NF-e's (DANFE's) grand total, after the products' total and the taxes.
    'valor total da nota',
    'valor líquido da fatura',
    'valor a reembolsar',
    'valor a devolver',
    'saldo',
  ],
  cs: ['celkem k úhradě', 'k úhradě', 'zbývá uhradit', 'k zaplacení', 'celkem k zaplacení'],
  sk: ['suma na úhradu', 'celkom k úhrade', 'k úhrade', 'zostáva uhradiť', 'na úhradu'],
  hu: ['fizetendő összeg', 'fizetendő végösszeg', 'még fizetendő', 'fizetendő', 'hátralék', 'tartozás'],
  ro: ['total de plată', 'total de plata', 'rest de plată', 'de plată', 'sold de plată'],
  et: ['kokku tasuda', 'tasumisele kuulub', 'tasuda', 'tasumata', 'maksta'],
  hr: ['ukupno za platiti', 'ukupno za plaćanje', 'iznos za plaćanje', 'za platiti', 'za plaćanje', 'preostalo za platiti'],
};

/** The other amount labels: a total, whatever is still to pay of it. */
const AMOUNT_OTHER: Partial<Record<PageLanguage, readonly string[]>> = {
  // A credit note's total says it is credited ("Sum kreditert", "Total credited", "Krediterat belopp").
  // "Gross": British apps' total with VAT, under "Net" and "VAT @ 20%".
  en: ['grand total', 'total amount', 'invoice amount', 'invoice total', 'total credited', 'amount credited', 'gross total', 'total gross', 'gross amount', 'gross', 'total', 'amount', 'sum'],
  pl: ['kwota należności ogółem', 'należność ogółem', 'wartość brutto', 'razem brutto', 'kwota brutto', 'razem', 'suma', 'kwota'],
  sv: ['totalbelopp', 'fakturabelopp', 'krediterat belopp', 'summa krediterat', 'summa', 'totalt', 'total', 'belopp'],
  da: ['samlet beløb', 'totalbeløb', 'fakturabeløb', 'krediteret beløb', 'krediteret i alt', 'i alt', 'total', 'beløb'],
  nb: ['totalbeløp', 'fakturabeløp', 'kreditert beløp', 'sum kreditert', 'totalt', 'total', 'sum', 'beløp'],
  is: ['heildarupphæð', 'samtals', 'upphæð', 'alls'],
  de: [
    'rechnungsbetrag',
    'rechnungstotal',
    'totalbetrag',
    'gesamtbetrag',
    'gesamt brutto',
    'summe brutto',
    'bruttobetrag',
    'gesamtsumme',
    'bruttosumme',
    'rechnungssumme',
    'brutto',
    'endbetrag',
    'summe',
    'gesamt',
    'betrag',
  ],
  fi: ['loppusumma', 'laskun summa', 'yhteensä', 'summa', 'määrä'],
  nl: ['totaalbedrag', 'factuurbedrag', 'totaal', 'bedrag'],
  // Belgium writes "TVAC" (TVA comprise) for the French "TTC".
  fr: ['total ttc', 'montant ttc', 'total tvac', 'montant tvac', 'total', 'montant'],
  es: ['importe total', 'total factura', 'total documento', 'total', 'importe'],
  it: ['totale da saldare', 'importo da saldare', 'importo totale documento', 'totale documento', 'importo totale', 'importo fattura', 'totale', 'importo'],
  pt: ['valor total', 'valor da fatura', 'total documento', 'total do documento', 'total', 'valor', 'montante'],
  cs: ['celkem', 'celková částka', 'částka'],
  sk: ['celkom', 'spolu', 'celková suma', 'suma'],
  hu: ['bruttó végösszeg', 'bruttó összesen', 'végösszeg', 'összesen', 'bruttó', 'összeg'],
  ro: ['total general', 'valoare totală', 'total factură', 'total'],
  et: ['summa kokku', 'arve summa', 'kokku', 'summa'],
  hr: ['sveukupno', 'ukupan iznos', 'ukupno', 'iznos'],
};

const AMOUNT_DUE_LABELS: ReadonlySet<string> = new Set(Object.values(AMOUNT_DUE).flat());

/**
 * Labels per field and language, besides the number labels (the words that name a kind of document,
 * document-kind.ts). Longer labels are tried first, so "Fakturanummer" wins over "Faktura" and
 * "Amount due" over "Amount". Matching is case-insensitive and on word boundaries ("Kund" does not
 * match "Kundnummer"). German covers the Swiss and Austrian words too (Rechnungstotal, Offerte).
 */
const LABELS: LabelTable = {
  // The address for invoices first ("Billing email", "E-mail fatturazione", "E-post för fakturor"): a label of its own.
  email: {
    en: ['billing email', 'billing e-mail', 'invoice email', 'invoice e-mail', 'email for invoices', 'e-mail address', 'email address', 'e-mail', 'email', 'mail', 'contact'],
    pl: ['e-mail do faktur', 'adres e-mail do faktur', 'adres e-mail', 'adres email', 'e-mail', 'email', 'mail', 'kontakt'],
    sv: ['e-post för fakturor', 'e-post för faktura', 'faktura e-post', 'e-postadress', 'e-post', 'epost', 'mejl', 'kontakt'],
    da: ['e-mail til faktura', 'e-mail til fakturaer', 'faktura e-mail', 'e-mailadresse', 'e-mail', 'email', 'mail', 'kontakt'],
    nb: ['e-post for faktura', 'faktura e-post', 'e-postadresse', 'e-post', 'epost', 'kontakt'],
    is: ['netfang fyrir reikninga', 'netfang', 'tölvupóstur', 'póstfang', 'tengiliður'],
    de: ['rechnungs-e-mail', 'e-mail für rechnungen', 'e-mail-adresse', 'elektronische adresse', 'e-mail', 'email', 'mail', 'kontakt', 'ansprechpartner'],
    fi: ['laskutuksen sähköposti', 'laskutussähköposti', 'sähköpostiosoite', 'sähköposti', 'email', 'yhteyshenkilö'],
    nl: ['facturatie e-mail', 'factuur e-mail', 'e-mail voor facturen', 'e-mailadres', 'e-mail', 'email', 'contactpersoon'],
    fr: ['e-mail de facturation', 'email de facturation', 'courriel de facturation', 'adresse e-mail', 'adresse email', 'courriel', 'e-mail', 'email'],
    es: ['correo de facturación', 'email de facturación', 'e-mail de facturación', 'correo electrónico', 'correo', 'e-mail', 'email'],
    it: ['e-mail fatturazione', 'email fatturazione', 'e-mail di fatturazione', 'email di fatturazione', 'indirizzo email', 'indirizzo pec', 'posta elettronica', 'e-mail', 'email', 'pec'],
    pt: ['e-mail de cobrança', 'email de cobrança', 'e-mail de faturação', 'email de faturação', 'endereço de e-mail', 'correio eletrónico', 'correio eletrônico', 'e-mail', 'email'],
    cs: ['e-mail odběratele', 'fakturační e-mail', 'e-mail', 'email'],
    sk: ['e-mail odberateľa', 'e-mail', 'email'],
    hu: ['e-mail cím', 'e-mail', 'email'],
    ro: ['adresă de e-mail', 'e-mail', 'email'],
    et: ['e-posti aadress', 'e-post', 'email'],
    hr: ['adresa e-pošte', 'e-pošta', 'e-mail', 'email'],
  },
  customer: {
    en: [
      'customer',
      'customer name',
      'client',
      'client name',
      'bill to',
      'billed to',
      'invoice to',
      'invoice for',
      'sold to',
      'buyer',
      'debtor',
      'recipient',
      'prepared for',
      'account name',
      'company',
      'company name',
      // India's billing apps (Tally, Vyapar, Khatabook): the customer is the "party".
      'party name',
      'party details',
      // A medical practice's patient invoice bills the guarantor, the person responsible for a patient's account.
      'guarantor',
      'responsible party',
      // A utility's or subscription's bill is addressed to the holder of the account it is for.
      'account holder',
      'organization name',
      'organisation name',
      'billing address',
      'invoice address',
      'invoicing address',
      'payer',
      'ordered by',
      'deliver to',
      'ship to',
      // A packing slip's only address (below any other customer label: an order page's buyer is its billed one).
      'shipping address',
      'delivery address',
      // ERPs' word for the customer on a sales document (iDempiere, SAP Business One, Openbravo).
      'business partner',
      'customer details',
      'client details',
      'customer information',
      'addressed to',
      // Dolibarr's word for the customer's record, as in its other languages ("Tiers", "Tercero").
      'third party',
    ],
    pl: [
      'nabywca',
      'kupujący',
      'nazwa nabywcy',
      'odbiorca',
      'klient',
      'nazwa klienta',
      'kontrahent',
      'płatnik',
      'adres do faktury',
      'dłużnik',
      'dane klienta',
      'dane nabywcy',
      'podmiot',
      'adres dostawy',
      'adres wysyłki',
    ],
    sv: [
      'kund',
      'kundnamn',
      'faktureras till',
      'fakturamottagare',
      'mottagare',
      'köpare',
      'fakturaadress',
      'faktureringsadress',
      'betalare',
      'beställare',
      'kunduppgifter',
      'kundinformation',
      'leveransadress',
    ],
    da: ['kunde', 'kundenavn', 'debitor', 'faktureres til', 'modtager', 'køber', 'fakturaadresse', 'faktureringsadresse', 'bestilt af', 'kundeoplysninger', 'leveringsadresse'],
    nb: [
      'kunde',
      'kundenavn',
      'debitor',
      'faktureres til',
      'fakturamottaker',
      'mottaker',
      'kjøper',
      'fakturaadresse',
      'faktureringsadresse',
      'bestilt av',
      'kundeopplysninger',
      'kundeinformasjon',
      'leveringsadresse',
    ],
    // "Viðskiptamaður" and "Nafn viðskiptamanns": Business Central's words for the customer.
    is: ['viðskiptavinur', 'viðskiptamaður', 'nafn viðskiptamanns', 'nafn viðskiptavinar', 'kaupandi', 'móttakandi', 'viðtakandi', 'greiðandi', 'upplýsingar um viðskiptavin'],
    de: [
      'kunde',
      'kundenname',
      'debitor',
      'rechnungsempfänger',
      'empfänger',
      'käufer',
      'auftraggeber',
      'rechnungsadresse',
      'schuldner',
      'besteller',
      'bestellt von',
      'kundendaten',
      'kundeninformationen',
      // The client of a building contract (construction apps' progress invoices).
      'bauherr',
      'lieferadresse',
    ],
    fi: ['asiakas', 'asiakkaan nimi', 'laskutettava', 'vastaanottaja', 'ostaja', 'laskutusosoite', 'maksaja', 'asiakastiedot', 'toimitusosoite'],
    nl: [
      'klant',
      'klantnaam',
      'debiteur',
      'factureren aan',
      'factuur aan',
      'gefactureerd aan',
      'afnemer',
      'ontvanger',
      'relatie',
      'relatienaam',
      'factuuradres',
      'koper',
      'besteld door',
      'klantgegevens',
      'opdrachtgever',
      'afleveradres',
      'leveringsadres',
    ],
    // "Tiers": Dolibarr's word for the customer's record (a third party).
    fr: [
      'client',
      'nom du client',
      'tiers',
      'facturé à',
      'facturer à',
      'destinataire',
      'acheteur',
      'adresse de facturation',
      'débiteur',
      'payeur',
      'commandé par',
      'adressé à',
      'adressée à',
      'informations client',
      'coordonnées client',
      // The client of a building contract (construction apps' progress invoices, "situations de travaux").
      "maître d'ouvrage",
      'maître d’ouvrage',
      'adresse de livraison',
    ],
    // "Señor(es):": Chile's printed electronic invoice (DTE) names its buyer so (the plural's ending in parentheses is a label's rest).
    es: [
      'cliente',
      'nombre del cliente',
      'facturar a',
      'facturado a',
      'destinatario',
      'comprador',
      'dirección de facturación',
      'deudor',
      'receptor',
      'datos del cliente',
      'tercero',
      'señor',
      'señores',
      'dirección de envío',
      'dirección de entrega',
    ],
    it: [
      'cliente',
      'nome cliente',
      'intestatario',
      'destinatario',
      'spettabile',
      'cessionario/committente',
      'cessionario',
      'committente',
      'indirizzo di fatturazione',
      'debitore',
      'dati cliente',
      'dati del cliente',
      'soggetto terzo',
      'indirizzo di spedizione',
      'indirizzo di consegna',
    ],
    pt: [
      'cliente',
      'nome do cliente',
      'faturar a',
      'destinatário',
      'comprador',
      'morada de faturação',
      'endereço de faturação',
      'tomador',
      'tomador de serviços',
      'tomador do serviço',
      'pagador',
      'dados do cliente',
      'terceiro',
      'endereço de entrega',
      'morada de entrega',
    ],
    cs: ['odběratel', 'zákazník', 'klient', 'příjemce', 'objednatel', 'fakturační adresa'],
    sk: ['odberateľ', 'zákazník', 'klient', 'príjemca', 'objednávateľ', 'fakturačná adresa'],
    hu: ['vevő', 'vevő neve', 'ügyfél', 'megrendelő', 'számlázási cím'],
    ro: ['client', 'cumpărător', 'beneficiar', 'denumire client'],
    et: ['ostja', 'klient', 'kliendi nimi', 'maksja', 'tellija', 'arve saaja'],
    hr: ['kupac', 'naziv kupca', 'naručitelj', 'primatelj', 'platitelj'],
  },
  amount: Object.fromEntries((Object.keys(AMOUNT_OTHER) as PageLanguage[]).map((language) => [language, [...(AMOUNT_DUE[language] ?? []), ...AMOUNT_OTHER[language]!]])),
  dueDate: {
    en: ['due date', 'payment due', 'pay by', 'due'],
    pl: ['termin płatności', 'termin zapłaty', 'płatne do'],
    sv: ['förfallodatum', 'förfallodag', 'betalas senast', 'förfaller'],
    da: ['forfaldsdato', 'sidste betalingsdato', 'betalingsfrist', 'forfalder'],
    nb: ['forfallsdato', 'betalingsfrist', 'forfaller', 'forfall'],
    is: ['gjalddagi', 'eindagi'],
    de: ['fälligkeitsdatum', 'fällig am', 'zahlbar bis', 'zahlungsziel', 'fälligkeit', 'fällig'],
    fi: ['eräpäivä', 'erääntyy', 'maksettava viimeistään'],
    nl: ['vervaldatum', 'vervaldag', 'uiterste betaaldatum'],
    fr: ['date d’échéance', "date d'échéance", 'échéance', 'date limite de paiement'],
    es: ['fecha de vencimiento', 'vencimiento', 'vence'],
    it: ['data di scadenza', 'data scadenza', 'scadenza'],
    pt: ['data de vencimento', 'vencimento'],
    cs: ['datum splatnosti', 'splatnost'],
    sk: ['dátum splatnosti', 'splatnosť'],
    hu: ['fizetési határidő', 'esedékesség'],
    ro: ['data scadenței', 'data scadentei', 'scadență', 'termen de plată'],
    et: ['maksetähtaeg', 'maksetähtpäev', 'tähtaeg'],
    hr: ['datum dospijeća', 'dospijeće', 'rok plaćanja'],
  },
};

/**
 * Words that name the customer only as a field's whole label, its value in the next text: the "To"
 * column of a From/To address pair ("An", "Till", "Aan", "Para"), a CRM record's or a billing
 * system's "Account" ("Konto", "Compte", "Cuenta"), a CRM's "Firma" (the customer's company, over its contact) and its kin ("Företag", "Virksomhed", "Bedrift", "Unternehmen", "Empresa"…; not
 * "Empresa: Tostadora Andina" in an app's bar, nor "Ma société", which are the user's own) or "Organization" (a CRM's "Organisatie",
 * "Organisation", "Organización"… over its contact person), an ERP's "Party" or "Partner" (Tryton, Odoo), the salutation of an Italian address
 * block ("Spett.le", "Egr.") and an English one ("Messrs."). Inside a sentence they mean something
 * else ("Send to…", "Bank account 1234", "third party").
 */
export const LONE_CUSTOMER_LABEL =
  /^(?:to|an|till|til|aan|para|account|konto|compte|cuenta|firma|f[oö]retag|virksomhed|bedrift|fyrirt[aæ]ki|unternehmen|bedrijf|yritys|soci[eé]t[eé]|empresa|azienda|organi(?:[sz]|zz)a(?:tion|tie|sjon|atio|cja|zione|ci[oó]n|[cç][aã]o)|party|partner|spett\.?le|egr\.?|messrs\.?)\s*:?$/i; // ASCII only: no Unicode case folding to compile

/** LONE_CUSTOMER_LABEL's company words ("Firma", "Företag", "Empresa"…): the customer's company in a CRM, the seller's in a sheet's own block. */
/** Labels of the address goods go to ("Shipping Address", "Lieferadresse", "Leveransadress"): the customer's only where no other label names one. */
export const DELIVERY_ADDRESS_LABEL =
  /^(?:shipping address|delivery address|lieferadresse|leveransadress|leveringsadresse|toimitusosoite|afleveradres|leveringsadres|adresse de livraison|direcci[oó]n de (?:env[ií]o|entrega)|indirizzo di (?:spedizione|consegna)|endere[cç]o de entrega|morada de entrega|adres (?:dostawy|wysy[lł]ki))$/i;

export const COMPANY_FIELD_LABEL = /^(?:firma|f[oö]retag|virksomhed|bedrift|fyrirt[aæ]ki|unternehmen|bedrijf|yritys|soci[eé]t[eé]|empresa|azienda)\s*:?$/i;

/**
 * "Name" alone, in the languages we read ("Denumire", "Název", "Név" too), or a company's legal name ("Ragione sociale", "Raison
 * sociale", "Razón social"): a record's name field (generic/lone-labels.ts, loneNameLabel). A clinic's
 * "Patient" ("Paziente", "Paciente", "Pacjent"…) too: the person billed, where no payer's label
 * ("Bill To", a plan manager) names another.
 */
export const LONE_NAME_LABEL = new RegExp(
  // An e-invoice's layout names both at once ("NOME / RAZÃO SOCIAL" on a Brazilian DANFE, "Razón Social / Nombres y Apellidos" on an Ecuadorian RIDE).
  String.raw`^(?:NAME)(?:\s*\/\s*(?:NAME))*\s*:?$`.replaceAll(
    'NAME',
    String.raw`name|full name|navn|namn|nafn|naam|nimi|nom|nombre|nombres y apellidos|apellidos y nombres|nome|nome completo|denominazione|nazwa|denumire|denumirea|název|názov|név|ragione sociale|raison sociale|raz[oó]n social|raz[aã]o social|patient|pati[eë]nt|patientin|paziente|paciente|pacjent|potilas|sj[uú]klingur`,
  ),
  'i', // ASCII case folding only, as above
);
/** The longest of LONE_NAME_LABEL's texts tested, with a colon ("Razón Social / Nombres y Apellidos:"): longer texts are not tested. */
export const MAX_NAME_LABEL = 40;

/**
 * Address labels that name a person or a company as often as an address ("Contact: Harbour Lights
 * Ltd"): without an address after them, what they name is the customer, below any customer label.
 */
export const CONTACT_LABELS = new Set(['contact', 'kontakt', 'ansprechpartner', 'contactpersoon', 'yhteyshenkilö', 'tengiliður']);

/** Column headings of invoice lists that hold the number ("Nr", "No.", "#"), besides the number labels. */
const NUMBER_COLUMN_HEADINGS = ['nr', 'no', 'number', 'numer', 'nummer', 'númer', '#', 'id', 'ref', 'reference', 'referens'];

export interface LabelInfo {
  field: LabelledField;
  languages: PageLanguage[];
  /** An amount label that names what is due. */
  due: boolean;
  /** A number label names the kind of document ("Credit note", "Angebot"). */
  kind?: DocumentKind;
}

/**
 * Labels are compared without case, spaces, hyphens, apostrophes and slashes: "E-Mail", "e mail" and
 * "email" are one label, and so are "conferma d’ordine" and "conferma d'ordine". A slash joins the two
 * names of one field ("Cessionario/Committente", the buyer of an Italian e-invoice).
 */
function labelKey(text: string): string {
  return text.toLowerCase().replace(/[\s'’°/-]+/g, '');
}

/**
 * What the tables above come to at run time: every label's key with its field, languages, whether it
 * names what is due, and its kind; and the hints of phraseHint. Derived once at build time, not on
 * every page load: deriving costs the interpreter about two milliseconds per document page (issue 18).
 * label-index.generated.ts holds it as JSON, which the engine parses natively; a unit test
 * (test/extension/label-index.test.ts) checks it against the tables and rewrites it with
 * UPDATE_LABEL_INDEX=1.
 */
export interface LabelIndex {
  /**
   * Every label's key → what it names, as an index into `signatures`: looked up as it is, so that
   * loading the page script builds no table (issue 18).
   */
  keys: Record<string, number>;
  /** What labels name, "field|languages|due|kind" (languages joined by ",", due 1 or 0, kind or nothing). */
  signatures: string[];
  /** The sources of phraseHint's patterns: of every label, of DOCUMENT_LINK_WORDS and of ACTION_WORDS. */
  hints: { labels: string; documentLinks: string; actions: string };
}

/** The index, from the tables (for the unit test that writes label-index.generated.ts). */
export function buildLabelIndex(): LabelIndex {
  const infos = new Map<string, LabelInfo>();
  const addLabel = (label: string, field: LabelledField, language: PageLanguage, kind?: DocumentKind) => {
    const key = labelKey(label);
    const info = infos.get(key);
    // A word is one field (the first listed wins: "order" is a number label, not anything else).
    if (info && info.field !== field) return;
    if (info && !info.languages.includes(language)) info.languages.push(language);
    if (!info) infos.set(key, { field, languages: [language], due: AMOUNT_DUE_LABELS.has(label), ...(kind ? { kind } : {}) });
  };
  for (const [kind, byLanguage] of Object.entries(DOCUMENT_KIND_LABELS) as [DocumentKind, Partial<Record<PageLanguage, readonly string[]>>][]) {
    for (const [language, list] of Object.entries(byLanguage) as [PageLanguage, readonly string[]][]) {
      for (const label of list) addLabel(label, 'number', language, kind);
    }
  }
  for (const [field, byLanguage] of Object.entries(LABELS) as [LabelledField, Partial<Record<PageLanguage, readonly string[]>>][]) {
    for (const [language, list] of Object.entries(byLanguage) as [PageLanguage, readonly string[]][]) {
      for (const label of list) addLabel(label, field, language);
    }
  }
  const keys: LabelIndex['keys'] = {};
  const signatures: string[] = [];
  for (const [key, info] of infos) {
    const signature = [info.field, info.languages.join(','), info.due ? 1 : 0, info.kind ?? ''].join('|');
    if (!signatures.includes(signature)) signatures.push(signature);
    keys[key] = signatures.indexOf(signature);
  }
  const all = [...Object.values(LABELS), ...Object.values(DOCUMENT_KIND_LABELS)].flatMap((byLanguage) => Object.values(byLanguage).flat());
  return {
    keys,
    signatures,
    hints: { labels: phraseHint(all), documentLinks: phraseHint(DOCUMENT_LINK_LIST.split('|')), actions: phraseHint(ACTION_LIST.split('|')) },
  };
}

const INDEX = JSON.parse(LABEL_INDEX) as LabelIndex;
/** What a signature of the index names, decoded when first looked up (most never are). */
const LABEL_INFO = new Map<number, LabelInfo>();

function labelInfoOfKey(key: string): LabelInfo | undefined {
  // Only the index's own keys: "constructor" is no label.
  if (!Object.hasOwn(INDEX.keys, key)) return undefined;
  const signature = INDEX.keys[key]!;
  let info = LABEL_INFO.get(signature);
  if (info) return info;
  const [field, languages, due, kind] = INDEX.signatures[signature]!.split('|') as [LabelledField, string, string, DocumentKind | ''];
  info = { field, languages: languages.split(',') as PageLanguage[], due: due === '1', ...(kind ? { kind } : {}) };
  LABEL_INFO.set(signature, info);
  return info;
}

/** Labels have at most this many words ("razem do zapłaty", "e-mail-adresse"). */
const MAX_LABEL_WORDS = 4;

interface Word {
  key: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a text with their positions, lower-cased. */
function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  // Lower-cased per word, so positions stay those of the original text.
  for (const match of text.matchAll(WORD)) words.push({ key: match[0].toLowerCase(), start: match.index, end: match.index + match[0].length });
  return words;
}

function escapeForRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A quick test that a text may hold one of `phrases`: the first words of the phrases (or the whole
 * phrase where the first word is very short, like "i alt"), run natively on the lower-cased text.
 * Most texts of a page hold none, and skip the tokenizer: cold JavaScript in a content script runs in
 * the interpreter, so the fewer texts reach it, the cheaper a page load. The words are searched as
 * parts of the text, so a word that holds another ("fakturanummer", "faktura") is left out, and the
 * rest is written as a tree of common beginnings ("fa(?:ktura|ctura)"): the engine compiles the
 * pattern on every page load, and a tree compiles in about half the time of a flat list.
 */
function phraseHint(phrases: Iterable<string>): string {
  const hints = new Set<string>();
  for (const phrase of phrases) {
    const first = phrase.split(/[\s-]/)[0]!;
    hints.add(first.length >= 3 ? first : phrase);
  }
  const words = [...hints].filter((word) => ![...hints].some((other) => other !== word && word.includes(other)));
  return prefixTree(words.sort());
}

/** An alternation of `words` (sorted, none a beginning of another) as a tree of their common beginnings. */
function prefixTree(words: string[]): string {
  const branches = new Map<string, string[]>();
  for (const word of words) {
    const first = [...word][0]!;
    branches.set(first, [...(branches.get(first) ?? []), word.slice(first.length)]);
  }
  const parts = [...branches].map(([first, rests]) => escapeForRegExp(first) + (rests.length === 1 ? escapeForRegExp(rests[0]!) : prefixTree(rests)));
  return parts.length === 1 ? parts[0]! : `(?:${parts.join('|')})`;
}

const LABEL_HINT = new RegExp(INDEX.hints.labels);

export interface LabelMatch {
  info: LabelInfo;
  /** Where the label starts and ends in the text. */
  start: number;
  end: number;
}

/**
 * Every label in a text, longest first where labels overlap ("Fakturanummer", not "Faktura"; "Amount
 * due", not "Amount"). A tokenizer and a map lookup rather than one big regular expression: this runs
 * over every text of every page load, and a pattern of some 250 alternatives costs milliseconds to
 * compile and to run.
 */
export function findLabels(text: string): LabelMatch[] {
  if (!LABEL_HINT.test(text.toLowerCase())) return [];
  const words = wordsOf(text);
  const found: LabelMatch[] = [];
  for (let i = 0; i < words.length; i++) {
    // A word of an address or a link ("sam@customer.example", "/invoice/5") is no label.
    if (/[@./_]/.test(text[words[i]!.start - 1] ?? '')) continue;
    let key = '';
    let best: LabelMatch | undefined;
    for (let j = i; j < words.length && j < i + MAX_LABEL_WORDS; j++) {
      // Words of one label are separated by spaces, hyphens, apostrophes or a slash only ("e-mail",
      // "bill to", "d’ordine", "cessionario/committente"), not by ":" or ",".
      if (j > i && !/^[\s'’°/-]+$/.test(text.slice(words[j - 1]!.end, words[j]!.start))) break;
      key += words[j]!.key;
      const info = labelInfoOfKey(key);
      if (info) best = { info, start: words[i]!.start, end: words[j]!.end };
    }
    if (!best) {
      // "Sölureikningur", "Schlussrechnung": a compound that ends with a kind's word; "Offertnr",
      // "Angebotssumme": one that joins a kind's word to a number's or an amount's.
      const compound = compoundKind(words[i]!.key);
      const info = compound ? { field: 'number' as const, languages: [...compound.languages], due: false, kind: compound.kind } : compoundLabel(words[i]!.key);
      if (info) best = { info, start: words[i]!.start, end: words[i]!.end };
    }
    if (best) {
      found.push(best);
      while (i + 1 < words.length && words[i + 1]!.start < best.end) i++;
    }
  }
  return found;
}

/** "Offertnr", "Tilbudsnr", "Angebotsnummer": a kind's word, the linking "s", then "nr" or "nummer". */
const NUMBER_COMPOUND = /^(\p{L}{3,})(?:nr|nummer|numero|nro)$/u;
/** "Angebotssumme", "Offertbelopp", "Tarjoussumma": a word joined to an amount's word, per language. */
const AMOUNT_COMPOUND = /\p{L}{3}(summe|betrag|belopp|beløb|beløp|bedrag|summa|upphæð)$/u;
const AMOUNT_COMPOUND_LANGUAGES: Record<string, PageLanguage[]> = {
  summe: ['de'],
  betrag: ['de'],
  belopp: ['sv'],
  beløb: ['da'],
  beløp: ['nb'],
  bedrag: ['nl'],
  summa: ['sv', 'fi'],
  upphæð: ['is'],
};
/**
 * Parts of a total that are not what is to be paid: net, tax, discount, subtotal, a fee, interest,
 * shipping, a unit's price ("Nettobetrag", "Zwischensumme", "Momsbelopp", "Skattebeløb", "Välisumma", "Versandbetrag").
 */
const NOT_TOTAL_COMPOUND =
  /^(?:netto|steuer|mehrwert|mwst|ust|rabatt|skonto|zwischen|teil|moms|mva|btw|alv|vsk|skat|korting|del|mellem|väli|vero|gebühr|zins|rente|versand|porto|fracht|einzel|stück)/u;

/** The field a compound names that no table lists, or undefined (the words of a customer's number, "Kundnr", are no document's). */
function compoundLabel(word: string): LabelInfo | undefined {
  const stem = NUMBER_COMPOUND.exec(word)?.[1];
  // "Tarjousnro" keeps its word's own "s"; "Tilbudsnr" links with one.
  const kindInfo = stem ? (labelInfoOfKey(stem) ?? (stem.endsWith('s') ? labelInfoOfKey(stem.slice(0, -1)) : undefined)) : undefined;
  if (kindInfo?.field === 'number' && kindInfo.kind) return { field: 'number', languages: kindInfo.languages, due: false, kind: kindInfo.kind };
  const amount = AMOUNT_COMPOUND.exec(word)?.[1];
  return amount && !NOT_TOTAL_COMPOUND.test(word) ? { field: 'amount', languages: AMOUNT_COMPOUND_LANGUAGES[amount]!, due: false } : undefined;
}

/** The label a text starts with, if any. */
export function labelAtStart(text: string): LabelMatch | undefined {
  const first = findLabels(text.slice(0, 60))[0];
  return first && text.slice(0, first.start).trim() === '' ? first : undefined;
}

/** The field a label names. */
export function labelInfo(label: string): LabelInfo | undefined {
  return labelInfoOfKey(labelKey(label));
}

/** A column heading that holds document numbers. */
export function isNumberHeading(text: string): boolean {
  const t = text.toLowerCase().replace(/[.:]/g, '').replace(/\s+/g, ' ').trim();
  if (NUMBER_COLUMN_HEADINGS.includes(t) || labelInfo(t)?.field === 'number') return true;
  // "Faktura nr", "Invoice no", "Order #"
  const withoutSuffix = t.replace(/\s*(?:nr|no|#)$/, '');
  return withoutSuffix !== t && labelInfo(withoutSuffix)?.field === 'number';
}

// ---------------------------------------------------------------------------------------------------
// Values

/**
 * The words after a kind's word that say the document is electronic or simplified, in lower case
 * ("Factura electrónica", "Fattura elettronica", "Facture simplifiée"): they qualify the kind, and
 * the number follows them.
 */
export const KIND_QUALIFIER = 'electr[oó]nica|elettronica|[ée]lectronique|eletr[oô]nica|electronic|elektronische|elektroniczna|elektronisk|s[aä]hk[oö]inen|simplificada|simplifi[ée]e|semplificata';

/**
 * "nr", "no.", "#", "n°", "number", "nummer", "numéro", "ID", Czech and Slovak "č." (číslo: "Faktura - daňový doklad č. 2026-0045"), Croatian "br." (broj) (or a title's " - ", a caption's " · ": "Salgstilbud · S-TILB1042") between a label and
 * its value, after a word or two that qualify the label ("Faktura krajowa nr 5/11/2026", "Pedido de
 * venda nº 1042"); or the word that says the document is electronic or simplified, before the number
 * itself ("FACTURA ELECTRÓNICA F001-00000873", "Fattura elettronica 12/2026", "Factura simplificada
 * T-0042").
 *
 * Matched against the lower-cased text, without the `i` flag: with `u`, `i` makes the engine compile
 * every class and word for case folding, which costs each page load milliseconds (issue 18).
 */
const NUMBER_PREFIX = new RegExp(
  String.raw`^[\s:#.|–—·•∙-]*(?:(?:\p{Ll}{2,20}\s+)?\p{Ll}{3,20}\s+(?=(?:nr|no|nº|n°|n|č|čís|br)[\s.:#°]|#)|(?:${KIND_QUALIFIER})\s+)?(?:(?:nr|no|nº|n|núm|num|nro|id|number|nummer|numer|númer|número|numéro|numero|č|čís|číslo|br|broj)(?=[\s:#.°º]|$)\.?)?[\s:#.°º]*`,
  'u',
);
/**
 * The number itself, in one pattern: a series prefix, a space, then the number ("FV 12/2026", "RE
 * 2026-17"; upper case only: "vom 26.11." is no prefix), or the series before a slash ("FR A/512",
 * "FT 2026A/15": Portuguese documents are numbered type, series, sequence), else letters, digits and `- / . _`; neither
 * followed by a letter or digit; a year and a sequence may stand either side of a spaced slash ("2026 /
 * 142", as Belgian apps write them). One pattern rather than two: each `\p{…}` class costs its own
 * compilation on every page load.
 */
const NUMBER_VALUE = /^(?:([A-Z]{1,5} (?:[A-Z0-9]{1,12}\/)?\d(?:[A-Z0-9\-/._]{0,40}[A-Z0-9])?)|([A-Za-z0-9](?:[A-Za-z0-9\-/._]{0,40}[A-Za-z0-9])?(?: \/ \d{1,10})*))(?![\p{L}\p{N}])/u;
/**
 * Dates are not document numbers, though they look like one ("26.11.2026" on a dashboard). Dates
 * with slashes stay numbers: Polish apps number invoices "12/11/2026" (number/month/year).
 */
const DATE_LIKE_NUMBER = /^(?:\d{1,2}\.\d{1,2}\.\d{2,4}|\d{4}-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])|\d{1,2}-\d{1,2}-\d{4})$/;

/**
 * The document number at the start of `text` (what follows a label): letters, digits and `- / . _`,
 * with at least one digit, and not a date. "Nr. RE-2026/17" → "RE-2026/17", "FV 12/2026" as it is.
 */
/** The length of the prefix NUMBER_PREFIX matches, as the case-insensitive pattern would. */
function prefixLength(text: string): number {
  const lower = text.toLowerCase();
  // Lower-casing keeps every position but for "İ" (two code units in lower case): such a text is
  // compared letter by letter up to its first "İ", where the prefix ends at the latest (it is no
  // lower-case letter, nor a separator).
  if (lower.length === text.length) return NUMBER_PREFIX.exec(lower)![0].length;
  const cut = text.indexOf('\u0130');
  return NUMBER_PREFIX.exec(text.slice(0, cut).toLowerCase())![0].length;
}

/** Digits written as money: grouped by thousands or not, a point or comma, then two decimals ("250.00", "1,250.00"). */
const MONEY_LIKE_NUMBER = /^\d{1,3}(?:[,.]\d{3})*[.,]\d{2}$/;
/** A payment platform's object id ("pay_8f2k1m", "txn_01hv8x2k", "in_1NwS7x"): its record, not the document's number, which has a label of its own. */
const OBJECT_ID = /^[a-z]{2,5}_[A-Za-z0-9]{6,}$/;

/**
 * The letter of an Argentine (AFIP) invoice's type before its point of sale and number ("Factura B
 * 0003-00001234", "Nota de crédito A 0001-00000042"): the type, not part of the number.
 */
const INVOICE_TYPE_LETTER = /^[ABCEMT] (?=\d{4,5}-\d{8}$)/;

/** A file's extension after a number ("CO2611-0015.pdf" in a list of attached files): the file is named for the number, which ends before it. */
export const FILE_EXTENSION = /\.(?:pdf|xml|html?|zip|docx?|odt)$/i;

/** A Romanian series and number after the kind's word: "seria SB nr. 0412", "Seria ABC Nr: 000125". */
const SERIES_AND_NUMBER = /^\s*seria\s+([A-Z]{1,8}\d{0,4})\s*,?\s*(?:nr\.?|număr(?:ul)?)\s*:?\s*(\d[\d/-]{0,15})(?![\p{L}\p{N}])/iu;

export function parseNumberValue(text: string): string | undefined {
  // "Factura seria SB nr. 0412": a Romanian document's series and its number, as the law has them printed.
  const series = SERIES_AND_NUMBER.exec(text);
  if (series) return `${series[1]} ${series[2]}`;
  const prefix = prefixLength(text);
  const rest = text.slice(prefix);
  const match = NUMBER_VALUE.exec(rest);
  const value = (match?.[1] ?? match?.[2])?.replace(FILE_EXTENSION, '').replace(INVOICE_TYPE_LETTER, '');
  // "Påminnelse: 100,00 kr" is money: a decimal comma after the digits makes them an amount, not a number;
  // so does a decimal point before two last digits ("Credit 250.00", "Credit: 1,250.00" on a customer's card).
  if (value && (/^,\d/.test(rest.slice(value.length)) || MONEY_LIKE_NUMBER.test(value))) return undefined;
  // After a middle dot ("Created Quote · 11/25/2026 16:40" in an activity stream), a date with slashes is that date.
  if (value && SLASH_DATE.test(value) && /[·•∙]/.test(text.slice(0, prefix))) return undefined;
  return value && /\d/.test(value) && !DATE_LIKE_NUMBER.test(value) && !OBJECT_ID.test(value) ? value : undefined;
}

/** A date written with slashes ("11/25/2026", "25/11/26"). */
const SLASH_DATE = /^\d{1,2}\/\d{1,2}\/(?:\d{2}|\d{4})$/;

/**
 * The document number in a text that may start with a label ("Faktura 2026-0042", "Invoice #7")
 * or be the number alone ("2026-0042").
 */
export function parseDocumentNumber(text: string): string | undefined {
  const clean = collapse(text).slice(0, 200);
  for (const label of findLabels(clean)) {
    if (label.info.field !== 'number') continue;
    const value = parseNumberValue(clean.slice(label.end));
    if (value) return value;
  }
  return parseNumberValue(clean);
}

export const EMAIL_PATTERN = /[A-Z0-9._%+'-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,63}/i;

export function findEmail(text: string): string | undefined {
  return EMAIL_PATTERN.exec(text)?.[0];
}

export { parseAmount } from './amounts';

const DATE_PATTERN = /\d{4}-\d{1,2}-\d{1,2}|\d{4}\. ?\d{1,2}\. ?\d{1,2}\.?|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}\.?\s+\p{L}{3,12}\.?\s+\d{4}|\p{L}{3,12}\s+\d{1,2},?\s+\d{4}/u;

/** The first date in a text, as written: "2026-12-23", "23.12.2026", "23. Dezember 2026", Hungarian "2026.12.23.". */
export function parseDate(text: string): string | undefined {
  return DATE_PATTERN.exec(text)?.[0];
}

/** A name after a label: up to a separator, without an address or a following label. */
/**
 * A company's name by its legal form or its last word ("Vandelay Industries", "Hartley Joinery Ltd",
 * "Bergbahnen Flims AG", "Piekarnia Wiśniewski Sp. z o.o."): tested on the line after a customer's
 * label's value, only where that value is no company itself.
 */
export const COMPANY_NAME =
  /(?:^|\s)(?:inc|llc|llp|ltd|limited|plc|corp|corporation|company|co|industries|group|holdings|gmbh|ag|kg|ug|se|ab|as|asa|aps|a\/s|oy|oyj|ehf|hf|bv|b\.v|nv|n\.v|sa|s\.a|sas|sarl|sl|s\.l|spa|s\.p\.a|srl|s\.r\.l|lda|ltda|sp\. z o\.o|s\.c)\.?$/i;
/**
 * A customer's number before its name in a picker's option or a record's title: "1042 - ", "10017: ",
 * "[C-0042] ", a code with letters ("DB0058 - ", "C-1002--", an ERP's id and name joined by two
 * dashes), or a long number and a space before a name of two words or more ("10033 Fjordlys Elektro
 * AS"; not "10115 Berlin", a postcode and its town).
 */
const CUSTOMER_NUMBER_PREFIX = /^(?:(?:\p{Lu}{1,4}[-.]?)?\d{2,}(?:\s?[-–—:]\s+|\s?--\s?)|\[[\w.-]*\d[\w.-]*\]\s+|\d{4,}\s+(?=\p{Lu}\S*\s+\S))(?=\S*\p{L})/u;

/**
 * A line that ends an address: a postcode before the town ("51063 Köln", "D-51063 Köln", "722 12
 * Västerås", "30-001 Kraków", "1000-001 Lisboa", "1012 AB Amsterdam", "101 Reykjavík"), or after it
 * ("Paihia 0200", "Oakland, CA 94607"), or a British postcode ("Bristol BS1 4DJ"); also the street and
 * the town on one line ("88 Alvarado Rd, Berkeley, CA 94705", "Dorpsstraat 21, 3431 AB Nieuwegein"). Towns are written
 * with a capital: "100 pieces" or "2026 annual plan" end no address.
 */
export const POSTAL_LINE =
  /^(?:(?:[A-Z]{1,2}-)?\d{4,5}|\d{3} \d{2}|\d{2}-\d{3}|\d{4}-\d{3}|\d{4} ?[A-Z]{2}|\d{3}) \p{Lu}|^\p{Lu}[\p{L} .'-]{1,40},? (?:[A-Z]{2} )?\d{4,5}(?:-\d{4})?$|(?:^| )[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$|, \p{Lu}[\p{L} .'-]{1,40}, [A-Z]{2} \d{5}(?:-\d{4})?$|, (?:\d{4,5}|\d{2}-\d{3}|\d{4} ?[A-Z]{2}) \p{Lu}[\p{L} .'-]{1,40}$/u;
/**
 * A street line with its house number first, as English and French addresses write it: "14 Dock Street",
 * "221B Baker St.", "12, rue de la Paix". A name with a number first ends otherwise ("3 Bears Ltd").
 */
const STREET_LINE =
  /^\d{1,5}[a-z]?,?\s+(?:(?:[\p{L}'’.-]+\s+){0,3}(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|way|boulevard|blvd|place|pl|court|ct|square|sq|terrace|crescent|close|parkway|pkwy|highway|hwy)\.?|(?:rue|avenue|av\.|boulevard|bd|allée|chemin|impasse|quai|route|place|cours)\s.+)$/iu;

/** The start of an address after a name and a comma: a street and its number ("Nørregade 14", "Via Roma 3"), a number first ("12 Quay Street"), or a postcode and town ("8000 Aarhus"). */
const STREET_AFTER_NAME = /^(?:\p{L}[\p{L}.' -]{1,40} \d{1,4}[a-z]?(?:,|$)|\d{1,5}[a-z]? \p{Lu}\p{L}+|\d{4,5} \p{Lu})/u;

export function parseNameValue(text: string): string | undefined {
  let value = collapse(text.replace(/^[\s:–-]+/, '').split(/\s[·•|]\s|\s{2,}|\n/)[0] ?? '').slice(0, 120);
  // "14 Dock Street", "12, rue de la Paix": the street line of an address block, under the name a label named (its number is no record's).
  if (/^\d/.test(value) && STREET_LINE.test(value)) return undefined;
  // "1042 - Byggvaror AB", "[10017] Elektro Maier": a customer picker's option, the record's number before the name.
  value = value.replace(CUSTOMER_NUMBER_PREFIX, '');
  // "Jade Tea House Ltd, Mr. Wong Kar Ho": a contact of a company shown after it (Odoo's display name); the company is the customer.
  const comma = value.indexOf(', ');
  if (comma > 0 && COMPANY_NAME.test(value.slice(0, comma))) value = value.slice(0, comma);
  // "Sofie Lund, Nørregade 14, 2. tv, 8000 Aarhus C": a name, then its address on the same line (a street and its number, a postcode).
  else if (comma > 0 && !/\d/.test(value.slice(0, comma)) && STREET_AFTER_NAME.test(value.slice(comma + 2))) value = value.slice(0, comma);
  // "Hannah Reid (#52 – hannah@example.net)": a customer picker's option, the record's id and address after the name.
  if (value.endsWith(')') && value.includes('@')) value = value.replace(/\s*\([^()]*[@#][^()]*\)$/, '');
  // "Fjallakaffi ehf. (kt. 510312-0450)", "Nordlys ApS (CVR 31234567)": the company's registration number after its name;
  // "Norrlands Bygg AB (kundnr 1044)": its number in the app's customer register.
  if (value.endsWith(')')) value = value.replace(REGISTRATION_AFTER_NAME, '').replace(CUSTOMER_NUMBER_AFTER_NAME, '');
  if (!value || !/\p{L}/u.test(value) || value.includes('@')) return undefined;
  // "Leith, Edinburgh EH6 6EY", "Oakland, CA 94607": the line that ends an address block, its postcode last (one that
  // starts with it, "10115 Berlin", is left whole: a record's number may stand before a name the same way).
  if (/\d/.test(value) && !/^\d/.test(value) && value.length <= 80 && POSTAL_LINE.test(value)) return undefined;
  // "Nom de l'entreprise :" is the next field's label, not a name.
  if (value.endsWith(':')) return undefined;
  // Most names have no digits and no colon: the patterns below, each compiled on its first use, need one.
  if (/\d/.test(value)) {
    // "CMD-778" after "Réf. client" is a reference, not a name: names are not codes of capitals and digits.
    if (/^[\p{Lu}\d\-/._#]+$/u.test(value)) return undefined;
    // "26 Dec 2026" after a "To" of a date range is a date, not a name (every date has digits).
    if (!/\p{L}/u.test(value.replace(DATE_PATTERN, ''))) return undefined;
  }
  // "Account: 1234 5678" is the next field, with its own label, not a name.
  if (value.includes(':') && /^[\p{L}][\p{L} .]{0,40}:\s/u.test(value)) return undefined;
  // "E-post:" after "Kund:" is the next field, not the customer's name; "Kund AB" is a name.
  const label = labelAtStart(value);
  if (label && /^\s*(?::|$)/.test(value.slice(label.end))) return undefined;
  // "Nr." after "Kunde C20000": the next field's number label, not a name.
  if (value.length <= MAX_NAME_LABEL && GENERIC_NUMBER_LABEL.test(value)) return undefined;
  // "Navn" after "Debitor 20117", "Party" after "Quotation To: Customer": the next field's label, not a name.
  if (value.length <= MAX_NAME_LABEL && (LONE_NAME_LABEL.test(value) || LONE_CUSTOMER_LABEL.test(value))) return undefined;
  return value;
}

/** A company's registration or tax number in parentheses after its name, as customer pickers and cards show it. */
const REGISTRATION_AFTER_NAME =
  /\s*\((?:kt\.?|kennitala|cvr(?:-nr\.?)?|org\.?\s?nr\.?|orgnr|nip|regon|vat|vat no\.?|ust-?id(?:nr\.?)?|uid|abn|kvk|btw|siret|siren|p\.?\s?iva|c\.?f\.?|nif|cif|rfc|rut|cuit|cnpj|y-tunnus|gstin|oib|i[cč]o?|di[cč]|cui|reg\.?\s?kood|registrikood|adószám|kennitala)\s*:?\s*[A-Z]{0,4}\d[\dA-Z\s./-]*\)$/i;

/**
 * The customer's number in the app's register in parentheses after its name ("(kundnr 1044)", "(Kd.-Nr. 10442)",
 * "(customer no. 88)", "(nr klienta 12)", "(n° client C0042)"), as a card shows who an invoice is for.
 */
const CUSTOMER_NUMBER_AFTER_NAME =
  /\s*\((?:kund(?:e|en)?[\s.-]*(?:nr|nummer|no)\.?|kd\.?-?\s?nr\.?|debitor(?:nr|nummer)?\.?|customer\s*(?:no|number|id|#)\.?|client\s*(?:no|number|id|#)\.?|acct\.?\s*(?:no|#)\.?|account\s*(?:no|number|#)\.?|asiakas(?:numero|nro)|klantnummer|klantnr\.?|nr\.?\s*klienta|numer\s*klienta|n[°º]\s*client|code\s*client|n[°º]\s*cliente|c[oó]d(?:igo|\.)?\s*cliente|viðskiptamannanúmer|vm\.?\s*nr\.?)\s*:?\s*#?[^\s()]*\d[^\s()]*\)$/i; // ASCII case folding only: no Unicode tables to compile

/** A link's target on the page's own site, without its fragment; undefined for scripts, data, other sites. */
export function sameOriginUrl(raw: string | null, base: URL): URL | undefined {
  if (!raw || /^\s*(?:javascript|data|blob|mailto|tel):/i.test(raw)) return undefined;
  try {
    const url = new URL(raw, base);
    url.hash = '';
    return url.origin === base.origin ? url : undefined;
  } catch {
    return undefined;
  }
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------------
// Links

/** Phrases of up to three words, compared as lower-cased words joined by single spaces. */
interface PhraseSet {
  phrases: Set<string>;
  hint: RegExp;
}

function phraseSet(list: string, hint: string): PhraseSet {
  return { phrases: new Set(list.split('|')), hint: new RegExp(hint) };
}

function hasPhrase(text: string, { phrases, hint }: PhraseSet): boolean {
  if (!hint.test(text.toLowerCase())) return false;
  const words = wordsOf(text).map((w) => w.key);
  for (let i = 0; i < words.length; i++) {
    let phrase = words[i]!;
    if (phrases.has(phrase)) return true;
    for (let j = i + 1; j < words.length && j < i + 3; j++) {
      phrase += ` ${words[j]}`;
      if (phrases.has(phrase)) return true;
    }
  }
  return false;
}

/** Words in a link's text or title that may mean "the document" without saying PDF (in every page language). */
const DOCUMENT_LINK_LIST =
  'download|print|view|open|document|file|attachment|pobierz|drukuj|podgląd|pokaż|otwórz|dokument|plik|załącznik|' +
  'ladda ner|hämta|skriv ut|visa|öppna|fil|bilaga|hent|udskriv|vis|åbn|bilag|last ned|åpne|vedlegg|' +
  'sækja|hlaða niður|prenta|skoða|opna|skjal|viðhengi|herunterladen|drucken|anzeigen|öffnen|datei|anhang|' +
  'lataa|tulosta|näytä|avaa|asiakirja|liite|downloaden|afdrukken|bekijken|openen|bijlage|télécharger|imprimer|aperçu|' +
  'ouvrir|pièce jointe|descargar|imprimir|ver|abrir|documento|adjunto|scarica|stampa|visualizza|apri|allegato|' +
  'transferir|descarregar|baixar|visualizar|anexo|preview|förhandsgranska|förhandsvisning|forhåndsvisning|vorschau|esikatselu|esikatsele|voorbeeld|' +
  'vista previa|anteprima|pré visualizar|forskoðun|boleto|segunda via|stáhnout|tisk|stiahnuť|tlač|prindi|laadi alla|ispis|preuzmi';
const DOCUMENT_LINK_WORDS = phraseSet(DOCUMENT_LINK_LIST, INDEX.hints.documentLinks);
/** An address's words of a file, a print or a preview; print routes in the languages we read too (`/tulosta.aspx`, `/stampa`, `/drucken`). */
const DOCUMENT_HREF_WORDS = /download|print|export|document|dokument|render|attachment|file|pdf|preview|druck|wydruk|imprim|stampa|tulost|afdruk|utskrift|udskriv|prent|prindi|ispis/i;

/**
 * Links that change something (or leave the app) must never be probed, even with HEAD: a badly
 * written app may act on any request. Checked on the link's text and address.
 */
const ACTION_LIST =
  'delete|remove|cancel|void|logout|log out|signout|sign out|pay|send|mail|e mail|email|share|copy|duplicate|edit|archive|approve|book|mark|credit|' +
  'usuń|anuluj|wyloguj|wyślij|zapłać|edytuj|kopiuj|ta bort|radera|avbryt|logga ut|skicka|betala|redigera|kopiera|makulera|kreditera|' +
  'slet|fjern|annuller|log ud|betal|rediger|kopier|slett|logg ut|eyða|hætta|útskrá|senda|greiða|breyta|afrita|' +
  'löschen|entfernen|stornieren|abmelden|senden|versenden|bezahlen|bearbeiten|kopieren|' +
  'poista|peruuta|kirjaudu ulos|lähetä|maksa|muokkaa|kopioi|verwijderen|annuleren|uitloggen|versturen|verzenden|betalen|bewerken|' +
  'supprimer|annuler|déconnexion|envoyer|payer|modifier|dupliquer|eliminar|borrar|cancelar|cerrar sesión|enviar|pagar|editar|' +
  'duplicar|elimina|annulla|esci|invia|paga|modifica|duplica|excluir|apagar|sair|enviar|pagar';
const ACTION_WORDS = phraseSet(ACTION_LIST, INDEX.hints.actions);

export function looksLikeDocumentLink(text: string, href: string): boolean {
  return hasPhrase(text, DOCUMENT_LINK_WORDS) || DOCUMENT_HREF_WORDS.test(href);
}

export function looksLikeAction(text: string, href: string): boolean {
  return hasPhrase(text, ACTION_WORDS) || hasPhrase(href, ACTION_WORDS);
}
