import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CustomerView } from '../../../../shared/api-schemas';
import { captureStrings } from '../../../i18n/capture-strings';
import { createTranslator, type Language } from '../../../i18n/core';
import type { DetectedDocument } from '../../../sites/site-adapter';
import { askBackground } from '../background-request';
import { fromUser } from './panel-helpers';

interface Props {
  found: DetectedDocument;
  language: Language;
  /** What the To field holds now. */
  current: string;
  disabled: boolean;
  signal: AbortSignal;
  onUse(to: string): void;
}

/**
 * After a send is accepted, the company's customer directory on the relay learns who this customer's
 * documents went to (by the customer number the page shows, else the name). Fire and forget: a
 * directory that cannot be reached never stands in the way of a send.
 */
export function rememberCustomer(found: DetectedDocument, recipients: string[]): void {
  const name = found.customerName?.trim().slice(0, 200);
  const number = found.customerNumber?.trim().slice(0, 64);
  if ((!name && !number) || recipients.length === 0) return;
  void askBackground({ type: 'customers.remember', ...(name ? { name } : {}), ...(number ? { number } : {}), recipients: recipients.slice(0, 10) });
}

type Suggestion = { source: 'directory'; customer: CustomerView; to: string } | { source: 'page'; to: string };

/**
 * "Sent to … before" (issue 16 item 4): the recipient the company used for this customer, from the
 * relay's customer directory, or read from the customer's page a recipe links to. Fills an empty To
 * field (the user sees it there), or offers itself next to what the page showed; "Forget" removes a
 * wrong entry for everybody.
 */
export function CustomerSuggestion({ found, language, current, disabled, signal, onUse }: Props) {
  const t = useMemo(() => createTranslator(captureStrings, language), [language]);
  const [suggestion, setSuggestion] = useState<Suggestion | undefined>();
  const [forgotten, setForgotten] = useState(false);
  const currentRef = useRef(current);
  currentRef.current = current;

  useEffect(() => {
    const offer = (next: Suggestion) => {
      if (signal.aborted) return;
      setSuggestion(next);
      if (!currentRef.current.trim()) onUse(next.to);
    };
    const name = found.customerName?.trim();
    const number = found.customerNumber?.trim();
    const fromPage = () => {
      if (!found.customerPageUrl || found.recipients.length > 0) return;
      void askBackground({ type: 'customer.page', url: found.customerPageUrl }).then((result) => {
        const to = result.ok ? result.data.addresses[0] : undefined;
        if (to) offer({ source: 'page', to });
      });
    };
    if (!name && !number) return fromPage();
    void askBackground({ type: 'customers.find', ...(name ? { name: name.slice(0, 200) } : {}), ...(number ? { number: number.slice(0, 64) } : {}) }).then((result) => {
      const customer = result.ok ? result.data.customers[0] : undefined;
      if (customer?.recipients.length) offer({ source: 'directory', customer, to: customer.recipients.join(', ') });
      else fromPage();
    });
  }, []);

  if (forgotten)
    return (
      <p class="hint" data-testid="ownpost-customer-forgotten">
        {t('customerForgotten')}
      </p>
    );
  if (!suggestion) return null;
  if (suggestion.source === 'page') {
    return (
      <p class="hint" data-testid="ownpost-customer-suggestion" data-source="page">
        {t('customerFromPage', { to: suggestion.to })}
      </p>
    );
  }
  const { customer, to } = suggestion;
  return (
    <p class="hint" data-testid="ownpost-customer-suggestion" data-source="directory">
      {t('customerEarlier', { to, customer: customer.number ? `${customer.name ?? ''} ${customer.number}`.trim() : (customer.name ?? '') })}{' '}
      {!disabled && current.trim() !== to && (
        <button type="button" class="link" data-testid="ownpost-customer-use" onClick={fromUser(() => onUse(to))}>
          {t('customerUse')}
        </button>
      )}{' '}
      {!disabled && (
        <button
          type="button"
          class="link"
          data-testid="ownpost-customer-forget"
          onClick={fromUser(() => {
            void askBackground({ type: 'customers.forget', id: customer.id }).then((result) => {
              if (!result.ok || signal.aborted) return;
              setForgotten(true);
              if (currentRef.current.trim() === to) onUse(found.recipients[0] ?? '');
            });
          })}
        >
          {t('customerForget')}
        </button>
      )}
    </p>
  );
}
