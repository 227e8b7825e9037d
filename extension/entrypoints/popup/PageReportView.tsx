import { useEffect, useState } from 'preact/hooks';
import type { ExtensionError, PageReport } from '../../../shared/extension-messages';
import { popupReportStrings } from '../../i18n/popup-report-strings';
import { sendRequest } from '../../lib/send-request';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useTranslator } from '../../ui/language';

/**
 * "Why is there no button?" (issue 16 item 11): on an enabled site, what the open page offered
 * (number ✓, recipient ✗, PDF ✗), and "Send anyway", which opens the panel with what was found.
 */
export function PageReportView({ tabId }: { tabId: number | undefined }) {
  const t = useTranslator(popupReportStrings);
  const [report, setReport] = useState<PageReport | undefined>();
  const [error, setError] = useState<ExtensionError | undefined>();

  useEffect(() => {
    if (tabId === undefined) return;
    // A page whose script is not running yet (the site was just switched on: it runs after a reload)
    // has nothing to report; that is no error to show.
    void sendRequest({ type: 'page.report', tabId }).then((result) => result.ok && setReport(result.data.report));
  }, [tabId]);

  async function sendAnyway() {
    if (tabId === undefined) return;
    const result = await sendRequest({ type: 'page.sendAnyway', tabId });
    if (result.ok) window.close();
    else setError(result.error);
  }

  if (error) return <ErrorNotice error={error} />;
  if (!report) return null;
  const rows: [string, 'number' | 'recipient' | 'pdf', string | boolean | undefined][] = [
    ['number', 'number', report.number],
    ['recipient', 'recipient', report.recipient],
    ['pdf', 'pdf', report.pdf],
  ];
  return (
    <div class="page-report stack tight" data-testid="popup-page-report" data-detected={String(report.detected)}>
      <h3 class="small">{t('heading')}</h3>
      <ul class="report">
        {rows.map(([key, label, value]) => (
          <li key={key} data-testid={`popup-report-${key}`} data-found={String(Boolean(value))}>
            <span aria-hidden="true">{value ? '✓' : '✗'}</span> {t(label)}
            {typeof value === 'string' ? <span class="muted">: {value}</span> : <span class="sr-only"> {value ? t('found') : t('missing')}</span>}
          </li>
        ))}
      </ul>
      <p class="muted small">{report.detected ? t('buttonShown') : t('noButton')}</p>
      {!report.detected && (
        <>
          <button type="button" class="secondary" data-testid="popup-send-anyway" onClick={() => void sendAnyway()}>
            {t('sendAnyway')}
          </button>
          <p class="muted small">{t('sendAnywayHint')}</p>
        </>
      )}
    </div>
  );
}

/** A site is switched on per host, whatever the port (match patterns cannot name one): say so when the page has a port. */
export function PortsNote({ url, on }: { url: string | undefined; on: boolean }) {
  const t = useTranslator(popupReportStrings);
  let parsed: URL | undefined;
  try {
    parsed = url ? new URL(url) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!parsed?.port) return null;
  return (
    <p class="muted small" data-testid="popup-ports-note">
      {t(on ? 'portsOn' : 'portsEnable', { host: parsed.hostname, port: parsed.port })}
    </p>
  );
}
