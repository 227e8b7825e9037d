/**
 * Two more whole invoicing apps for test/e2e/unseen-apps-2.test.ts, modelled on how two open-source
 * apps render their screens, each built differently from the apps in unseen-apps.ts:
 *
 * - `odooApp`: an Odoo-17-style web client in Dutch: one page (`/web`) whose screens are hash routes
 *   (`#action=…&model=account.move&view_type=list`, `#id=42&…&model=account.move&view_type=form`),
 *   rendered after a JSON-RPC call; list rows that are not links (a click handler changes the hash);
 *   the posted invoice's values in readonly field widgets under `o_form_label`s, the total in a tax
 *   totals table, amounts as `€ 2.420,00`; a chatter beside the form with other people's e-mail
 *   addresses; the customer a link to the partner's form, whose e-mail is only there; and the PDF
 *   made by the gear menu's Print item, which POSTs to `/report/download` with XHR (`responseType`
 *   blob, form-encoded here, multipart in Odoo) and clicks an `<a download>` that is never in the
 *   document, with a synthetic `MouseEvent`, as Odoo's `download()` does;
 * - `dolibarrApp`: a Dolibarr-style PHP app in Spanish: a sign-in form that POSTs, the customer
 *   invoice list, the invoice card (`compta/facture/card.php?facid=…`) with tabs, the reference and the
 *   third party in the card's head, the amounts in label/value tables as `2.420,00 €`, the third party's
 *   e-mail only on its own card (`societe/card.php`), and the PDF made by the "Documentos" form's
 *   Generar button (a POST that returns the card with the file listed), then a link to
 *   `document.php?modulepart=facture&file=…` answering the PDF as an attachment.
 */
import type { AppInvoice } from './unseen-apps';
import type { InvoicePage } from './invoice-site';

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export interface OdooInvoice extends AppInvoice {
  id: number;
  /** As the screen shows them, like `amount`. */
  untaxed: string;
  tax: string;
  date: string;
  dueDate: string;
}

export interface OdooPartner {
  id: number;
  name: string;
  email: string;
}

/** The invoice list's action in the URL, as Odoo writes it. */
export const ODOO_LIST_HASH = '#action=231&model=account.move&view_type=list&cids=1&menu_id=115';

