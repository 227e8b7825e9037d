/**
 * Three more whole invoicing apps for test/e2e/unseen-apps-4.test.ts, modelled on how three commercial
 * apps build their screens, each combining what the apps in unseen-apps.ts, unseen-apps-2.ts and
 * unseen-apps-3.ts do not:
 *
 * - `bexioApp`: a Swiss app like bexio or Cashctrl, in Swiss German (`de-CH`): one page whose screens
 *   are hash routes (`#/kb_offer/show/7`, `#/kb_reminder/show/42`) and whose whole interface lives in
 *   open Shadow DOM (a custom element per part, the document view a shadow root inside the shell's),
 *   rendered after its API call; the sales list virtualised (only the rows in view exist, placed by
 *   `transform`); a quote ("Offerte") and a payment reminder ("1. Mahnung" for an invoice) whose
 *   amounts are grouped with apostrophes (`CHF 12'450.00` as the app writes it, `CHF 3’800.55` as
 *   some ICU versions and typesetting apps do); the quote's PDF made by an RPC whose base64 answer
 *   becomes a `Blob` and a temporary `<a download>` clicked by script inside the shadow root, the
 *   reminder's made with its view and offered as a `blob:` download link in the shadow root that the
 *   user clicks (the click reaches the document retargeted to the shadow host);
 * - `gestionaleApp`: an Italian app of the frameset school, like Danea Easyfatt's web client or the
 *   classic Exact Online shell, over https: a shell page (menu, the app's own help-desk address)
 *   whose documents open in a same-origin `<iframe name="main">`, navigated by links with
 *   `target="main"` while the shell's address stays; an order confirmation ("Conferma d'ordine") and an
 *   invoice ("Fattura n. FV 2026/0412") in the frame, amounts as `€ 1.830,00`; the PDF opened in a new
 *   tab by a script behind `<a href="#">` ("Stampa"), answered inline without `.pdf` in its
 *   address: the order's by `window.open` of its address, the invoice's by `form.submit()` of a
 *   hidden print form in the frame, posted to a new tab (`target="_blank"`);
 * - `faturacaoApp`: a Portuguese server-rendered app like PHC or Primavera's web office, on plain HTTP
 *   under a LAN name: the invoice ("Fatura FT 2026/131") with the customer's name, tax number and
 *   postal address but no e-mail, the seller's own address in the footer, amounts as `2 460,00 €`;
 *   its PDF made by a print form whose template must be chosen (no default) and whose "Imprimir"
 *   button POSTs and gets the file back as an attachment.
 */
import type { AppInvoice } from './unseen-apps';
import type { InvoicePage } from './invoice-site';

const json = (path: string, body: unknown, delayMs = 150): InvoicePage => ({ path, html: JSON.stringify(body), contentType: 'application/json', delayMs });

export interface BexioDocument extends AppInvoice {
  id: number;
  /** The app's module: a quote (`kb_offer`) or a payment reminder (`kb_reminder`, its `number` the invoice's). */
  type: 'kb_offer' | 'kb_reminder';
  contact: { name: string; email: string };
  date: string;
  /** What the reminder's table shows besides the total: the invoice's amount and the fee, as written. */
  lines: { text: string; amount: string }[];
}

