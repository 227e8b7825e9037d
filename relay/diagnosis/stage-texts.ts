/**
 * The sender test's stage lines ("Connected to …", "Signing in as … failed") in each language the
 * extension offers, so a test reads in the user's language from the first line to the problem's fix
 * (issue 21). What the server said (its replies, OpenSSL's reason, host names, commands) is quoted as
 * it is, never translated.
 */
import type { Language } from './catalogue';

export interface StageTexts {
  lookupFailed(host: string): string;
  addresses(host: string, all: string, using: string): string;
  address(host: string, address: string): string;
  connected(where: string): string;
  connectFailed(where: string): string;
  noGreeting(where: string): string;
  sessionRefusedAt(where: string): string;
  greeted(where: string, greeting: string): string;
  implicitTls(description: string): string;
  handshakeFailed: string;
  ehloFailed: string;
  heloFailed: string;
  ehloRefused: string;
  noGreetingAfterTls: string;
  sessionRefused: string;
  startTlsNotOffered: string;
  startTlsFailed: string;
  startTlsRefused: string;
  upgraded(description: string): string;
  tlsNotUsed: string;
  startTlsOffered: string;
  announced(keywords: string | undefined): string;
  maxSize(size: string): string;
  noPassword: string;
  /** security "none" without allowPlaintextAuth: the password is not sent (issue 14). */
  noPlaintextAuth: string;
  cannotSignIn: string;
  signInFailed(username: string): string;
  signedIn(username: string, mechanism: string): string;
  mailFromFailed(address: string): string;
  senderRefused(address: string): string;
  rsetFailed: string;
  rsetRefused: string;
  sendersAccepted(list: string): string;
  patternsNotTried(pattern: string): string;
  rcptFailed(address: string): string;
  rcptRefused(address: string): string;
  rcptAccepted(address: string): string;
  dataFailed: string;
  dataRefused: string;
  sendFailed: string;
  refusedAfterReceiving: string;
  accepted(recipient: string, reply: string): string;
  /** One allowed sender tried to the end of DATA (a test message from it to its own mailbox). */
  aliasSendFailed(address: string): string;
  aliasRefused(address: string): string;
  aliasAccepted(address: string, reply: string): string;
  /** `ok` for the sender stage: which senders the test message went out as. */
  aliasesAccepted(list: string): string;
  /** The `oauth` stage of an OAuth2 sender's test: where its access token came from, or why none came. */
  oauthUnavailable: string;
  oauthAppToken(provider: string, clientId: string): string;
  oauthSavedToken(provider: string, account: string | undefined): string;
  /** `described` is `oauthAppToken` or `oauthSavedToken`; `validUntil` an ISO time. */
  oauthTokenValid(described: string, fromCache: boolean, validUntil: string): string;
  /** `detail`: what the provider said when the saved sign-in failed, quoted as it is. */
  oauthSignInStopped(provider: string, detail: string | undefined): string;
  oauthNotSignedIn(provider: string): string;
  /** `reason`: the token endpoint's own words, quoted as they are. */
  oauthTokenFailed(reason: string): string;
  oauthNewTokenFailed(reason: string): string;
  /** The Sent-folder test (IMAP): the folder copies go into, found or not. */
  folderFound(folder: string): string;
  folderMissing(folder: string): string;
}

