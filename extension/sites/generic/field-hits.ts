/**
 * What a reading of the page's labels found: a hit per labelled value, and the best of a field's hits.
 */
import type { DocumentKind } from '../../../shared/document-kinds';
import type { LabelledField } from '../page-labels';
import type { PageLanguage } from '../page-language';
import type { TextItem } from './page-texts';

export interface FieldHit {
  value: string;
  index: number;
  element: Element;
  languages: PageLanguage[];
  /** Rank among hits of the same field: headings beat fields for numbers, "to pay" beats "total". */
  rank: number;
  /** The kind of document a number's label names ("Credit note 5"). */
  kind?: DocumentKind;
  /** The label names the order itself ("Auftrag 4711"), not its confirmation ("Auftragsbestätigung AB-4711"). */
  order?: boolean;
  /** A number after "Number" alone: the document's only where the page names the kind of document. */
  generic?: boolean;
  /** A heading that is a number alone (bareNumberHeading): generic, and below every other number. */
  bare?: boolean;
  /**
   * A customer after "Organization" alone: in the ADempiere family's forms (iDempiere, Openbravo,
   * metasfresh) every window's first field, the app's own organisation; below any other customer label.
   */
  ownOrganisation?: boolean;
  /** An address after a contact's label ("Site contact:", "Kontakt:"): a person's, below the customer's own. */
  contact?: boolean;
  /** A number after "Bill" alone: a client's bill, or a supplier's (isBillToPay). */
  bill?: boolean;
}

/** Whatever the page labels, found in one pass over its texts. */
export interface LabelledValues {
  hits: Partial<Record<LabelledField, FieldHit[]>>;
  /** Languages voted for by every label found. */
  votes: Map<PageLanguage, number>;
  texts: TextItem[];
  /** The pass stopped at the number in the page's main heading (`stopAtTitleNumber`): the other fields are not all read. */
  stopped?: boolean;
  /** The kind a form's type field names ("Typ: Rechnung", "Document Type: Invoice"), an ERP's screen that has no heading for it. */
  typeKind?: DocumentKind;
}

/** The best hit: highest rank, and among equals the first (numbers) or the last (amounts: the grand total comes last). */
export function bestHit(hits: FieldHit[] | undefined, preferLast = false): FieldHit | undefined {
  let best: FieldHit | undefined;
  for (const hit of hits ?? []) {
    if (!best || hit.rank > best.rank || (preferLast && hit.rank === best.rank)) best = hit;
  }
  return best;
}
