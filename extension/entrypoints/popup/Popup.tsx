import { useEffect, useState } from 'preact/hooks';
import type { ClientSecretReminder } from '../../../shared/api-schemas';
import type { ConnectionState, ExtensionError } from '../../../shared/extension-messages';
import type { MessageView, ProfileView } from '../../../shared/schemas';
import { commonStrings } from '../../i18n/common-strings';
import { popupStrings } from '../../i18n/popup-strings';
import { browser } from '../../lib/browser';
import { sendRequest } from '../../lib/send-request';
import { enableSite, siteOf, siteState, type SiteState } from '../../lib/site-registration';
import { ConnectForm } from '../../ui/ConnectForm';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDateTime } from '../../ui/format';
import { useLanguage, useTranslator } from '../../ui/language';
import { openOptionsPage } from '../../ui/open-options';
import { pickDefaultSender, senderLine } from '../../ui/senders';
import { SecretReminders } from '../../ui/SecretReminders';
import { StatusBadge } from '../../ui/StatusBadge';
import { PageReportView, PortsNote } from './PageReportView';

const RECENT_SENDS = 5;

interface CurrentTab {
  id?: number;
  url?: string;
}

/**
 * The tab the popup is about: the active tab of the window it opened over. `?tab=<id>` names one
 * explicitly, for when the popup is opened as a page of its own (keyboard users, end-to-end tests).
 */
async function findCurrentTab(): Promise<CurrentTab | undefined> {
  const named = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(named) && named > 0) {
    const tab = await browser.tabs.get(named).catch(() => undefined);
    return tab && { id: tab.id, url: tab.url };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab && { id: tab.id, url: tab.url };
}

function SiteSection() {
  const t = useTranslator(popupStrings);
  const [tab, setTab] = useState<CurrentTab | undefined>();
  const [state, setState] = useState<SiteState | undefined>();
  const [denied, setDenied] = useState(false);
  const [teachError, setTeachError] = useState<ExtensionError | undefined>();

  useEffect(() => {
    void findCurrentTab().then(async (found) => {
      setTab(found);
      setState(await siteState(found?.url));
    });
  }, []);

  async function switchOn() {
    if (!tab?.url) return;
    // enableSite asks for the permission first thing, while the click still counts as the user's gesture.
    const result = await enableSite(tab.url, { tabId: tab.id });
    setDenied(!result.ok && result.reason === 'permission_denied');
    if (result.ok) setState('on');
  }

  async function teach() {
    if (tab?.id === undefined) return;
    const result = await sendRequest({ type: 'picker.start', tabId: tab.id });
    if (result.ok) window.close();
    else setTeachError(result.error);
  }

  if (state === undefined) return null;
  const host = siteOf(tab?.url) ? new URL(tab!.url!).host : undefined;
  return (
    <section class="popup-section" aria-labelledby="site-heading" data-testid="popup-site" data-state={state}>
      <h2 id="site-heading">
        {t('site.heading')}
        {host && <span class="site-host">{host}</span>}
      </h2>
      {state === 'unsupported' && <p class="muted">{t('site.unsupported')}</p>}
      {state === 'on' && (
        <div class="site-on">
          <p>
            <strong data-testid="popup-site-on">{t('site.on')}</strong>
          </p>
          <p class="muted">{t('site.onHint')}</p>
          <PortsNote url={tab?.url} on />
          <PageReportView tabId={tab?.id} />
          <button type="button" class="quiet teach" data-testid="popup-teach" aria-describedby="teach-hint" onClick={() => void teach()}>
            {t('site.teach')}
          </button>
          <p class="muted small" id="teach-hint">
            {t('site.teachHint')}
          </p>
          {teachError && <ErrorNotice error={teachError} />}
        </div>
      )}
      {state === 'off' && (
        <div class="stack tight">
          <p>{t('site.off')}</p>
          <button type="button" data-testid="popup-enable-site" onClick={() => void switchOn()}>
            {t('site.enable')}
          </button>
          <p class="muted small">{t('site.enableHint', { host: host ?? '' })}</p>
          <PortsNote url={tab?.url} on={false} />
          {denied && (
            <p class="notice warn" role="status">
              {t('site.denied')}
            </p>
          )}
        </div>
      )}
    </section>
  );
}

