/**
 * The problem catalogue in Polish: a title, explanation and fix for every problem of the table
 * (relay/diagnosis/problems.ts). The writing rules are in catalogue.ts.
 */
import type { ProblemCode } from '../problems';
import type { ProblemText } from './problem-text';

export const pl: Readonly<Record<ProblemCode, ProblemText>> = {
  // ---------------------------------------------------------------- Gmail / Google Workspace
  gmail_bad_credentials: {
    title: 'Google nie przyjął nazwy użytkownika lub hasła',
    explanation: 'Gmail odrzucił logowanie. Hasło jest błędne albo jest to zwykłe hasło do konta Google, którego Gmail nie przyjmuje już od innych programów.',
    fix: 'Jako nazwy użytkownika użyj pełnego adresu Gmail, a zamiast zwykłego hasła – hasła aplikacji: utwórz je na myaccount.google.com → Security → App passwords (wymaga weryfikacji dwuetapowej) i wklej tutaj 16-znakowy kod. Możesz też połączyć się przez logowanie Google (OAuth2).',
  },
  gmail_app_password_required: {
    title: 'Gmail wymaga hasła aplikacji',
    explanation: 'To konto Google ma włączoną weryfikację dwuetapową, więc Gmail nie przyjmuje zwykłego hasła do konta od innych programów.',
    fix: 'Utwórz hasło aplikacji na myaccount.google.com → Security → App passwords i wpisz je tutaj zamiast zwykłego hasła. Możesz też połączyć się przez logowanie Google (OAuth2).',
  },
  gmail_web_login_required: {
    title: 'Google zablokował logowanie',
    explanation: 'Google uznał to logowanie za nietypowe i prosi o potwierdzenie w przeglądarce, że to Ty.',
    fix: 'Zaloguj się do Gmaila w przeglądarce na to konto, potwierdź ewentualne alerty bezpieczeństwa na myaccount.google.com → Security i spróbuj ponownie. Jeśli to się powtarza, użyj hasła aplikacji lub połącz się przez logowanie Google (OAuth2).',
  },

  // ---------------------------------------------------------------- Encryption policy of the server
  starttls_required_by_server: {
    title: 'Serwer wymaga szyfrowanego połączenia',
    explanation: 'Serwer poczty nie kontynuuje przez nieszyfrowane połączenie, a ten profil nadawcy jest ustawiony na wysyłanie bez szyfrowania.',
    fix: 'Zmień ustawienie zabezpieczeń na STARTTLS z portem 587 albo na TLS z portem 465.',
  },

  // ---------------------------------------------------------------- Microsoft 365 / Outlook.com sign-in
  ms_smtp_auth_disabled_tenant: {
    title: 'Logowanie hasłem do wysyłki jest wyłączone w Twojej organizacji',
    explanation: 'Microsoft 365 odrzucił logowanie, ponieważ SMTP AUTH (wysyłanie z nazwą użytkownika i hasłem) jest wyłączone dla całej organizacji.',
    fix: 'Poproś administratora Microsoft 365 o włączenie go w Exchange Online PowerShell poleceniem Set-TransportConfig -SmtpClientAuthenticationDisabled $false albo tylko dla tej skrzynki poleceniem Set-CASMailbox <mailbox> -SmtpClientAuthenticationDisabled $false. Zmiana może zacząć działać dopiero po godzinie. Jeszcze lepiej połączyć się przez logowanie Microsoft (OAuth2), które będzie działać także po wycofaniu przez Microsoft logowania hasłem.',
  },
  ms_smtp_auth_disabled_mailbox: {
    title: 'Logowanie hasłem do wysyłki jest wyłączone dla tej skrzynki',
    explanation: 'Microsoft 365 odrzucił logowanie, ponieważ SMTP AUTH (wysyłanie z nazwą użytkownika i hasłem) jest wyłączone dla tej skrzynki pocztowej.',
    fix: 'Poproś administratora Microsoft 365 o włączenie Authenticated SMTP dla tej skrzynki: Microsoft 365 admin center → Users → Active users → użytkownik → Mail → Manage email apps → Authenticated SMTP albo w PowerShell: Set-CASMailbox <mailbox> -SmtpClientAuthenticationDisabled $false. Zmiana może zacząć działać dopiero po godzinie. Jeszcze lepiej połączyć się przez logowanie Microsoft (OAuth2).',
  },
  ms_security_defaults: {
    title: 'Domyślne ustawienia zabezpieczeń Microsoft blokują logowanie hasłem',
    explanation: 'Twoja organizacja korzysta z domyślnych ustawień zabezpieczeń Microsoft (security defaults), które nie pozwalają programom pocztowym logować się samą nazwą użytkownika i hasłem.',
    fix: 'Zamiast hasła połącz się przez logowanie Microsoft (OAuth2). Aby dalej używać hasła, administrator musiałby zastąpić security defaults zasadami dostępu warunkowego (Conditional Access) w Microsoft Entra ID i włączyć SMTP AUTH dla skrzynki.',
  },
  ms_conditional_access: {
    title: 'Zasady logowania Microsoft zablokowały to logowanie',
    explanation:
      'Zasady dostępu warunkowego (Conditional Access) w Twojej organizacji, na przykład wymagające uwierzytelniania wieloskładnikowego lub zaufanej lokalizacji, nie dopuściły tego logowania.',
    fix: 'Połącz się przez logowanie Microsoft (OAuth2) albo poproś administratora, aby odnalazł to logowanie w dziennikach logowania Microsoft Entra ID (sign-in logs) i na nie zezwolił.',
  },
  ms_bad_credentials: {
    title: 'Microsoft 365 nie przyjął nazwy użytkownika lub hasła',
    explanation: 'Microsoft 365 odrzucił logowanie. Zwykle hasło jest błędne albo konto używa uwierzytelniania wieloskładnikowego, które nie działa z samym hasłem.',
    fix: 'Sprawdź, czy nazwa użytkownika to pełny adres e-mail, i wpisz hasło ponownie. Jeśli konto używa uwierzytelniania wieloskładnikowego albo hasło jest poprawne, połącz się przez logowanie Microsoft (OAuth2) lub zapytaj administratora, czy dla tej skrzynki włączone jest Authenticated SMTP.',
  },
  ms_account_locked: {
    title: 'Konto Microsoft jest zablokowane',
    explanation: 'Microsoft zablokował to konto, zwykle po zbyt wielu nieudanych logowaniach. Każda kolejna nieudana próba może przedłużyć blokadę, dlatego Ownpost nie ponawia wysyłki samodzielnie.',
    fix: 'Poczekaj, aż blokada wygaśnie, lub poproś administratora o odblokowanie konta, a przed ponowną wysyłką sprawdź hasło w ustawieniach nadawcy.',
  },
  ms_basic_auth_disabled: {
    title: 'Microsoft nie przyjmuje już logowania hasłem dla tego konta',
    explanation: 'Uwierzytelnianie podstawowe (logowanie nazwą użytkownika i hasłem) jest wyłączone dla tego konta.',
    fix: 'W ustawieniach nadawcy połącz się przez logowanie Microsoft (OAuth2). Administrator może na razie ponownie włączyć SMTP AUTH, ale Microsoft je wycofuje.',
  },
  ms_basic_auth_not_supported: {
    title: 'Microsoft usunął logowanie hasłem do wysyłki',
    explanation: 'Serwer odpowiedział, że uwierzytelnianie podstawowe (nazwa użytkownika i hasło) nie jest obsługiwane przy wysyłaniu poczty z tego konta.',
    fix: 'W ustawieniach nadawcy połącz się przez logowanie Microsoft (OAuth2). Hasło nie zadziała już dla tego konta.',
  },
  ms_oauth_token_rejected: {
    title: 'Microsoft odrzucił token logowania',
    explanation: 'Microsoft 365 odrzucił token logowania OAuth2. Zwykle rejestracji aplikacji brakuje uprawnienia albo Exchange Online jeszcze nie zna tej aplikacji.',
    fix: 'Przy wysyłce jako aplikacja nadaj rejestracji aplikacji uprawnienie API Office 365 Exchange Online → Application permissions → SMTP.SendAsApp ze zgodą administratora, zarejestruj aplikację w Exchange Online PowerShell poleceniem New-ServicePrincipal -AppId <client ID> -ObjectId <object ID> (Object ID z Enterprise applications, a nie z App registrations) i nadaj jej dostęp do skrzynki poleceniem Add-MailboxPermission -AccessRights FullAccess. Token musi być pobierany dla zakresu (scope) https://outlook.office365.com/.default. Przy osobistym logowaniu Microsoft połącz konto ponownie.',
  },

  // ---------------------------------------------------------------- Sign-in in general
  auth_mechanism_not_offered: {
    title: 'Serwer nie oferuje tej metody logowania',
    explanation: 'Serwer nie przyjął wybranego sposobu logowania. Zdarza się to często, gdy połączenie nie jest jeszcze szyfrowane albo gdy logowanie do wysyłki jest na serwerze wyłączone.',
    fix: 'Użyj STARTTLS z portem 587 lub TLS z portem 465. W Microsoft 365 połącz się przez logowanie Microsoft (OAuth2) albo poproś administratora o włączenie Authenticated SMTP dla skrzynki.',
  },
  not_authenticated: {
    title: 'Serwer wymaga zalogowania',
    explanation: 'Serwer odmówił wysyłki, ponieważ to połączenie nie jest zalogowane.',
    fix: 'W ustawieniach nadawcy wpisz nazwę użytkownika i hasło skrzynki albo połącz się przez OAuth2. Wysyłka bez logowania działa tylko z serwerami, które ufają Twojej sieci.',
  },
  send_as_denied: {
    title: 'Ta skrzynka nie może wysyłać z tego adresu',
    explanation: 'Adres nadawcy (From) nie jest skrzynką, na którą się zalogowano, a skrzynka nie ma uprawnienia do wysyłania jako ten adres.',
    fix: 'Jako adresu nadawcy użyj adresu zalogowanej skrzynki albo poproś administratora o nadanie uprawnienia Send As (Microsoft 365: Exchange admin center → Recipients → Mailboxes → adres nadawcy → Delegation → Send as, dodaj zalogowanego użytkownika) lub o dodanie adresu jako aliasu skrzynki.',
  },

  // ---------------------------------------------------------------- Limits
  ms_concurrent_connections: {
    title: 'Zbyt wiele połączeń z tą samą skrzynką',
    explanation: 'Microsoft 365 pozwala na najwyżej 3 jednoczesne połączenia z jedną skrzynką, a to było czwarte.',
    fix: 'Nic nie trzeba zmieniać: Ownpost wkrótce spróbuje ponownie. Jeśli zdarza się to często, sprawdź, co jeszcze wysyła z tej skrzynki w tym samym czasie (skanery, inne programy), i ogranicz równoległe wysyłanie.',
  },
  rate_limited: {
    title: 'Serwer poczty prosi o zwolnienie tempa',
    explanation: 'Serwer tymczasowo odmówił, ponieważ w krótkim czasie otrzymał zbyt wiele wiadomości lub prób logowania.',
    fix: 'Nic nie trzeba zmieniać: Ownpost odczeka i wyśle ponownie automatycznie. Jeśli to się powtarza, wysyłaj mniej wiadomości na minutę.',
  },
  daily_quota_exceeded: {
    title: 'Skrzynka osiągnęła dzienny limit wysyłki',
    explanation: 'Dostawca nie pozwala tej skrzynce wysłać dziś więcej wiadomości. Limit odnawia się w ciągu 24 godzin.',
    fix: 'Ownpost spróbuje ponownie później. Jeśli regularnie wysyłasz tyle wiadomości, poproś dostawcę o wyższy limit albo skorzystaj z planu firmowego lub usługi wysyłkowej.',
  },

  // ---------------------------------------------------------------- Message and domain
  tls_version_too_old: {
    title: 'Połączenie używa przestarzałej wersji TLS',
    explanation: 'Próbowano nawiązać szyfrowane połączenie przez TLS 1.0 lub 1.1, czego jedna ze stron nie akceptuje. Wymagany jest TLS 1.2 lub nowszy.',
    fix: 'Jeśli to Wasz własny serwer poczty, zaktualizuj go do obsługi TLS 1.2 lub nowszego. Jeśli program antywirusowy, zapora lub serwer proxy sprawdza ruch pocztowy w tej sieci, wyłącz tę kontrolę dla serwera poczty.',
  },
  dmarc_unauthenticated_sender: {
    title: 'Domena nadawcy nie jest autoryzowana dla tego serwera poczty',
    explanation: 'Serwer odbiorcy sprawdził domenę adresu nadawcy i stwierdził, że ten serwer poczty nie może wysyłać w jej imieniu (kontrole SPF, DKIM i DMARC nie powiodły się).',
    fix: 'Wysyłaj z adresu skrzynki, na którą się logujesz, albo poproś osobę zarządzającą DNS domeny o dodanie tego dostawcy do rekordu SPF (na przykład include:spf.protection.outlook.com lub include:_spf.google.com) i włączenie podpisu DKIM u dostawcy.',
  },
  message_too_large: {
    title: 'Wiadomość jest za duża',
    explanation: 'Serwer odrzucił wiadomość z powodu jej rozmiaru. Załączniki wysyłane e-mailem rosną o około jedną trzecią.',
    fix: 'Zmniejsz załączniki lub wyślij je w kilku wiadomościach. Typowe limity: Gmail 25 MB, Microsoft 365 35 MB, iCloud 20 MB, a wiele serwerów 10 MB, co mieści około 7 MB załączników.',
  },

  // ---------------------------------------------------------------- Encryption (TLS) and certificates
  tls_wrong_version_number: {
    title: 'Ustawienie szyfrowania nie pasuje do portu',
    explanation: 'Ownpost od razu rozpoczął szyfrowane połączenie (TLS), ale serwer na tym porcie oczekuje nieszyfrowanego początku, który jest potem przełączany na szyfrowanie przez STARTTLS.',
    fix: 'Użyj STARTTLS z portem 587 (lub 25) albo zostaw TLS i zmień port na 465.',
  },
  greeting_timeout: {
    title: 'Serwer nie odpowiedział',
    explanation:
      'Połączenie zostało otwarte, ale serwer nie wysłał powitania. Zwykle oznacza to, że port oczekuje szyfrowania od pierwszego bajtu (TLS, port 465), a profil używa STARTTLS lub połączenia bez szyfrowania.',
    fix: 'Użyj TLS z portem 465 albo STARTTLS z portem 587.',
  },
  starttls_not_offered: {
    title: 'Serwer nie oferuje szyfrowania (STARTTLS)',
    explanation:
      'Profil wymaga STARTTLS, ale serwer na tym porcie nie zgodził się zaszyfrować połączenia. Gdy STARTTLS jest wymagany, Ownpost nie kontynuuje bez szyfrowania, więc nic nie zostało wysłane.',
    fix: 'Sprawdź nazwę serwera i port: większość dostawców używa STARTTLS na porcie 587 lub TLS na porcie 465. Jeśli to wewnętrzny serwer bez szyfrowania, poproś dział IT o włączenie na nim TLS.',
  },
  starttls_injection: {
    title: 'Nie udało się bezpiecznie nawiązać szyfrowanego połączenia',
    explanation:
      'Zaraz po zgodzie na szyfrowanie połączenia (STARTTLS) serwer albo coś pomiędzy Ownpost a serwerem wysłało dodatkowe dane. Tak działają ataki na STARTTLS, dlatego Ownpost przerwał przed zalogowaniem.',
    fix: 'Spróbuj ponownie z innej sieci. Jeśli to się powtarza, zapora lub program antywirusowy prawdopodobnie sprawdza ruch pocztowy: wyłącz jego skanowanie poczty dla tego serwera albo użyj TLS na porcie 465 zamiast STARTTLS.',
  },
  cert_expired: {
    title: 'Certyfikat bezpieczeństwa serwera wygasł',
    explanation: 'Certyfikat serwera poczty jest nieaktualny, więc Ownpost nie może potwierdzić, że łączy się z prawdziwym serwerem.',
    fix: 'Sprawdź, czy nazwa serwera jest tą podaną przez dostawcę. Jeśli tak, zgłoś dostawcy lub działowi IT, że certyfikat serwera poczty trzeba odnowić.',
  },
  cert_self_signed: {
    title: 'Serwer używa certyfikatu z własnym podpisem',
    explanation: 'Certyfikat serwera poczty nie został wystawiony przez zaufany urząd certyfikacji, więc Ownpost nie może potwierdzić, że serwer jest prawdziwy.',
    fix: 'Użyj nazwy serwera podanej przez dostawcę. W przypadku wewnętrznego serwera firmowego dział IT powinien zainstalować certyfikat od zaufanego urzędu albo uruchomić relay Ownpost ze zmienną NODE_EXTRA_CA_CERTS wskazującą certyfikat serwera.',
  },
  cert_self_signed_in_chain: {
    title: 'Coś przechwytuje szyfrowane połączenie',
    explanation:
      'Łańcuch certyfikatów kończy się niezaufanym certyfikatem z własnym podpisem. Zwykle jest to program antywirusowy, zapora sieciowa lub firmowy serwer proxy, który sprawdza szyfrowany ruch.',
    fix: 'Wyłącz skanowanie poczty (często nazywane skanowaniem SSL lub ochroną poczty) w programie antywirusowym lub zaporze albo poproś dział IT o wyłączenie serwera poczty z inspekcji. Jeśli firma celowo używa własnego urzędu certyfikacji, uruchom relay Ownpost ze zmienną NODE_EXTRA_CA_CERTS wskazującą certyfikat tego urzędu (CA).',
  },
  cert_unknown_issuer: {
    title: 'Nie można zweryfikować certyfikatu serwera',
    explanation: 'Certyfikat został wystawiony przez nieznany urząd albo serwer nie wysyła pełnego łańcucha certyfikatów (brakuje certyfikatu pośredniego).',
    fix: 'Poproś dostawcę lub dział IT o zainstalowanie pełnego łańcucha certyfikatów na serwerze poczty. Jeśli firma używa własnego urzędu certyfikacji, uruchom relay Ownpost ze zmienną NODE_EXTRA_CA_CERTS wskazującą certyfikat tego urzędu (CA).',
  },
  cert_name_mismatch: {
    title: 'Certyfikat dotyczy innej nazwy serwera',
    explanation: 'Certyfikat serwera nie pasuje do wpisanej nazwy serwera, na przykład gdy alias typu mail.twojadomena.pl wskazuje na serwer dostawcy.',
    fix: 'Zamiast aliasu wpisz własną nazwę serwera dostawcy, na przykład smtp.office365.com, smtp.gmail.com lub nazwę z panelu hostingu.',
  },

  // ---------------------------------------------------------------- Network
  connection_refused: {
    title: 'Serwer odrzucił połączenie',
    explanation: 'Pod tym adresem na tym porcie nic nie przyjmuje połączeń. Prawdopodobnie nazwa serwera lub port są błędne albo serwer nie działa.',
    fix: 'Sprawdź nazwę serwera i port. Typowe porty to 587 (STARTTLS) i 465 (TLS).',
  },
  connection_timeout: {
    title: 'Nie można połączyć się z serwerem poczty',
    explanation: 'Serwer nie odpowiedział na tym porcie. Zapory sieciowe, dostawcy internetu i usługi chmurowe często blokują wychodzące porty pocztowe, zwłaszcza port 25.',
    fix: 'Spróbuj portu 587 (STARTTLS) lub 465 (TLS) albo 2525, jeśli dostawca go oferuje, i sprawdź, czy sieć komputera, na którym działa relay Ownpost, pozwala na połączenia wychodzące do serwera poczty.',
  },
  host_not_found: {
    title: 'Nie znaleziono nazwy serwera',
    explanation: 'Taka nazwa serwera nie istnieje, więc nie ma się z czym połączyć. Zwykle to literówka.',
    fix: 'Sprawdź pisownię nazwy serwera, na przykład smtp.office365.com lub smtp.gmail.com, bez http:// i bez ukośnika na końcu.',
  },
  dns_temporary: {
    title: 'Chwilowy problem z wyszukaniem nazwy serwera',
    explanation: 'Nie udało się teraz wyszukać nazwy serwera z powodu problemu z DNS lub siecią po stronie relaya Ownpost.',
    fix: 'Ownpost spróbuje ponownie automatycznie. Jeśli problem nie ustępuje, sprawdź połączenie z internetem i ustawienia DNS komputera, na którym działa relay.',
  },
  connection_dropped: {
    title: 'Połączenie zostało przerwane',
    explanation: 'Połączenie z serwerem poczty zostało zerwane przed zakończeniem wysyłki.',
    fix: 'Ownpost spróbuje ponownie automatycznie. Jeśli dzieje się tak za każdym razem, zapora lub program antywirusowy może przerywać ruch pocztowy albo ustawienie szyfrowania nie pasuje do portu (465 = TLS, 587 = STARTTLS).',
  },
  not_smtp_service: {
    title: 'To nie jest serwer poczty wychodzącej',
    explanation: 'Na tym porcie odpowiedział serwer, ale nie jak serwer do wysyłania poczty (SMTP). Może to być serwer do odbierania poczty (IMAP lub POP3) albo strona internetowa.',
    fix: 'Wpisz serwer i port poczty wychodzącej (SMTP), zwykle port 587 ze STARTTLS lub 465 z TLS. Porty 993, 143, 995 i 110 służą do odbierania poczty.',
  },

  // ---------------------------------------------------------------- Generic server answers
  auth_failed: {
    title: 'Logowanie nie powiodło się',
    explanation: 'Serwer poczty nie przyjął nazwy użytkownika lub hasła.',
    fix: 'Sprawdź nazwę użytkownika (zwykle pełny adres e-mail) i hasło. Wielu dostawców wymaga hasła aplikacji zamiast zwykłego hasła; utworzysz je w ustawieniach bezpieczeństwa konta pocztowego.',
  },
  recipient_rejected: {
    title: 'Adres odbiorcy został odrzucony',
    explanation: 'Serwer odmówił doręczenia na ten adres odbiorcy. Może zawierać literówkę albo już nie istnieć.',
    fix: 'Sprawdź, czy w adresie e-mail odbiorcy nie ma literówki, i potwierdź go z klientem.',
  },
  recipients_partly_refused: {
    title: 'Nie wszyscy odbiorcy otrzymali wiadomość',
    explanation:
      'Serwer poczty dostarczył wiadomość pozostałym odbiorcom, ale odrzucił jeden lub więcej adresów; są wymienione wraz z odpowiedzią serwera. Ownpost nie wysyła jej ponownie, aby pozostali nie otrzymali jej dwa razy.',
    fix: 'Sprawdź odrzucone adresy (literówka, skrzynka, która już nie istnieje lub jest pełna) i wyślij dokument ponownie tylko do tych odbiorców.',
  },
  sender_rejected: {
    title: 'Adres nadawcy został odrzucony',
    explanation: 'Serwer odrzucił adres nadawcy (From) tej wiadomości.',
    fix: 'Użyj adresu skrzynki, na którą się logujesz, albo aliasu, który dostawca zweryfikował dla tej skrzynki.',
  },
  server_temporary: {
    title: 'Chwilowy problem z serwerem poczty',
    explanation: 'Serwer poczty nie mógł teraz przyjąć wiadomości.',
    fix: 'Ownpost spróbuje ponownie automatycznie. Jeśli problem się powtarza, przekaż odpowiedź serwera dostawcy poczty lub działowi IT.',
  },
  server_permanent: {
    title: 'Serwer poczty odrzucił wiadomość',
    explanation: 'Serwer poczty odrzucił wiadomość i nie przyjmie jej, jeśli zostanie wysłana ponownie bez zmian.',
    fix: 'Przyczyna jest podana w odpowiedzi serwera. Jeśli nie jest jasna, przekaż odpowiedź dostawcy poczty lub działowi IT.',
  },
  unknown: {
    title: 'Wysyłka nie powiodła się z nieznanego powodu',
    explanation: 'Wystąpił błąd, którego Ownpost nie rozpoznaje.',
    fix: 'Uruchom test połączenia w ustawieniach nadawcy, aby zobaczyć, który krok się nie udaje, i przekaż szczegóły techniczne osobie odpowiedzialnej za IT.',
  },

  // ---------------------------------------------------------------- OAuth2 token endpoint (Microsoft Entra ID, Google)
  oauth_invalid_client_secret: {
    title: 'Klucz tajny aplikacji jest błędny lub wygasł',
    explanation: 'Microsoft odrzucił klucz tajny klienta (client secret) rejestracji aplikacji (AADSTS7000215). Często skopiowano Secret ID zamiast wartości (Value) klucza albo klucz wygasł.',
    fix: 'W Microsoft Entra admin center → App registrations → Twoja aplikacja → Certificates & secrets utwórz nowy klucz tajny klienta i skopiuj jego wartość Value (widoczną tylko raz; nie Secret ID) do ustawień nadawcy.',
  },
  oauth_resource_not_found: {
    title: 'Microsoft nie może znaleźć żądanej usługi',
    explanation: 'Żądanie tokenu wskazało usługę, której nie ma w Twojej organizacji Microsoft 365 (AADSTS500011). Zwykle zakres (scope) jest błędny albo organizacja nie ma Exchange Online.',
    fix: 'Użyj zakresu https://outlook.office365.com/.default przy wysyłce jako aplikacja (https://outlook.office.com/SMTP.Send przy osobistym logowaniu) i sprawdź, czy tenant ID należy do organizacji, do której należy skrzynka.',
  },
  oauth_consent_missing: {
    title: 'Administrator nie zatwierdził jeszcze aplikacji',
    explanation: 'Rejestracji aplikacji brakuje potrzebnego uprawnienia albo administrator nie udzielił na nie zgody (AADSTS65001).',
    fix: 'W Microsoft Entra admin center → App registrations → Twoja aplikacja → API permissions dodaj Office 365 Exchange Online → Application permissions → SMTP.SendAsApp (przy osobistym logowaniu: Microsoft Graph → SMTP.Send) i kliknij Grant admin consent.',
  },
  oauth_invalid_client_id: {
    title: 'Tenant ID lub client ID jest błędny',
    explanation: 'Microsoft nie znalazł tej aplikacji lub organizacji (na przykład AADSTS700016 lub AADSTS90002). Identyfikatory mogą zawierać literówkę albo należeć do innej organizacji.',
    fix: 'Skopiuj Directory (tenant) ID i Application (client) ID z Microsoft Entra admin center → App registrations → Twoja aplikacja → Overview do ustawień nadawcy.',
  },
  oauth_invalid_grant: {
    title: 'Zapisane logowanie wygasło',
    explanation: 'Logowanie Microsoft lub Google zapisane dla tego nadawcy jest już nieważne: wygasło, hasło zostało zmienione albo dostęp cofnięto.',
    fix: 'Otwórz ustawienia nadawcy i połącz konto ponownie.',
  },
  oauth_sign_in_required: {
    title: 'Nikt się jeszcze nie zalogował dla tego nadawcy',
    explanation: 'Ten nadawca loguje się przez Microsoft lub Google (OAuth2). Dopóki właściciel skrzynki nie zaloguje się raz, przekaźnik nie ma tokenu do wysyłania.',
    fix: 'Otwórz nadawcę na stronie opcji Ownpost i wybierz Zaloguj się. Test uruchomi się ponownie po zalogowaniu.',
  },
  oauth_token_failed: {
    title: 'Nie udało się uzyskać tokenu logowania',
    explanation: 'Usługa logowania (Microsoft lub Google) odmówiła wydania tokenu dla tego nadawcy.',
    fix: 'Sprawdź ustawienia OAuth2 (tenant ID, client ID, client secret) i połącz się ponownie. Dokładna przyczyna podana przez dostawcę znajduje się w szczegółach technicznych.',
  },
  // ---------------------------------------------------------------- The relay's own refusals (issue 14)
  destination_not_allowed: {
    title: 'Przekaźnik nie łączy się z tym serwerem',
    explanation:
      'Nazwa serwera wskazuje na sieć prywatną (ten komputer, sieć biurową lub adres metadanych chmury) albo port nie jest portem poczty. Przekaźnik odmawia takich połączeń w imieniu użytkownika, więc nic tam nie wysłano.',
    fix: 'Użyj publicznej nazwy serwera dostawcy poczty i portu 587 (STARTTLS) lub 465 (TLS). Jeśli serwer poczty naprawdę jest wewnętrzny, administrator może go dopuścić, uruchamiając przekaźnik z OWNPOST_ALLOW_PRIVATE_HOSTS=1 (inne porty: OWNPOST_ALLOWED_PORTS).',
  },
  sender_deleted: {
    title: 'Nadawca został usunięty, zanim wiadomość wyszła',
    explanation:
      'Wiadomość wciąż czekała w skrzynce nadawczej, gdy jej nadawca został usunięty (przez Ciebie, przez administratora albo razem z osobą, do której należał), więc nie było już czym jej wysłać. Nic nie zostało wysłane.',
    fix: 'Wyślij dokument ponownie z innym nadawcą. Usuwaj nadawcę dopiero wtedy, gdy jego wiadomości zostały wysłane, a to się nie powtórzy.',
  },
  // ---------------------------------------------------------------- The Sent-folder copy over IMAP (issue 21)
  sent_folder_missing: {
    title: 'Nie znaleziono folderu Wysłane',
    explanation: 'Przekaźnik zalogował się do skrzynki przez IMAP, ale folder na kopie wysłanych wiadomości tam nie istnieje.',
    fix: 'Zostaw pole folderu puste, aby użyć folderu, który serwer oznacza jako Sent, albo wpisz dokładną nazwę folderu tak, jak pokazuje ją program pocztowy (na przykład Sent, Sent Items lub INBOX.Sent).',
  },
};
