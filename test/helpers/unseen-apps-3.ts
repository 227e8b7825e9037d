/**
 * Three more whole invoicing apps for test/e2e/unseen-apps-3.test.ts, modelled on how three commercial
 * apps build their screens, each in a way the apps in unseen-apps.ts and unseen-apps-2.ts do not:
 *
 * - `weclappApp`: a German cloud ERP like weclapp or Xentral, desktop-style: the outgoing invoices
 *   (`/webapp/ausgangsrechnungen`) are a list whose rows are not links; a click opens the invoice in a
 *   side drawer (`role="dialog"`) over the list, without changing the address, rendered after its API
 *   call; the list with other customers' invoices stays in the page behind it; amounts as
 *   `4.165,00 €`; the customer's contact and e-mail in the drawer, the app's support address in the
 *   sidebar; the PDF preview an `<embed type="application/pdf">` whose `src` is a `blob:` URL made by
 *   `fetch` + `URL.createObjectURL` from weclapp's `downloadLatestSalesInvoicePdf`;
 * - `axonautApp`: a French app like Axonaut or Pennylane, routed with `history.pushState`
 *   (`/app/factures`, `/app/factures/<id>`), whose whole view is rendered again with `innerHTML`
 *   on every change of its store, also while the user looks at it (a status poll every 700 ms says
 *   whether the customer opened the invoice), so no element of the invoice lives long; amounts as
 *   `Intl.NumberFormat('fr-FR')` writes them (`2 760,00 €`, a narrow no-break space in the
 *   thousands); a "Facture suivante" button moves to the next invoice in the same layout; the PDF a
 *   download link without `.pdf` answered as an attachment;
 * - `zohoApp`: an English app like Zoho Invoice or QuickBooks Online, self-hosted behind HTTP Basic
 *   auth (the proxy's) over https, with its own sign-in page behind it: a credit note and a quote
 *   (an "Estimate"), the customer's e-mail only in the contact card the customer's name opens (a
 *   popover rendered on click from the contacts API), the credit note's PDF from the "PDF/Print" menu
 *   (rendered on click), whose item sends the page to the download address (`location.href`),
 *   answered as `Content-Disposition: attachment`, and the estimate's a plain "Download PDF" link.
 */
import type { AppInvoice } from './unseen-apps';
import type { InvoicePage } from './invoice-site';

const json = (path: string, body: unknown, delayMs = 150): InvoicePage => ({ path, html: JSON.stringify(body), contentType: 'application/json', delayMs });

export interface WeclappInvoice extends AppInvoice {
  id: number;
  customerNumber: string;
  contact: { name: string; email: string };
  /** As the screen shows them, like `amount` (`3.500,00 €`). */
  net: string;
  tax: string;
  date: string;
  dueDate: string;
}

/** The app's own help desk, shown in its sidebar on every screen: never a customer's. */
export const WECLAPP_SUPPORT = 'support@erp-cloud.example';

