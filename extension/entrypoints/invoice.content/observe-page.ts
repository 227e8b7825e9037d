/**
 * What the content script's watches observe: the page, and the open shadow trees of its web
 * components, which an observer of the page's subtree does not enter. An app built of components
 * (Lit, Stencil, SAP UI5 Web Components) renders its invoice inside them, often after fetching it,
 * without a change to the page's own tree. Components come and go: the watches call this again once
 * the page settled, to take in new ones (observing a target again only renews its options). A
 * same-origin frame's document is no change to the page either: the watches also look again when a
 * frame loads.
 */
import { openShadowRoots } from '../../sites/shadow-roots';

const CHANGES: MutationObserverInit = { childList: true, subtree: true, characterData: true };

export function observePage(observer: MutationObserver): void {
  observer.observe(document.body ?? document.documentElement, CHANGES);
  for (const root of openShadowRoots(document)) observer.observe(root, CHANGES);
}

/** Is `target` a frame element (its `load` reaches the document's capturing listeners, though it does not bubble)? */
export function isFrame(target: EventTarget | null): boolean {
  return target instanceof HTMLIFrameElement || (target instanceof Element && target.localName === 'frame');
}
