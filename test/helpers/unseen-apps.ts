/**
 * Two whole invoicing apps for test/e2e/unseen-apps.test.ts, modelled on how two open-source apps the
 * other tests do not use render their screens, each with a sign-in, a list, an invoice, a settings
 * screen and the app's own way of making the PDF:
 *
 * - `webErpApp`: the 2000s school, like webERP (PHP, table layout): a German customer account
 *   (`CustomerInquiry.php`), the invoice screen (`PrintCustTrans.php`) whose values sit in readonly
 *   inputs and selects with labels, its PDF made by the screen's own form (a POST with the
 *   transaction number, `PrintPDF`), no `lang` attribute anywhere;
 * - `booksApp`: a hash-routed single-page app laid out like Frappe Books' forms (a label over each
 *   value, the document's name as the title, a status badge): `#/invoices`, `#/invoices/<id>` rendered
 *   after its API call, the customer's e-mail only on the customer's screen, and the PDF made by a
 *   toolbar button that fetches it as base64 and clicks a temporary `blob:` download link.
 */
import type { InvoicePage } from './invoice-site';

export interface AppInvoice {
  number: string;
  customer: string;
  /** As the screen shows it. */
  amount: string;
  pdf: Buffer;
}

const XHTML_HEAD = (title: string) => `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>webERP - ${title}</title>
<style>body{font:12px Verdana,sans-serif;background:#fff;margin:0} td.tableheader{background:#800000;color:#fff;font-weight:bold}
.menu td{background:#800000} .menu a{color:#fff;font-weight:bold;text-decoration:none;padding:0 8px}</style></head><body>`;

const WEBERP_MENU = `<table class="menu" width="100%" cellpadding="4" cellspacing="0"><tr><td>
<a href="/index.php">Hauptmenü</a><a href="/CustomerInquiry.php?CustomerID=MUELLER">Kunden</a><a href="/SystemParameters.php">Einstellungen</a><a href="/Logout.php">Abmelden</a>
</td><td align="right" style="color:#fff">Webshop Nord GmbH | Anna Berg</td></tr></table>`;

