/**
 * The catalogue of sending problems. Every failure a user can meet while sending through their own
 * mailbox has a stable code, a retry policy for the delivery worker, and a title, explanation and
 * fix in each supported language.
 *
 * Writing rules for the texts:
 * - plain words for the person who sends invoices; the explanation says what happened, the fix says
 *   exactly what to do (the setting, the menu path, the command);
 * - technical strings stay untranslated in every language (PowerShell, ports, menu paths, scopes,
 *   error numbers), because the user has to type or find them exactly so. The unit tests check this.
 *
 * Codes are persisted with messages (`problemCode`), so a code is never renamed or reused.
 */

import { LANGUAGES, type Language } from '../../shared/languages';
export { LANGUAGES, type Language };

/**
 * How a delivery worker treats a message that failed with this problem:
 * - `never`: retrying cannot help or does harm (lockouts, permanent refusals, certificates, setup errors);
 * - `later`: the cause passes by itself (rate limits, timeouts, temporary server trouble);
 * - `limited`: a few more tries, then give up (authentication hiccups, unclear failures).
 */
export type RetryPolicy = 'never' | 'later' | 'limited';

export interface ProblemText {
  title: string;
  explanation: string;
  fix: string;
}

interface Definition {
  retry: RetryPolicy;
  text: Record<Language, ProblemText>;
}