const en: StageTexts = {
  lookupFailed: (host) => `Could not look up ${host}`,
  addresses: (host, all, using) => `${host} has the addresses ${all}; using ${using}.`,
  address: (host, address) => `${host} is ${address}.`,
  connected: (where) => `Connected to ${where}.`,
  connectFailed: (where) => `Could not connect to ${where}`,
  noGreeting: (where) => `No greeting from ${where}`,
  sessionRefusedAt: (where) => `Connected to ${where}, but the server refused the session`,
  greeted: (where, greeting) => `Connected to ${where}; the server greeted: ${greeting}`,
  implicitTls: (d) => `Encrypted from the start (implicit TLS): ${d}`,
  handshakeFailed: 'The TLS handshake failed',
  ehloFailed: 'EHLO failed',
  heloFailed: 'HELO failed',
  ehloRefused: 'The server refused EHLO',
  noGreetingAfterTls: 'No greeting after the TLS handshake',
  sessionRefused: 'The server refused the session',
  startTlsNotOffered: 'STARTTLS is required but not offered',
  startTlsFailed: 'STARTTLS failed',
  startTlsRefused: 'The server refused STARTTLS',
  upgraded: (d) => `Upgraded with STARTTLS: ${d}`,
  tlsNotUsed: 'Not used: security is "none", so the connection is not encrypted.',
  startTlsOffered: ' The server offers STARTTLS on this port: choose security "starttls" to encrypt.',
  announced: (k) => `The server announced ${k ?? 'no extensions'}.`,
  maxSize: (size) => `It accepts messages up to ${size}.`,
  noPassword: 'No password is set, so the test does not sign in.',
  noPlaintextAuth: 'The connection is not encrypted, so the test does not send the password (an admin can allow it with allowPlaintextAuth).',
  cannotSignIn: 'Cannot sign in',
  signInFailed: (u) => `Signing in as ${u} failed`,
  signedIn: (u, m) => `Signed in as ${u} with ${m}.`,
  mailFromFailed: (a) => `MAIL FROM:<${a}> failed`,
  senderRefused: (a) => `The server refused ${a} as the sender`,
  rsetFailed: 'RSET failed',
  rsetRefused: 'The server refused RSET',
  sendersAccepted: (list) => `The server accepts ${list} as the sender (MAIL FROM).`,
  patternsNotTried: (p) => ` Patterns such as ${p} cannot be tried one by one.`,
  rcptFailed: (a) => `RCPT TO:<${a}> failed`,
  rcptRefused: (a) => `The server refused ${a} as the recipient`,
  rcptAccepted: (a) => `The server accepts ${a} as the recipient.`,
  dataFailed: 'DATA failed',
  dataRefused: 'The server refused to take the message',
  sendFailed: 'Sending the test message failed',
  refusedAfterReceiving: 'The server refused the test message after receiving it',
  accepted: (r, reply) => `The server accepted the test message for ${r}: ${reply}`,
  aliasSendFailed: (a) => `Sending a test message from ${a} failed`,
  aliasRefused: (a) => `The server refused a message from ${a} after receiving it`,
  aliasAccepted: (a, reply) => `The server accepted a test message from ${a} to ${a}: ${reply}`,
  aliasesAccepted: (list) => ` Test messages from ${list} went through to the end.`,
  oauthUnavailable: 'This relay cannot get OAuth2 tokens.',
  oauthAppToken: (p, app) => `Got an access token from ${p} for the app ${app} (app-only, client credentials)`,
  oauthSavedToken: (p, account) => `Got an access token from ${p} with the saved sign-in${account ? ` of ${account}` : ''}`,
  oauthTokenValid: (d, cached, until) => `${d}${cached ? ' (from the relay’s cache)' : ''}, valid until ${until}.`,
  oauthSignInStopped: (p, detail) => `The saved ${p} sign-in stopped working${detail ? `: ${detail}` : ''}. Sign in again.`,
  oauthNotSignedIn: (p) => `Nobody has signed in with ${p} for this sender yet, so there is no token to test with. Save it and sign in first.`,
  oauthTokenFailed: (r) => `Could not get an access token: ${r}`,
  oauthNewTokenFailed: (r) => `Could not get a new access token: ${r}`,
  folderFound: (f) => `The folder ${f} is there; copies of sent messages go into it.`,
  folderMissing: (f) => `There is no folder ${f}`,
};

