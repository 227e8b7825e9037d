/**
 * The generic adapter's bounds and thresholds that several of its parts share: how much one detection reads,
 * and the lengths and distances that tell a field from prose, a name from a sentence.
 */

/**
 * Bounds on the work done per detection, so a huge page costs the same as a big one. Detection
 * runs at load and again after client-side navigation (bounded in time by the content script).
 */
export const MAX_TEXT_NODES = 4000;
export const MAX_TEXT_LENGTH = 300;
export const MAX_LINKS = 600;
export const MAX_MAILTO = 60;
export const MAX_PROBE_CANDIDATES = 3;
export const MAX_LIST_ROWS = 200;

/** An address this close after the customer's label is the customer's. */
export const CUSTOMER_NEIGHBOURHOOD = 12;

/** Running text longer than this is prose, not a labelled field: numbers in it are not the document's. */
export const MAX_FIELD_TEXT = 90;

/** The longest kind's word a type column holds ("Auftragsbestätigung", "Faktura korygująca"). */
export const MAX_KIND_CELL = 40;

export const MAX_COMPANY_LINE = 60;