/** The bexio-style app under `/office`: sign-in at `/office/login`, the shell at `/office/app`, its API under `/office/api/3.0/`. */
export function bexioApp(documents: BexioDocument[]): InvoicePage[] {
  const signin = `<!doctype html><html lang="de-CH"><head><meta charset="utf-8"><title>Anmelden – bexio</title></head>
<body style="font:14px system-ui,sans-serif;background:#f4f6f8"><form action="/login" method="get" style="width:320px;margin:90px auto;background:#fff;padding:24px;border-radius:8px">
<input type="hidden" name="next" value="/office/app#/kb_offer"><h1 style="font-size:20px">Anmelden</h1>
<p><label for="email">E-Mail</label><br><input id="email" name="email" type="email" autocomplete="username"></p>
<p><label for="pass">Passwort</label><br><input id="pass" name="pass" type="password" autocomplete="current-password"></p>
<p><button id="login-submit" type="submit">Anmelden</button></p></form></body></html>`;

  // The list's rows: the documents, then a long tail of older ones, as a year of sales makes.
  const rows = [
    ...documents.map((d) => ({ id: d.id, type: d.type, number: d.number, contact: d.contact.name, date: d.date, total: d.amount })),
    ...Array.from({ length: 240 }, (_, i) => ({
      id: 1000 + i,
      type: i % 3 ? 'kb_invoice' : 'kb_offer',
      number: `${i % 3 ? 'RE' : 'AN'}-${String(900 - i).padStart(5, '0')}`,
      contact: ['Bäckerei Zürcher', 'Garage Meier AG', 'Praxis Dr. Keller', 'Hotel Alpenblick'][i % 4]!,
      date: '03.11.2026',
      total: `CHF ${(100 + i * 7).toString().replace(/\B(?=(\d{3})+(?!\d))/g, "'")}.00`,
    })),
  ];

  const shell = `<!doctype html><html lang="de-CH"><head><meta charset="utf-8"><title>bexio</title>
<style>html,body{margin:0;height:100%;font:14px "Source Sans Pro",system-ui,sans-serif;color:#1d2b36;background:#f4f6f8}</style></head>
<body><bx-app></bx-app>
<script>
  const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  const api = (path, init) => fetch('/office/api/3.0/' + path, { credentials: 'same-origin', headers: { Accept: 'application/json' }, ...init }).then((r) => r.json());
  const TYPE_NAMES = { kb_offer: 'Offerte', kb_invoice: 'Rechnung', kb_reminder: 'Mahnung' };

  // The sales list: a fixed-height window over all rows, only those in view rendered (as virtual-scroller components do).
  class BxSalesList extends HTMLElement {
    constructor() {
      super();
      this.attachShadow({ mode: 'open' }).innerHTML = '<style>.viewport{height:420px;overflow:auto;position:relative;background:#fff;border:1px solid #dde3e8}' +
        '.spacer{position:relative} .row{position:absolute;left:0;right:0;height:36px;display:grid;grid-template-columns:110px 120px 1fr 110px 140px;align-items:center;padding:0 12px;border-bottom:1px solid #eef1f4;cursor:pointer;box-sizing:border-box}' +
        '.row:hover{background:#f0f7fb} .head{display:grid;grid-template-columns:110px 120px 1fr 110px 140px;padding:8px 12px;font-weight:600;background:#fafbfc;border:1px solid #dde3e8;border-bottom:0} .r{text-align:right}</style>' +
        '<div class="head"><span>Typ</span><span>Nr.</span><span>Kontakt</span><span>Datum</span><span class="r">Total</span></div><div class="viewport" part="viewport"><div class="spacer"></div></div>';
      this.rows = [];
    }
    set data(rows) { this.rows = rows; this.draw(); }
    connectedCallback() {
      this.shadowRoot.querySelector('.viewport').addEventListener('scroll', () => this.draw());
      this.shadowRoot.querySelector('.viewport').addEventListener('click', (event) => {
        const row = event.target.closest('.row');
        if (row) location.hash = '#/' + row.dataset.type + '/show/' + row.dataset.id;
      });
    }
    draw() {
      const viewport = this.shadowRoot.querySelector('.viewport');
      const spacer = this.shadowRoot.querySelector('.spacer');
      spacer.style.height = this.rows.length * 36 + 'px';
      const first = Math.floor(viewport.scrollTop / 36);
      const last = Math.min(this.rows.length, first + Math.ceil(420 / 36) + 2);
      spacer.innerHTML = this.rows.slice(first, last).map((r, i) => '<div class="row" role="row" data-id="' + r.id + '" data-type="' + r.type + '" style="transform:translateY(' + (first + i) * 36 + 'px)">' +
        '<span>' + TYPE_NAMES[r.type] + '</span><span>' + esc(r.number) + '</span><span>' + esc(r.contact) + '</span><span>' + esc(r.date) + '</span><span class="r">' + esc(r.total) + '</span></div>').join('');
    }
  }
  customElements.define('bx-sales-list', BxSalesList);

  // One document, rendered after its API call, in a shadow root of its own.
  class BxDocument extends HTMLElement {
    constructor() {
      super();
      this.attachShadow({ mode: 'open' }).innerHTML = '<p>Wird geladen…</p>';
    }
    async load(type, id) {
      const doc = await api(type + '/' + id);
      if (!this.isConnected) return;
      const reminder = type === 'kb_reminder';
      this.shadowRoot.innerHTML = '<style>.head{display:flex;align-items:center;gap:12px} h1{font-size:22px;margin:0} .badge{background:#fff4d6;color:#8a6100;border-radius:10px;padding:2px 10px;font-size:12px}' +
        '.tools{margin-left:auto;display:flex;gap:8px} button,a.button{border:1px solid #c5d0d9;color:inherit;text-decoration:none;background:#fff;border-radius:4px;padding:6px 12px;font:inherit;cursor:pointer} button.primary{background:#0c7bc0;border-color:#0c7bc0;color:#fff}' +
        '.grid{display:grid;grid-template-columns:160px 1fr 160px 1fr;gap:8px 16px;margin:16px 0;background:#fff;padding:16px;border-radius:6px} .grid dt{color:#6a7b88} .grid dd{margin:0}' +
        'table{width:100%;border-collapse:collapse;background:#fff} td,th{padding:8px;border-bottom:1px solid #eef1f4;text-align:left} .r{text-align:right} tr.total td{font-weight:700;border-top:2px solid #1d2b36}</style>' +
        '<div class="head"><div><div style="color:#6a7b88;font-size:12px">' + (reminder ? '1. Mahnung' : 'Offerte') + '</div><h1>' + (reminder ? 'Mahnung zu Rechnung ' : 'Offerte ') + esc(doc.number) + '</h1></div>' +
        '<span class="badge">' + (reminder ? 'Überfällig' : 'Offen') + '</span><div class="tools">' + (reminder ? '<a class="button" id="pdf">PDF</a>' : '<button type="button" id="pdf">PDF</button>') +
        '<button type="button">Kopieren</button><button type="button" class="primary">Per E-Mail senden</button></div></div>' +
        '<dl class="grid"><dt>Kontakt</dt><dd><a href="#/contact/show/' + doc.contactId + '">' + esc(doc.contact.name) + '</a></dd><dt>Datum</dt><dd>' + esc(doc.date) + '</dd>' +
        '<dt>E-Mail</dt><dd><a href="mailto:' + esc(doc.contact.email) + '">' + esc(doc.contact.email) + '</a></dd><dt>' + (reminder ? 'Zahlbar bis' : 'Gültig bis') + '</dt><dd>31.12.2026</dd></dl>' +
        '<table><thead><tr><th>Position</th><th class="r">Betrag</th></tr></thead><tbody>' +
        doc.lines.map((l) => '<tr><td>' + esc(l.text) + '</td><td class="r">' + esc(l.amount) + '</td></tr>').join('') +
        '<tr class="total"><td>' + (reminder ? 'Offener Betrag' : 'Total') + '</td><td class="r">' + esc(doc.amount) + '</td></tr></tbody></table>';
      if (reminder) this.offerPdf(type, id);
      else this.shadowRoot.getElementById('pdf').addEventListener('click', () => this.savePdf(type, id));
    }
    // The reminder's PDF is made with the view and offered as a download link to it, for the user to click.
    async offerPdf(type, id) {
      const file = await api(type + '/' + id + '/pdf', { method: 'POST' });
      const link = this.shadowRoot.getElementById('pdf');
      link.href = URL.createObjectURL(new Blob([Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0))], { type: file.mime }));
      link.download = file.name;
    }
    // As the app's own "PDF" action: an RPC answers the file as base64; a link made for the moment, inside this shadow root, saves it.
    async savePdf(type, id) {
      const file = await api(type + '/' + id + '/pdf', { method: 'POST' });
      const bytes = Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
      const link = document.createElement('a');
      link.href = url;
      link.download = file.name;
      this.shadowRoot.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    }
  }
  customElements.define('bx-document', BxDocument);

  class BxApp extends HTMLElement {
    constructor() {
      super();
      this.attachShadow({ mode: 'open' }).innerHTML = '<style>:host{display:flex;min-height:100vh} nav{width:210px;background:#1d2b36;padding:12px 0} nav a{display:block;color:#cfd8df;padding:8px 18px;text-decoration:none}' +
        'nav a.on{background:#0c7bc0;color:#fff} main{flex:1;min-width:0;padding:20px 28px} .firm{color:#fff;font-weight:600;padding:0 18px 16px}</style>' +
        '<nav><div class="firm">Holzbau Brunner GmbH</div><a href="#/dashboard" id="nav-dashboard">Dashboard</a><a href="#/kb_offer" id="nav-sales">Verkauf</a><a href="#/contact">Kontakte</a><a href="#/settings" id="nav-settings">Einstellungen</a></nav><main></main>';
    }
    connectedCallback() {
      addEventListener('hashchange', () => this.route());
      this.route();
    }
    route() {
      const main = this.shadowRoot.querySelector('main');
      const hash = location.hash;
      for (const link of this.shadowRoot.querySelectorAll('nav a')) link.classList.toggle('on', hash.startsWith(link.getAttribute('href')));
      const show = hash.match(/^#\\/(kb_offer|kb_reminder|kb_invoice)\\/show\\/(\\d+)$/);
      if (show) {
        main.innerHTML = '<bx-document></bx-document>';
        main.querySelector('bx-document').load(show[1], show[2]);
      } else if (hash === '#/kb_offer') {
        main.innerHTML = '<h2 style="margin-top:0">Verkauf</h2><p>Offerten, Rechnungen und Mahnungen</p><bx-sales-list></bx-sales-list>';
        api('sales').then((rows) => { const list = main.querySelector('bx-sales-list'); if (list) list.data = rows; });
      } else if (hash === '#/settings') {
        main.innerHTML = '<h2 style="margin-top:0">Einstellungen</h2><dl><dt>Nächste Offerte</dt><dd>AN-00108</dd><dt>Absender</dt><dd>info@holzbau-brunner.example</dd><dt>MWST-Satz</dt><dd>8,1 %</dd></dl>';
      } else {
        main.innerHTML = '<h2 style="margin-top:0">Dashboard</h2><p>Umsatz 2026: CHF 248\\'310.00</p><p>Offene Debitoren: CHF 18\\'960.55</p>';
      }
    }
  }
  customElements.define('bx-app', BxApp);
</script></body></html>`;

  return [
    { path: '/office/login', html: signin },
    { path: '/office/app', html: shell },
    json('/office/api/3.0/sales', rows, 300),
    ...documents.flatMap((d) => [
      json(`/office/api/3.0/${d.type}/${d.id}`, { id: d.id, number: d.number, contactId: 70 + d.id, contact: d.contact, date: d.date, amount: d.amount, lines: d.lines }, 600),
      json(`/office/api/3.0/${d.type}/${d.id}/pdf`, { name: `${d.number}.pdf`, mime: 'application/pdf', content: d.pdf.toString('base64') }),
    ]),
  ];
}

