/**
 * The built-in message templates in the languages of the pages we read beyond the ones Ownpost speaks
 * (TEMPLATE_LANGUAGES): an Italian invoice page sends the customer an Italian mail. Each is written as a
 * bookkeeper in that country writes to a customer: the formal register, the country's word for each
 * document (Spain's "albarán", Italy's "documento di trasporto", Hungary's "díjbekérő"), and a greeting
 * that still reads well when the page shows no customer name. Where a language puts a comma before the
 * name ("Bom dia, …"), the name is an optional phrase, so a missing one leaves no stray comma. French puts a no-break space
 * (U+00A0) before a colon, as French typography does, so the colon never starts a line.
 */
import type { TemplateLanguage, Language } from './languages';
import type { TemplateTexts } from './message-templates';

export const FURTHER_LANGUAGE_TEMPLATES: Readonly<Record<Exclude<TemplateLanguage, Language>, TemplateTexts>> = {
  fi: {
    invoice: {
      subject: 'Lasku {documentNumber}',
      message: 'Hei {customerName},\n\nLiitteenä lasku {documentNumber}.\nMaksettava summa: {amount}\nEräpäivä: {dueDate}\n\nYstävällisin terveisin\n{senderName}',
    },
    'credit-note': {
      subject: 'Hyvityslasku {documentNumber}',
      message: 'Hei {customerName},\n\nLiitteenä hyvityslasku {documentNumber}[, summa {amount}].\n\nYstävällisin terveisin\n{senderName}',
    },
    quote: {
      subject: 'Tarjous {documentNumber}',
      message: 'Hei {customerName},\n\nKiitos kiinnostuksestanne. Liitteenä tarjouksemme {documentNumber}[, summa {amount}][, voimassa {dueDate} asti].\n\nYstävällisin terveisin\n{senderName}',
    },
    'order-confirmation': {
      subject: 'Tilausvahvistus {documentNumber}',
      message: 'Hei {customerName},\n\nKiitos tilauksestanne. Liitteenä tilausvahvistus {documentNumber}.\n\nYstävällisin terveisin\n{senderName}',
    },
    reminder: {
      subject: 'Maksumuistutus: lasku {documentNumber}',
      message:
        'Hei {customerName},\n\nKirjanpitomme mukaan lasku {documentNumber}[ ({amount})] on vielä maksamatta[ (eräpäivä {dueDate})]. Mikäli olette jo maksaneet laskun, voitte jättää tämän viestin huomiotta.\n\nYstävällisin terveisin\n{senderName}',
    },
    proforma: {
      subject: 'Proformalasku {documentNumber}',
      message: 'Hei {customerName},\n\nLiitteenä proformalasku {documentNumber}[, summa {amount}].\n\nYstävällisin terveisin\n{senderName}',
    },
    receipt: {
      subject: 'Kuitti {documentNumber}',
      message: 'Hei {customerName},\n\nKiitos maksustanne[ ({amount})]. Liitteenä kuitti {documentNumber}.\n\nYstävällisin terveisin\n{senderName}',
    },
    'delivery-note': {
      subject: 'Lähetysluettelo {documentNumber}',
      message: 'Hei {customerName},\n\nLiitteenä tilaustanne koskeva lähetysluettelo {documentNumber}.\n\nYstävällisin terveisin\n{senderName}',
    },
  },
  nl: {
    invoice: {
      subject: 'Factuur {documentNumber}',
      message: 'Goedendag {customerName},\n\nHierbij ontvangt u factuur {documentNumber}.\nTe betalen: {amount}\nVervaldatum: {dueDate}\n\nMet vriendelijke groet,\n{senderName}',
    },
    'credit-note': {
      subject: 'Creditfactuur {documentNumber}',
      message: 'Goedendag {customerName},\n\nHierbij ontvangt u creditfactuur {documentNumber}[ van {amount}].\n\nMet vriendelijke groet,\n{senderName}',
    },
    quote: {
      subject: 'Offerte {documentNumber}',
      message:
        'Goedendag {customerName},\n\nHartelijk dank voor uw interesse. Hierbij ontvangt u onze offerte {documentNumber}[ van {amount}][, geldig tot {dueDate}].\n\nMet vriendelijke groet,\n{senderName}',
    },
    'order-confirmation': {
      subject: 'Orderbevestiging {documentNumber}',
      message: 'Goedendag {customerName},\n\nHartelijk dank voor uw bestelling. Hierbij ontvangt u orderbevestiging {documentNumber}.\n\nMet vriendelijke groet,\n{senderName}',
    },
    reminder: {
      subject: 'Betalingsherinnering: factuur {documentNumber}',
      message:
        'Goedendag {customerName},\n\nVolgens onze administratie is factuur {documentNumber}[ van {amount}] nog niet voldaan[ (vervaldatum {dueDate})]. Heeft u inmiddels betaald, dan kunt u dit bericht als niet verzonden beschouwen.\n\nMet vriendelijke groet,\n{senderName}',
    },
    proforma: {
      subject: 'Proformafactuur {documentNumber}',
      message: 'Goedendag {customerName},\n\nHierbij ontvangt u proformafactuur {documentNumber}[ van {amount}].\n\nMet vriendelijke groet,\n{senderName}',
    },
    receipt: {
      subject: 'Kwitantie {documentNumber}',
      message: 'Goedendag {customerName},\n\nHartelijk dank voor uw betaling[ van {amount}]. Hierbij ontvangt u kwitantie {documentNumber}.\n\nMet vriendelijke groet,\n{senderName}',
    },
    'delivery-note': {
      subject: 'Pakbon {documentNumber}',
      message: 'Goedendag {customerName},\n\nHierbij ontvangt u pakbon {documentNumber} bij uw bestelling.\n\nMet vriendelijke groet,\n{senderName}',
    },
  },
  fr: {
    invoice: {
      subject: 'Facture {documentNumber}',
      message:
        'Bonjour {customerName},\n\nVeuillez trouver ci-joint la facture {documentNumber}.\nMontant à régler\u00a0: {amount}\nDate d’échéance\u00a0: {dueDate}\n\nBien cordialement,\n{senderName}',
    },
    'credit-note': {
      subject: 'Avoir {documentNumber}',
      message: 'Bonjour {customerName},\n\nVeuillez trouver ci-joint l’avoir {documentNumber}[ d’un montant de {amount}].\n\nBien cordialement,\n{senderName}',
    },
    quote: {
      subject: 'Devis {documentNumber}',
      message:
        'Bonjour {customerName},\n\nNous vous remercions de l’intérêt que vous nous portez. Veuillez trouver ci-joint notre devis {documentNumber}[ d’un montant de {amount}][, valable jusqu’au {dueDate}].\n\nBien cordialement,\n{senderName}',
    },
    'order-confirmation': {
      subject: 'Confirmation de commande {documentNumber}',
      message: 'Bonjour {customerName},\n\nNous vous remercions de votre commande. Veuillez trouver ci-joint la confirmation de commande {documentNumber}.\n\nBien cordialement,\n{senderName}',
    },
    reminder: {
      subject: 'Rappel de paiement\u00a0: facture {documentNumber}',
      message:
        'Bonjour {customerName},\n\nSauf erreur de notre part, la facture {documentNumber}[ d’un montant de {amount}] reste impayée à ce jour[ (échéance\u00a0: {dueDate})]. Si vous avez déjà procédé au règlement, nous vous prions de ne pas tenir compte de ce message.\n\nBien cordialement,\n{senderName}',
    },
    proforma: {
      subject: 'Facture proforma {documentNumber}',
      message: 'Bonjour {customerName},\n\nVeuillez trouver ci-joint la facture proforma {documentNumber}[ d’un montant de {amount}].\n\nBien cordialement,\n{senderName}',
    },
    receipt: {
      subject: 'Reçu {documentNumber}',
      message: 'Bonjour {customerName},\n\nNous vous remercions de votre règlement[ de {amount}]. Veuillez trouver ci-joint le reçu {documentNumber}.\n\nBien cordialement,\n{senderName}',
    },
    'delivery-note': {
      subject: 'Bon de livraison {documentNumber}',
      message: 'Bonjour {customerName},\n\nVeuillez trouver ci-joint le bon de livraison {documentNumber} relatif à votre commande.\n\nBien cordialement,\n{senderName}',
    },
  },
  es: {
    invoice: {
      subject: 'Factura {documentNumber}',
      message: 'Estimado/a cliente:\n\nLe adjuntamos la factura {documentNumber}.\nImporte a pagar: {amount}\nFecha de vencimiento: {dueDate}\n\nUn cordial saludo,\n{senderName}',
    },
    'credit-note': {
      subject: 'Factura rectificativa {documentNumber}',
      message: 'Estimado/a cliente:\n\nLe adjuntamos la factura rectificativa {documentNumber}[ por importe de {amount}].\n\nUn cordial saludo,\n{senderName}',
    },
    quote: {
      subject: 'Presupuesto {documentNumber}',
      message:
        'Estimado/a cliente:\n\nLe agradecemos su interés. Le adjuntamos nuestro presupuesto {documentNumber}[ por importe de {amount}][, válido hasta el {dueDate}].\n\nUn cordial saludo,\n{senderName}',
    },
    'order-confirmation': {
      subject: 'Confirmación de pedido {documentNumber}',
      message: 'Estimado/a cliente:\n\nLe agradecemos su pedido. Le adjuntamos la confirmación de pedido {documentNumber}.\n\nUn cordial saludo,\n{senderName}',
    },
    reminder: {
      subject: 'Recordatorio de pago: factura {documentNumber}',
      message:
        'Estimado/a cliente:\n\nSegún nuestros registros, la factura {documentNumber}[ por importe de {amount}] sigue pendiente de pago[ (vencimiento: {dueDate})]. Si ya ha realizado el pago, le rogamos que no tenga en cuenta este mensaje.\n\nUn cordial saludo,\n{senderName}',
    },
    proforma: {
      subject: 'Factura proforma {documentNumber}',
      message: 'Estimado/a cliente:\n\nLe adjuntamos la factura proforma {documentNumber}[ por importe de {amount}].\n\nUn cordial saludo,\n{senderName}',
    },
    receipt: {
      subject: 'Recibo {documentNumber}',
      message: 'Estimado/a cliente:\n\nLe agradecemos su pago[ de {amount}]. Le adjuntamos el recibo {documentNumber}.\n\nUn cordial saludo,\n{senderName}',
    },
    'delivery-note': {
      subject: 'Albarán {documentNumber}',
      message: 'Estimado/a cliente:\n\nLe adjuntamos el albarán {documentNumber} correspondiente a su pedido.\n\nUn cordial saludo,\n{senderName}',
    },
  },
  it: {
    invoice: {
      subject: 'Fattura {documentNumber}',
      message: 'Buongiorno {customerName},\n\nin allegato Le trasmettiamo la fattura {documentNumber}.\nImporto da pagare: {amount}\nScadenza: {dueDate}\n\nCordiali saluti,\n{senderName}',
    },
    'credit-note': {
      subject: 'Nota di credito {documentNumber}',
      message: 'Buongiorno {customerName},\n\nin allegato Le trasmettiamo la nota di credito {documentNumber}[ di {amount}].\n\nCordiali saluti,\n{senderName}',
    },
    quote: {
      subject: 'Preventivo {documentNumber}',
      message:
        'Buongiorno {customerName},\n\nLa ringraziamo per l’interesse. In allegato Le trasmettiamo il nostro preventivo {documentNumber}[ di {amount}][, valido fino al {dueDate}].\n\nCordiali saluti,\n{senderName}',
    },
    'order-confirmation': {
      subject: 'Conferma d’ordine {documentNumber}',
      message: 'Buongiorno {customerName},\n\nLa ringraziamo per l’ordine. In allegato Le trasmettiamo la conferma d’ordine {documentNumber}.\n\nCordiali saluti,\n{senderName}',
    },
    reminder: {
      subject: 'Sollecito di pagamento: fattura {documentNumber}',
      message:
        'Buongiorno {customerName},\n\ndalle nostre registrazioni risulta che la fattura {documentNumber}[ di {amount}] non è ancora stata saldata[ (scadenza {dueDate})]. Qualora avesse già provveduto al pagamento, La preghiamo di non tenere conto di questo messaggio.\n\nCordiali saluti,\n{senderName}',
    },
    proforma: {
      subject: 'Fattura proforma {documentNumber}',
      message: 'Buongiorno {customerName},\n\nin allegato Le trasmettiamo la fattura proforma {documentNumber}[ di {amount}].\n\nCordiali saluti,\n{senderName}',
    },
    receipt: {
      subject: 'Ricevuta {documentNumber}',
      message: 'Buongiorno {customerName},\n\nLa ringraziamo per il pagamento[ di {amount}]. In allegato Le trasmettiamo la ricevuta {documentNumber}.\n\nCordiali saluti,\n{senderName}',
    },
    'delivery-note': {
      subject: 'Documento di trasporto {documentNumber}',
      message: 'Buongiorno {customerName},\n\nin allegato Le trasmettiamo il documento di trasporto {documentNumber} relativo al Suo ordine.\n\nCordiali saluti,\n{senderName}',
    },
  },
  pt: {
    invoice: {
      subject: 'Fatura {documentNumber}',
      message: 'Bom dia[, {customerName}],\n\nSegue em anexo a fatura {documentNumber}.\nValor a pagar: {amount}\nData de vencimento: {dueDate}\n\nCom os melhores cumprimentos,\n{senderName}',
    },
    'credit-note': {
      subject: 'Nota de crédito {documentNumber}',
      message: 'Bom dia[, {customerName}],\n\nSegue em anexo a nota de crédito {documentNumber}[ no valor de {amount}].\n\nCom os melhores cumprimentos,\n{senderName}',
    },
    quote: {
      subject: 'Orçamento {documentNumber}',
      message:
        'Bom dia[, {customerName}],\n\nAgradecemos o seu interesse. Segue em anexo o nosso orçamento {documentNumber}[ no valor de {amount}][, válido até {dueDate}].\n\nCom os melhores cumprimentos,\n{senderName}',
    },
    'order-confirmation': {
      subject: 'Confirmação de encomenda {documentNumber}',
      message: 'Bom dia[, {customerName}],\n\nAgradecemos a sua encomenda. Segue em anexo a confirmação de encomenda {documentNumber}.\n\nCom os melhores cumprimentos,\n{senderName}',
    },
    reminder: {
      subject: 'Lembrete de pagamento: fatura {documentNumber}',
      message:
        'Bom dia[, {customerName}],\n\nDe acordo com os nossos dados, a fatura {documentNumber}[ no valor de {amount}] ainda se encontra por liquidar[ (vencimento: {dueDate})]. Caso já tenha efetuado o pagamento, queira por favor ignorar esta mensagem.\n\nCom os melhores cumprimentos,\n{senderName}',
    },
    proforma: {
      subject: 'Fatura pró-forma {documentNumber}',
      message: 'Bom dia[, {customerName}],\n\nSegue em anexo a fatura pró-forma {documentNumber}[ no valor de {amount}].\n\nCom os melhores cumprimentos,\n{senderName}',
    },
    receipt: {
      subject: 'Recibo {documentNumber}',
      message: 'Bom dia[, {customerName}],\n\nAgradecemos o seu pagamento[ no valor de {amount}]. Segue em anexo o recibo {documentNumber}.\n\nCom os melhores cumprimentos,\n{senderName}',
    },
    'delivery-note': {
      subject: 'Guia de remessa {documentNumber}',
      message: 'Bom dia[, {customerName}],\n\nSegue em anexo a guia de remessa {documentNumber} referente à sua encomenda.\n\nCom os melhores cumprimentos,\n{senderName}',
    },
  },
  cs: {
    invoice: {
      subject: 'Faktura {documentNumber}',
      message: 'Dobrý den,\n\nv příloze Vám zasíláme fakturu {documentNumber}.\nČástka k úhradě: {amount}\nDatum splatnosti: {dueDate}\n\nS pozdravem\n{senderName}',
    },
    'credit-note': {
      subject: 'Dobropis {documentNumber}',
      message: 'Dobrý den,\n\nv příloze Vám zasíláme dobropis {documentNumber}[ na částku {amount}].\n\nS pozdravem\n{senderName}',
    },
    quote: {
      subject: 'Cenová nabídka {documentNumber}',
      message: 'Dobrý den,\n\nděkujeme za Váš zájem. V příloze Vám zasíláme naši cenovou nabídku {documentNumber}[ na částku {amount}][ s platností do {dueDate}].\n\nS pozdravem\n{senderName}',
    },
    'order-confirmation': {
      subject: 'Potvrzení objednávky {documentNumber}',
      message: 'Dobrý den,\n\nděkujeme za Vaši objednávku. V příloze Vám zasíláme potvrzení objednávky {documentNumber}.\n\nS pozdravem\n{senderName}',
    },
    reminder: {
      subject: 'Upomínka: faktura {documentNumber}',
      message:
        'Dobrý den,\n\ndle naší evidence zůstává faktura {documentNumber}[ na částku {amount}] dosud neuhrazena[ (splatnost {dueDate})]. Pokud jste již platbu odeslali, považujte prosím tuto zprávu za bezpředmětnou.\n\nS pozdravem\n{senderName}',
    },
    proforma: {
      subject: 'Zálohová faktura {documentNumber}',
      message: 'Dobrý den,\n\nv příloze Vám zasíláme zálohovou fakturu {documentNumber}[ na částku {amount}].\n\nS pozdravem\n{senderName}',
    },
    receipt: {
      subject: 'Příjmový doklad {documentNumber}',
      message: 'Dobrý den,\n\nděkujeme za Vaši platbu[ ve výši {amount}]. V příloze Vám zasíláme příjmový doklad {documentNumber}.\n\nS pozdravem\n{senderName}',
    },
    'delivery-note': {
      subject: 'Dodací list {documentNumber}',
      message: 'Dobrý den,\n\nv příloze Vám zasíláme dodací list {documentNumber} k Vaší objednávce.\n\nS pozdravem\n{senderName}',
    },
  },
  sk: {
    invoice: {
      subject: 'Faktúra {documentNumber}',
      message: 'Dobrý deň,\n\nv prílohe Vám zasielame faktúru {documentNumber}.\nSuma na úhradu: {amount}\nDátum splatnosti: {dueDate}\n\nS pozdravom\n{senderName}',
    },
    'credit-note': {
      subject: 'Dobropis {documentNumber}',
      message: 'Dobrý deň,\n\nv prílohe Vám zasielame dobropis {documentNumber}[ na sumu {amount}].\n\nS pozdravom\n{senderName}',
    },
    quote: {
      subject: 'Cenová ponuka {documentNumber}',
      message: 'Dobrý deň,\n\nďakujeme za Váš záujem. V prílohe Vám zasielame našu cenovú ponuku {documentNumber}[ na sumu {amount}][ s platnosťou do {dueDate}].\n\nS pozdravom\n{senderName}',
    },
    'order-confirmation': {
      subject: 'Potvrdenie objednávky {documentNumber}',
      message: 'Dobrý deň,\n\nďakujeme za Vašu objednávku. V prílohe Vám zasielame potvrdenie objednávky {documentNumber}.\n\nS pozdravom\n{senderName}',
    },
    reminder: {
      subject: 'Upomienka: faktúra {documentNumber}',
      message:
        'Dobrý deň,\n\npodľa našej evidencie zostáva faktúra {documentNumber}[ na sumu {amount}] doposiaľ neuhradená[ (splatnosť {dueDate})]. Ak ste platbu už odoslali, považujte prosím túto správu za bezpredmetnú.\n\nS pozdravom\n{senderName}',
    },
    proforma: {
      subject: 'Zálohová faktúra {documentNumber}',
      message: 'Dobrý deň,\n\nv prílohe Vám zasielame zálohovú faktúru {documentNumber}[ na sumu {amount}].\n\nS pozdravom\n{senderName}',
    },
    receipt: {
      subject: 'Príjmový doklad {documentNumber}',
      message: 'Dobrý deň,\n\nďakujeme za Vašu platbu[ vo výške {amount}]. V prílohe Vám zasielame príjmový doklad {documentNumber}.\n\nS pozdravom\n{senderName}',
    },
    'delivery-note': {
      subject: 'Dodací list {documentNumber}',
      message: 'Dobrý deň,\n\nv prílohe Vám zasielame dodací list {documentNumber} k Vašej objednávke.\n\nS pozdravom\n{senderName}',
    },
  },
  hu: {
    invoice: {
      subject: 'Számla {documentNumber}',
      message: 'Tisztelt Ügyfelünk!\n\nMellékelten küldjük a(z) {documentNumber} számú számlát.\nFizetendő összeg: {amount}\nFizetési határidő: {dueDate}\n\nÜdvözlettel:\n{senderName}',
    },
    'credit-note': {
      subject: 'Jóváíró számla {documentNumber}',
      message: 'Tisztelt Ügyfelünk!\n\nMellékelten küldjük a(z) {documentNumber} számú jóváíró számlát[ ({amount})].\n\nÜdvözlettel:\n{senderName}',
    },
    quote: {
      subject: 'Árajánlat {documentNumber}',
      message: 'Tisztelt Ügyfelünk!\n\nKöszönjük érdeklődését. Mellékelten küldjük a(z) {documentNumber} számú árajánlatunkat[ ({amount})][, érvényes: {dueDate}].\n\nÜdvözlettel:\n{senderName}',
    },
    'order-confirmation': {
      subject: 'Rendelés-visszaigazolás {documentNumber}',
      message: 'Tisztelt Ügyfelünk!\n\nKöszönjük megrendelését. Mellékelten küldjük a(z) {documentNumber} számú rendelés-visszaigazolást.\n\nÜdvözlettel:\n{senderName}',
    },
    reminder: {
      subject: 'Fizetési emlékeztető: {documentNumber} számú számla',
      message:
        'Tisztelt Ügyfelünk!\n\nNyilvántartásunk szerint a(z) {documentNumber} számú számla[ ({amount})] még nincs kiegyenlítve[ (fizetési határidő: {dueDate})]. Amennyiben a számlát már kiegyenlítette, kérjük, tekintse ezt az üzenetet tárgytalannak.\n\nÜdvözlettel:\n{senderName}',
    },
    proforma: {
      subject: 'Díjbekérő {documentNumber}',
      message: 'Tisztelt Ügyfelünk!\n\nMellékelten küldjük a(z) {documentNumber} számú díjbekérőt[ ({amount})].\n\nÜdvözlettel:\n{senderName}',
    },
    receipt: {
      subject: 'Nyugta {documentNumber}',
      message: 'Tisztelt Ügyfelünk!\n\nKöszönjük befizetését[ ({amount})]. Mellékelten küldjük a(z) {documentNumber} számú nyugtát.\n\nÜdvözlettel:\n{senderName}',
    },
    'delivery-note': {
      subject: 'Szállítólevél {documentNumber}',
      message: 'Tisztelt Ügyfelünk!\n\nMellékelten küldjük a megrendeléséhez tartozó {documentNumber} számú szállítólevelet.\n\nÜdvözlettel:\n{senderName}',
    },
  },
  ro: {
    invoice: {
      subject: 'Factura {documentNumber}',
      message: 'Bună ziua,\n\nVă transmitem atașat factura {documentNumber}.\nSuma de plată: {amount}\nData scadenței: {dueDate}\n\nCu stimă,\n{senderName}',
    },
    'credit-note': {
      subject: 'Factura de stornare {documentNumber}',
      message: 'Bună ziua,\n\nVă transmitem atașat factura de stornare {documentNumber}[ în valoare de {amount}].\n\nCu stimă,\n{senderName}',
    },
    quote: {
      subject: 'Oferta {documentNumber}',
      message:
        'Bună ziua,\n\nVă mulțumim pentru interesul acordat. Vă transmitem atașat oferta noastră {documentNumber}[ în valoare de {amount}][, valabilă până la {dueDate}].\n\nCu stimă,\n{senderName}',
    },
    'order-confirmation': {
      subject: 'Confirmarea comenzii {documentNumber}',
      message: 'Bună ziua,\n\nVă mulțumim pentru comandă. Vă transmitem atașat confirmarea comenzii {documentNumber}.\n\nCu stimă,\n{senderName}',
    },
    reminder: {
      subject: 'Reamintire de plată: factura {documentNumber}',
      message:
        'Bună ziua,\n\nConform evidențelor noastre, factura {documentNumber}[ în valoare de {amount}] nu a fost încă achitată[ (scadentă la {dueDate})]. Dacă ați efectuat deja plata, vă rugăm să ignorați acest mesaj.\n\nCu stimă,\n{senderName}',
    },
    proforma: {
      subject: 'Factura proformă {documentNumber}',
      message: 'Bună ziua,\n\nVă transmitem atașat factura proformă {documentNumber}[ în valoare de {amount}].\n\nCu stimă,\n{senderName}',
    },
    receipt: {
      subject: 'Chitanța {documentNumber}',
      message: 'Bună ziua,\n\nVă mulțumim pentru plata efectuată[ în valoare de {amount}]. Vă transmitem atașat chitanța {documentNumber}.\n\nCu stimă,\n{senderName}',
    },
    'delivery-note': {
      subject: 'Avizul de însoțire {documentNumber}',
      message: 'Bună ziua,\n\nVă transmitem atașat avizul de însoțire a mărfii {documentNumber} pentru comanda dumneavoastră.\n\nCu stimă,\n{senderName}',
    },
  },
  et: {
    invoice: {
      subject: 'Arve {documentNumber}',
      message: 'Tere {customerName},\n\nManuses on arve {documentNumber}.\nTasumisele kuuluv summa: {amount}\nMaksetähtaeg: {dueDate}\n\nLugupidamisega\n{senderName}',
    },
    'credit-note': {
      subject: 'Kreeditarve {documentNumber}',
      message: 'Tere {customerName},\n\nManuses on kreeditarve {documentNumber}[ summas {amount}].\n\nLugupidamisega\n{senderName}',
    },
    quote: {
      subject: 'Hinnapakkumine {documentNumber}',
      message: 'Tere {customerName},\n\nTäname huvi eest. Manuses on meie hinnapakkumine {documentNumber}[ summas {amount}][, kehtib kuni {dueDate}].\n\nLugupidamisega\n{senderName}',
    },
    'order-confirmation': {
      subject: 'Tellimuse kinnitus {documentNumber}',
      message: 'Tere {customerName},\n\nTäname tellimuse eest. Manuses on tellimuse kinnitus {documentNumber}.\n\nLugupidamisega\n{senderName}',
    },
    reminder: {
      subject: 'Maksemeeldetuletus: arve {documentNumber}',
      message:
        'Tere {customerName},\n\nMeie andmetel on arve {documentNumber}[ summas {amount}] veel tasumata[ (maksetähtaeg {dueDate})]. Kui olete arve juba tasunud, palume seda kirja mitte arvestada.\n\nLugupidamisega\n{senderName}',
    },
    proforma: {
      subject: 'Proformaarve {documentNumber}',
      message: 'Tere {customerName},\n\nManuses on proformaarve {documentNumber}[ summas {amount}].\n\nLugupidamisega\n{senderName}',
    },
    receipt: {
      subject: 'Kviitung {documentNumber}',
      message: 'Tere {customerName},\n\nTäname makse eest[ summas {amount}]. Manuses on kviitung {documentNumber}.\n\nLugupidamisega\n{senderName}',
    },
    'delivery-note': {
      subject: 'Saateleht {documentNumber}',
      message: 'Tere {customerName},\n\nManuses on teie tellimuse saateleht {documentNumber}.\n\nLugupidamisega\n{senderName}',
    },
  },
  hr: {
    invoice: {
      subject: 'Račun {documentNumber}',
      message: 'Poštovani,\n\nu privitku Vam šaljemo račun {documentNumber}.\nIznos za plaćanje: {amount}\nDatum dospijeća: {dueDate}\n\nS poštovanjem,\n{senderName}',
    },
    'credit-note': {
      subject: 'Knjižno odobrenje {documentNumber}',
      message: 'Poštovani,\n\nu privitku Vam šaljemo knjižno odobrenje {documentNumber}[ na iznos {amount}].\n\nS poštovanjem,\n{senderName}',
    },
    quote: {
      subject: 'Ponuda {documentNumber}',
      message: 'Poštovani,\n\nzahvaljujemo na Vašem interesu. U privitku Vam šaljemo našu ponudu {documentNumber}[ na iznos {amount}][, koja vrijedi do {dueDate}].\n\nS poštovanjem,\n{senderName}',
    },
    'order-confirmation': {
      subject: 'Potvrda narudžbe {documentNumber}',
      message: 'Poštovani,\n\nzahvaljujemo na Vašoj narudžbi. U privitku Vam šaljemo potvrdu narudžbe {documentNumber}.\n\nS poštovanjem,\n{senderName}',
    },
    reminder: {
      subject: 'Podsjetnik na plaćanje: račun {documentNumber}',
      message:
        'Poštovani,\n\nprema našoj evidenciji račun {documentNumber}[ na iznos {amount}] još nije plaćen[ (dospijeće {dueDate})]. Ako ste račun već platili, molimo Vas da zanemarite ovu poruku.\n\nS poštovanjem,\n{senderName}',
    },
    proforma: {
      subject: 'Predračun {documentNumber}',
      message: 'Poštovani,\n\nu privitku Vam šaljemo predračun {documentNumber}[ na iznos {amount}].\n\nS poštovanjem,\n{senderName}',
    },
    receipt: {
      subject: 'Potvrda o plaćanju {documentNumber}',
      message: 'Poštovani,\n\nzahvaljujemo na Vašoj uplati[ u iznosu od {amount}]. U privitku Vam šaljemo potvrdu o plaćanju {documentNumber}.\n\nS poštovanjem,\n{senderName}',
    },
    'delivery-note': {
      subject: 'Otpremnica {documentNumber}',
      message: 'Poštovani,\n\nu privitku Vam šaljemo otpremnicu {documentNumber} za Vašu narudžbu.\n\nS poštovanjem,\n{senderName}',
    },
  },
};