const pl: StageTexts = {
  lookupFailed: (host) => `Nie udało się znaleźć adresu ${host}`,
  addresses: (host, all, using) => `${host} ma adresy ${all}; używany jest ${using}.`,
  address: (host, address) => `${host} to ${address}.`,
  connected: (where) => `Połączono z ${where}.`,
  connectFailed: (where) => `Nie udało się połączyć z ${where}`,
  noGreeting: (where) => `Brak powitania od ${where}`,
  sessionRefusedAt: (where) => `Połączono z ${where}, ale serwer odmówił sesji`,
  greeted: (where, greeting) => `Połączono z ${where}; serwer przywitał się: ${greeting}`,
  implicitTls: (d) => `Szyfrowane od początku (TLS): ${d}`,
  handshakeFailed: 'Uzgadnianie TLS nie powiodło się',
  ehloFailed: 'EHLO nie powiodło się',
  heloFailed: 'HELO nie powiodło się',
  ehloRefused: 'Serwer odrzucił EHLO',
  noGreetingAfterTls: 'Brak powitania po uzgodnieniu TLS',
  sessionRefused: 'Serwer odmówił sesji',
  startTlsNotOffered: 'STARTTLS jest wymagany, ale serwer go nie oferuje',
  startTlsFailed: 'STARTTLS nie powiodło się',
  startTlsRefused: 'Serwer odrzucił STARTTLS',
  upgraded: (d) => `Zaszyfrowano przez STARTTLS: ${d}`,
  tlsNotUsed: 'Nieużywane: zabezpieczenie to „none”, więc połączenie nie jest szyfrowane.',
  startTlsOffered: ' Serwer oferuje STARTTLS na tym porcie: wybierz zabezpieczenie „starttls”, aby szyfrować.',
  announced: (k) => `Serwer ogłosił ${k ?? 'brak rozszerzeń'}.`,
  maxSize: (size) => `Przyjmuje wiadomości do ${size}.`,
  noPassword: 'Nie podano hasła, więc test się nie loguje.',
  noPlaintextAuth: 'Połączenie nie jest szyfrowane, więc test nie wysyła hasła (administrator może na to zezwolić ustawieniem allowPlaintextAuth).',
  cannotSignIn: 'Nie można się zalogować',
  signInFailed: (u) => `Logowanie jako ${u} nie powiodło się`,
  signedIn: (u, m) => `Zalogowano jako ${u} metodą ${m}.`,
  mailFromFailed: (a) => `MAIL FROM:<${a}> nie powiodło się`,
  senderRefused: (a) => `Serwer odrzucił ${a} jako nadawcę`,
  rsetFailed: 'RSET nie powiodło się',
  rsetRefused: 'Serwer odrzucił RSET',
  sendersAccepted: (list) => `Serwer przyjmuje ${list} jako nadawcę (MAIL FROM).`,
  patternsNotTried: (p) => ` Wzorców takich jak ${p} nie da się sprawdzić pojedynczo.`,
  rcptFailed: (a) => `RCPT TO:<${a}> nie powiodło się`,
  rcptRefused: (a) => `Serwer odrzucił ${a} jako odbiorcę`,
  rcptAccepted: (a) => `Serwer przyjmuje ${a} jako odbiorcę.`,
  dataFailed: 'DATA nie powiodło się',
  dataRefused: 'Serwer odmówił przyjęcia wiadomości',
  sendFailed: 'Wysłanie wiadomości testowej nie powiodło się',
  refusedAfterReceiving: 'Serwer odrzucił wiadomość testową po jej odebraniu',
  accepted: (r, reply) => `Serwer przyjął wiadomość testową do ${r}: ${reply}`,
  aliasSendFailed: (a) => `Wysłanie wiadomości testowej od ${a} nie powiodło się`,
  aliasRefused: (a) => `Serwer odrzucił wiadomość od ${a} po jej odebraniu`,
  aliasAccepted: (a, reply) => `Serwer przyjął wiadomość testową od ${a} do ${a}: ${reply}`,
  aliasesAccepted: (list) => ` Wiadomości testowe od ${list} przeszły do końca.`,
  oauthUnavailable: 'Ten przekaźnik nie może pobierać tokenów OAuth2.',
  oauthAppToken: (p, app) => `Pobrano token dostępu od ${p} dla aplikacji ${app} (tylko aplikacja, client credentials)`,
  oauthSavedToken: (p, account) => `Pobrano token dostępu od ${p} na podstawie zapisanego logowania${account ? ` konta ${account}` : ''}`,
  oauthTokenValid: (d, cached, until) => `${d}${cached ? ' (z pamięci przekaźnika)' : ''}, ważny do ${until}.`,
  oauthSignInStopped: (p, detail) => `Zapisane logowanie ${p} przestało działać${detail ? `: ${detail}` : ''}. Zaloguj się ponownie.`,
  oauthNotSignedIn: (p) => `Nikt jeszcze nie zalogował się przez ${p} dla tego nadawcy, więc nie ma tokenu do testu. Najpierw zapisz nadawcę i się zaloguj.`,
  oauthTokenFailed: (r) => `Nie udało się pobrać tokenu dostępu: ${r}`,
  oauthNewTokenFailed: (r) => `Nie udało się pobrać nowego tokenu dostępu: ${r}`,
  folderFound: (f) => `Folder ${f} istnieje; trafią do niego kopie wysłanych wiadomości.`,
  folderMissing: (f) => `Nie ma folderu ${f}`,
};