/** The weclapp-style app under `/webapp`, its API under `/webapp/api/`. */
export function weclappApp(invoices: WeclappInvoice[]): InvoicePage[] {
  const head = (title: string) => `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>${title} | ERP Cloud</title>
<style>body{margin:0;font:13px "Segoe UI",Arial,sans-serif;color:#1c2b39;background:#eef1f5}
.topbar{display:flex;align-items:center;height:44px;background:#0b3a5d;color:#fff;padding:0 12px;gap:16px} .topbar a{color:#fff;text-decoration:none}
.topbar .tenant{margin-left:auto;opacity:.8} .layout{display:flex;min-height:calc(100vh - 44px)}
.sidenav{width:210px;background:#fff;border-right:1px solid #d5dbe3;padding:8px 0} .sidenav a{display:block;padding:7px 16px;color:#1c2b39;text-decoration:none}
.sidenav a.active{background:#e3edf7;border-left:3px solid #0b6bcb} .sidenav .help{margin-top:24px;padding:8px 16px;color:#667;font-size:12px}
.workspace{flex:1;padding:12px 16px;position:relative} .toolbar{display:flex;gap:6px;margin-bottom:8px} .toolbar button{border:1px solid #b8c2cc;background:#fff;padding:4px 10px;border-radius:2px}
.grid{width:100%;border-collapse:collapse;background:#fff} .grid th{background:#f5f7fa;text-align:left;font-weight:600;padding:6px 8px;border-bottom:1px solid #d5dbe3}
.grid td{padding:6px 8px;border-bottom:1px solid #edf0f3} .grid tr.row{cursor:pointer} .grid tr.row:hover td{background:#f0f6fc} .num{text-align:right;white-space:nowrap}
.chip{display:inline-block;border-radius:10px;padding:1px 8px;font-size:11px;background:#fff3cd;color:#7a5b00}
.backdrop{position:fixed;inset:44px 0 0 0;background:#0003} .drawer{position:fixed;top:44px;right:0;bottom:0;width:min(720px,70vw);background:#fff;box-shadow:-4px 0 16px #0003;display:flex;flex-direction:column}
.drawer header{display:flex;align-items:center;gap:10px;padding:12px 16px;border-bottom:1px solid #d5dbe3} .drawer header .type{color:#667;text-transform:uppercase;font-size:11px;letter-spacing:.05em}
.drawer header h2{margin:0;font-size:18px} .drawer header .close{margin-left:auto;border:0;background:none;font-size:20px;cursor:pointer}
.drawer .body{overflow:auto;padding:12px 16px} .fields{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:10px 24px}
.field .caption{font-size:11px;color:#667} .field .value{padding:2px 0} .sums{margin:12px 0 12px auto;border-collapse:collapse} .sums td{padding:3px 8px}
.sums tr.total td{font-weight:700;border-top:1px solid #1c2b39} embed.preview{width:100%;height:420px;border:1px solid #d5dbe3}</style></head><body>
<div class="topbar"><a href="/webapp/dashboard" id="nav-home"><b>ERP Cloud</b></a><span>Verkauf</span><span>Einkauf</span><span>Lager</span><span class="tenant">Schreinerei Albrecht GmbH · Mandant 1 · j.albrecht</span></div>
<div class="layout"><nav class="sidenav"><a href="/webapp/dashboard" id="nav-dashboard">Übersicht</a><a href="/webapp/ausgangsrechnungen" id="nav-invoices">Ausgangsrechnungen</a>
<a href="/webapp/angebote">Angebote</a><a href="/webapp/kunden">Kunden</a><div class="help">Hilfe &amp; Support<br><a href="mailto:${WECLAPP_SUPPORT}">${WECLAPP_SUPPORT}</a><br>Mo–Fr 8–18 Uhr</div></nav>
<main class="workspace" id="workspace">`;
  const foot = '</main></div></body></html>';

  const login = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Anmelden | ERP Cloud</title></head>
<body style="font:14px Arial,sans-serif;background:#0b3a5d"><form action="/login" method="get" style="width:320px;margin:100px auto;background:#fff;padding:24px;border-radius:4px">
<input type="hidden" name="next" value="/webapp/ausgangsrechnungen"><h1 style="font-size:20px">Anmelden</h1>
<p><label for="username">Benutzername</label><br><input id="username" name="username" autocomplete="username"></p>
<p><label for="password">Passwort</label><br><input id="password" type="password" name="password" autocomplete="current-password"></p>
<p><button id="signin" type="submit">Anmelden</button></p><p><a href="/webapp/passwort-vergessen">Passwort vergessen?</a></p></form></body></html>`;

  const dashboard = `${head('Übersicht')}<h1 style="font-size:18px">Übersicht</h1>
<div style="display:grid;grid-template-columns:repeat(3,1fr);gap:12px">
<section style="background:#fff;padding:12px"><h3>Offene Posten</h3><p style="font-size:22px">12.480,00 €</p><p>${invoices.length} Rechnungen überfällig seit 01.12.2026</p></section>
<section style="background:#fff;padding:12px"><h3>Umsatz Dezember</h3><p style="font-size:22px">38.905,40 €</p><p>Stand 07.12.2026</p></section>
<section style="background:#fff;padding:12px"><h3>Aufgaben</h3><ul><li>Mahnlauf prüfen</li><li>Angebot AN-2026-0311 nachfassen</li></ul></section></div>${foot}`;

  const list = `${head('Ausgangsrechnungen')}
<div class="toolbar"><button type="button">+ Neu</button><button type="button">Drucken</button><button type="button">Export</button><input aria-label="Suche" placeholder="Suche…"></div>
<table class="grid" id="invoice-grid"><thead><tr><th>Rechnungsnummer</th><th>Kunde</th><th>Rechnungsdatum</th><th>Fällig am</th><th class="num">Betrag (brutto)</th><th>Status</th></tr></thead><tbody>
${invoices
  .map(
    (i) =>
      `<tr class="row" data-id="${i.id}"><td>${i.number}</td><td>${i.customer}</td><td>${i.date}</td><td>${i.dueDate}</td><td class="num">${i.amount}</td><td><span class="chip">Offen</span></td></tr>`,
  )
  .join('\n')}
</tbody></table>
<div id="drawer-root"></div>
<script>
  const root = document.getElementById('drawer-root');
  const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  const field = (caption, value) => '<div class="field"><div class="caption">' + caption + '</div><div class="value">' + value + '</div></div>';
  let preview;
  function close() {
    if (preview) URL.revokeObjectURL(preview);
    preview = undefined;
    root.innerHTML = '';
  }
  async function open(id) {
    close();
    root.innerHTML = '<div class="backdrop"></div><aside class="drawer" role="dialog" aria-label="Rechnung"><header><h2>Wird geladen…</h2></header></aside>';
    const doc = await (await fetch('/webapp/api/salesInvoice/id/' + id, { credentials: 'same-origin' })).json();
    root.innerHTML = '<div class="backdrop" id="backdrop"></div><aside class="drawer" role="dialog" aria-labelledby="drawer-title"><header><span class="type">Rechnung</span><h2 id="drawer-title">' + esc(doc.invoiceNumber) +
      '</h2><span class="chip">Offen</span><button type="button" class="close" id="drawer-close" aria-label="Schließen">×</button></header><div class="body">' +
      '<div class="toolbar"><button type="button">Per E-Mail versenden</button><button type="button">Zahlung buchen</button><button type="button">Stornieren</button></div><div class="fields">' +
      field('Kunde', '<a href="/webapp/kunden/' + esc(doc.customerNumber) + '">' + esc(doc.customer) + '</a>') + field('Kundennummer', esc(doc.customerNumber)) +
      field('Ansprechpartner', esc(doc.contact.name)) + field('E-Mail', '<a href="mailto:' + esc(doc.contact.email) + '">' + esc(doc.contact.email) + '</a>') +
      field('Rechnungsdatum', esc(doc.date)) + field('Fällig am', esc(doc.dueDate)) + field('Zahlungsbedingung', '14 Tage netto') + field('Verkäufer', 'Jonas Albrecht') +
      '</div><table class="grid" style="margin-top:12px"><thead><tr><th>Pos.</th><th>Artikel</th><th class="num">Menge</th><th class="num">Einzelpreis</th><th class="num">Gesamt</th></tr></thead><tbody>' +
      '<tr><td>1</td><td>Einbauschrank Eiche, Maßanfertigung</td><td class="num">1</td><td class="num">' + esc(doc.net) + '</td><td class="num">' + esc(doc.net) + '</td></tr></tbody></table>' +
      '<table class="sums"><tr><td>Nettobetrag</td><td class="num">' + esc(doc.net) + '</td></tr><tr><td>USt. 19 %</td><td class="num">' + esc(doc.tax) + '</td></tr>' +
      '<tr class="total"><td>Gesamtbetrag</td><td class="num">' + esc(doc.amount) + '</td></tr></table>' +
      '<h3 style="font-size:13px">Vorschau</h3><div id="preview-slot">PDF wird erzeugt…</div></div></aside>';
    document.getElementById('drawer-close').addEventListener('click', close);
    document.getElementById('backdrop').addEventListener('click', close);
    const answer = await fetch('/webapp/api/salesInvoice/id/' + id + '/downloadLatestSalesInvoicePdf', { credentials: 'same-origin' });
    const slot = document.getElementById('preview-slot');
    if (!slot) return;
    preview = URL.createObjectURL(await answer.blob());
    slot.innerHTML = '<embed class="preview" type="application/pdf" src="' + preview + '">';
  }
  for (const row of document.querySelectorAll('#invoice-grid tr.row')) row.addEventListener('click', () => open(row.dataset.id));
</script>${foot}`;

  const record = (i: WeclappInvoice) => ({
    id: i.id,
    invoiceNumber: i.number,
    customer: i.customer,
    customerNumber: i.customerNumber,
    contact: i.contact,
    date: i.date,
    dueDate: i.dueDate,
    net: i.net,
    tax: i.tax,
    amount: i.amount,
  });
  return [
    { path: '/webapp/login', html: login },
    { path: '/webapp/dashboard', html: dashboard },
    { path: '/webapp/ausgangsrechnungen', html: list },
    ...invoices.flatMap((i) => [
      json(`/webapp/api/salesInvoice/id/${i.id}`, record(i), 300),
      // The preview's fetch: weclapp's API answers the PDF inline, without a name.
      { path: `/none/weclapp/${i.id}`, html: '', pdf: { path: `/webapp/api/salesInvoice/id/${i.id}/downloadLatestSalesInvoicePdf`, bytes: i.pdf, contentType: 'application/pdf' } },
    ]),
  ];
}

export interface AxonautInvoice extends AppInvoice {
  id: number;
  contact: { name: string; email: string };
  /** As the screen shows them, like `amount`. */
  net: string;
  tax: string;
  date: string;
  dueDate: string;
}

/** The Axonaut-style app under `/app`, its API under `/api/`; `invoices` in the order "Facture suivante" walks them. */
export function axonautApp(invoices: AxonautInvoice[]): InvoicePage[] {
  const shell = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Axonaut</title>
<style>body{margin:0;font:14px "Source Sans Pro",Arial,sans-serif;color:#2b2d42;background:#f6f7fb;display:flex}
.menu{width:230px;background:#21295c;color:#fff;min-height:100vh;padding:16px 0} .menu a{display:block;color:#cfd3f2;text-decoration:none;padding:8px 20px} .menu a.on{background:#1b2050;color:#fff}
#root{flex:1;min-width:0} .head{display:flex;align-items:center;gap:12px;padding:14px 28px;background:#fff;border-bottom:1px solid #e4e6ef} .head h1{font-size:20px;margin:0}
.crumbs{color:#8a8fb0;font-size:12px;padding:8px 28px 0} .crumbs a{color:#8a8fb0} .pill{border-radius:12px;padding:2px 10px;font-size:12px;background:#fff1e0;color:#a55b00}
.acts{margin-left:auto;display:flex;gap:8px} .acts a,.acts button{border:1px solid #c9cce0;background:#fff;border-radius:4px;padding:6px 12px;color:#2b2d42;text-decoration:none;font:inherit;cursor:pointer}
.acts .main{background:#3d5afe;border-color:#3d5afe;color:#fff} .cols{display:grid;grid-template-columns:2fr 1fr;gap:20px;padding:20px 28px}
.box{background:#fff;border-radius:6px;padding:16px 20px;box-shadow:0 1px 3px #0000000f} .box h2{font-size:15px;margin:0 0 10px}
.kv{display:grid;grid-template-columns:140px 1fr;gap:6px 12px} .kv span:nth-child(odd){color:#8a8fb0}
table{width:100%;border-collapse:collapse} th,td{padding:8px;border-bottom:1px solid #eef0f6;text-align:left} td.m,th.m{text-align:right;white-space:nowrap}
.totals td{border:0;padding:4px 8px} .totals tr.ttc td{font-weight:700;font-size:16px} .sync{color:#8a8fb0;font-size:12px}</style></head>
<body><nav class="menu"><div style="padding:0 20px 16px;font-weight:700">Atelier Lumière SAS</div>
<a href="/app/tableau-de-bord" data-link id="nav-dashboard">Tableau de bord</a><a href="/app/factures" data-link id="nav-invoices">Factures</a><a href="/app/devis" data-link>Devis</a>
<a href="/app/clients" data-link>Clients</a><a href="/app/parametres" data-link id="nav-settings">Paramètres</a></nav>
<div id="root"></div>
<script>
  const root = document.getElementById('root');
  const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  const store = { path: '', list: null, invoice: null, opened: 0, renders: 0 };
  let poll;
  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[data-link]');
    if (!link) return;
    event.preventDefault();
    go(link.getAttribute('href'));
  });
  addEventListener('popstate', () => load(location.pathname));
  function go(path) {
    history.pushState({}, '', path);
    load(path);
  }
  async function load(path) {
    clearInterval(poll);
    Object.assign(store, { path, invoice: null });
    render();
    let match;
    if (path === '/app/factures') {
      store.list = await (await fetch('/api/factures')).json();
    } else if ((match = /^\\/app\\/factures\\/(\\d+)$/.exec(path))) {
      const invoice = await (await fetch('/api/factures/' + match[1])).json();
      if (location.pathname !== path) return;
      store.invoice = invoice;
      // The store learns whether the customer opened the invoice; each answer renders the whole view again.
      poll = setInterval(async () => {
        const status = await (await fetch('/api/factures/' + match[1] + '/statut')).json();
        if (location.pathname !== path) return;
        store.opened = status.views;
        render();
      }, 700);
    }
    if (location.pathname === path) render();
  }
  function render() {
    store.renders += 1;
    root.dataset.renders = String(store.renders);
    const inv = store.invoice;
    if (store.path === '/app/factures' && store.list) {
      root.innerHTML = '<div class="head"><h1>Factures</h1><div class="acts"><button class="main" type="button">Créer une facture</button></div></div><div style="padding:20px 28px"><div class="box"><table><thead><tr>' +
        '<th>Numéro</th><th>Client</th><th>Date</th><th>Échéance</th><th class="m">Montant TTC</th><th>Statut</th></tr></thead><tbody>' +
        store.list.map((r) => '<tr><td><a data-link href="/app/factures/' + r.id + '">' + esc(r.number) + '</a></td><td>' + esc(r.customer) + '</td><td>' + r.date + '</td><td>' + r.dueDate +
          '</td><td class="m">' + esc(r.amount) + '</td><td><span class="pill">En attente</span></td></tr>').join('') + '</tbody></table></div></div>';
    } else if (inv) {
      const index = store.list ? store.list.findIndex((r) => r.id === inv.id) : -1;
      root.innerHTML = '<div class="crumbs"><a data-link href="/app/factures">Factures</a> › ' + esc(inv.number) + '</div>' +
        '<div class="head"><h1>Facture ' + esc(inv.number) + '</h1><span class="pill">En attente de paiement</span><span class="sync">' +
        (store.opened ? 'Vue par le client (' + store.opened + ')' : 'Pas encore vue par le client') + '</span><div class="acts">' +
        '<a href="/api/factures/' + inv.id + '/document" id="download">Télécharger le PDF</a><button type="button" id="next"' + (inv.nextId ? '' : ' disabled') + '>Facture suivante ›</button>' +
        '<button type="button" class="main">Enregistrer un paiement</button></div></div><div class="cols"><div><div class="box"><h2>Lignes</h2><table><thead><tr><th>Désignation</th><th class="m">Qté</th>' +
        '<th class="m">Prix unitaire HT</th><th class="m">Total HT</th></tr></thead><tbody><tr><td>Création d’identité visuelle</td><td class="m">1</td><td class="m">' + esc(inv.net) + '</td><td class="m">' + esc(inv.net) +
        '</td></tr></tbody></table><table class="totals" style="width:auto;margin-left:auto"><tr><td>Total HT</td><td class="m">' + esc(inv.net) + '</td></tr><tr><td>TVA (20 %)</td><td class="m">' + esc(inv.tax) +
        '</td></tr><tr class="ttc"><td>Total TTC</td><td class="m">' + esc(inv.amount) + '</td></tr></table></div></div><div><div class="box"><h2>Client</h2><div class="kv">' +
        '<span>Société</span><span><a data-link href="/app/clients/' + inv.customerId + '">' + esc(inv.customer) + '</a></span><span>Contact</span><span>' + esc(inv.contact.name) + '</span>' +
        '<span>E-mail</span><span>' + esc(inv.contact.email) + '</span></div></div><div class="box" style="margin-top:16px"><h2>Informations</h2><div class="kv"><span>Date d’émission</span><span>' + inv.date +
        '</span><span>Échéance</span><span>' + inv.dueDate + '</span><span>Conditions</span><span>30 jours fin de mois</span></div></div></div></div>';
      const next = document.getElementById('next');
      if (inv.nextId) next.addEventListener('click', () => go('/app/factures/' + inv.nextId));
    } else if (store.path === '/app/parametres') {
      root.innerHTML = '<div class="head"><h1>Paramètres</h1></div><div style="padding:20px 28px"><div class="box"><h2>Numérotation</h2><div class="kv"><span>Prochaine facture</span><span>F-2026-0121</span>' +
        '<span>E-mail d’envoi</span><span>contact@atelier-lumiere.example</span><span>Mentions légales</span><span>SAS au capital de 10 000 €</span></div></div></div>';
    } else if (store.path === '/app/tableau-de-bord') {
      root.innerHTML = '<div class="head"><h1>Tableau de bord</h1></div><div class="cols"><div class="box"><h2>Chiffre d’affaires</h2><p>48 320,00 € cette année</p></div>' +
        '<div class="box"><h2>À encaisser</h2><p>3 factures, 5 140,00 €</p></div></div>';
    } else {
      root.innerHTML = '<div class="head"><h1>Chargement…</h1></div>';
    }
  }
  fetch('/api/factures').then((r) => r.json()).then((list) => { store.list = list; if (store.path === '/app/factures' || store.invoice) render(); });
  load(location.pathname);
</script></body></html>`;

  const summary = (i: AxonautInvoice) => ({ id: i.id, number: i.number, customer: i.customer, date: i.date, dueDate: i.dueDate, amount: i.amount });
  return [
    { path: '/app', prefix: true, html: shell },
    json('/api/factures', invoices.map(summary)),
    ...invoices.flatMap((i, index) => [
      json(`/api/factures/${i.id}`, { ...summary(i), customerId: 31 + index, contact: i.contact, net: i.net, tax: i.tax, nextId: invoices[index + 1]?.id ?? null }, 400),
      json(`/api/factures/${i.id}/statut`, { views: 0 }, 50),
      {
        path: `/none/axonaut/${i.id}`,
        html: '',
        pdf: { path: `/api/factures/${i.id}/document`, bytes: i.pdf, contentType: 'application/pdf', disposition: `attachment; filename="Facture_${i.number}.pdf"` },
      },
    ]),
  ];
}

