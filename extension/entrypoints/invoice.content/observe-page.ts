/**
 * What the content script's watches observe: the page, and the open shadow trees of its web
 * components, which an observer of the page's subtree does not enter. An app built of components
 * (Lit, Stencil, SAP UI5 Web Components) renders its invoice inside them, often after fetching it,
 * without a change to the page's own tree. Components come and go: the watches call this again once
 * the page settled, to take in new ones (observing a target again only renews its options).
 */
import { openShadowRoots } from '../../sites/shadow-roots';

const CHANGES: MutationObserverInit = { childList: true, subtree: true, characterData: true };

export function observePage(observer: MutationObserver): void {
  observer.observe(document.body ?? document.documentElement, CHANGES);
  for (const root of openShadowRoots(document)) observer.observe(root, CHANGES);
}
