/**
 * The one origin that grants Ownpost a host it may fetch a document from (issue 16 item 3): its scheme and
 * name, every port (match patterns cannot name a port), nothing wider: `https://files.example.com/*`.
 */
export function hostGrantOrigin(url: URL): string {
  return `${url.protocol}//${url.hostname}/*`;
}