const is: StageTexts = {
  lookupFailed: (host) => `Ekki tókst að fletta upp ${host}`,
  addresses: (host, all, using) => `${host} hefur vistföngin ${all}; notað er ${using}.`,
  address: (host, address) => `${host} er ${address}.`,
  connected: (where) => `Tengt við ${where}.`,
  connectFailed: (where) => `Ekki tókst að tengjast ${where}`,
  noGreeting: (where) => `Engin kveðja frá ${where}`,
  sessionRefusedAt: (where) => `Tengt við ${where}, en þjónninn hafnaði lotunni`,
  greeted: (where, greeting) => `Tengt við ${where}; þjónninn heilsaði: ${greeting}`,
  implicitTls: (d) => `Dulkóðað frá byrjun (TLS): ${d}`,
  handshakeFailed: 'TLS-handabandið mistókst',
  ehloFailed: 'EHLO mistókst',
  heloFailed: 'HELO mistókst',
  ehloRefused: 'Þjónninn hafnaði EHLO',
  noGreetingAfterTls: 'Engin kveðja eftir TLS-handabandið',
  sessionRefused: 'Þjónninn hafnaði lotunni',
  startTlsNotOffered: 'STARTTLS er krafist en þjónninn býður það ekki',
  startTlsFailed: 'STARTTLS mistókst',
  startTlsRefused: 'Þjónninn hafnaði STARTTLS',
  upgraded: (d) => `Dulkóðað með STARTTLS: ${d}`,
  tlsNotUsed: 'Ekki notað: öryggið er „none“, svo tengingin er ekki dulkóðuð.',
  startTlsOffered: ' Þjónninn býður STARTTLS á þessari gátt: veldu öryggið „starttls“ til að dulkóða.',
  announced: (k) => `Þjónninn tilkynnti ${k ?? 'engar viðbætur'}.`,
  maxSize: (size) => `Hann tekur við skilaboðum allt að ${size}.`,
  noPassword: 'Ekkert lykilorð er skráð, svo prófunin skráir sig ekki inn.',
  noPlaintextAuth: 'Tengingin er ekki dulkóðuð, svo prófunin sendir ekki lykilorðið (stjórnandi getur leyft það með allowPlaintextAuth).',
  cannotSignIn: 'Ekki hægt að skrá sig inn',
  signInFailed: (u) => `Innskráning sem ${u} mistókst`,
  signedIn: (u, m) => `Skráð inn sem ${u} með ${m}.`,
  mailFromFailed: (a) => `MAIL FROM:<${a}> mistókst`,
  senderRefused: (a) => `Þjónninn hafnaði ${a} sem sendanda`,
  rsetFailed: 'RSET mistókst',
  rsetRefused: 'Þjónninn hafnaði RSET',
  sendersAccepted: (list) => `Þjónninn samþykkir ${list} sem sendanda (MAIL FROM).`,
  patternsNotTried: (p) => ` Mynstur eins og ${p} er ekki hægt að prófa eitt af öðru.`,
  rcptFailed: (a) => `RCPT TO:<${a}> mistókst`,
  rcptRefused: (a) => `Þjónninn hafnaði ${a} sem viðtakanda`,
  rcptAccepted: (a) => `Þjónninn samþykkir ${a} sem viðtakanda.`,
  dataFailed: 'DATA mistókst',
  dataRefused: 'Þjónninn neitaði að taka við skilaboðunum',
  sendFailed: 'Ekki tókst að senda prufuskilaboðin',
  refusedAfterReceiving: 'Þjónninn hafnaði prufuskilaboðunum eftir að hafa tekið við þeim',
  accepted: (r, reply) => `Þjónninn tók við prufuskilaboðunum til ${r}: ${reply}`,
  aliasSendFailed: (a) => `Ekki tókst að senda prufuskilaboð frá ${a}`,
  aliasRefused: (a) => `Þjónninn hafnaði skilaboðum frá ${a} eftir að hafa tekið við þeim`,
  aliasAccepted: (a, reply) => `Þjónninn tók við prufuskilaboðum frá ${a} til ${a}: ${reply}`,
  aliasesAccepted: (list) => ` Prufuskilaboð frá ${list} fóru alla leið.`,
  oauthUnavailable: 'Þessi miðlari getur ekki sótt OAuth2-tóka.',
  oauthAppToken: (p, app) => `Fékk aðgangstóka frá ${p} fyrir forritið ${app} (aðeins forrit, client credentials)`,
  oauthSavedToken: (p, account) => `Fékk aðgangstóka frá ${p} með vistuðu innskráningunni${account ? ` fyrir ${account}` : ''}`,
  oauthTokenValid: (d, cached, until) => `${d}${cached ? ' (úr skyndiminni miðlarans)' : ''}, gildir til ${until}.`,
  oauthSignInStopped: (p, detail) => `Vistaða innskráningin hjá ${p} hætti að virka${detail ? `: ${detail}` : ''}. Skráðu þig inn aftur.`,
  oauthNotSignedIn: (p) => `Enginn hefur enn skráð sig inn með ${p} fyrir þennan sendanda, svo enginn tóki er til að prófa með. Vistaðu hann og skráðu þig inn fyrst.`,
  oauthTokenFailed: (r) => `Ekki tókst að fá aðgangstóka: ${r}`,
  oauthNewTokenFailed: (r) => `Ekki tókst að fá nýjan aðgangstóka: ${r}`,
  folderFound: (f) => `Mappan ${f} er til; afrit sendra skilaboða fara í hana.`,
  folderMissing: (f) => `Engin mappa heitir ${f}`,
};