const DEFINITIONS = {
  // ---------------------------------------------------------------- Gmail / Google Workspace
  gmail_bad_credentials: {
    retry: 'limited',
    text: {
      en: {
        title: 'Google did not accept the username or password',
        explanation: 'Gmail refused the sign-in. Either the password is wrong, or it is your normal Google account password, which Gmail no longer accepts from other programs.',
        fix: 'Use your full Gmail address as the username and an app password instead of your normal password: create one at myaccount.google.com → Security → App passwords (needs 2-Step Verification) and paste the 16-letter code here. Or connect with Google sign-in (OAuth2).',
      },
      pl: {
        title: 'Google nie przyjął nazwy użytkownika lub hasła',
        explanation: 'Gmail odrzucił logowanie. Hasło jest błędne albo jest to zwykłe hasło do konta Google, którego Gmail nie przyjmuje już od innych programów.',
        fix: 'Jako nazwy użytkownika użyj pełnego adresu Gmail, a zamiast zwykłego hasła – hasła aplikacji: utwórz je na myaccount.google.com → Security → App passwords (wymaga weryfikacji dwuetapowej) i wklej tutaj 16-znakowy kod. Możesz też połączyć się przez logowanie Google (OAuth2).',
      },
      is: {
        title: 'Google samþykkti ekki notandanafnið eða lykilorðið',
        explanation: 'Gmail hafnaði innskráningunni. Annaðhvort er lykilorðið rangt eða þetta er venjulega lykilorðið að Google-aðganginum, sem Gmail tekur ekki lengur við frá öðrum forritum.',
        fix: 'Notaðu allt Gmail-netfangið sem notandanafn og forritalykilorð í stað venjulega lykilorðsins: búðu það til á myaccount.google.com → Security → App passwords (krefst tveggja þrepa staðfestingar) og límdu 16 stafa kóðann hér inn. Einnig má tengjast með Google-innskráningu (OAuth2).',
      },
      sv: {
        title: 'Google godkände inte användarnamnet eller lösenordet',
        explanation: 'Gmail nekade inloggningen. Antingen är lösenordet fel, eller så är det ditt vanliga lösenord till Google-kontot, som Gmail inte längre tar emot från andra program.',
        fix: 'Använd hela Gmail-adressen som användarnamn och ett applösenord i stället för ditt vanliga lösenord: skapa det på myaccount.google.com → Security → App passwords (kräver tvåstegsverifiering) och klistra in koden på 16 tecken här. Du kan också ansluta med Google-inloggning (OAuth2).',
      },
      da: {
        title: 'Google godkendte ikke brugernavnet eller adgangskoden',
        explanation: 'Gmail afviste login. Enten er adgangskoden forkert, eller også er det din almindelige adgangskode til Google-kontoen, som Gmail ikke længere accepterer fra andre programmer.',
        fix: 'Brug hele Gmail-adressen som brugernavn og en app-adgangskode i stedet for din almindelige adgangskode: opret den på myaccount.google.com → Security → App passwords (kræver totrinsbekræftelse), og indsæt koden på 16 tegn her. Du kan også forbinde med Google-login (OAuth2).',
      },
      nb: {
        title: 'Google godtok ikke brukernavnet eller passordet',
        explanation: 'Gmail avviste påloggingen. Enten er passordet feil, eller så er det det vanlige passordet til Google-kontoen, som Gmail ikke lenger godtar fra andre programmer.',
        fix: 'Bruk hele Gmail-adressen som brukernavn og et app-passord i stedet for det vanlige passordet: opprett det på myaccount.google.com → Security → App passwords (krever totrinnsbekreftelse), og lim inn koden på 16 tegn her. Du kan også koble til med Google-pålogging (OAuth2).',
      },
      de: {
        title: 'Google hat Benutzername oder Passwort nicht akzeptiert',
        explanation: 'Gmail hat die Anmeldung abgelehnt. Entweder ist das Passwort falsch, oder es ist Ihr normales Google-Kontopasswort, das Gmail von anderen Programmen nicht mehr annimmt.',
        fix: 'Verwenden Sie die vollständige Gmail-Adresse als Benutzernamen und statt Ihres normalen Passworts ein App-Passwort: Erstellen Sie es unter myaccount.google.com → Security → App passwords (setzt die Bestätigung in zwei Schritten voraus) und fügen Sie den 16-stelligen Code hier ein. Alternativ verbinden Sie sich per Google-Anmeldung (OAuth2).',
      },
    },
  },
  gmail_app_password_required: {
    retry: 'never',
    text: {
      en: {
        title: 'Gmail needs an app password',
        explanation: 'This Google account uses 2-Step Verification, so Gmail does not accept the normal account password from other programs.',
        fix: 'Create an app password at myaccount.google.com → Security → App passwords and enter it here instead of your normal password. Or connect with Google sign-in (OAuth2).',
      },
      pl: {
        title: 'Gmail wymaga hasła aplikacji',
        explanation: 'To konto Google ma włączoną weryfikację dwuetapową, więc Gmail nie przyjmuje zwykłego hasła do konta od innych programów.',
        fix: 'Utwórz hasło aplikacji na myaccount.google.com → Security → App passwords i wpisz je tutaj zamiast zwykłego hasła. Możesz też połączyć się przez logowanie Google (OAuth2).',
      },
      is: {
        title: 'Gmail krefst forritalykilorðs',
        explanation: 'Kveikt er á tveggja þrepa staðfestingu fyrir þennan Google-aðgang og því tekur Gmail ekki við venjulega lykilorðinu frá öðrum forritum.',
        fix: 'Búðu til forritalykilorð á myaccount.google.com → Security → App passwords og sláðu það inn hér í stað venjulega lykilorðsins. Einnig má tengjast með Google-innskráningu (OAuth2).',
      },
      sv: {
        title: 'Gmail kräver ett applösenord',
        explanation: 'Det här Google-kontot använder tvåstegsverifiering, så Gmail tar inte emot det vanliga lösenordet från andra program.',
        fix: 'Skapa ett applösenord på myaccount.google.com → Security → App passwords och ange det här i stället för ditt vanliga lösenord. Du kan också ansluta med Google-inloggning (OAuth2).',
      },
      da: {
        title: 'Gmail kræver en app-adgangskode',
        explanation: 'Denne Google-konto bruger totrinsbekræftelse, så Gmail accepterer ikke den almindelige adgangskode fra andre programmer.',
        fix: 'Opret en app-adgangskode på myaccount.google.com → Security → App passwords, og indtast den her i stedet for din almindelige adgangskode. Du kan også forbinde med Google-login (OAuth2).',
      },
      nb: {
        title: 'Gmail krever et app-passord',
        explanation: 'Denne Google-kontoen bruker totrinnsbekreftelse, så Gmail godtar ikke det vanlige passordet fra andre programmer.',
        fix: 'Opprett et app-passord på myaccount.google.com → Security → App passwords, og skriv det inn her i stedet for det vanlige passordet. Du kan også koble til med Google-pålogging (OAuth2).',
      },
      de: {
        title: 'Gmail verlangt ein App-Passwort',
        explanation: 'Für dieses Google-Konto ist die Bestätigung in zwei Schritten aktiviert, daher nimmt Gmail das normale Kontopasswort von anderen Programmen nicht an.',
        fix: 'Erstellen Sie unter myaccount.google.com → Security → App passwords ein App-Passwort und geben Sie es hier statt Ihres normalen Passworts ein. Alternativ verbinden Sie sich per Google-Anmeldung (OAuth2).',
      },
    },
  },
  gmail_web_login_required: {
    retry: 'never',
    text: {
      en: {
        title: 'Google blocked the sign-in',
        explanation: 'Google stopped this sign-in as unusual and wants you to confirm in a web browser that it was you.',
        fix: 'Sign in to Gmail in your web browser with this account and confirm any security alert at myaccount.google.com → Security, then try again. If it keeps happening, use an app password or connect with Google sign-in (OAuth2).',
      },
      pl: {
        title: 'Google zablokował logowanie',
        explanation: 'Google uznał to logowanie za nietypowe i prosi o potwierdzenie w przeglądarce, że to Ty.',
        fix: 'Zaloguj się do Gmaila w przeglądarce na to konto, potwierdź ewentualne alerty bezpieczeństwa na myaccount.google.com → Security i spróbuj ponownie. Jeśli to się powtarza, użyj hasła aplikacji lub połącz się przez logowanie Google (OAuth2).',
      },
      is: {
        title: 'Google lokaði á innskráninguna',
        explanation: 'Google stöðvaði innskráninguna þar sem hún þótti óvenjuleg og vill að þú staðfestir í vafra að þetta hafir verið þú.',
        fix: 'Skráðu þig inn í Gmail í vafra með þessum aðgangi, staðfestu allar öryggisviðvaranir á myaccount.google.com → Security og reyndu svo aftur. Ef þetta gerist ítrekað skaltu nota forritalykilorð eða tengjast með Google-innskráningu (OAuth2).',
      },
      sv: {
        title: 'Google blockerade inloggningen',
        explanation: 'Google stoppade inloggningen eftersom den verkade ovanlig och vill att du bekräftar i en webbläsare att det var du.',
        fix: 'Logga in på Gmail i webbläsaren med det här kontot, bekräfta eventuella säkerhetsvarningar på myaccount.google.com → Security och försök sedan igen. Om det upprepas, använd ett applösenord eller anslut med Google-inloggning (OAuth2).',
      },
      da: {
        title: 'Google blokerede login',
        explanation: 'Google stoppede login, fordi det virkede usædvanligt, og vil have dig til at bekræfte i en browser, at det var dig.',
        fix: 'Log ind på Gmail i din browser med denne konto, bekræft eventuelle sikkerhedsadvarsler på myaccount.google.com → Security, og prøv igen. Sker det igen, så brug en app-adgangskode, eller forbind med Google-login (OAuth2).',
      },
      nb: {
        title: 'Google blokkerte påloggingen',
        explanation: 'Google stoppet påloggingen fordi den virket uvanlig, og vil at du bekrefter i en nettleser at det var deg.',
        fix: 'Logg på Gmail i nettleseren med denne kontoen, bekreft eventuelle sikkerhetsvarsler på myaccount.google.com → Security, og prøv igjen. Skjer det igjen, bruk et app-passord eller koble til med Google-pålogging (OAuth2).',
      },
      de: {
        title: 'Google hat die Anmeldung blockiert',
        explanation: 'Google hat diese Anmeldung als ungewöhnlich gestoppt und möchte, dass Sie im Browser bestätigen, dass Sie es waren.',
        fix: 'Melden Sie sich mit diesem Konto im Browser bei Gmail an, bestätigen Sie eventuelle Sicherheitswarnungen unter myaccount.google.com → Security und versuchen Sie es erneut. Passiert das wiederholt, verwenden Sie ein App-Passwort oder die Google-Anmeldung (OAuth2).',
      },
    },
  },

  // ---------------------------------------------------------------- Encryption policy of the server
  starttls_required_by_server: {
    retry: 'never',
    text: {
      en: {
        title: 'The server requires an encrypted connection',
        explanation: 'The mail server will not continue on an unencrypted connection, and this sender profile is set to send without encryption.',
        fix: 'Change the security setting to STARTTLS with port 587, or to TLS with port 465.',
      },
      pl: {
        title: 'Serwer wymaga szyfrowanego połączenia',
        explanation: 'Serwer poczty nie kontynuuje przez nieszyfrowane połączenie, a ten profil nadawcy jest ustawiony na wysyłanie bez szyfrowania.',
        fix: 'Zmień ustawienie zabezpieczeń na STARTTLS z portem 587 albo na TLS z portem 465.',
      },
      is: {
        title: 'Póstþjónninn krefst dulkóðaðrar tengingar',
        explanation: 'Póstþjónninn heldur ekki áfram á ódulkóðaðri tengingu, en þetta sendandasnið er stillt á að senda án dulkóðunar.',
        fix: 'Breyttu öryggisstillingunni í STARTTLS með gátt 587 eða í TLS með gátt 465.',
      },
      sv: {
        title: 'Servern kräver en krypterad anslutning',
        explanation: 'E-postservern fortsätter inte över en okrypterad anslutning, och den här avsändarprofilen är inställd på att skicka utan kryptering.',
        fix: 'Ändra säkerhetsinställningen till STARTTLS med port 587 eller till TLS med port 465.',
      },
      da: {
        title: 'Serveren kræver en krypteret forbindelse',
        explanation: 'Mailserveren fortsætter ikke over en ukrypteret forbindelse, og denne afsenderprofil er sat til at sende uden kryptering.',
        fix: 'Skift sikkerhedsindstillingen til STARTTLS med port 587 eller til TLS med port 465.',
      },
      nb: {
        title: 'Serveren krever en kryptert tilkobling',
        explanation: 'E-postserveren fortsetter ikke over en ukryptert tilkobling, og denne avsenderprofilen er satt til å sende uten kryptering.',
        fix: 'Endre sikkerhetsinnstillingen til STARTTLS med port 587 eller til TLS med port 465.',
      },
      de: {
        title: 'Der Server verlangt eine verschlüsselte Verbindung',
        explanation: 'Der Mailserver setzt die Verbindung unverschlüsselt nicht fort, dieses Absenderprofil ist aber auf Versand ohne Verschlüsselung eingestellt.',
        fix: 'Stellen Sie die Sicherheit auf STARTTLS mit Port 587 oder auf TLS mit Port 465 um.',
      },
    },
  },

  // ---------------------------------------------------------------- Microsoft 365 / Outlook.com sign-in
  ms_smtp_auth_disabled_tenant: {
    retry: 'never',
    text: {
      en: {
        title: 'Password sign-in for sending is turned off for your organization',
        explanation: 'Microsoft 365 refused the sign-in because SMTP AUTH (sending with a username and password) is disabled for your whole organization.',
        fix: 'Ask your Microsoft 365 administrator to enable it in Exchange Online PowerShell with Set-TransportConfig -SmtpClientAuthenticationDisabled $false, or only for this mailbox with Set-CASMailbox <mailbox> -SmtpClientAuthenticationDisabled $false. The change can take up to an hour. Better still, connect with Microsoft sign-in (OAuth2), which keeps working after Microsoft retires password sign-in.',
      },
      pl: {
        title: 'Logowanie hasłem do wysyłki jest wyłączone w Twojej organizacji',
        explanation: 'Microsoft 365 odrzucił logowanie, ponieważ SMTP AUTH (wysyłanie z nazwą użytkownika i hasłem) jest wyłączone dla całej organizacji.',
        fix: 'Poproś administratora Microsoft 365 o włączenie go w Exchange Online PowerShell poleceniem Set-TransportConfig -SmtpClientAuthenticationDisabled $false albo tylko dla tej skrzynki poleceniem Set-CASMailbox <mailbox> -SmtpClientAuthenticationDisabled $false. Zmiana może zacząć działać dopiero po godzinie. Jeszcze lepiej połączyć się przez logowanie Microsoft (OAuth2), które będzie działać także po wycofaniu przez Microsoft logowania hasłem.',
      },
      is: {
        title: 'Innskráning með lykilorði til sendingar er óvirk hjá fyrirtækinu',
        explanation: 'Microsoft 365 hafnaði innskráningunni því SMTP AUTH (sending með notandanafni og lykilorði) er óvirkt fyrir allt fyrirtækið.',
        fix: 'Biddu kerfisstjóra Microsoft 365 að virkja það í Exchange Online PowerShell með Set-TransportConfig -SmtpClientAuthenticationDisabled $false, eða aðeins fyrir þetta pósthólf með Set-CASMailbox <mailbox> -SmtpClientAuthenticationDisabled $false. Það getur tekið allt að klukkustund að taka gildi. Enn betra er að tengjast með Microsoft-innskráningu (OAuth2), sem virkar áfram eftir að Microsoft hættir að leyfa innskráningu með lykilorði.',
      },
      sv: {
        title: 'Inloggning med lösenord för att skicka är avstängd i din organisation',
        explanation: 'Microsoft 365 nekade inloggningen eftersom SMTP AUTH (att skicka med användarnamn och lösenord) är avstängt för hela organisationen.',
        fix: 'Be din Microsoft 365-administratör att slå på det i Exchange Online PowerShell med Set-TransportConfig -SmtpClientAuthenticationDisabled $false, eller bara för den här postlådan med Set-CASMailbox <mailbox> -SmtpClientAuthenticationDisabled $false. Ändringen kan ta upp till en timme. Ännu bättre är att ansluta med Microsoft-inloggning (OAuth2), som fortsätter att fungera när Microsoft slutar med lösenordsinloggning.',
      },
      da: {
        title: 'Login med adgangskode til afsendelse er slået fra i din organisation',
        explanation: 'Microsoft 365 afviste login, fordi SMTP AUTH (afsendelse med brugernavn og adgangskode) er slået fra for hele organisationen.',
        fix: 'Bed din Microsoft 365-administrator om at slå det til i Exchange Online PowerShell med Set-TransportConfig -SmtpClientAuthenticationDisabled $false eller kun for denne postkasse med Set-CASMailbox <mailbox> -SmtpClientAuthenticationDisabled $false. Det kan tage op til en time, før ændringen virker. Endnu bedre: forbind med Microsoft-login (OAuth2), som bliver ved med at virke, når Microsoft udfaser login med adgangskode.',
      },
      nb: {
        title: 'Pålogging med passord for sending er slått av i organisasjonen din',
        explanation: 'Microsoft 365 avviste påloggingen fordi SMTP AUTH (sending med brukernavn og passord) er slått av for hele organisasjonen.',
        fix: 'Be Microsoft 365-administratoren om å slå det på i Exchange Online PowerShell med Set-TransportConfig -SmtpClientAuthenticationDisabled $false, eller bare for denne postboksen med Set-CASMailbox <mailbox> -SmtpClientAuthenticationDisabled $false. Det kan ta opptil en time før endringen virker. Enda bedre: koble til med Microsoft-pålogging (OAuth2), som fortsetter å virke når Microsoft fjerner pålogging med passord.',
      },
      de: {
        title: 'Die Anmeldung per Passwort zum Senden ist für Ihre Organisation deaktiviert',
        explanation: 'Microsoft 365 hat die Anmeldung abgelehnt, weil SMTP AUTH (Senden mit Benutzername und Passwort) für die gesamte Organisation deaktiviert ist.',
        fix: 'Bitten Sie Ihren Microsoft 365-Administrator, es in Exchange Online PowerShell mit Set-TransportConfig -SmtpClientAuthenticationDisabled $false zu aktivieren, oder nur für dieses Postfach mit Set-CASMailbox <mailbox> -SmtpClientAuthenticationDisabled $false. Bis die Änderung wirkt, kann bis zu eine Stunde vergehen. Noch besser: Verbinden Sie sich per Microsoft-Anmeldung (OAuth2), die auch nach dem Ende der Passwortanmeldung bei Microsoft weiter funktioniert.',
      },
    },
  },
  ms_smtp_auth_disabled_mailbox: {
    retry: 'never',
    text: {
      en: {
        title: 'Password sign-in for sending is turned off for this mailbox',
        explanation: 'Microsoft 365 refused the sign-in because SMTP AUTH (sending with a username and password) is disabled for this mailbox.',
        fix: 'Ask your Microsoft 365 administrator to turn on Authenticated SMTP for this mailbox: Microsoft 365 admin center → Users → Active users → the user → Mail → Manage email apps → Authenticated SMTP, or in PowerShell Set-CASMailbox <mailbox> -SmtpClientAuthenticationDisabled $false. The change can take up to an hour. Better still, connect with Microsoft sign-in (OAuth2).',
      },
      pl: {
        title: 'Logowanie hasłem do wysyłki jest wyłączone dla tej skrzynki',
        explanation: 'Microsoft 365 odrzucił logowanie, ponieważ SMTP AUTH (wysyłanie z nazwą użytkownika i hasłem) jest wyłączone dla tej skrzynki pocztowej.',
        fix: 'Poproś administratora Microsoft 365 o włączenie Authenticated SMTP dla tej skrzynki: Microsoft 365 admin center → Users → Active users → użytkownik → Mail → Manage email apps → Authenticated SMTP albo w PowerShell: Set-CASMailbox <mailbox> -SmtpClientAuthenticationDisabled $false. Zmiana może zacząć działać dopiero po godzinie. Jeszcze lepiej połączyć się przez logowanie Microsoft (OAuth2).',
      },
      is: {
        title: 'Innskráning með lykilorði til sendingar er óvirk fyrir þetta pósthólf',
        explanation: 'Microsoft 365 hafnaði innskráningunni því SMTP AUTH (sending með notandanafni og lykilorði) er óvirkt fyrir þetta pósthólf.',
        fix: 'Biddu kerfisstjóra Microsoft 365 að kveikja á Authenticated SMTP fyrir pósthólfið: Microsoft 365 admin center → Users → Active users → notandinn → Mail → Manage email apps → Authenticated SMTP, eða í PowerShell Set-CASMailbox <mailbox> -SmtpClientAuthenticationDisabled $false. Það getur tekið allt að klukkustund að taka gildi. Enn betra er að tengjast með Microsoft-innskráningu (OAuth2).',
      },
      sv: {
        title: 'Inloggning med lösenord för att skicka är avstängd för den här postlådan',
        explanation: 'Microsoft 365 nekade inloggningen eftersom SMTP AUTH (att skicka med användarnamn och lösenord) är avstängt för den här postlådan.',
        fix: 'Be din Microsoft 365-administratör att slå på Authenticated SMTP för postlådan: Microsoft 365 admin center → Users → Active users → användaren → Mail → Manage email apps → Authenticated SMTP, eller i PowerShell Set-CASMailbox <mailbox> -SmtpClientAuthenticationDisabled $false. Ändringen kan ta upp till en timme. Ännu bättre är att ansluta med Microsoft-inloggning (OAuth2).',
      },
      da: {
        title: 'Login med adgangskode til afsendelse er slået fra for denne postkasse',
        explanation: 'Microsoft 365 afviste login, fordi SMTP AUTH (afsendelse med brugernavn og adgangskode) er slået fra for denne postkasse.',
        fix: 'Bed din Microsoft 365-administrator om at slå Authenticated SMTP til for postkassen: Microsoft 365 admin center → Users → Active users → brugeren → Mail → Manage email apps → Authenticated SMTP, eller i PowerShell Set-CASMailbox <mailbox> -SmtpClientAuthenticationDisabled $false. Det kan tage op til en time, før ændringen virker. Endnu bedre: forbind med Microsoft-login (OAuth2).',
      },
      nb: {
        title: 'Pålogging med passord for sending er slått av for denne postboksen',
        explanation: 'Microsoft 365 avviste påloggingen fordi SMTP AUTH (sending med brukernavn og passord) er slått av for denne postboksen.',
        fix: 'Be Microsoft 365-administratoren om å slå på Authenticated SMTP for postboksen: Microsoft 365 admin center → Users → Active users → brukeren → Mail → Manage email apps → Authenticated SMTP, eller i PowerShell Set-CASMailbox <mailbox> -SmtpClientAuthenticationDisabled $false. Det kan ta opptil en time før endringen virker. Enda bedre: koble til med Microsoft-pålogging (OAuth2).',
      },
      de: {
        title: 'Die Anmeldung per Passwort zum Senden ist für dieses Postfach deaktiviert',
        explanation: 'Microsoft 365 hat die Anmeldung abgelehnt, weil SMTP AUTH (Senden mit Benutzername und Passwort) für dieses Postfach deaktiviert ist.',
        fix: 'Bitten Sie Ihren Microsoft 365-Administrator, Authenticated SMTP für das Postfach zu aktivieren: Microsoft 365 admin center → Users → Active users → der Benutzer → Mail → Manage email apps → Authenticated SMTP, oder in PowerShell mit Set-CASMailbox <mailbox> -SmtpClientAuthenticationDisabled $false. Bis die Änderung wirkt, kann bis zu eine Stunde vergehen. Noch besser: Verbinden Sie sich per Microsoft-Anmeldung (OAuth2).',
      },
    },
  },
  ms_security_defaults: {
    retry: 'never',
    text: {
      en: {
        title: 'Microsoft security defaults block password sign-in',
        explanation: "Your organization uses Microsoft's security defaults, which stop mail programs from signing in with just a username and password.",
        fix: 'Connect with Microsoft sign-in (OAuth2) instead of a password. To keep using a password, your administrator would have to replace security defaults with Conditional Access policies in Microsoft Entra ID and enable SMTP AUTH for the mailbox.',
      },
      pl: {
        title: 'Domyślne ustawienia zabezpieczeń Microsoft blokują logowanie hasłem',
        explanation:
          'Twoja organizacja korzysta z domyślnych ustawień zabezpieczeń Microsoft (security defaults), które nie pozwalają programom pocztowym logować się samą nazwą użytkownika i hasłem.',
        fix: 'Zamiast hasła połącz się przez logowanie Microsoft (OAuth2). Aby dalej używać hasła, administrator musiałby zastąpić security defaults zasadami dostępu warunkowego (Conditional Access) w Microsoft Entra ID i włączyć SMTP AUTH dla skrzynki.',
      },
      is: {
        title: 'Sjálfgefnar öryggisstillingar Microsoft loka á innskráningu með lykilorði',
        explanation: 'Fyrirtækið notar sjálfgefnar öryggisstillingar Microsoft (security defaults), sem leyfa póstforritum ekki að skrá sig inn með notandanafni og lykilorði einu saman.',
        fix: 'Tengstu með Microsoft-innskráningu (OAuth2) í stað lykilorðs. Til að nota áfram lykilorð þyrfti kerfisstjórinn að leysa security defaults af hólmi með Conditional Access-reglum í Microsoft Entra ID og virkja SMTP AUTH fyrir pósthólfið.',
      },
      sv: {
        title: 'Microsofts standardinställningar för säkerhet blockerar lösenordsinloggning',
        explanation: 'Din organisation använder Microsofts standardinställningar för säkerhet (security defaults), som hindrar e-postprogram från att logga in med bara användarnamn och lösenord.',
        fix: 'Anslut med Microsoft-inloggning (OAuth2) i stället för lösenord. För att fortsätta med lösenord måste administratören ersätta security defaults med principer för villkorsstyrd åtkomst (Conditional Access) i Microsoft Entra ID och slå på SMTP AUTH för postlådan.',
      },
      da: {
        title: 'Microsofts standardsikkerhedsindstillinger blokerer login med adgangskode',
        explanation: 'Din organisation bruger Microsofts standardsikkerhedsindstillinger (security defaults), som forhindrer mailprogrammer i at logge ind med kun brugernavn og adgangskode.',
        fix: 'Forbind med Microsoft-login (OAuth2) i stedet for en adgangskode. For at blive ved med at bruge adgangskode skal din administrator erstatte security defaults med politikker for betinget adgang (Conditional Access) i Microsoft Entra ID og slå SMTP AUTH til for postkassen.',
      },
      nb: {
        title: 'Microsofts standard sikkerhetsinnstillinger blokkerer pålogging med passord',
        explanation: 'Organisasjonen din bruker Microsofts standard sikkerhetsinnstillinger (security defaults), som hindrer e-postprogrammer i å logge på med bare brukernavn og passord.',
        fix: 'Koble til med Microsoft-pålogging (OAuth2) i stedet for passord. For å fortsette med passord må administratoren erstatte security defaults med policyer for betinget tilgang (Conditional Access) i Microsoft Entra ID og slå på SMTP AUTH for postboksen.',
      },
      de: {
        title: 'Die Microsoft-Sicherheitsstandards blockieren die Anmeldung per Passwort',
        explanation: 'Ihre Organisation nutzt die Sicherheitsstandards von Microsoft (Security Defaults), die E-Mail-Programmen die Anmeldung nur mit Benutzername und Passwort verbieten.',
        fix: 'Verbinden Sie sich per Microsoft-Anmeldung (OAuth2) statt mit Passwort. Um weiter ein Passwort zu verwenden, müsste Ihr Administrator die Sicherheitsstandards durch Richtlinien für bedingten Zugriff (Conditional Access) in Microsoft Entra ID ersetzen und SMTP AUTH für das Postfach aktivieren.',
      },
    },
  },
  ms_conditional_access: {
    retry: 'never',
    text: {
      en: {
        title: 'A Microsoft sign-in policy blocked this sign-in',
        explanation: 'A Conditional Access policy in your organization, for example one that requires multi-factor authentication or a trusted location, did not allow this sign-in.',
        fix: 'Connect with Microsoft sign-in (OAuth2), or ask your administrator to look up this sign-in in the Microsoft Entra ID sign-in logs and allow it.',
      },
      pl: {
        title: 'Zasady logowania Microsoft zablokowały to logowanie',
        explanation:
          'Zasady dostępu warunkowego (Conditional Access) w Twojej organizacji, na przykład wymagające uwierzytelniania wieloskładnikowego lub zaufanej lokalizacji, nie dopuściły tego logowania.',
        fix: 'Połącz się przez logowanie Microsoft (OAuth2) albo poproś administratora, aby odnalazł to logowanie w dziennikach logowania Microsoft Entra ID (sign-in logs) i na nie zezwolił.',
      },
      is: {
        title: 'Innskráningarregla hjá Microsoft lokaði á innskráninguna',
        explanation: 'Conditional Access-regla hjá fyrirtækinu, til dæmis regla sem krefst fjölþátta auðkenningar eða traustrar staðsetningar, leyfði ekki þessa innskráningu.',
        fix: 'Tengstu með Microsoft-innskráningu (OAuth2) eða biddu kerfisstjórann að finna innskráninguna í innskráningarskrám Microsoft Entra ID (sign-in logs) og leyfa hana.',
      },
      sv: {
        title: 'En inloggningsprincip hos Microsoft blockerade inloggningen',
        explanation:
          'En princip för villkorsstyrd åtkomst (Conditional Access) i din organisation, till exempel en som kräver multifaktorautentisering eller en betrodd plats, tillät inte den här inloggningen.',
        fix: 'Anslut med Microsoft-inloggning (OAuth2), eller be administratören att leta upp inloggningen i inloggningsloggarna i Microsoft Entra ID (sign-in logs) och tillåta den.',
      },
      da: {
        title: 'En Microsoft-loginpolitik blokerede login',
        explanation: 'En politik for betinget adgang (Conditional Access) i din organisation, fx en der kræver multifaktorgodkendelse eller en godkendt placering, tillod ikke dette login.',
        fix: 'Forbind med Microsoft-login (OAuth2), eller bed din administrator om at finde login i logonloggene i Microsoft Entra ID (sign-in logs) og tillade det.',
      },
      nb: {
        title: 'En påloggingspolicy hos Microsoft blokkerte påloggingen',
        explanation:
          'En policy for betinget tilgang (Conditional Access) i organisasjonen din, for eksempel en som krever flerfaktorautentisering eller en klarert plassering, tillot ikke denne påloggingen.',
        fix: 'Koble til med Microsoft-pålogging (OAuth2), eller be administratoren finne påloggingen i påloggingsloggene i Microsoft Entra ID (sign-in logs) og tillate den.',
      },
      de: {
        title: 'Eine Microsoft-Anmelderichtlinie hat die Anmeldung blockiert',
        explanation:
          'Eine Richtlinie für bedingten Zugriff (Conditional Access) in Ihrer Organisation, etwa eine, die mehrstufige Authentifizierung oder einen vertrauenswürdigen Standort verlangt, hat diese Anmeldung nicht zugelassen.',
        fix: 'Verbinden Sie sich per Microsoft-Anmeldung (OAuth2), oder bitten Sie Ihren Administrator, diese Anmeldung in den Anmeldeprotokollen von Microsoft Entra ID (sign-in logs) zu prüfen und zuzulassen.',
      },
    },
  },
  ms_bad_credentials: {
    retry: 'limited',
    text: {
      en: {
        title: 'Microsoft 365 did not accept the username or password',
        explanation: 'Microsoft 365 refused the sign-in. Usually the password is wrong, or the account uses multi-factor authentication, which does not work with a plain password.',
        fix: 'Check that the username is the full e-mail address and enter the password again. If the account uses multi-factor authentication, or the password is right, connect with Microsoft sign-in (OAuth2) instead, or ask your administrator whether Authenticated SMTP is enabled for this mailbox.',
      },
      pl: {
        title: 'Microsoft 365 nie przyjął nazwy użytkownika lub hasła',
        explanation: 'Microsoft 365 odrzucił logowanie. Zwykle hasło jest błędne albo konto używa uwierzytelniania wieloskładnikowego, które nie działa z samym hasłem.',
        fix: 'Sprawdź, czy nazwa użytkownika to pełny adres e-mail, i wpisz hasło ponownie. Jeśli konto używa uwierzytelniania wieloskładnikowego albo hasło jest poprawne, połącz się przez logowanie Microsoft (OAuth2) lub zapytaj administratora, czy dla tej skrzynki włączone jest Authenticated SMTP.',
      },
      is: {
        title: 'Microsoft 365 samþykkti ekki notandanafnið eða lykilorðið',
        explanation: 'Microsoft 365 hafnaði innskráningunni. Yfirleitt er lykilorðið rangt eða aðgangurinn notar fjölþátta auðkenningu, sem virkar ekki með lykilorði einu saman.',
        fix: 'Gakktu úr skugga um að notandanafnið sé allt netfangið og sláðu lykilorðið inn aftur. Ef aðgangurinn notar fjölþátta auðkenningu eða lykilorðið er rétt skaltu tengjast með Microsoft-innskráningu (OAuth2) eða spyrja kerfisstjórann hvort Authenticated SMTP sé virkt fyrir pósthólfið.',
      },
      sv: {
        title: 'Microsoft 365 godkände inte användarnamnet eller lösenordet',
        explanation: 'Microsoft 365 nekade inloggningen. Oftast är lösenordet fel, eller så använder kontot multifaktorautentisering, som inte fungerar med bara ett lösenord.',
        fix: 'Kontrollera att användarnamnet är hela e-postadressen och ange lösenordet igen. Om kontot använder multifaktorautentisering, eller om lösenordet är rätt, anslut med Microsoft-inloggning (OAuth2) i stället eller fråga administratören om Authenticated SMTP är påslaget för postlådan.',
      },
      da: {
        title: 'Microsoft 365 godkendte ikke brugernavnet eller adgangskoden',
        explanation: 'Microsoft 365 afviste login. Som regel er adgangskoden forkert, eller kontoen bruger multifaktorgodkendelse, som ikke virker med en almindelig adgangskode.',
        fix: 'Kontrollér, at brugernavnet er den fulde mailadresse, og indtast adgangskoden igen. Hvis kontoen bruger multifaktorgodkendelse, eller adgangskoden er korrekt, så forbind med Microsoft-login (OAuth2) i stedet, eller spørg din administrator, om Authenticated SMTP er slået til for postkassen.',
      },
      nb: {
        title: 'Microsoft 365 godtok ikke brukernavnet eller passordet',
        explanation: 'Microsoft 365 avviste påloggingen. Som regel er passordet feil, eller kontoen bruker flerfaktorautentisering, som ikke virker med bare et passord.',
        fix: 'Kontroller at brukernavnet er hele e-postadressen, og skriv inn passordet på nytt. Hvis kontoen bruker flerfaktorautentisering, eller passordet er riktig, koble til med Microsoft-pålogging (OAuth2) i stedet, eller spør administratoren om Authenticated SMTP er slått på for postboksen.',
      },
      de: {
        title: 'Microsoft 365 hat Benutzername oder Passwort nicht akzeptiert',
        explanation: 'Microsoft 365 hat die Anmeldung abgelehnt. Meist ist das Passwort falsch, oder das Konto nutzt mehrstufige Authentifizierung, die mit einem reinen Passwort nicht funktioniert.',
        fix: 'Prüfen Sie, ob der Benutzername die vollständige E-Mail-Adresse ist, und geben Sie das Passwort erneut ein. Nutzt das Konto mehrstufige Authentifizierung oder ist das Passwort richtig, verbinden Sie sich stattdessen per Microsoft-Anmeldung (OAuth2) oder fragen Sie Ihren Administrator, ob Authenticated SMTP für das Postfach aktiviert ist.',
      },
    },
  },
  ms_account_locked: {
    retry: 'never',
    text: {
      en: {
        title: 'The Microsoft account is locked',
        explanation: 'Microsoft has locked this account, usually after too many failed sign-ins. Every further failed attempt can keep it locked longer, so Ownpost will not retry on its own.',
        fix: 'Wait until the lock expires or ask your administrator to unlock the account, then check the password in the sender settings before sending again.',
      },
      pl: {
        title: 'Konto Microsoft jest zablokowane',
        explanation:
          'Microsoft zablokował to konto, zwykle po zbyt wielu nieudanych logowaniach. Każda kolejna nieudana próba może przedłużyć blokadę, dlatego Ownpost nie ponawia wysyłki samodzielnie.',
        fix: 'Poczekaj, aż blokada wygaśnie, lub poproś administratora o odblokowanie konta, a przed ponowną wysyłką sprawdź hasło w ustawieniach nadawcy.',
      },
      is: {
        title: 'Microsoft-aðgangurinn er læstur',
        explanation:
          'Microsoft hefur læst þessum aðgangi, yfirleitt eftir of margar misheppnaðar innskráningar. Hver ný misheppnuð tilraun getur lengt læsinguna og því reynir Ownpost ekki aftur sjálfkrafa.',
        fix: 'Bíddu þar til læsingin rennur út eða biddu kerfisstjórann að opna aðganginn, og athugaðu svo lykilorðið í sendandastillingunum áður en þú sendir aftur.',
      },
      sv: {
        title: 'Microsoft-kontot är låst',
        explanation: 'Microsoft har låst kontot, oftast efter för många misslyckade inloggningar. Varje nytt misslyckat försök kan förlänga låsningen, därför försöker Ownpost inte igen på egen hand.',
        fix: 'Vänta tills låsningen upphör eller be administratören att låsa upp kontot, och kontrollera sedan lösenordet i avsändarinställningarna innan du skickar igen.',
      },
      da: {
        title: 'Microsoft-kontoen er låst',
        explanation: 'Microsoft har låst kontoen, som regel efter for mange mislykkede login. Hvert nyt mislykket forsøg kan forlænge spærringen, så Ownpost prøver ikke igen af sig selv.',
        fix: 'Vent, til spærringen udløber, eller bed din administrator om at låse kontoen op, og kontrollér derefter adgangskoden i afsenderindstillingerne, før du sender igen.',
      },
      nb: {
        title: 'Microsoft-kontoen er låst',
        explanation: 'Microsoft har låst kontoen, som regel etter for mange mislykkede pålogginger. Hvert nytt mislykket forsøk kan forlenge låsingen, så Ownpost prøver ikke igjen av seg selv.',
        fix: 'Vent til låsingen opphører, eller be administratoren låse opp kontoen, og kontroller deretter passordet i avsenderinnstillingene før du sender på nytt.',
      },
      de: {
        title: 'Das Microsoft-Konto ist gesperrt',
        explanation:
          'Microsoft hat dieses Konto gesperrt, meist nach zu vielen fehlgeschlagenen Anmeldungen. Jeder weitere Fehlversuch kann die Sperre verlängern, daher versucht Ownpost es nicht selbstständig erneut.',
        fix: 'Warten Sie, bis die Sperre abläuft, oder bitten Sie Ihren Administrator, das Konto zu entsperren. Prüfen Sie dann das Passwort in den Absendereinstellungen, bevor Sie erneut senden.',
      },
    },
  },
  ms_basic_auth_disabled: {
    retry: 'never',
    text: {
      en: {
        title: 'Microsoft no longer accepts password sign-in for this account',
        explanation: 'Basic authentication (signing in with a username and password) is turned off for this account.',
        fix: 'Connect with Microsoft sign-in (OAuth2) in the sender settings. Your administrator may be able to turn SMTP AUTH back on for now, but Microsoft is retiring it.',
      },
      pl: {
        title: 'Microsoft nie przyjmuje już logowania hasłem dla tego konta',
        explanation: 'Uwierzytelnianie podstawowe (logowanie nazwą użytkownika i hasłem) jest wyłączone dla tego konta.',
        fix: 'W ustawieniach nadawcy połącz się przez logowanie Microsoft (OAuth2). Administrator może na razie ponownie włączyć SMTP AUTH, ale Microsoft je wycofuje.',
      },
      is: {
        title: 'Microsoft tekur ekki lengur við innskráningu með lykilorði fyrir þennan aðgang',
        explanation: 'Grunnauðkenning (innskráning með notandanafni og lykilorði) er óvirk fyrir þennan aðgang.',
        fix: 'Tengstu með Microsoft-innskráningu (OAuth2) í sendandastillingunum. Kerfisstjórinn gæti virkjað SMTP AUTH aftur í bili, en Microsoft er að leggja það niður.',
      },
      sv: {
        title: 'Microsoft tar inte längre emot lösenordsinloggning för det här kontot',
        explanation: 'Grundläggande autentisering (inloggning med användarnamn och lösenord) är avstängd för kontot.',
        fix: 'Anslut med Microsoft-inloggning (OAuth2) i avsändarinställningarna. Administratören kan kanske slå på SMTP AUTH igen tills vidare, men Microsoft håller på att avveckla det.',
      },
      da: {
        title: 'Microsoft accepterer ikke længere login med adgangskode til denne konto',
        explanation: 'Grundlæggende godkendelse (login med brugernavn og adgangskode) er slået fra for kontoen.',
        fix: 'Forbind med Microsoft-login (OAuth2) i afsenderindstillingerne. Din administrator kan måske slå SMTP AUTH til igen indtil videre, men Microsoft er ved at udfase det.',
      },
      nb: {
        title: 'Microsoft godtar ikke lenger pålogging med passord for denne kontoen',
        explanation: 'Grunnleggende autentisering (pålogging med brukernavn og passord) er slått av for kontoen.',
        fix: 'Koble til med Microsoft-pålogging (OAuth2) i avsenderinnstillingene. Administratoren kan kanskje slå på SMTP AUTH igjen inntil videre, men Microsoft faser det ut.',
      },
      de: {
        title: 'Microsoft akzeptiert für dieses Konto keine Passwortanmeldung mehr',
        explanation: 'Die Standardauthentifizierung (Anmeldung mit Benutzername und Passwort) ist für dieses Konto deaktiviert.',
        fix: 'Verbinden Sie sich in den Absendereinstellungen per Microsoft-Anmeldung (OAuth2). Ihr Administrator kann SMTP AUTH eventuell vorübergehend wieder aktivieren, Microsoft stellt es aber ein.',
      },
    },
  },
  ms_basic_auth_not_supported: {
    retry: 'never',
    text: {
      en: {
        title: 'Microsoft has removed password sign-in for sending',
        explanation: 'The server answered that basic authentication (username and password) is not supported for sending mail from this account.',
        fix: 'Connect with Microsoft sign-in (OAuth2) in the sender settings. A password will not work for this account any more.',
      },
      pl: {
        title: 'Microsoft usunął logowanie hasłem do wysyłki',
        explanation: 'Serwer odpowiedział, że uwierzytelnianie podstawowe (nazwa użytkownika i hasło) nie jest obsługiwane przy wysyłaniu poczty z tego konta.',
        fix: 'W ustawieniach nadawcy połącz się przez logowanie Microsoft (OAuth2). Hasło nie zadziała już dla tego konta.',
      },
      is: {
        title: 'Microsoft hefur afnumið innskráningu með lykilorði til sendingar',
        explanation: 'Þjónninn svaraði að grunnauðkenning (notandanafn og lykilorð) sé ekki studd við sendingu pósts frá þessum aðgangi.',
        fix: 'Tengstu með Microsoft-innskráningu (OAuth2) í sendandastillingunum. Lykilorð virkar ekki lengur fyrir þennan aðgang.',
      },
      sv: {
        title: 'Microsoft har tagit bort lösenordsinloggning för att skicka',
        explanation: 'Servern svarade att grundläggande autentisering (användarnamn och lösenord) inte stöds för att skicka e-post från det här kontot.',
        fix: 'Anslut med Microsoft-inloggning (OAuth2) i avsändarinställningarna. Ett lösenord fungerar inte längre för det här kontot.',
      },
      da: {
        title: 'Microsoft har fjernet login med adgangskode til afsendelse',
        explanation: 'Serveren svarede, at grundlæggende godkendelse (brugernavn og adgangskode) ikke understøttes til at sende mail fra denne konto.',
        fix: 'Forbind med Microsoft-login (OAuth2) i afsenderindstillingerne. En adgangskode virker ikke længere til denne konto.',
      },
      nb: {
        title: 'Microsoft har fjernet pålogging med passord for sending',
        explanation: 'Serveren svarte at grunnleggende autentisering (brukernavn og passord) ikke støttes for å sende e-post fra denne kontoen.',
        fix: 'Koble til med Microsoft-pålogging (OAuth2) i avsenderinnstillingene. Et passord virker ikke lenger for denne kontoen.',
      },
      de: {
        title: 'Microsoft hat die Passwortanmeldung zum Senden abgeschaltet',
        explanation: 'Der Server hat geantwortet, dass die Standardauthentifizierung (Benutzername und Passwort) zum Senden von E-Mails mit diesem Konto nicht unterstützt wird.',
        fix: 'Verbinden Sie sich in den Absendereinstellungen per Microsoft-Anmeldung (OAuth2). Ein Passwort funktioniert für dieses Konto nicht mehr.',
      },
    },
  },
  ms_oauth_token_rejected: {
    retry: 'limited',
    text: {
      en: {
        title: 'Microsoft rejected the sign-in token',
        explanation: 'Microsoft 365 refused the OAuth2 sign-in token. Usually the app registration lacks a permission, or Exchange Online does not know the app yet.',
        fix: 'For app-only sending, give the app registration the API permission Office 365 Exchange Online → Application permissions → SMTP.SendAsApp with admin consent, register the app in Exchange Online PowerShell with New-ServicePrincipal -AppId <client ID> -ObjectId <object ID> (the Object ID under Enterprise applications, not the one under App registrations), and give it access to the mailbox with Add-MailboxPermission -AccessRights FullAccess. Request the token for the scope https://outlook.office365.com/.default. For a personal Microsoft sign-in, connect the account again.',
      },
      pl: {
        title: 'Microsoft odrzucił token logowania',
        explanation: 'Microsoft 365 odrzucił token logowania OAuth2. Zwykle rejestracji aplikacji brakuje uprawnienia albo Exchange Online jeszcze nie zna tej aplikacji.',
        fix: 'Przy wysyłce jako aplikacja nadaj rejestracji aplikacji uprawnienie API Office 365 Exchange Online → Application permissions → SMTP.SendAsApp ze zgodą administratora, zarejestruj aplikację w Exchange Online PowerShell poleceniem New-ServicePrincipal -AppId <client ID> -ObjectId <object ID> (Object ID z Enterprise applications, a nie z App registrations) i nadaj jej dostęp do skrzynki poleceniem Add-MailboxPermission -AccessRights FullAccess. Token musi być pobierany dla zakresu (scope) https://outlook.office365.com/.default. Przy osobistym logowaniu Microsoft połącz konto ponownie.',
      },
      is: {
        title: 'Microsoft hafnaði innskráningartókanum',
        explanation: 'Microsoft 365 hafnaði OAuth2-innskráningartókanum. Yfirleitt vantar heimild í skráningu forritsins (app registration) eða Exchange Online þekkir forritið ekki enn.',
        fix: 'Fyrir sendingu sem forrit: gefðu skráningu forritsins API-heimildina Office 365 Exchange Online → Application permissions → SMTP.SendAsApp með samþykki kerfisstjóra, skráðu forritið í Exchange Online PowerShell með New-ServicePrincipal -AppId <client ID> -ObjectId <object ID> (Object ID úr Enterprise applications, ekki úr App registrations) og veittu því aðgang að pósthólfinu með Add-MailboxPermission -AccessRights FullAccess. Tókann þarf að sækja fyrir umfangið (scope) https://outlook.office365.com/.default. Við persónulega Microsoft-innskráningu skaltu tengja aðganginn aftur.',
      },
      sv: {
        title: 'Microsoft avvisade inloggningstoken',
        explanation: 'Microsoft 365 avvisade OAuth2-token för inloggningen. Oftast saknar appregistreringen en behörighet, eller så känner Exchange Online inte till appen än.',
        fix: 'För sändning som app: ge appregistreringen API-behörigheten Office 365 Exchange Online → Application permissions → SMTP.SendAsApp med administratörsmedgivande, registrera appen i Exchange Online PowerShell med New-ServicePrincipal -AppId <client ID> -ObjectId <object ID> (Object ID under Enterprise applications, inte det under App registrations) och ge den åtkomst till postlådan med Add-MailboxPermission -AccessRights FullAccess. Token ska begäras för omfånget (scope) https://outlook.office365.com/.default. Vid personlig Microsoft-inloggning ansluter du kontot igen.',
      },
      da: {
        title: 'Microsoft afviste login-tokenet',
        explanation: 'Microsoft 365 afviste OAuth2-tokenet til login. Som regel mangler appregistreringen en tilladelse, eller Exchange Online kender ikke appen endnu.',
        fix: 'Ved afsendelse som app: giv appregistreringen API-tilladelsen Office 365 Exchange Online → Application permissions → SMTP.SendAsApp med administratorsamtykke, registrér appen i Exchange Online PowerShell med New-ServicePrincipal -AppId <client ID> -ObjectId <object ID> (Object ID under Enterprise applications, ikke det under App registrations), og giv den adgang til postkassen med Add-MailboxPermission -AccessRights FullAccess. Tokenet skal hentes til scopet https://outlook.office365.com/.default. Ved personligt Microsoft-login skal du forbinde kontoen igen.',
      },
      nb: {
        title: 'Microsoft avviste påloggingstokenet',
        explanation: 'Microsoft 365 avviste OAuth2-tokenet for påloggingen. Som regel mangler appregistreringen en tillatelse, eller Exchange Online kjenner ikke appen ennå.',
        fix: 'Ved sending som app: gi appregistreringen API-tillatelsen Office 365 Exchange Online → Application permissions → SMTP.SendAsApp med administratorsamtykke, registrer appen i Exchange Online PowerShell med New-ServicePrincipal -AppId <client ID> -ObjectId <object ID> (Object ID under Enterprise applications, ikke den under App registrations), og gi den tilgang til postboksen med Add-MailboxPermission -AccessRights FullAccess. Tokenet må hentes for omfanget (scope) https://outlook.office365.com/.default. Ved personlig Microsoft-pålogging kobler du til kontoen på nytt.',
      },
      de: {
        title: 'Microsoft hat das Anmeldetoken abgelehnt',
        explanation: 'Microsoft 365 hat das OAuth2-Anmeldetoken abgelehnt. Meist fehlt der App-Registrierung eine Berechtigung, oder Exchange Online kennt die App noch nicht.',
        fix: 'Für den Versand als App: Erteilen Sie der App-Registrierung die API-Berechtigung Office 365 Exchange Online → Application permissions → SMTP.SendAsApp mit Administratorzustimmung, registrieren Sie die App in Exchange Online PowerShell mit New-ServicePrincipal -AppId <client ID> -ObjectId <object ID> (die Object ID unter Enterprise applications, nicht die unter App registrations) und geben Sie ihr mit Add-MailboxPermission -AccessRights FullAccess Zugriff auf das Postfach. Das Token muss für den Scope https://outlook.office365.com/.default angefordert werden. Bei persönlicher Microsoft-Anmeldung verbinden Sie das Konto erneut.',
      },
    },
  },

  // ---------------------------------------------------------------- Sign-in in general
  auth_mechanism_not_offered: {
    retry: 'never',
    text: {
      en: {
        title: 'The server does not offer this sign-in method',
        explanation: 'The server did not accept the requested way of signing in. This often happens when the connection is not encrypted yet, or when sign-in for sending is turned off on the server.',
        fix: 'Use STARTTLS with port 587 or TLS with port 465. For Microsoft 365, connect with Microsoft sign-in (OAuth2) or ask your administrator to enable Authenticated SMTP for the mailbox.',
      },
      pl: {
        title: 'Serwer nie oferuje tej metody logowania',
        explanation: 'Serwer nie przyjął wybranego sposobu logowania. Zdarza się to często, gdy połączenie nie jest jeszcze szyfrowane albo gdy logowanie do wysyłki jest na serwerze wyłączone.',
        fix: 'Użyj STARTTLS z portem 587 lub TLS z portem 465. W Microsoft 365 połącz się przez logowanie Microsoft (OAuth2) albo poproś administratora o włączenie Authenticated SMTP dla skrzynki.',
      },
      is: {
        title: 'Þjónninn býður ekki upp á þessa innskráningaraðferð',
        explanation: 'Þjónninn samþykkti ekki þá innskráningaraðferð sem beðið var um. Þetta gerist oft þegar tengingin er ekki enn dulkóðuð eða þegar innskráning til sendingar er óvirk á þjóninum.',
        fix: 'Notaðu STARTTLS með gátt 587 eða TLS með gátt 465. Fyrir Microsoft 365 skaltu tengjast með Microsoft-innskráningu (OAuth2) eða biðja kerfisstjórann að virkja Authenticated SMTP fyrir pósthólfið.',
      },
      sv: {
        title: 'Servern erbjuder inte den här inloggningsmetoden',
        explanation: 'Servern godtog inte det begärda sättet att logga in. Det händer ofta när anslutningen ännu inte är krypterad, eller när inloggning för att skicka är avstängd på servern.',
        fix: 'Använd STARTTLS med port 587 eller TLS med port 465. För Microsoft 365: anslut med Microsoft-inloggning (OAuth2) eller be administratören slå på Authenticated SMTP för postlådan.',
      },
      da: {
        title: 'Serveren tilbyder ikke denne loginmetode',
        explanation: 'Serveren accepterede ikke den ønskede måde at logge ind på. Det sker ofte, når forbindelsen endnu ikke er krypteret, eller når login til afsendelse er slået fra på serveren.',
        fix: 'Brug STARTTLS med port 587 eller TLS med port 465. Ved Microsoft 365: forbind med Microsoft-login (OAuth2), eller bed din administrator om at slå Authenticated SMTP til for postkassen.',
      },
      nb: {
        title: 'Serveren tilbyr ikke denne påloggingsmetoden',
        explanation: 'Serveren godtok ikke den ønskede måten å logge på. Det skjer ofte når tilkoblingen ennå ikke er kryptert, eller når pålogging for sending er slått av på serveren.',
        fix: 'Bruk STARTTLS med port 587 eller TLS med port 465. For Microsoft 365: koble til med Microsoft-pålogging (OAuth2), eller be administratoren slå på Authenticated SMTP for postboksen.',
      },
      de: {
        title: 'Der Server bietet diese Anmeldemethode nicht an',
        explanation:
          'Der Server hat die gewünschte Anmeldeart nicht akzeptiert. Das passiert oft, wenn die Verbindung noch nicht verschlüsselt ist oder die Anmeldung zum Senden auf dem Server abgeschaltet ist.',
        fix: 'Verwenden Sie STARTTLS mit Port 587 oder TLS mit Port 465. Bei Microsoft 365 verbinden Sie sich per Microsoft-Anmeldung (OAuth2) oder bitten Ihren Administrator, Authenticated SMTP für das Postfach zu aktivieren.',
      },
    },
  },
  not_authenticated: {
    retry: 'never',
    text: {
      en: {
        title: 'The server requires you to sign in',
        explanation: 'The server refused to send because this connection is not signed in.',
        fix: "Enter the mailbox's username and password, or connect with OAuth2, in the sender settings. Sending without signing in only works with servers that trust your network.",
      },
      pl: {
        title: 'Serwer wymaga zalogowania',
        explanation: 'Serwer odmówił wysyłki, ponieważ to połączenie nie jest zalogowane.',
        fix: 'W ustawieniach nadawcy wpisz nazwę użytkownika i hasło skrzynki albo połącz się przez OAuth2. Wysyłka bez logowania działa tylko z serwerami, które ufają Twojej sieci.',
      },
      is: {
        title: 'Þjónninn krefst innskráningar',
        explanation: 'Þjónninn neitaði að senda því þessi tenging er ekki innskráð.',
        fix: 'Sláðu inn notandanafn og lykilorð pósthólfsins, eða tengstu með OAuth2, í sendandastillingunum. Sending án innskráningar virkar aðeins með þjónum sem treysta netinu þínu.',
      },
      sv: {
        title: 'Servern kräver inloggning',
        explanation: 'Servern vägrade skicka eftersom anslutningen inte är inloggad.',
        fix: 'Ange postlådans användarnamn och lösenord, eller anslut med OAuth2, i avsändarinställningarna. Att skicka utan inloggning fungerar bara med servrar som litar på ditt nätverk.',
      },
      da: {
        title: 'Serveren kræver login',
        explanation: 'Serveren nægtede at sende, fordi forbindelsen ikke er logget ind.',
        fix: 'Angiv postkassens brugernavn og adgangskode, eller forbind med OAuth2, i afsenderindstillingerne. Afsendelse uden login virker kun med servere, der stoler på dit netværk.',
      },
      nb: {
        title: 'Serveren krever pålogging',
        explanation: 'Serveren nektet å sende fordi tilkoblingen ikke er pålogget.',
        fix: 'Skriv inn brukernavn og passord for postboksen, eller koble til med OAuth2, i avsenderinnstillingene. Sending uten pålogging virker bare med servere som stoler på nettverket ditt.',
      },
      de: {
        title: 'Der Server verlangt eine Anmeldung',
        explanation: 'Der Server hat den Versand abgelehnt, weil diese Verbindung nicht angemeldet ist.',
        fix: 'Geben Sie in den Absendereinstellungen Benutzername und Passwort des Postfachs ein oder verbinden Sie sich per OAuth2. Senden ohne Anmeldung funktioniert nur bei Servern, die Ihrem Netzwerk vertrauen.',
      },
    },
  },
  send_as_denied: {
    retry: 'never',
    text: {
      en: {
        title: 'This mailbox may not send from this address',
        explanation: 'The From address is not the mailbox you signed in with, and the mailbox has no permission to send as that address.',
        fix: "Use the signed-in mailbox's own address as the From address, or ask your administrator to grant the Send As permission (Microsoft 365: Exchange admin center → Recipients → Mailboxes → the From address → Delegation → Send as, add the signed-in user) or to add the address as an alias of the mailbox.",
      },
      pl: {
        title: 'Ta skrzynka nie może wysyłać z tego adresu',
        explanation: 'Adres nadawcy (From) nie jest skrzynką, na którą się zalogowano, a skrzynka nie ma uprawnienia do wysyłania jako ten adres.',
        fix: 'Jako adresu nadawcy użyj adresu zalogowanej skrzynki albo poproś administratora o nadanie uprawnienia Send As (Microsoft 365: Exchange admin center → Recipients → Mailboxes → adres nadawcy → Delegation → Send as, dodaj zalogowanego użytkownika) lub o dodanie adresu jako aliasu skrzynki.',
      },
      is: {
        title: 'Þetta pósthólf má ekki senda frá þessu netfangi',
        explanation: 'Sendandanetfangið (From) er ekki pósthólfið sem skráð var inn með og pósthólfið hefur ekki heimild til að senda sem það netfang.',
        fix: 'Notaðu netfang innskráða pósthólfsins sem sendandanetfang, eða biddu kerfisstjórann að veita Send As-heimild (Microsoft 365: Exchange admin center → Recipients → Mailboxes → sendandanetfangið → Delegation → Send as, bæta við innskráða notandanum) eða bæta netfanginu við sem samnefni (alias) pósthólfsins.',
      },
      sv: {
        title: 'Den här postlådan får inte skicka från den här adressen',
        explanation: 'Från-adressen är inte postlådan du loggade in med, och postlådan har inte behörighet att skicka som den adressen.',
        fix: 'Använd den inloggade postlådans egen adress som från-adress, eller be administratören ge behörigheten Skicka som (Microsoft 365: Exchange admin center → Recipients → Mailboxes → från-adressen → Delegation → Send as, lägg till den inloggade användaren) eller lägga till adressen som alias för postlådan.',
      },
      da: {
        title: 'Denne postkasse må ikke sende fra denne adresse',
        explanation: 'Fra-adressen er ikke den postkasse, du er logget ind med, og postkassen har ikke tilladelse til at sende som den adresse.',
        fix: 'Brug den indloggede postkasses egen adresse som fra-adresse, eller bed din administrator om at give tilladelsen Send som (Microsoft 365: Exchange admin center → Recipients → Mailboxes → fra-adressen → Delegation → Send as, tilføj den indloggede bruger) eller tilføje adressen som alias til postkassen.',
      },
      nb: {
        title: 'Denne postboksen har ikke lov til å sende fra denne adressen',
        explanation: 'Fra-adressen er ikke postboksen du er logget på med, og postboksen har ikke tillatelse til å sende som den adressen.',
        fix: 'Bruk den påloggede postboksens egen adresse som fra-adresse, eller be administratoren gi tillatelsen Send som (Microsoft 365: Exchange admin center → Recipients → Mailboxes → fra-adressen → Delegation → Send as, legg til den påloggede brukeren) eller legge til adressen som alias for postboksen.',
      },
      de: {
        title: 'Dieses Postfach darf nicht mit dieser Adresse senden',
        explanation: 'Die Absenderadresse (From) ist nicht das Postfach, mit dem Sie angemeldet sind, und das Postfach hat keine Berechtigung, als diese Adresse zu senden.',
        fix: 'Verwenden Sie die eigene Adresse des angemeldeten Postfachs als Absender, oder bitten Sie Ihren Administrator, die Berechtigung „Senden als“ zu erteilen (Microsoft 365: Exchange admin center → Recipients → Mailboxes → die Absenderadresse → Delegation → Send as, angemeldeten Benutzer hinzufügen) oder die Adresse als Alias des Postfachs einzurichten.',
      },
    },
  },

  // ---------------------------------------------------------------- Limits
  ms_concurrent_connections: {
    retry: 'later',
    text: {
      en: {
        title: 'Too many connections to the same mailbox',
        explanation: 'Microsoft 365 allows at most 3 connections to one mailbox at the same time, and this was a fourth.',
        fix: 'Nothing to change: Ownpost tries again shortly. If it happens often, check what else sends from this mailbox at the same time (scanners, other programs) and reduce parallel sending.',
      },
      pl: {
        title: 'Zbyt wiele połączeń z tą samą skrzynką',
        explanation: 'Microsoft 365 pozwala na najwyżej 3 jednoczesne połączenia z jedną skrzynką, a to było czwarte.',
        fix: 'Nic nie trzeba zmieniać: Ownpost wkrótce spróbuje ponownie. Jeśli zdarza się to często, sprawdź, co jeszcze wysyła z tej skrzynki w tym samym czasie (skanery, inne programy), i ogranicz równoległe wysyłanie.',
      },
      is: {
        title: 'Of margar tengingar við sama pósthólf',
        explanation: 'Microsoft 365 leyfir mest 3 samtímis tengingar við eitt pósthólf og hér var reynt að opna þá fjórðu.',
        fix: 'Ekkert þarf að breyta: Ownpost reynir aftur innan skamms. Ef þetta gerist oft skaltu athuga hvað annað sendir frá þessu pósthólfi á sama tíma (skannar, önnur forrit) og draga úr samhliða sendingum.',
      },
      sv: {
        title: 'För många anslutningar till samma postlåda',
        explanation: 'Microsoft 365 tillåter högst 3 samtidiga anslutningar till en postlåda, och det här var en fjärde.',
        fix: 'Inget behöver ändras: Ownpost försöker igen om en stund. Om det händer ofta, kontrollera vad mer som skickar från postlådan samtidigt (skannrar, andra program) och minska antalet parallella utskick.',
      },
      da: {
        title: 'For mange forbindelser til den samme postkasse',
        explanation: 'Microsoft 365 tillader højst 3 samtidige forbindelser til én postkasse, og dette var en fjerde.',
        fix: 'Du behøver ikke gøre noget: Ownpost prøver igen om lidt. Sker det tit, så tjek, hvad der ellers sender fra postkassen samtidig (scannere, andre programmer), og begræns parallelle afsendelser.',
      },
      nb: {
        title: 'For mange tilkoblinger til samme postboks',
        explanation: 'Microsoft 365 tillater høyst 3 samtidige tilkoblinger til én postboks, og dette var en fjerde.',
        fix: 'Du trenger ikke gjøre noe: Ownpost prøver igjen om litt. Skjer det ofte, sjekk hva annet som sender fra postboksen samtidig (skannere, andre programmer), og begrens parallelle utsendelser.',
      },
      de: {
        title: 'Zu viele Verbindungen zum selben Postfach',
        explanation: 'Microsoft 365 erlaubt höchstens 3 gleichzeitige Verbindungen zu einem Postfach, und dies war eine vierte.',
        fix: 'Sie müssen nichts ändern: Ownpost versucht es in Kürze erneut. Kommt das häufig vor, prüfen Sie, was sonst gleichzeitig über dieses Postfach sendet (Scanner, andere Programme), und verringern Sie parallele Sendungen.',
      },
    },
  },
  rate_limited: {
    retry: 'later',
    text: {
      en: {
        title: 'The mail server asks to slow down',
        explanation: 'The server refused for now because too many messages or sign-in attempts arrived in a short time.',
        fix: 'Nothing to change: Ownpost waits and sends again automatically. If it keeps happening, send fewer messages per minute.',
      },
      pl: {
        title: 'Serwer poczty prosi o zwolnienie tempa',
        explanation: 'Serwer tymczasowo odmówił, ponieważ w krótkim czasie otrzymał zbyt wiele wiadomości lub prób logowania.',
        fix: 'Nic nie trzeba zmieniać: Ownpost odczeka i wyśle ponownie automatycznie. Jeśli to się powtarza, wysyłaj mniej wiadomości na minutę.',
      },
      is: {
        title: 'Póstþjónninn biður um að hægt sé á sendingum',
        explanation: 'Þjónninn hafnaði tímabundið því of mörg skeyti eða innskráningartilraunir bárust á stuttum tíma.',
        fix: 'Ekkert þarf að breyta: Ownpost bíður og sendir sjálfkrafa aftur. Ef þetta heldur áfram skaltu senda færri skeyti á mínútu.',
      },
      sv: {
        title: 'E-postservern ber om lägre takt',
        explanation: 'Servern nekade tillfälligt eftersom för många meddelanden eller inloggningsförsök kom på kort tid.',
        fix: 'Inget behöver ändras: Ownpost väntar och skickar igen automatiskt. Om det fortsätter, skicka färre meddelanden per minut.',
      },
      da: {
        title: 'Mailserveren beder om at sænke tempoet',
        explanation: 'Serveren afviste midlertidigt, fordi der kom for mange beskeder eller loginforsøg på kort tid.',
        fix: 'Du behøver ikke gøre noget: Ownpost venter og sender igen automatisk. Sker det igen og igen, så send færre beskeder i minuttet.',
      },
      nb: {
        title: 'E-postserveren ber om lavere tempo',
        explanation: 'Serveren avviste midlertidig fordi det kom for mange meldinger eller påloggingsforsøk på kort tid.',
        fix: 'Du trenger ikke gjøre noe: Ownpost venter og sender på nytt automatisk. Skjer det stadig, send færre meldinger per minutt.',
      },
      de: {
        title: 'Der Mailserver bittet um langsameres Senden',
        explanation: 'Der Server hat vorübergehend abgelehnt, weil in kurzer Zeit zu viele Nachrichten oder Anmeldeversuche eingegangen sind.',
        fix: 'Sie müssen nichts ändern: Ownpost wartet und sendet automatisch erneut. Passiert das ständig, senden Sie weniger Nachrichten pro Minute.',
      },
    },
  },
  daily_quota_exceeded: {
    retry: 'later',
    text: {
      en: {
        title: 'The mailbox has reached its daily sending limit',
        explanation: 'The provider does not let this mailbox send more messages today. The limit resets within 24 hours.',
        fix: 'Ownpost tries again later. If you regularly send this many messages, ask your provider for a higher limit or use a business plan or a sending service.',
      },
      pl: {
        title: 'Skrzynka osiągnęła dzienny limit wysyłki',
        explanation: 'Dostawca nie pozwala tej skrzynce wysłać dziś więcej wiadomości. Limit odnawia się w ciągu 24 godzin.',
        fix: 'Ownpost spróbuje ponownie później. Jeśli regularnie wysyłasz tyle wiadomości, poproś dostawcę o wyższy limit albo skorzystaj z planu firmowego lub usługi wysyłkowej.',
      },
      is: {
        title: 'Pósthólfið hefur náð daglegu sendingarhámarki',
        explanation: 'Þjónustuaðilinn leyfir þessu pósthólfi ekki að senda fleiri skeyti í dag. Hámarkið endurnýjast innan 24 klukkustunda.',
        fix: 'Ownpost reynir aftur síðar. Ef þú sendir reglulega svona mörg skeyti skaltu biðja þjónustuaðilann um hærra hámark eða nota fyrirtækjaáskrift eða sendingarþjónustu.',
      },
      sv: {
        title: 'Postlådan har nått sin dagliga sändningsgräns',
        explanation: 'Leverantören låter inte postlådan skicka fler meddelanden i dag. Gränsen återställs inom 24 timmar.',
        fix: 'Ownpost försöker igen senare. Om du regelbundet skickar så många meddelanden, be leverantören om en högre gräns eller använd ett företagsabonnemang eller en utskickstjänst.',
      },
      da: {
        title: 'Postkassen har nået sin daglige afsendelsesgrænse',
        explanation: 'Udbyderen lader ikke postkassen sende flere beskeder i dag. Grænsen nulstilles inden for 24 timer.',
        fix: 'Ownpost prøver igen senere. Sender du jævnligt så mange beskeder, så bed udbyderen om en højere grænse, eller brug et erhvervsabonnement eller en afsendelsestjeneste.',
      },
      nb: {
        title: 'Postboksen har nådd den daglige sendegrensen',
        explanation: 'Leverandøren lar ikke postboksen sende flere meldinger i dag. Grensen nullstilles innen 24 timer.',
        fix: 'Ownpost prøver igjen senere. Sender du jevnlig så mange meldinger, be leverandøren om en høyere grense, eller bruk et bedriftsabonnement eller en utsendelsestjeneste.',
      },
      de: {
        title: 'Das Postfach hat sein tägliches Sendelimit erreicht',
        explanation: 'Der Anbieter lässt dieses Postfach heute keine weiteren Nachrichten senden. Das Limit wird innerhalb von 24 Stunden zurückgesetzt.',
        fix: 'Ownpost versucht es später erneut. Wenn Sie regelmäßig so viele Nachrichten senden, bitten Sie Ihren Anbieter um ein höheres Limit oder nutzen Sie einen Business-Tarif oder einen Versanddienst.',
      },
    },
  },

  // ---------------------------------------------------------------- Message and domain
  tls_version_too_old: {
    retry: 'never',
    text: {
      en: {
        title: 'The connection uses an outdated TLS version',
        explanation: 'The encrypted connection was attempted with TLS 1.0 or 1.1, which one side refuses. TLS 1.2 or newer is required.',
        fix: 'If the mail server is your own, update it to support TLS 1.2 or newer. If antivirus software, a firewall or a proxy inspects mail traffic on this network, turn that inspection off for the mail server.',
      },
      pl: {
        title: 'Połączenie używa przestarzałej wersji TLS',
        explanation: 'Próbowano nawiązać szyfrowane połączenie przez TLS 1.0 lub 1.1, czego jedna ze stron nie akceptuje. Wymagany jest TLS 1.2 lub nowszy.',
        fix: 'Jeśli to Wasz własny serwer poczty, zaktualizuj go do obsługi TLS 1.2 lub nowszego. Jeśli program antywirusowy, zapora lub serwer proxy sprawdza ruch pocztowy w tej sieci, wyłącz tę kontrolę dla serwera poczty.',
      },
      is: {
        title: 'Tengingin notar úrelta útgáfu af TLS',
        explanation: 'Reynt var að koma á dulkóðaðri tengingu með TLS 1.0 eða 1.1, sem annar aðilinn hafnar. Krafist er TLS 1.2 eða nýrra.',
        fix: 'Ef póstþjónninn er ykkar eigin skaltu uppfæra hann svo hann styðji TLS 1.2 eða nýrra. Ef vírusvörn, eldveggur eða milliþjónn (proxy) skoðar póstumferð á þessu neti skaltu slökkva á þeirri skoðun fyrir póstþjóninn.',
      },
      sv: {
        title: 'Anslutningen använder en föråldrad TLS-version',
        explanation: 'Den krypterade anslutningen försökte använda TLS 1.0 eller 1.1, vilket ena sidan inte godtar. TLS 1.2 eller senare krävs.',
        fix: 'Om e-postservern är er egen, uppdatera den så att den stöder TLS 1.2 eller senare. Om ett antivirusprogram, en brandvägg eller en proxy granskar e-posttrafiken i nätverket, stäng av granskningen för e-postservern.',
      },
      da: {
        title: 'Forbindelsen bruger en forældet TLS-version',
        explanation: 'Den krypterede forbindelse blev forsøgt med TLS 1.0 eller 1.1, som den ene side afviser. TLS 1.2 eller nyere er påkrævet.',
        fix: 'Hvis mailserveren er jeres egen, så opdatér den til at understøtte TLS 1.2 eller nyere. Hvis et antivirusprogram, en firewall eller en proxy inspicerer mailtrafikken på netværket, så slå inspektionen fra for mailserveren.',
      },
      nb: {
        title: 'Tilkoblingen bruker en utdatert TLS-versjon',
        explanation: 'Den krypterte tilkoblingen ble forsøkt med TLS 1.0 eller 1.1, som den ene siden avviser. TLS 1.2 eller nyere kreves.',
        fix: 'Hvis e-postserveren er deres egen, oppdater den så den støtter TLS 1.2 eller nyere. Hvis et antivirusprogram, en brannmur eller en proxy inspiserer e-posttrafikken i nettverket, slå av inspeksjonen for e-postserveren.',
      },
      de: {
        title: 'Die Verbindung nutzt eine veraltete TLS-Version',
        explanation: 'Die verschlüsselte Verbindung wurde mit TLS 1.0 oder 1.1 versucht, was eine der beiden Seiten ablehnt. Erforderlich ist TLS 1.2 oder neuer.',
        fix: 'Wenn der Mailserver Ihr eigener ist, aktualisieren Sie ihn auf TLS 1.2 oder neuer. Wenn ein Virenscanner, eine Firewall oder ein Proxy den E-Mail-Verkehr in diesem Netz prüft, schalten Sie diese Prüfung für den Mailserver ab.',
      },
    },
  },
  dmarc_unauthenticated_sender: {
    retry: 'never',
    text: {
      en: {
        title: "The sender's domain is not authorized for this mail server",
        explanation: 'The receiving server checked the domain of the From address and found that this mail server is not allowed to send for it (the SPF, DKIM and DMARC checks failed).',
        fix: "Send from an address of the mailbox you signed in with, or ask whoever manages the domain's DNS to add this provider to the SPF record (for example include:spf.protection.outlook.com or include:_spf.google.com) and to turn on DKIM signing at the provider.",
      },
      pl: {
        title: 'Domena nadawcy nie jest autoryzowana dla tego serwera poczty',
        explanation: 'Serwer odbiorcy sprawdził domenę adresu nadawcy i stwierdził, że ten serwer poczty nie może wysyłać w jej imieniu (kontrole SPF, DKIM i DMARC nie powiodły się).',
        fix: 'Wysyłaj z adresu skrzynki, na którą się logujesz, albo poproś osobę zarządzającą DNS domeny o dodanie tego dostawcy do rekordu SPF (na przykład include:spf.protection.outlook.com lub include:_spf.google.com) i włączenie podpisu DKIM u dostawcy.',
      },
      is: {
        title: 'Lén sendandans hefur ekki heimild fyrir þennan póstþjón',
        explanation: 'Móttökuþjónninn kannaði lén sendandanetfangsins og komst að því að þessi póstþjónn má ekki senda fyrir það (SPF-, DKIM- og DMARC-athuganir mistókust).',
        fix: 'Sendu frá netfangi pósthólfsins sem þú skráir þig inn með, eða biddu þann sem sér um DNS lénsins að bæta þessum þjónustuaðila við SPF-færsluna (til dæmis include:spf.protection.outlook.com eða include:_spf.google.com) og kveikja á DKIM-undirritun hjá þjónustuaðilanum.',
      },
      sv: {
        title: 'Avsändarens domän är inte godkänd för den här e-postservern',
        explanation: 'Mottagarens server kontrollerade domänen i från-adressen och fann att den här e-postservern inte får skicka för den (kontrollerna av SPF, DKIM och DMARC misslyckades).',
        fix: 'Skicka från en adress som tillhör postlådan du loggar in med, eller be den som sköter domänens DNS att lägga till leverantören i SPF-posten (till exempel include:spf.protection.outlook.com eller include:_spf.google.com) och att slå på DKIM-signering hos leverantören.',
      },
      da: {
        title: 'Afsenderens domæne er ikke godkendt til denne mailserver',
        explanation: 'Modtagerens server tjekkede domænet i fra-adressen og fandt, at denne mailserver ikke må sende på dets vegne (SPF-, DKIM- og DMARC-kontrollen fejlede).',
        fix: 'Send fra en adresse, der hører til den postkasse, du logger ind med, eller bed den, der administrerer domænets DNS, om at tilføje udbyderen til SPF-posten (fx include:spf.protection.outlook.com eller include:_spf.google.com) og slå DKIM-signering til hos udbyderen.',
      },
      nb: {
        title: 'Avsenderens domene er ikke godkjent for denne e-postserveren',
        explanation: 'Mottakerens server sjekket domenet i fra-adressen og fant at denne e-postserveren ikke har lov til å sende for det (kontrollene av SPF, DKIM og DMARC feilet).',
        fix: 'Send fra en adresse som hører til postboksen du logger på med, eller be den som administrerer DNS for domenet, om å legge leverandøren til i SPF-posten (for eksempel include:spf.protection.outlook.com eller include:_spf.google.com) og slå på DKIM-signering hos leverandøren.',
      },
      de: {
        title: 'Die Absenderdomain ist für diesen Mailserver nicht autorisiert',
        explanation:
          'Der empfangende Server hat die Domain der Absenderadresse geprüft und festgestellt, dass dieser Mailserver nicht für sie senden darf (SPF-, DKIM- und DMARC-Prüfung fehlgeschlagen).',
        fix: 'Senden Sie mit einer Adresse des Postfachs, mit dem Sie sich anmelden, oder bitten Sie den Verwalter der DNS-Einträge der Domain, diesen Anbieter in den SPF-Eintrag aufzunehmen (zum Beispiel include:spf.protection.outlook.com oder include:_spf.google.com) und beim Anbieter die DKIM-Signatur zu aktivieren.',
      },
    },
  },
  message_too_large: {
    retry: 'never',
    text: {
      en: {
        title: 'The message is too large',
        explanation: 'The server refused the message because of its size. Attachments grow by about a third when they are sent by email.',
        fix: 'Make the attachments smaller or send them in several messages. Common limits: Gmail 25 MB, Microsoft 365 35 MB, iCloud 20 MB, and many servers 10 MB, which fits about 7 MB of attachments.',
      },
      pl: {
        title: 'Wiadomość jest za duża',
        explanation: 'Serwer odrzucił wiadomość z powodu jej rozmiaru. Załączniki wysyłane e-mailem rosną o około jedną trzecią.',
        fix: 'Zmniejsz załączniki lub wyślij je w kilku wiadomościach. Typowe limity: Gmail 25 MB, Microsoft 365 35 MB, iCloud 20 MB, a wiele serwerów 10 MB, co mieści około 7 MB załączników.',
      },
      is: {
        title: 'Skeytið er of stórt',
        explanation: 'Þjónninn hafnaði skeytinu vegna stærðar þess. Viðhengi stækka um það bil um þriðjung þegar þau eru send í tölvupósti.',
        fix: 'Minnkaðu viðhengin eða sendu þau í fleiri skeytum. Algeng hámörk: Gmail 25 MB, Microsoft 365 35 MB, iCloud 20 MB og margir þjónar 10 MB, sem rúmar um 7 MB af viðhengjum.',
      },
      sv: {
        title: 'Meddelandet är för stort',
        explanation: 'Servern nekade meddelandet på grund av storleken. Bilagor växer med ungefär en tredjedel när de skickas med e-post.',
        fix: 'Gör bilagorna mindre eller skicka dem i flera meddelanden. Vanliga gränser: Gmail 25 MB, Microsoft 365 35 MB, iCloud 20 MB, och många servrar 10 MB, vilket räcker till ungefär 7 MB bilagor.',
      },
      da: {
        title: 'Beskeden er for stor',
        explanation: 'Serveren afviste beskeden på grund af dens størrelse. Vedhæftede filer vokser med omkring en tredjedel, når de sendes med mail.',
        fix: 'Gør de vedhæftede filer mindre, eller send dem i flere beskeder. Almindelige grænser: Gmail 25 MB, Microsoft 365 35 MB, iCloud 20 MB og mange servere 10 MB, hvilket giver plads til omkring 7 MB vedhæftede filer.',
      },
      nb: {
        title: 'Meldingen er for stor',
        explanation: 'Serveren avviste meldingen på grunn av størrelsen. Vedlegg vokser med omtrent en tredjedel når de sendes med e-post.',
        fix: 'Gjør vedleggene mindre, eller send dem i flere meldinger. Vanlige grenser: Gmail 25 MB, Microsoft 365 35 MB, iCloud 20 MB, og mange servere 10 MB, som gir plass til omtrent 7 MB vedlegg.',
      },
      de: {
        title: 'Die Nachricht ist zu groß',
        explanation: 'Der Server hat die Nachricht wegen ihrer Größe abgelehnt. Anhänge werden beim E-Mail-Versand um etwa ein Drittel größer.',
        fix: 'Verkleinern Sie die Anhänge oder verteilen Sie sie auf mehrere Nachrichten. Übliche Grenzen: Gmail 25 MB, Microsoft 365 35 MB, iCloud 20 MB und bei vielen Servern 10 MB, was für etwa 7 MB Anhänge reicht.',
      },
    },
  },

  // ---------------------------------------------------------------- Encryption (TLS) and certificates
  tls_wrong_version_number: {
    retry: 'never',
    text: {
      en: {
        title: 'The encryption setting does not match the port',
        explanation: 'Ownpost started an encrypted (TLS) connection right away, but the server on this port expects an unencrypted start that is then upgraded with STARTTLS.',
        fix: 'Use STARTTLS with port 587 (or 25), or keep TLS and change the port to 465.',
      },
      pl: {
        title: 'Ustawienie szyfrowania nie pasuje do portu',
        explanation: 'Ownpost od razu rozpoczął szyfrowane połączenie (TLS), ale serwer na tym porcie oczekuje nieszyfrowanego początku, który jest potem przełączany na szyfrowanie przez STARTTLS.',
        fix: 'Użyj STARTTLS z portem 587 (lub 25) albo zostaw TLS i zmień port na 465.',
      },
      is: {
        title: 'Dulkóðunarstillingin passar ekki við gáttina',
        explanation: 'Ownpost hóf dulkóðaða tengingu (TLS) strax, en þjónninn á þessari gátt býst við ódulkóðuðu upphafi sem síðan er uppfært með STARTTLS.',
        fix: 'Notaðu STARTTLS með gátt 587 (eða 25), eða haltu TLS og breyttu gáttinni í 465.',
      },
      sv: {
        title: 'Krypteringsinställningen passar inte porten',
        explanation: 'Ownpost startade en krypterad anslutning (TLS) direkt, men servern på den här porten väntar sig en okrypterad start som sedan uppgraderas med STARTTLS.',
        fix: 'Använd STARTTLS med port 587 (eller 25), eller behåll TLS och byt port till 465.',
      },
      da: {
        title: 'Krypteringsindstillingen passer ikke til porten',
        explanation: 'Ownpost startede en krypteret forbindelse (TLS) med det samme, men serveren på denne port forventer en ukrypteret start, der derefter opgraderes med STARTTLS.',
        fix: 'Brug STARTTLS med port 587 (eller 25), eller behold TLS, og skift porten til 465.',
      },
      nb: {
        title: 'Krypteringsinnstillingen passer ikke til porten',
        explanation: 'Ownpost startet en kryptert tilkobling (TLS) med en gang, men serveren på denne porten forventer en ukryptert start som deretter oppgraderes med STARTTLS.',
        fix: 'Bruk STARTTLS med port 587 (eller 25), eller behold TLS og endre porten til 465.',
      },
      de: {
        title: 'Die Verschlüsselungseinstellung passt nicht zum Port',
        explanation:
          'Ownpost hat sofort eine verschlüsselte Verbindung (TLS) aufgebaut, der Server auf diesem Port erwartet aber einen unverschlüsselten Beginn, der dann per STARTTLS verschlüsselt wird.',
        fix: 'Verwenden Sie STARTTLS mit Port 587 (oder 25), oder behalten Sie TLS bei und ändern Sie den Port auf 465.',
      },
    },
  },
  greeting_timeout: {
    // A server that is down (refused, silent, its name gone for a while) comes back: the whole
    // schedule, not the sign-in attempt limit (issue 15).
    retry: 'later',
    text: {
      en: {
        title: 'The server did not answer',
        explanation:
          'The connection opened, but the server never sent its greeting. This usually means the port expects encryption from the first byte (TLS, port 465) while the profile uses STARTTLS or no encryption.',
        fix: 'Use TLS with port 465, or STARTTLS with port 587.',
      },
      pl: {
        title: 'Serwer nie odpowiedział',
        explanation:
          'Połączenie zostało otwarte, ale serwer nie wysłał powitania. Zwykle oznacza to, że port oczekuje szyfrowania od pierwszego bajtu (TLS, port 465), a profil używa STARTTLS lub połączenia bez szyfrowania.',
        fix: 'Użyj TLS z portem 465 albo STARTTLS z portem 587.',
      },
      is: {
        title: 'Þjónninn svaraði ekki',
        explanation:
          'Tengingin opnaðist en þjónninn sendi aldrei kveðju sína. Yfirleitt þýðir það að gáttin býst við dulkóðun frá fyrsta bæti (TLS, gátt 465) en sniðið notar STARTTLS eða enga dulkóðun.',
        fix: 'Notaðu TLS með gátt 465 eða STARTTLS með gátt 587.',
      },
      sv: {
        title: 'Servern svarade inte',
        explanation:
          'Anslutningen öppnades, men servern skickade aldrig sin hälsning. Det betyder oftast att porten väntar sig kryptering från första byte (TLS, port 465) medan profilen använder STARTTLS eller ingen kryptering.',
        fix: 'Använd TLS med port 465 eller STARTTLS med port 587.',
      },
      da: {
        title: 'Serveren svarede ikke',
        explanation:
          'Forbindelsen blev åbnet, men serveren sendte aldrig sin velkomsthilsen. Det betyder som regel, at porten forventer kryptering fra første byte (TLS, port 465), mens profilen bruger STARTTLS eller ingen kryptering.',
        fix: 'Brug TLS med port 465 eller STARTTLS med port 587.',
      },
      nb: {
        title: 'Serveren svarte ikke',
        explanation:
          'Tilkoblingen ble åpnet, men serveren sendte aldri hilsenen sin. Det betyr som regel at porten forventer kryptering fra første byte (TLS, port 465), mens profilen bruker STARTTLS eller ingen kryptering.',
        fix: 'Bruk TLS med port 465 eller STARTTLS med port 587.',
      },
      de: {
        title: 'Der Server hat nicht geantwortet',
        explanation:
          'Die Verbindung wurde geöffnet, aber der Server hat seine Begrüßung nie gesendet. Meist erwartet der Port Verschlüsselung ab dem ersten Byte (TLS, Port 465), während das Profil STARTTLS oder keine Verschlüsselung verwendet.',
        fix: 'Verwenden Sie TLS mit Port 465 oder STARTTLS mit Port 587.',
      },
    },
  },
  starttls_not_offered: {
    retry: 'never',
    text: {
      en: {
        title: 'The server does not offer encryption (STARTTLS)',
        explanation:
          'The profile requires STARTTLS, but the server on this port did not agree to encrypt the connection. With STARTTLS required, Ownpost does not continue without encryption, so nothing was sent.',
        fix: 'Check the server name and port: most providers use STARTTLS on port 587 or TLS on port 465. If this is an internal server without encryption, ask IT to enable TLS on it.',
      },
      pl: {
        title: 'Serwer nie oferuje szyfrowania (STARTTLS)',
        explanation:
          'Profil wymaga STARTTLS, ale serwer na tym porcie nie zgodził się zaszyfrować połączenia. Gdy STARTTLS jest wymagany, Ownpost nie kontynuuje bez szyfrowania, więc nic nie zostało wysłane.',
        fix: 'Sprawdź nazwę serwera i port: większość dostawców używa STARTTLS na porcie 587 lub TLS na porcie 465. Jeśli to wewnętrzny serwer bez szyfrowania, poproś dział IT o włączenie na nim TLS.',
      },
      is: {
        title: 'Þjónninn býður ekki upp á dulkóðun (STARTTLS)',
        explanation: 'Sniðið krefst STARTTLS en þjónninn á þessari gátt samþykkti ekki að dulkóða tenginguna. Þegar STARTTLS er krafist heldur Ownpost ekki áfram án dulkóðunar, svo ekkert var sent.',
        fix: 'Athugaðu heiti þjónsins og gáttina: flestir þjónustuaðilar nota STARTTLS á gátt 587 eða TLS á gátt 465. Ef þetta er innri þjónn án dulkóðunar skaltu biðja tölvudeildina að virkja TLS á honum.',
      },
      sv: {
        title: 'Servern erbjuder inte kryptering (STARTTLS)',
        explanation:
          'Profilen kräver STARTTLS, men servern på den här porten gick inte med på att kryptera anslutningen. När STARTTLS krävs fortsätter Ownpost inte utan kryptering, så ingenting skickades.',
        fix: 'Kontrollera servernamnet och porten: de flesta leverantörer använder STARTTLS på port 587 eller TLS på port 465. Om det är en intern server utan kryptering, be IT att slå på TLS på den.',
      },
      da: {
        title: 'Serveren tilbyder ikke kryptering (STARTTLS)',
        explanation: 'Profilen kræver STARTTLS, men serveren på denne port ville ikke kryptere forbindelsen. Når STARTTLS er påkrævet, fortsætter Ownpost ikke uden kryptering, så intet blev sendt.',
        fix: 'Kontrollér servernavnet og porten: de fleste udbydere bruger STARTTLS på port 587 eller TLS på port 465. Er det en intern server uden kryptering, så bed IT om at slå TLS til på den.',
      },
      nb: {
        title: 'Serveren tilbyr ikke kryptering (STARTTLS)',
        explanation:
          'Profilen krever STARTTLS, men serveren på denne porten ville ikke kryptere tilkoblingen. Når STARTTLS er påkrevd, fortsetter ikke Ownpost uten kryptering, så ingenting ble sendt.',
        fix: 'Kontroller servernavnet og porten: de fleste leverandører bruker STARTTLS på port 587 eller TLS på port 465. Er det en intern server uten kryptering, be IT slå på TLS på den.',
      },
      de: {
        title: 'Der Server bietet keine Verschlüsselung an (STARTTLS)',
        explanation:
          'Das Profil verlangt STARTTLS, aber der Server auf diesem Port wollte die Verbindung nicht verschlüsseln. Wenn STARTTLS verlangt ist, fährt Ownpost nicht ohne Verschlüsselung fort, daher wurde nichts gesendet.',
        fix: 'Prüfen Sie Servername und Port: Die meisten Anbieter nutzen STARTTLS auf Port 587 oder TLS auf Port 465. Handelt es sich um einen internen Server ohne Verschlüsselung, bitten Sie die IT, dort TLS zu aktivieren.',
      },
    },
  },
  // A STARTTLS reply followed by more data before the handshake: CVE-2011-0411 command injection,
  // or a middlebox that rewrites mail traffic. Found by the diagnosis client (smtp-session.ts).
  starttls_injection: {
    retry: 'never',
    text: {
      en: {
        title: 'The encrypted connection could not be set up safely',
        explanation:
          'Right after agreeing to encrypt the connection (STARTTLS), the server, or something between Ownpost and the server, sent extra data. Attacks on STARTTLS work this way, so Ownpost stopped before signing in.',
        fix: 'Try again from another network. If it keeps happening, a firewall or antivirus program is probably inspecting mail traffic: switch off its mail scanning for this server, or use TLS on port 465 instead of STARTTLS.',
      },
      pl: {
        title: 'Nie udało się bezpiecznie nawiązać szyfrowanego połączenia',
        explanation:
          'Zaraz po zgodzie na szyfrowanie połączenia (STARTTLS) serwer albo coś pomiędzy Ownpost a serwerem wysłało dodatkowe dane. Tak działają ataki na STARTTLS, dlatego Ownpost przerwał przed zalogowaniem.',
        fix: 'Spróbuj ponownie z innej sieci. Jeśli to się powtarza, zapora lub program antywirusowy prawdopodobnie sprawdza ruch pocztowy: wyłącz jego skanowanie poczty dla tego serwera albo użyj TLS na porcie 465 zamiast STARTTLS.',
      },
      is: {
        title: 'Ekki tókst að koma dulkóðuðu tengingunni örugglega á',
        explanation:
          'Strax eftir að samþykkt var að dulkóða tenginguna (STARTTLS) sendi þjónninn, eða eitthvað á milli Ownpost og þjónsins, aukagögn. Þannig virka árásir á STARTTLS og því hætti Ownpost áður en skráð var inn.',
        fix: 'Reyndu aftur frá öðru neti. Ef þetta endurtekur sig skoðar eldveggur eða vírusvarnarforrit líklega póstumferðina: slökktu á póstskönnun þess fyrir þennan þjón eða notaðu TLS á gátt 465 í stað STARTTLS.',
      },
      sv: {
        title: 'Den krypterade anslutningen kunde inte upprättas säkert',
        explanation:
          'Direkt efter att krypteringen av anslutningen (STARTTLS) godkändes skickade servern, eller något mellan Ownpost och servern, extra data. Så fungerar attacker mot STARTTLS, så Ownpost avbröt innan inloggningen.',
        fix: 'Försök igen från ett annat nätverk. Om det fortsätter granskar troligen en brandvägg eller ett antivirusprogram e-posttrafiken: stäng av dess e-postskanning för den här servern, eller använd TLS på port 465 i stället för STARTTLS.',
      },
      da: {
        title: 'Den krypterede forbindelse kunne ikke oprettes sikkert',
        explanation:
          'Lige efter at krypteringen af forbindelsen (STARTTLS) blev aftalt, sendte serveren, eller noget mellem Ownpost og serveren, ekstra data. Sådan virker angreb på STARTTLS, så Ownpost stoppede før login.',
        fix: 'Prøv igen fra et andet netværk. Sker det igen, undersøger en firewall eller et antivirusprogram sandsynligvis mailtrafikken: slå dens mailscanning fra for denne server, eller brug TLS på port 465 i stedet for STARTTLS.',
      },
      nb: {
        title: 'Den krypterte tilkoblingen kunne ikke settes opp trygt',
        explanation:
          'Rett etter at krypteringen av tilkoblingen (STARTTLS) ble avtalt, sendte serveren, eller noe mellom Ownpost og serveren, ekstra data. Slik virker angrep på STARTTLS, så Ownpost stoppet før påloggingen.',
        fix: 'Prøv igjen fra et annet nettverk. Skjer det igjen, undersøker trolig en brannmur eller et antivirusprogram e-posttrafikken: slå av e-postskanningen for denne serveren, eller bruk TLS på port 465 i stedet for STARTTLS.',
      },
      de: {
        title: 'Die verschlüsselte Verbindung ließ sich nicht sicher aufbauen',
        explanation:
          'Direkt nach der Zusage, die Verbindung zu verschlüsseln (STARTTLS), hat der Server oder etwas zwischen Ownpost und dem Server zusätzliche Daten gesendet. So funktionieren Angriffe auf STARTTLS, deshalb hat Ownpost vor der Anmeldung abgebrochen.',
        fix: 'Versuchen Sie es aus einem anderen Netz erneut. Passiert es wieder, prüft vermutlich eine Firewall oder ein Virenschutzprogramm den Mailverkehr: Schalten Sie dessen Mail-Scan für diesen Server ab oder verwenden Sie TLS auf Port 465 statt STARTTLS.',
      },
    },
  },
  cert_expired: {
    retry: 'never',
    text: {
      en: {
        title: "The server's security certificate has expired",
        explanation: "The mail server's certificate is out of date, so Ownpost cannot confirm that it is talking to the real server.",
        fix: "Check that the server name is the one your provider publishes. If it is, tell your provider or IT that the mail server's certificate must be renewed.",
      },
      pl: {
        title: 'Certyfikat bezpieczeństwa serwera wygasł',
        explanation: 'Certyfikat serwera poczty jest nieaktualny, więc Ownpost nie może potwierdzić, że łączy się z prawdziwym serwerem.',
        fix: 'Sprawdź, czy nazwa serwera jest tą podaną przez dostawcę. Jeśli tak, zgłoś dostawcy lub działowi IT, że certyfikat serwera poczty trzeba odnowić.',
      },
      is: {
        title: 'Öryggisskilríki þjónsins eru útrunnin',
        explanation: 'Skilríki póstþjónsins eru útrunnin og því getur Ownpost ekki staðfest að það sé í sambandi við réttan þjón.',
        fix: 'Athugaðu að heiti þjónsins sé það sem þjónustuaðilinn gefur upp. Ef svo er skaltu láta þjónustuaðilann eða tölvudeildina vita að endurnýja þurfi skilríki póstþjónsins.',
      },
      sv: {
        title: 'Serverns säkerhetscertifikat har gått ut',
        explanation: 'E-postserverns certifikat är inte längre giltigt, så Ownpost kan inte bekräfta att det är den riktiga servern.',
        fix: 'Kontrollera att servernamnet är det som leverantören anger. Om det är det, meddela leverantören eller IT att e-postserverns certifikat måste förnyas.',
      },
      da: {
        title: 'Serverens sikkerhedscertifikat er udløbet',
        explanation: 'Mailserverens certifikat er ikke længere gyldigt, så Ownpost kan ikke bekræfte, at det er den rigtige server.',
        fix: 'Kontrollér, at servernavnet er det, din udbyder oplyser. Er det det, så giv udbyderen eller IT besked om, at mailserverens certifikat skal fornyes.',
      },
      nb: {
        title: 'Serverens sikkerhetssertifikat har utløpt',
        explanation: 'E-postserverens sertifikat er ikke lenger gyldig, så Ownpost kan ikke bekrefte at det er den riktige serveren.',
        fix: 'Kontroller at servernavnet er det leverandøren oppgir. Er det det, gi beskjed til leverandøren eller IT om at sertifikatet på e-postserveren må fornyes.',
      },
      de: {
        title: 'Das Sicherheitszertifikat des Servers ist abgelaufen',
        explanation: 'Das Zertifikat des Mailservers ist nicht mehr gültig, daher kann Ownpost nicht bestätigen, dass es mit dem echten Server verbunden ist.',
        fix: 'Prüfen Sie, ob der Servername dem entspricht, den Ihr Anbieter angibt. Wenn ja, teilen Sie Ihrem Anbieter oder Ihrer IT mit, dass das Zertifikat des Mailservers erneuert werden muss.',
      },
    },
  },
  cert_self_signed: {
    retry: 'never',
    text: {
      en: {
        title: 'The server uses a self-signed certificate',
        explanation: "The mail server's certificate was not issued by a trusted authority, so Ownpost cannot confirm that the server is genuine.",
        fix: "Use the server name your provider publishes. For an internal company server, IT should install a certificate from a trusted authority, or start the Ownpost relay with NODE_EXTRA_CA_CERTS pointing to the server's certificate.",
      },
      pl: {
        title: 'Serwer używa certyfikatu z własnym podpisem',
        explanation: 'Certyfikat serwera poczty nie został wystawiony przez zaufany urząd certyfikacji, więc Ownpost nie może potwierdzić, że serwer jest prawdziwy.',
        fix: 'Użyj nazwy serwera podanej przez dostawcę. W przypadku wewnętrznego serwera firmowego dział IT powinien zainstalować certyfikat od zaufanego urzędu albo uruchomić relay Ownpost ze zmienną NODE_EXTRA_CA_CERTS wskazującą certyfikat serwera.',
      },
      is: {
        title: 'Þjónninn notar sjálfundirrituð skilríki',
        explanation: 'Skilríki póstþjónsins voru ekki gefin út af traustum útgefanda og því getur Ownpost ekki staðfest að þjónninn sé ósvikinn.',
        fix: 'Notaðu heiti þjónsins sem þjónustuaðilinn gefur upp. Fyrir innri þjón fyrirtækis ætti tölvudeildin að setja upp skilríki frá traustum útgefanda eða ræsa Ownpost-þjóninn með NODE_EXTRA_CA_CERTS sem vísar á skilríki póstþjónsins.',
      },
      sv: {
        title: 'Servern använder ett självsignerat certifikat',
        explanation: 'E-postserverns certifikat är inte utfärdat av en betrodd utfärdare, så Ownpost kan inte bekräfta att servern är äkta.',
        fix: 'Använd det servernamn som leverantören anger. För en intern företagsserver bör IT installera ett certifikat från en betrodd utfärdare eller starta Ownpost-reläet med NODE_EXTRA_CA_CERTS som pekar på serverns certifikat.',
      },
      da: {
        title: 'Serveren bruger et selvsigneret certifikat',
        explanation: 'Mailserverens certifikat er ikke udstedt af en betroet udsteder, så Ownpost kan ikke bekræfte, at serveren er ægte.',
        fix: 'Brug det servernavn, din udbyder oplyser. Ved en intern firmaserver bør IT installere et certifikat fra en betroet udsteder eller starte Ownpost-relayet med NODE_EXTRA_CA_CERTS, der peger på serverens certifikat.',
      },
      nb: {
        title: 'Serveren bruker et selvsignert sertifikat',
        explanation: 'E-postserverens sertifikat er ikke utstedt av en klarert utsteder, så Ownpost kan ikke bekrefte at serveren er ekte.',
        fix: 'Bruk servernavnet leverandøren oppgir. For en intern bedriftsserver bør IT installere et sertifikat fra en klarert utsteder eller starte Ownpost-reléet med NODE_EXTRA_CA_CERTS som peker på serverens sertifikat.',
      },
      de: {
        title: 'Der Server verwendet ein selbstsigniertes Zertifikat',
        explanation: 'Das Zertifikat des Mailservers wurde nicht von einer vertrauenswürdigen Stelle ausgestellt, daher kann Ownpost nicht bestätigen, dass der Server echt ist.',
        fix: 'Verwenden Sie den Servernamen, den Ihr Anbieter angibt. Bei einem internen Firmenserver sollte die IT ein Zertifikat einer vertrauenswürdigen Stelle installieren oder das Ownpost-Relay mit NODE_EXTRA_CA_CERTS starten, das auf das Serverzertifikat verweist.',
      },
    },
  },
  cert_self_signed_in_chain: {
    retry: 'never',
    text: {
      en: {
        title: 'Something is intercepting the encrypted connection',
        explanation: 'The certificate chain ends in a self-signed certificate that is not trusted. This is usually antivirus software, a firewall or a company proxy that inspects encrypted traffic.',
        fix: 'Turn off email scanning (often called SSL scanning or mail shield) in your antivirus or firewall, or ask IT to exclude the mail server from inspection. If your company uses its own certificate authority on purpose, start the Ownpost relay with NODE_EXTRA_CA_CERTS pointing to that CA certificate.',
      },
      pl: {
        title: 'Coś przechwytuje szyfrowane połączenie',
        explanation:
          'Łańcuch certyfikatów kończy się niezaufanym certyfikatem z własnym podpisem. Zwykle jest to program antywirusowy, zapora sieciowa lub firmowy serwer proxy, który sprawdza szyfrowany ruch.',
        fix: 'Wyłącz skanowanie poczty (często nazywane skanowaniem SSL lub ochroną poczty) w programie antywirusowym lub zaporze albo poproś dział IT o wyłączenie serwera poczty z inspekcji. Jeśli firma celowo używa własnego urzędu certyfikacji, uruchom relay Ownpost ze zmienną NODE_EXTRA_CA_CERTS wskazującą certyfikat tego urzędu (CA).',
      },
      is: {
        title: 'Eitthvað grípur inn í dulkóðuðu tenginguna',
        explanation: 'Skilríkjakeðjan endar á sjálfundirrituðum skilríkjum sem ekki er treyst. Yfirleitt er það vírusvörn, eldveggur eða milliþjónn fyrirtækisins sem skoðar dulkóðaða umferð.',
        fix: 'Slökktu á póstskönnun (oft kölluð SSL-skönnun eða póstvörn) í vírusvörninni eða eldveggnum, eða biddu tölvudeildina að undanskilja póstþjóninn skoðun. Ef fyrirtækið notar vísvitandi eigin skilríkjaútgefanda skaltu ræsa Ownpost-þjóninn með NODE_EXTRA_CA_CERTS sem vísar á skilríki útgefandans (CA).',
      },
      sv: {
        title: 'Något fångar upp den krypterade anslutningen',
        explanation:
          'Certifikatkedjan slutar i ett självsignerat certifikat som inte är betrott. Det är oftast ett antivirusprogram, en brandvägg eller en företagsproxy som granskar krypterad trafik.',
        fix: 'Stäng av e-postskanningen (ofta kallad SSL-skanning eller e-postskydd) i antivirusprogrammet eller brandväggen, eller be IT att undanta e-postservern från granskningen. Om företaget avsiktligt använder en egen certifikatutfärdare, starta Ownpost-reläet med NODE_EXTRA_CA_CERTS som pekar på utfärdarens certifikat (CA).',
      },
      da: {
        title: 'Noget opsnapper den krypterede forbindelse',
        explanation:
          'Certifikatkæden ender i et selvsigneret certifikat, som ikke er betroet. Det er som regel et antivirusprogram, en firewall eller en firma-proxy, der inspicerer krypteret trafik.',
        fix: 'Slå mailscanning (ofte kaldet SSL-scanning eller mailbeskyttelse) fra i antivirusprogrammet eller firewallen, eller bed IT om at undtage mailserveren fra inspektion. Hvis firmaet bevidst bruger sin egen certifikatudsteder, så start Ownpost-relayet med NODE_EXTRA_CA_CERTS, der peger på udstederens certifikat (CA).',
      },
      nb: {
        title: 'Noe fanger opp den krypterte tilkoblingen',
        explanation:
          'Sertifikatkjeden ender i et selvsignert sertifikat som ikke er klarert. Det er som regel et antivirusprogram, en brannmur eller en bedriftsproxy som inspiserer kryptert trafikk.',
        fix: 'Slå av e-postskanning (ofte kalt SSL-skanning eller e-postbeskyttelse) i antivirusprogrammet eller brannmuren, eller be IT unnta e-postserveren fra inspeksjon. Hvis bedriften med vilje bruker sin egen sertifikatutsteder, start Ownpost-reléet med NODE_EXTRA_CA_CERTS som peker på utstederens sertifikat (CA).',
      },
      de: {
        title: 'Etwas fängt die verschlüsselte Verbindung ab',
        explanation:
          'Die Zertifikatskette endet in einem nicht vertrauenswürdigen, selbstsignierten Zertifikat. Meist steckt ein Virenscanner, eine Firewall oder ein Firmen-Proxy dahinter, der verschlüsselten Verkehr prüft.',
        fix: 'Schalten Sie die E-Mail-Prüfung (oft SSL-Scan oder E-Mail-Schutz genannt) im Virenscanner oder in der Firewall ab, oder bitten Sie die IT, den Mailserver von der Prüfung auszunehmen. Setzt Ihre Firma bewusst eine eigene Zertifizierungsstelle ein, starten Sie das Ownpost-Relay mit NODE_EXTRA_CA_CERTS, das auf deren CA-Zertifikat verweist.',
      },
    },
  },
  cert_unknown_issuer: {
    retry: 'never',
    text: {
      en: {
        title: "The server's certificate cannot be verified",
        explanation: 'The certificate was issued by an unknown authority, or the server does not send its complete certificate chain (an intermediate certificate is missing).',
        fix: 'Ask your provider or IT to install the complete certificate chain on the mail server. If your company uses its own certificate authority, start the Ownpost relay with NODE_EXTRA_CA_CERTS pointing to that CA certificate.',
      },
      pl: {
        title: 'Nie można zweryfikować certyfikatu serwera',
        explanation: 'Certyfikat został wystawiony przez nieznany urząd albo serwer nie wysyła pełnego łańcucha certyfikatów (brakuje certyfikatu pośredniego).',
        fix: 'Poproś dostawcę lub dział IT o zainstalowanie pełnego łańcucha certyfikatów na serwerze poczty. Jeśli firma używa własnego urzędu certyfikacji, uruchom relay Ownpost ze zmienną NODE_EXTRA_CA_CERTS wskazującą certyfikat tego urzędu (CA).',
      },
      is: {
        title: 'Ekki er hægt að sannreyna skilríki þjónsins',
        explanation: 'Skilríkin voru gefin út af óþekktum útgefanda eða þjónninn sendir ekki alla skilríkjakeðjuna (millistigsskilríki vantar).',
        fix: 'Biddu þjónustuaðilann eða tölvudeildina að setja upp alla skilríkjakeðjuna á póstþjóninum. Ef fyrirtækið notar eigin skilríkjaútgefanda skaltu ræsa Ownpost-þjóninn með NODE_EXTRA_CA_CERTS sem vísar á skilríki útgefandans (CA).',
      },
      sv: {
        title: 'Serverns certifikat kan inte verifieras',
        explanation: 'Certifikatet är utfärdat av en okänd utfärdare, eller så skickar servern inte hela certifikatkedjan (ett mellanliggande certifikat saknas).',
        fix: 'Be leverantören eller IT att installera hela certifikatkedjan på e-postservern. Om företaget använder en egen certifikatutfärdare, starta Ownpost-reläet med NODE_EXTRA_CA_CERTS som pekar på utfärdarens certifikat (CA).',
      },
      da: {
        title: 'Serverens certifikat kan ikke verificeres',
        explanation: 'Certifikatet er udstedt af en ukendt udsteder, eller serveren sender ikke hele certifikatkæden (et mellemliggende certifikat mangler).',
        fix: 'Bed udbyderen eller IT om at installere hele certifikatkæden på mailserveren. Hvis firmaet bruger sin egen certifikatudsteder, så start Ownpost-relayet med NODE_EXTRA_CA_CERTS, der peger på udstederens certifikat (CA).',
      },
      nb: {
        title: 'Serverens sertifikat kan ikke verifiseres',
        explanation: 'Sertifikatet er utstedt av en ukjent utsteder, eller serveren sender ikke hele sertifikatkjeden (et mellomliggende sertifikat mangler).',
        fix: 'Be leverandøren eller IT installere hele sertifikatkjeden på e-postserveren. Hvis bedriften bruker sin egen sertifikatutsteder, start Ownpost-reléet med NODE_EXTRA_CA_CERTS som peker på utstederens sertifikat (CA).',
      },
      de: {
        title: 'Das Zertifikat des Servers lässt sich nicht überprüfen',
        explanation: 'Das Zertifikat stammt von einer unbekannten Stelle, oder der Server sendet seine Zertifikatskette nicht vollständig (ein Zwischenzertifikat fehlt).',
        fix: 'Bitten Sie Ihren Anbieter oder Ihre IT, die vollständige Zertifikatskette auf dem Mailserver zu installieren. Setzt Ihre Firma eine eigene Zertifizierungsstelle ein, starten Sie das Ownpost-Relay mit NODE_EXTRA_CA_CERTS, das auf deren CA-Zertifikat verweist.',
      },
    },
  },
  cert_name_mismatch: {
    retry: 'never',
    text: {
      en: {
        title: 'The certificate is for a different server name',
        explanation: "The server's certificate does not match the server name entered, for example because an alias such as mail.yourdomain.com points to the provider's server.",
        fix: "Enter the provider's own server name instead of the alias, for example smtp.office365.com, smtp.gmail.com or the name shown in your hosting control panel.",
      },
      pl: {
        title: 'Certyfikat dotyczy innej nazwy serwera',
        explanation: 'Certyfikat serwera nie pasuje do wpisanej nazwy serwera, na przykład gdy alias typu mail.twojadomena.pl wskazuje na serwer dostawcy.',
        fix: 'Zamiast aliasu wpisz własną nazwę serwera dostawcy, na przykład smtp.office365.com, smtp.gmail.com lub nazwę z panelu hostingu.',
      },
      is: {
        title: 'Skilríkin eru gefin út á annað heiti þjóns',
        explanation: 'Skilríki þjónsins passa ekki við heitið sem slegið var inn, til dæmis af því að samnefni eins og mail.lenid.is vísar á þjón þjónustuaðilans.',
        fix: 'Sláðu inn eigið heiti þjónsins hjá þjónustuaðilanum í stað samnefnisins, til dæmis smtp.office365.com, smtp.gmail.com eða heitið sem sést í stjórnborði hýsingarinnar.',
      },
      sv: {
        title: 'Certifikatet gäller ett annat servernamn',
        explanation: 'Serverns certifikat stämmer inte med det angivna servernamnet, till exempel för att ett alias som mail.dindomän.se pekar på leverantörens server.',
        fix: 'Ange leverantörens eget servernamn i stället för aliaset, till exempel smtp.office365.com, smtp.gmail.com eller namnet i webbhotellets kontrollpanel.',
      },
      da: {
        title: 'Certifikatet gælder et andet servernavn',
        explanation: 'Serverens certifikat passer ikke til det indtastede servernavn, fx fordi et alias som mail.ditdomæne.dk peger på udbyderens server.',
        fix: 'Indtast udbyderens eget servernavn i stedet for aliasset, fx smtp.office365.com, smtp.gmail.com eller navnet i dit webhotels kontrolpanel.',
      },
      nb: {
        title: 'Sertifikatet gjelder et annet servernavn',
        explanation: 'Serverens sertifikat passer ikke med servernavnet som er skrevet inn, for eksempel fordi et alias som mail.dittdomene.no peker til leverandørens server.',
        fix: 'Skriv inn leverandørens eget servernavn i stedet for aliaset, for eksempel smtp.office365.com, smtp.gmail.com eller navnet i kontrollpanelet til webhotellet.',
      },
      de: {
        title: 'Das Zertifikat gilt für einen anderen Servernamen',
        explanation: 'Das Zertifikat des Servers passt nicht zum eingegebenen Servernamen, etwa weil ein Alias wie mail.ihredomain.de auf den Server des Anbieters zeigt.',
        fix: 'Geben Sie statt des Alias den eigenen Servernamen des Anbieters ein, zum Beispiel smtp.office365.com, smtp.gmail.com oder den Namen aus dem Kundenbereich Ihres Hosters.',
      },
    },
  },

  // ---------------------------------------------------------------- Network
  connection_refused: {
    // A server that is down (refused, silent, its name gone for a while) comes back: the whole
    // schedule, not the sign-in attempt limit (issue 15).
    retry: 'later',
    text: {
      en: {
        title: 'The server refused the connection',
        explanation: 'Nothing accepts connections on this port at this address. The server name or port is probably wrong, or the server is down.',
        fix: 'Check the server name and port. The usual ports are 587 (STARTTLS) and 465 (TLS).',
      },
      pl: {
        title: 'Serwer odrzucił połączenie',
        explanation: 'Pod tym adresem na tym porcie nic nie przyjmuje połączeń. Prawdopodobnie nazwa serwera lub port są błędne albo serwer nie działa.',
        fix: 'Sprawdź nazwę serwera i port. Typowe porty to 587 (STARTTLS) i 465 (TLS).',
      },
      is: {
        title: 'Þjónninn hafnaði tengingunni',
        explanation: 'Ekkert tekur við tengingum á þessari gátt á þessu vistfangi. Líklega er heiti þjónsins eða gáttin röng, eða þjónninn liggur niðri.',
        fix: 'Athugaðu heiti þjónsins og gáttina. Algengar gáttir eru 587 (STARTTLS) og 465 (TLS).',
      },
      sv: {
        title: 'Servern vägrade anslutningen',
        explanation: 'Ingenting tar emot anslutningar på den här porten på den här adressen. Troligen är servernamnet eller porten fel, eller så är servern nere.',
        fix: 'Kontrollera servernamnet och porten. Vanliga portar är 587 (STARTTLS) och 465 (TLS).',
      },
      da: {
        title: 'Serveren afviste forbindelsen',
        explanation: 'Intet tager imod forbindelser på denne port på denne adresse. Sandsynligvis er servernavnet eller porten forkert, eller serveren er nede.',
        fix: 'Kontrollér servernavnet og porten. De almindelige porte er 587 (STARTTLS) og 465 (TLS).',
      },
      nb: {
        title: 'Serveren avviste tilkoblingen',
        explanation: 'Ingenting tar imot tilkoblinger på denne porten på denne adressen. Sannsynligvis er servernavnet eller porten feil, eller serveren er nede.',
        fix: 'Kontroller servernavnet og porten. Vanlige porter er 587 (STARTTLS) og 465 (TLS).',
      },
      de: {
        title: 'Der Server hat die Verbindung abgelehnt',
        explanation: 'Unter dieser Adresse nimmt auf diesem Port nichts Verbindungen an. Vermutlich sind Servername oder Port falsch, oder der Server ist nicht erreichbar.',
        fix: 'Prüfen Sie Servername und Port. Üblich sind 587 (STARTTLS) und 465 (TLS).',
      },
    },
  },
  connection_timeout: {
    retry: 'later',
    text: {
      en: {
        title: 'Could not reach the mail server',
        explanation: 'The server did not answer on this port. Firewalls, internet providers and cloud hosts often block outgoing mail ports, especially port 25.',
        fix: 'Try port 587 (STARTTLS) or 465 (TLS), or 2525 if your provider offers it, and check that the network of the computer running the Ownpost relay allows outgoing connections to the mail server.',
      },
      pl: {
        title: 'Nie można połączyć się z serwerem poczty',
        explanation: 'Serwer nie odpowiedział na tym porcie. Zapory sieciowe, dostawcy internetu i usługi chmurowe często blokują wychodzące porty pocztowe, zwłaszcza port 25.',
        fix: 'Spróbuj portu 587 (STARTTLS) lub 465 (TLS) albo 2525, jeśli dostawca go oferuje, i sprawdź, czy sieć komputera, na którym działa relay Ownpost, pozwala na połączenia wychodzące do serwera poczty.',
      },
      is: {
        title: 'Ekki náðist samband við póstþjóninn',
        explanation: 'Þjónninn svaraði ekki á þessari gátt. Eldveggir, netþjónustur og skýjaþjónustur loka oft á útsendar póstgáttir, sérstaklega gátt 25.',
        fix: 'Prófaðu gátt 587 (STARTTLS) eða 465 (TLS), eða 2525 ef þjónustuaðilinn býður upp á hana, og athugaðu hvort net tölvunnar sem keyrir Ownpost-þjóninn leyfi tengingar út á póstþjóninn.',
      },
      sv: {
        title: 'Det gick inte att nå e-postservern',
        explanation: 'Servern svarade inte på den här porten. Brandväggar, internetleverantörer och molntjänster blockerar ofta utgående e-postportar, särskilt port 25.',
        fix: 'Prova port 587 (STARTTLS) eller 465 (TLS), eller 2525 om leverantören erbjuder den, och kontrollera att nätverket för datorn där Ownpost-reläet körs tillåter utgående anslutningar till e-postservern.',
      },
      da: {
        title: 'Mailserveren kunne ikke nås',
        explanation: 'Serveren svarede ikke på denne port. Firewalls, internetudbydere og cloudtjenester blokerer ofte udgående mailporte, især port 25.',
        fix: 'Prøv port 587 (STARTTLS) eller 465 (TLS), eller 2525 hvis udbyderen tilbyder den, og kontrollér, at netværket på den computer, der kører Ownpost-relayet, tillader udgående forbindelser til mailserveren.',
      },
      nb: {
        title: 'Kunne ikke nå e-postserveren',
        explanation: 'Serveren svarte ikke på denne porten. Brannmurer, internettleverandører og skytjenester blokkerer ofte utgående e-postporter, særlig port 25.',
        fix: 'Prøv port 587 (STARTTLS) eller 465 (TLS), eller 2525 hvis leverandøren tilbyr den, og kontroller at nettverket til maskinen som kjører Ownpost-reléet, tillater utgående tilkoblinger til e-postserveren.',
      },
      de: {
        title: 'Der Mailserver ist nicht erreichbar',
        explanation: 'Der Server hat auf diesem Port nicht geantwortet. Firewalls, Internetanbieter und Cloud-Hoster sperren oft ausgehende Mail-Ports, vor allem Port 25.',
        fix: 'Versuchen Sie Port 587 (STARTTLS) oder 465 (TLS) oder 2525, falls Ihr Anbieter ihn anbietet, und prüfen Sie, ob das Netzwerk des Rechners, auf dem das Ownpost-Relay läuft, ausgehende Verbindungen zum Mailserver erlaubt.',
      },
    },
  },
  host_not_found: {
    // A server that is down (refused, silent, its name gone for a while) comes back: the whole
    // schedule, not the sign-in attempt limit (issue 15).
    retry: 'later',
    text: {
      en: {
        title: 'Server name not found',
        explanation: 'This server name does not exist, so there is nothing to connect to. Usually it is a typo.',
        fix: 'Check the spelling of the server name, for example smtp.office365.com or smtp.gmail.com, without http:// or a slash at the end.',
      },
      pl: {
        title: 'Nie znaleziono nazwy serwera',
        explanation: 'Taka nazwa serwera nie istnieje, więc nie ma się z czym połączyć. Zwykle to literówka.',
        fix: 'Sprawdź pisownię nazwy serwera, na przykład smtp.office365.com lub smtp.gmail.com, bez http:// i bez ukośnika na końcu.',
      },
      is: {
        title: 'Heiti þjónsins fannst ekki',
        explanation: 'Þetta heiti á þjóni er ekki til og því er ekkert til að tengjast við. Yfirleitt er þetta innsláttarvilla.',
        fix: 'Athugaðu stafsetningu á heiti þjónsins, til dæmis smtp.office365.com eða smtp.gmail.com, án http:// og án skástriks í lokin.',
      },
      sv: {
        title: 'Servernamnet hittades inte',
        explanation: 'Servernamnet finns inte, så det finns inget att ansluta till. Oftast är det ett stavfel.',
        fix: 'Kontrollera stavningen av servernamnet, till exempel smtp.office365.com eller smtp.gmail.com, utan http:// och utan snedstreck på slutet.',
      },
      da: {
        title: 'Servernavnet blev ikke fundet',
        explanation: 'Servernavnet findes ikke, så der er intet at forbinde til. Som regel er det en tastefejl.',
        fix: 'Kontrollér stavningen af servernavnet, fx smtp.office365.com eller smtp.gmail.com, uden http:// og uden skråstreg til sidst.',
      },
      nb: {
        title: 'Fant ikke servernavnet',
        explanation: 'Servernavnet finnes ikke, så det er ingenting å koble til. Som regel er det en skrivefeil.',
        fix: 'Kontroller stavingen av servernavnet, for eksempel smtp.office365.com eller smtp.gmail.com, uten http:// og uten skråstrek på slutten.',
      },
      de: {
        title: 'Servername nicht gefunden',
        explanation: 'Diesen Servernamen gibt es nicht, daher gibt es nichts, womit sich Ownpost verbinden könnte. Meist ist es ein Tippfehler.',
        fix: 'Prüfen Sie die Schreibweise des Servernamens, zum Beispiel smtp.office365.com oder smtp.gmail.com, ohne http:// und ohne Schrägstrich am Ende.',
      },
    },
  },
  dns_temporary: {
    retry: 'later',
    text: {
      en: {
        title: 'Temporary problem looking up the server name',
        explanation: "The server name could not be looked up right now because of a DNS or network problem on the Ownpost relay's side.",
        fix: 'Ownpost tries again automatically. If it persists, check the internet connection and DNS settings of the computer running the relay.',
      },
      pl: {
        title: 'Chwilowy problem z wyszukaniem nazwy serwera',
        explanation: 'Nie udało się teraz wyszukać nazwy serwera z powodu problemu z DNS lub siecią po stronie relaya Ownpost.',
        fix: 'Ownpost spróbuje ponownie automatycznie. Jeśli problem nie ustępuje, sprawdź połączenie z internetem i ustawienia DNS komputera, na którym działa relay.',
      },
      is: {
        title: 'Tímabundið vandamál við að fletta upp heiti þjónsins',
        explanation: 'Ekki tókst að fletta upp heiti þjónsins núna vegna DNS- eða netvanda hjá Ownpost-þjóninum.',
        fix: 'Ownpost reynir sjálfkrafa aftur. Ef vandinn helst skaltu athuga nettenginguna og DNS-stillingar tölvunnar sem keyrir Ownpost-þjóninn.',
      },
      sv: {
        title: 'Tillfälligt problem med att slå upp servernamnet',
        explanation: 'Servernamnet kunde inte slås upp just nu på grund av ett DNS- eller nätverksproblem hos Ownpost-reläet.',
        fix: 'Ownpost försöker igen automatiskt. Om problemet kvarstår, kontrollera internetanslutningen och DNS-inställningarna på datorn där reläet körs.',
      },
      da: {
        title: 'Midlertidigt problem med at slå servernavnet op',
        explanation: 'Servernavnet kunne ikke slås op lige nu på grund af et DNS- eller netværksproblem hos Ownpost-relayet.',
        fix: 'Ownpost prøver igen automatisk. Fortsætter problemet, så kontrollér internetforbindelsen og DNS-indstillingerne på den computer, der kører relayet.',
      },
      nb: {
        title: 'Midlertidig feil ved oppslag av servernavnet',
        explanation: 'Servernavnet kunne ikke slås opp akkurat nå på grunn av et DNS- eller nettverksproblem hos Ownpost-reléet.',
        fix: 'Ownpost prøver igjen automatisk. Vedvarer problemet, kontroller internettilkoblingen og DNS-innstillingene på maskinen som kjører reléet.',
      },
      de: {
        title: 'Servername vorübergehend nicht auflösbar',
        explanation: 'Der Servername konnte gerade nicht aufgelöst werden, weil beim Ownpost-Relay ein DNS- oder Netzwerkproblem besteht.',
        fix: 'Ownpost versucht es automatisch erneut. Bleibt das Problem bestehen, prüfen Sie die Internetverbindung und die DNS-Einstellungen des Rechners, auf dem das Relay läuft.',
      },
    },
  },
  connection_dropped: {
    retry: 'later',
    text: {
      en: {
        title: 'The connection was interrupted',
        explanation: 'The connection to the mail server was cut off before sending finished.',
        fix: 'Ownpost tries again automatically. If it happens every time, a firewall or antivirus program may be interrupting mail traffic, or the encryption setting may not match the port (465 = TLS, 587 = STARTTLS).',
      },
      pl: {
        title: 'Połączenie zostało przerwane',
        explanation: 'Połączenie z serwerem poczty zostało zerwane przed zakończeniem wysyłki.',
        fix: 'Ownpost spróbuje ponownie automatycznie. Jeśli dzieje się tak za każdym razem, zapora lub program antywirusowy może przerywać ruch pocztowy albo ustawienie szyfrowania nie pasuje do portu (465 = TLS, 587 = STARTTLS).',
      },
      is: {
        title: 'Tengingin rofnaði',
        explanation: 'Tengingin við póstþjóninn rofnaði áður en sendingu lauk.',
        fix: 'Ownpost reynir sjálfkrafa aftur. Ef þetta gerist í hvert skipti gæti eldveggur eða vírusvörn verið að trufla póstumferð, eða dulkóðunarstillingin passar ekki við gáttina (465 = TLS, 587 = STARTTLS).',
      },
      sv: {
        title: 'Anslutningen bröts',
        explanation: 'Anslutningen till e-postservern bröts innan sändningen var klar.',
        fix: 'Ownpost försöker igen automatiskt. Om det händer varje gång kan en brandvägg eller ett antivirusprogram störa e-posttrafiken, eller så passar krypteringsinställningen inte porten (465 = TLS, 587 = STARTTLS).',
      },
      da: {
        title: 'Forbindelsen blev afbrudt',
        explanation: 'Forbindelsen til mailserveren blev afbrudt, før afsendelsen var færdig.',
        fix: 'Ownpost prøver igen automatisk. Sker det hver gang, kan en firewall eller et antivirusprogram forstyrre mailtrafikken, eller krypteringsindstillingen passer ikke til porten (465 = TLS, 587 = STARTTLS).',
      },
      nb: {
        title: 'Tilkoblingen ble brutt',
        explanation: 'Tilkoblingen til e-postserveren ble brutt før sendingen var ferdig.',
        fix: 'Ownpost prøver igjen automatisk. Skjer det hver gang, kan en brannmur eller et antivirusprogram forstyrre e-posttrafikken, eller krypteringsinnstillingen passer ikke til porten (465 = TLS, 587 = STARTTLS).',
      },
      de: {
        title: 'Die Verbindung wurde unterbrochen',
        explanation: 'Die Verbindung zum Mailserver brach ab, bevor der Versand abgeschlossen war.',
        fix: 'Ownpost versucht es automatisch erneut. Passiert das jedes Mal, stört vielleicht eine Firewall oder ein Virenscanner den E-Mail-Verkehr, oder die Verschlüsselungseinstellung passt nicht zum Port (465 = TLS, 587 = STARTTLS).',
      },
    },
  },
  not_smtp_service: {
    retry: 'never',
    text: {
      en: {
        title: 'This is not an outgoing mail server',
        explanation: 'A server answered on this port, but not like a server for sending mail (SMTP). It may be a server for receiving mail (IMAP or POP3) or a website.',
        fix: 'Enter the outgoing (SMTP) server and port, usually port 587 with STARTTLS or 465 with TLS. Ports 993, 143, 995 and 110 are for receiving mail.',
      },
      pl: {
        title: 'To nie jest serwer poczty wychodzącej',
        explanation: 'Na tym porcie odpowiedział serwer, ale nie jak serwer do wysyłania poczty (SMTP). Może to być serwer do odbierania poczty (IMAP lub POP3) albo strona internetowa.',
        fix: 'Wpisz serwer i port poczty wychodzącej (SMTP), zwykle port 587 ze STARTTLS lub 465 z TLS. Porty 993, 143, 995 i 110 służą do odbierania poczty.',
      },
      is: {
        title: 'Þetta er ekki þjónn fyrir útsendan póst',
        explanation: 'Þjónn svaraði á þessari gátt, en ekki eins og þjónn til að senda póst (SMTP). Þetta gæti verið þjónn til að taka á móti pósti (IMAP eða POP3) eða vefsíða.',
        fix: 'Sláðu inn þjón og gátt fyrir útsendan póst (SMTP), yfirleitt gátt 587 með STARTTLS eða 465 með TLS. Gáttir 993, 143, 995 og 110 eru fyrir móttöku pósts.',
      },
      sv: {
        title: 'Det här är ingen server för utgående e-post',
        explanation: 'En server svarade på den här porten, men inte som en server för att skicka e-post (SMTP). Det kan vara en server för att ta emot e-post (IMAP eller POP3) eller en webbplats.',
        fix: 'Ange server och port för utgående e-post (SMTP), oftast port 587 med STARTTLS eller 465 med TLS. Portarna 993, 143, 995 och 110 är för att ta emot e-post.',
      },
      da: {
        title: 'Dette er ikke en server til udgående mail',
        explanation: 'En server svarede på denne port, men ikke som en server til at sende mail (SMTP). Det kan være en server til at modtage mail (IMAP eller POP3) eller et websted.',
        fix: 'Angiv server og port til udgående mail (SMTP), som regel port 587 med STARTTLS eller 465 med TLS. Portene 993, 143, 995 og 110 er til at modtage mail.',
      },
      nb: {
        title: 'Dette er ikke en server for utgående e-post',
        explanation: 'En server svarte på denne porten, men ikke som en server for å sende e-post (SMTP). Det kan være en server for å motta e-post (IMAP eller POP3) eller et nettsted.',
        fix: 'Skriv inn server og port for utgående e-post (SMTP), som regel port 587 med STARTTLS eller 465 med TLS. Portene 993, 143, 995 og 110 er for å motta e-post.',
      },
      de: {
        title: 'Das ist kein Postausgangsserver',
        explanation:
          'Auf diesem Port hat ein Server geantwortet, aber nicht wie ein Server zum Senden von E-Mails (SMTP). Es kann ein Server für den E-Mail-Empfang (IMAP oder POP3) oder eine Website sein.',
        fix: 'Geben Sie Server und Port für ausgehende E-Mails (SMTP) ein, meist Port 587 mit STARTTLS oder 465 mit TLS. Die Ports 993, 143, 995 und 110 dienen dem E-Mail-Empfang.',
      },
    },
  },

  // ---------------------------------------------------------------- Generic server answers
  auth_failed: {
    retry: 'limited',
    text: {
      en: {
        title: 'Sign-in failed',
        explanation: 'The mail server did not accept the username or password.',
        fix: "Check the username (usually the full e-mail address) and the password. Many providers require an app password instead of your normal password; you can create one in your e-mail account's security settings.",
      },
      pl: {
        title: 'Logowanie nie powiodło się',
        explanation: 'Serwer poczty nie przyjął nazwy użytkownika lub hasła.',
        fix: 'Sprawdź nazwę użytkownika (zwykle pełny adres e-mail) i hasło. Wielu dostawców wymaga hasła aplikacji zamiast zwykłego hasła; utworzysz je w ustawieniach bezpieczeństwa konta pocztowego.',
      },
      is: {
        title: 'Innskráning mistókst',
        explanation: 'Póstþjónninn samþykkti ekki notandanafnið eða lykilorðið.',
        fix: 'Athugaðu notandanafnið (yfirleitt allt netfangið) og lykilorðið. Margir þjónustuaðilar krefjast forritalykilorðs í stað venjulega lykilorðsins; það er búið til í öryggisstillingum póstaðgangsins.',
      },
      sv: {
        title: 'Inloggningen misslyckades',
        explanation: 'E-postservern godtog inte användarnamnet eller lösenordet.',
        fix: 'Kontrollera användarnamnet (oftast hela e-postadressen) och lösenordet. Många leverantörer kräver ett applösenord i stället för ditt vanliga lösenord; det skapar du i e-postkontots säkerhetsinställningar.',
      },
      da: {
        title: 'Login mislykkedes',
        explanation: 'Mailserveren godkendte ikke brugernavnet eller adgangskoden.',
        fix: 'Kontrollér brugernavnet (som regel den fulde mailadresse) og adgangskoden. Mange udbydere kræver en app-adgangskode i stedet for din almindelige adgangskode; den opretter du i mailkontoens sikkerhedsindstillinger.',
      },
      nb: {
        title: 'Påloggingen mislyktes',
        explanation: 'E-postserveren godtok ikke brukernavnet eller passordet.',
        fix: 'Kontroller brukernavnet (som regel hele e-postadressen) og passordet. Mange leverandører krever et app-passord i stedet for det vanlige passordet; det oppretter du i sikkerhetsinnstillingene for e-postkontoen.',
      },
      de: {
        title: 'Anmeldung fehlgeschlagen',
        explanation: 'Der Mailserver hat Benutzername oder Passwort nicht akzeptiert.',
        fix: 'Prüfen Sie den Benutzernamen (meist die vollständige E-Mail-Adresse) und das Passwort. Viele Anbieter verlangen statt des normalen Passworts ein App-Passwort, das Sie in den Sicherheitseinstellungen Ihres E-Mail-Kontos erstellen.',
      },
    },
  },
  recipient_rejected: {
    retry: 'never',
    text: {
      en: {
        title: 'A recipient address was rejected',
        explanation: 'The server refused to deliver to this recipient address. It may be misspelled or may no longer exist.',
        fix: "Check the recipient's e-mail address for typos and confirm it with the customer.",
      },
      pl: {
        title: 'Adres odbiorcy został odrzucony',
        explanation: 'Serwer odmówił doręczenia na ten adres odbiorcy. Może zawierać literówkę albo już nie istnieć.',
        fix: 'Sprawdź, czy w adresie e-mail odbiorcy nie ma literówki, i potwierdź go z klientem.',
      },
      is: {
        title: 'Netfangi viðtakanda var hafnað',
        explanation: 'Þjónninn neitaði að afhenda á þetta netfang viðtakanda. Það gæti verið rangt stafsett eða ekki lengur til.',
        fix: 'Athugaðu hvort innsláttarvilla sé í netfangi viðtakandans og staðfestu það við viðskiptavininn.',
      },
      sv: {
        title: 'En mottagaradress avvisades',
        explanation: 'Servern vägrade leverera till mottagaradressen. Den kan vara felstavad eller inte längre finnas.',
        fix: 'Kontrollera mottagarens e-postadress för stavfel och bekräfta den med kunden.',
      },
      da: {
        title: 'En modtageradresse blev afvist',
        explanation: 'Serveren nægtede at levere til modtageradressen. Den kan være stavet forkert eller findes måske ikke længere.',
        fix: 'Kontrollér modtagerens mailadresse for tastefejl, og bekræft den med kunden.',
      },
      nb: {
        title: 'En mottakeradresse ble avvist',
        explanation: 'Serveren nektet å levere til mottakeradressen. Den kan være feilstavet eller finnes kanskje ikke lenger.',
        fix: 'Kontroller mottakerens e-postadresse for skrivefeil, og bekreft den med kunden.',
      },
      de: {
        title: 'Eine Empfängeradresse wurde abgelehnt',
        explanation: 'Der Server hat die Zustellung an diese Empfängeradresse abgelehnt. Sie ist vielleicht falsch geschrieben oder existiert nicht mehr.',
        fix: 'Prüfen Sie die E-Mail-Adresse des Empfängers auf Tippfehler und bestätigen Sie sie mit dem Kunden.',
      },
    },
  },
  sender_rejected: {
    retry: 'never',
    text: {
      en: {
        title: 'The sender address was rejected',
        explanation: 'The server refused the From address of this message.',
        fix: 'Use the address of the mailbox you signed in with, or an alias your provider has verified for that mailbox.',
      },
      pl: {
        title: 'Adres nadawcy został odrzucony',
        explanation: 'Serwer odrzucił adres nadawcy (From) tej wiadomości.',
        fix: 'Użyj adresu skrzynki, na którą się logujesz, albo aliasu, który dostawca zweryfikował dla tej skrzynki.',
      },
      is: {
        title: 'Netfangi sendanda var hafnað',
        explanation: 'Þjónninn hafnaði sendandanetfangi (From) þessa skeytis.',
        fix: 'Notaðu netfang pósthólfsins sem þú skráir þig inn með eða samnefni sem þjónustuaðilinn hefur staðfest fyrir það pósthólf.',
      },
      sv: {
        title: 'Avsändaradressen avvisades',
        explanation: 'Servern avvisade meddelandets från-adress.',
        fix: 'Använd adressen till postlådan du loggar in med, eller ett alias som leverantören har verifierat för postlådan.',
      },
      da: {
        title: 'Afsenderadressen blev afvist',
        explanation: 'Serveren afviste beskedens fra-adresse.',
        fix: 'Brug adressen på den postkasse, du logger ind med, eller et alias, som udbyderen har bekræftet til postkassen.',
      },
      nb: {
        title: 'Avsenderadressen ble avvist',
        explanation: 'Serveren avviste fra-adressen i meldingen.',
        fix: 'Bruk adressen til postboksen du logger på med, eller et alias som leverandøren har bekreftet for postboksen.',
      },
      de: {
        title: 'Die Absenderadresse wurde abgelehnt',
        explanation: 'Der Server hat die Absenderadresse (From) dieser Nachricht abgelehnt.',
        fix: 'Verwenden Sie die Adresse des Postfachs, mit dem Sie sich anmelden, oder einen Alias, den Ihr Anbieter für dieses Postfach bestätigt hat.',
      },
    },
  },
  server_temporary: {
    retry: 'later',
    text: {
      en: {
        title: 'Temporary problem at the mail server',
        explanation: 'The mail server could not accept the message right now.',
        fix: "Ownpost tries again automatically. If it keeps failing, give the server's reply to your e-mail provider or IT.",
      },
      pl: {
        title: 'Chwilowy problem z serwerem poczty',
        explanation: 'Serwer poczty nie mógł teraz przyjąć wiadomości.',
        fix: 'Ownpost spróbuje ponownie automatycznie. Jeśli problem się powtarza, przekaż odpowiedź serwera dostawcy poczty lub działowi IT.',
      },
      is: {
        title: 'Tímabundið vandamál hjá póstþjóninum',
        explanation: 'Póstþjónninn gat ekki tekið við skeytinu í augnablikinu.',
        fix: 'Ownpost reynir sjálfkrafa aftur. Ef þetta heldur áfram skaltu senda svar þjónsins til þjónustuaðilans eða tölvudeildarinnar.',
      },
      sv: {
        title: 'Tillfälligt problem hos e-postservern',
        explanation: 'E-postservern kunde inte ta emot meddelandet just nu.',
        fix: 'Ownpost försöker igen automatiskt. Om det fortsätter att misslyckas, ge serverns svar till din e-postleverantör eller IT.',
      },
      da: {
        title: 'Midlertidigt problem hos mailserveren',
        explanation: 'Mailserveren kunne ikke modtage beskeden lige nu.',
        fix: 'Ownpost prøver igen automatisk. Bliver det ved med at mislykkes, så giv serverens svar til din mailudbyder eller IT.',
      },
      nb: {
        title: 'Midlertidig problem hos e-postserveren',
        explanation: 'E-postserveren kunne ikke ta imot meldingen akkurat nå.',
        fix: 'Ownpost prøver igjen automatisk. Fortsetter det å mislykkes, gi serverens svar til e-postleverandøren eller IT.',
      },
      de: {
        title: 'Vorübergehendes Problem beim Mailserver',
        explanation: 'Der Mailserver konnte die Nachricht gerade nicht annehmen.',
        fix: 'Ownpost versucht es automatisch erneut. Schlägt es weiter fehl, geben Sie die Antwort des Servers an Ihren E-Mail-Anbieter oder Ihre IT weiter.',
      },
    },
  },
  server_permanent: {
    retry: 'never',
    text: {
      en: {
        title: 'The mail server refused the message',
        explanation: 'The mail server refused the message and will not accept it if it is sent again unchanged.',
        fix: "The server's reply states the reason. If it is unclear, give the reply to your e-mail provider or IT.",
      },
      pl: {
        title: 'Serwer poczty odrzucił wiadomość',
        explanation: 'Serwer poczty odrzucił wiadomość i nie przyjmie jej, jeśli zostanie wysłana ponownie bez zmian.',
        fix: 'Przyczyna jest podana w odpowiedzi serwera. Jeśli nie jest jasna, przekaż odpowiedź dostawcy poczty lub działowi IT.',
      },
      is: {
        title: 'Póstþjónninn hafnaði skeytinu',
        explanation: 'Póstþjónninn hafnaði skeytinu og tekur ekki við því ef það er sent aftur óbreytt.',
        fix: 'Ástæðan kemur fram í svari þjónsins. Ef hún er óljós skaltu senda svarið til þjónustuaðilans eða tölvudeildarinnar.',
      },
      sv: {
        title: 'E-postservern avvisade meddelandet',
        explanation: 'E-postservern avvisade meddelandet och tar inte emot det om det skickas igen oförändrat.',
        fix: 'Orsaken står i serverns svar. Om den är oklar, ge svaret till din e-postleverantör eller IT.',
      },
      da: {
        title: 'Mailserveren afviste beskeden',
        explanation: 'Mailserveren afviste beskeden og modtager den ikke, hvis den sendes igen uændret.',
        fix: 'Årsagen står i serverens svar. Er den uklar, så giv svaret til din mailudbyder eller IT.',
      },
      nb: {
        title: 'E-postserveren avviste meldingen',
        explanation: 'E-postserveren avviste meldingen og tar ikke imot den om den sendes på nytt uendret.',
        fix: 'Årsaken står i serverens svar. Er den uklar, gi svaret til e-postleverandøren eller IT.',
      },
      de: {
        title: 'Der Mailserver hat die Nachricht abgelehnt',
        explanation: 'Der Mailserver hat die Nachricht abgelehnt und nimmt sie auch bei erneutem, unverändertem Senden nicht an.',
        fix: 'Der Grund steht in der Antwort des Servers. Ist er unklar, geben Sie die Antwort an Ihren E-Mail-Anbieter oder Ihre IT weiter.',
      },
    },
  },
  unknown: {
    retry: 'limited',
    text: {
      en: {
        title: 'Sending failed for an unknown reason',
        explanation: 'Something went wrong that Ownpost does not recognize.',
        fix: 'Run the connection test in the sender settings to see which step fails, and give the technical details to your IT contact.',
      },
      pl: {
        title: 'Wysyłka nie powiodła się z nieznanego powodu',
        explanation: 'Wystąpił błąd, którego Ownpost nie rozpoznaje.',
        fix: 'Uruchom test połączenia w ustawieniach nadawcy, aby zobaczyć, który krok się nie udaje, i przekaż szczegóły techniczne osobie odpowiedzialnej za IT.',
      },
      is: {
        title: 'Sending mistókst af óþekktri ástæðu',
        explanation: 'Eitthvað fór úrskeiðis sem Ownpost þekkir ekki.',
        fix: 'Keyrðu tengiprófið í sendandastillingunum til að sjá hvaða skref mistekst og sendu tæknilegu upplýsingarnar til tölvuþjónustunnar.',
      },
      sv: {
        title: 'Sändningen misslyckades av okänd anledning',
        explanation: 'Något gick fel som Ownpost inte känner igen.',
        fix: 'Kör anslutningstestet i avsändarinställningarna för att se vilket steg som misslyckas, och ge de tekniska detaljerna till din IT-kontakt.',
      },
      da: {
        title: 'Afsendelsen mislykkedes af ukendt årsag',
        explanation: 'Der opstod en fejl, som Ownpost ikke genkender.',
        fix: 'Kør forbindelsestesten i afsenderindstillingerne for at se, hvilket trin der fejler, og giv de tekniske detaljer til din IT-kontakt.',
      },
      nb: {
        title: 'Sendingen mislyktes av ukjent årsak',
        explanation: 'Noe gikk galt som Ownpost ikke kjenner igjen.',
        fix: 'Kjør tilkoblingstesten i avsenderinnstillingene for å se hvilket steg som feiler, og gi de tekniske detaljene til IT-kontakten din.',
      },
      de: {
        title: 'Versand aus unbekanntem Grund fehlgeschlagen',
        explanation: 'Es ist ein Fehler aufgetreten, den Ownpost nicht kennt.',
        fix: 'Führen Sie in den Absendereinstellungen den Verbindungstest aus, um zu sehen, welcher Schritt fehlschlägt, und geben Sie die technischen Details an Ihre IT weiter.',
      },
    },
  },

  // ---------------------------------------------------------------- OAuth2 token endpoint (Microsoft Entra ID, Google)
  oauth_invalid_client_secret: {
    retry: 'never',
    text: {
      en: {
        title: "The app's client secret is wrong or has expired",
        explanation: "Microsoft rejected the client secret of the app registration (AADSTS7000215). Often the Secret ID was copied instead of the secret's Value, or the secret has expired.",
        fix: 'In Microsoft Entra admin center → App registrations → your app → Certificates & secrets, create a new client secret and copy its Value (shown only once; not the Secret ID) into the sender settings.',
      },
      pl: {
        title: 'Klucz tajny aplikacji jest błędny lub wygasł',
        explanation: 'Microsoft odrzucił klucz tajny klienta (client secret) rejestracji aplikacji (AADSTS7000215). Często skopiowano Secret ID zamiast wartości (Value) klucza albo klucz wygasł.',
        fix: 'W Microsoft Entra admin center → App registrations → Twoja aplikacja → Certificates & secrets utwórz nowy klucz tajny klienta i skopiuj jego wartość Value (widoczną tylko raz; nie Secret ID) do ustawień nadawcy.',
      },
      is: {
        title: 'Leynilykill forritsins er rangur eða útrunninn',
        explanation: 'Microsoft hafnaði leynilykli (client secret) forritaskráningarinnar (AADSTS7000215). Oft var Secret ID afritað í stað gildisins (Value) eða lykillinn er útrunninn.',
        fix: 'Í Microsoft Entra admin center → App registrations → forritið þitt → Certificates & secrets skaltu búa til nýjan leynilykil og afrita gildið (Value, birtist aðeins einu sinni; ekki Secret ID) í sendandastillingarnar.',
      },
      sv: {
        title: 'Appens klienthemlighet är fel eller har gått ut',
        explanation: 'Microsoft avvisade appregistreringens klienthemlighet (AADSTS7000215). Ofta har Secret ID kopierats i stället för hemlighetens värde (Value), eller så har hemligheten gått ut.',
        fix: 'I Microsoft Entra admin center → App registrations → din app → Certificates & secrets skapar du en ny klienthemlighet och kopierar dess Value (visas bara en gång; inte Secret ID) till avsändarinställningarna.',
      },
      da: {
        title: 'Appens klienthemmelighed er forkert eller udløbet',
        explanation: 'Microsoft afviste appregistreringens klienthemmelighed (AADSTS7000215). Ofte er Secret ID kopieret i stedet for hemmelighedens værdi (Value), eller hemmeligheden er udløbet.',
        fix: 'I Microsoft Entra admin center → App registrations → din app → Certificates & secrets opretter du en ny klienthemmelighed og kopierer dens Value (vises kun én gang; ikke Secret ID) til afsenderindstillingerne.',
      },
      nb: {
        title: 'Appens klienthemmelighet er feil eller utløpt',
        explanation:
          'Microsoft avviste klienthemmeligheten til appregistreringen (AADSTS7000215). Ofte er Secret ID kopiert i stedet for verdien (Value) til hemmeligheten, eller hemmeligheten er utløpt.',
        fix: 'I Microsoft Entra admin center → App registrations → appen din → Certificates & secrets oppretter du en ny klienthemmelighet og kopierer Value (vises bare én gang; ikke Secret ID) til avsenderinnstillingene.',
      },
      de: {
        title: 'Der geheime Clientschlüssel der App ist falsch oder abgelaufen',
        explanation:
          'Microsoft hat den geheimen Clientschlüssel (Client Secret) der App-Registrierung abgelehnt (AADSTS7000215). Oft wurde die Secret ID statt des Werts (Value) kopiert, oder der Schlüssel ist abgelaufen.',
        fix: 'Erstellen Sie im Microsoft Entra admin center → App registrations → Ihre App → Certificates & secrets einen neuen geheimen Clientschlüssel und kopieren Sie dessen Value (wird nur einmal angezeigt; nicht die Secret ID) in die Absendereinstellungen.',
      },
    },
  },
  oauth_resource_not_found: {
    retry: 'never',
    text: {
      en: {
        title: 'Microsoft cannot find the requested service',
        explanation: 'The token request named a service that does not exist in your Microsoft 365 organization (AADSTS500011). Usually the scope is wrong, or the organization has no Exchange Online.',
        fix: 'Use the scope https://outlook.office365.com/.default for app-only sending (https://outlook.office.com/SMTP.Send for a personal sign-in), and check that the tenant ID belongs to the organization that owns the mailbox.',
      },
      pl: {
        title: 'Microsoft nie może znaleźć żądanej usługi',
        explanation: 'Żądanie tokenu wskazało usługę, której nie ma w Twojej organizacji Microsoft 365 (AADSTS500011). Zwykle zakres (scope) jest błędny albo organizacja nie ma Exchange Online.',
        fix: 'Użyj zakresu https://outlook.office365.com/.default przy wysyłce jako aplikacja (https://outlook.office.com/SMTP.Send przy osobistym logowaniu) i sprawdź, czy tenant ID należy do organizacji, do której należy skrzynka.',
      },
      is: {
        title: 'Microsoft finnur ekki þjónustuna sem beðið var um',
        explanation: 'Tókabeiðnin vísaði á þjónustu sem er ekki til hjá Microsoft 365-fyrirtækinu (AADSTS500011). Yfirleitt er umfangið (scope) rangt eða fyrirtækið er ekki með Exchange Online.',
        fix: 'Notaðu umfangið https://outlook.office365.com/.default fyrir sendingu sem forrit (https://outlook.office.com/SMTP.Send fyrir persónulega innskráningu) og athugaðu að tenant ID tilheyri fyrirtækinu sem á pósthólfið.',
      },
      sv: {
        title: 'Microsoft hittar inte den begärda tjänsten',
        explanation: 'Tokenbegäran angav en tjänst som inte finns i din Microsoft 365-organisation (AADSTS500011). Oftast är omfånget (scope) fel, eller så har organisationen inte Exchange Online.',
        fix: 'Använd omfånget https://outlook.office365.com/.default för sändning som app (https://outlook.office.com/SMTP.Send för personlig inloggning), och kontrollera att tenant ID tillhör organisationen som äger postlådan.',
      },
      da: {
        title: 'Microsoft kan ikke finde den ønskede tjeneste',
        explanation: 'Tokenanmodningen angav en tjeneste, der ikke findes i din Microsoft 365-organisation (AADSTS500011). Som regel er scopet forkert, eller organisationen har ikke Exchange Online.',
        fix: 'Brug scopet https://outlook.office365.com/.default til afsendelse som app (https://outlook.office.com/SMTP.Send til personligt login), og kontrollér, at tenant ID hører til den organisation, der ejer postkassen.',
      },
      nb: {
        title: 'Microsoft finner ikke den forespurte tjenesten',
        explanation:
          'Tokenforespørselen oppga en tjeneste som ikke finnes i Microsoft 365-organisasjonen din (AADSTS500011). Som regel er omfanget (scope) feil, eller organisasjonen har ikke Exchange Online.',
        fix: 'Bruk omfanget https://outlook.office365.com/.default for sending som app (https://outlook.office.com/SMTP.Send for personlig pålogging), og kontroller at tenant ID hører til organisasjonen som eier postboksen.',
      },
      de: {
        title: 'Microsoft findet den angeforderten Dienst nicht',
        explanation:
          'Die Tokenanforderung nannte einen Dienst, den es in Ihrer Microsoft 365-Organisation nicht gibt (AADSTS500011). Meist ist der Scope falsch, oder die Organisation hat kein Exchange Online.',
        fix: 'Verwenden Sie den Scope https://outlook.office365.com/.default für den Versand als App (https://outlook.office.com/SMTP.Send für die persönliche Anmeldung) und prüfen Sie, ob die tenant ID zu der Organisation gehört, der das Postfach gehört.',
      },
    },
  },
  oauth_consent_missing: {
    retry: 'never',
    text: {
      en: {
        title: 'An administrator has not approved the app',
        explanation: 'The app registration lacks the permission it needs, or an administrator has not granted consent for it (AADSTS65001).',
        fix: 'In Microsoft Entra admin center → App registrations → your app → API permissions, add Office 365 Exchange Online → Application permissions → SMTP.SendAsApp (for a personal sign-in: Microsoft Graph → SMTP.Send) and click Grant admin consent.',
      },
      pl: {
        title: 'Administrator nie zatwierdził jeszcze aplikacji',
        explanation: 'Rejestracji aplikacji brakuje potrzebnego uprawnienia albo administrator nie udzielił na nie zgody (AADSTS65001).',
        fix: 'W Microsoft Entra admin center → App registrations → Twoja aplikacja → API permissions dodaj Office 365 Exchange Online → Application permissions → SMTP.SendAsApp (przy osobistym logowaniu: Microsoft Graph → SMTP.Send) i kliknij Grant admin consent.',
      },
      is: {
        title: 'Kerfisstjóri hefur ekki samþykkt forritið',
        explanation: 'Skráningu forritsins vantar heimildina sem hún þarf, eða kerfisstjóri hefur ekki veitt samþykki fyrir henni (AADSTS65001).',
        fix: 'Í Microsoft Entra admin center → App registrations → forritið þitt → API permissions skaltu bæta við Office 365 Exchange Online → Application permissions → SMTP.SendAsApp (fyrir persónulega innskráningu: Microsoft Graph → SMTP.Send) og smella á Grant admin consent.',
      },
      sv: {
        title: 'En administratör har inte godkänt appen',
        explanation: 'Appregistreringen saknar behörigheten den behöver, eller så har en administratör inte gett medgivande till den (AADSTS65001).',
        fix: 'I Microsoft Entra admin center → App registrations → din app → API permissions lägger du till Office 365 Exchange Online → Application permissions → SMTP.SendAsApp (för personlig inloggning: Microsoft Graph → SMTP.Send) och klickar på Grant admin consent.',
      },
      da: {
        title: 'En administrator har ikke godkendt appen',
        explanation: 'Appregistreringen mangler den tilladelse, den skal bruge, eller en administrator har ikke givet samtykke til den (AADSTS65001).',
        fix: 'I Microsoft Entra admin center → App registrations → din app → API permissions tilføjer du Office 365 Exchange Online → Application permissions → SMTP.SendAsApp (ved personligt login: Microsoft Graph → SMTP.Send) og klikker på Grant admin consent.',
      },
      nb: {
        title: 'En administrator har ikke godkjent appen',
        explanation: 'Appregistreringen mangler tillatelsen den trenger, eller en administrator har ikke gitt samtykke til den (AADSTS65001).',
        fix: 'I Microsoft Entra admin center → App registrations → appen din → API permissions legger du til Office 365 Exchange Online → Application permissions → SMTP.SendAsApp (ved personlig pålogging: Microsoft Graph → SMTP.Send) og klikker Grant admin consent.',
      },
      de: {
        title: 'Ein Administrator hat die App noch nicht genehmigt',
        explanation: 'Der App-Registrierung fehlt die nötige Berechtigung, oder ein Administrator hat ihr noch nicht zugestimmt (AADSTS65001).',
        fix: 'Fügen Sie im Microsoft Entra admin center → App registrations → Ihre App → API permissions die Berechtigung Office 365 Exchange Online → Application permissions → SMTP.SendAsApp hinzu (bei persönlicher Anmeldung: Microsoft Graph → SMTP.Send) und klicken Sie auf Grant admin consent.',
      },
    },
  },
  oauth_invalid_client_id: {
    retry: 'never',
    text: {
      en: {
        title: 'The tenant ID or client ID is wrong',
        explanation: 'Microsoft could not find this app or organization (for example AADSTS700016 or AADSTS90002). The IDs may be mistyped or belong to another organization.',
        fix: 'Copy the Directory (tenant) ID and the Application (client) ID from Microsoft Entra admin center → App registrations → your app → Overview into the sender settings.',
      },
      pl: {
        title: 'Tenant ID lub client ID jest błędny',
        explanation: 'Microsoft nie znalazł tej aplikacji lub organizacji (na przykład AADSTS700016 lub AADSTS90002). Identyfikatory mogą zawierać literówkę albo należeć do innej organizacji.',
        fix: 'Skopiuj Directory (tenant) ID i Application (client) ID z Microsoft Entra admin center → App registrations → Twoja aplikacja → Overview do ustawień nadawcy.',
      },
      is: {
        title: 'Tenant ID eða client ID er rangt',
        explanation: 'Microsoft fann ekki þetta forrit eða fyrirtæki (til dæmis AADSTS700016 eða AADSTS90002). Auðkennin gætu verið rangt slegin inn eða tilheyrt öðru fyrirtæki.',
        fix: 'Afritaðu Directory (tenant) ID og Application (client) ID úr Microsoft Entra admin center → App registrations → forritið þitt → Overview í sendandastillingarnar.',
      },
      sv: {
        title: 'Tenant ID eller client ID är fel',
        explanation: 'Microsoft hittade inte appen eller organisationen (till exempel AADSTS700016 eller AADSTS90002). ID:na kan vara felskrivna eller tillhöra en annan organisation.',
        fix: 'Kopiera Directory (tenant) ID och Application (client) ID från Microsoft Entra admin center → App registrations → din app → Overview till avsändarinställningarna.',
      },
      da: {
        title: 'Tenant ID eller client ID er forkert',
        explanation: "Microsoft kunne ikke finde appen eller organisationen (fx AADSTS700016 eller AADSTS90002). Id'erne kan være tastet forkert eller høre til en anden organisation.",
        fix: 'Kopiér Directory (tenant) ID og Application (client) ID fra Microsoft Entra admin center → App registrations → din app → Overview til afsenderindstillingerne.',
      },
      nb: {
        title: 'Tenant ID eller client ID er feil',
        explanation: 'Microsoft fant ikke appen eller organisasjonen (for eksempel AADSTS700016 eller AADSTS90002). ID-ene kan være feilskrevet eller høre til en annen organisasjon.',
        fix: 'Kopier Directory (tenant) ID og Application (client) ID fra Microsoft Entra admin center → App registrations → appen din → Overview til avsenderinnstillingene.',
      },
      de: {
        title: 'Tenant ID oder Client ID ist falsch',
        explanation:
          'Microsoft hat diese App oder Organisation nicht gefunden (zum Beispiel AADSTS700016 oder AADSTS90002). Die IDs sind vielleicht falsch eingegeben oder gehören zu einer anderen Organisation.',
        fix: 'Kopieren Sie Directory (tenant) ID und Application (client) ID aus Microsoft Entra admin center → App registrations → Ihre App → Overview in die Absendereinstellungen.',
      },
    },
  },
  oauth_invalid_grant: {
    retry: 'never',
    text: {
      en: {
        title: 'The saved sign-in has expired',
        explanation: 'The Microsoft or Google sign-in saved for this sender is no longer valid: it expired, the password was changed, or access was revoked.',
        fix: 'Open the sender settings and connect the account again.',
      },
      pl: {
        title: 'Zapisane logowanie wygasło',
        explanation: 'Logowanie Microsoft lub Google zapisane dla tego nadawcy jest już nieważne: wygasło, hasło zostało zmienione albo dostęp cofnięto.',
        fix: 'Otwórz ustawienia nadawcy i połącz konto ponownie.',
      },
      is: {
        title: 'Vistaða innskráningin er útrunnin',
        explanation: 'Microsoft- eða Google-innskráningin sem vistuð er fyrir þennan sendanda gildir ekki lengur: hún rann út, lykilorðinu var breytt eða aðgangur var afturkallaður.',
        fix: 'Opnaðu sendandastillingarnar og tengdu aðganginn aftur.',
      },
      sv: {
        title: 'Den sparade inloggningen har gått ut',
        explanation: 'Microsoft- eller Google-inloggningen som sparats för avsändaren gäller inte längre: den har gått ut, lösenordet har ändrats eller åtkomsten har återkallats.',
        fix: 'Öppna avsändarinställningarna och anslut kontot igen.',
      },
      da: {
        title: 'Det gemte login er udløbet',
        explanation: 'Det Microsoft- eller Google-login, der er gemt til denne afsender, er ikke længere gyldigt: det er udløbet, adgangskoden er ændret, eller adgangen er tilbagekaldt.',
        fix: 'Åbn afsenderindstillingerne, og forbind kontoen igen.',
      },
      nb: {
        title: 'Den lagrede påloggingen har utløpt',
        explanation: 'Microsoft- eller Google-påloggingen som er lagret for denne avsenderen, er ikke lenger gyldig: den har utløpt, passordet er endret, eller tilgangen er trukket tilbake.',
        fix: 'Åpne avsenderinnstillingene og koble til kontoen på nytt.',
      },
      de: {
        title: 'Die gespeicherte Anmeldung ist abgelaufen',
        explanation: 'Die für diesen Absender gespeicherte Microsoft- oder Google-Anmeldung ist nicht mehr gültig: Sie ist abgelaufen, das Passwort wurde geändert oder der Zugriff wurde widerrufen.',
        fix: 'Öffnen Sie die Absendereinstellungen und verbinden Sie das Konto erneut.',
      },
    },
  },
  oauth_sign_in_required: {
    retry: 'never',
    text: {
      en: {
        title: 'Nobody has signed in for this sender yet',
        explanation: 'This sender signs in with Microsoft or Google (OAuth2). Until the mailbox owner signs in once, the relay has no token to send with.',
        fix: 'Open the sender in the Ownpost options page and choose Sign in. The test runs again once you are signed in.',
      },
      pl: {
        title: 'Nikt się jeszcze nie zalogował dla tego nadawcy',
        explanation: 'Ten nadawca loguje się przez Microsoft lub Google (OAuth2). Dopóki właściciel skrzynki nie zaloguje się raz, przekaźnik nie ma tokenu do wysyłania.',
        fix: 'Otwórz nadawcę na stronie opcji Ownpost i wybierz Zaloguj się. Test uruchomi się ponownie po zalogowaniu.',
      },
      is: {
        title: 'Enginn hefur enn skráð sig inn fyrir þennan sendanda',
        explanation: 'Þessi sendandi skráir sig inn með Microsoft eða Google (OAuth2). Þar til eigandi pósthólfsins skráir sig inn einu sinni hefur miðlarinn engan tóka til að senda með.',
        fix: 'Opnaðu sendandann á stillingasíðu Ownpost og veldu Skrá inn. Prófunin keyrir aftur þegar þú hefur skráð þig inn.',
      },
      sv: {
        title: 'Ingen har loggat in för den här avsändaren än',
        explanation: 'Avsändaren loggar in med Microsoft eller Google (OAuth2). Tills brevlådans ägare har loggat in en gång har reläet ingen token att skicka med.',
        fix: 'Öppna avsändaren på Ownposts inställningssida och välj Logga in. Testet körs igen när du har loggat in.',
      },
      da: {
        title: 'Ingen har logget ind for denne afsender endnu',
        explanation: 'Afsenderen logger ind med Microsoft eller Google (OAuth2). Indtil postkassens ejer har logget ind én gang, har relæet intet token at sende med.',
        fix: 'Åbn afsenderen på Ownposts indstillingsside, og vælg Log ind. Testen kører igen, når du er logget ind.',
      },
      nb: {
        title: 'Ingen har logget inn for denne avsenderen ennå',
        explanation: 'Avsenderen logger inn med Microsoft eller Google (OAuth2). Inntil eieren av postboksen har logget inn én gang, har reléet ikke noe token å sende med.',
        fix: 'Åpne avsenderen på Ownposts innstillingsside og velg Logg inn. Testen kjøres på nytt når du er logget inn.',
      },
      de: {
        title: 'Für diesen Absender hat sich noch niemand angemeldet',
        explanation: 'Dieser Absender meldet sich mit Microsoft oder Google an (OAuth2). Bis sich der Inhaber des Postfachs einmal anmeldet, hat das Relay kein Token zum Senden.',
        fix: 'Öffnen Sie den Absender auf der Optionsseite von Ownpost und wählen Sie Anmelden. Der Test läuft erneut, sobald Sie angemeldet sind.',
      },
    },
  },
  oauth_token_failed: {
    retry: 'limited',
    text: {
      en: {
        title: 'Could not get a sign-in token',
        explanation: 'The sign-in service (Microsoft or Google) refused to issue a token for this sender.',
        fix: "Check the OAuth2 settings (tenant ID, client ID, client secret) and connect again. The technical details contain the provider's exact reason.",
      },
      pl: {
        title: 'Nie udało się uzyskać tokenu logowania',
        explanation: 'Usługa logowania (Microsoft lub Google) odmówiła wydania tokenu dla tego nadawcy.',
        fix: 'Sprawdź ustawienia OAuth2 (tenant ID, client ID, client secret) i połącz się ponownie. Dokładna przyczyna podana przez dostawcę znajduje się w szczegółach technicznych.',
      },
      is: {
        title: 'Ekki tókst að fá innskráningartóka',
        explanation: 'Innskráningarþjónustan (Microsoft eða Google) neitaði að gefa út tóka fyrir þennan sendanda.',
        fix: 'Athugaðu OAuth2-stillingarnar (tenant ID, client ID, client secret) og tengstu aftur. Nákvæm ástæða þjónustuaðilans kemur fram í tæknilegu upplýsingunum.',
      },
      sv: {
        title: 'Det gick inte att hämta en inloggningstoken',
        explanation: 'Inloggningstjänsten (Microsoft eller Google) vägrade utfärda en token för avsändaren.',
        fix: 'Kontrollera OAuth2-inställningarna (tenant ID, client ID, client secret) och anslut igen. Leverantörens exakta orsak finns i de tekniska detaljerna.',
      },
      da: {
        title: 'Kunne ikke hente et login-token',
        explanation: 'Logintjenesten (Microsoft eller Google) nægtede at udstede et token til denne afsender.',
        fix: 'Kontrollér OAuth2-indstillingerne (tenant ID, client ID, client secret), og forbind igen. Udbyderens præcise årsag står i de tekniske detaljer.',
      },
      nb: {
        title: 'Kunne ikke hente et påloggingstoken',
        explanation: 'Påloggingstjenesten (Microsoft eller Google) nektet å utstede et token for denne avsenderen.',
        fix: 'Kontroller OAuth2-innstillingene (tenant ID, client ID, client secret), og koble til på nytt. Leverandørens nøyaktige årsak står i de tekniske detaljene.',
      },
      de: {
        title: 'Kein Anmeldetoken erhalten',
        explanation: 'Der Anmeldedienst (Microsoft oder Google) hat sich geweigert, ein Token für diesen Absender auszustellen.',
        fix: 'Prüfen Sie die OAuth2-Einstellungen (tenant ID, client ID, client secret) und verbinden Sie sich erneut. Den genauen Grund des Anbieters finden Sie in den technischen Details.',
      },
    },
  },
  // ---------------------------------------------------------------- The relay's own refusals (issue 14)
  destination_not_allowed: {
    retry: 'never',
    text: {
      en: {
        title: 'The relay does not connect to this server',
        explanation:
          "The server name points to a private network (this computer, the office network or a cloud metadata address), or the port is not a mail port. The relay refuses such connections on a user's behalf, so nothing was sent there.",
        fix: "Use your mail provider's public server name and port 587 (STARTTLS) or 465 (TLS). If the mail server really is internal, an admin can allow it by starting the relay with OWNPOST_ALLOW_PRIVATE_HOSTS=1 (other ports: OWNPOST_ALLOWED_PORTS).",
      },
      pl: {
        title: 'Przekaźnik nie łączy się z tym serwerem',
        explanation:
          'Nazwa serwera wskazuje na sieć prywatną (ten komputer, sieć biurową lub adres metadanych chmury) albo port nie jest portem poczty. Przekaźnik odmawia takich połączeń w imieniu użytkownika, więc nic tam nie wysłano.',
        fix: 'Użyj publicznej nazwy serwera dostawcy poczty i portu 587 (STARTTLS) lub 465 (TLS). Jeśli serwer poczty naprawdę jest wewnętrzny, administrator może go dopuścić, uruchamiając przekaźnik z OWNPOST_ALLOW_PRIVATE_HOSTS=1 (inne porty: OWNPOST_ALLOWED_PORTS).',
      },
      is: {
        title: 'Milliþjónninn tengist ekki þessum þjóni',
        explanation:
          'Heiti þjónsins vísar á einkanet (þessa tölvu, net skrifstofunnar eða lýsigagnavistfang skýs), eða gáttin er ekki póstgátt. Milliþjónninn hafnar slíkum tengingum fyrir hönd notanda, svo ekkert var sent þangað.',
        fix: 'Notaðu opinbert heiti á þjóni póstþjónustunnar og gátt 587 (STARTTLS) eða 465 (TLS). Ef póstþjónninn er í raun innanhúss getur kerfisstjóri leyft hann með því að ræsa milliþjóninn með OWNPOST_ALLOW_PRIVATE_HOSTS=1 (aðrar gáttir: OWNPOST_ALLOWED_PORTS).',
      },
      sv: {
        title: 'Reläet ansluter inte till den här servern',
        explanation:
          'Servernamnet pekar på ett privat nätverk (den här datorn, kontorets nätverk eller en metadataadress i molnet), eller så är porten ingen e-postport. Reläet vägrar sådana anslutningar för en användares räkning, så ingenting skickades dit.',
        fix: 'Använd e-postleverantörens publika servernamn och port 587 (STARTTLS) eller 465 (TLS). Om e-postservern verkligen är intern kan en administratör tillåta den genom att starta reläet med OWNPOST_ALLOW_PRIVATE_HOSTS=1 (andra portar: OWNPOST_ALLOWED_PORTS).',
      },
      da: {
        title: 'Relæet forbinder ikke til denne server',
        explanation:
          'Servernavnet peger på et privat netværk (denne computer, kontorets netværk eller en metadataadresse i skyen), eller porten er ikke en mailport. Relæet afviser sådanne forbindelser på en brugers vegne, så intet blev sendt dertil.',
        fix: 'Brug mailudbyderens offentlige servernavn og port 587 (STARTTLS) eller 465 (TLS). Hvis mailserveren virkelig er intern, kan en administrator tillade den ved at starte relæet med OWNPOST_ALLOW_PRIVATE_HOSTS=1 (andre porte: OWNPOST_ALLOWED_PORTS).',
      },
      nb: {
        title: 'Reléet kobler ikke til denne serveren',
        explanation:
          'Servernavnet peker på et privat nettverk (denne datamaskinen, kontorets nettverk eller en metadataadresse i skyen), eller porten er ikke en e-postport. Reléet avviser slike tilkoblinger på vegne av en bruker, så ingenting ble sendt dit.',
        fix: 'Bruk e-postleverandørens offentlige servernavn og port 587 (STARTTLS) eller 465 (TLS). Hvis e-postserveren virkelig er intern, kan en administrator tillate den ved å starte reléet med OWNPOST_ALLOW_PRIVATE_HOSTS=1 (andre porter: OWNPOST_ALLOWED_PORTS).',
      },
      de: {
        title: 'Das Relay verbindet sich nicht mit diesem Server',
        explanation:
          'Der Servername zeigt in ein privates Netz (dieser Rechner, das Büronetz oder eine Cloud-Metadatenadresse), oder der Port ist kein Mail-Port. Das Relay verweigert solche Verbindungen im Auftrag eines Benutzers, daher wurde dorthin nichts gesendet.',
        fix: 'Verwenden Sie den öffentlichen Servernamen Ihres Mail-Anbieters und Port 587 (STARTTLS) oder 465 (TLS). Ist der Mailserver wirklich intern, kann ein Admin ihn erlauben, indem er das Relay mit OWNPOST_ALLOW_PRIVATE_HOSTS=1 startet (andere Ports: OWNPOST_ALLOWED_PORTS).',
      },
    },
  },
} satisfies Record<string, Definition>;

