/**
 * The problem catalogue in German: a title, explanation and fix for every problem of the table
 * (relay/diagnosis/problems.ts). The writing rules are in catalogue.ts.
 */
import type { ProblemCode } from '../problems';
import type { ProblemText } from './problem-text';

export const de: Readonly<Record<ProblemCode, ProblemText>> = {
  // ---------------------------------------------------------------- Gmail / Google Workspace
  gmail_bad_credentials: {
    title: 'Google hat Benutzername oder Passwort nicht akzeptiert',
    explanation: 'Gmail hat die Anmeldung abgelehnt. Entweder ist das Passwort falsch, oder es ist Ihr normales Google-Kontopasswort, das Gmail von anderen Programmen nicht mehr annimmt.',
    fix: 'Verwenden Sie die vollständige Gmail-Adresse als Benutzernamen und statt Ihres normalen Passworts ein App-Passwort: Erstellen Sie es unter myaccount.google.com → Security → App passwords (setzt die Bestätigung in zwei Schritten voraus) und fügen Sie den 16-stelligen Code hier ein. Alternativ verbinden Sie sich per Google-Anmeldung (OAuth2).',
  },
  gmail_app_password_required: {
    title: 'Gmail verlangt ein App-Passwort',
    explanation: 'Für dieses Google-Konto ist die Bestätigung in zwei Schritten aktiviert, daher nimmt Gmail das normale Kontopasswort von anderen Programmen nicht an.',
    fix: 'Erstellen Sie unter myaccount.google.com → Security → App passwords ein App-Passwort und geben Sie es hier statt Ihres normalen Passworts ein. Alternativ verbinden Sie sich per Google-Anmeldung (OAuth2).',
  },
  gmail_web_login_required: {
    title: 'Google hat die Anmeldung blockiert',
    explanation: 'Google hat diese Anmeldung als ungewöhnlich gestoppt und möchte, dass Sie im Browser bestätigen, dass Sie es waren.',
    fix: 'Melden Sie sich mit diesem Konto im Browser bei Gmail an, bestätigen Sie eventuelle Sicherheitswarnungen unter myaccount.google.com → Security und versuchen Sie es erneut. Passiert das wiederholt, verwenden Sie ein App-Passwort oder die Google-Anmeldung (OAuth2).',
  },

  // ---------------------------------------------------------------- Encryption policy of the server
  starttls_required_by_server: {
    title: 'Der Server verlangt eine verschlüsselte Verbindung',
    explanation: 'Der Mailserver setzt die Verbindung unverschlüsselt nicht fort, dieses Absenderprofil ist aber auf Versand ohne Verschlüsselung eingestellt.',
    fix: 'Stellen Sie die Sicherheit auf STARTTLS mit Port 587 oder auf TLS mit Port 465 um.',
  },

  // ---------------------------------------------------------------- Microsoft 365 / Outlook.com sign-in
  ms_smtp_auth_disabled_tenant: {
    title: 'Die Anmeldung per Passwort zum Senden ist für Ihre Organisation deaktiviert',
    explanation: 'Microsoft 365 hat die Anmeldung abgelehnt, weil SMTP AUTH (Senden mit Benutzername und Passwort) für die gesamte Organisation deaktiviert ist.',
    fix: 'Bitten Sie Ihren Microsoft 365-Administrator, es in Exchange Online PowerShell mit Set-TransportConfig -SmtpClientAuthenticationDisabled $false zu aktivieren, oder nur für dieses Postfach mit Set-CASMailbox <mailbox> -SmtpClientAuthenticationDisabled $false. Bis die Änderung wirkt, kann bis zu eine Stunde vergehen. Noch besser: Verbinden Sie sich per Microsoft-Anmeldung (OAuth2), die auch nach dem Ende der Passwortanmeldung bei Microsoft weiter funktioniert.',
  },
  ms_smtp_auth_disabled_mailbox: {
    title: 'Die Anmeldung per Passwort zum Senden ist für dieses Postfach deaktiviert',
    explanation: 'Microsoft 365 hat die Anmeldung abgelehnt, weil SMTP AUTH (Senden mit Benutzername und Passwort) für dieses Postfach deaktiviert ist.',
    fix: 'Bitten Sie Ihren Microsoft 365-Administrator, Authenticated SMTP für das Postfach zu aktivieren: Microsoft 365 admin center → Users → Active users → der Benutzer → Mail → Manage email apps → Authenticated SMTP, oder in PowerShell mit Set-CASMailbox <mailbox> -SmtpClientAuthenticationDisabled $false. Bis die Änderung wirkt, kann bis zu eine Stunde vergehen. Noch besser: Verbinden Sie sich per Microsoft-Anmeldung (OAuth2).',
  },
  ms_security_defaults: {
    title: 'Die Microsoft-Sicherheitsstandards blockieren die Anmeldung per Passwort',
    explanation: 'Ihre Organisation nutzt die Sicherheitsstandards von Microsoft (Security Defaults), die E-Mail-Programmen die Anmeldung nur mit Benutzername und Passwort verbieten.',
    fix: 'Verbinden Sie sich per Microsoft-Anmeldung (OAuth2) statt mit Passwort. Um weiter ein Passwort zu verwenden, müsste Ihr Administrator die Sicherheitsstandards durch Richtlinien für bedingten Zugriff (Conditional Access) in Microsoft Entra ID ersetzen und SMTP AUTH für das Postfach aktivieren.',
  },
  ms_conditional_access: {
    title: 'Eine Microsoft-Anmelderichtlinie hat die Anmeldung blockiert',
    explanation:
      'Eine Richtlinie für bedingten Zugriff (Conditional Access) in Ihrer Organisation, etwa eine, die mehrstufige Authentifizierung oder einen vertrauenswürdigen Standort verlangt, hat diese Anmeldung nicht zugelassen.',
    fix: 'Verbinden Sie sich per Microsoft-Anmeldung (OAuth2), oder bitten Sie Ihren Administrator, diese Anmeldung in den Anmeldeprotokollen von Microsoft Entra ID (sign-in logs) zu prüfen und zuzulassen.',
  },
  ms_bad_credentials: {
    title: 'Microsoft 365 hat Benutzername oder Passwort nicht akzeptiert',
    explanation: 'Microsoft 365 hat die Anmeldung abgelehnt. Meist ist das Passwort falsch, oder das Konto nutzt mehrstufige Authentifizierung, die mit einem reinen Passwort nicht funktioniert.',
    fix: 'Prüfen Sie, ob der Benutzername die vollständige E-Mail-Adresse ist, und geben Sie das Passwort erneut ein. Nutzt das Konto mehrstufige Authentifizierung oder ist das Passwort richtig, verbinden Sie sich stattdessen per Microsoft-Anmeldung (OAuth2) oder fragen Sie Ihren Administrator, ob Authenticated SMTP für das Postfach aktiviert ist.',
  },
  ms_account_locked: {
    title: 'Das Microsoft-Konto ist gesperrt',
    explanation:
      'Microsoft hat dieses Konto gesperrt, meist nach zu vielen fehlgeschlagenen Anmeldungen. Jeder weitere Fehlversuch kann die Sperre verlängern, daher versucht Ownpost es nicht selbstständig erneut.',
    fix: 'Warten Sie, bis die Sperre abläuft, oder bitten Sie Ihren Administrator, das Konto zu entsperren. Prüfen Sie dann das Passwort in den Absendereinstellungen, bevor Sie erneut senden.',
  },
  ms_basic_auth_disabled: {
    title: 'Microsoft akzeptiert für dieses Konto keine Passwortanmeldung mehr',
    explanation: 'Die Standardauthentifizierung (Anmeldung mit Benutzername und Passwort) ist für dieses Konto deaktiviert.',
    fix: 'Verbinden Sie sich in den Absendereinstellungen per Microsoft-Anmeldung (OAuth2). Ihr Administrator kann SMTP AUTH eventuell vorübergehend wieder aktivieren, Microsoft stellt es aber ein.',
  },
  ms_basic_auth_not_supported: {
    title: 'Microsoft hat die Passwortanmeldung zum Senden abgeschaltet',
    explanation: 'Der Server hat geantwortet, dass die Standardauthentifizierung (Benutzername und Passwort) zum Senden von E-Mails mit diesem Konto nicht unterstützt wird.',
    fix: 'Verbinden Sie sich in den Absendereinstellungen per Microsoft-Anmeldung (OAuth2). Ein Passwort funktioniert für dieses Konto nicht mehr.',
  },
  ms_oauth_token_rejected: {
    title: 'Microsoft hat das Anmeldetoken abgelehnt',
    explanation: 'Microsoft 365 hat das OAuth2-Anmeldetoken abgelehnt. Meist fehlt der App-Registrierung eine Berechtigung, oder Exchange Online kennt die App noch nicht.',
    fix: 'Für den Versand als App: Erteilen Sie der App-Registrierung die API-Berechtigung Office 365 Exchange Online → Application permissions → SMTP.SendAsApp mit Administratorzustimmung, registrieren Sie die App in Exchange Online PowerShell mit New-ServicePrincipal -AppId <client ID> -ObjectId <object ID> (die Object ID unter Enterprise applications, nicht die unter App registrations) und geben Sie ihr mit Add-MailboxPermission -AccessRights FullAccess Zugriff auf das Postfach. Das Token muss für den Scope https://outlook.office365.com/.default angefordert werden. Bei persönlicher Microsoft-Anmeldung verbinden Sie das Konto erneut.',
  },

  // ---------------------------------------------------------------- Sign-in in general
  auth_mechanism_not_offered: {
    title: 'Der Server bietet diese Anmeldemethode nicht an',
    explanation:
      'Der Server hat die gewünschte Anmeldeart nicht akzeptiert. Das passiert oft, wenn die Verbindung noch nicht verschlüsselt ist oder die Anmeldung zum Senden auf dem Server abgeschaltet ist.',
    fix: 'Verwenden Sie STARTTLS mit Port 587 oder TLS mit Port 465. Bei Microsoft 365 verbinden Sie sich per Microsoft-Anmeldung (OAuth2) oder bitten Ihren Administrator, Authenticated SMTP für das Postfach zu aktivieren.',
  },
  not_authenticated: {
    title: 'Der Server verlangt eine Anmeldung',
    explanation: 'Der Server hat den Versand abgelehnt, weil diese Verbindung nicht angemeldet ist.',
    fix: 'Geben Sie in den Absendereinstellungen Benutzername und Passwort des Postfachs ein oder verbinden Sie sich per OAuth2. Senden ohne Anmeldung funktioniert nur bei Servern, die Ihrem Netzwerk vertrauen.',
  },
  send_as_denied: {
    title: 'Dieses Postfach darf nicht mit dieser Adresse senden',
    explanation: 'Die Absenderadresse (From) ist nicht das Postfach, mit dem Sie angemeldet sind, und das Postfach hat keine Berechtigung, als diese Adresse zu senden.',
    fix: 'Verwenden Sie die eigene Adresse des angemeldeten Postfachs als Absender, oder bitten Sie Ihren Administrator, die Berechtigung „Senden als“ zu erteilen (Microsoft 365: Exchange admin center → Recipients → Mailboxes → die Absenderadresse → Delegation → Send as, angemeldeten Benutzer hinzufügen) oder die Adresse als Alias des Postfachs einzurichten.',
  },

  // ---------------------------------------------------------------- Limits
  ms_concurrent_connections: {
    title: 'Zu viele Verbindungen zum selben Postfach',
    explanation: 'Microsoft 365 erlaubt höchstens 3 gleichzeitige Verbindungen zu einem Postfach, und dies war eine vierte.',
    fix: 'Sie müssen nichts ändern: Ownpost versucht es in Kürze erneut. Kommt das häufig vor, prüfen Sie, was sonst gleichzeitig über dieses Postfach sendet (Scanner, andere Programme), und verringern Sie parallele Sendungen.',
  },
  rate_limited: {
    title: 'Der Mailserver bittet um langsameres Senden',
    explanation: 'Der Server hat vorübergehend abgelehnt, weil in kurzer Zeit zu viele Nachrichten oder Anmeldeversuche eingegangen sind.',
    fix: 'Sie müssen nichts ändern: Ownpost wartet und sendet automatisch erneut. Passiert das ständig, senden Sie weniger Nachrichten pro Minute.',
  },
  daily_quota_exceeded: {
    title: 'Das Postfach hat sein tägliches Sendelimit erreicht',
    explanation: 'Der Anbieter lässt dieses Postfach heute keine weiteren Nachrichten senden. Das Limit wird innerhalb von 24 Stunden zurückgesetzt.',
    fix: 'Ownpost versucht es später erneut. Wenn Sie regelmäßig so viele Nachrichten senden, bitten Sie Ihren Anbieter um ein höheres Limit oder nutzen Sie einen Business-Tarif oder einen Versanddienst.',
  },

  // ---------------------------------------------------------------- Message and domain
  tls_version_too_old: {
    title: 'Die Verbindung nutzt eine veraltete TLS-Version',
    explanation: 'Die verschlüsselte Verbindung wurde mit TLS 1.0 oder 1.1 versucht, was eine der beiden Seiten ablehnt. Erforderlich ist TLS 1.2 oder neuer.',
    fix: 'Wenn der Mailserver Ihr eigener ist, aktualisieren Sie ihn auf TLS 1.2 oder neuer. Wenn ein Virenscanner, eine Firewall oder ein Proxy den E-Mail-Verkehr in diesem Netz prüft, schalten Sie diese Prüfung für den Mailserver ab.',
  },
  dmarc_unauthenticated_sender: {
    title: 'Die Absenderdomain ist für diesen Mailserver nicht autorisiert',
    explanation: 'Der empfangende Server hat die Domain der Absenderadresse geprüft und festgestellt, dass dieser Mailserver nicht für sie senden darf (SPF-, DKIM- und DMARC-Prüfung fehlgeschlagen).',
    fix: 'Senden Sie mit einer Adresse des Postfachs, mit dem Sie sich anmelden, oder bitten Sie den Verwalter der DNS-Einträge der Domain, diesen Anbieter in den SPF-Eintrag aufzunehmen (zum Beispiel include:spf.protection.outlook.com oder include:_spf.google.com) und beim Anbieter die DKIM-Signatur zu aktivieren.',
  },
  message_too_large: {
    title: 'Die Nachricht ist zu groß',
    explanation: 'Der Server hat die Nachricht wegen ihrer Größe abgelehnt. Anhänge werden beim E-Mail-Versand um etwa ein Drittel größer.',
    fix: 'Verkleinern Sie die Anhänge oder verteilen Sie sie auf mehrere Nachrichten. Übliche Grenzen: Gmail 25 MB, Microsoft 365 35 MB, iCloud 20 MB und bei vielen Servern 10 MB, was für etwa 7 MB Anhänge reicht.',
  },

  // ---------------------------------------------------------------- Encryption (TLS) and certificates
  tls_wrong_version_number: {
    title: 'Die Verschlüsselungseinstellung passt nicht zum Port',
    explanation:
      'Ownpost hat sofort eine verschlüsselte Verbindung (TLS) aufgebaut, der Server auf diesem Port erwartet aber einen unverschlüsselten Beginn, der dann per STARTTLS verschlüsselt wird.',
    fix: 'Verwenden Sie STARTTLS mit Port 587 (oder 25), oder behalten Sie TLS bei und ändern Sie den Port auf 465.',
  },
  greeting_timeout: {
    title: 'Der Server hat nicht geantwortet',
    explanation:
      'Die Verbindung wurde geöffnet, aber der Server hat seine Begrüßung nie gesendet. Meist erwartet der Port Verschlüsselung ab dem ersten Byte (TLS, Port 465), während das Profil STARTTLS oder keine Verschlüsselung verwendet.',
    fix: 'Verwenden Sie TLS mit Port 465 oder STARTTLS mit Port 587.',
  },
  starttls_not_offered: {
    title: 'Der Server bietet keine Verschlüsselung an (STARTTLS)',
    explanation:
      'Das Profil verlangt STARTTLS, aber der Server auf diesem Port wollte die Verbindung nicht verschlüsseln. Wenn STARTTLS verlangt ist, fährt Ownpost nicht ohne Verschlüsselung fort, daher wurde nichts gesendet.',
    fix: 'Prüfen Sie Servername und Port: Die meisten Anbieter nutzen STARTTLS auf Port 587 oder TLS auf Port 465. Handelt es sich um einen internen Server ohne Verschlüsselung, bitten Sie die IT, dort TLS zu aktivieren.',
  },
  starttls_injection: {
    title: 'Die verschlüsselte Verbindung ließ sich nicht sicher aufbauen',
    explanation:
      'Direkt nach der Zusage, die Verbindung zu verschlüsseln (STARTTLS), hat der Server oder etwas zwischen Ownpost und dem Server zusätzliche Daten gesendet. So funktionieren Angriffe auf STARTTLS, deshalb hat Ownpost vor der Anmeldung abgebrochen.',
    fix: 'Versuchen Sie es aus einem anderen Netz erneut. Passiert es wieder, prüft vermutlich eine Firewall oder ein Virenschutzprogramm den Mailverkehr: Schalten Sie dessen Mail-Scan für diesen Server ab oder verwenden Sie TLS auf Port 465 statt STARTTLS.',
  },
  cert_expired: {
    title: 'Das Sicherheitszertifikat des Servers ist abgelaufen',
    explanation: 'Das Zertifikat des Mailservers ist nicht mehr gültig, daher kann Ownpost nicht bestätigen, dass es mit dem echten Server verbunden ist.',
    fix: 'Prüfen Sie, ob der Servername dem entspricht, den Ihr Anbieter angibt. Wenn ja, teilen Sie Ihrem Anbieter oder Ihrer IT mit, dass das Zertifikat des Mailservers erneuert werden muss.',
  },
  cert_self_signed: {
    title: 'Der Server verwendet ein selbstsigniertes Zertifikat',
    explanation: 'Das Zertifikat des Mailservers wurde nicht von einer vertrauenswürdigen Stelle ausgestellt, daher kann Ownpost nicht bestätigen, dass der Server echt ist.',
    fix: 'Verwenden Sie den Servernamen, den Ihr Anbieter angibt. Bei einem internen Firmenserver sollte die IT ein Zertifikat einer vertrauenswürdigen Stelle installieren oder das Ownpost-Relay mit NODE_EXTRA_CA_CERTS starten, das auf das Serverzertifikat verweist.',
  },
  cert_self_signed_in_chain: {
    title: 'Etwas fängt die verschlüsselte Verbindung ab',
    explanation:
      'Die Zertifikatskette endet in einem nicht vertrauenswürdigen, selbstsignierten Zertifikat. Meist steckt ein Virenscanner, eine Firewall oder ein Firmen-Proxy dahinter, der verschlüsselten Verkehr prüft.',
    fix: 'Schalten Sie die E-Mail-Prüfung (oft SSL-Scan oder E-Mail-Schutz genannt) im Virenscanner oder in der Firewall ab, oder bitten Sie die IT, den Mailserver von der Prüfung auszunehmen. Setzt Ihre Firma bewusst eine eigene Zertifizierungsstelle ein, starten Sie das Ownpost-Relay mit NODE_EXTRA_CA_CERTS, das auf deren CA-Zertifikat verweist.',
  },
  cert_unknown_issuer: {
    title: 'Das Zertifikat des Servers lässt sich nicht überprüfen',
    explanation: 'Das Zertifikat stammt von einer unbekannten Stelle, oder der Server sendet seine Zertifikatskette nicht vollständig (ein Zwischenzertifikat fehlt).',
    fix: 'Bitten Sie Ihren Anbieter oder Ihre IT, die vollständige Zertifikatskette auf dem Mailserver zu installieren. Setzt Ihre Firma eine eigene Zertifizierungsstelle ein, starten Sie das Ownpost-Relay mit NODE_EXTRA_CA_CERTS, das auf deren CA-Zertifikat verweist.',
  },
  cert_name_mismatch: {
    title: 'Das Zertifikat gilt für einen anderen Servernamen',
    explanation: 'Das Zertifikat des Servers passt nicht zum eingegebenen Servernamen, etwa weil ein Alias wie mail.ihredomain.de auf den Server des Anbieters zeigt.',
    fix: 'Geben Sie statt des Alias den eigenen Servernamen des Anbieters ein, zum Beispiel smtp.office365.com, smtp.gmail.com oder den Namen aus dem Kundenbereich Ihres Hosters.',
  },

  // ---------------------------------------------------------------- Network
  connection_refused: {
    title: 'Der Server hat die Verbindung abgelehnt',
    explanation: 'Unter dieser Adresse nimmt auf diesem Port nichts Verbindungen an. Vermutlich sind Servername oder Port falsch, oder der Server ist nicht erreichbar.',
    fix: 'Prüfen Sie Servername und Port. Üblich sind 587 (STARTTLS) und 465 (TLS).',
  },
  connection_timeout: {
    title: 'Der Mailserver ist nicht erreichbar',
    explanation: 'Der Server hat auf diesem Port nicht geantwortet. Firewalls, Internetanbieter und Cloud-Hoster sperren oft ausgehende Mail-Ports, vor allem Port 25.',
    fix: 'Versuchen Sie Port 587 (STARTTLS) oder 465 (TLS) oder 2525, falls Ihr Anbieter ihn anbietet, und prüfen Sie, ob das Netzwerk des Rechners, auf dem das Ownpost-Relay läuft, ausgehende Verbindungen zum Mailserver erlaubt.',
  },
  host_not_found: {
    title: 'Servername nicht gefunden',
    explanation: 'Diesen Servernamen gibt es nicht, daher gibt es nichts, womit sich Ownpost verbinden könnte. Meist ist es ein Tippfehler.',
    fix: 'Prüfen Sie die Schreibweise des Servernamens, zum Beispiel smtp.office365.com oder smtp.gmail.com, ohne http:// und ohne Schrägstrich am Ende.',
  },
  dns_temporary: {
    title: 'Servername vorübergehend nicht auflösbar',
    explanation: 'Der Servername konnte gerade nicht aufgelöst werden, weil beim Ownpost-Relay ein DNS- oder Netzwerkproblem besteht.',
    fix: 'Ownpost versucht es automatisch erneut. Bleibt das Problem bestehen, prüfen Sie die Internetverbindung und die DNS-Einstellungen des Rechners, auf dem das Relay läuft.',
  },
  connection_dropped: {
    title: 'Die Verbindung wurde unterbrochen',
    explanation: 'Die Verbindung zum Mailserver brach ab, bevor der Versand abgeschlossen war.',
    fix: 'Ownpost versucht es automatisch erneut. Passiert das jedes Mal, stört vielleicht eine Firewall oder ein Virenscanner den E-Mail-Verkehr, oder die Verschlüsselungseinstellung passt nicht zum Port (465 = TLS, 587 = STARTTLS).',
  },
  not_smtp_service: {
    title: 'Das ist kein Postausgangsserver',
    explanation:
      'Auf diesem Port hat ein Server geantwortet, aber nicht wie ein Server zum Senden von E-Mails (SMTP). Es kann ein Server für den E-Mail-Empfang (IMAP oder POP3) oder eine Website sein.',
    fix: 'Geben Sie Server und Port für ausgehende E-Mails (SMTP) ein, meist Port 587 mit STARTTLS oder 465 mit TLS. Die Ports 993, 143, 995 und 110 dienen dem E-Mail-Empfang.',
  },

  // ---------------------------------------------------------------- Generic server answers
  auth_failed: {
    title: 'Anmeldung fehlgeschlagen',
    explanation: 'Der Mailserver hat Benutzername oder Passwort nicht akzeptiert.',
    fix: 'Prüfen Sie den Benutzernamen (meist die vollständige E-Mail-Adresse) und das Passwort. Viele Anbieter verlangen statt des normalen Passworts ein App-Passwort, das Sie in den Sicherheitseinstellungen Ihres E-Mail-Kontos erstellen.',
  },
  recipient_rejected: {
    title: 'Eine Empfängeradresse wurde abgelehnt',
    explanation: 'Der Server hat die Zustellung an diese Empfängeradresse abgelehnt. Sie ist vielleicht falsch geschrieben oder existiert nicht mehr.',
    fix: 'Prüfen Sie die E-Mail-Adresse des Empfängers auf Tippfehler und bestätigen Sie sie mit dem Kunden.',
  },
  recipients_partly_refused: {
    title: 'Nicht alle Empfänger haben die Nachricht erhalten',
    explanation:
      'Der Mailserver hat die Nachricht an die anderen Empfänger zugestellt, aber eine oder mehrere Adressen abgelehnt; sie stehen mit der Antwort des Servers dabei. Ownpost sendet sie nicht noch einmal, damit die anderen sie nicht doppelt bekommen.',
    fix: 'Prüfen Sie die abgelehnten Adressen (ein Tippfehler, ein Postfach, das es nicht mehr gibt oder das voll ist) und senden Sie das Dokument nur an diese Empfänger erneut.',
  },
  sender_rejected: {
    title: 'Die Absenderadresse wurde abgelehnt',
    explanation: 'Der Server hat die Absenderadresse (From) dieser Nachricht abgelehnt.',
    fix: 'Verwenden Sie die Adresse des Postfachs, mit dem Sie sich anmelden, oder einen Alias, den Ihr Anbieter für dieses Postfach bestätigt hat.',
  },
  server_temporary: {
    title: 'Vorübergehendes Problem beim Mailserver',
    explanation: 'Der Mailserver konnte die Nachricht gerade nicht annehmen.',
    fix: 'Ownpost versucht es automatisch erneut. Schlägt es weiter fehl, geben Sie die Antwort des Servers an Ihren E-Mail-Anbieter oder Ihre IT weiter.',
  },
  server_permanent: {
    title: 'Der Mailserver hat die Nachricht abgelehnt',
    explanation: 'Der Mailserver hat die Nachricht abgelehnt und nimmt sie auch bei erneutem, unverändertem Senden nicht an.',
    fix: 'Der Grund steht in der Antwort des Servers. Ist er unklar, geben Sie die Antwort an Ihren E-Mail-Anbieter oder Ihre IT weiter.',
  },
  unknown: {
    title: 'Versand aus unbekanntem Grund fehlgeschlagen',
    explanation: 'Es ist ein Fehler aufgetreten, den Ownpost nicht kennt.',
    fix: 'Führen Sie in den Absendereinstellungen den Verbindungstest aus, um zu sehen, welcher Schritt fehlschlägt, und geben Sie die technischen Details an Ihre IT weiter.',
  },

  // ---------------------------------------------------------------- OAuth2 token endpoint (Microsoft Entra ID, Google)
  oauth_invalid_client_secret: {
    title: 'Der geheime Clientschlüssel der App ist falsch oder abgelaufen',
    explanation:
      'Microsoft hat den geheimen Clientschlüssel (Client Secret) der App-Registrierung abgelehnt (AADSTS7000215). Oft wurde die Secret ID statt des Werts (Value) kopiert, oder der Schlüssel ist abgelaufen.',
    fix: 'Erstellen Sie im Microsoft Entra admin center → App registrations → Ihre App → Certificates & secrets einen neuen geheimen Clientschlüssel und kopieren Sie dessen Value (wird nur einmal angezeigt; nicht die Secret ID) in die Absendereinstellungen.',
  },
  oauth_resource_not_found: {
    title: 'Microsoft findet den angeforderten Dienst nicht',
    explanation:
      'Die Tokenanforderung nannte einen Dienst, den es in Ihrer Microsoft 365-Organisation nicht gibt (AADSTS500011). Meist ist der Scope falsch, oder die Organisation hat kein Exchange Online.',
    fix: 'Verwenden Sie den Scope https://outlook.office365.com/.default für den Versand als App (https://outlook.office.com/SMTP.Send für die persönliche Anmeldung) und prüfen Sie, ob die tenant ID zu der Organisation gehört, der das Postfach gehört.',
  },
  oauth_consent_missing: {
    title: 'Ein Administrator hat die App noch nicht genehmigt',
    explanation: 'Der App-Registrierung fehlt die nötige Berechtigung, oder ein Administrator hat ihr noch nicht zugestimmt (AADSTS65001).',
    fix: 'Fügen Sie im Microsoft Entra admin center → App registrations → Ihre App → API permissions die Berechtigung Office 365 Exchange Online → Application permissions → SMTP.SendAsApp hinzu (bei persönlicher Anmeldung: Microsoft Graph → SMTP.Send) und klicken Sie auf Grant admin consent.',
  },
  oauth_invalid_client_id: {
    title: 'Tenant ID oder Client ID ist falsch',
    explanation:
      'Microsoft hat diese App oder Organisation nicht gefunden (zum Beispiel AADSTS700016 oder AADSTS90002). Die IDs sind vielleicht falsch eingegeben oder gehören zu einer anderen Organisation.',
    fix: 'Kopieren Sie Directory (tenant) ID und Application (client) ID aus Microsoft Entra admin center → App registrations → Ihre App → Overview in die Absendereinstellungen.',
  },
  oauth_invalid_grant: {
    title: 'Die gespeicherte Anmeldung ist abgelaufen',
    explanation: 'Die für diesen Absender gespeicherte Microsoft- oder Google-Anmeldung ist nicht mehr gültig: Sie ist abgelaufen, das Passwort wurde geändert oder der Zugriff wurde widerrufen.',
    fix: 'Öffnen Sie die Absendereinstellungen und verbinden Sie das Konto erneut.',
  },
  oauth_sign_in_required: {
    title: 'Für diesen Absender hat sich noch niemand angemeldet',
    explanation: 'Dieser Absender meldet sich mit Microsoft oder Google an (OAuth2). Bis sich der Inhaber des Postfachs einmal anmeldet, hat das Relay kein Token zum Senden.',
    fix: 'Öffnen Sie den Absender auf der Optionsseite von Ownpost und wählen Sie Anmelden. Der Test läuft erneut, sobald Sie angemeldet sind.',
  },
  oauth_token_failed: {
    title: 'Kein Anmeldetoken erhalten',
    explanation: 'Der Anmeldedienst (Microsoft oder Google) hat sich geweigert, ein Token für diesen Absender auszustellen.',
    fix: 'Prüfen Sie die OAuth2-Einstellungen (tenant ID, client ID, client secret) und verbinden Sie sich erneut. Den genauen Grund des Anbieters finden Sie in den technischen Details.',
  },
  // ---------------------------------------------------------------- The relay's own refusals (issue 14)
  destination_not_allowed: {
    title: 'Das Relay verbindet sich nicht mit diesem Server',
    explanation:
      'Der Servername zeigt in ein privates Netz (dieser Rechner, das Büronetz oder eine Cloud-Metadatenadresse), oder der Port ist kein Mail-Port. Das Relay verweigert solche Verbindungen im Auftrag eines Benutzers, daher wurde dorthin nichts gesendet.',
    fix: 'Verwenden Sie den öffentlichen Servernamen Ihres Mail-Anbieters und Port 587 (STARTTLS) oder 465 (TLS). Ist der Mailserver wirklich intern, kann ein Admin ihn erlauben, indem er das Relay mit OWNPOST_ALLOW_PRIVATE_HOSTS=1 startet (andere Ports: OWNPOST_ALLOWED_PORTS).',
  },
  sender_deleted: {
    title: 'Der Absender wurde gelöscht, bevor die Nachricht versendet wurde',
    explanation:
      'Die Nachricht wartete noch im Postausgang, als ihr Absender gelöscht wurde (von Ihnen, von einem Administrator oder zusammen mit der Person, der er gehörte); damit blieb nichts, womit sie gesendet werden konnte. Es wurde nichts gesendet.',
    fix: 'Senden Sie das Dokument erneut mit einem anderen Absender. Löschen Sie einen Absender erst, wenn seine Nachrichten gesendet sind, dann passiert das nicht wieder.',
  },
  // ---------------------------------------------------------------- The Sent-folder copy over IMAP (issue 21)
  sent_folder_missing: {
    title: 'Der Ordner „Gesendet“ wurde nicht gefunden',
    explanation: 'Das Relay hat sich per IMAP am Postfach angemeldet, aber den Ordner für die Kopien gesendeter Nachrichten gibt es dort nicht.',
    fix: 'Lassen Sie das Ordnerfeld leer, um den Ordner zu verwenden, den der Server als Sent kennzeichnet, oder geben Sie den genauen Ordnernamen so ein, wie Ihr Mailprogramm ihn zeigt (zum Beispiel Sent, Sent Items oder INBOX.Sent).',
  },
};
