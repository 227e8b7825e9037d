/**
 * The document's amount among the amounts the page labels.
 */
import { bestHit, type FieldHit, type LabelledValues } from './field-hits';

/**
 * A fee or interest added below what is due ("Offener Betrag 1.190,00 € · Mahngebühr 5,00 € ·
 * Gesamtbetrag 1.195,00 €", a reminder's): the total after it is what is to be paid.
 */
const FEE_WORD =
  /(?:fee|fees|charge|interest|gebühr|spesen|zinsen|avgift|ränta|gebyr|rente|renter|maksu|korko|kosten|frais|intérêts|gastos|recargo|intereses|spese|interessi|juros|encargos|opłata|odsetki|gjald|vextir)(?:\s*:)?(?:\s|$)/iu;

/** A panel's caption that says it sums up the customer's account ("Kundestatistik", "Customer Statistics", "Tilastot"). */
const STATISTICS_CAPTION = /statisti|tilasto/i;
/** Levels above an amount looked at for such a panel. */
const STATISTICS_DEPTH = 3;

/**
 * Is the amount in a panel of the customer's statistics beside the document ("Kundestatistik: Saldo (RV) 12.480,00", an
 * ERP's FactBox): that balance is the customer's account's, not what this document asks?
 */
function inStatistics(element: Element): boolean {
  for (let e = element.parentElement, depth = 0; e && depth < STATISTICS_DEPTH; e = e.parentElement, depth++) {
    const caption = e.firstElementChild;
    if (caption && caption !== element && !caption.contains(element) && STATISTICS_CAPTION.test((caption.textContent ?? '').slice(0, 60))) return true;
  }
  return false;
}

/** The amount: the best labelled one (what is due before a plain total), or the total after a fee added to what is due. */
export function amountHit(values: LabelledValues): FieldHit | undefined {
  const hits = values.hits.amount?.filter((hit) => !inStatistics(hit.element));
  const best = bestHit(hits, true);
  if (!hits || !best || best.rank === 0) return best;
  const total = hits.filter((hit) => hit.index > best.index && hit.rank === 0).at(-1);
  if (!total) return best;
  for (let i = best.index + 1; i < total.index; i++) if (FEE_WORD.test(values.texts[i]!.text)) return total;
  return best;
}
