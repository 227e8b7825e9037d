/**
 * The problem catalogue in Icelandic: a title, explanation and fix for every problem of the table
 * (relay/diagnosis/problems.ts). The writing rules are in catalogue.ts.
 */
import type { ProblemCode } from '../problems';
import type { ProblemText } from './problem-text';

export const is: Readonly<Record<ProblemCode, ProblemText>> = {
  // ---------------------------------------------------------------- Gmail / Google Workspace
  gmail_bad_credentials: {
    title: 'Google samþykkti ekki notandanafnið eða lykilorðið',
    explanation: 'Gmail hafnaði innskráningunni. Annaðhvort er lykilorðið rangt eða þetta er venjulega lykilorðið að Google-aðganginum, sem Gmail tekur ekki lengur við frá öðrum forritum.',
    fix: 'Notaðu allt Gmail-netfangið sem notandanafn og forritalykilorð í stað venjulega lykilorðsins: búðu það til á myaccount.google.com → Security → App passwords (krefst tveggja þrepa staðfestingar) og límdu 16 stafa kóðann hér inn. Einnig má tengjast með Google-innskráningu (OAuth2).',
  },
  gmail_app_password_required: {
    title: 'Gmail krefst forritalykilorðs',
    explanation: 'Kveikt er á tveggja þrepa staðfestingu fyrir þennan Google-aðgang og því tekur Gmail ekki við venjulega lykilorðinu frá öðrum forritum.',
    fix: 'Búðu til forritalykilorð á myaccount.google.com → Security → App passwords og sláðu það inn hér í stað venjulega lykilorðsins. Einnig má tengjast með Google-innskráningu (OAuth2).',
  },
  gmail_web_login_required: {
    title: 'Google lokaði á innskráninguna',
    explanation: 'Google stöðvaði innskráninguna þar sem hún þótti óvenjuleg og vill að þú staðfestir í vafra að þetta hafir verið þú.',
    fix: 'Skráðu þig inn í Gmail í vafra með þessum aðgangi, staðfestu allar öryggisviðvaranir á myaccount.google.com → Security og reyndu svo aftur. Ef þetta gerist ítrekað skaltu nota forritalykilorð eða tengjast með Google-innskráningu (OAuth2).',
  },

  // ---------------------------------------------------------------- Encryption policy of the server
  starttls_required_by_server: {
    title: 'Póstþjónninn krefst dulkóðaðrar tengingar',
    explanation: 'Póstþjónninn heldur ekki áfram á ódulkóðaðri tengingu, en þetta sendandasnið er stillt á að senda án dulkóðunar.',
    fix: 'Breyttu öryggisstillingunni í STARTTLS með gátt 587 eða í TLS með gátt 465.',
  },

  // ---------------------------------------------------------------- Microsoft 365 / Outlook.com sign-in
  ms_smtp_auth_disabled_tenant: {
    title: 'Innskráning með lykilorði til sendingar er óvirk hjá fyrirtækinu',
    explanation: 'Microsoft 365 hafnaði innskráningunni því SMTP AUTH (sending með notandanafni og lykilorði) er óvirkt fyrir allt fyrirtækið.',
    fix: 'Biddu kerfisstjóra Microsoft 365 að virkja það í Exchange Online PowerShell með Set-TransportConfig -SmtpClientAuthenticationDisabled $false, eða aðeins fyrir þetta pósthólf með Set-CASMailbox <mailbox> -SmtpClientAuthenticationDisabled $false. Það getur tekið allt að klukkustund að taka gildi. Enn betra er að tengjast með Microsoft-innskráningu (OAuth2), sem virkar áfram eftir að Microsoft hættir að leyfa innskráningu með lykilorði.',
  },
  ms_smtp_auth_disabled_mailbox: {
    title: 'Innskráning með lykilorði til sendingar er óvirk fyrir þetta pósthólf',
    explanation: 'Microsoft 365 hafnaði innskráningunni því SMTP AUTH (sending með notandanafni og lykilorði) er óvirkt fyrir þetta pósthólf.',
    fix: 'Biddu kerfisstjóra Microsoft 365 að kveikja á Authenticated SMTP fyrir pósthólfið: Microsoft 365 admin center → Users → Active users → notandinn → Mail → Manage email apps → Authenticated SMTP, eða í PowerShell Set-CASMailbox <mailbox> -SmtpClientAuthenticationDisabled $false. Það getur tekið allt að klukkustund að taka gildi. Enn betra er að tengjast með Microsoft-innskráningu (OAuth2).',
  },
  ms_security_defaults: {
    title: 'Sjálfgefnar öryggisstillingar Microsoft loka á innskráningu með lykilorði',
    explanation: 'Fyrirtækið notar sjálfgefnar öryggisstillingar Microsoft (security defaults), sem leyfa póstforritum ekki að skrá sig inn með notandanafni og lykilorði einu saman.',
    fix: 'Tengstu með Microsoft-innskráningu (OAuth2) í stað lykilorðs. Til að nota áfram lykilorð þyrfti kerfisstjórinn að leysa security defaults af hólmi með Conditional Access-reglum í Microsoft Entra ID og virkja SMTP AUTH fyrir pósthólfið.',
  },
  ms_conditional_access: {
    title: 'Innskráningarregla hjá Microsoft lokaði á innskráninguna',
    explanation: 'Conditional Access-regla hjá fyrirtækinu, til dæmis regla sem krefst fjölþátta auðkenningar eða traustrar staðsetningar, leyfði ekki þessa innskráningu.',
    fix: 'Tengstu með Microsoft-innskráningu (OAuth2) eða biddu kerfisstjórann að finna innskráninguna í innskráningarskrám Microsoft Entra ID (sign-in logs) og leyfa hana.',
  },
  ms_bad_credentials: {
    title: 'Microsoft 365 samþykkti ekki notandanafnið eða lykilorðið',
    explanation: 'Microsoft 365 hafnaði innskráningunni. Yfirleitt er lykilorðið rangt eða aðgangurinn notar fjölþátta auðkenningu, sem virkar ekki með lykilorði einu saman.',
    fix: 'Gakktu úr skugga um að notandanafnið sé allt netfangið og sláðu lykilorðið inn aftur. Ef aðgangurinn notar fjölþátta auðkenningu eða lykilorðið er rétt skaltu tengjast með Microsoft-innskráningu (OAuth2) eða spyrja kerfisstjórann hvort Authenticated SMTP sé virkt fyrir pósthólfið.',
  },
  ms_account_locked: {
    title: 'Microsoft-aðgangurinn er læstur',
    explanation:
      'Microsoft hefur læst þessum aðgangi, yfirleitt eftir of margar misheppnaðar innskráningar. Hver ný misheppnuð tilraun getur lengt læsinguna og því reynir Ownpost ekki aftur sjálfkrafa.',
    fix: 'Bíddu þar til læsingin rennur út eða biddu kerfisstjórann að opna aðganginn, og athugaðu svo lykilorðið í sendandastillingunum áður en þú sendir aftur.',
  },
  ms_basic_auth_disabled: {
    title: 'Microsoft tekur ekki lengur við innskráningu með lykilorði fyrir þennan aðgang',
    explanation: 'Grunnauðkenning (innskráning með notandanafni og lykilorði) er óvirk fyrir þennan aðgang.',
    fix: 'Tengstu með Microsoft-innskráningu (OAuth2) í sendandastillingunum. Kerfisstjórinn gæti virkjað SMTP AUTH aftur í bili, en Microsoft er að leggja það niður.',
  },
  ms_basic_auth_not_supported: {
    title: 'Microsoft hefur afnumið innskráningu með lykilorði til sendingar',
    explanation: 'Þjónninn svaraði að grunnauðkenning (notandanafn og lykilorð) sé ekki studd við sendingu pósts frá þessum aðgangi.',
    fix: 'Tengstu með Microsoft-innskráningu (OAuth2) í sendandastillingunum. Lykilorð virkar ekki lengur fyrir þennan aðgang.',
  },
  ms_oauth_token_rejected: {
    title: 'Microsoft hafnaði innskráningartókanum',
    explanation: 'Microsoft 365 hafnaði OAuth2-innskráningartókanum. Yfirleitt vantar heimild í skráningu forritsins (app registration) eða Exchange Online þekkir forritið ekki enn.',
    fix: 'Fyrir sendingu sem forrit: gefðu skráningu forritsins API-heimildina Office 365 Exchange Online → Application permissions → SMTP.SendAsApp með samþykki kerfisstjóra, skráðu forritið í Exchange Online PowerShell með New-ServicePrincipal -AppId <client ID> -ObjectId <object ID> (Object ID úr Enterprise applications, ekki úr App registrations) og veittu því aðgang að pósthólfinu með Add-MailboxPermission -AccessRights FullAccess. Tókann þarf að sækja fyrir umfangið (scope) https://outlook.office365.com/.default. Við persónulega Microsoft-innskráningu skaltu tengja aðganginn aftur.',
  },

  // ---------------------------------------------------------------- Sign-in in general
  auth_mechanism_not_offered: {
    title: 'Þjónninn býður ekki upp á þessa innskráningaraðferð',
    explanation: 'Þjónninn samþykkti ekki þá innskráningaraðferð sem beðið var um. Þetta gerist oft þegar tengingin er ekki enn dulkóðuð eða þegar innskráning til sendingar er óvirk á þjóninum.',
    fix: 'Notaðu STARTTLS með gátt 587 eða TLS með gátt 465. Fyrir Microsoft 365 skaltu tengjast með Microsoft-innskráningu (OAuth2) eða biðja kerfisstjórann að virkja Authenticated SMTP fyrir pósthólfið.',
  },
  not_authenticated: {
    title: 'Þjónninn krefst innskráningar',
    explanation: 'Þjónninn neitaði að senda því þessi tenging er ekki innskráð.',
    fix: 'Sláðu inn notandanafn og lykilorð pósthólfsins, eða tengstu með OAuth2, í sendandastillingunum. Sending án innskráningar virkar aðeins með þjónum sem treysta netinu þínu.',
  },
  send_as_denied: {
    title: 'Þetta pósthólf má ekki senda frá þessu netfangi',
    explanation: 'Sendandanetfangið (From) er ekki pósthólfið sem skráð var inn með og pósthólfið hefur ekki heimild til að senda sem það netfang.',
    fix: 'Notaðu netfang innskráða pósthólfsins sem sendandanetfang, eða biddu kerfisstjórann að veita Send As-heimild (Microsoft 365: Exchange admin center → Recipients → Mailboxes → sendandanetfangið → Delegation → Send as, bæta við innskráða notandanum) eða bæta netfanginu við sem samnefni (alias) pósthólfsins.',
  },

  // ---------------------------------------------------------------- Limits
  ms_concurrent_connections: {
    title: 'Of margar tengingar við sama pósthólf',
    explanation: 'Microsoft 365 leyfir mest 3 samtímis tengingar við eitt pósthólf og hér var reynt að opna þá fjórðu.',
    fix: 'Ekkert þarf að breyta: Ownpost reynir aftur innan skamms. Ef þetta gerist oft skaltu athuga hvað annað sendir frá þessu pósthólfi á sama tíma (skannar, önnur forrit) og draga úr samhliða sendingum.',
  },
  rate_limited: {
    title: 'Póstþjónninn biður um að hægt sé á sendingum',
    explanation: 'Þjónninn hafnaði tímabundið því of mörg skeyti eða innskráningartilraunir bárust á stuttum tíma.',
    fix: 'Ekkert þarf að breyta: Ownpost bíður og sendir sjálfkrafa aftur. Ef þetta heldur áfram skaltu senda færri skeyti á mínútu.',
  },
  daily_quota_exceeded: {
    title: 'Pósthólfið hefur náð daglegu sendingarhámarki',
    explanation: 'Þjónustuaðilinn leyfir þessu pósthólfi ekki að senda fleiri skeyti í dag. Hámarkið endurnýjast innan 24 klukkustunda.',
    fix: 'Ownpost reynir aftur síðar. Ef þú sendir reglulega svona mörg skeyti skaltu biðja þjónustuaðilann um hærra hámark eða nota fyrirtækjaáskrift eða sendingarþjónustu.',
  },

  // ---------------------------------------------------------------- Message and domain
  tls_version_too_old: {
    title: 'Tengingin notar úrelta útgáfu af TLS',
    explanation: 'Reynt var að koma á dulkóðaðri tengingu með TLS 1.0 eða 1.1, sem annar aðilinn hafnar. Krafist er TLS 1.2 eða nýrra.',
    fix: 'Ef póstþjónninn er ykkar eigin skaltu uppfæra hann svo hann styðji TLS 1.2 eða nýrra. Ef vírusvörn, eldveggur eða milliþjónn (proxy) skoðar póstumferð á þessu neti skaltu slökkva á þeirri skoðun fyrir póstþjóninn.',
  },
  dmarc_unauthenticated_sender: {
    title: 'Lén sendandans hefur ekki heimild fyrir þennan póstþjón',
    explanation: 'Móttökuþjónninn kannaði lén sendandanetfangsins og komst að því að þessi póstþjónn má ekki senda fyrir það (SPF-, DKIM- og DMARC-athuganir mistókust).',
    fix: 'Sendu frá netfangi pósthólfsins sem þú skráir þig inn með, eða biddu þann sem sér um DNS lénsins að bæta þessum þjónustuaðila við SPF-færsluna (til dæmis include:spf.protection.outlook.com eða include:_spf.google.com) og kveikja á DKIM-undirritun hjá þjónustuaðilanum.',
  },
  message_too_large: {
    title: 'Skeytið er of stórt',
    explanation: 'Þjónninn hafnaði skeytinu vegna stærðar þess. Viðhengi stækka um það bil um þriðjung þegar þau eru send í tölvupósti.',
    fix: 'Minnkaðu viðhengin eða sendu þau í fleiri skeytum. Algeng hámörk: Gmail 25 MB, Microsoft 365 35 MB, iCloud 20 MB og margir þjónar 10 MB, sem rúmar um 7 MB af viðhengjum.',
  },

  // ---------------------------------------------------------------- Encryption (TLS) and certificates
  tls_wrong_version_number: {
    title: 'Dulkóðunarstillingin passar ekki við gáttina',
    explanation: 'Ownpost hóf dulkóðaða tengingu (TLS) strax, en þjónninn á þessari gátt býst við ódulkóðuðu upphafi sem síðan er uppfært með STARTTLS.',
    fix: 'Notaðu STARTTLS með gátt 587 (eða 25), eða haltu TLS og breyttu gáttinni í 465.',
  },
  greeting_timeout: {
    title: 'Þjónninn svaraði ekki',
    explanation: 'Tengingin opnaðist en þjónninn sendi aldrei kveðju sína. Yfirleitt þýðir það að gáttin býst við dulkóðun frá fyrsta bæti (TLS, gátt 465) en sniðið notar STARTTLS eða enga dulkóðun.',
    fix: 'Notaðu TLS með gátt 465 eða STARTTLS með gátt 587.',
  },
  starttls_not_offered: {
    title: 'Þjónninn býður ekki upp á dulkóðun (STARTTLS)',
    explanation: 'Sniðið krefst STARTTLS en þjónninn á þessari gátt samþykkti ekki að dulkóða tenginguna. Þegar STARTTLS er krafist heldur Ownpost ekki áfram án dulkóðunar, svo ekkert var sent.',
    fix: 'Athugaðu heiti þjónsins og gáttina: flestir þjónustuaðilar nota STARTTLS á gátt 587 eða TLS á gátt 465. Ef þetta er innri þjónn án dulkóðunar skaltu biðja tölvudeildina að virkja TLS á honum.',
  },
  starttls_injection: {
    title: 'Ekki tókst að koma dulkóðuðu tengingunni örugglega á',
    explanation:
      'Strax eftir að samþykkt var að dulkóða tenginguna (STARTTLS) sendi þjónninn, eða eitthvað á milli Ownpost og þjónsins, aukagögn. Þannig virka árásir á STARTTLS og því hætti Ownpost áður en skráð var inn.',
    fix: 'Reyndu aftur frá öðru neti. Ef þetta endurtekur sig skoðar eldveggur eða vírusvarnarforrit líklega póstumferðina: slökktu á póstskönnun þess fyrir þennan þjón eða notaðu TLS á gátt 465 í stað STARTTLS.',
  },
  cert_expired: {
    title: 'Öryggisskilríki þjónsins eru útrunnin',
    explanation: 'Skilríki póstþjónsins eru útrunnin og því getur Ownpost ekki staðfest að það sé í sambandi við réttan þjón.',
    fix: 'Athugaðu að heiti þjónsins sé það sem þjónustuaðilinn gefur upp. Ef svo er skaltu láta þjónustuaðilann eða tölvudeildina vita að endurnýja þurfi skilríki póstþjónsins.',
  },
  cert_self_signed: {
    title: 'Þjónninn notar sjálfundirrituð skilríki',
    explanation: 'Skilríki póstþjónsins voru ekki gefin út af traustum útgefanda og því getur Ownpost ekki staðfest að þjónninn sé ósvikinn.',
    fix: 'Notaðu heiti þjónsins sem þjónustuaðilinn gefur upp. Fyrir innri þjón fyrirtækis ætti tölvudeildin að setja upp skilríki frá traustum útgefanda eða ræsa Ownpost-þjóninn með NODE_EXTRA_CA_CERTS sem vísar á skilríki póstþjónsins.',
  },
  cert_self_signed_in_chain: {
    title: 'Eitthvað grípur inn í dulkóðuðu tenginguna',
    explanation: 'Skilríkjakeðjan endar á sjálfundirrituðum skilríkjum sem ekki er treyst. Yfirleitt er það vírusvörn, eldveggur eða milliþjónn fyrirtækisins sem skoðar dulkóðaða umferð.',
    fix: 'Slökktu á póstskönnun (oft kölluð SSL-skönnun eða póstvörn) í vírusvörninni eða eldveggnum, eða biddu tölvudeildina að undanskilja póstþjóninn skoðun. Ef fyrirtækið notar vísvitandi eigin skilríkjaútgefanda skaltu ræsa Ownpost-þjóninn með NODE_EXTRA_CA_CERTS sem vísar á skilríki útgefandans (CA).',
  },
  cert_unknown_issuer: {
    title: 'Ekki er hægt að sannreyna skilríki þjónsins',
    explanation: 'Skilríkin voru gefin út af óþekktum útgefanda eða þjónninn sendir ekki alla skilríkjakeðjuna (millistigsskilríki vantar).',
    fix: 'Biddu þjónustuaðilann eða tölvudeildina að setja upp alla skilríkjakeðjuna á póstþjóninum. Ef fyrirtækið notar eigin skilríkjaútgefanda skaltu ræsa Ownpost-þjóninn með NODE_EXTRA_CA_CERTS sem vísar á skilríki útgefandans (CA).',
  },
  cert_name_mismatch: {
    title: 'Skilríkin eru gefin út á annað heiti þjóns',
    explanation: 'Skilríki þjónsins passa ekki við heitið sem slegið var inn, til dæmis af því að samnefni eins og mail.lenid.is vísar á þjón þjónustuaðilans.',
    fix: 'Sláðu inn eigið heiti þjónsins hjá þjónustuaðilanum í stað samnefnisins, til dæmis smtp.office365.com, smtp.gmail.com eða heitið sem sést í stjórnborði hýsingarinnar.',
  },

  // ---------------------------------------------------------------- Network
  connection_refused: {
    title: 'Þjónninn hafnaði tengingunni',
    explanation: 'Ekkert tekur við tengingum á þessari gátt á þessu vistfangi. Líklega er heiti þjónsins eða gáttin röng, eða þjónninn liggur niðri.',
    fix: 'Athugaðu heiti þjónsins og gáttina. Algengar gáttir eru 587 (STARTTLS) og 465 (TLS).',
  },
  connection_timeout: {
    title: 'Ekki náðist samband við póstþjóninn',
    explanation: 'Þjónninn svaraði ekki á þessari gátt. Eldveggir, netþjónustur og skýjaþjónustur loka oft á útsendar póstgáttir, sérstaklega gátt 25.',
    fix: 'Prófaðu gátt 587 (STARTTLS) eða 465 (TLS), eða 2525 ef þjónustuaðilinn býður upp á hana, og athugaðu hvort net tölvunnar sem keyrir Ownpost-þjóninn leyfi tengingar út á póstþjóninn.',
  },
  host_not_found: {
    title: 'Heiti þjónsins fannst ekki',
    explanation: 'Þetta heiti á þjóni er ekki til og því er ekkert til að tengjast við. Yfirleitt er þetta innsláttarvilla.',
    fix: 'Athugaðu stafsetningu á heiti þjónsins, til dæmis smtp.office365.com eða smtp.gmail.com, án http:// og án skástriks í lokin.',
  },
  dns_temporary: {
    title: 'Tímabundið vandamál við að fletta upp heiti þjónsins',
    explanation: 'Ekki tókst að fletta upp heiti þjónsins núna vegna DNS- eða netvanda hjá Ownpost-þjóninum.',
    fix: 'Ownpost reynir sjálfkrafa aftur. Ef vandinn helst skaltu athuga nettenginguna og DNS-stillingar tölvunnar sem keyrir Ownpost-þjóninn.',
  },
  connection_dropped: {
    title: 'Tengingin rofnaði',
    explanation: 'Tengingin við póstþjóninn rofnaði áður en sendingu lauk.',
    fix: 'Ownpost reynir sjálfkrafa aftur. Ef þetta gerist í hvert skipti gæti eldveggur eða vírusvörn verið að trufla póstumferð, eða dulkóðunarstillingin passar ekki við gáttina (465 = TLS, 587 = STARTTLS).',
  },
  not_smtp_service: {
    title: 'Þetta er ekki þjónn fyrir útsendan póst',
    explanation: 'Þjónn svaraði á þessari gátt, en ekki eins og þjónn til að senda póst (SMTP). Þetta gæti verið þjónn til að taka á móti pósti (IMAP eða POP3) eða vefsíða.',
    fix: 'Sláðu inn þjón og gátt fyrir útsendan póst (SMTP), yfirleitt gátt 587 með STARTTLS eða 465 með TLS. Gáttir 993, 143, 995 og 110 eru fyrir móttöku pósts.',
  },

  // ---------------------------------------------------------------- Generic server answers
  auth_failed: {
    title: 'Innskráning mistókst',
    explanation: 'Póstþjónninn samþykkti ekki notandanafnið eða lykilorðið.',
    fix: 'Athugaðu notandanafnið (yfirleitt allt netfangið) og lykilorðið. Margir þjónustuaðilar krefjast forritalykilorðs í stað venjulega lykilorðsins; það er búið til í öryggisstillingum póstaðgangsins.',
  },
  recipient_rejected: {
    title: 'Netfangi viðtakanda var hafnað',
    explanation: 'Þjónninn neitaði að afhenda á þetta netfang viðtakanda. Það gæti verið rangt stafsett eða ekki lengur til.',
    fix: 'Athugaðu hvort innsláttarvilla sé í netfangi viðtakandans og staðfestu það við viðskiptavininn.',
  },
  recipients_partly_refused: {
    title: 'Ekki fengu allir viðtakendur skeytið',
    explanation:
      'Póstþjónninn afhenti hinum viðtakendunum skeytið en hafnaði einu eða fleiri netföngum; þau eru talin upp með svari þjónsins. Ownpost sendir það ekki aftur, svo hinir fái það ekki tvisvar.',
    fix: 'Athugaðu netföngin sem var hafnað (innsláttarvilla, pósthólf sem er ekki lengur til eða er fullt) og sendu skjalið aftur eingöngu til þeirra viðtakenda.',
  },
  sender_rejected: {
    title: 'Netfangi sendanda var hafnað',
    explanation: 'Þjónninn hafnaði sendandanetfangi (From) þessa skeytis.',
    fix: 'Notaðu netfang pósthólfsins sem þú skráir þig inn með eða samnefni sem þjónustuaðilinn hefur staðfest fyrir það pósthólf.',
  },
  server_temporary: {
    title: 'Tímabundið vandamál hjá póstþjóninum',
    explanation: 'Póstþjónninn gat ekki tekið við skeytinu í augnablikinu.',
    fix: 'Ownpost reynir sjálfkrafa aftur. Ef þetta heldur áfram skaltu senda svar þjónsins til þjónustuaðilans eða tölvudeildarinnar.',
  },
  server_permanent: {
    title: 'Póstþjónninn hafnaði skeytinu',
    explanation: 'Póstþjónninn hafnaði skeytinu og tekur ekki við því ef það er sent aftur óbreytt.',
    fix: 'Ástæðan kemur fram í svari þjónsins. Ef hún er óljós skaltu senda svarið til þjónustuaðilans eða tölvudeildarinnar.',
  },
  unknown: {
    title: 'Sending mistókst af óþekktri ástæðu',
    explanation: 'Eitthvað fór úrskeiðis sem Ownpost þekkir ekki.',
    fix: 'Keyrðu tengiprófið í sendandastillingunum til að sjá hvaða skref mistekst og sendu tæknilegu upplýsingarnar til tölvuþjónustunnar.',
  },

  // ---------------------------------------------------------------- OAuth2 token endpoint (Microsoft Entra ID, Google)
  oauth_invalid_client_secret: {
    title: 'Leynilykill forritsins er rangur eða útrunninn',
    explanation: 'Microsoft hafnaði leynilykli (client secret) forritaskráningarinnar (AADSTS7000215). Oft var Secret ID afritað í stað gildisins (Value) eða lykillinn er útrunninn.',
    fix: 'Í Microsoft Entra admin center → App registrations → forritið þitt → Certificates & secrets skaltu búa til nýjan leynilykil og afrita gildið (Value, birtist aðeins einu sinni; ekki Secret ID) í sendandastillingarnar.',
  },
  oauth_resource_not_found: {
    title: 'Microsoft finnur ekki þjónustuna sem beðið var um',
    explanation: 'Tókabeiðnin vísaði á þjónustu sem er ekki til hjá Microsoft 365-fyrirtækinu (AADSTS500011). Yfirleitt er umfangið (scope) rangt eða fyrirtækið er ekki með Exchange Online.',
    fix: 'Notaðu umfangið https://outlook.office365.com/.default fyrir sendingu sem forrit (https://outlook.office.com/SMTP.Send fyrir persónulega innskráningu) og athugaðu að tenant ID tilheyri fyrirtækinu sem á pósthólfið.',
  },
  oauth_consent_missing: {
    title: 'Kerfisstjóri hefur ekki samþykkt forritið',
    explanation: 'Skráningu forritsins vantar heimildina sem hún þarf, eða kerfisstjóri hefur ekki veitt samþykki fyrir henni (AADSTS65001).',
    fix: 'Í Microsoft Entra admin center → App registrations → forritið þitt → API permissions skaltu bæta við Office 365 Exchange Online → Application permissions → SMTP.SendAsApp (fyrir persónulega innskráningu: Microsoft Graph → SMTP.Send) og smella á Grant admin consent.',
  },
  oauth_invalid_client_id: {
    title: 'Tenant ID eða client ID er rangt',
    explanation: 'Microsoft fann ekki þetta forrit eða fyrirtæki (til dæmis AADSTS700016 eða AADSTS90002). Auðkennin gætu verið rangt slegin inn eða tilheyrt öðru fyrirtæki.',
    fix: 'Afritaðu Directory (tenant) ID og Application (client) ID úr Microsoft Entra admin center → App registrations → forritið þitt → Overview í sendandastillingarnar.',
  },
  oauth_invalid_grant: {
    title: 'Vistaða innskráningin er útrunnin',
    explanation: 'Microsoft- eða Google-innskráningin sem vistuð er fyrir þennan sendanda gildir ekki lengur: hún rann út, lykilorðinu var breytt eða aðgangur var afturkallaður.',
    fix: 'Opnaðu sendandastillingarnar og tengdu aðganginn aftur.',
  },
  oauth_sign_in_required: {
    title: 'Enginn hefur enn skráð sig inn fyrir þennan sendanda',
    explanation: 'Þessi sendandi skráir sig inn með Microsoft eða Google (OAuth2). Þar til eigandi pósthólfsins skráir sig inn einu sinni hefur miðlarinn engan tóka til að senda með.',
    fix: 'Opnaðu sendandann á stillingasíðu Ownpost og veldu Skrá inn. Prófunin keyrir aftur þegar þú hefur skráð þig inn.',
  },
  oauth_token_failed: {
    title: 'Ekki tókst að fá innskráningartóka',
    explanation: 'Innskráningarþjónustan (Microsoft eða Google) neitaði að gefa út tóka fyrir þennan sendanda.',
    fix: 'Athugaðu OAuth2-stillingarnar (tenant ID, client ID, client secret) og tengstu aftur. Nákvæm ástæða þjónustuaðilans kemur fram í tæknilegu upplýsingunum.',
  },
  // ---------------------------------------------------------------- The relay's own refusals (issue 14)
  destination_not_allowed: {
    title: 'Milliþjónninn tengist ekki þessum þjóni',
    explanation:
      'Heiti þjónsins vísar á einkanet (þessa tölvu, net skrifstofunnar eða lýsigagnavistfang skýs), eða gáttin er ekki póstgátt. Milliþjónninn hafnar slíkum tengingum fyrir hönd notanda, svo ekkert var sent þangað.',
    fix: 'Notaðu opinbert heiti á þjóni póstþjónustunnar og gátt 587 (STARTTLS) eða 465 (TLS). Ef póstþjónninn er í raun innanhúss getur kerfisstjóri leyft hann með því að ræsa milliþjóninn með OWNPOST_ALLOW_PRIVATE_HOSTS=1 (aðrar gáttir: OWNPOST_ALLOWED_PORTS).',
  },
  sender_deleted: {
    title: 'Sendandanum var eytt áður en skilaboðin fóru',
    explanation: 'Skilaboðin biðu enn í úthólfinu þegar sendandanum var eytt (af þér, af stjórnanda eða ásamt þeim sem átti hann), svo ekkert var eftir til að senda þau með. Ekkert var sent.',
    fix: 'Sendu skjalið aftur með öðrum sendanda. Eyddu sendanda aðeins þegar skilaboð hans hafa verið send, þá gerist þetta ekki aftur.',
  },
  // ---------------------------------------------------------------- The Sent-folder copy over IMAP (issue 21)
  sent_folder_missing: {
    title: 'Mappan fyrir send skilaboð fannst ekki',
    explanation: 'Milliþjónninn skráði sig inn í pósthólfið með IMAP, en mappan fyrir afrit sendra skilaboða er ekki til þar.',
    fix: 'Hafðu möppureitinn auðan til að nota möppuna sem þjónninn merkir sem Sent, eða sláðu inn nákvæmt heiti möppunnar eins og póstforritið sýnir það (til dæmis Sent, Sent Items eða INBOX.Sent).',
  },
};
