/**
 * The problem catalogue in Danish: a title, explanation and fix for every problem of the table
 * (relay/diagnosis/problems.ts). The writing rules are in catalogue.ts.
 */
import type { ProblemCode } from '../problems';
import type { ProblemText } from './problem-text';

export const da: Readonly<Record<ProblemCode, ProblemText>> = {
  // ---------------------------------------------------------------- Gmail / Google Workspace
  gmail_bad_credentials: {
    title: 'Google godkendte ikke brugernavnet eller adgangskoden',
    explanation: 'Gmail afviste login. Enten er adgangskoden forkert, eller også er det din almindelige adgangskode til Google-kontoen, som Gmail ikke længere accepterer fra andre programmer.',
    fix: 'Brug hele Gmail-adressen som brugernavn og en app-adgangskode i stedet for din almindelige adgangskode: opret den på myaccount.google.com → Security → App passwords (kræver totrinsbekræftelse), og indsæt koden på 16 tegn her. Du kan også forbinde med Google-login (OAuth2).',
  },
  gmail_app_password_required: {
    title: 'Gmail kræver en app-adgangskode',
    explanation: 'Denne Google-konto bruger totrinsbekræftelse, så Gmail accepterer ikke den almindelige adgangskode fra andre programmer.',
    fix: 'Opret en app-adgangskode på myaccount.google.com → Security → App passwords, og indtast den her i stedet for din almindelige adgangskode. Du kan også forbinde med Google-login (OAuth2).',
  },
  gmail_web_login_required: {
    title: 'Google blokerede login',
    explanation: 'Google stoppede login, fordi det virkede usædvanligt, og vil have dig til at bekræfte i en browser, at det var dig.',
    fix: 'Log ind på Gmail i din browser med denne konto, bekræft eventuelle sikkerhedsadvarsler på myaccount.google.com → Security, og prøv igen. Sker det igen, så brug en app-adgangskode, eller forbind med Google-login (OAuth2).',
  },

  // ---------------------------------------------------------------- Encryption policy of the server
  starttls_required_by_server: {
    title: 'Serveren kræver en krypteret forbindelse',
    explanation: 'Mailserveren fortsætter ikke over en ukrypteret forbindelse, og denne afsenderprofil er sat til at sende uden kryptering.',
    fix: 'Skift sikkerhedsindstillingen til STARTTLS med port 587 eller til TLS med port 465.',
  },

  // ---------------------------------------------------------------- Microsoft 365 / Outlook.com sign-in
  ms_smtp_auth_disabled_tenant: {
    title: 'Login med adgangskode til afsendelse er slået fra i din organisation',
    explanation: 'Microsoft 365 afviste login, fordi SMTP AUTH (afsendelse med brugernavn og adgangskode) er slået fra for hele organisationen.',
    fix: 'Bed din Microsoft 365-administrator om at slå det til i Exchange Online PowerShell med Set-TransportConfig -SmtpClientAuthenticationDisabled $false eller kun for denne postkasse med Set-CASMailbox <mailbox> -SmtpClientAuthenticationDisabled $false. Det kan tage op til en time, før ændringen virker. Endnu bedre: forbind med Microsoft-login (OAuth2), som bliver ved med at virke, når Microsoft udfaser login med adgangskode.',
  },
  ms_smtp_auth_disabled_mailbox: {
    title: 'Login med adgangskode til afsendelse er slået fra for denne postkasse',
    explanation: 'Microsoft 365 afviste login, fordi SMTP AUTH (afsendelse med brugernavn og adgangskode) er slået fra for denne postkasse.',
    fix: 'Bed din Microsoft 365-administrator om at slå Authenticated SMTP til for postkassen: Microsoft 365 admin center → Users → Active users → brugeren → Mail → Manage email apps → Authenticated SMTP, eller i PowerShell Set-CASMailbox <mailbox> -SmtpClientAuthenticationDisabled $false. Det kan tage op til en time, før ændringen virker. Endnu bedre: forbind med Microsoft-login (OAuth2).',
  },
  ms_security_defaults: {
    title: 'Microsofts standardsikkerhedsindstillinger blokerer login med adgangskode',
    explanation: 'Din organisation bruger Microsofts standardsikkerhedsindstillinger (security defaults), som forhindrer mailprogrammer i at logge ind med kun brugernavn og adgangskode.',
    fix: 'Forbind med Microsoft-login (OAuth2) i stedet for en adgangskode. For at blive ved med at bruge adgangskode skal din administrator erstatte security defaults med politikker for betinget adgang (Conditional Access) i Microsoft Entra ID og slå SMTP AUTH til for postkassen.',
  },
  ms_conditional_access: {
    title: 'En Microsoft-loginpolitik blokerede login',
    explanation: 'En politik for betinget adgang (Conditional Access) i din organisation, fx en der kræver multifaktorgodkendelse eller en godkendt placering, tillod ikke dette login.',
    fix: 'Forbind med Microsoft-login (OAuth2), eller bed din administrator om at finde login i logonloggene i Microsoft Entra ID (sign-in logs) og tillade det.',
  },
  ms_bad_credentials: {
    title: 'Microsoft 365 godkendte ikke brugernavnet eller adgangskoden',
    explanation: 'Microsoft 365 afviste login. Som regel er adgangskoden forkert, eller kontoen bruger multifaktorgodkendelse, som ikke virker med en almindelig adgangskode.',
    fix: 'Kontrollér, at brugernavnet er den fulde mailadresse, og indtast adgangskoden igen. Hvis kontoen bruger multifaktorgodkendelse, eller adgangskoden er korrekt, så forbind med Microsoft-login (OAuth2) i stedet, eller spørg din administrator, om Authenticated SMTP er slået til for postkassen.',
  },
  ms_account_locked: {
    title: 'Microsoft-kontoen er låst',
    explanation: 'Microsoft har låst kontoen, som regel efter for mange mislykkede login. Hvert nyt mislykket forsøg kan forlænge spærringen, så Ownpost prøver ikke igen af sig selv.',
    fix: 'Vent, til spærringen udløber, eller bed din administrator om at låse kontoen op, og kontrollér derefter adgangskoden i afsenderindstillingerne, før du sender igen.',
  },
  ms_basic_auth_disabled: {
    title: 'Microsoft accepterer ikke længere login med adgangskode til denne konto',
    explanation: 'Grundlæggende godkendelse (login med brugernavn og adgangskode) er slået fra for kontoen.',
    fix: 'Forbind med Microsoft-login (OAuth2) i afsenderindstillingerne. Din administrator kan måske slå SMTP AUTH til igen indtil videre, men Microsoft er ved at udfase det.',
  },
  ms_basic_auth_not_supported: {
    title: 'Microsoft har fjernet login med adgangskode til afsendelse',
    explanation: 'Serveren svarede, at grundlæggende godkendelse (brugernavn og adgangskode) ikke understøttes til at sende mail fra denne konto.',
    fix: 'Forbind med Microsoft-login (OAuth2) i afsenderindstillingerne. En adgangskode virker ikke længere til denne konto.',
  },
  ms_oauth_token_rejected: {
    title: 'Microsoft afviste login-tokenet',
    explanation: 'Microsoft 365 afviste OAuth2-tokenet til login. Som regel mangler appregistreringen en tilladelse, eller Exchange Online kender ikke appen endnu.',
    fix: 'Ved afsendelse som app: giv appregistreringen API-tilladelsen Office 365 Exchange Online → Application permissions → SMTP.SendAsApp med administratorsamtykke, registrér appen i Exchange Online PowerShell med New-ServicePrincipal -AppId <client ID> -ObjectId <object ID> (Object ID under Enterprise applications, ikke det under App registrations), og giv den adgang til postkassen med Add-MailboxPermission -AccessRights FullAccess. Tokenet skal hentes til scopet https://outlook.office365.com/.default. Ved personligt Microsoft-login skal du forbinde kontoen igen.',
  },

  // ---------------------------------------------------------------- Sign-in in general
  auth_mechanism_not_offered: {
    title: 'Serveren tilbyder ikke denne loginmetode',
    explanation: 'Serveren accepterede ikke den ønskede måde at logge ind på. Det sker ofte, når forbindelsen endnu ikke er krypteret, eller når login til afsendelse er slået fra på serveren.',
    fix: 'Brug STARTTLS med port 587 eller TLS med port 465. Ved Microsoft 365: forbind med Microsoft-login (OAuth2), eller bed din administrator om at slå Authenticated SMTP til for postkassen.',
  },
  not_authenticated: {
    title: 'Serveren kræver login',
    explanation: 'Serveren nægtede at sende, fordi forbindelsen ikke er logget ind.',
    fix: 'Angiv postkassens brugernavn og adgangskode, eller forbind med OAuth2, i afsenderindstillingerne. Afsendelse uden login virker kun med servere, der stoler på dit netværk.',
  },
  send_as_denied: {
    title: 'Denne postkasse må ikke sende fra denne adresse',
    explanation: 'Fra-adressen er ikke den postkasse, du er logget ind med, og postkassen har ikke tilladelse til at sende som den adresse.',
    fix: 'Brug den indloggede postkasses egen adresse som fra-adresse, eller bed din administrator om at give tilladelsen Send som (Microsoft 365: Exchange admin center → Recipients → Mailboxes → fra-adressen → Delegation → Send as, tilføj den indloggede bruger) eller tilføje adressen som alias til postkassen.',
  },

  // ---------------------------------------------------------------- Limits
  ms_concurrent_connections: {
    title: 'For mange forbindelser til den samme postkasse',
    explanation: 'Microsoft 365 tillader højst 3 samtidige forbindelser til én postkasse, og dette var en fjerde.',
    fix: 'Du behøver ikke gøre noget: Ownpost prøver igen om lidt. Sker det tit, så tjek, hvad der ellers sender fra postkassen samtidig (scannere, andre programmer), og begræns parallelle afsendelser.',
  },
  rate_limited: {
    title: 'Mailserveren beder om at sænke tempoet',
    explanation: 'Serveren afviste midlertidigt, fordi der kom for mange beskeder eller loginforsøg på kort tid.',
    fix: 'Du behøver ikke gøre noget: Ownpost venter og sender igen automatisk. Sker det igen og igen, så send færre beskeder i minuttet.',
  },
  daily_quota_exceeded: {
    title: 'Postkassen har nået sin daglige afsendelsesgrænse',
    explanation: 'Udbyderen lader ikke postkassen sende flere beskeder i dag. Grænsen nulstilles inden for 24 timer.',
    fix: 'Ownpost prøver igen senere. Sender du jævnligt så mange beskeder, så bed udbyderen om en højere grænse, eller brug et erhvervsabonnement eller en afsendelsestjeneste.',
  },

  // ---------------------------------------------------------------- Message and domain
  tls_version_too_old: {
    title: 'Forbindelsen bruger en forældet TLS-version',
    explanation: 'Den krypterede forbindelse blev forsøgt med TLS 1.0 eller 1.1, som den ene side afviser. TLS 1.2 eller nyere er påkrævet.',
    fix: 'Hvis mailserveren er jeres egen, så opdatér den til at understøtte TLS 1.2 eller nyere. Hvis et antivirusprogram, en firewall eller en proxy inspicerer mailtrafikken på netværket, så slå inspektionen fra for mailserveren.',
  },
  dmarc_unauthenticated_sender: {
    title: 'Afsenderens domæne er ikke godkendt til denne mailserver',
    explanation: 'Modtagerens server tjekkede domænet i fra-adressen og fandt, at denne mailserver ikke må sende på dets vegne (SPF-, DKIM- og DMARC-kontrollen fejlede).',
    fix: 'Send fra en adresse, der hører til den postkasse, du logger ind med, eller bed den, der administrerer domænets DNS, om at tilføje udbyderen til SPF-posten (fx include:spf.protection.outlook.com eller include:_spf.google.com) og slå DKIM-signering til hos udbyderen.',
  },
  message_too_large: {
    title: 'Beskeden er for stor',
    explanation: 'Serveren afviste beskeden på grund af dens størrelse. Vedhæftede filer vokser med omkring en tredjedel, når de sendes med mail.',
    fix: 'Gør de vedhæftede filer mindre, eller send dem i flere beskeder. Almindelige grænser: Gmail 25 MB, Microsoft 365 35 MB, iCloud 20 MB og mange servere 10 MB, hvilket giver plads til omkring 7 MB vedhæftede filer.',
  },

  // ---------------------------------------------------------------- Encryption (TLS) and certificates
  tls_wrong_version_number: {
    title: 'Krypteringsindstillingen passer ikke til porten',
    explanation: 'Ownpost startede en krypteret forbindelse (TLS) med det samme, men serveren på denne port forventer en ukrypteret start, der derefter opgraderes med STARTTLS.',
    fix: 'Brug STARTTLS med port 587 (eller 25), eller behold TLS, og skift porten til 465.',
  },
  greeting_timeout: {
    title: 'Serveren svarede ikke',
    explanation:
      'Forbindelsen blev åbnet, men serveren sendte aldrig sin velkomsthilsen. Det betyder som regel, at porten forventer kryptering fra første byte (TLS, port 465), mens profilen bruger STARTTLS eller ingen kryptering.',
    fix: 'Brug TLS med port 465 eller STARTTLS med port 587.',
  },
  starttls_not_offered: {
    title: 'Serveren tilbyder ikke kryptering (STARTTLS)',
    explanation: 'Profilen kræver STARTTLS, men serveren på denne port ville ikke kryptere forbindelsen. Når STARTTLS er påkrævet, fortsætter Ownpost ikke uden kryptering, så intet blev sendt.',
    fix: 'Kontrollér servernavnet og porten: de fleste udbydere bruger STARTTLS på port 587 eller TLS på port 465. Er det en intern server uden kryptering, så bed IT om at slå TLS til på den.',
  },
  starttls_injection: {
    title: 'Den krypterede forbindelse kunne ikke oprettes sikkert',
    explanation:
      'Lige efter at krypteringen af forbindelsen (STARTTLS) blev aftalt, sendte serveren, eller noget mellem Ownpost og serveren, ekstra data. Sådan virker angreb på STARTTLS, så Ownpost stoppede før login.',
    fix: 'Prøv igen fra et andet netværk. Sker det igen, undersøger en firewall eller et antivirusprogram sandsynligvis mailtrafikken: slå dens mailscanning fra for denne server, eller brug TLS på port 465 i stedet for STARTTLS.',
  },
  cert_expired: {
    title: 'Serverens sikkerhedscertifikat er udløbet',
    explanation: 'Mailserverens certifikat er ikke længere gyldigt, så Ownpost kan ikke bekræfte, at det er den rigtige server.',
    fix: 'Kontrollér, at servernavnet er det, din udbyder oplyser. Er det det, så giv udbyderen eller IT besked om, at mailserverens certifikat skal fornyes.',
  },
  cert_self_signed: {
    title: 'Serveren bruger et selvsigneret certifikat',
    explanation: 'Mailserverens certifikat er ikke udstedt af en betroet udsteder, så Ownpost kan ikke bekræfte, at serveren er ægte.',
    fix: 'Brug det servernavn, din udbyder oplyser. Ved en intern firmaserver bør IT installere et certifikat fra en betroet udsteder eller starte Ownpost-relayet med NODE_EXTRA_CA_CERTS, der peger på serverens certifikat.',
  },
  cert_self_signed_in_chain: {
    title: 'Noget opsnapper den krypterede forbindelse',
    explanation: 'Certifikatkæden ender i et selvsigneret certifikat, som ikke er betroet. Det er som regel et antivirusprogram, en firewall eller en firma-proxy, der inspicerer krypteret trafik.',
    fix: 'Slå mailscanning (ofte kaldet SSL-scanning eller mailbeskyttelse) fra i antivirusprogrammet eller firewallen, eller bed IT om at undtage mailserveren fra inspektion. Hvis firmaet bevidst bruger sin egen certifikatudsteder, så start Ownpost-relayet med NODE_EXTRA_CA_CERTS, der peger på udstederens certifikat (CA).',
  },
  cert_unknown_issuer: {
    title: 'Serverens certifikat kan ikke verificeres',
    explanation: 'Certifikatet er udstedt af en ukendt udsteder, eller serveren sender ikke hele certifikatkæden (et mellemliggende certifikat mangler).',
    fix: 'Bed udbyderen eller IT om at installere hele certifikatkæden på mailserveren. Hvis firmaet bruger sin egen certifikatudsteder, så start Ownpost-relayet med NODE_EXTRA_CA_CERTS, der peger på udstederens certifikat (CA).',
  },
  cert_name_mismatch: {
    title: 'Certifikatet gælder et andet servernavn',
    explanation: 'Serverens certifikat passer ikke til det indtastede servernavn, fx fordi et alias som mail.ditdomæne.dk peger på udbyderens server.',
    fix: 'Indtast udbyderens eget servernavn i stedet for aliasset, fx smtp.office365.com, smtp.gmail.com eller navnet i dit webhotels kontrolpanel.',
  },

  // ---------------------------------------------------------------- Network
  connection_refused: {
    title: 'Serveren afviste forbindelsen',
    explanation: 'Intet tager imod forbindelser på denne port på denne adresse. Sandsynligvis er servernavnet eller porten forkert, eller serveren er nede.',
    fix: 'Kontrollér servernavnet og porten. De almindelige porte er 587 (STARTTLS) og 465 (TLS).',
  },
  connection_timeout: {
    title: 'Mailserveren kunne ikke nås',
    explanation: 'Serveren svarede ikke på denne port. Firewalls, internetudbydere og cloudtjenester blokerer ofte udgående mailporte, især port 25.',
    fix: 'Prøv port 587 (STARTTLS) eller 465 (TLS), eller 2525 hvis udbyderen tilbyder den, og kontrollér, at netværket på den computer, der kører Ownpost-relayet, tillader udgående forbindelser til mailserveren.',
  },
  host_not_found: {
    title: 'Servernavnet blev ikke fundet',
    explanation: 'Servernavnet findes ikke, så der er intet at forbinde til. Som regel er det en tastefejl.',
    fix: 'Kontrollér stavningen af servernavnet, fx smtp.office365.com eller smtp.gmail.com, uden http:// og uden skråstreg til sidst.',
  },
  dns_temporary: {
    title: 'Midlertidigt problem med at slå servernavnet op',
    explanation: 'Servernavnet kunne ikke slås op lige nu på grund af et DNS- eller netværksproblem hos Ownpost-relayet.',
    fix: 'Ownpost prøver igen automatisk. Fortsætter problemet, så kontrollér internetforbindelsen og DNS-indstillingerne på den computer, der kører relayet.',
  },
  connection_dropped: {
    title: 'Forbindelsen blev afbrudt',
    explanation: 'Forbindelsen til mailserveren blev afbrudt, før afsendelsen var færdig.',
    fix: 'Ownpost prøver igen automatisk. Sker det hver gang, kan en firewall eller et antivirusprogram forstyrre mailtrafikken, eller krypteringsindstillingen passer ikke til porten (465 = TLS, 587 = STARTTLS).',
  },
  not_smtp_service: {
    title: 'Dette er ikke en server til udgående mail',
    explanation: 'En server svarede på denne port, men ikke som en server til at sende mail (SMTP). Det kan være en server til at modtage mail (IMAP eller POP3) eller et websted.',
    fix: 'Angiv server og port til udgående mail (SMTP), som regel port 587 med STARTTLS eller 465 med TLS. Portene 993, 143, 995 og 110 er til at modtage mail.',
  },

  // ---------------------------------------------------------------- Generic server answers
  auth_failed: {
    title: 'Login mislykkedes',
    explanation: 'Mailserveren godkendte ikke brugernavnet eller adgangskoden.',
    fix: 'Kontrollér brugernavnet (som regel den fulde mailadresse) og adgangskoden. Mange udbydere kræver en app-adgangskode i stedet for din almindelige adgangskode; den opretter du i mailkontoens sikkerhedsindstillinger.',
  },
  recipient_rejected: {
    title: 'En modtageradresse blev afvist',
    explanation: 'Serveren nægtede at levere til modtageradressen. Den kan være stavet forkert eller findes måske ikke længere.',
    fix: 'Kontrollér modtagerens mailadresse for tastefejl, og bekræft den med kunden.',
  },
  recipients_partly_refused: {
    title: 'Ikke alle modtagere fik beskeden',
    explanation:
      'Mailserveren leverede beskeden til de andre modtagere, men afviste en eller flere adresser; de står sammen med serverens svar. Ownpost sender den ikke igen, så de andre ikke får den to gange.',
    fix: 'Kontrollér de afviste adresser (en tastefejl, en postkasse der ikke længere findes eller er fuld) og send dokumentet igen kun til de modtagere.',
  },
  sender_rejected: {
    title: 'Afsenderadressen blev afvist',
    explanation: 'Serveren afviste beskedens fra-adresse.',
    fix: 'Brug adressen på den postkasse, du logger ind med, eller et alias, som udbyderen har bekræftet til postkassen.',
  },
  server_temporary: {
    title: 'Midlertidigt problem hos mailserveren',
    explanation: 'Mailserveren kunne ikke modtage beskeden lige nu.',
    fix: 'Ownpost prøver igen automatisk. Bliver det ved med at mislykkes, så giv serverens svar til din mailudbyder eller IT.',
  },
  server_permanent: {
    title: 'Mailserveren afviste beskeden',
    explanation: 'Mailserveren afviste beskeden og modtager den ikke, hvis den sendes igen uændret.',
    fix: 'Årsagen står i serverens svar. Er den uklar, så giv svaret til din mailudbyder eller IT.',
  },
  unknown: {
    title: 'Afsendelsen mislykkedes af ukendt årsag',
    explanation: 'Der opstod en fejl, som Ownpost ikke genkender.',
    fix: 'Kør forbindelsestesten i afsenderindstillingerne for at se, hvilket trin der fejler, og giv de tekniske detaljer til din IT-kontakt.',
  },

  // ---------------------------------------------------------------- OAuth2 token endpoint (Microsoft Entra ID, Google)
  oauth_invalid_client_secret: {
    title: 'Appens klienthemmelighed er forkert eller udløbet',
    explanation: 'Microsoft afviste appregistreringens klienthemmelighed (AADSTS7000215). Ofte er Secret ID kopieret i stedet for hemmelighedens værdi (Value), eller hemmeligheden er udløbet.',
    fix: 'I Microsoft Entra admin center → App registrations → din app → Certificates & secrets opretter du en ny klienthemmelighed og kopierer dens Value (vises kun én gang; ikke Secret ID) til afsenderindstillingerne.',
  },
  oauth_resource_not_found: {
    title: 'Microsoft kan ikke finde den ønskede tjeneste',
    explanation: 'Tokenanmodningen angav en tjeneste, der ikke findes i din Microsoft 365-organisation (AADSTS500011). Som regel er scopet forkert, eller organisationen har ikke Exchange Online.',
    fix: 'Brug scopet https://outlook.office365.com/.default til afsendelse som app (https://outlook.office.com/SMTP.Send til personligt login), og kontrollér, at tenant ID hører til den organisation, der ejer postkassen.',
  },
  oauth_consent_missing: {
    title: 'En administrator har ikke godkendt appen',
    explanation: 'Appregistreringen mangler den tilladelse, den skal bruge, eller en administrator har ikke givet samtykke til den (AADSTS65001).',
    fix: 'I Microsoft Entra admin center → App registrations → din app → API permissions tilføjer du Office 365 Exchange Online → Application permissions → SMTP.SendAsApp (ved personligt login: Microsoft Graph → SMTP.Send) og klikker på Grant admin consent.',
  },
  oauth_invalid_client_id: {
    title: 'Tenant ID eller client ID er forkert',
    explanation: "Microsoft kunne ikke finde appen eller organisationen (fx AADSTS700016 eller AADSTS90002). Id'erne kan være tastet forkert eller høre til en anden organisation.",
    fix: 'Kopiér Directory (tenant) ID og Application (client) ID fra Microsoft Entra admin center → App registrations → din app → Overview til afsenderindstillingerne.',
  },
  oauth_invalid_grant: {
    title: 'Det gemte login er udløbet',
    explanation: 'Det Microsoft- eller Google-login, der er gemt til denne afsender, er ikke længere gyldigt: det er udløbet, adgangskoden er ændret, eller adgangen er tilbagekaldt.',
    fix: 'Åbn afsenderindstillingerne, og forbind kontoen igen.',
  },
  oauth_sign_in_required: {
    title: 'Ingen har logget ind for denne afsender endnu',
    explanation: 'Afsenderen logger ind med Microsoft eller Google (OAuth2). Indtil postkassens ejer har logget ind én gang, har relæet intet token at sende med.',
    fix: 'Åbn afsenderen på Ownposts indstillingsside, og vælg Log ind. Testen kører igen, når du er logget ind.',
  },
  oauth_token_failed: {
    title: 'Kunne ikke hente et login-token',
    explanation: 'Logintjenesten (Microsoft eller Google) nægtede at udstede et token til denne afsender.',
    fix: 'Kontrollér OAuth2-indstillingerne (tenant ID, client ID, client secret), og forbind igen. Udbyderens præcise årsag står i de tekniske detaljer.',
  },
  // ---------------------------------------------------------------- The relay's own refusals (issue 14)
  destination_not_allowed: {
    title: 'Relæet forbinder ikke til denne server',
    explanation:
      'Servernavnet peger på et privat netværk (denne computer, kontorets netværk eller en metadataadresse i skyen), eller porten er ikke en mailport. Relæet afviser sådanne forbindelser på en brugers vegne, så intet blev sendt dertil.',
    fix: 'Brug mailudbyderens offentlige servernavn og port 587 (STARTTLS) eller 465 (TLS). Hvis mailserveren virkelig er intern, kan en administrator tillade den ved at starte relæet med OWNPOST_ALLOW_PRIVATE_HOSTS=1 (andre porte: OWNPOST_ALLOWED_PORTS).',
  },
  sender_deleted: {
    title: 'Afsenderen blev slettet, før beskeden blev sendt',
    explanation:
      'Beskeden ventede stadig i udbakken, da dens afsender blev slettet (af dig, af en administrator eller sammen med den person, der ejede den), så der var intet tilbage at sende den med. Intet blev sendt.',
    fix: 'Send dokumentet igen med en anden afsender. Slet først en afsender, når dens beskeder er sendt, så sker det ikke igen.',
  },
  // ---------------------------------------------------------------- The Sent-folder copy over IMAP (issue 21)
  sent_folder_missing: {
    title: 'Mappen Sendt blev ikke fundet',
    explanation: 'Relæet loggede ind i postkassen via IMAP, men mappen til kopier af sendte beskeder findes ikke der.',
    fix: 'Lad mappefeltet være tomt for at bruge den mappe, serveren markerer som Sent, eller skriv mappens præcise navn, som mailprogrammet viser det (for eksempel Sent, Sent Items eller INBOX.Sent).',
  },
};