export interface ZohoDocument extends AppInvoice {
  id: number;
  /** `creditnotes` or `estimates`. */
  module: 'creditnotes' | 'estimates';
  date: string;
}

export interface ZohoContact {
  id: number;
  name: string;
  person: string;
  email: string;
}

/** The proxy's Basic auth in front of the whole app. */
export const ZOHO_PROXY = { user: 'office', password: 'behind-the-proxy' };

/** The Zoho-Invoice-style app under `/app`, behind the proxy's Basic auth; `documents` are credit notes and estimates of `contact`. */
export function zohoApp(documents: ZohoDocument[], contact: ZohoContact): InvoicePage[] {
  const basicAuth = ZOHO_PROXY;
  const head = (title: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | Zoho Invoice</title>
<style>body{margin:0;font:13px "Zoho Puvi",Helvetica,Arial,sans-serif;color:#21263c;background:#fff;display:flex}
.side{width:200px;background:#21263c;min-height:100vh;padding:12px 0} .side a{display:block;color:#c9cdde;padding:8px 18px;text-decoration:none} .side a.on{background:#408dfb;color:#fff}
.main{flex:1;min-width:0} .bar{display:flex;align-items:center;gap:8px;padding:10px 20px;border-bottom:1px solid #eceef4} .bar h1{font-size:18px;margin:0;font-weight:500}
.bar .tools{margin-left:auto;display:flex;gap:6px;position:relative} .btn{border:1px solid #d7d9e1;background:#f9f9fb;border-radius:4px;padding:5px 10px;font:inherit;cursor:pointer;color:#21263c;text-decoration:none}
.btn.blue{background:#408dfb;border-color:#408dfb;color:#fff} .dropdown{position:absolute;top:32px;right:0;background:#fff;border:1px solid #d7d9e1;border-radius:4px;box-shadow:0 4px 12px #0002;min-width:180px;z-index:5}
.dropdown a{display:block;padding:7px 12px;color:#21263c;text-decoration:none;cursor:pointer} .dropdown a:hover{background:#f1f6ff}
.paper{margin:20px auto;width:640px;border:1px solid #eceef4;box-shadow:0 2px 8px #0001;padding:32px 40px;position:relative}
.paper h2{font-size:26px;font-weight:400;margin:0;text-align:right} .paper .no{text-align:right;color:#555} .meta{display:flex;justify-content:space-between;margin:24px 0}
.lbl{color:#777} table.items{width:100%;border-collapse:collapse} table.items th{background:#3c3d3a;color:#fff;text-align:left;padding:6px}
table.items td{padding:6px;border-bottom:1px solid #eee} .r{text-align:right} .tot{margin-left:auto;margin-top:12px} .tot td{padding:4px 8px}
.tot .big td{background:#f5f4f3;font-weight:700} .customer-link{color:#408dfb;cursor:pointer;border:0;background:none;font:inherit;padding:0}
.popover{position:absolute;z-index:10;background:#fff;border:1px solid #d7d9e1;border-radius:6px;box-shadow:0 6px 18px #0002;padding:12px 14px;width:260px}
.list{width:100%;border-collapse:collapse} .list th,.list td{text-align:left;padding:8px 20px;border-bottom:1px solid #eceef4}</style></head>
<body><nav class="side"><div style="color:#fff;font-weight:600;padding:0 18px 14px">Harbour Design Ltd</div><a href="/app/home" id="nav-home">Home</a><a href="/app/customers">Customers</a>
<a href="/app/estimates" id="nav-estimates">Estimates</a><a href="/app/invoices">Invoices</a><a href="/app/creditnotes" id="nav-creditnotes">Credit Notes</a><a href="/app/settings">Settings</a></nav><div class="main">`;
  const foot = '</div></body></html>';

  const signin = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in | Zoho Invoice</title></head><body style="font:14px Helvetica,Arial,sans-serif">
<form action="/login" method="get" style="width:340px;margin:90px auto"><input type="hidden" name="next" value="/app/creditnotes"><h1 style="font-weight:400">Sign in</h1>
<p><input id="login_id" name="LOGIN_ID" type="email" placeholder="Email address" aria-label="Email address" autocomplete="username"></p>
<p><input id="password" name="PASSWORD" type="password" placeholder="Password" aria-label="Password" autocomplete="current-password"></p><p><button id="nextbtn" type="submit">Sign in</button></p></form></body></html>`;

  const home = `${head('Home')}<div class="bar"><h1>Hello, Oliver</h1></div><div style="padding:20px;display:grid;grid-template-columns:1fr 1fr;gap:20px">
<section><h3>Total Receivables</h3><p>Current £4,210.00 · Overdue £1,180.00</p></section><section><h3>Sales and Expenses</h3><p>This fiscal year: £58,410.75</p></section>
<section><h3>Top Expenses</h3><p>Rent £12,000.00</p></section><section><h3>Projects</h3><p>No unbilled hours.</p></section></div>${foot}`;

  const listOf = (module: ZohoDocument['module']) => {
    const title = module === 'creditnotes' ? 'All Credit Notes' : 'All Estimates';
    const rows = documents.filter((d) => d.module === module);
    return `${head(title)}<div class="bar"><h1>${title} ▾</h1><div class="tools"><a class="btn blue" href="/app/${module}/new">+ New</a></div></div>
<table class="list"><thead><tr><th>Date</th><th>${module === 'creditnotes' ? 'Credit Note#' : 'Estimate#'}</th><th>Customer Name</th><th>Status</th><th class="r">Amount</th></tr></thead><tbody>
${rows.map((d) => `<tr><td>${d.date}</td><td><a href="/app/${module}/${d.id}">${d.number}</a></td><td>${d.customer}</td><td>Open</td><td class="r">${d.amount}</td></tr>`).join('\n')}</tbody></table>${foot}`;
  };

  const detail = (d: ZohoDocument) => {
    const credit = d.module === 'creditnotes';
    const title = credit ? 'CREDIT NOTE' : 'ESTIMATE';
    const pdfHref = `/app/${d.module}/${d.id}/pdf?accept=pdf`;
    const tools = credit
      ? `<button class="btn" type="button">Edit</button><button class="btn" type="button" id="pdf-menu" aria-haspopup="menu">PDF/Print ▾</button><button class="btn" type="button">Refund</button><button class="btn" type="button">More ▾</button>`
      : `<button class="btn" type="button">Edit</button><a class="btn" id="download-pdf" href="${pdfHref}">Download PDF</a><button class="btn blue" type="button">Convert to Invoice</button>`;
    return `${head(`${credit ? 'Credit Note' : 'Estimate'} ${d.number}`)}<div class="bar"><h1>${d.number}</h1><div class="tools">${tools}</div></div>
<div class="paper"><h2>${title}</h2><div class="no">${credit ? 'Credit Note#' : 'Estimate#'} ${d.number}</div>
<div class="meta"><div><div class="lbl">Bill To</div><button type="button" class="customer-link" id="customer-name" aria-haspopup="dialog">${d.customer}</button><div>14 Dock Street<br>Leith, Edinburgh EH6 6EY</div></div>
<div><div><span class="lbl">${credit ? 'Credit Date' : 'Estimate Date'} :</span> ${d.date}</div>${credit ? '<div><span class="lbl">Ref# :</span> INV-000311</div>' : '<div><span class="lbl">Expiry Date :</span> 06/01/2027</div>'}</div></div>
<table class="items"><thead><tr><th>#</th><th>Item &amp; Description</th><th class="r">Qty</th><th class="r">Rate</th><th class="r">Amount</th></tr></thead>
<tbody><tr><td>1</td><td>${credit ? 'Returned: brand guidelines print run' : 'Website redesign, phase 1'}</td><td class="r">1.00</td><td class="r">${d.amount}</td><td class="r">${d.amount}</td></tr></tbody></table>
<table class="tot"><tr><td>Sub Total</td><td class="r">${d.amount}</td></tr><tr class="big"><td>Total</td><td class="r">${d.amount}</td></tr>${credit ? `<tr><td>Credits Remaining</td><td class="r">${d.amount}</td></tr>` : ''}</table></div>
<script>
  const doc = { module: '${d.module}', id: ${d.id}, contactId: ${contact.id} };
  const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  // The contact card: rendered on click from the contacts API, gone on the next click elsewhere.
  document.getElementById('customer-name').addEventListener('click', async (event) => {
    event.stopPropagation();
    const box = event.currentTarget.getBoundingClientRect();
    document.getElementById('contact-card')?.remove();
    const person = await (await fetch('/api/contacts/' + doc.contactId)).json();
    const card = document.createElement('div');
    card.className = 'popover';
    card.id = 'contact-card';
    card.setAttribute('role', 'dialog');
    card.setAttribute('aria-label', 'Contact details');
    card.innerHTML = '<b>' + esc(person.name) + '</b><div>' + esc(person.person) + '</div><div><a href="mailto:' + esc(person.email) + '">' + esc(person.email) + '</a></div><div>+44 131 496 0000</div>' +
      '<div style="margin-top:8px"><a href="/app/customers/' + person.id + '">View details</a></div>';
    card.style.left = box.left + scrollX + 'px';
    card.style.top = box.bottom + scrollY + 6 + 'px';
    document.body.appendChild(card);
    card.addEventListener('click', (e) => e.stopPropagation());
  });
  document.addEventListener('click', () => document.getElementById('contact-card')?.remove());
  const menuButton = document.getElementById('pdf-menu');
  if (menuButton) menuButton.addEventListener('click', (event) => {
    event.stopPropagation();
    const open = document.getElementById('pdf-dropdown');
    if (open) return open.remove();
    const menu = document.createElement('div');
    menu.className = 'dropdown';
    menu.id = 'pdf-dropdown';
    menu.setAttribute('role', 'menu');
    menu.innerHTML = '<a role="menuitem" id="menu-download">Download PDF</a><a role="menuitem">Print</a>';
    menuButton.parentElement.appendChild(menu);
    // As Zoho's downloads: the page is sent to the file, which comes back as an attachment.
    document.getElementById('menu-download').addEventListener('click', () => { menu.remove(); location.href = '${pdfHref}'; });
  });
</script>${foot}`;
  };

  return [
    { path: '/signin', html: signin, basicAuth },
    { path: '/app/home', html: home, basicAuth },
    { path: '/app/creditnotes', html: listOf('creditnotes'), basicAuth },
    { path: '/app/estimates', html: listOf('estimates'), basicAuth },
    { path: `/api/contacts/${contact.id}`, html: JSON.stringify(contact), contentType: 'application/json', delayMs: 150, basicAuth },
    ...documents.map((d) => ({
      path: `/app/${d.module}/${d.id}`,
      html: detail(d),
      basicAuth,
      pdf: {
        path: `/app/${d.module}/${d.id}/pdf`,
        bytes: d.pdf,
        contentType: 'application/pdf',
        disposition: `attachment; filename="${d.number}.pdf"`,
        basicAuth,
      },
    })),
  ];
}
