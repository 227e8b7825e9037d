/**
 * The one origin that grants Ownpost a host it may fetch a document from (issue 16 item 3): its scheme and
 * name, every port (match patterns cannot name a port), nothing wider: `https://files.example.com/*`.
 */
export function hostGrantOrigin(url: URL): string {
  return `${url.protocol}//${url.hostname}/*`;
}

/**
 * The host of such an origin, or undefined for anything else (a wildcard host, a path, another scheme):
 * what the panel and the allow window accept before they ask the browser for it.
 */
export function singleHostOf(origin: string): string | undefined {
  const match = /^(https?):\/\/([^/*?#@:\s]+)\/\*$/.exec(origin);
  if (!match) return undefined;
  try {
    const url = new URL(`${match[1]}://${match[2]}/`);
    return hostGrantOrigin(url) === origin ? url.hostname : undefined;
  } catch {
    return undefined;
  }
}