/** The Odoo-style web client at `/web`, its JSON-RPC under `/web/dataset/call_kw/`, the PDF at `/report/download`. */
export function odooApp(invoices: OdooInvoice[], partner: OdooPartner, delayMs = 600): InvoicePage[] {
  const shell = `<!DOCTYPE html><html lang="nl-NL"><head><meta charset="utf-8"><title>Odoo</title>
<style>body{margin:0;font:13px Roboto,"Odoo Unicode Support Noto",sans-serif;color:#374151;background:#f9fafb}
.o_main_navbar{display:flex;align-items:center;gap:4px;height:46px;background:#714b67;color:#fff;padding:0 12px}
.o_main_navbar a,.o_main_navbar button{color:#fff;text-decoration:none;background:none;border:0;padding:8px 10px;font:inherit}
.o_menu_brand{font-size:16px;font-weight:500} .o_menu_systray{margin-left:auto;display:flex;gap:12px;align-items:center}
.o_control_panel{display:flex;align-items:center;gap:8px;padding:8px 16px;background:#fff;border-bottom:1px solid #dee2e6}
.breadcrumb{display:flex;gap:6px;list-style:none;margin:0;padding:0;font-size:16px} .breadcrumb-item+.breadcrumb-item::before{content:"/ "}
.o_cp_action_menus{position:relative} .dropdown-menu{position:absolute;top:100%;left:0;background:#fff;border:1px solid #dee2e6;min-width:220px;z-index:10;padding:4px 0}
.dropdown-header{padding:4px 16px;font-weight:bold;color:#6c757d} .dropdown-item{display:block;padding:6px 16px;cursor:pointer}
.dropdown-item:hover{background:#e9ecef} .o_content{display:flex;gap:0} .o_form_sheet_bg{flex:1;padding:16px}
.o_form_statusbar{display:flex;justify-content:space-between;background:#fff;border:1px solid #dee2e6;border-bottom:0;padding:6px 12px}
.o_form_sheet{background:#fff;border:1px solid #dee2e6;padding:24px 32px} .btn{border:1px solid #ced4da;border-radius:3px;background:#fff;padding:4px 10px;font:inherit}
.btn-primary{background:#714b67;color:#fff;border-color:#714b67} .o_arrow_button_current{font-weight:bold;color:#714b67}
.oe_title h1{margin:4px 0 16px;font-size:26px;font-weight:500} .o_group{display:grid;grid-template-columns:1fr 1fr;gap:0 32px}
.o_inner_group{display:grid;grid-template-columns:150px 1fr;gap:6px 8px;align-content:start} .o_form_label{font-weight:bold}
.nav-tabs{display:flex;list-style:none;padding:0;margin:24px 0 0;border-bottom:1px solid #dee2e6} .nav-link{display:block;padding:8px 16px;color:#374151;text-decoration:none}
.nav-link.active{border:1px solid #dee2e6;border-bottom-color:#fff;margin-bottom:-1px;background:#fff}
table{border-collapse:collapse} .o_list_table{width:100%} .o_list_table th,.o_list_table td{padding:6px 8px;border-bottom:1px solid #dee2e6;text-align:left}
.o_data_row{cursor:pointer} .o_data_row:hover{background:#f2f2f2} .o_list_number{text-align:right!important}
.oe_right{margin-left:auto} .o_field_account-tax-totals-field td{padding:2px 8px;text-align:right}
.o-mail-Form-chatter{width:380px;border-left:1px solid #dee2e6;background:#fff;padding:12px;min-height:calc(100vh - 46px);box-sizing:border-box}
.o-mail-Message{display:flex;gap:8px;padding:8px 0} .o-mail-Message-author{font-weight:bold} .o-mail-Message-date{color:#6c757d}
.badge{border-radius:8px;padding:2px 8px;font-size:11px} .text-bg-danger{background:#f8d7da;color:#842029}</style></head>
<body class="o_web_client"><header><nav class="o_main_navbar">
<a class="o_menu_brand" href="${ODOO_LIST_HASH}">Facturatie</a>
<div class="o_menu_sections"><a href="#action=238&model=account.dashboard&view_type=kanban&cids=1&menu_id=115">Dashboard</a><a id="menu-invoices" href="${ODOO_LIST_HASH}">Klanten</a>
<a id="menu-settings" href="#action=245&model=res.config.settings&view_type=form&cids=1&menu_id=115">Configuratie</a></div>
<div class="o_menu_systray"><span class="o_switch_company_item">Mijn Bedrijf B.V.</span><span class="o_user_menu">Mitchell Admin</span></div>
</nav></header>
<div class="o_action_manager" id="app"></div>
<script>
  const app = document.getElementById('app');
  const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  async function rpc(route, params) {
    const answer = await fetch('/web/dataset/call_kw/' + route, {
      method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: Date.now(), params: params || {} }),
    });
    return (await answer.json()).result;
  }
  /** Odoo's download(): an XHR POST for a blob, then an <a download> outside the document clicked by a dispatched event. */
  function download(url, data) {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', url);
      xhr.responseType = 'blob';
      xhr.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded');
      xhr.onload = () => {
        if (xhr.status !== 200) return reject(new Error('download failed'));
        const disposition = xhr.getResponseHeader('Content-Disposition') || '';
        const name = decodeURIComponent((disposition.split("filename*=UTF-8''")[1] || 'document.pdf').trim());
        const a = document.createElement('a');
        a.download = name;
        a.rel = 'noopener';
        a.href = URL.createObjectURL(xhr.response);
        setTimeout(() => URL.revokeObjectURL(a.href), 40000);
        setTimeout(() => a.dispatchEvent(new MouseEvent('click')), 0);
        resolve();
      };
      xhr.onerror = reject;
      xhr.send(new URLSearchParams(data).toString());
    });
  }
  const field = (name, kind, value) => '<div name="' + name + '" class="o_field_widget o_readonly_modifier o_field_' + kind + '"><span>' + esc(value) + '</span></div>';
  const row = (label, name, html) => '<div class="o_cell o_wrap_label"><label class="o_form_label" for="' + name + '_0">' + label + '</label></div><div class="o_cell o_wrap_input">' + html + '</div>';
  const hashOf = (state) => '#' + new URLSearchParams(state).toString();
  function controlPanel(crumbs, extra) {
    return '<div class="o_control_panel"><ol class="breadcrumb">' + crumbs.map((c, i) => '<li class="breadcrumb-item' + (i === crumbs.length - 1 ? ' active' : '') + '">' +
      (c.href ? '<a href="' + c.href + '">' + esc(c.text) + '</a>' : '<span>' + esc(c.text) + '</span>') + '</li>').join('') + '</ol>' + (extra || '') + '</div>';
  }
  function chatter(messages) {
    return '<div class="o-mail-Form-chatter"><div class="o-mail-Chatter"><div class="o-mail-Chatter-topbar"><button class="btn btn-primary o-mail-Chatter-sendMessage">Bericht verzenden</button> ' +
      '<button class="btn">Notitie loggen</button> <button class="btn">Activiteiten</button> <span class="o-mail-Followers">👤 2</span></div><div class="o-mail-Thread">' +
      messages.map((m) => '<div class="o-mail-Message"><img class="o_avatar" alt="" width="32" height="32"><div><div class="o-mail-Message-header"><span class="o-mail-Message-author">' + esc(m.author) +
        '</span> <small class="o-mail-Message-date">- ' + esc(m.when) + '</small></div><div class="o-mail-Message-body">' + m.body + '</div></div></div>').join('') + '</div></div></div>';
  }
  async function render() {
    const state = Object.fromEntries(new URLSearchParams(location.hash.slice(1)));
    const key = location.hash;
    app.innerHTML = '<div class="o_control_panel"><span class="o_loading_indicator">Laden…</span></div>';
    if (state.model === 'account.move' && state.view_type === 'list') {
      const rows = await rpc('account.move/web_search_read');
      if (location.hash !== key) return;
      app.innerHTML = controlPanel([{ text: 'Facturen' }], '<button class="btn btn-primary o_list_button_add">Nieuw</button>') +
        '<div class="o_content"><div class="o_list_renderer" style="flex:1;padding:0 16px"><table class="o_list_table"><thead><tr><th>Nummer</th><th>Klant</th><th>Factuurdatum</th><th>Vervaldatum</th>' +
        '<th class="o_list_number">Belastingvrij</th><th class="o_list_number">Totaal</th><th>Betalingsstatus</th></tr></thead><tbody>' +
        rows.map((r) => '<tr class="o_data_row" data-res-id="' + r.id + '"><td class="o_data_cell" name="name">' + esc(r.name) + '</td><td class="o_data_cell">' + esc(r.partner) + '</td><td>' + r.date +
          '</td><td>' + r.dueDate + '</td><td class="o_list_number">' + esc(r.untaxed) + '</td><td class="o_list_number">' + esc(r.total) + '</td><td><span class="badge text-bg-danger">Niet betaald</span></td></tr>').join('') +
        '</tbody></table></div></div>';
      for (const tr of app.querySelectorAll('.o_data_row')) {
        tr.addEventListener('click', () => { location.hash = hashOf({ id: tr.dataset.resId, cids: 1, menu_id: 115, action: 231, model: 'account.move', view_type: 'form' }); });
      }
    } else if (state.model === 'account.move' && state.view_type === 'form') {
      const m = await rpc('account.move/web_read/' + state.id);
      if (location.hash !== key) return;
      const partnerHash = hashOf({ id: m.partnerId, cids: 1, menu_id: 115, model: 'res.partner', view_type: 'form' });
      const gear = '<div class="o_cp_action_menus"><button type="button" class="btn dropdown-toggle" id="cog" title="Acties" aria-expanded="false">⚙</button>' +
        '<div class="dropdown-menu" id="cog-menu" hidden><div class="dropdown-header">Afdrukken</div><span class="dropdown-item o_menu_item" role="menuitem" data-report="account.report_invoice_with_payments">PDF zonder betaling</span>' +
        '<span class="dropdown-item o_menu_item" role="menuitem" data-report="account.report_invoice">Facturen</span><div class="dropdown-header">Actie</div>' +
        '<span class="dropdown-item" role="menuitem">Dupliceren</span><span class="dropdown-item" role="menuitem">Verwijderen</span></div></div><span class="o_pager_counter" style="margin-left:auto">' + m.position + '</span>';
      app.innerHTML = controlPanel([{ text: 'Facturen', href: '${ODOO_LIST_HASH}' }, { text: m.name }], gear) +
        '<div class="o_content"><div class="o_form_sheet_bg"><div class="o_form_statusbar"><div class="o_statusbar_buttons"><button name="action_invoice_sent" class="btn btn-primary">Verzenden &amp; afdrukken</button> ' +
        '<button name="action_register_payment" class="btn">Betaling registreren</button> <button class="btn">Voorbeeld</button> <button class="btn">Terugboeken</button></div>' +
        '<div class="o_statusbar_status"><button class="btn" disabled>Concept</button> <button class="btn o_arrow_button_current" aria-checked="true" aria-current="step">Geboekt</button></div></div>' +
        '<div class="o_form_sheet"><div class="oe_title"><span class="o_form_label">Klantfactuur</span><h1>' + field('name', 'char', m.name) + '</h1></div>' +
        '<div class="o_group"><div class="o_inner_group">' +
        row('Klant', 'partner_id', '<div name="partner_id" class="o_field_widget o_readonly_modifier o_field_res_partner_many2one"><div class="o_field_many2one_extra"><a class="o_form_uri" href="' + partnerHash + '"><span>' +
          esc(m.partner) + '</span></a><br>' + m.address.map(esc).join('<br>') + '</div></div>') +
        row('Referentie betaling', 'payment_reference', field('payment_reference', 'char', m.name)) +
        '</div><div class="o_inner_group">' + row('Factuurdatum', 'invoice_date', field('invoice_date', 'date', m.date)) +
        row('Vervaldatum', 'invoice_date_due', field('invoice_date_due', 'date', m.dueDate)) + row('Dagboek', 'journal_id', field('journal_id', 'many2one', 'Klantfacturen') + ' in ' + field('currency_id', 'many2one', 'EUR')) +
        '</div></div><ul class="nav nav-tabs"><li class="nav-item"><a class="nav-link active" href="#" role="tab">Factuurregels</a></li><li class="nav-item"><a class="nav-link" href="#" role="tab">Journaalposten</a></li>' +
        '<li class="nav-item"><a class="nav-link" href="#" role="tab">Overige info</a></li></ul><div class="tab-content"><table class="o_list_table"><thead><tr><th>Product</th><th>Label</th><th>Hoeveelheid</th><th>Prijs</th><th>Belastingen</th><th class="o_list_number">Subtotaal</th></tr></thead><tbody>' +
        m.lines.map((l) => '<tr class="o_data_row"><td>' + esc(l[0]) + '</td><td>' + esc(l[1]) + '</td><td>' + l[2] + '</td><td>' + l[3] + '</td><td><span class="o_tag">21%</span></td><td class="o_list_number">' + esc(l[4]) + '</td></tr>').join('') +
        '</tbody></table><div style="display:flex"><div name="narration" class="o_field_widget o_field_html" style="flex:1;color:#6c757d"><p>Betalingsvoorwaarden: 14 dagen</p></div>' +
        '<div name="tax_totals" class="o_field_widget o_readonly_modifier o_field_account-tax-totals-field"><table class="oe_right"><tbody>' +
        '<tr><td class="o_td_label"><label class="o_form_label o_tax_total_label">Onbelast bedrag</label></td><td class="o_list_monetary"><span name="amount_untaxed" style="white-space:nowrap;font-weight:bold">' + esc(m.untaxed) + '</span></td></tr>' +
        '<tr><td class="o_td_label"><label class="o_form_label o_tax_total_label">BTW 21%</label></td><td class="o_list_monetary"><span class="o_tax_group_amount_value">' + esc(m.tax) + '</span></td></tr>' +
        '<tr><td class="o_td_label"><label class="o_form_label o_tax_total_label">Totaal</label></td><td class="o_list_monetary"><span name="amount_total" style="white-space:nowrap;font-weight:bold;font-size:1.3em">' + esc(m.total) + '</span></td></tr>' +
        '<tr><td class="o_td_label"><label class="o_form_label">Verschuldigd bedrag</label></td><td class="o_list_monetary"><span name="amount_residual">' + esc(m.total) + '</span></td></tr>' +
        '</tbody></table></div></div></div></div></div>' + chatter(m.messages) + '</div>';
      const cog = document.getElementById('cog');
      const menu = document.getElementById('cog-menu');
      cog.addEventListener('click', () => { menu.hidden = !menu.hidden; cog.setAttribute('aria-expanded', String(!menu.hidden)); });
      for (const item of menu.querySelectorAll('[data-report]')) {
        item.addEventListener('click', () => {
          menu.hidden = true;
          const url = '/report/pdf/' + item.dataset.report + '/' + m.id;
          download('/report/download', { data: JSON.stringify([url, 'qweb-pdf']), context: JSON.stringify({ lang: 'nl_NL', tz: 'Europe/Amsterdam', uid: 2 }), token: 'dummy-because-api-expects-one', csrf_token: 'c0ffee' });
        });
      }
    } else if (state.model === 'res.partner' && state.view_type === 'form') {
      const p = await rpc('res.partner/web_read/' + state.id);
      if (location.hash !== key) return;
      app.innerHTML = controlPanel([{ text: 'Klanten' }, { text: p.name }]) + '<div class="o_content"><div class="o_form_sheet_bg"><div class="o_form_sheet">' +
        '<div class="oe_button_box"><button class="btn oe_stat_button">Gefactureerd<br>' + esc(p.invoiced) + '</button> <button class="btn oe_stat_button">2 Facturen</button></div>' +
        '<div class="oe_title"><h1>' + field('name', 'char', p.name) + '</h1></div><div class="o_group"><div class="o_inner_group">' +
        row('Adres', 'street', '<div class="o_address_format">' + p.address.map(esc).join('<br>') + '</div>') + row('Btw-nummer', 'vat', field('vat', 'char', p.vat)) +
        '</div><div class="o_inner_group">' + row('Telefoon', 'phone', field('phone', 'phone', p.phone)) +
        row('E-mail', 'email', '<div name="email" class="o_field_widget o_field_email"><a href="mailto:' + esc(p.email) + '">' + esc(p.email) + '</a></div>') +
        row('Website', 'website', field('website', 'url', p.website)) + '</div></div></div></div>' + chatter([{ author: 'Mitchell Admin', when: '3 maanden geleden', body: 'Contact aangemaakt' }]) + '</div>';
    } else if (state.model === 'res.config.settings') {
      app.innerHTML = controlPanel([{ text: 'Instellingen' }], '<button class="btn btn-primary">Opslaan</button> <button class="btn">Negeren</button>') +
        '<div class="o_content"><div class="o_form_sheet_bg"><div class="o_form_sheet"><h2>Bedrijven</h2><div class="o_group"><div class="o_inner_group">' +
        row('Bedrijfsnaam', 'company_name', field('company_name', 'char', 'Mijn Bedrijf B.V.')) + row('E-mail', 'company_email', field('company_email', 'email', 'info@mijnbedrijf.example')) +
        '</div><div class="o_inner_group">' + row('Standaard betalingstermijn', 'payment_term', field('payment_term', 'many2one', '14 dagen')) +
        row('Standaard btw', 'sale_tax_id', field('sale_tax_id', 'many2one', '21% (verkopen)')) + '</div></div><h2>Facturatie</h2><p>Factuurlay-out: <button class="btn">Lay-out configureren</button></p>' +
        '<p>Standaard e-mailsjabloon: Factuur: verzenden per e-mail</p></div></div></div>';
    } else if (!location.hash) {
      location.replace('${ODOO_LIST_HASH}');
    } else {
      app.innerHTML = controlPanel([{ text: 'Dashboard' }]) + '<div class="o_content"><p style="padding:16px">Klantfacturen: te valideren 0, niet betaald 2</p></div>';
    }
  }
  addEventListener('hashchange', render);
  render();
</script></body></html>`;

  const summary = (invoice: OdooInvoice) => ({
    id: invoice.id,
    name: invoice.number,
    partner: invoice.customer,
    date: invoice.date,
    dueDate: invoice.dueDate,
    untaxed: invoice.untaxed,
    total: invoice.amount,
  });
  const record = (invoice: OdooInvoice, index: number) => ({
    ...summary(invoice),
    partnerId: partner.id,
    address: ['Kerkstraat 12', '1012 AB Amsterdam', 'Nederland'],
    tax: invoice.tax,
    position: `${index + 1} / ${invoices.length}`,
    lines: [
      ['[BRD-01] Broodoven onderhoud', 'Jaarlijks onderhoud broodoven', '1,00', '1.200,00', invoice.untaxed],
      ['[SRV-02] Voorrijkosten', 'Voorrijkosten Amsterdam', '1,00', '0,00', '€ 0,00'],
    ],
    messages: [
      {
        author: 'Mitchell Admin',
        when: '5 minuten geleden',
        body: '<p>Jan, kun jij de btw van deze factuur controleren? Vragen graag naar <a href="mailto:boekhouding@jansen-accountants.example">boekhouding@jansen-accountants.example</a>.</p>',
      },
      { author: 'OdooBot', when: '1 uur geleden', body: '<p>Factuur aangemaakt</p><p class="o-mail-Message-tracking">Status: Concept → Geboekt</p>' },
      { author: 'Marc Demo', when: '2 uur geleden', body: '<p>Inkooporder ontvangen van de klant via inkoop@bakkerijgroep-holding.example</p>' },
    ],
  });
  const pdfOf = (invoice: OdooInvoice) => ({
    path: '/report/download',
    bytes: invoice.pdf,
    contentType: 'application/pdf',
    disposition: `attachment; filename*=UTF-8''${encodeURIComponent(invoice.number.replace(/\//g, '_'))}.pdf`,
    postedForm: { data: JSON.stringify([`/report/pdf/account.report_invoice/${invoice.id}`, 'qweb-pdf']) },
  });
  const json = (path: string, result: unknown, delay = 200): InvoicePage => ({ path, html: JSON.stringify({ jsonrpc: '2.0', id: 1, result }), contentType: 'application/json', delayMs: delay });
  return [
    { path: '/web', html: shell },
    json('/web/dataset/call_kw/account.move/web_search_read', invoices.map(summary)),
    ...invoices.map((invoice, i) => json(`/web/dataset/call_kw/account.move/web_read/${invoice.id}`, record(invoice, i), delayMs)),
    json(`/web/dataset/call_kw/res.partner/web_read/${partner.id}`, {
      ...partner,
      address: ['Kerkstraat 12', '1012 AB Amsterdam', 'Nederland'],
      vat: 'NL123456789B01',
      phone: '+31 20 123 4567',
      website: 'https://goudenkorst.example',
      invoiced: '€ 4.840,00',
    }),
    // Each invoice's PDF is its own POST to the same address; the site tells them apart by the posted form.
    ...invoices.map((invoice) => ({ path: `/none/${invoice.id}`, html: '', pdf: pdfOf(invoice) })),
  ];
}

