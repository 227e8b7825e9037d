/**
 * The kind of document its type names: a form's type field ("Typ: Rechnung"), or the type's code that starts
 * its number (SAF-T PT's "FT 2026/318", Polish ERPs' "FS 1184/2026").
 */
import type { DocumentKind } from '../../../shared/document-kinds';
import { controlLabel, controlValue } from '../control-values';
import { findLabels } from '../page-labels';
import { mostVoted, pageLanguageOfTag } from '../page-language';
import type { LabelledValues } from './field-hits';
import { MAX_KIND_CELL } from './limits';

/** A form control's label that names the document's type, before its value ("Typ: Rechnung", "Tipo documento: Fattura", an ERP's "Transaction Class: Invoice"). */
export const TYPE_FIELD =
  /^(?:typ|type|doc(?:ument)?\.?\s*type|(?:transaction|document)\s+(?:class|type)|dokumenttyp|dokumenttype|documenttype|belegart|belegtyp|vorgangsart|tipo(?:\s+(?:de\s+)?documento)?|type de (?:document|pièce)|tyyppi|asiakirjan tyyppi|soort|documentsoort|rodzaj(?:\s+dokumentu)?|typ dokumentu|gerð)\s*:\s*/i;

/** A type field's label alone in its cell ("Transaction Class", "Belegart:"), its value in the next. */
export function isTypeLabel(text: string): boolean {
  return text.length <= MAX_KIND_CELL && TYPE_FIELD.test(`${text.replace(/[\s:]+$/, '')}: `);
}

/** Selects looked at for a form's type field: a record's form has few, and the type is among the first. */
const MAX_TYPE_SELECTS = 12;

/**
 * An ERP form that names its kind only in a type field's select ("Type: Credit Memo", "Vorgangsart:
 * Rechnung"), under a screen title that is its module's ("Invoices and Memos"): the chosen option, where
 * the select's label is a type field's. A tag list, read only when the title, headings, tabs and
 * address named nothing.
 */
export function typeSelectKind(document: Document): DocumentKind | undefined {
  const selects = document.getElementsByTagName('select');
  for (let i = 0; i < selects.length && i < MAX_TYPE_SELECTS; i++) {
    const value = controlValue(selects[i]!);
    const label = value && value.length <= MAX_KIND_CELL ? controlLabel(selects[i]!) : undefined;
    const kind = label ? typeFieldKind(`${label.text.replace(/[\s:]+$/, '')}: ${value}`) : undefined;
    if (kind) return kind;
  }
  return undefined;
}

/** The kind a type field's value names, where the value is a kind's word alone. */
export function typeFieldKind(text: string): DocumentKind | undefined {
  const value = text.replace(TYPE_FIELD, '');
  const label = findLabels(value)[0];
  return label && label.start === 0 && label.end === value.length && label.info.field === 'number' ? label.info.kind : undefined;
}

/** The page's kind signal, else the kind its form's type field names. */
export function typedSignal(signal: () => DocumentKind | undefined, values: LabelledValues): () => DocumentKind | undefined {
  const typeKind = values.typeKind ?? documentTypeCodeKind(values);
  return typeKind ? () => signal() ?? typeKind : signal;
}

/**
 * Portuguese documents are numbered by their type's code, their series and their sequence (SAF-T PT:
 * "FT 2026/318" an invoice, "NC A/12" a credit note, "OR 2026/4" a quote): on a page in Portuguese, a
 * heading that is such a number alone names its kind.
 */
const PT_DOCUMENT_TYPE = /^(FT|FR|FS|ND|NC|OR|PF|FP|GR|GT|NE) [A-Z0-9]{1,12}\/\d{1,10}$/;
const PT_TYPE_KINDS: Readonly<Record<string, DocumentKind>> = {
  FT: 'invoice',
  FR: 'invoice',
  FS: 'invoice',
  ND: 'invoice',
  NC: 'credit-note',
  OR: 'quote',
  PF: 'proforma',
  FP: 'proforma',
  GR: 'delivery-note',
  GT: 'delivery-note',
  NE: 'order-confirmation',
};

/**
 * Polish ERPs (Subiekt, WAPRO, Optima, enova) number a document by its type's symbol, a sequence and
 * a year ("FS 1184/2026" a sales invoice, "KFS 12/2026" its correction, "ZK 88/2026" a customer's
 * order): on a page in Polish, such a number under "Dokument:" or alone in a heading names its kind.
 * Not "FZ", a supplier's invoice.
 */
const PL_DOCUMENT_TYPE = /^(FS|FV|FVS|FSK|KFS|KFV|FK|PF|FPF|ZK|WZ|PA)[ /-]\d{1,10}(?:\/[A-Z0-9]{1,12}){1,3}$/;
const PL_TYPE_KINDS: Readonly<Record<string, DocumentKind>> = {
  FS: 'invoice',
  FV: 'invoice',
  FVS: 'invoice',
  FSK: 'credit-note',
  KFS: 'credit-note',
  KFV: 'credit-note',
  FK: 'credit-note',
  PF: 'proforma',
  FPF: 'proforma',
  ZK: 'order-confirmation',
  WZ: 'delivery-note',
  PA: 'receipt',
};

function documentTypeCodeKind(values: LabelledValues): DocumentKind | undefined {
  const coded = values.hits.number?.find((hit) => hit.generic && (PT_DOCUMENT_TYPE.test(hit.value) || PL_DOCUMENT_TYPE.test(hit.value)));
  if (!coded) return undefined;
  const owner = coded.element.ownerDocument;
  // A frame's document may not say its language: then its labels do.
  const language = pageLanguageOfTag(owner.documentElement.getAttribute('lang') ?? '') ?? mostVoted([...values.votes.keys()], values.votes);
  if (coded.bare && language === 'pt') return PT_TYPE_KINDS[PT_DOCUMENT_TYPE.exec(coded.value)?.[1] ?? ''];
  if (language === 'pl') return PL_TYPE_KINDS[PL_DOCUMENT_TYPE.exec(coded.value)?.[1] ?? ''];
  return undefined;
}
