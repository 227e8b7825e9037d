/**
 * The one origin Ownpost asks the user for when a PDF is on another host (issue 16 item 3): a page's
 * link names the host, so it must never widen into more than that host (a wildcard host, every site,
 * a path trick) before the panel or the allow window asks the browser for it.
 */
import { describe, expect, it } from 'vitest';
import { hostGrantOrigin, singleHostOf } from '../../extension/lib/host-grant';

describe('the one host Ownpost asks for', () => {
  it('is the link’s scheme and host name, every port, nothing else', () => {
    expect(hostGrantOrigin(new URL('https://files.stripe.com:8443/links/abc/pdf?x=1#y'))).toBe('https://files.stripe.com/*');
    expect(hostGrantOrigin(new URL('http://cdn.example.test/f/1'))).toBe('http://cdn.example.test/*');
    expect(singleHostOf('https://files.stripe.com/*')).toBe('files.stripe.com');
    expect(singleHostOf(hostGrantOrigin(new URL('https://bucket.s3.eu-north-1.amazonaws.com/inv.pdf')))).toBe('bucket.s3.eu-north-1.amazonaws.com');
  });

  it.each([
    ['every site', '<all_urls>'],
    ['every https host', 'https://*/*'],
    ['a wildcard sub-domain', 'https://*.stripe.com/*'],
    ['a host with a path', 'https://files.stripe.com/links/*'],
    ['a port', 'https://files.stripe.com:8443/*'],
    ['credentials', 'https://user@files.stripe.com/*'],
    ['another scheme', 'ftp://files.stripe.com/*'],
    ['two origins in one', 'https://a.test/* https://b.test/*'],
    ['no wildcard path', 'https://files.stripe.com/'],
  ])('refuses to ask for %s (a page that names more than one host)', (_name, origin) => {
    expect(singleHostOf(origin)).toBeUndefined();
  });
});