/** The webERP-style app; `invoice` is the one on its invoice screen, `others` more rows of the customer's account. */
export function webErpApp(invoice: AppInvoice & { transNo: string; email: string }): InvoicePage[] {
  const login = `${XHTML_HEAD('Anmeldung')}
<form action="/login" method="get"><input type="hidden" name="next" value="/CustomerInquiry.php?CustomerID=MUELLER" />
<table align="center" cellpadding="4" style="margin-top:80px;border:1px solid #800000">
<tr><td colspan="2" class="tableheader">webERP Anmeldung</td></tr>
<tr><td><label for="UserNameEntryField">Benutzername:</label></td><td><input type="text" id="UserNameEntryField" name="UserNameEntryField" /></td></tr>
<tr><td><label for="Password">Passwort:</label></td><td><input type="password" id="Password" name="Password" /></td></tr>
<tr><td colspan="2" align="center"><input type="submit" id="SubmitUser" value="Anmelden" /></td></tr>
</table></form></body></html>`;

  const rows = [
    ['Rechnung', invoice.transNo, '07.12.2026', invoice.amount, `/PrintCustTrans.php?FromTransNo=${invoice.transNo}&amp;InvOrCredit=Invoice`],
    ['Rechnung', '10418', '28.11.2026', '845,50', '/PrintCustTrans.php?FromTransNo=10418&amp;InvOrCredit=Invoice'],
    ['Gutschrift', '207', '30.11.2026', '-120,00', '/PrintCustTrans.php?FromTransNo=207&amp;InvOrCredit=Credit'],
    ['Zahlung', '3391', '01.12.2026', '-845,50', ''],
  ];
  const inquiry = `${XHTML_HEAD('Kundenkonto')}${WEBERP_MENU}
<p class="page_title_text"><b>Kundenkonto: ${invoice.customer}</b> - Alle Beträge in EUR</p>
<table width="100%" cellpadding="2"><tr><td class="tableheader">Typ</td><td class="tableheader">Nummer</td><td class="tableheader">Datum</td>
<td class="tableheader">Betrag</td><td class="tableheader">Offen</td><td class="tableheader"></td></tr>
${rows
  .map(
    ([type, no, date, total, href], i) =>
      `<tr bgcolor="${i % 2 ? '#CCCCCC' : '#EEEEEE'}"><td>${type}</td><td>${no}</td><td>${date}</td><td align="right">${total}</td><td align="right">${i === 0 ? total : '0,00'}</td>` +
      `<td>${href ? `<a href="${href}">Anzeigen</a>` : ''}</td></tr>`,
  )
  .join('\n')}
</table></body></html>`;

  const screen = `${XHTML_HEAD(`Rechnung ${invoice.transNo}`)}${WEBERP_MENU}
<table width="100%"><tr><td valign="top" width="10%"><img src="/companies/weberp/logo.jpg" alt="" width="80" height="40" /></td>
<td bgcolor="#BBBBBB"><b><font size="4">RECHNUNG </font></b>Nummer ${invoice.transNo}<br /><font size="1">Steuernummer DE 123 456 789</font></td></tr></table>
<form action="/PDFCustTrans.php" method="post" target="_blank">
<input type="hidden" name="FormID" value="9f2c1b7e" />
<table cellpadding="3" cellspacing="0" border="0">
<tr><td><label for="FromTransNo">Rechnungsnummer:</label></td><td><input type="text" id="FromTransNo" name="FromTransNo" value="${invoice.transNo}" size="7" readonly="readonly" /></td>
<td><label for="InvOrCredit">Belegart:</label></td><td><select id="InvOrCredit" name="InvOrCredit"><option value="Invoice" selected="selected">Rechnungen</option><option value="Credit">Gutschriften</option></select></td></tr>
<tr><td><label for="DebtorNo">Kunde:</label></td><td><select id="DebtorNo" name="DebtorNo" disabled="disabled"><option value="MUELLER" selected="selected">${invoice.customer}</option><option value="BAUER">Bauer &amp; Söhne KG</option></select></td>
<td><label for="CustEmail">E-Mail:</label></td><td><input type="text" id="CustEmail" value="${invoice.email}" size="36" readonly="readonly" /></td></tr>
<tr><td><label for="TranDate">Rechnungsdatum:</label></td><td><input type="text" id="TranDate" value="07.12.2026" size="10" readonly="readonly" /></td>
<td><label for="DueDate">Fällig am:</label></td><td><input type="text" id="DueDate" value="21.12.2026" size="10" readonly="readonly" /></td></tr>
<tr><td><label for="Terms">Zahlungsbedingungen:</label></td><td colspan="3"><select id="Terms" disabled="disabled"><option selected="selected">14 Tage netto</option></select></td></tr>
</table>
<table width="100%" cellpadding="5"><tr><td class="tableheader">Artikelnummer</td><td class="tableheader">Beschreibung</td><td class="tableheader">Menge</td>
<td class="tableheader">Einheit</td><td class="tableheader">Preis</td><td class="tableheader">Rabatt</td><td class="tableheader">Netto</td></tr>
<tr bgcolor="#EEEEEE"><td>HYD-220</td><td>Hydraulikpumpe 220 bar</td><td align="right">2,00</td><td align="right">Stk</td><td align="right">850,00</td><td align="right"></td><td align="right">1.700,00</td></tr>
<tr bgcolor="#CCCCCC"><td>SRV-01</td><td>Montage vor Ort</td><td align="right">4,00</td><td align="right">Std</td><td align="right">75,00</td><td align="right"></td><td align="right">300,00</td></tr>
</table>
<table align="right" cellpadding="3">
<tr><td><label for="SubTotal">Zwischensumme:</label></td><td><input type="text" id="SubTotal" value="2.000,00" size="12" readonly="readonly" style="text-align:right" /></td></tr>
<tr><td><label for="TaxTotal">MwSt. 19%:</label></td><td><input type="text" id="TaxTotal" value="380,00" size="12" readonly="readonly" style="text-align:right" /></td></tr>
<tr><td><label for="InvTotal"><b>Rechnungsbetrag:</b></label></td><td><input type="text" id="InvTotal" value="${invoice.amount}" size="12" readonly="readonly" style="text-align:right;font-weight:bold" />
<select id="CurrCode" disabled="disabled" aria-label="Währung"><option selected="selected">EUR</option></select></td></tr>
</table>
<br clear="all" /><div class="centre"><input type="submit" name="PrintPDF" value="PDF drucken" /> <input type="button" value="Zurück" onclick="history.back()" /></div>
</form></body></html>`;

  const settings = `${XHTML_HEAD('Systemeinstellungen')}${WEBERP_MENU}
<p class="page_title_text"><b>Systemeinstellungen</b></p>
<form action="/SystemParameters.php" method="post"><table cellpadding="3">
<tr><td><label for="DefaultDateFormat">Datumsformat:</label></td><td><select id="DefaultDateFormat" name="X_DefaultDateFormat"><option selected="selected">d.m.Y</option><option>m/d/Y</option></select></td></tr>
<tr><td><label for="PastDueDays1">Tage überfällig (1):</label></td><td><input type="text" id="PastDueDays1" name="X_PastDueDays1" value="30" size="3" /></td></tr>
<tr><td><label for="RomalpaClause">Eigentumsvorbehalt:</label></td><td><textarea id="RomalpaClause" name="X_RomalpaClause" rows="3" cols="40">Die Ware bleibt bis zur vollständigen Bezahlung unser Eigentum.</textarea></td></tr>
<tr><td><label for="SMTPServer">E-Mail-Server:</label></td><td><input type="text" id="SMTPServer" name="X_SMTPServer" value="localhost" /></td></tr>
</table><input type="submit" name="submit" value="Aktualisieren" /></form></body></html>`;

  return [
    { path: '/index.php', html: login },
    { path: '/CustomerInquiry.php', html: inquiry },
    { path: '/SystemParameters.php', html: settings },
    {
      path: '/PrintCustTrans.php',
      html: screen,
      pdf: {
        path: '/PDFCustTrans.php',
        bytes: invoice.pdf,
        contentType: 'application/pdf',
        disposition: `inline; filename=Invoice${invoice.transNo}.pdf`,
        postedForm: { FromTransNo: invoice.transNo, InvOrCredit: 'Invoice', PrintPDF: 'PDF drucken' },
      },
    },
  ];
}

