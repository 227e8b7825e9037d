import { useEffect, useState } from 'preact/hooks';
import { decodedUri } from '../../sites/uri-text';

/** The options page's sections; each is a link (`#/senders/new`), so the popup and bookmarks can open one. */
export type Route =
  { page: 'senders' } | { page: 'sender-new' } | { page: 'sender-edit'; id: string } | { page: 'sites' } | { page: 'templates' } | { page: 'history' } | { page: 'people' } | { page: 'apps' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodedUri);
  switch (parts[0]) {
    case 'sites':
      return { page: 'sites' };
    case 'templates':
      return { page: 'templates' };
    case 'history':
      return { page: 'history' };
    case 'people':
      return { page: 'people' };
    case 'apps':
      return { page: 'apps' };
    case 'senders':
      if (parts[1] === 'new') return { page: 'sender-new' };
      if (parts[1]) return { page: 'sender-edit', id: parts[1] };
      return { page: 'senders' };
    default:
      return { page: 'senders' };
  }
}

export function routeHref(route: Route): string {
  switch (route.page) {
    case 'sender-new':
      return '#/senders/new';
    case 'sender-edit':
      return `#/senders/${encodeURIComponent(route.id)}`;
    default:
      return `#/${route.page}`;
  }
}

export function navigate(route: Route): void {
  location.hash = routeHref(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
