import { parseMailboxList } from '../../../../shared/address';
import type { DetectedDocument } from '../../../sites/site-adapter';

/**
 * Which selected documents of a list go out together (issue 21: several invoices in one e-mail): those
 * for the same recipients and, where the page names one, the same customer. A document without a file
 * link or a number cannot travel in a shared message (the relay needs each document's ref), and one
 * whose addresses do not parse is shown its own error: both go alone, as before.
 */
export function groupByCustomer(rows: readonly { found: DetectedDocument; to: string }[], indexes: readonly number[]): number[][] {
  const groups = new Map<string, number[]>();
  for (const index of indexes) {
    const { found, to } = rows[index]!;
    const parsed = parseMailboxList(to);
    const joinable = parsed.ok && parsed.value.length > 0 && found.pdfUrl && found.number;
    const recipients = parsed.ok ? parsed.value.map((m) => m.address.toLowerCase()).sort().join(',') : '';
    const customer = (found.customerNumber ?? found.customerName ?? '').trim().toLowerCase();
    const key = joinable ? `${customer}\n${recipients}` : `alone:${index}`;
    groups.set(key, [...(groups.get(key) ?? []), index]);
  }
  return [...groups.values()];
}