function SenderSection({ profiles }: { profiles: ProfileView[] | undefined }) {
  const t = useTranslator(popupStrings);
  const common = useTranslator(commonStrings);
  if (profiles === undefined) return null;
  const sender = pickDefaultSender(profiles);
  return (
    <section class="popup-section" aria-labelledby="sender-heading">
      <h2 id="sender-heading">{t('sender.heading')}</h2>
      {sender ? (
        <p data-testid="popup-sender">
          <span class="sender-line">{senderLine(sender)}</span>{' '}
          <span class={`badge ${sender.scope}`}>{common(sender.scope === 'company' ? 'badge.company' : 'badge.personal')}</span>
        </p>
      ) : (
        <div class="stack tight">
          <p class="muted">{t('sender.none')}</p>
          <button type="button" data-testid="popup-add-sender" onClick={() => void openOptionsPage('/senders/new').then(() => window.close())}>
            {t('sender.add')}
          </button>
        </div>
      )}
    </section>
  );
}

function RecentSends({ messages }: { messages: MessageView[] | undefined }) {
  const t = useTranslator(popupStrings);
  if (messages === undefined) return null;
  return (
    <section class="popup-section" aria-labelledby="recent-heading">
      <div class="spread">
        <h2 id="recent-heading">{t('recent.heading')}</h2>
        <button type="button" class="quiet" onClick={() => void openOptionsPage('/history').then(() => window.close())}>
          {t('recent.all')}
        </button>
      </div>
      {messages.length === 0 ? (
        <p class="muted">{t('recent.none')}</p>
      ) : (
        <ul class="recent" data-testid="popup-recent">
          {messages.map((message) => (
            <li key={message.id} data-testid="popup-recent-item">
              <div class="spread">
                <span class="recent-subject">{message.subject}</span>
                <StatusBadge status={message.status} />
              </div>
              <span class="muted small">
                {t('recent.to', { recipients: message.to.join(', ') })} · {formatDateTime(message.sentAt ?? message.createdAt, t.locale)}
              </span>
              {message.problem && message.status !== 'sent' && <span class="problem small">{message.problem.title}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ConnectedView({ state, onDisconnected }: { state: ConnectionState; onDisconnected: (state: ConnectionState) => void }) {
  const t = useTranslator(popupStrings);
  const common = useTranslator(commonStrings);
  const { language } = useLanguage();
  const [profiles, setProfiles] = useState<ProfileView[] | undefined>();
  const [messages, setMessages] = useState<MessageView[] | undefined>();
  const [error, setError] = useState<ExtensionError | undefined>();
  const [reminders, setReminders] = useState<ClientSecretReminder[] | undefined>();

  useEffect(() => {
    // Only admins get reminders (the relay leaves them out for members): no need to ask otherwise.
    if (state.user?.role === 'admin') void sendRequest({ type: 'me.get' }).then((result) => result.ok && setReminders(result.data.reminders));
    void sendRequest({ type: 'profiles.list' }).then((result) => (result.ok ? setProfiles(result.data.profiles) : setError(result.error)));
  }, []);
  // The recent sends come in the chosen language, so they are asked again when it changes.
  useEffect(() => {
    void sendRequest({ type: 'messages.list', limit: RECENT_SENDS, language }).then((result) => result.ok && setMessages(result.data.messages));
  }, [language]);

  return (
    <>
      <section class="popup-section who" aria-label={t('connectedAs')}>
        <p>
          {t('connectedAs')} <strong data-testid="connected-as">{state.user?.email}</strong>
          {state.user?.role === 'admin' && <span class="badge admin">{common('badge.admin')}</span>}
        </p>
        {state.user?.name && <p>{state.user.name}</p>}
        <p class="muted small">{t('relay', { url: state.relayUrl ?? '' })}</p>
      </section>
      {error && <ErrorNotice error={error} />}
      <SecretReminders reminders={reminders} onOpen={(id) => void openOptionsPage(`/senders/${encodeURIComponent(id)}`).then(() => window.close())} />
      <SenderSection profiles={profiles} />
      <SiteSection />
      <RecentSends messages={messages} />
      <footer class="popup-footer">
        <button
          type="button"
          class="secondary"
          data-testid="disconnect"
          onClick={() => void sendRequest({ type: 'connection.forget' }).then((r) => r.ok && onDisconnected(r.data))}
        >
          {t('disconnect')}
        </button>
      </footer>
    </>
  );
}

export function Popup() {
  const t = useTranslator(popupStrings);
  const common = useTranslator(commonStrings);
  const [state, setState] = useState<ConnectionState | undefined>();
  useEffect(() => {
    void sendRequest({ type: 'connection.get' }).then((r) => setState(r.ok ? r.data : { connected: false }));
  }, []);

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>Ownpost</h1>
        <button type="button" class="quiet" data-testid="open-options" onClick={() => void openOptionsPage().then(() => window.close())}>
          {t('settings')}
        </button>
      </header>
      {state === undefined && <p class="muted">{common('loading')}</p>}
      {state && !state.connected && <ConnectForm onConnected={setState} />}
      {state?.connected && <ConnectedView state={state} onDisconnected={setState} />}
    </main>
  );
}