export type ProblemCode = keyof typeof DEFINITIONS;

/** A problem in one language, as the relay's API returns it. */
export type Problem = { code: ProblemCode; title: string; explanation: string; fix: string };

export interface CatalogueEntry {
  code: ProblemCode;
  retry: RetryPolicy;
  text: Readonly<Record<Language, ProblemText>>;
}

/** Every problem, in a stable order (for tests and documentation). */
export const CATALOGUE: readonly CatalogueEntry[] = Object.freeze(
  (Object.keys(DEFINITIONS) as ProblemCode[]).map((code) => {
    const definition: Definition = DEFINITIONS[code];
    return Object.freeze({ code, retry: definition.retry, text: definition.text });
  }),
);

export function isProblemCode(value: unknown): value is ProblemCode {
  return typeof value === 'string' && Object.hasOwn(DEFINITIONS, value);
}

/** Norwegian readers get Bokmål whether their browser says `no`, `nb` or `nn`. */
const LANGUAGE_ALIASES: Readonly<Record<string, Language>> = { no: 'nb', nn: 'nb' };

/**
 * The supported language for a language tag (`de`, `de-AT`, `nb_NO`, `no`), or undefined.
 *
 * @example resolveLanguage('sv-FI') // 'sv'
 */
export function resolveLanguage(tag: string | undefined | null): Language | undefined {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const language = LANGUAGE_ALIASES[primary] ?? primary;
  return (LANGUAGES as readonly string[]).includes(language) ? (language as Language) : undefined;
}

/**
 * A problem's title, explanation and fix in `lang`, falling back to English for a language the
 * catalogue does not have. A code that is not (or no longer) in the catalogue, for example one read
 * from an older database, gives the `unknown` problem rather than throwing.
 *
 * @default lang 'en'
 * @example getProblem('gmail_app_password_required', 'de').title // 'Gmail verlangt ein App-Passwort'
 */
export function getProblem(code: ProblemCode, lang: Language | string = 'en'): Problem {
  const known: ProblemCode = isProblemCode(code) ? code : 'unknown';
  const definition: Definition = DEFINITIONS[known];
  const text = definition.text[resolveLanguage(lang) ?? 'en'];
  return { code: known, title: text.title, explanation: text.explanation, fix: text.fix };
}

/** How a delivery worker should treat a message that failed with `code` (see {@link RetryPolicy}). */
export function problemRetryPolicy(code: ProblemCode): RetryPolicy {
  return isProblemCode(code) ? DEFINITIONS[code].retry : DEFINITIONS.unknown.retry;
}