export interface GestionaleDocument extends AppInvoice {
  id: number;
  /** `OC` an order confirmation, `FV` a sales invoice. */
  type: 'OC' | 'FV';
  email: string;
  date: string;
}

/** The Italian app's own help desk, in the shell's header on every screen: never a customer's. */
export const GESTIONALE_SUPPORT = 'assistenza@gestionale-cloud.example';

/** The template the invoice's print form posts for (the order's PDF is a plain GET). */
export const GESTIONALE_INVOICE_TEMPLATE = 'fattura-pa';

/** The frameset-school Italian app: sign-in at `/accesso`, the shell at `/gestionale/`, whose frame shows the lists (`ordini.asp`, `fatture.asp`) and documents (`documenti/<id>`). */
export function gestionaleApp(documents: GestionaleDocument[]): InvoicePage[] {
  const signin = `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>Accesso – Gestionale Cloud</title></head>
<body style="font:14px Tahoma,Arial,sans-serif"><form action="/login" method="get" style="width:300px;margin:90px auto"><input type="hidden" name="next" value="/gestionale/">
<h1 style="font-size:18px">Accesso</h1><p><label for="utente">Utente</label><br><input id="utente" name="utente"></p>
<p><label for="password">Password</label><br><input id="password" name="password" type="password"></p><p><button id="entra" type="submit">Entra</button></p></form></body></html>`;

  const shell = `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>Gestionale Cloud – Tipografia Colombo S.r.l.</title>
<style>body{margin:0;font:12px Tahoma,Arial,sans-serif;background:#e9edf2;display:grid;grid-template-rows:52px 1fr;grid-template-columns:190px 1fr;height:100vh}
header{grid-column:1/3;background:#2d4f73;color:#fff;display:flex;align-items:center;gap:16px;padding:0 14px} header .help{margin-left:auto;font-size:11px} header a{color:#fff}
nav{background:#f7f9fb;border-right:1px solid #c9d3dd;padding:10px 0} nav a{display:block;padding:6px 14px;color:#2d4f73;text-decoration:none} nav h3{font-size:11px;color:#667;margin:12px 14px 4px;text-transform:uppercase}
iframe{border:0;width:100%;height:100%;background:#fff}</style></head>
<body><header><b>Gestionale Cloud</b><span>Tipografia Colombo S.r.l. – Esercizio 2026</span><span class="help">Assistenza: <a href="mailto:${GESTIONALE_SUPPORT}">${GESTIONALE_SUPPORT}</a> · 02 4000 1234</span></header>
<nav><h3>Vendite</h3><a href="/gestionale/cruscotto.asp" target="main" id="nav-cruscotto">Cruscotto</a><a href="/gestionale/ordini.asp" target="main" id="nav-ordini">Ordini clienti</a>
<a href="/gestionale/fatture.asp" target="main" id="nav-fatture">Fatture di vendita</a><h3>Anagrafiche</h3><a href="/gestionale/clienti.asp" target="main">Clienti</a></nav>
<main><iframe name="main" id="main" title="Documento" src="/gestionale/cruscotto.asp"></iframe></main></body></html>`;

  const framePage = (title: string, body: string) => `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>${title}</title>
<style>body{margin:0;padding:14px 18px;font:12px Tahoma,Arial,sans-serif;color:#222} table.lista{border-collapse:collapse;width:100%} .lista th{background:#dfe6ee;text-align:left;padding:5px 8px}
.lista td{padding:5px 8px;border-bottom:1px solid #e3e7ec} .r{text-align:right} .barra{display:flex;gap:6px;margin-bottom:10px} .barra a{border:1px solid #9fb0c2;background:#f3f6f9;padding:4px 10px;color:#222;text-decoration:none}
fieldset{border:1px solid #c9d3dd;margin:10px 0} legend{color:#2d4f73;font-weight:bold} td.et{color:#555;width:140px}</style></head><body>${body}</body></html>`;

  const cruscotto = framePage(
    'Cruscotto',
    `<h2>Cruscotto</h2><table class="lista"><tr><th>Indicatore</th><th class="r">Valore</th></tr><tr><td>Fatturato dicembre</td><td class="r">€ 41.230,00</td></tr>
<tr><td>Ordini da evadere</td><td class="r">7</td></tr><tr><td>Scadenze al 31/12/2026</td><td class="r">€ 9.870,50</td></tr></table>`,
  );

  const list = (type: GestionaleDocument['type']) => {
    const title = type === 'OC' ? 'Ordini clienti' : 'Fatture di vendita';
    const rows = documents.filter((d) => d.type === type);
    return framePage(
      title,
      `<h2>${title}</h2><table class="lista"><tr><th>Numero</th><th>Data</th><th>Cliente</th><th class="r">Totale</th><th></th></tr>
${rows.map((d) => `<tr><td>${d.number}</td><td>${d.date}</td><td>${d.customer}</td><td class="r">${d.amount}</td><td><a href="/gestionale/documenti/${d.id}" id="apri-${d.id}">Apri</a></td></tr>`).join('\n')}</table>`,
    );
  };

  const detail = (d: GestionaleDocument) => {
    const order = d.type === 'OC';
    const heading = order ? `Conferma d'ordine n. ${d.number}` : `Fattura n. ${d.number}`;
    return framePage(
      heading,
      `<div class="barra"><a href="/gestionale/${order ? 'ordini' : 'fatture'}.asp">« Elenco</a><a href="#" id="stampa">Stampa</a><a href="#">Duplica</a>${order ? '<a href="#">Trasforma in fattura</a>' : '<a href="#">Registra incasso</a>'}</div>
<h2>${heading}</h2>
<fieldset><legend>Cliente</legend><table><tr><td class="et">Ragione sociale</td><td>${d.customer}</td></tr><tr><td class="et">Partita IVA</td><td>IT 04815162342</td></tr>
<tr><td class="et">Indirizzo</td><td>Via Garibaldi 21, 20121 Milano (MI)</td></tr><tr><td class="et">E-mail</td><td><a href="mailto:${d.email}">${d.email}</a></td></tr></table></fieldset>
<fieldset><legend>Dati documento</legend><table><tr><td class="et">Data</td><td>${d.date}</td></tr><tr><td class="et">Pagamento</td><td>Bonifico 30 gg d.f.</td></tr></table></fieldset>
<table class="lista"><tr><th>Descrizione</th><th class="r">Q.tà</th><th class="r">Prezzo</th><th class="r">Importo</th></tr>
<tr><td>${order ? 'Cataloghi 48 pagine, 2.000 copie' : 'Stampa brochure A4, 5.000 copie'}</td><td class="r">1</td><td class="r">${d.amount}</td><td class="r">${d.amount}</td></tr></table>
<table style="margin:10px 0 0 auto"><tr><td>Totale documento</td><td class="r"><b>${d.amount}</b></td></tr></table>
${
  order
    ? ''
    : `<form name="stampa" method="post" action="/gestionale/stampa/${d.id}" target="_blank"><input type="hidden" name="doc" value="${d.id}"><input type="hidden" name="modello" value=""></form>`
}
<script>
  // As the app's print action: a script behind href="#" opens the PDF in a new tab, for an invoice by posting the print form there.
  document.getElementById('stampa').addEventListener('click', (event) => {
    event.preventDefault();
    ${order ? `window.open('/gestionale/stampa/${d.id}?modello=standard', '_blank');` : `document.forms.stampa.modello.value = 'fattura-pa'; document.forms.stampa.submit();`}
  });
</script>`,
    );
  };

  return [
    { path: '/accesso', html: signin },
    { path: '/gestionale/', html: shell },
    { path: '/gestionale/cruscotto.asp', html: cruscotto },
    ...documents.map((d) => ({
      path: `/gestionale/documenti/${d.id}`,
      html: detail(d),
      pdf: {
        path: `/gestionale/stampa/${d.id}`,
        bytes: d.pdf,
        contentType: 'application/pdf',
        disposition: `inline; filename="${d.type}_${d.id}.pdf"`,
        ...(d.type === 'FV' ? { postedForm: { doc: String(d.id), modello: GESTIONALE_INVOICE_TEMPLATE } } : {}),
      },
    })),
    { path: '/gestionale/ordini.asp', html: list('OC') },
    { path: '/gestionale/fatture.asp', html: list('FV') },
  ];
}