export interface DolibarrInvoice extends AppInvoice {
  id: number;
  /** As the card shows them, like `amount` (`2.420,00 €`). */
  untaxed: string;
  tax: string;
  date: string;
  dueDate: string;
}

export interface DolibarrCustomer {
  id: number;
  name: string;
  email: string;
}

const DOLIBARR_HEAD = (title: string) => `<!doctype html>
<html lang="es_ES"><head><meta charset="UTF-8"><meta name="robots" content="noindex,nofollow"><title>${title}</title>
<style>body{margin:0;font:13px Arial,sans-serif;color:#444;background:#fff} #id-top{display:flex;align-items:center;height:52px;background:rgb(38,60,92);padding:0 12px}
#id-top a{color:#fff;text-decoration:none;padding:14px 10px;font-weight:bold} .login_block{margin-left:auto;color:#fff}
#id-container{display:flex} #id-left{width:200px;background:#f4f4f4;min-height:calc(100vh - 52px);padding:10px;box-sizing:border-box}
#id-left a{display:block;padding:3px 0;color:#263c5c;text-decoration:none} #id-left .menu_titre{font-weight:bold;margin-top:10px}
#id-right{flex:1;padding:12px 16px} .tabs{display:flex;gap:2px;border-bottom:1px solid #aaa} .tab{padding:6px 14px;color:#263c5c;text-decoration:none;border:1px solid transparent}
.tabactive{border-color:#aaa #aaa #fff;background:#fff;margin-bottom:-1px;font-weight:bold} .tabBar{border:1px solid #aaa;border-top:0;padding:12px}
.refid{font-size:1.4em;font-weight:bold} .refidno{margin-top:4px;color:#555} .statusref{text-align:right;vertical-align:top}
.fichecenter{display:flex;gap:24px;margin-top:12px} .fichehalfleft,.fichehalfright{flex:1} .centpercent{width:100%}
table.border td,table.noborder td,table.noborder th{padding:4px 6px;border-bottom:1px solid #e0e0e0} .titlefield{width:30%;color:#666}
.liste_titre th,.liste_titre td{background:#e9eaed;text-align:left;padding:6px} .right{text-align:right} .amountcard{font-weight:bold}
.tabsAction{text-align:right;margin:16px 0} .butAction{display:inline-block;padding:6px 12px;margin-left:4px;background:rgb(38,60,92);color:#fff;text-decoration:none;border-radius:3px}
.badge-status1{background:#bc9526;color:#fff;border-radius:3px;padding:2px 6px} .titre{font-size:1.1em;font-weight:bold;margin:16px 0 6px}</style></head>
<body class="mainmenu"><div id="id-top"><a href="/index.php?mainmenu=home">Inicio</a><a href="/societe/index.php?mainmenu=companies">Terceros</a>
<a href="/compta/facture/list.php?mainmenu=billing&amp;leftmenu=customers_bills" id="mainmenua_billing">Facturación | Pagos</a><a href="/admin/index.php?mainmenu=home&amp;leftmenu=setup" id="menu-setup">Configuración</a>
<div class="login_block"><span class="login_block_user">admin</span> · Distribuciones Levante S.L.</div></div>
<div id="id-container"><div id="id-left" class="vmenu"><div class="menu_titre">Facturas a clientes</div><a href="/compta/facture/card.php?action=create">Nueva factura</a>
<a href="/compta/facture/list.php?leftmenu=customers_bills">Listado</a><a href="/compta/facture/list.php?search_status=1">Pendientes de cobro</a>
<div class="menu_titre">Buscar</div><form action="/core/search.php" method="post"><input type="text" name="search_all" placeholder="Buscar" aria-label="Buscar" size="14"></form></div><div id="id-right">`;
const DOLIBARR_FOOT = '</div></div></body></html>';