const sv: StageTexts = {
  lookupFailed: (host) => `Kunde inte slå upp ${host}`,
  addresses: (host, all, using) => `${host} har adresserna ${all}; använder ${using}.`,
  address: (host, address) => `${host} är ${address}.`,
  connected: (where) => `Ansluten till ${where}.`,
  connectFailed: (where) => `Kunde inte ansluta till ${where}`,
  noGreeting: (where) => `Ingen hälsning från ${where}`,
  sessionRefusedAt: (where) => `Ansluten till ${where}, men servern vägrade sessionen`,
  greeted: (where, greeting) => `Ansluten till ${where}; servern hälsade: ${greeting}`,
  implicitTls: (d) => `Krypterad från början (TLS): ${d}`,
  handshakeFailed: 'TLS-handskakningen misslyckades',
  ehloFailed: 'EHLO misslyckades',
  heloFailed: 'HELO misslyckades',
  ehloRefused: 'Servern vägrade EHLO',
  noGreetingAfterTls: 'Ingen hälsning efter TLS-handskakningen',
  sessionRefused: 'Servern vägrade sessionen',
  startTlsNotOffered: 'STARTTLS krävs men erbjuds inte',
  startTlsFailed: 'STARTTLS misslyckades',
  startTlsRefused: 'Servern vägrade STARTTLS',
  upgraded: (d) => `Krypterad med STARTTLS: ${d}`,
  tlsNotUsed: 'Används inte: säkerheten är ”none”, så anslutningen är inte krypterad.',
  startTlsOffered: ' Servern erbjuder STARTTLS på den här porten: välj säkerheten ”starttls” för att kryptera.',
  announced: (k) => `Servern meddelade ${k ?? 'inga tillägg'}.`,
  maxSize: (size) => `Den tar emot meddelanden upp till ${size}.`,
  noPassword: 'Inget lösenord är angivet, så testet loggar inte in.',
  noPlaintextAuth: 'Anslutningen är inte krypterad, så testet skickar inte lösenordet (en administratör kan tillåta det med allowPlaintextAuth).',
  cannotSignIn: 'Kan inte logga in',
  signInFailed: (u) => `Inloggningen som ${u} misslyckades`,
  signedIn: (u, m) => `Inloggad som ${u} med ${m}.`,
  mailFromFailed: (a) => `MAIL FROM:<${a}> misslyckades`,
  senderRefused: (a) => `Servern vägrade ${a} som avsändare`,
  rsetFailed: 'RSET misslyckades',
  rsetRefused: 'Servern vägrade RSET',
  sendersAccepted: (list) => `Servern godtar ${list} som avsändare (MAIL FROM).`,
  patternsNotTried: (p) => ` Mönster som ${p} kan inte provas ett i taget.`,
  rcptFailed: (a) => `RCPT TO:<${a}> misslyckades`,
  rcptRefused: (a) => `Servern vägrade ${a} som mottagare`,
  rcptAccepted: (a) => `Servern godtar ${a} som mottagare.`,
  dataFailed: 'DATA misslyckades',
  dataRefused: 'Servern vägrade ta emot meddelandet',
  sendFailed: 'Det gick inte att skicka testmeddelandet',
  refusedAfterReceiving: 'Servern vägrade testmeddelandet efter att ha tagit emot det',
  accepted: (r, reply) => `Servern tog emot testmeddelandet till ${r}: ${reply}`,
  aliasSendFailed: (a) => `Det gick inte att skicka ett testmeddelande från ${a}`,
  aliasRefused: (a) => `Servern vägrade ett meddelande från ${a} efter att ha tagit emot det`,
  aliasAccepted: (a, reply) => `Servern tog emot ett testmeddelande från ${a} till ${a}: ${reply}`,
  aliasesAccepted: (list) => ` Testmeddelanden från ${list} gick hela vägen.`,
  oauthUnavailable: 'Det här reläet kan inte hämta OAuth2-token.',
  oauthAppToken: (p, app) => `Fick en åtkomsttoken från ${p} för appen ${app} (bara appen, client credentials)`,
  oauthSavedToken: (p, account) => `Fick en åtkomsttoken från ${p} med den sparade inloggningen${account ? ` för ${account}` : ''}`,
  oauthTokenValid: (d, cached, until) => `${d}${cached ? ' (från reläets cache)' : ''}, giltig till ${until}.`,
  oauthSignInStopped: (p, detail) => `Den sparade inloggningen hos ${p} slutade fungera${detail ? `: ${detail}` : ''}. Logga in igen.`,
  oauthNotSignedIn: (p) => `Ingen har loggat in med ${p} för den här avsändaren ännu, så det finns ingen token att testa med. Spara den och logga in först.`,
  oauthTokenFailed: (r) => `Kunde inte hämta en åtkomsttoken: ${r}`,
  oauthNewTokenFailed: (r) => `Kunde inte hämta en ny åtkomsttoken: ${r}`,
  folderFound: (f) => `Mappen ${f} finns; kopior av skickade meddelanden hamnar där.`,
  folderMissing: (f) => `Det finns ingen mapp ${f}`,
};

