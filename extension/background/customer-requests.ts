/**
 * The customer directory from the panel (issue 16 item 4): look a customer up on the relay, remember
 * who their documents went to after a send, forget a wrong entry; and read the address from the
 * customer's page on the same site (a recipe's `customerPage` link), for documents that show none.
 */
import type { CustomerView } from '../../shared/api-schemas';
import type { Runtime } from '../lib/browser';
import { requireConnection } from './page-requests';
import { relay } from './relay-client';
import { RelayError } from './relay-error';
import { decodedUri } from '../sites/uri-text';

export async function findCustomers(query: { name?: string; number?: string }): Promise<{ customers: CustomerView[] }> {
  const connection = await requireConnection();
  return relay(connection).call('findCustomers', { query });
}

export async function rememberCustomer(customer: { name?: string; number?: string; recipients: string[] }): Promise<CustomerView> {
  const connection = await requireConnection();
  return relay(connection).call('rememberCustomer', { body: customer });
}

export async function forgetCustomer(id: string): Promise<{ deleted: true }> {
  const connection = await requireConnection();
  await relay(connection).call('forgetCustomer', { params: { id } });
  return { deleted: true };
}

/** A customer page is HTML, not a download: a small limit keeps a wrong link cheap. */
const MAX_CUSTOMER_PAGE_BYTES = 2 * 1024 * 1024;
const EMAIL = /[A-Z0-9._%+'-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,63}/gi;

/**
 * The e-mail addresses on the customer's page, mailto links first: fetched from the tab's own origin
 * only, with its cookies (like the document), never following a redirect elsewhere.
 */
export async function customerPageAddresses(pageUrl: string, sender: Runtime.MessageSender): Promise<{ addresses: string[] }> {
  const tabUrl = sender.tab?.url;
  const url = new URL(pageUrl);
  if (!tabUrl || !/^https?:$/.test(url.protocol) || url.origin !== new URL(tabUrl).origin) {
    throw new RelayError({ code: 'document_unavailable', message: 'The customer’s page is not on this site, so Ownpost will not read it.' });
  }
  const response = await fetch(url, { credentials: 'include', cache: 'no-store' }).catch(() => undefined);
  if (!response?.ok || (response.url && new URL(response.url).origin !== url.origin)) {
    throw new RelayError({ code: 'document_unavailable', message: 'Ownpost could not read the customer’s page.' });
  }
  const html = (await response.text()).slice(0, MAX_CUSTOMER_PAGE_BYTES);
  const fromLinks = [...html.matchAll(/href\s*=\s*["']mailto:([^"'?]+)/gi)].map((m) => decodedUri(m[1]!));
  const inText = html.replace(/<script[\s\S]*?<\/script>/gi, ' ').match(EMAIL) ?? [];
  const seen = new Set<string>();
  const addresses = [...fromLinks, ...inText].filter((address) => {
    const key = address.toLowerCase();
    if (!/^[^@\s]+@[^@\s]+$/.test(address) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { addresses: addresses.slice(0, 5) };
}