export interface FaturacaoInvoice extends AppInvoice {
  id: number;
  customerNumber: string;
  taxNumber: string;
  date: string;
}

/** The seller's own address, in the invoice's footer on every screen: never the customer's. */
export const FATURACAO_SELLER_EMAIL = 'geral@ceramica-ribeiro.example';

/** The print form's choices that make the PDF: the template must be chosen (the select starts empty). */
export const FATURACAO_PRINT = { modelo: 'original', formato: 'pdf' };

/** The PHC-style app: sign-in at `/entrar`, the list at `/faturacao/documentos.php`, an invoice at `/faturacao/fatura/<id>`. */
export function faturacaoApp(invoices: FaturacaoInvoice[]): InvoicePage[] {
  const head = (title: string) => `<!doctype html><html lang="pt-PT"><head><meta charset="utf-8"><title>${title} – Faturação</title>
<style>body{margin:0;font:13px Arial,sans-serif;color:#222;background:#f2f2f2} .topo{background:#7a1f1f;color:#fff;padding:8px 14px;display:flex;gap:14px}
.topo a{color:#fff;text-decoration:none} .topo .emp{margin-left:auto} .pag{background:#fff;margin:14px;padding:16px;border:1px solid #ccc}
table.lista{border-collapse:collapse;width:100%} .lista th{background:#e8e1e1;text-align:left;padding:5px 8px} .lista td{padding:5px 8px;border-bottom:1px solid #eee} .r{text-align:right}
.caixa{border:1px solid #d9cfcf;padding:8px 12px;margin:10px 0} .rodape{color:#777;font-size:11px;border-top:1px solid #ddd;margin-top:20px;padding-top:6px}</style></head>
<body><div class="topo"><b>Faturação</b><a href="/faturacao/inicio.php" id="nav-inicio">Início</a><a href="/faturacao/documentos.php" id="nav-documentos">Documentos</a><a href="/faturacao/clientes.php">Clientes</a>
<span class="emp">Cerâmica Ribeiro, Lda · utilizador: rita</span></div><div class="pag">`;
  const foot = `<div class="rodape">Cerâmica Ribeiro, Lda · NIF 509 876 543 · Rua do Barro 5, 4400-123 Vila Nova de Gaia · ${FATURACAO_SELLER_EMAIL} · Processado por programa certificado n.º 1234/AT</div></div></body></html>`;

  const signin = `<!doctype html><html lang="pt-PT"><head><meta charset="utf-8"><title>Entrar – Faturação</title></head><body style="font:14px Arial,sans-serif">
<form action="/login" method="get" style="width:300px;margin:90px auto"><input type="hidden" name="next" value="/faturacao/documentos.php"><h1 style="font-size:18px">Entrar</h1>
<p><label for="utilizador">Utilizador</label><br><input id="utilizador" name="utilizador"></p><p><label for="senha">Senha</label><br><input id="senha" name="senha" type="password"></p>
<p><button id="entrar" type="submit">Entrar</button></p></form></body></html>`;

  const inicio = `${head('Início')}<h2>Início</h2><table class="lista"><tr><th>Resumo</th><th class="r">Valor</th></tr><tr><td>Faturado em dezembro</td><td class="r">18 420,00 €</td></tr>
<tr><td>Por receber</td><td class="r">6 130,50 €</td></tr><tr><td>Documentos emitidos hoje</td><td class="r">3</td></tr></table>${foot}`;

  const documentos = `${head('Documentos')}<h2>Documentos de venda</h2><table class="lista"><tr><th>Documento</th><th>Data</th><th>Cliente</th><th class="r">Total</th></tr>
${invoices.map((i) => `<tr><td><a href="/faturacao/fatura/${i.id}">${i.number}</a></td><td>${i.date}</td><td>${i.customer}</td><td class="r">${i.amount}</td></tr>`).join('\n')}</table>${foot}`;

  const fatura = (i: FaturacaoInvoice) => `${head(`Fatura ${i.number}`)}<h2>Fatura ${i.number}</h2>
<div class="caixa"><table><tr><td>Cliente</td><td><a href="/faturacao/cliente/${i.customerNumber}">${i.customer}</a></td></tr><tr><td>N.º de cliente</td><td>${i.customerNumber}</td></tr>
<tr><td>NIF</td><td>${i.taxNumber}</td></tr><tr><td>Morada</td><td>Rua das Flores 12, 4050-262 Porto</td></tr></table></div>
<div class="caixa"><table><tr><td>Data</td><td>${i.date}</td></tr><tr><td>Vencimento</td><td>30 dias</td></tr></table></div>
<table class="lista"><tr><th>Artigo</th><th class="r">Qtd.</th><th class="r">Preço</th><th class="r">IVA</th></tr><tr><td>Azulejo pintado à mão, caixa de 20</td><td class="r">40</td><td class="r">50,00 €</td><td class="r">23 %</td></tr></table>
<p class="r">Total: <b>${i.amount}</b></p>
<form method="post" action="/faturacao/imprimir.php" class="caixa"><input type="hidden" name="doc" value="${i.id}">
<label for="modelo">Modelo</label> <select id="modelo" name="modelo"><option value="">— escolha —</option><option value="original">Original</option><option value="duplicado">Duplicado</option><option value="triplicado">Triplicado</option></select>
<label for="formato">Formato</label> <select id="formato" name="formato"><option value="pdf">PDF</option><option value="html">HTML</option></select>
<button type="submit" id="imprimir">Imprimir</button></form>${foot}`;

  return [
    { path: '/entrar', html: signin },
    { path: '/faturacao/inicio.php', html: inicio },
    { path: '/faturacao/documentos.php', html: documentos },
    ...invoices.map((i) => ({
      path: `/faturacao/fatura/${i.id}`,
      html: fatura(i),
      pdf: {
        path: '/faturacao/imprimir.php',
        bytes: i.pdf,
        postedForm: { doc: String(i.id), ...FATURACAO_PRINT },
        contentType: 'application/pdf',
        disposition: `attachment; filename="FT_${i.number.replace(/\W/g, '_')}.pdf"`,
      },
    })),
  ];
}