const da: StageTexts = {
  lookupFailed: (host) => `Kunne ikke slå ${host} op`,
  addresses: (host, all, using) => `${host} har adresserne ${all}; bruger ${using}.`,
  address: (host, address) => `${host} er ${address}.`,
  connected: (where) => `Forbundet til ${where}.`,
  connectFailed: (where) => `Kunne ikke forbinde til ${where}`,
  noGreeting: (where) => `Ingen hilsen fra ${where}`,
  sessionRefusedAt: (where) => `Forbundet til ${where}, men serveren afviste sessionen`,
  greeted: (where, greeting) => `Forbundet til ${where}; serveren hilste: ${greeting}`,
  implicitTls: (d) => `Krypteret fra starten (TLS): ${d}`,
  handshakeFailed: 'TLS-håndtrykket mislykkedes',
  ehloFailed: 'EHLO mislykkedes',
  heloFailed: 'HELO mislykkedes',
  ehloRefused: 'Serveren afviste EHLO',
  noGreetingAfterTls: 'Ingen hilsen efter TLS-håndtrykket',
  sessionRefused: 'Serveren afviste sessionen',
  startTlsNotOffered: 'STARTTLS er påkrævet, men tilbydes ikke',
  startTlsFailed: 'STARTTLS mislykkedes',
  startTlsRefused: 'Serveren afviste STARTTLS',
  upgraded: (d) => `Krypteret med STARTTLS: ${d}`,
  tlsNotUsed: 'Bruges ikke: sikkerheden er “none”, så forbindelsen er ikke krypteret.',
  startTlsOffered: ' Serveren tilbyder STARTTLS på denne port: vælg sikkerheden “starttls” for at kryptere.',
  announced: (k) => `Serveren meldte ${k ?? 'ingen udvidelser'}.`,
  maxSize: (size) => `Den modtager beskeder på op til ${size}.`,
  noPassword: 'Der er ingen adgangskode, så testen logger ikke ind.',
  noPlaintextAuth: 'Forbindelsen er ikke krypteret, så testen sender ikke adgangskoden (en administrator kan tillade det med allowPlaintextAuth).',
  cannotSignIn: 'Kan ikke logge ind',
  signInFailed: (u) => `Login som ${u} mislykkedes`,
  signedIn: (u, m) => `Logget ind som ${u} med ${m}.`,
  mailFromFailed: (a) => `MAIL FROM:<${a}> mislykkedes`,
  senderRefused: (a) => `Serveren afviste ${a} som afsender`,
  rsetFailed: 'RSET mislykkedes',
  rsetRefused: 'Serveren afviste RSET',
  sendersAccepted: (list) => `Serveren accepterer ${list} som afsender (MAIL FROM).`,
  patternsNotTried: (p) => ` Mønstre som ${p} kan ikke prøves én ad gangen.`,
  rcptFailed: (a) => `RCPT TO:<${a}> mislykkedes`,
  rcptRefused: (a) => `Serveren afviste ${a} som modtager`,
  rcptAccepted: (a) => `Serveren accepterer ${a} som modtager.`,
  dataFailed: 'DATA mislykkedes',
  dataRefused: 'Serveren ville ikke modtage beskeden',
  sendFailed: 'Testbeskeden kunne ikke sendes',
  refusedAfterReceiving: 'Serveren afviste testbeskeden efter at have modtaget den',
  accepted: (r, reply) => `Serveren modtog testbeskeden til ${r}: ${reply}`,
  aliasSendFailed: (a) => `En testbesked fra ${a} kunne ikke sendes`,
  aliasRefused: (a) => `Serveren afviste en besked fra ${a} efter at have modtaget den`,
  aliasAccepted: (a, reply) => `Serveren modtog en testbesked fra ${a} til ${a}: ${reply}`,
  aliasesAccepted: (list) => ` Testbeskeder fra ${list} gik hele vejen igennem.`,
  oauthUnavailable: 'Dette relæ kan ikke hente OAuth2-tokens.',
  oauthAppToken: (p, app) => `Fik et adgangstoken fra ${p} til appen ${app} (kun appen, client credentials)`,
  oauthSavedToken: (p, account) => `Fik et adgangstoken fra ${p} med det gemte login${account ? ` for ${account}` : ''}`,
  oauthTokenValid: (d, cached, until) => `${d}${cached ? ' (fra relæets cache)' : ''}, gyldigt til ${until}.`,
  oauthSignInStopped: (p, detail) => `Det gemte login hos ${p} holdt op med at virke${detail ? `: ${detail}` : ''}. Log ind igen.`,
  oauthNotSignedIn: (p) => `Ingen har logget ind med ${p} for denne afsender endnu, så der er intet token at teste med. Gem den, og log ind først.`,
  oauthTokenFailed: (r) => `Kunne ikke hente et adgangstoken: ${r}`,
  oauthNewTokenFailed: (r) => `Kunne ikke hente et nyt adgangstoken: ${r}`,
  folderFound: (f) => `Mappen ${f} findes; kopier af sendte beskeder lægges i den.`,
  folderMissing: (f) => `Der er ingen mappe ${f}`,
};