export interface BooksInvoice extends AppInvoice {
  id: number;
  customerId: number;
}

/** The Frappe-Books-style single-page app at `/books`, its API under `/api/`. */
export function booksApp(invoices: BooksInvoice[], customer: { id: number; name: string; email: string }, delayMs = 700): InvoicePage[] {
  const shell = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Frappe Books</title>
<style>body{margin:0;font:14px Inter,system-ui,sans-serif;color:#1f2937;display:flex}
aside{width:200px;background:#f9fafb;min-height:100vh;padding:16px;box-sizing:border-box} aside a{display:block;padding:6px 0;color:#374151;text-decoration:none}
main{flex:1;padding:0 24px} .page-header{display:flex;align-items:center;gap:12px;height:56px;border-bottom:1px solid #e5e7eb}
.page-header .title{font-size:18px;font-weight:600} .badge{background:#fef3c7;color:#92400e;border-radius:6px;padding:2px 8px;font-size:12px}
.toolbar{margin-left:auto;display:flex;gap:8px} .toolbar button{border:0;border-radius:6px;padding:6px 12px;background:#f3f4f6}
.toolbar button.primary{background:#111827;color:#fff} .grid{display:grid;grid-template-columns:repeat(3,1fr);gap:16px;padding:16px 0}
.field .label{font-size:12px;color:#6b7280;margin-bottom:4px} .field input{width:100%;border:0;background:#f3f4f6;border-radius:6px;padding:6px;box-sizing:border-box}
table{width:100%;border-collapse:collapse} td,th{text-align:left;padding:8px;border-bottom:1px solid #f3f4f6}</style></head>
<body><aside><div style="font-weight:600;margin-bottom:16px">Northern Tools Ltd</div>
<a href="#/" id="nav-dashboard">Dashboard</a><a href="#/invoices" id="nav-invoices">Sales Invoices</a><a href="#/customers" id="nav-customers">Customers</a><a href="#/settings" id="nav-settings">Settings</a></aside>
<main id="app"><div class="page-header"><span class="title">Loading…</span></div></main>
<script>
  const app = document.getElementById('app');
  const api = async (path) => (await fetch('/api/' + path, { credentials: 'same-origin' })).json();
  const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  const field = (label, value) => '<div class="field"><div class="label">' + label + '</div><input readonly value="' + esc(value) + '"></div>';
  async function savePdf(name) {
    const { data } = await api('invoices/' + name + '/pdf');
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name + '.pdf';
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
  async function render() {
    const route = location.hash.slice(1) || '/';
    app.innerHTML = '<div class="page-header"><span class="title">Loading…</span></div>';
    let match;
    if (route === '/invoices') {
      const list = await api('invoices');
      if (location.hash.slice(1) !== route) return;
      app.innerHTML = '<div class="page-header"><span class="title">Sales Invoices</span><div class="toolbar"><button class="primary">+ New</button></div></div>' +
        '<table><thead><tr><th>Name</th><th>Customer</th><th>Date</th><th>Grand Total</th><th>Status</th></tr></thead><tbody>' +
        list.map((row) => '<tr><td><a href="#/invoices/' + row.id + '">' + esc(row.name) + '</a></td><td>' + esc(row.party) + '</td><td>' + row.date +
          '</td><td>' + esc(row.grandTotal) + '</td><td><span class="badge">Unpaid</span></td></tr>').join('') + '</tbody></table>';
    } else if ((match = /^\\/invoices\\/(\\d+)$/.exec(route))) {
      const doc = await api('invoices/' + match[1]);
      if (location.hash.slice(1) !== route) return;
      app.innerHTML = '<div class="page-header"><span class="crumb">Sales Invoice</span><span class="title">' + esc(doc.name) + '</span><span class="badge">Unpaid</span>' +
        '<div class="toolbar"><button type="button" id="save-pdf">Save as PDF</button><button type="button">Print</button><button type="button" class="primary">Make Payment</button></div></div>' +
        '<div class="grid">' + field('Customer', doc.party) + field('Date', doc.date) + field('Due Date', doc.dueDate) + field('Account', 'Debtors') + '</div>' +
        '<p><a href="#/customers/' + doc.customerId + '">Open customer</a></p>' +
        '<table><thead><tr><th>Item</th><th>Quantity</th><th>Rate</th><th>Amount</th></tr></thead><tbody><tr><td>Consulting</td><td>10</td><td>$125.00</td><td>$1,250.00</td></tr></tbody></table>' +
        '<div class="grid">' + field('Net Total', doc.netTotal) + field('Grand Total', doc.grandTotal) + field('Outstanding Amount', doc.grandTotal) + '</div>';
      document.getElementById('save-pdf').addEventListener('click', () => savePdf(doc.name));
    } else if ((match = /^\\/customers\\/(\\d+)$/.exec(route))) {
      const party = await api('customers/' + match[1]);
      if (location.hash.slice(1) !== route) return;
      app.innerHTML = '<div class="page-header"><span class="crumb">Party</span><span class="title">' + esc(party.name) + '</span></div>' +
        '<div class="grid">' + field('Email', party.email) + field('Phone', '+44 20 7946 0000') + field('Currency', 'USD') + '</div>';
    } else if (route === '/settings') {
      app.innerHTML = '<div class="page-header"><span class="title">Settings</span></div><div class="grid">' + field('Company Name', 'Northern Tools Ltd') +
        field('Email', 'accounts@northern-tools.example') + field('Date Format', 'dd/MM/yyyy') + field('Currency', 'USD') + '</div>';
    } else {
      app.innerHTML = '<div class="page-header"><span class="title">Dashboard</span></div><p>Welcome back.</p>';
    }
  }
  addEventListener('hashchange', render);
  render();
</script></body></html>`;

  const summary = (invoice: BooksInvoice) => ({
    id: invoice.id,
    name: invoice.number,
    party: invoice.customer,
    customerId: invoice.customerId,
    date: '2026-12-07',
    dueDate: '2026-12-21',
    netTotal: invoice.amount,
    grandTotal: invoice.amount,
  });
  return [
    { path: '/books', html: shell },
    { path: '/api/invoices', html: JSON.stringify(invoices.map(summary)), contentType: 'application/json', delayMs: 200 },
    ...invoices.flatMap((invoice) => [
      { path: `/api/invoices/${invoice.id}`, html: JSON.stringify(summary(invoice)), contentType: 'application/json', delayMs },
      { path: `/api/invoices/${invoice.number}/pdf`, html: JSON.stringify({ data: invoice.pdf.toString('base64') }), contentType: 'application/json' },
    ]),
    { path: `/api/customers/${customer.id}`, html: JSON.stringify(customer), contentType: 'application/json', delayMs: 200 },
  ];
}