/** The Dolibarr-style app; `invoices[0]` is the one whose card the test opens. */
export function dolibarrApp(invoices: DolibarrInvoice[], customer: DolibarrCustomer): InvoicePage[] {
  const login = `${DOLIBARR_HEAD('Identificación @ 18.0.2')}<div style="max-width:360px;margin:60px auto;text-align:center">
<form id="login" name="login" method="post" action="/login?next=${encodeURIComponent('/compta/facture/list.php?mainmenu=billing&leftmenu=customers_bills')}">
<input type="hidden" name="token" value="9c1f2e"><input type="hidden" name="actionlogin" value="login"><div class="titre">Dolibarr 18.0.2</div>
<p><input type="text" id="username" name="username" placeholder="Usuario" aria-label="Usuario" autocomplete="username"></p>
<p><input type="password" id="password" name="password" placeholder="Contraseña" aria-label="Contraseña" autocomplete="current-password"></p>
<p><input type="submit" class="button" value="Conectar"></p></form></div>${DOLIBARR_FOOT}`;

  const list = `${DOLIBARR_HEAD('Facturas a clientes')}<div class="titre">Facturas a clientes (${invoices.length})</div>
<form method="post" action="/compta/facture/list.php"><table class="noborder centpercent liste"><tr class="liste_titre"><th>Ref.</th><th>Ref. cliente</th><th>Fecha</th><th>Fecha vencimiento</th><th>Tercero</th>
<th class="right">Base imponible</th><th class="right">Importe total</th><th class="right">Estado</th></tr>
${invoices
  .map(
    (inv) =>
      `<tr class="oddeven"><td class="nowraponall"><a href="/compta/facture/card.php?facid=${inv.id}" class="classfortooltip"><span class="fas fa-file-invoice-dollar"></span> ${inv.number}</a></td><td>PO-77${inv.id}</td><td>${inv.date}</td><td>${inv.dueDate}</td>` +
      `<td><a href="/societe/card.php?socid=${customer.id}">${esc(inv.customer)}</a></td><td class="right">${inv.untaxed}</td><td class="right">${inv.amount}</td><td class="right"><span class="badge badge-status1">Pendiente de pago</span></td></tr>`,
  )
  .join('\n')}
</table></form>${DOLIBARR_FOOT}`;

  const [invoice] = invoices;
  if (!invoice) throw new Error('dolibarrApp needs an invoice');
  const file = `${invoice.number}/${invoice.number}.pdf`;
  const documents = (generated: boolean) => `<div class="fichecenter"><div class="fichehalfleft"><a name="builddoc"></a>
<form action="/compta/facture/card.php?facid=${invoice.id}#builddoc" id="builddoc_form" name="builddoc" method="post">
<input type="hidden" name="token" value="9c1f2e"><input type="hidden" name="action" value="builddoc"><input type="hidden" name="id" value="${invoice.id}">
<div class="titre">Documentos</div><table class="liste formdoc noborder centpercent"><tr class="liste_titre"><th colspan="4" class="formdoc liste_titre">
<label for="model">Modelo de documento</label> <select class="flat" id="model" name="model"><option value="sponge">sponge</option><option value="crabe" selected>crabe</option></select>
<select class="flat" id="lang_id" name="lang_id" aria-label="Idioma"><option value="es_ES" selected>Español (España)</option><option value="en_US">English (United States)</option></select>
<input class="button buttongen" id="builddoc_generatebutton" name="builddoc_generatebutton" type="submit" value="Generar"></th></tr>
${
  generated
    ? `<tr class="oddeven"><td class="minwidth200 tdoverflowmax300"><a class="documentdownload paddingright" href="/document.php?modulepart=facture&amp;file=${encodeURIComponent(file)}&amp;entity=1" title="${invoice.number}.pdf"><span class="fa fa-file-pdf"></span> ${invoice.number}.pdf</a>` +
      `<a class="pictopreview documentpreview" href="/document.php?modulepart=facture&amp;attachment=0&amp;file=${encodeURIComponent(file)}&amp;entity=1" mime="application/pdf" target="_blank" title="Vista previa"><span class="fa fa-search-plus"></span></a></td>` +
      `<td class="right">40 Kb</td><td class="right">${invoice.date} 10:14</td><td class="right"><a href="/compta/facture/card.php?facid=${invoice.id}&amp;action=remove_file&amp;file=${encodeURIComponent(file)}" title="Eliminar"><span class="fa fa-trash"></span></a></td></tr>`
    : '<tr class="oddeven"><td colspan="4"><span class="opacitymedium">Ninguno</span></td></tr>'
}
</table></form></div><div class="fichehalfright"><div class="titre">Eventos relacionados</div><table class="noborder centpercent"><tr class="liste_titre"><th>Ref.</th><th>Acción</th><th>Fecha</th><th>Por</th></tr>
<tr class="oddeven"><td>AC-2211</td><td>Factura ${invoice.number} validada</td><td>${invoice.date}</td><td>admin</td></tr></table></div></div>`;

  const card = (generated: boolean) => `${DOLIBARR_HEAD(`${invoice.number} - Factura a cliente`)}
<div class="tabs" data-role="controlgroup"><a class="tab tabactive" id="card" href="/compta/facture/card.php?facid=${invoice.id}">Factura a cliente</a>
<a class="tab" id="contact" href="/compta/facture/contact.php?facid=${invoice.id}">Contactos</a><a class="tab" id="note" href="/compta/facture/note.php?facid=${invoice.id}">Notas</a>
<a class="tab" id="documents" href="/compta/facture/document.php?facid=${invoice.id}">Archivos adjuntos</a><a class="tab" id="info" href="/compta/facture/info.php?facid=${invoice.id}">Eventos</a></div>
<div class="tabBar"><div class="arearef heightref valignmiddle centpercent"><table class="centpercent"><tr><td class="nobordernopadding">
<div class="refid">${invoice.number}</div><div class="refidno">Ref. cliente : PO-77${invoice.id}<br>
Tercero : <a href="/societe/card.php?socid=${customer.id}" class="refurl"><span class="fas fa-building"></span> ${esc(invoice.customer)}</a> - <a href="/compta/facture/list.php?socid=${customer.id}">Listado de facturas</a></div></td>
<td class="statusref"><span class="badge badge-status1">Pendiente de pago</span></td></tr></table></div>
<div class="fichecenter"><div class="fichehalfleft"><table class="border tableforfield centpercent">
<tr><td class="titlefield">Tipo</td><td>Factura estándar</td></tr>
<tr><td>Descuentos</td><td>Este cliente no tiene descuentos relativos por defecto.</td></tr>
<tr><td>Fecha facturación</td><td>${invoice.date}</td></tr><tr><td>Condiciones de pago</td><td>30 días</td></tr>
<tr><td>Fecha límite de pago</td><td>${invoice.dueDate}</td></tr><tr><td>Forma de pago</td><td>Transferencia bancaria</td></tr>
<tr><td>Cuenta bancaria</td><td>Banco Sabadell - ES76 0081 0000 0000 0123 4567</td></tr></table></div>
<div class="fichehalfright"><table class="border tableforfield centpercent">
<tr><td class="titlefieldmiddle">Importe (base imponible)</td><td class="nowrap amountcard right">${invoice.untaxed}</td></tr>
<tr><td>Importe IVA</td><td class="nowrap amountcard right">${invoice.tax}</td></tr>
<tr><td>Importe total</td><td class="nowrap amountcard right">${invoice.amount}</td></tr></table>
<table class="noborder paymenttable centpercent" style="margin-top:12px"><tr class="liste_titre"><td>Pagos</td><td>Fecha</td><td>Tipo</td><td class="right">Importe</td></tr>
<tr><td colspan="3" class="right">Ya pagado :</td><td class="right">0,00</td></tr><tr><td colspan="3" class="right">Facturado :</td><td class="right">${invoice.amount.replace(/\s*€$/, '')}</td></tr>
<tr><td colspan="3" class="right"><b>Pendiente de pago :</b></td><td class="right"><b>${invoice.amount.replace(/\s*€$/, '')}</b></td></tr></table></div></div>
<div class="titre">Líneas</div><table class="noborder noshadow centpercent" id="tablelines"><tr class="liste_titre nodrag nodrop"><td>Descripción</td><td class="right">IVA</td><td class="right">P.U.</td><td class="right">Cant.</td><td class="right">Total base imp.</td></tr>
<tr class="oddeven"><td><a href="/product/card.php?id=3">PRD-0031</a> - Estantería metálica 5 baldas</td><td class="right">21%</td><td class="right">80,00</td><td class="right">25</td><td class="right">2.000,00</td></tr></table>
</div><div class="tabsAction"><a class="butAction" href="/compta/facture/card.php?facid=${invoice.id}&amp;action=modif">Modificar</a>
<a class="butAction" href="/compta/facture/card.php?facid=${invoice.id}&amp;action=presend&amp;mode=init#formmailbeforetitle">Enviar email</a>
<a class="butAction" href="/compta/paiement.php?facid=${invoice.id}&amp;action=create">Registrar pago</a><a class="butAction" href="/compta/facture/card.php?facid=${invoice.id}&amp;action=paid">Clasificar 'Pagada'</a>
<a class="butAction" href="/compta/facture/card.php?facid=${invoice.id}&amp;action=clone">Clonar</a></div>
${documents(generated)}${DOLIBARR_FOOT}`;

  const thirdParty = `${DOLIBARR_HEAD(`${customer.name} - Tercero`)}
<div class="tabs"><a class="tab tabactive" href="/societe/card.php?socid=${customer.id}">Tercero</a><a class="tab" href="/comm/card.php?socid=${customer.id}">Cliente</a>
<a class="tab" href="/societe/contact.php?socid=${customer.id}">Contactos/Direcciones</a><a class="tab" href="/societe/document.php?socid=${customer.id}">Archivos adjuntos</a></div>
<div class="tabBar"><div class="refid">${esc(customer.name)}</div><div class="refidno">Código cliente: CU2612-00005</div>
<div class="fichecenter"><div class="fichehalfleft"><table class="border tableforfield centpercent">
<tr><td class="titlefield">Tipo de tercero</td><td>Cliente</td></tr><tr><td>Código cliente</td><td>CU2612-00005</td></tr>
<tr><td>CIF/NIF</td><td>B12345678</td></tr><tr><td>Dirección</td><td>Calle de la Industria 14<br>46980 Paterna (Valencia)</td></tr>
<tr><td>Correo electrónico</td><td><a href="mailto:${customer.email}">${customer.email}</a></td></tr><tr><td>Teléfono</td><td>+34 961 234 567</td></tr></table></div>
<div class="fichehalfright"><table class="border centpercent"><tr><td class="titlefield">Facturas pendientes</td><td class="right">${invoices.length}</td></tr></table></div></div></div>${DOLIBARR_FOOT}`;

  const setup = `${DOLIBARR_HEAD('Configuración')}<div class="titre">Empresa/Organización</div><form method="post" action="/admin/company.php"><table class="noborder centpercent">
<tr class="liste_titre"><th>Parámetro</th><th>Valor</th></tr>
<tr><td><label for="name">Nombre/Razón social</label></td><td><input id="name" name="name" value="Distribuciones Levante S.L."></td></tr>
<tr><td><label for="email">Correo electrónico</label></td><td><input id="email" name="mail" value="facturas@distribucioneslevante.example"></td></tr>
<tr><td><label for="currency">Moneda principal</label></td><td><select id="currency" name="currency"><option selected>Euros (€)</option></select></td></tr>
<tr><td><label for="FACTURE_ADDON">Numeración de facturas</label></td><td><input id="FACTURE_ADDON" name="FACTURE_ADDON" value="mod_facture_terre (FA2612-0001)"></td></tr>
</table><input type="submit" class="button" value="Modificar"></form>${DOLIBARR_FOOT}`;

  return [
    { path: '/index.php', html: login },
    { path: '/compta/facture/list.php', html: list },
    { path: '/compta/facture/card.php', html: card(false), changedBy: { method: 'POST', html: card(true) } },
    { path: '/societe/card.php', html: thirdParty },
    { path: '/admin/index.php', html: setup },
    {
      path: '/none/dolibarr',
      html: '',
      pdf: { path: '/document.php', bytes: invoice.pdf, contentType: 'application/pdf', disposition: `attachment; filename="${invoice.number}.pdf"` },
    },
  ];
}

