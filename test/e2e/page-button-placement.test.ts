/**
 * The send button is where a person can click it (issue 16 item 9: on a page with no heading, the
 * floating button's offsets were cancelled by the host's `all: initial !important` and it landed below
 * the viewport). On every layout here, without scrolling: the button lies inside the viewport,
 * `elementFromPoint` at its centre finds it (nothing of the page over it), and a real click there
 * opens the panel.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonPlacement } from '../helpers/button-placement';
import { startInvoiceSite, testPdf, type InvoiceSite } from '../helpers/invoice-site';
import { hasPanelFrame, openSignedIn, startPairedBrowser, type PairedBrowser } from '../helpers/paired-browser';

const PDF = testPdf('placement');
const filler = (px: number) => `<div style="height:${px}px;background:linear-gradient(#eee,#ccc)">Lines of the invoice…</div>`;
const DETAILS = (n: number) => `<p>Customer: Omega Ltd</p><p>E-mail: <a href="mailto:ap${n}@omega.example">ap${n}@omega.example</a></p><p><a href="/layout/${n}.pdf">Download PDF</a></p>`;
const page_ = (n: number, body: string, head = '', htmlAttributes = 'lang="en"') =>
  `<!doctype html><html ${htmlAttributes}><head><meta charset="utf-8"><title>Invoice INV-${n} · Acme</title>${head}</head><body style="margin:0;font:15px system-ui">${body}</body></html>`;

const LAYOUTS: { name: string; path: string; html: string }[] = [
  { name: 'no heading at all (a floating button)', path: '/layout/1', html: page_(1, `<div style="padding:24px"><p>Invoice number: INV-1</p>${DETAILS(1)}</div>`) },
  {
    name: 'the heading at the very bottom of a long page',
    path: '/layout/2',
    html: page_(2, `${filler(2400)}<div style="padding:24px"><h1>Invoice INV-2</h1>${DETAILS(2)}</div>`),
  },
  {
    name: 'everything inside a transformed, `contain`ed body',
    path: '/layout/3',
    html: page_(
      3,
      `<div style="padding:24px"><p>Invoice number: INV-3</p>${DETAILS(3)}</div>${filler(1200)}`,
      '<style>body{transform:translateZ(0);contain:layout paint;will-change:transform}</style>',
    ),
  },
  {
    name: 'a very long page that scrolls inside its body (an app shell)',
    path: '/layout/4',
    html: page_(4, `<div style="padding:24px"><p>Invoice number: INV-4</p>${DETAILS(4)}</div>${filler(12000)}`, '<style>html,body{height:100%;overflow:hidden} body{overflow-y:auto}</style>'),
  },
  { name: 'a right-to-left page', path: '/layout/5', html: page_(5, `<div style="padding:24px"><h1>Invoice INV-5</h1>${DETAILS(5)}</div>`, '', 'lang="en" dir="rtl"') },
  {
    name: 'a chat bubble over the bottom-right corner, no heading',
    path: '/layout/6',
    html: page_(
      6,
      `<div style="padding:24px"><p>Invoice number: INV-6</p>${DETAILS(6)}</div><div id="chat" style="position:fixed;right:0;bottom:0;width:260px;height:200px;z-index:2147483647;background:#333;color:#fff">Chat with us</div>`,
    ),
  },
  {
    name: 'a heading in a box that clips what overflows it',
    path: '/layout/7',
    html: page_(7, `<div style="padding:24px"><div style="width:190px;overflow:hidden;white-space:nowrap"><h1 style="margin:0">Invoice INV-7</h1></div>${DETAILS(7)}</div>`),
  },
  {
    name: 'a compact title, its line lower than the button',
    path: '/layout/8',
    html: page_(8, `<div style="padding:24px"><h1 style="font-size:20px;line-height:1.2;margin:0">Invoice INV-8</h1>${DETAILS(8)}</div>`),
  },
];

let setup: PairedBrowser;
let site: InvoiceSite;
let page: Page;

beforeAll(async () => {
  setup = await startPairedBrowser();
  site = await startInvoiceSite(LAYOUTS.map((l, i) => ({ path: l.path, html: l.html, pdf: { path: `/layout/${i + 1}.pdf`, bytes: PDF } })));
  page = await setup.browser.context.newPage();
});

afterAll(async () => {
  await setup?.close();
  await site?.close();
});

/** Where the button is, and whether a person can click it there (test/helpers/button-placement.ts). */
function whereIsTheButton(p: Page) {
  return p.evaluate(buttonPlacement);
}

describe('the send button on different page layouts', () => {
  for (const layout of LAYOUTS) {
    it(`is inside the viewport and clickable: ${layout.name}`, async () => {
      await openSignedIn(page, site.origin, layout.path);
      // The button is placed (by the title, or in a corner nothing covers) in the task that adds it to the page.
      await page.getByTestId('ownpost-send').waitFor({ state: 'attached', timeout: 10_000 });
      const where = await whereIsTheButton(page);
      expect(where, JSON.stringify(where.rect)).toMatchObject({ inViewport: true, hit: true });
      // A person's click at that point opens the panel.
      await page.mouse.click(where.x, where.y);
      await expect.poll(() => hasPanelFrame(page), { timeout: 10_000 }).toBe(true);
    });
  }

  it('leaves the title as high as it was, so the page below it does not move (issue 18)', async () => {
    // A button taller than the title's line made the line taller: the page below moved, and was laid out and painted again.
    await openSignedIn(page, site.origin, '/layout/8');
    await page.getByTestId('ownpost-send').waitFor({ state: 'attached', timeout: 10_000 });
    const heights = await page.evaluate(() => {
      const title = document.querySelector('h1')!;
      const host = document.querySelector('ownpost-send-ui')!;
      const withButton = title.getBoundingClientRect().height;
      const inTitle = host.parentElement === title;
      const button = host.getBoundingClientRect().height;
      host.remove();
      return { inTitle, button, withButton, without: title.getBoundingClientRect().height };
    });
    expect(heights.inTitle).toBe(true);
    expect(heights.button).toBeGreaterThan(heights.without);
    expect(heights.withButton).toBe(heights.without);
  });
});
