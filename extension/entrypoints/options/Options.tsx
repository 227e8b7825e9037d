import { useEffect, useRef } from 'preact/hooks';
import { commonStrings } from '../../i18n/common-strings';
import { optionsStrings } from '../../i18n/options-strings';
import { ConnectForm } from '../../ui/ConnectForm';
import { LanguageMenu } from '../../ui/LanguageMenu';
import { useTranslator } from '../../ui/language';
import { AppPasswordsPage } from './AppPasswordsPage';
import { SecretReminders } from '../../ui/SecretReminders';
import { ConnectionProvider, useConnection } from './connection';
import { HistoryPage } from './HistoryPage';
import { PeoplePage } from './PeoplePage';
import { routeHref, useRoute, type Route } from './route';
import { SenderEditor } from './SenderEditor';
import { SendersPage } from './SendersPage';
import { SenderWizard } from './SenderWizard';
import { SitesPage } from './SitesPage';
import { TemplatesPage } from './TemplatesPage';

const SECTIONS = ['senders', 'sites', 'templates', 'history', 'people', 'apps'] as const;
type Section = (typeof SECTIONS)[number];

function sectionOf(route: Route): Section {
  return route.page === 'sender-new' || route.page === 'sender-edit' ? 'senders' : route.page;
}

/** Pages that need the relay show the connect form until this browser is paired. */
function NeedsConnection({ children }: { children: preact.ComponentChildren }) {
  const t = useTranslator(optionsStrings);
  const { state, setState } = useConnection();
  if (state === undefined) return null;
  if (state.connected) return <>{children}</>;
  return (
    <section class="card connect-card" aria-labelledby="connect-heading">
      <h2 id="connect-heading" class="page-title">
        {t('connect.heading')}
      </h2>
      <ConnectForm onConnected={setState} />
    </section>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'senders':
      return (
        <NeedsConnection>
          <SendersPage />
        </NeedsConnection>
      );
    case 'sender-new':
      return (
        <NeedsConnection>
          <SenderWizard />
        </NeedsConnection>
      );
    case 'sender-edit':
      return (
        <NeedsConnection>
          <SenderEditor id={route.id} />
        </NeedsConnection>
      );
    case 'sites':
      return <SitesPage />;
    case 'templates':
      return <TemplatesPage />;
    case 'history':
      return (
        <NeedsConnection>
          <HistoryPage />
        </NeedsConnection>
      );
    case 'people':
      return (
        <NeedsConnection>
          <PeoplePage />
        </NeedsConnection>
      );
    case 'apps':
      return (
        <NeedsConnection>
          <AppPasswordsPage />
        </NeedsConnection>
      );
  }
}

function Shell() {
  const t = useTranslator(optionsStrings);
  const common = useTranslator(commonStrings);
  const route = useRoute();
  const { state, user, isAdmin, reminders } = useConnection();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const section = sectionOf(route);

  // After a section change, keyboard and screen-reader users continue at the new page's start, not in the menu.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus();
  }, [routeHref(route)]);

  useEffect(() => {
    document.title = `${t(`nav.${section}`)} · Ownpost`;
  }, [section, t]);

  return (
    <>
      <a class="skip-link" href="#main" onClick={(e) => (e.preventDefault(), main.current?.focus())}>
        {t('skipToContent')}
      </a>
      <header class="topbar">
        <span class="brand">Ownpost</span>
        {state?.connected && user && (
          <span class="who" data-testid="options-connected-as">
            {user.name ? `${user.name} · ` : ''}
            {user.email}
            {isAdmin && <span class="badge admin">{common('badge.admin')}</span>}
          </span>
        )}
        <div class="language">
          <LanguageMenu />
        </div>
      </header>
      <div class="layout">
        <nav aria-label={t('nav.label')} class="sidenav">
          <ul>
            {SECTIONS.map((name) => (
              <li key={name}>
                <a href={`#/${name}`} data-testid={`nav-${name}`} aria-current={section === name ? 'page' : undefined}>
                  {t(`nav.${name}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" ref={main} tabIndex={-1} data-page={route.page}>
          <SecretReminders reminders={reminders} onOpen={(id) => (location.hash = `#/senders/${encodeURIComponent(id)}`)} />
          <Page route={route} />
        </main>
      </div>
    </>
  );
}

export function Options() {
  return (
    <ConnectionProvider>
      <Shell />
    </ConnectionProvider>
  );
}
