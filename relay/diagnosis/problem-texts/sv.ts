/**
 * The problem catalogue in Swedish: a title, explanation and fix for every problem of the table
 * (relay/diagnosis/problems.ts). The writing rules are in catalogue.ts.
 */
import type { ProblemCode } from '../problems';
import type { ProblemText } from './problem-text';

export const sv: Readonly<Record<ProblemCode, ProblemText>> = {
  // ---------------------------------------------------------------- Gmail / Google Workspace
  gmail_bad_credentials: {
    title: 'Google godkände inte användarnamnet eller lösenordet',
    explanation: 'Gmail nekade inloggningen. Antingen är lösenordet fel, eller så är det ditt vanliga lösenord till Google-kontot, som Gmail inte längre tar emot från andra program.',
    fix: 'Använd hela Gmail-adressen som användarnamn och ett applösenord i stället för ditt vanliga lösenord: skapa det på myaccount.google.com → Security → App passwords (kräver tvåstegsverifiering) och klistra in koden på 16 tecken här. Du kan också ansluta med Google-inloggning (OAuth2).',
  },
  gmail_app_password_required: {
    title: 'Gmail kräver ett applösenord',
    explanation: 'Det här Google-kontot använder tvåstegsverifiering, så Gmail tar inte emot det vanliga lösenordet från andra program.',
    fix: 'Skapa ett applösenord på myaccount.google.com → Security → App passwords och ange det här i stället för ditt vanliga lösenord. Du kan också ansluta med Google-inloggning (OAuth2).',
  },
  gmail_web_login_required: {
    title: 'Google blockerade inloggningen',
    explanation: 'Google stoppade inloggningen eftersom den verkade ovanlig och vill att du bekräftar i en webbläsare att det var du.',
    fix: 'Logga in på Gmail i webbläsaren med det här kontot, bekräfta eventuella säkerhetsvarningar på myaccount.google.com → Security och försök sedan igen. Om det upprepas, använd ett applösenord eller anslut med Google-inloggning (OAuth2).',
  },

  // ---------------------------------------------------------------- Encryption policy of the server
  starttls_required_by_server: {
    title: 'Servern kräver en krypterad anslutning',
    explanation: 'E-postservern fortsätter inte över en okrypterad anslutning, och den här avsändarprofilen är inställd på att skicka utan kryptering.',
    fix: 'Ändra säkerhetsinställningen till STARTTLS med port 587 eller till TLS med port 465.',
  },

  // ---------------------------------------------------------------- Microsoft 365 / Outlook.com sign-in
  ms_smtp_auth_disabled_tenant: {
    title: 'Inloggning med lösenord för att skicka är avstängd i din organisation',
    explanation: 'Microsoft 365 nekade inloggningen eftersom SMTP AUTH (att skicka med användarnamn och lösenord) är avstängt för hela organisationen.',
    fix: 'Be din Microsoft 365-administratör att slå på det i Exchange Online PowerShell med Set-TransportConfig -SmtpClientAuthenticationDisabled $false, eller bara för den här postlådan med Set-CASMailbox <mailbox> -SmtpClientAuthenticationDisabled $false. Ändringen kan ta upp till en timme. Ännu bättre är att ansluta med Microsoft-inloggning (OAuth2), som fortsätter att fungera när Microsoft slutar med lösenordsinloggning.',
  },
  ms_smtp_auth_disabled_mailbox: {
    title: 'Inloggning med lösenord för att skicka är avstängd för den här postlådan',
    explanation: 'Microsoft 365 nekade inloggningen eftersom SMTP AUTH (att skicka med användarnamn och lösenord) är avstängt för den här postlådan.',
    fix: 'Be din Microsoft 365-administratör att slå på Authenticated SMTP för postlådan: Microsoft 365 admin center → Users → Active users → användaren → Mail → Manage email apps → Authenticated SMTP, eller i PowerShell Set-CASMailbox <mailbox> -SmtpClientAuthenticationDisabled $false. Ändringen kan ta upp till en timme. Ännu bättre är att ansluta med Microsoft-inloggning (OAuth2).',
  },
  ms_security_defaults: {
    title: 'Microsofts standardinställningar för säkerhet blockerar lösenordsinloggning',
    explanation: 'Din organisation använder Microsofts standardinställningar för säkerhet (security defaults), som hindrar e-postprogram från att logga in med bara användarnamn och lösenord.',
    fix: 'Anslut med Microsoft-inloggning (OAuth2) i stället för lösenord. För att fortsätta med lösenord måste administratören ersätta security defaults med principer för villkorsstyrd åtkomst (Conditional Access) i Microsoft Entra ID och slå på SMTP AUTH för postlådan.',
  },
  ms_conditional_access: {
    title: 'En inloggningsprincip hos Microsoft blockerade inloggningen',
    explanation:
      'En princip för villkorsstyrd åtkomst (Conditional Access) i din organisation, till exempel en som kräver multifaktorautentisering eller en betrodd plats, tillät inte den här inloggningen.',
    fix: 'Anslut med Microsoft-inloggning (OAuth2), eller be administratören att leta upp inloggningen i inloggningsloggarna i Microsoft Entra ID (sign-in logs) och tillåta den.',
  },
  ms_bad_credentials: {
    title: 'Microsoft 365 godkände inte användarnamnet eller lösenordet',
    explanation: 'Microsoft 365 nekade inloggningen. Oftast är lösenordet fel, eller så använder kontot multifaktorautentisering, som inte fungerar med bara ett lösenord.',
    fix: 'Kontrollera att användarnamnet är hela e-postadressen och ange lösenordet igen. Om kontot använder multifaktorautentisering, eller om lösenordet är rätt, anslut med Microsoft-inloggning (OAuth2) i stället eller fråga administratören om Authenticated SMTP är påslaget för postlådan.',
  },
  ms_account_locked: {
    title: 'Microsoft-kontot är låst',
    explanation: 'Microsoft har låst kontot, oftast efter för många misslyckade inloggningar. Varje nytt misslyckat försök kan förlänga låsningen, därför försöker Ownpost inte igen på egen hand.',
    fix: 'Vänta tills låsningen upphör eller be administratören att låsa upp kontot, och kontrollera sedan lösenordet i avsändarinställningarna innan du skickar igen.',
  },
  ms_basic_auth_disabled: {
    title: 'Microsoft tar inte längre emot lösenordsinloggning för det här kontot',
    explanation: 'Grundläggande autentisering (inloggning med användarnamn och lösenord) är avstängd för kontot.',
    fix: 'Anslut med Microsoft-inloggning (OAuth2) i avsändarinställningarna. Administratören kan kanske slå på SMTP AUTH igen tills vidare, men Microsoft håller på att avveckla det.',
  },
  ms_basic_auth_not_supported: {
    title: 'Microsoft har tagit bort lösenordsinloggning för att skicka',
    explanation: 'Servern svarade att grundläggande autentisering (användarnamn och lösenord) inte stöds för att skicka e-post från det här kontot.',
    fix: 'Anslut med Microsoft-inloggning (OAuth2) i avsändarinställningarna. Ett lösenord fungerar inte längre för det här kontot.',
  },
  ms_oauth_token_rejected: {
    title: 'Microsoft avvisade inloggningstoken',
    explanation: 'Microsoft 365 avvisade OAuth2-token för inloggningen. Oftast saknar appregistreringen en behörighet, eller så känner Exchange Online inte till appen än.',
    fix: 'För sändning som app: ge appregistreringen API-behörigheten Office 365 Exchange Online → Application permissions → SMTP.SendAsApp med administratörsmedgivande, registrera appen i Exchange Online PowerShell med New-ServicePrincipal -AppId <client ID> -ObjectId <object ID> (Object ID under Enterprise applications, inte det under App registrations) och ge den åtkomst till postlådan med Add-MailboxPermission -AccessRights FullAccess. Token ska begäras för omfånget (scope) https://outlook.office365.com/.default. Vid personlig Microsoft-inloggning ansluter du kontot igen.',
  },

  // ---------------------------------------------------------------- Sign-in in general
  auth_mechanism_not_offered: {
    title: 'Servern erbjuder inte den här inloggningsmetoden',
    explanation: 'Servern godtog inte det begärda sättet att logga in. Det händer ofta när anslutningen ännu inte är krypterad, eller när inloggning för att skicka är avstängd på servern.',
    fix: 'Använd STARTTLS med port 587 eller TLS med port 465. För Microsoft 365: anslut med Microsoft-inloggning (OAuth2) eller be administratören slå på Authenticated SMTP för postlådan.',
  },
  not_authenticated: {
    title: 'Servern kräver inloggning',
    explanation: 'Servern vägrade skicka eftersom anslutningen inte är inloggad.',
    fix: 'Ange postlådans användarnamn och lösenord, eller anslut med OAuth2, i avsändarinställningarna. Att skicka utan inloggning fungerar bara med servrar som litar på ditt nätverk.',
  },
  send_as_denied: {
    title: 'Den här postlådan får inte skicka från den här adressen',
    explanation: 'Från-adressen är inte postlådan du loggade in med, och postlådan har inte behörighet att skicka som den adressen.',
    fix: 'Använd den inloggade postlådans egen adress som från-adress, eller be administratören ge behörigheten Skicka som (Microsoft 365: Exchange admin center → Recipients → Mailboxes → från-adressen → Delegation → Send as, lägg till den inloggade användaren) eller lägga till adressen som alias för postlådan.',
  },

  // ---------------------------------------------------------------- Limits
  ms_concurrent_connections: {
    title: 'För många anslutningar till samma postlåda',
    explanation: 'Microsoft 365 tillåter högst 3 samtidiga anslutningar till en postlåda, och det här var en fjärde.',
    fix: 'Inget behöver ändras: Ownpost försöker igen om en stund. Om det händer ofta, kontrollera vad mer som skickar från postlådan samtidigt (skannrar, andra program) och minska antalet parallella utskick.',
  },
  rate_limited: {
    title: 'E-postservern ber om lägre takt',
    explanation: 'Servern nekade tillfälligt eftersom för många meddelanden eller inloggningsförsök kom på kort tid.',
    fix: 'Inget behöver ändras: Ownpost väntar och skickar igen automatiskt. Om det fortsätter, skicka färre meddelanden per minut.',
  },
  daily_quota_exceeded: {
    title: 'Postlådan har nått sin dagliga sändningsgräns',
    explanation: 'Leverantören låter inte postlådan skicka fler meddelanden i dag. Gränsen återställs inom 24 timmar.',
    fix: 'Ownpost försöker igen senare. Om du regelbundet skickar så många meddelanden, be leverantören om en högre gräns eller använd ett företagsabonnemang eller en utskickstjänst.',
  },

  // ---------------------------------------------------------------- Message and domain
  tls_version_too_old: {
    title: 'Anslutningen använder en föråldrad TLS-version',
    explanation: 'Den krypterade anslutningen försökte använda TLS 1.0 eller 1.1, vilket ena sidan inte godtar. TLS 1.2 eller senare krävs.',
    fix: 'Om e-postservern är er egen, uppdatera den så att den stöder TLS 1.2 eller senare. Om ett antivirusprogram, en brandvägg eller en proxy granskar e-posttrafiken i nätverket, stäng av granskningen för e-postservern.',
  },
  dmarc_unauthenticated_sender: {
    title: 'Avsändarens domän är inte godkänd för den här e-postservern',
    explanation: 'Mottagarens server kontrollerade domänen i från-adressen och fann att den här e-postservern inte får skicka för den (kontrollerna av SPF, DKIM och DMARC misslyckades).',
    fix: 'Skicka från en adress som tillhör postlådan du loggar in med, eller be den som sköter domänens DNS att lägga till leverantören i SPF-posten (till exempel include:spf.protection.outlook.com eller include:_spf.google.com) och att slå på DKIM-signering hos leverantören.',
  },
  message_too_large: {
    title: 'Meddelandet är för stort',
    explanation: 'Servern nekade meddelandet på grund av storleken. Bilagor växer med ungefär en tredjedel när de skickas med e-post.',
    fix: 'Gör bilagorna mindre eller skicka dem i flera meddelanden. Vanliga gränser: Gmail 25 MB, Microsoft 365 35 MB, iCloud 20 MB, och många servrar 10 MB, vilket räcker till ungefär 7 MB bilagor.',
  },

  // ---------------------------------------------------------------- Encryption (TLS) and certificates
  tls_wrong_version_number: {
    title: 'Krypteringsinställningen passar inte porten',
    explanation: 'Ownpost startade en krypterad anslutning (TLS) direkt, men servern på den här porten väntar sig en okrypterad start som sedan uppgraderas med STARTTLS.',
    fix: 'Använd STARTTLS med port 587 (eller 25), eller behåll TLS och byt port till 465.',
  },
  greeting_timeout: {
    title: 'Servern svarade inte',
    explanation:
      'Anslutningen öppnades, men servern skickade aldrig sin hälsning. Det betyder oftast att porten väntar sig kryptering från första byte (TLS, port 465) medan profilen använder STARTTLS eller ingen kryptering.',
    fix: 'Använd TLS med port 465 eller STARTTLS med port 587.',
  },
  starttls_not_offered: {
    title: 'Servern erbjuder inte kryptering (STARTTLS)',
    explanation:
      'Profilen kräver STARTTLS, men servern på den här porten gick inte med på att kryptera anslutningen. När STARTTLS krävs fortsätter Ownpost inte utan kryptering, så ingenting skickades.',
    fix: 'Kontrollera servernamnet och porten: de flesta leverantörer använder STARTTLS på port 587 eller TLS på port 465. Om det är en intern server utan kryptering, be IT att slå på TLS på den.',
  },
  starttls_injection: {
    title: 'Den krypterade anslutningen kunde inte upprättas säkert',
    explanation:
      'Direkt efter att krypteringen av anslutningen (STARTTLS) godkändes skickade servern, eller något mellan Ownpost och servern, extra data. Så fungerar attacker mot STARTTLS, så Ownpost avbröt innan inloggningen.',
    fix: 'Försök igen från ett annat nätverk. Om det fortsätter granskar troligen en brandvägg eller ett antivirusprogram e-posttrafiken: stäng av dess e-postskanning för den här servern, eller använd TLS på port 465 i stället för STARTTLS.',
  },
  cert_expired: {
    title: 'Serverns säkerhetscertifikat har gått ut',
    explanation: 'E-postserverns certifikat är inte längre giltigt, så Ownpost kan inte bekräfta att det är den riktiga servern.',
    fix: 'Kontrollera att servernamnet är det som leverantören anger. Om det är det, meddela leverantören eller IT att e-postserverns certifikat måste förnyas.',
  },
  cert_self_signed: {
    title: 'Servern använder ett självsignerat certifikat',
    explanation: 'E-postserverns certifikat är inte utfärdat av en betrodd utfärdare, så Ownpost kan inte bekräfta att servern är äkta.',
    fix: 'Använd det servernamn som leverantören anger. För en intern företagsserver bör IT installera ett certifikat från en betrodd utfärdare eller starta Ownpost-reläet med NODE_EXTRA_CA_CERTS som pekar på serverns certifikat.',
  },
  cert_self_signed_in_chain: {
    title: 'Något fångar upp den krypterade anslutningen',
    explanation: 'Certifikatkedjan slutar i ett självsignerat certifikat som inte är betrott. Det är oftast ett antivirusprogram, en brandvägg eller en företagsproxy som granskar krypterad trafik.',
    fix: 'Stäng av e-postskanningen (ofta kallad SSL-skanning eller e-postskydd) i antivirusprogrammet eller brandväggen, eller be IT att undanta e-postservern från granskningen. Om företaget avsiktligt använder en egen certifikatutfärdare, starta Ownpost-reläet med NODE_EXTRA_CA_CERTS som pekar på utfärdarens certifikat (CA).',
  },
  cert_unknown_issuer: {
    title: 'Serverns certifikat kan inte verifieras',
    explanation: 'Certifikatet är utfärdat av en okänd utfärdare, eller så skickar servern inte hela certifikatkedjan (ett mellanliggande certifikat saknas).',
    fix: 'Be leverantören eller IT att installera hela certifikatkedjan på e-postservern. Om företaget använder en egen certifikatutfärdare, starta Ownpost-reläet med NODE_EXTRA_CA_CERTS som pekar på utfärdarens certifikat (CA).',
  },
  cert_name_mismatch: {
    title: 'Certifikatet gäller ett annat servernamn',
    explanation: 'Serverns certifikat stämmer inte med det angivna servernamnet, till exempel för att ett alias som mail.dindomän.se pekar på leverantörens server.',
    fix: 'Ange leverantörens eget servernamn i stället för aliaset, till exempel smtp.office365.com, smtp.gmail.com eller namnet i webbhotellets kontrollpanel.',
  },

  // ---------------------------------------------------------------- Network
  connection_refused: {
    title: 'Servern vägrade anslutningen',
    explanation: 'Ingenting tar emot anslutningar på den här porten på den här adressen. Troligen är servernamnet eller porten fel, eller så är servern nere.',
    fix: 'Kontrollera servernamnet och porten. Vanliga portar är 587 (STARTTLS) och 465 (TLS).',
  },
  connection_timeout: {
    title: 'Det gick inte att nå e-postservern',
    explanation: 'Servern svarade inte på den här porten. Brandväggar, internetleverantörer och molntjänster blockerar ofta utgående e-postportar, särskilt port 25.',
    fix: 'Prova port 587 (STARTTLS) eller 465 (TLS), eller 2525 om leverantören erbjuder den, och kontrollera att nätverket för datorn där Ownpost-reläet körs tillåter utgående anslutningar till e-postservern.',
  },
  host_not_found: {
    title: 'Servernamnet hittades inte',
    explanation: 'Servernamnet finns inte, så det finns inget att ansluta till. Oftast är det ett stavfel.',
    fix: 'Kontrollera stavningen av servernamnet, till exempel smtp.office365.com eller smtp.gmail.com, utan http:// och utan snedstreck på slutet.',
  },
  dns_temporary: {
    title: 'Tillfälligt problem med att slå upp servernamnet',
    explanation: 'Servernamnet kunde inte slås upp just nu på grund av ett DNS- eller nätverksproblem hos Ownpost-reläet.',
    fix: 'Ownpost försöker igen automatiskt. Om problemet kvarstår, kontrollera internetanslutningen och DNS-inställningarna på datorn där reläet körs.',
  },
  connection_dropped: {
    title: 'Anslutningen bröts',
    explanation: 'Anslutningen till e-postservern bröts innan sändningen var klar.',
    fix: 'Ownpost försöker igen automatiskt. Om det händer varje gång kan en brandvägg eller ett antivirusprogram störa e-posttrafiken, eller så passar krypteringsinställningen inte porten (465 = TLS, 587 = STARTTLS).',
  },
  not_smtp_service: {
    title: 'Det här är ingen server för utgående e-post',
    explanation: 'En server svarade på den här porten, men inte som en server för att skicka e-post (SMTP). Det kan vara en server för att ta emot e-post (IMAP eller POP3) eller en webbplats.',
    fix: 'Ange server och port för utgående e-post (SMTP), oftast port 587 med STARTTLS eller 465 med TLS. Portarna 993, 143, 995 och 110 är för att ta emot e-post.',
  },

  // ---------------------------------------------------------------- Generic server answers
  auth_failed: {
    title: 'Inloggningen misslyckades',
    explanation: 'E-postservern godtog inte användarnamnet eller lösenordet.',
    fix: 'Kontrollera användarnamnet (oftast hela e-postadressen) och lösenordet. Många leverantörer kräver ett applösenord i stället för ditt vanliga lösenord; det skapar du i e-postkontots säkerhetsinställningar.',
  },
  recipient_rejected: {
    title: 'En mottagaradress avvisades',
    explanation: 'Servern vägrade leverera till mottagaradressen. Den kan vara felstavad eller inte längre finnas.',
    fix: 'Kontrollera mottagarens e-postadress för stavfel och bekräfta den med kunden.',
  },
  recipients_partly_refused: {
    title: 'Alla mottagare fick inte meddelandet',
    explanation:
      'E-postservern levererade meddelandet till de andra mottagarna men avvisade en eller flera adresser; de visas med serverns svar. Ownpost skickar det inte igen, så att de andra inte får det två gånger.',
    fix: 'Kontrollera de avvisade adresserna (ett stavfel, en brevlåda som inte längre finns eller är full) och skicka dokumentet igen bara till de mottagarna.',
  },
  sender_rejected: {
    title: 'Avsändaradressen avvisades',
    explanation: 'Servern avvisade meddelandets från-adress.',
    fix: 'Använd adressen till postlådan du loggar in med, eller ett alias som leverantören har verifierat för postlådan.',
  },
  server_temporary: {
    title: 'Tillfälligt problem hos e-postservern',
    explanation: 'E-postservern kunde inte ta emot meddelandet just nu.',
    fix: 'Ownpost försöker igen automatiskt. Om det fortsätter att misslyckas, ge serverns svar till din e-postleverantör eller IT.',
  },
  server_permanent: {
    title: 'E-postservern avvisade meddelandet',
    explanation: 'E-postservern avvisade meddelandet och tar inte emot det om det skickas igen oförändrat.',
    fix: 'Orsaken står i serverns svar. Om den är oklar, ge svaret till din e-postleverantör eller IT.',
  },
  unknown: {
    title: 'Sändningen misslyckades av okänd anledning',
    explanation: 'Något gick fel som Ownpost inte känner igen.',
    fix: 'Kör anslutningstestet i avsändarinställningarna för att se vilket steg som misslyckas, och ge de tekniska detaljerna till din IT-kontakt.',
  },

  // ---------------------------------------------------------------- OAuth2 token endpoint (Microsoft Entra ID, Google)
  oauth_invalid_client_secret: {
    title: 'Appens klienthemlighet är fel eller har gått ut',
    explanation: 'Microsoft avvisade appregistreringens klienthemlighet (AADSTS7000215). Ofta har Secret ID kopierats i stället för hemlighetens värde (Value), eller så har hemligheten gått ut.',
    fix: 'I Microsoft Entra admin center → App registrations → din app → Certificates & secrets skapar du en ny klienthemlighet och kopierar dess Value (visas bara en gång; inte Secret ID) till avsändarinställningarna.',
  },
  oauth_resource_not_found: {
    title: 'Microsoft hittar inte den begärda tjänsten',
    explanation: 'Tokenbegäran angav en tjänst som inte finns i din Microsoft 365-organisation (AADSTS500011). Oftast är omfånget (scope) fel, eller så har organisationen inte Exchange Online.',
    fix: 'Använd omfånget https://outlook.office365.com/.default för sändning som app (https://outlook.office.com/SMTP.Send för personlig inloggning), och kontrollera att tenant ID tillhör organisationen som äger postlådan.',
  },
  oauth_consent_missing: {
    title: 'En administratör har inte godkänt appen',
    explanation: 'Appregistreringen saknar behörigheten den behöver, eller så har en administratör inte gett medgivande till den (AADSTS65001).',
    fix: 'I Microsoft Entra admin center → App registrations → din app → API permissions lägger du till Office 365 Exchange Online → Application permissions → SMTP.SendAsApp (för personlig inloggning: Microsoft Graph → SMTP.Send) och klickar på Grant admin consent.',
  },
  oauth_invalid_client_id: {
    title: 'Tenant ID eller client ID är fel',
    explanation: 'Microsoft hittade inte appen eller organisationen (till exempel AADSTS700016 eller AADSTS90002). ID:na kan vara felskrivna eller tillhöra en annan organisation.',
    fix: 'Kopiera Directory (tenant) ID och Application (client) ID från Microsoft Entra admin center → App registrations → din app → Overview till avsändarinställningarna.',
  },
  oauth_invalid_grant: {
    title: 'Den sparade inloggningen har gått ut',
    explanation: 'Microsoft- eller Google-inloggningen som sparats för avsändaren gäller inte längre: den har gått ut, lösenordet har ändrats eller åtkomsten har återkallats.',
    fix: 'Öppna avsändarinställningarna och anslut kontot igen.',
  },
  oauth_sign_in_required: {
    title: 'Ingen har loggat in för den här avsändaren än',
    explanation: 'Avsändaren loggar in med Microsoft eller Google (OAuth2). Tills brevlådans ägare har loggat in en gång har reläet ingen token att skicka med.',
    fix: 'Öppna avsändaren på Ownposts inställningssida och välj Logga in. Testet körs igen när du har loggat in.',
  },
  oauth_token_failed: {
    title: 'Det gick inte att hämta en inloggningstoken',
    explanation: 'Inloggningstjänsten (Microsoft eller Google) vägrade utfärda en token för avsändaren.',
    fix: 'Kontrollera OAuth2-inställningarna (tenant ID, client ID, client secret) och anslut igen. Leverantörens exakta orsak finns i de tekniska detaljerna.',
  },
  // ---------------------------------------------------------------- The relay's own refusals (issue 14)
  destination_not_allowed: {
    title: 'Reläet ansluter inte till den här servern',
    explanation:
      'Servernamnet pekar på ett privat nätverk (den här datorn, kontorets nätverk eller en metadataadress i molnet), eller så är porten ingen e-postport. Reläet vägrar sådana anslutningar för en användares räkning, så ingenting skickades dit.',
    fix: 'Använd e-postleverantörens publika servernamn och port 587 (STARTTLS) eller 465 (TLS). Om e-postservern verkligen är intern kan en administratör tillåta den genom att starta reläet med OWNPOST_ALLOW_PRIVATE_HOSTS=1 (andra portar: OWNPOST_ALLOWED_PORTS).',
  },
  sender_deleted: {
    title: 'Avsändaren togs bort innan meddelandet skickades',
    explanation:
      'Meddelandet väntade fortfarande i utkorgen när dess avsändare togs bort (av dig, av en administratör eller tillsammans med personen som ägde den), så det fanns inget kvar att skicka det med. Ingenting skickades.',
    fix: 'Skicka dokumentet igen med en annan avsändare. Ta bort en avsändare först när dess meddelanden har skickats, så händer det inte igen.',
  },
  // ---------------------------------------------------------------- The Sent-folder copy over IMAP (issue 21)
  sent_folder_missing: {
    title: 'Mappen Skickat hittades inte',
    explanation: 'Reläet loggade in i brevlådan via IMAP, men mappen för kopior av skickade meddelanden finns inte där.',
    fix: 'Lämna mappfältet tomt för att använda mappen som servern markerar som Sent, eller skriv mappens exakta namn som e-postprogrammet visar det (till exempel Sent, Sent Items eller INBOX.Sent).',
  },
};
