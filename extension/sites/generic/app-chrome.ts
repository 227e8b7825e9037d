/**
 * The app around the document: its header, footer, menus and sidebars, and the closest of them around an element.
 */

/**
 * The app around the document: its header, footer, menus. Apps built from divs say so in their class
 * names ("site-footer", "navbar", "sidebar"); an invoice's own footer holds the seller's addresses.
 */
export const CHROME_SELECTOR =
  'header, footer, nav, aside, [role="banner"], [role="contentinfo"], [role="navigation"], [class*="footer" i], [id*="footer" i], ' +
  '[class~="header" i], [class*="site-header" i], [class*="app-header" i], [class*="navbar" i], [class*="topbar" i], [class*="sidebar" i], [class*="help" i], [class*="support" i]';

/**
 * The closest of the app's chrome around an element, never the page's `<body>` or `<html>`: a layout's class there
 * (AdminLTE's `sidebar-mini`, `layout-sidebar`, `has-navbar`) says how the app lays out, not that all of it is a menu.
 */
export function chromeAround(element: Element, selector: string): Element | null {
  const chrome = element.closest(selector);
  return chrome === element.ownerDocument.body || chrome === element.ownerDocument.documentElement ? null : chrome;
}

/** The app's chrome but a side panel: a customer panel inside a header, menu or sidebar stays the app's. */
export const CHROME_OUTSIDE_ASIDE = CHROME_SELECTOR.replace('aside, ', '');