const nb: StageTexts = {
  lookupFailed: (host) => `Fant ikke ${host}`,
  addresses: (host, all, using) => `${host} har adressene ${all}; bruker ${using}.`,
  address: (host, address) => `${host} er ${address}.`,
  connected: (where) => `Koblet til ${where}.`,
  connectFailed: (where) => `Kunne ikke koble til ${where}`,
  noGreeting: (where) => `Ingen hilsen fra ${where}`,
  sessionRefusedAt: (where) => `Koblet til ${where}, men serveren avviste økten`,
  greeted: (where, greeting) => `Koblet til ${where}; serveren hilste: ${greeting}`,
  implicitTls: (d) => `Kryptert fra starten (TLS): ${d}`,
  handshakeFailed: 'TLS-håndtrykket mislyktes',
  ehloFailed: 'EHLO mislyktes',
  heloFailed: 'HELO mislyktes',
  ehloRefused: 'Serveren avviste EHLO',
  noGreetingAfterTls: 'Ingen hilsen etter TLS-håndtrykket',
  sessionRefused: 'Serveren avviste økten',
  startTlsNotOffered: 'STARTTLS kreves, men tilbys ikke',
  startTlsFailed: 'STARTTLS mislyktes',
  startTlsRefused: 'Serveren avviste STARTTLS',
  upgraded: (d) => `Kryptert med STARTTLS: ${d}`,
  tlsNotUsed: 'Brukes ikke: sikkerheten er «none», så forbindelsen er ikke kryptert.',
  startTlsOffered: ' Serveren tilbyr STARTTLS på denne porten: velg sikkerheten «starttls» for å kryptere.',
  announced: (k) => `Serveren meldte ${k ?? 'ingen utvidelser'}.`,
  maxSize: (size) => `Den tar imot meldinger på opptil ${size}.`,
  noPassword: 'Det er ikke satt noe passord, så testen logger ikke inn.',
  noPlaintextAuth: 'Forbindelsen er ikke kryptert, så testen sender ikke passordet (en administrator kan tillate det med allowPlaintextAuth).',
  cannotSignIn: 'Kan ikke logge inn',
  signInFailed: (u) => `Innlogging som ${u} mislyktes`,
  signedIn: (u, m) => `Logget inn som ${u} med ${m}.`,
  mailFromFailed: (a) => `MAIL FROM:<${a}> mislyktes`,
  senderRefused: (a) => `Serveren avviste ${a} som avsender`,
  rsetFailed: 'RSET mislyktes',
  rsetRefused: 'Serveren avviste RSET',
  sendersAccepted: (list) => `Serveren godtar ${list} som avsender (MAIL FROM).`,
  patternsNotTried: (p) => ` Mønstre som ${p} kan ikke prøves én og én.`,
  rcptFailed: (a) => `RCPT TO:<${a}> mislyktes`,
  rcptRefused: (a) => `Serveren avviste ${a} som mottaker`,
  rcptAccepted: (a) => `Serveren godtar ${a} som mottaker.`,
  dataFailed: 'DATA mislyktes',
  dataRefused: 'Serveren ville ikke ta imot meldingen',
  sendFailed: 'Testmeldingen kunne ikke sendes',
  refusedAfterReceiving: 'Serveren avviste testmeldingen etter å ha mottatt den',
  accepted: (r, reply) => `Serveren tok imot testmeldingen til ${r}: ${reply}`,
  aliasSendFailed: (a) => `En testmelding fra ${a} kunne ikke sendes`,
  aliasRefused: (a) => `Serveren avviste en melding fra ${a} etter å ha mottatt den`,
  aliasAccepted: (a, reply) => `Serveren tok imot en testmelding fra ${a} til ${a}: ${reply}`,
  aliasesAccepted: (list) => ` Testmeldinger fra ${list} gikk hele veien.`,
  oauthUnavailable: 'Dette reléet kan ikke hente OAuth2-tokener.',
  oauthAppToken: (p, app) => `Fikk et tilgangstoken fra ${p} for appen ${app} (bare appen, client credentials)`,
  oauthSavedToken: (p, account) => `Fikk et tilgangstoken fra ${p} med den lagrede påloggingen${account ? ` for ${account}` : ''}`,
  oauthTokenValid: (d, cached, until) => `${d}${cached ? ' (fra reléets hurtigbuffer)' : ''}, gyldig til ${until}.`,
  oauthSignInStopped: (p, detail) => `Den lagrede påloggingen hos ${p} sluttet å virke${detail ? `: ${detail}` : ''}. Logg på igjen.`,
  oauthNotSignedIn: (p) => `Ingen har logget på med ${p} for denne avsenderen ennå, så det finnes ikke noe token å teste med. Lagre den og logg på først.`,
  oauthTokenFailed: (r) => `Kunne ikke hente et tilgangstoken: ${r}`,
  oauthNewTokenFailed: (r) => `Kunne ikke hente et nytt tilgangstoken: ${r}`,
  folderFound: (f) => `Mappen ${f} finnes; kopier av sendte meldinger legges i den.`,
  folderMissing: (f) => `Det finnes ingen mappe ${f}`,
};

