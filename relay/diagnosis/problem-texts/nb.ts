/**
 * The problem catalogue in Norwegian (Bokmål): a title, explanation and fix for every problem of the table
 * (relay/diagnosis/problems.ts). The writing rules are in catalogue.ts.
 */
import type { ProblemCode } from '../problems';
import type { ProblemText } from './problem-text';

export const nb: Readonly<Record<ProblemCode, ProblemText>> = {
  // ---------------------------------------------------------------- Gmail / Google Workspace
  gmail_bad_credentials: {
    title: 'Google godtok ikke brukernavnet eller passordet',
    explanation: 'Gmail avviste påloggingen. Enten er passordet feil, eller så er det det vanlige passordet til Google-kontoen, som Gmail ikke lenger godtar fra andre programmer.',
    fix: 'Bruk hele Gmail-adressen som brukernavn og et app-passord i stedet for det vanlige passordet: opprett det på myaccount.google.com → Security → App passwords (krever totrinnsbekreftelse), og lim inn koden på 16 tegn her. Du kan også koble til med Google-pålogging (OAuth2).',
  },
  gmail_app_password_required: {
    title: 'Gmail krever et app-passord',
    explanation: 'Denne Google-kontoen bruker totrinnsbekreftelse, så Gmail godtar ikke det vanlige passordet fra andre programmer.',
    fix: 'Opprett et app-passord på myaccount.google.com → Security → App passwords, og skriv det inn her i stedet for det vanlige passordet. Du kan også koble til med Google-pålogging (OAuth2).',
  },
  gmail_web_login_required: {
    title: 'Google blokkerte påloggingen',
    explanation: 'Google stoppet påloggingen fordi den virket uvanlig, og vil at du bekrefter i en nettleser at det var deg.',
    fix: 'Logg på Gmail i nettleseren med denne kontoen, bekreft eventuelle sikkerhetsvarsler på myaccount.google.com → Security, og prøv igjen. Skjer det igjen, bruk et app-passord eller koble til med Google-pålogging (OAuth2).',
  },

  // ---------------------------------------------------------------- Encryption policy of the server
  starttls_required_by_server: {
    title: 'Serveren krever en kryptert tilkobling',
    explanation: 'E-postserveren fortsetter ikke over en ukryptert tilkobling, og denne avsenderprofilen er satt til å sende uten kryptering.',
    fix: 'Endre sikkerhetsinnstillingen til STARTTLS med port 587 eller til TLS med port 465.',
  },

  // ---------------------------------------------------------------- Microsoft 365 / Outlook.com sign-in
  ms_smtp_auth_disabled_tenant: {
    title: 'Pålogging med passord for sending er slått av i organisasjonen din',
    explanation: 'Microsoft 365 avviste påloggingen fordi SMTP AUTH (sending med brukernavn og passord) er slått av for hele organisasjonen.',
    fix: 'Be Microsoft 365-administratoren om å slå det på i Exchange Online PowerShell med Set-TransportConfig -SmtpClientAuthenticationDisabled $false, eller bare for denne postboksen med Set-CASMailbox <mailbox> -SmtpClientAuthenticationDisabled $false. Det kan ta opptil en time før endringen virker. Enda bedre: koble til med Microsoft-pålogging (OAuth2), som fortsetter å virke når Microsoft fjerner pålogging med passord.',
  },
  ms_smtp_auth_disabled_mailbox: {
    title: 'Pålogging med passord for sending er slått av for denne postboksen',
    explanation: 'Microsoft 365 avviste påloggingen fordi SMTP AUTH (sending med brukernavn og passord) er slått av for denne postboksen.',
    fix: 'Be Microsoft 365-administratoren om å slå på Authenticated SMTP for postboksen: Microsoft 365 admin center → Users → Active users → brukeren → Mail → Manage email apps → Authenticated SMTP, eller i PowerShell Set-CASMailbox <mailbox> -SmtpClientAuthenticationDisabled $false. Det kan ta opptil en time før endringen virker. Enda bedre: koble til med Microsoft-pålogging (OAuth2).',
  },
  ms_security_defaults: {
    title: 'Microsofts standard sikkerhetsinnstillinger blokkerer pålogging med passord',
    explanation: 'Organisasjonen din bruker Microsofts standard sikkerhetsinnstillinger (security defaults), som hindrer e-postprogrammer i å logge på med bare brukernavn og passord.',
    fix: 'Koble til med Microsoft-pålogging (OAuth2) i stedet for passord. For å fortsette med passord må administratoren erstatte security defaults med policyer for betinget tilgang (Conditional Access) i Microsoft Entra ID og slå på SMTP AUTH for postboksen.',
  },
  ms_conditional_access: {
    title: 'En påloggingspolicy hos Microsoft blokkerte påloggingen',
    explanation:
      'En policy for betinget tilgang (Conditional Access) i organisasjonen din, for eksempel en som krever flerfaktorautentisering eller en klarert plassering, tillot ikke denne påloggingen.',
    fix: 'Koble til med Microsoft-pålogging (OAuth2), eller be administratoren finne påloggingen i påloggingsloggene i Microsoft Entra ID (sign-in logs) og tillate den.',
  },
  ms_bad_credentials: {
    title: 'Microsoft 365 godtok ikke brukernavnet eller passordet',
    explanation: 'Microsoft 365 avviste påloggingen. Som regel er passordet feil, eller kontoen bruker flerfaktorautentisering, som ikke virker med bare et passord.',
    fix: 'Kontroller at brukernavnet er hele e-postadressen, og skriv inn passordet på nytt. Hvis kontoen bruker flerfaktorautentisering, eller passordet er riktig, koble til med Microsoft-pålogging (OAuth2) i stedet, eller spør administratoren om Authenticated SMTP er slått på for postboksen.',
  },
  ms_account_locked: {
    title: 'Microsoft-kontoen er låst',
    explanation: 'Microsoft har låst kontoen, som regel etter for mange mislykkede pålogginger. Hvert nytt mislykket forsøk kan forlenge låsingen, så Ownpost prøver ikke igjen av seg selv.',
    fix: 'Vent til låsingen opphører, eller be administratoren låse opp kontoen, og kontroller deretter passordet i avsenderinnstillingene før du sender på nytt.',
  },
  ms_basic_auth_disabled: {
    title: 'Microsoft godtar ikke lenger pålogging med passord for denne kontoen',
    explanation: 'Grunnleggende autentisering (pålogging med brukernavn og passord) er slått av for kontoen.',
    fix: 'Koble til med Microsoft-pålogging (OAuth2) i avsenderinnstillingene. Administratoren kan kanskje slå på SMTP AUTH igjen inntil videre, men Microsoft faser det ut.',
  },
  ms_basic_auth_not_supported: {
    title: 'Microsoft har fjernet pålogging med passord for sending',
    explanation: 'Serveren svarte at grunnleggende autentisering (brukernavn og passord) ikke støttes for å sende e-post fra denne kontoen.',
    fix: 'Koble til med Microsoft-pålogging (OAuth2) i avsenderinnstillingene. Et passord virker ikke lenger for denne kontoen.',
  },
  ms_oauth_token_rejected: {
    title: 'Microsoft avviste påloggingstokenet',
    explanation: 'Microsoft 365 avviste OAuth2-tokenet for påloggingen. Som regel mangler appregistreringen en tillatelse, eller Exchange Online kjenner ikke appen ennå.',
    fix: 'Ved sending som app: gi appregistreringen API-tillatelsen Office 365 Exchange Online → Application permissions → SMTP.SendAsApp med administratorsamtykke, registrer appen i Exchange Online PowerShell med New-ServicePrincipal -AppId <client ID> -ObjectId <object ID> (Object ID under Enterprise applications, ikke den under App registrations), og gi den tilgang til postboksen med Add-MailboxPermission -AccessRights FullAccess. Tokenet må hentes for omfanget (scope) https://outlook.office365.com/.default. Ved personlig Microsoft-pålogging kobler du til kontoen på nytt.',
  },

  // ---------------------------------------------------------------- Sign-in in general
  auth_mechanism_not_offered: {
    title: 'Serveren tilbyr ikke denne påloggingsmetoden',
    explanation: 'Serveren godtok ikke den ønskede måten å logge på. Det skjer ofte når tilkoblingen ennå ikke er kryptert, eller når pålogging for sending er slått av på serveren.',
    fix: 'Bruk STARTTLS med port 587 eller TLS med port 465. For Microsoft 365: koble til med Microsoft-pålogging (OAuth2), eller be administratoren slå på Authenticated SMTP for postboksen.',
  },
  not_authenticated: {
    title: 'Serveren krever pålogging',
    explanation: 'Serveren nektet å sende fordi tilkoblingen ikke er pålogget.',
    fix: 'Skriv inn brukernavn og passord for postboksen, eller koble til med OAuth2, i avsenderinnstillingene. Sending uten pålogging virker bare med servere som stoler på nettverket ditt.',
  },
  send_as_denied: {
    title: 'Denne postboksen har ikke lov til å sende fra denne adressen',
    explanation: 'Fra-adressen er ikke postboksen du er logget på med, og postboksen har ikke tillatelse til å sende som den adressen.',
    fix: 'Bruk den påloggede postboksens egen adresse som fra-adresse, eller be administratoren gi tillatelsen Send som (Microsoft 365: Exchange admin center → Recipients → Mailboxes → fra-adressen → Delegation → Send as, legg til den påloggede brukeren) eller legge til adressen som alias for postboksen.',
  },

  // ---------------------------------------------------------------- Limits
  ms_concurrent_connections: {
    title: 'For mange tilkoblinger til samme postboks',
    explanation: 'Microsoft 365 tillater høyst 3 samtidige tilkoblinger til én postboks, og dette var en fjerde.',
    fix: 'Du trenger ikke gjøre noe: Ownpost prøver igjen om litt. Skjer det ofte, sjekk hva annet som sender fra postboksen samtidig (skannere, andre programmer), og begrens parallelle utsendelser.',
  },
  rate_limited: {
    title: 'E-postserveren ber om lavere tempo',
    explanation: 'Serveren avviste midlertidig fordi det kom for mange meldinger eller påloggingsforsøk på kort tid.',
    fix: 'Du trenger ikke gjøre noe: Ownpost venter og sender på nytt automatisk. Skjer det stadig, send færre meldinger per minutt.',
  },
  daily_quota_exceeded: {
    title: 'Postboksen har nådd den daglige sendegrensen',
    explanation: 'Leverandøren lar ikke postboksen sende flere meldinger i dag. Grensen nullstilles innen 24 timer.',
    fix: 'Ownpost prøver igjen senere. Sender du jevnlig så mange meldinger, be leverandøren om en høyere grense, eller bruk et bedriftsabonnement eller en utsendelsestjeneste.',
  },

  // ---------------------------------------------------------------- Message and domain
  tls_version_too_old: {
    title: 'Tilkoblingen bruker en utdatert TLS-versjon',
    explanation: 'Den krypterte tilkoblingen ble forsøkt med TLS 1.0 eller 1.1, som den ene siden avviser. TLS 1.2 eller nyere kreves.',
    fix: 'Hvis e-postserveren er deres egen, oppdater den så den støtter TLS 1.2 eller nyere. Hvis et antivirusprogram, en brannmur eller en proxy inspiserer e-posttrafikken i nettverket, slå av inspeksjonen for e-postserveren.',
  },
  dmarc_unauthenticated_sender: {
    title: 'Avsenderens domene er ikke godkjent for denne e-postserveren',
    explanation: 'Mottakerens server sjekket domenet i fra-adressen og fant at denne e-postserveren ikke har lov til å sende for det (kontrollene av SPF, DKIM og DMARC feilet).',
    fix: 'Send fra en adresse som hører til postboksen du logger på med, eller be den som administrerer DNS for domenet, om å legge leverandøren til i SPF-posten (for eksempel include:spf.protection.outlook.com eller include:_spf.google.com) og slå på DKIM-signering hos leverandøren.',
  },
  message_too_large: {
    title: 'Meldingen er for stor',
    explanation: 'Serveren avviste meldingen på grunn av størrelsen. Vedlegg vokser med omtrent en tredjedel når de sendes med e-post.',
    fix: 'Gjør vedleggene mindre, eller send dem i flere meldinger. Vanlige grenser: Gmail 25 MB, Microsoft 365 35 MB, iCloud 20 MB, og mange servere 10 MB, som gir plass til omtrent 7 MB vedlegg.',
  },

  // ---------------------------------------------------------------- Encryption (TLS) and certificates
  tls_wrong_version_number: {
    title: 'Krypteringsinnstillingen passer ikke til porten',
    explanation: 'Ownpost startet en kryptert tilkobling (TLS) med en gang, men serveren på denne porten forventer en ukryptert start som deretter oppgraderes med STARTTLS.',
    fix: 'Bruk STARTTLS med port 587 (eller 25), eller behold TLS og endre porten til 465.',
  },
  greeting_timeout: {
    title: 'Serveren svarte ikke',
    explanation:
      'Tilkoblingen ble åpnet, men serveren sendte aldri hilsenen sin. Det betyr som regel at porten forventer kryptering fra første byte (TLS, port 465), mens profilen bruker STARTTLS eller ingen kryptering.',
    fix: 'Bruk TLS med port 465 eller STARTTLS med port 587.',
  },
  starttls_not_offered: {
    title: 'Serveren tilbyr ikke kryptering (STARTTLS)',
    explanation: 'Profilen krever STARTTLS, men serveren på denne porten ville ikke kryptere tilkoblingen. Når STARTTLS er påkrevd, fortsetter ikke Ownpost uten kryptering, så ingenting ble sendt.',
    fix: 'Kontroller servernavnet og porten: de fleste leverandører bruker STARTTLS på port 587 eller TLS på port 465. Er det en intern server uten kryptering, be IT slå på TLS på den.',
  },
  starttls_injection: {
    title: 'Den krypterte tilkoblingen kunne ikke settes opp trygt',
    explanation:
      'Rett etter at krypteringen av tilkoblingen (STARTTLS) ble avtalt, sendte serveren, eller noe mellom Ownpost og serveren, ekstra data. Slik virker angrep på STARTTLS, så Ownpost stoppet før påloggingen.',
    fix: 'Prøv igjen fra et annet nettverk. Skjer det igjen, undersøker trolig en brannmur eller et antivirusprogram e-posttrafikken: slå av e-postskanningen for denne serveren, eller bruk TLS på port 465 i stedet for STARTTLS.',
  },
  cert_expired: {
    title: 'Serverens sikkerhetssertifikat har utløpt',
    explanation: 'E-postserverens sertifikat er ikke lenger gyldig, så Ownpost kan ikke bekrefte at det er den riktige serveren.',
    fix: 'Kontroller at servernavnet er det leverandøren oppgir. Er det det, gi beskjed til leverandøren eller IT om at sertifikatet på e-postserveren må fornyes.',
  },
  cert_self_signed: {
    title: 'Serveren bruker et selvsignert sertifikat',
    explanation: 'E-postserverens sertifikat er ikke utstedt av en klarert utsteder, så Ownpost kan ikke bekrefte at serveren er ekte.',
    fix: 'Bruk servernavnet leverandøren oppgir. For en intern bedriftsserver bør IT installere et sertifikat fra en klarert utsteder eller starte Ownpost-reléet med NODE_EXTRA_CA_CERTS som peker på serverens sertifikat.',
  },
  cert_self_signed_in_chain: {
    title: 'Noe fanger opp den krypterte tilkoblingen',
    explanation: 'Sertifikatkjeden ender i et selvsignert sertifikat som ikke er klarert. Det er som regel et antivirusprogram, en brannmur eller en bedriftsproxy som inspiserer kryptert trafikk.',
    fix: 'Slå av e-postskanning (ofte kalt SSL-skanning eller e-postbeskyttelse) i antivirusprogrammet eller brannmuren, eller be IT unnta e-postserveren fra inspeksjon. Hvis bedriften med vilje bruker sin egen sertifikatutsteder, start Ownpost-reléet med NODE_EXTRA_CA_CERTS som peker på utstederens sertifikat (CA).',
  },
  cert_unknown_issuer: {
    title: 'Serverens sertifikat kan ikke verifiseres',
    explanation: 'Sertifikatet er utstedt av en ukjent utsteder, eller serveren sender ikke hele sertifikatkjeden (et mellomliggende sertifikat mangler).',
    fix: 'Be leverandøren eller IT installere hele sertifikatkjeden på e-postserveren. Hvis bedriften bruker sin egen sertifikatutsteder, start Ownpost-reléet med NODE_EXTRA_CA_CERTS som peker på utstederens sertifikat (CA).',
  },
  cert_name_mismatch: {
    title: 'Sertifikatet gjelder et annet servernavn',
    explanation: 'Serverens sertifikat passer ikke med servernavnet som er skrevet inn, for eksempel fordi et alias som mail.dittdomene.no peker til leverandørens server.',
    fix: 'Skriv inn leverandørens eget servernavn i stedet for aliaset, for eksempel smtp.office365.com, smtp.gmail.com eller navnet i kontrollpanelet til webhotellet.',
  },

  // ---------------------------------------------------------------- Network
  connection_refused: {
    title: 'Serveren avviste tilkoblingen',
    explanation: 'Ingenting tar imot tilkoblinger på denne porten på denne adressen. Sannsynligvis er servernavnet eller porten feil, eller serveren er nede.',
    fix: 'Kontroller servernavnet og porten. Vanlige porter er 587 (STARTTLS) og 465 (TLS).',
  },
  connection_timeout: {
    title: 'Kunne ikke nå e-postserveren',
    explanation: 'Serveren svarte ikke på denne porten. Brannmurer, internettleverandører og skytjenester blokkerer ofte utgående e-postporter, særlig port 25.',
    fix: 'Prøv port 587 (STARTTLS) eller 465 (TLS), eller 2525 hvis leverandøren tilbyr den, og kontroller at nettverket til maskinen som kjører Ownpost-reléet, tillater utgående tilkoblinger til e-postserveren.',
  },
  host_not_found: {
    title: 'Fant ikke servernavnet',
    explanation: 'Servernavnet finnes ikke, så det er ingenting å koble til. Som regel er det en skrivefeil.',
    fix: 'Kontroller stavingen av servernavnet, for eksempel smtp.office365.com eller smtp.gmail.com, uten http:// og uten skråstrek på slutten.',
  },
  dns_temporary: {
    title: 'Midlertidig feil ved oppslag av servernavnet',
    explanation: 'Servernavnet kunne ikke slås opp akkurat nå på grunn av et DNS- eller nettverksproblem hos Ownpost-reléet.',
    fix: 'Ownpost prøver igjen automatisk. Vedvarer problemet, kontroller internettilkoblingen og DNS-innstillingene på maskinen som kjører reléet.',
  },
  connection_dropped: {
    title: 'Tilkoblingen ble brutt',
    explanation: 'Tilkoblingen til e-postserveren ble brutt før sendingen var ferdig.',
    fix: 'Ownpost prøver igjen automatisk. Skjer det hver gang, kan en brannmur eller et antivirusprogram forstyrre e-posttrafikken, eller krypteringsinnstillingen passer ikke til porten (465 = TLS, 587 = STARTTLS).',
  },
  not_smtp_service: {
    title: 'Dette er ikke en server for utgående e-post',
    explanation: 'En server svarte på denne porten, men ikke som en server for å sende e-post (SMTP). Det kan være en server for å motta e-post (IMAP eller POP3) eller et nettsted.',
    fix: 'Skriv inn server og port for utgående e-post (SMTP), som regel port 587 med STARTTLS eller 465 med TLS. Portene 993, 143, 995 og 110 er for å motta e-post.',
  },

  // ---------------------------------------------------------------- Generic server answers
  auth_failed: {
    title: 'Påloggingen mislyktes',
    explanation: 'E-postserveren godtok ikke brukernavnet eller passordet.',
    fix: 'Kontroller brukernavnet (som regel hele e-postadressen) og passordet. Mange leverandører krever et app-passord i stedet for det vanlige passordet; det oppretter du i sikkerhetsinnstillingene for e-postkontoen.',
  },
  recipient_rejected: {
    title: 'En mottakeradresse ble avvist',
    explanation: 'Serveren nektet å levere til mottakeradressen. Den kan være feilstavet eller finnes kanskje ikke lenger.',
    fix: 'Kontroller mottakerens e-postadresse for skrivefeil, og bekreft den med kunden.',
  },
  recipients_partly_refused: {
    title: 'Ikke alle mottakerne fikk meldingen',
    explanation:
      'E-postserveren leverte meldingen til de andre mottakerne, men avviste én eller flere adresser; de står oppført med serverens svar. Ownpost sender den ikke på nytt, slik at de andre ikke får den to ganger.',
    fix: 'Kontroller de avviste adressene (en skrivefeil, en postkasse som ikke lenger finnes eller er full) og send dokumentet på nytt bare til de mottakerne.',
  },
  sender_rejected: {
    title: 'Avsenderadressen ble avvist',
    explanation: 'Serveren avviste fra-adressen i meldingen.',
    fix: 'Bruk adressen til postboksen du logger på med, eller et alias som leverandøren har bekreftet for postboksen.',
  },
  server_temporary: {
    title: 'Midlertidig problem hos e-postserveren',
    explanation: 'E-postserveren kunne ikke ta imot meldingen akkurat nå.',
    fix: 'Ownpost prøver igjen automatisk. Fortsetter det å mislykkes, gi serverens svar til e-postleverandøren eller IT.',
  },
  server_permanent: {
    title: 'E-postserveren avviste meldingen',
    explanation: 'E-postserveren avviste meldingen og tar ikke imot den om den sendes på nytt uendret.',
    fix: 'Årsaken står i serverens svar. Er den uklar, gi svaret til e-postleverandøren eller IT.',
  },
  unknown: {
    title: 'Sendingen mislyktes av ukjent årsak',
    explanation: 'Noe gikk galt som Ownpost ikke kjenner igjen.',
    fix: 'Kjør tilkoblingstesten i avsenderinnstillingene for å se hvilket steg som feiler, og gi de tekniske detaljene til IT-kontakten din.',
  },

  // ---------------------------------------------------------------- OAuth2 token endpoint (Microsoft Entra ID, Google)
  oauth_invalid_client_secret: {
    title: 'Appens klienthemmelighet er feil eller utløpt',
    explanation:
      'Microsoft avviste klienthemmeligheten til appregistreringen (AADSTS7000215). Ofte er Secret ID kopiert i stedet for verdien (Value) til hemmeligheten, eller hemmeligheten er utløpt.',
    fix: 'I Microsoft Entra admin center → App registrations → appen din → Certificates & secrets oppretter du en ny klienthemmelighet og kopierer Value (vises bare én gang; ikke Secret ID) til avsenderinnstillingene.',
  },
  oauth_resource_not_found: {
    title: 'Microsoft finner ikke den forespurte tjenesten',
    explanation:
      'Tokenforespørselen oppga en tjeneste som ikke finnes i Microsoft 365-organisasjonen din (AADSTS500011). Som regel er omfanget (scope) feil, eller organisasjonen har ikke Exchange Online.',
    fix: 'Bruk omfanget https://outlook.office365.com/.default for sending som app (https://outlook.office.com/SMTP.Send for personlig pålogging), og kontroller at tenant ID hører til organisasjonen som eier postboksen.',
  },
  oauth_consent_missing: {
    title: 'En administrator har ikke godkjent appen',
    explanation: 'Appregistreringen mangler tillatelsen den trenger, eller en administrator har ikke gitt samtykke til den (AADSTS65001).',
    fix: 'I Microsoft Entra admin center → App registrations → appen din → API permissions legger du til Office 365 Exchange Online → Application permissions → SMTP.SendAsApp (ved personlig pålogging: Microsoft Graph → SMTP.Send) og klikker Grant admin consent.',
  },
  oauth_invalid_client_id: {
    title: 'Tenant ID eller client ID er feil',
    explanation: 'Microsoft fant ikke appen eller organisasjonen (for eksempel AADSTS700016 eller AADSTS90002). ID-ene kan være feilskrevet eller høre til en annen organisasjon.',
    fix: 'Kopier Directory (tenant) ID og Application (client) ID fra Microsoft Entra admin center → App registrations → appen din → Overview til avsenderinnstillingene.',
  },
  oauth_invalid_grant: {
    title: 'Den lagrede påloggingen har utløpt',
    explanation: 'Microsoft- eller Google-påloggingen som er lagret for denne avsenderen, er ikke lenger gyldig: den har utløpt, passordet er endret, eller tilgangen er trukket tilbake.',
    fix: 'Åpne avsenderinnstillingene og koble til kontoen på nytt.',
  },
  oauth_sign_in_required: {
    title: 'Ingen har logget inn for denne avsenderen ennå',
    explanation: 'Avsenderen logger inn med Microsoft eller Google (OAuth2). Inntil eieren av postboksen har logget inn én gang, har reléet ikke noe token å sende med.',
    fix: 'Åpne avsenderen på Ownposts innstillingsside og velg Logg inn. Testen kjøres på nytt når du er logget inn.',
  },
  oauth_token_failed: {
    title: 'Kunne ikke hente et påloggingstoken',
    explanation: 'Påloggingstjenesten (Microsoft eller Google) nektet å utstede et token for denne avsenderen.',
    fix: 'Kontroller OAuth2-innstillingene (tenant ID, client ID, client secret), og koble til på nytt. Leverandørens nøyaktige årsak står i de tekniske detaljene.',
  },
  // ---------------------------------------------------------------- The relay's own refusals (issue 14)
  destination_not_allowed: {
    title: 'Reléet kobler ikke til denne serveren',
    explanation:
      'Servernavnet peker på et privat nettverk (denne datamaskinen, kontorets nettverk eller en metadataadresse i skyen), eller porten er ikke en e-postport. Reléet avviser slike tilkoblinger på vegne av en bruker, så ingenting ble sendt dit.',
    fix: 'Bruk e-postleverandørens offentlige servernavn og port 587 (STARTTLS) eller 465 (TLS). Hvis e-postserveren virkelig er intern, kan en administrator tillate den ved å starte reléet med OWNPOST_ALLOW_PRIVATE_HOSTS=1 (andre porter: OWNPOST_ALLOWED_PORTS).',
  },
  sender_deleted: {
    title: 'Avsenderen ble slettet før meldingen ble sendt',
    explanation:
      'Meldingen ventet fortsatt i utboksen da avsenderen ble slettet (av deg, av en administrator eller sammen med personen som eide den), så det var ingenting igjen å sende den med. Ingenting ble sendt.',
    fix: 'Send dokumentet på nytt med en annen avsender. Slett en avsender først når meldingene er sendt, så skjer det ikke igjen.',
  },
  // ---------------------------------------------------------------- The Sent-folder copy over IMAP (issue 21)
  sent_folder_missing: {
    title: 'Mappen Sendt ble ikke funnet',
    explanation: 'Reléet logget inn i postkassen via IMAP, men mappen for kopier av sendte meldinger finnes ikke der.',
    fix: 'La mappefeltet stå tomt for å bruke mappen serveren merker som Sent, eller skriv mappens nøyaktige navn slik e-postprogrammet viser det (for eksempel Sent, Sent Items eller INBOX.Sent).',
  },
};