export interface NinjaInvoice extends AppInvoice {
  /** The app's hashed id in its routes ("Opnel5aKBz"). */
  id: string;
  /** As the editor shows them, like `amount` (`1 230,00 zł`). */
  untaxed: string;
  tax: string;
  date: string;
  dueDate: string;
  contact: { name: string; email: string };
}

/**
 * An Invoice-Ninja-v5-style single-page app in Polish, routed with the history API: `/invoices`,
 * `/invoices/<id>/edit` and `/settings` are one shell that renders after its API calls, in pieces (the
 * header, then the client's card, then the totals); the editor's values are in inputs (the number, the
 * dates), the client a combobox with its contacts as checkboxes (name and e-mail), the totals in a
 * list of label and value; the PDF preview an `<iframe>` whose `src` is a `blob:` URL made from a POST
 * to `/api/v1/live_preview`, and "Pobierz PDF" in the More menu the same PDF as a `blob:` download.
 */
export function ninjaApp(invoices: NinjaInvoice[]): InvoicePage[] {
  const shell = `<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>Invoice Ninja</title>
<style>body{margin:0;font:14px Inter,system-ui,sans-serif;color:#111827;background:#f3f4f6;display:flex}
nav.sidebar{width:220px;background:#1f2937;min-height:100vh;padding:12px;box-sizing:border-box} nav.sidebar a{display:block;color:#d1d5db;padding:8px;text-decoration:none;border-radius:4px}
nav.sidebar a.active{background:#374151;color:#fff} main{flex:1;min-width:0} .topbar{display:flex;align-items:center;gap:12px;height:64px;background:#fff;padding:0 24px;border-bottom:1px solid #e5e7eb}
.topbar h2{margin:0;font-size:18px} .actions{margin-left:auto;display:flex;gap:8px;position:relative} .btn{border:1px solid #d1d5db;background:#fff;border-radius:4px;padding:6px 14px;cursor:pointer}
.btn.primary{background:#2563eb;color:#fff;border-color:#2563eb} .menu{position:absolute;right:0;top:40px;background:#fff;border:1px solid #e5e7eb;border-radius:4px;min-width:200px;z-index:20}
.menu button{display:block;width:100%;text-align:left;border:0;background:none;padding:8px 12px;cursor:pointer} .menu button:hover{background:#f3f4f6}
.content{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:16px;padding:16px 24px} .card{background:#fff;border-radius:6px;padding:16px;box-shadow:0 1px 2px #0001;margin-bottom:16px}
.card h3{margin:0 0 12px;font-size:15px} .row{display:grid;grid-template-columns:160px 1fr;align-items:center;gap:8px;margin-bottom:8px} .row input{border:1px solid #d1d5db;border-radius:4px;padding:6px}
.tabs{display:flex;gap:16px;padding:0 24px;background:#fff;border-bottom:1px solid #e5e7eb} .tabs a{padding:12px 0;color:#6b7280;text-decoration:none} .tabs a[aria-selected="true"]{color:#2563eb;border-bottom:2px solid #2563eb}
table{width:100%;border-collapse:collapse} th,td{text-align:left;padding:8px;border-bottom:1px solid #e5e7eb} dl.totals{display:grid;grid-template-columns:1fr auto;gap:6px 24px;margin:0}
dl.totals dd{margin:0;text-align:right} iframe.preview{width:100%;height:720px;border:1px solid #e5e7eb;background:#fff}</style></head>
<body><nav class="sidebar"><div style="color:#fff;font-weight:600;padding:8px 8px 16px">Studio Wierzba</div>
<a href="/dashboard" data-route>Panel</a><a href="/clients" data-route>Klienci</a><a href="/invoices" data-route id="nav-invoices">Faktury</a><a href="/settings" data-route id="nav-settings">Ustawienia</a></nav>
<main id="app"></main>
<script>
  const app = document.getElementById('app');
  const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  const api = async (path, init) => (await fetch('/api/v1/' + path, { credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest' }, ...init }));
  const wait = (ms) => new Promise((r) => setTimeout(r, ms));
  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[data-route]');
    if (!link) return;
    event.preventDefault();
    history.pushState({}, '', link.getAttribute('href'));
    render();
  });
  addEventListener('popstate', render);
  function saveBlob(blob, name) {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }
  async function render() {
    const path = location.pathname;
    const key = path;
    let match;
    app.innerHTML = '<div class="topbar"><h2>Ładowanie…</h2></div>';
    if (path === '/invoices') {
      const list = await (await api('invoices')).json();
      if (location.pathname !== key) return;
      app.innerHTML = '<div class="topbar"><h2>Faktury</h2><div class="actions"><button class="btn primary">Nowa faktura</button></div></div><div style="padding:16px 24px"><div class="card"><table><thead><tr><th>Status</th><th>Numer</th><th>Klient</th><th>Kwota</th><th>Saldo</th><th>Data</th></tr></thead><tbody>' +
        list.data.map((i) => '<tr><td>Wysłana</td><td><a data-route href="/invoices/' + i.id + '/edit">' + esc(i.number) + '</a></td><td>' + esc(i.client) + '</td><td>' + esc(i.amount) + '</td><td>' + esc(i.amount) + '</td><td>' + i.date + '</td></tr>').join('') +
        '</tbody></table></div></div>';
    } else if ((match = /^\\/invoices\\/(\\w+)\\/edit$/.exec(path))) {
      const id = match[1];
      const invoice = (await (await api('invoices/' + id)).json()).data;
      if (location.pathname !== key) return;
      app.innerHTML = '<div class="topbar"><span style="color:#6b7280"><a data-route href="/invoices">Faktury</a> / Edytuj fakturę</span><h2>Edytuj fakturę</h2>' +
        '<div class="actions"><button class="btn primary" type="button">Zapisz</button><button class="btn" type="button" id="more" aria-haspopup="menu">Więcej ▾</button>' +
        '<div class="menu" id="more-menu" role="menu" hidden><button role="menuitem" type="button" id="download-pdf">Pobierz PDF</button><button role="menuitem" type="button">Wyślij e-mail</button>' +
        '<button role="menuitem" type="button">Klonuj do oferty</button><button role="menuitem" type="button">Archiwizuj</button></div></div></div>' +
        '<div class="tabs" role="tablist"><a role="tab" aria-selected="true" href="#">Edytuj</a><a role="tab" href="#">Dokumenty</a><a role="tab" href="#">Ustawienia</a><a role="tab" href="#">Aktywność</a><a role="tab" href="#">Historia</a></div>' +
        '<div class="content"><div id="editor"><div class="card" id="client-card"><h3>Klient</h3><p>Ładowanie…</p></div><div class="card" id="details-card"></div><div class="card" id="totals-card"></div></div>' +
        '<div><div class="card"><h3>Podgląd</h3><iframe class="preview" id="preview" title="Podgląd PDF"></iframe></div></div></div>';
      document.getElementById('more').addEventListener('click', () => { const m = document.getElementById('more-menu'); m.hidden = !m.hidden; });
      document.getElementById('download-pdf').addEventListener('click', async () => {
        document.getElementById('more-menu').hidden = true;
        const blob = await (await api('invoices/' + id + '/download')).blob();
        saveBlob(new Blob([blob], { type: 'application/pdf' }), 'Faktura_' + invoice.number.replace(/\\//g, '_') + '.pdf');
      });
      await wait(250);
      if (location.pathname !== key) return;
      document.getElementById('details-card').innerHTML = '<h3>Szczegóły</h3>' +
        '<div class="row"><label for="number">Numer faktury</label><input id="number" name="number" value="' + esc(invoice.number) + '"></div>' +
        '<div class="row"><label for="date">Data faktury</label><input id="date" name="date" value="' + invoice.date + '"></div>' +
        '<div class="row"><label for="due_date">Termin płatności</label><input id="due_date" name="due_date" value="' + invoice.dueDate + '"></div>' +
        '<div class="row"><label for="po_number">Numer zamówienia</label><input id="po_number" name="po_number" value=""></div>' +
        '<div class="row"><label for="discount">Rabat</label><input id="discount" name="discount" value="0"></div>';
      await wait(250);
      if (location.pathname !== key) return;
      document.getElementById('client-card').innerHTML = '<h3>Klient</h3><div class="row"><label for="client_id">Klient</label><input id="client_id" role="combobox" aria-expanded="false" value="' + esc(invoice.client) + '"></div>' +
        '<div style="margin-left:168px"><label><input type="checkbox" name="invitations" checked> ' + esc(invoice.contact.name) + ' <span style="color:#6b7280">' + esc(invoice.contact.email) + '</span></label></div>';
      document.getElementById('totals-card').innerHTML = '<h3>Podsumowanie</h3><dl class="totals"><dt>Suma netto</dt><dd>' + esc(invoice.untaxed) + '</dd><dt>VAT 23%</dt><dd>' + esc(invoice.tax) +
        '</dd><dt>Razem</dt><dd>' + esc(invoice.amount) + '</dd><dt>Zapłacono</dt><dd>0,00 zł</dd><dt><b>Saldo należne</b></dt><dd><b>' + esc(invoice.amount) + '</b></dd></dl>';
      const preview = await api('live_preview/' + id, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ entity: 'invoice', entity_id: id }) });
      if (location.pathname !== key) return;
      document.getElementById('preview').src = URL.createObjectURL(await preview.blob());
    } else if (path === '/settings') {
      app.innerHTML = '<div class="topbar"><h2>Ustawienia</h2></div><div style="padding:16px 24px"><div class="card"><h3>Dane firmy</h3>' +
        '<div class="row"><label for="name">Nazwa</label><input id="name" value="Studio Wierzba"></div><div class="row"><label for="email">E-mail</label><input id="email" type="email" value="biuro@studiowierzba.example"></div>' +
        '<div class="row"><label for="vat">NIP</label><input id="vat" value="PL5213456789"></div><div class="row"><label for="next">Następny numer faktury</label><input id="next" value="FV/2026/0044"></div></div></div>';
    } else {
      app.innerHTML = '<div class="topbar"><h2>Panel</h2></div><p style="padding:24px">Witaj ponownie.</p>';
    }
  }
  render();
</script></body></html>`;

  const record = (invoice: NinjaInvoice) => ({
    id: invoice.id,
    number: invoice.number,
    client: invoice.customer,
    amount: invoice.amount,
    untaxed: invoice.untaxed,
    tax: invoice.tax,
    date: invoice.date,
    dueDate: invoice.dueDate,
    contact: invoice.contact,
  });
  return [
    { path: '/invoices', prefix: true, html: shell },
    { path: '/settings', html: shell },
    { path: '/api/v1/invoices', html: JSON.stringify({ data: invoices.map(record) }), contentType: 'application/json', delayMs: 200 },
    ...invoices.flatMap((invoice) => [
      { path: `/api/v1/invoices/${invoice.id}`, html: JSON.stringify({ data: record(invoice) }), contentType: 'application/json', delayMs: 500 },
      {
        path: `/none/${invoice.id}`,
        html: '',
        pdfs: [
          { path: `/api/v1/live_preview/${invoice.id}`, bytes: invoice.pdf, contentType: 'application/pdf' },
          { path: `/api/v1/invoices/${invoice.id}/download`, bytes: invoice.pdf, contentType: 'application/pdf', disposition: `attachment; filename="${invoice.number.replace(/\//g, '_')}.pdf"` },
        ],
      },
    ]),
  ];
}