const de: StageTexts = {
  lookupFailed: (host) => `${host} konnte nicht aufgelöst werden`,
  addresses: (host, all, using) => `${host} hat die Adressen ${all}; verwendet wird ${using}.`,
  address: (host, address) => `${host} ist ${address}.`,
  connected: (where) => `Verbunden mit ${where}.`,
  connectFailed: (where) => `Keine Verbindung zu ${where}`,
  noGreeting: (where) => `Keine Begrüßung von ${where}`,
  sessionRefusedAt: (where) => `Verbunden mit ${where}, aber der Server hat die Sitzung abgelehnt`,
  greeted: (where, greeting) => `Verbunden mit ${where}; der Server grüßte: ${greeting}`,
  implicitTls: (d) => `Von Anfang an verschlüsselt (TLS): ${d}`,
  handshakeFailed: 'Der TLS-Handshake ist fehlgeschlagen',
  ehloFailed: 'EHLO ist fehlgeschlagen',
  heloFailed: 'HELO ist fehlgeschlagen',
  ehloRefused: 'Der Server hat EHLO abgelehnt',
  noGreetingAfterTls: 'Keine Begrüßung nach dem TLS-Handshake',
  sessionRefused: 'Der Server hat die Sitzung abgelehnt',
  startTlsNotOffered: 'STARTTLS ist erforderlich, wird aber nicht angeboten',
  startTlsFailed: 'STARTTLS ist fehlgeschlagen',
  startTlsRefused: 'Der Server hat STARTTLS abgelehnt',
  upgraded: (d) => `Mit STARTTLS verschlüsselt: ${d}`,
  tlsNotUsed: 'Nicht verwendet: Die Sicherheit ist „none“, die Verbindung ist also nicht verschlüsselt.',
  startTlsOffered: ' Der Server bietet auf diesem Port STARTTLS an: Wählen Sie die Sicherheit „starttls“, um zu verschlüsseln.',
  announced: (k) => `Der Server meldete ${k ?? 'keine Erweiterungen'}.`,
  maxSize: (size) => `Er nimmt Nachrichten bis ${size} an.`,
  noPassword: 'Es ist kein Passwort hinterlegt, der Test meldet sich also nicht an.',
  noPlaintextAuth: 'Die Verbindung ist nicht verschlüsselt, daher sendet der Test das Passwort nicht (ein Admin kann es mit allowPlaintextAuth erlauben).',
  cannotSignIn: 'Anmeldung nicht möglich',
  signInFailed: (u) => `Die Anmeldung als ${u} ist fehlgeschlagen`,
  signedIn: (u, m) => `Angemeldet als ${u} mit ${m}.`,
  mailFromFailed: (a) => `MAIL FROM:<${a}> ist fehlgeschlagen`,
  senderRefused: (a) => `Der Server hat ${a} als Absender abgelehnt`,
  rsetFailed: 'RSET ist fehlgeschlagen',
  rsetRefused: 'Der Server hat RSET abgelehnt',
  sendersAccepted: (list) => `Der Server akzeptiert ${list} als Absender (MAIL FROM).`,
  patternsNotTried: (p) => ` Muster wie ${p} lassen sich nicht einzeln prüfen.`,
  rcptFailed: (a) => `RCPT TO:<${a}> ist fehlgeschlagen`,
  rcptRefused: (a) => `Der Server hat ${a} als Empfänger abgelehnt`,
  rcptAccepted: (a) => `Der Server akzeptiert ${a} als Empfänger.`,
  dataFailed: 'DATA ist fehlgeschlagen',
  dataRefused: 'Der Server wollte die Nachricht nicht annehmen',
  sendFailed: 'Die Testnachricht konnte nicht gesendet werden',
  refusedAfterReceiving: 'Der Server hat die Testnachricht nach dem Empfang abgelehnt',
  accepted: (r, reply) => `Der Server hat die Testnachricht an ${r} angenommen: ${reply}`,
  aliasSendFailed: (a) => `Eine Testnachricht von ${a} konnte nicht gesendet werden`,
  aliasRefused: (a) => `Der Server hat eine Nachricht von ${a} nach dem Empfang abgelehnt`,
  aliasAccepted: (a, reply) => `Der Server hat eine Testnachricht von ${a} an ${a} angenommen: ${reply}`,
  aliasesAccepted: (list) => ` Testnachrichten von ${list} gingen bis zum Ende durch.`,
  oauthUnavailable: 'Dieses Relay kann keine OAuth2-Token abrufen.',
  oauthAppToken: (p, app) => `Zugriffstoken von ${p} für die App ${app} erhalten (nur App, Client Credentials)`,
  oauthSavedToken: (p, account) => `Zugriffstoken von ${p} mit der gespeicherten Anmeldung${account ? ` von ${account}` : ''} erhalten`,
  oauthTokenValid: (d, cached, until) => `${d}${cached ? ' (aus dem Zwischenspeicher des Relays)' : ''}, gültig bis ${until}.`,
  oauthSignInStopped: (p, detail) => `Die gespeicherte Anmeldung bei ${p} funktioniert nicht mehr${detail ? `: ${detail}` : ''}. Melden Sie sich erneut an.`,
  oauthNotSignedIn: (p) => `Für diesen Absender hat sich noch niemand mit ${p} angemeldet, es gibt also kein Token für den Test. Speichern Sie ihn und melden Sie sich zuerst an.`,
  oauthTokenFailed: (r) => `Kein Zugriffstoken erhalten: ${r}`,
  oauthNewTokenFailed: (r) => `Kein neues Zugriffstoken erhalten: ${r}`,
  folderFound: (f) => `Der Ordner ${f} ist vorhanden; Kopien gesendeter Nachrichten kommen dort hinein.`,
  folderMissing: (f) => `Es gibt keinen Ordner ${f}`,
};

const TEXTS: Readonly<Record<Language, StageTexts>> = { en, pl, is, sv, da, nb, de };

export function stageTexts(lang: Language): StageTexts {
  return TEXTS[lang] ?? en;
}
