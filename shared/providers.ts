/**
 * Built-in mail provider presets: where to submit mail (SMTP), where the Sent folder lives (IMAP),
 * what the username looks like and which credentials work.
 *
 * Sources (checked November 2026): the Thunderbird ISPDB and the providers' own help pages. Where the facts give a family such as `yahoo.*` or `hotmail.*`, the concrete domains are
 * the ones the Thunderbird ISPDB lists for that provider (ispdb/yahoo.com.xml, ispdb/hotmail.com.xml).
 * Nodemailer's bundled `well-known` list disagrees with these facts in several places (GMX, iCloud, Zoho EU,
 * Mailgun EU, Mailjet), so we keep our own table.
 *
 * Nordic ISPs and hosts (issue 21): the reference facts found no documented submission server for Telia,
 * Telenor and Síminn. Their presets below come from the providers' own customer help pages as users quote them
 * (Síminn "Stillingar fyrir tölvupóst", Telia Sverige "Inställningar för e-postprogram", Telenor "E-post i
 * e-postprogram", Altibox "Oppsett av e-post", Bahnhof, Loopia, Binero, Domeneshop and Simply "e-post i
 * e-postprogram" pages) and are marked `unverified`: the wizard says so and the sender test confirms or
 * refutes them before anything is saved. Vodafone IS is still left to discovery.
 *
 * Runs in Node and in the browser: plain data, no `node:` imports, no DOM.
 */

/** How the SMTP connection is secured. */
export type SmtpSecurity =
  /** Implicit TLS from the first byte (nodemailer `secure: true`), usually port 465. */
  | 'tls'
  /** Plain connection upgraded with STARTTLS, which must succeed (nodemailer `requireTLS: true`), usually 587 or 25. */
  | 'starttls'
  /** No TLS at all. No built-in preset uses this. */
  | 'none';

/** One server endpoint. */
export interface ServerSetting {
  /**
   * Host name, lower-case. A host containing `{...}` is a template the user must complete before use
   * (see {@link isHostTemplate}), e.g. `serwer{number}.home.pl`.
   */
  host: string;
  port: number;
  security: SmtpSecurity;
}

/** What goes into the username field. */
export type UsernameFormat =
  /** The full e-mail address (or, for Microsoft 365, the UPN, which is usually the same). */
  | 'address'
  /** Only the part before `@`. */
  | 'local_part'
  /** An API key or server token (Postmark, Mailjet). */
  | 'api_key'
  /** Something else; the preset's notes say what. */
  | 'other';

/** A kind of credential the provider accepts for SMTP. */
export type SmtpAuthMethod =
  /** The normal account password. */
  | 'password'
  /** A separate password generated in the account's security settings (usually requires 2-step verification). */
  | 'app_password'
  /** Sign-in with the provider (XOAUTH2). */
  | 'oauth2'
  /** A credential the service issues for SMTP only: Proton SMTP token, SES SMTP credentials, Brevo SMTP key, Mailgun domain SMTP login. */
  | 'smtp_token'
  /** The service's general API key or token used as the SMTP password (SendGrid, Postmark, Mailjet). */
  | 'api_key';

/** Known provider limits. Absent means "not documented", not "unlimited". */
export interface ProviderLimits {
  /** Concurrent SMTP connections per mailbox; one more is refused (Microsoft: 432 4.3.2). */
  maxConnections?: number;
  messagesPerMinute?: number;
  /**
   * Largest accepted message in bytes, counted in decimal megabytes (1 MB = 1,000,000 bytes) so we err on the
   * small side; the server's EHLO SIZE is authoritative when present. Base64 makes attachments
   * about 37% larger, so the raw attachment budget is roughly `maxMessageBytes / 1.37`.
   */
  maxMessageBytes?: number;
  recipientsPerDay?: number;
}

/** A built-in provider preset. */
export interface ProviderPreset {
  /** Stable identifier, stored in sender profiles: never rename one. */
  id: string;
  /** Display name, e.g. `Microsoft 365 / Exchange Online`. */
  name: string;
  /** Exact mail domains, lower-case. Empty for providers that only host customers' own domains. */
  domains: string[];
  /**
   * Parent domains whose every sub-domain belongs to the provider, lower-case, e.g. `onmicrosoft.com` for
   * Microsoft 365 tenants (`contoso.onmicrosoft.com`). Matched by {@link findProviderByDomain}.
   */
  domainSuffixes?: string[];
  /**
   * MX host suffixes that identify the provider for a customer's own domain, lower-case without leading dot,
   * e.g. `mail.protection.outlook.com` for Microsoft 365. Matched by {@link findProviderByMx}.
   */
  mxSuffixes: string[];
  /** SMTP submission endpoints, preferred first, alternatives after. Never empty. */
  smtp: ServerSetting[];
  /** IMAP endpoint, used to put a copy into the Sent folder. */
  imap?: ServerSetting;
  username: UsernameFormat;
  /** Accepted credentials, most recommended first. */
  auth: SmtpAuthMethod[];
  /** Short English notes for users, shown when they pick the preset. Never empty. */
  notes: string[];
  limits?: ProviderLimits;
  /** The server files a copy of every submitted message in Sent by itself, so we must not add another. */
  serverSavesSentCopy?: boolean;
  /** Settings the facts could not confirm: treat as a starting point and say so in the UI. */
  unverified?: boolean;
}

// Decimal megabytes: see ProviderLimits.maxMessageBytes.
const MB = 1_000_000;

/** Both usual submission endpoints of one host, implicit TLS first. */
function tlsThenStarttls(host: string): ServerSetting[] {
  return [
    { host, port: 465, security: 'tls' },
    { host, port: 587, security: 'starttls' },
  ];
}

/** Both usual submission endpoints of one host, STARTTLS first. */
function starttlsThenTls(host: string): ServerSetting[] {
  return [
    { host, port: 587, security: 'starttls' },
    { host, port: 465, security: 'tls' },
  ];
}

function imapTls(host: string): ServerSetting {
  return { host, port: 993, security: 'tls' };
}

/** Outlook.com consumer domains: the `hotmail.*`, `outlook.*`, `live.*` families as listed in the Thunderbird ISPDB, plus msn.com. */
const OUTLOOK_COM_DOMAINS = [
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  ...[
    'at',
    'be',
    'cl',
    'cz',
    'de',
    'dk',
    'es',
    'fr',
    'hu',
    'ie',
    'in',
    'it',
    'jp',
    'kr',
    'lv',
    'my',
    'ph',
    'pt',
    'sa',
    'sg',
    'sk',
    'co.id',
    'co.il',
    'co.th',
    'com.ar',
    'com.au',
    'com.br',
    'com.gr',
    'com.tr',
    'com.vn',
  ].map((tld) => `outlook.${tld}`),
  ...[
    'be',
    'ca',
    'cl',
    'cz',
    'de',
    'dk',
    'es',
    'fi',
    'fr',
    'gr',
    'hu',
    'it',
    'lt',
    'lv',
    'my',
    'nl',
    'no',
    'ph',
    'rs',
    'se',
    'sg',
    'sk',
    'co.id',
    'co.il',
    'co.in',
    'co.jp',
    'co.kr',
    'co.th',
    'co.uk',
    'co.za',
    'com.ar',
    'com.au',
    'com.br',
    'com.hk',
    'com.tr',
    'com.tw',
    'com.vn',
  ].map((tld) => `hotmail.${tld}`),
  ...[
    'at',
    'be',
    'ca',
    'cl',
    'cn',
    'de',
    'dk',
    'fi',
    'fr',
    'hk',
    'ie',
    'in',
    'it',
    'jp',
    'nl',
    'no',
    'ru',
    'se',
    'co.jp',
    'co.kr',
    'co.uk',
    'co.za',
    'com.ar',
    'com.au',
    'com.mx',
    'com.my',
    'com.ph',
    'com.pt',
    'com.sg',
  ].map((tld) => `live.${tld}`),
];

/**
 * Yahoo's `yahoo.*` family as listed in the Thunderbird ISPDB. yahoo.co.jp is not here on purpose: Yahoo Japan
 * is a separate company with its own servers.
 */
const YAHOO_DOMAINS = [
  ...['com', 'de', 'it', 'fr', 'es', 'se', 'co.in', 'co.uk', 'co.nz', 'com.au', 'com.ar', 'com.br', 'com.mx'].map((tld) => `yahoo.${tld}`),
  'ymail.com',
  'rocketmail.com',
  'myyahoo.com',
];

/** For presets from the providers' help pages that the facts could not confirm (see the top of this file). */
const UNCONFIRMED_NOTE = 'These settings are not confirmed by the provider; the test shows whether they work.';

const GMAIL_NOTES_AUTH = 'Gmail needs an app password (with 2-Step Verification) or Google sign-in (OAuth). The normal password stopped working on 30 May 2022.';

const PROVIDER_TABLE: ProviderPreset[] = [
  // ---- Big mailbox providers -------------------------------------------------------------------------------
  {
    id: 'microsoft365',
    name: 'Microsoft 365 / Exchange Online',
    domains: [],
    domainSuffixes: ['onmicrosoft.com'],
    mxSuffixes: ['mail.protection.outlook.com'],
    // TLS 1.2 or newer is required (421 4.7.66 otherwise); Node's defaults already satisfy that.
    smtp: [{ host: 'smtp.office365.com', port: 587, security: 'starttls' }],
    imap: imapTls('outlook.office365.com'),
    username: 'address',
    auth: ['oauth2', 'password'],
    notes: [
      'Use Microsoft sign-in (OAuth). A password works only if an administrator has enabled SMTP AUTH for the organisation and the mailbox; it is off for organisations created after January 2020 and blocked by Security Defaults.',
      'Microsoft switches off password (basic) SMTP login for existing organisations at the end of December 2026.',
      'The username is your full address (your Microsoft 365 sign-in name).',
      'Exchange saves a copy in Sent Items itself.',
    ],
    limits: { maxConnections: 3, messagesPerMinute: 30, maxMessageBytes: 35 * MB, recipientsPerDay: 10_000 },
    serverSavesSentCopy: true,
  },
  {
    id: 'outlook',
    name: 'Outlook.com / Hotmail',
    domains: OUTLOOK_COM_DOMAINS,
    mxSuffixes: [],
    smtp: [{ host: 'smtp-mail.outlook.com', port: 587, security: 'starttls' }],
    imap: imapTls('outlook.office365.com'),
    username: 'address',
    auth: ['oauth2'],
    notes: ['Outlook.com accepts only Microsoft sign-in (OAuth); password login ended on 16 September 2024.', 'About 300 messages a day on free accounts, 5,000 with a Microsoft 365 subscription.'],
    // ~300/day is the free-account figure; subscribers get more, but we cannot tell them apart.
    limits: { maxMessageBytes: 25 * MB, recipientsPerDay: 300 },
  },
  {
    id: 'gmail',
    name: 'Gmail',
    domains: ['gmail.com', 'googlemail.com'],
    mxSuffixes: [],
    smtp: tlsThenStarttls('smtp.gmail.com'),
    imap: imapTls('imap.gmail.com'),
    username: 'address',
    auth: ['app_password', 'oauth2'],
    notes: [GMAIL_NOTES_AUTH, 'Gmail replaces a From address it has not verified with your account address.', 'Gmail saves a copy in Sent itself.'],
    limits: { maxMessageBytes: 25 * MB, recipientsPerDay: 500 },
    serverSavesSentCopy: true,
  },
  {
    id: 'google_workspace',
    name: 'Google Workspace',
    domains: [],
    mxSuffixes: ['google.com', 'googlemail.com'],
    smtp: [
      ...tlsThenStarttls('smtp.gmail.com'),
      // The relay service needs an administrator to set it up (login or IP allow-list), so it is the last resort.
      { host: 'smtp-relay.gmail.com', port: 587, security: 'starttls' },
    ],
    imap: imapTls('imap.gmail.com'),
    username: 'address',
    auth: ['app_password', 'oauth2'],
    notes: [
      'Use an app password (needs 2-Step Verification) or Google sign-in (OAuth); plain password login ended on 30 September 2024.',
      'About 2,000 messages a day and 100 recipients per message over SMTP.',
      'smtp-relay.gmail.com works only after an administrator sets it up in the Admin console.',
    ],
    // True for smtp.gmail.com (same servers as Gmail); a message sent through smtp-relay.gmail.com is not filed.
    serverSavesSentCopy: true,
  },
  {
    id: 'yahoo',
    name: 'Yahoo Mail',
    domains: YAHOO_DOMAINS,
    mxSuffixes: [],
    smtp: tlsThenStarttls('smtp.mail.yahoo.com'),
    imap: imapTls('imap.mail.yahoo.com'),
    username: 'address',
    auth: ['app_password'],
    notes: ['Yahoo needs an app password, created in your Yahoo account security settings.'],
  },
  {
    id: 'icloud',
    name: 'iCloud Mail',
    domains: ['icloud.com', 'me.com', 'mac.com'],
    mxSuffixes: [],
    smtp: [{ host: 'smtp.mail.me.com', port: 587, security: 'starttls' }],
    imap: imapTls('imap.mail.me.com'),
    username: 'address',
    auth: ['app_password'],
    notes: ['iCloud needs an app-specific password (requires two-factor authentication on your Apple Account).', 'About 1,000 messages a day and 500 recipients per message.'],
    limits: { maxMessageBytes: 20 * MB },
  },
  {
    id: 'zoho',
    name: 'Zoho Mail',
    domains: ['zoho.com', 'zohomail.com'],
    mxSuffixes: ['zoho.com'],
    smtp: [...tlsThenStarttls('smtp.zoho.com'), ...tlsThenStarttls('smtppro.zoho.com')],
    imap: imapTls('imap.zoho.com'),
    username: 'address',
    auth: ['app_password', 'password'],
    notes: ['Turn on IMAP/POP access in Zoho Mail settings first.', 'With two-factor authentication on, use an app password.', 'Paid organisation accounts use smtppro.zoho.com.'],
  },
  {
    id: 'zoho_eu',
    name: 'Zoho Mail (EU)',
    domains: ['zoho.eu', 'zohomail.eu'],
    mxSuffixes: ['zoho.eu'],
    smtp: [...tlsThenStarttls('smtp.zoho.eu'), ...tlsThenStarttls('smtppro.zoho.eu')],
    imap: imapTls('imap.zoho.eu'),
    username: 'address',
    auth: ['app_password', 'password'],
    notes: ['Turn on IMAP/POP access in Zoho Mail settings first.', 'With two-factor authentication on, use an app password.', 'Paid organisation accounts use smtppro.zoho.eu.'],
  },
  {
    id: 'fastmail',
    name: 'Fastmail',
    domains: ['fastmail.com', 'fastmail.fm'],
    mxSuffixes: ['messagingengine.com'],
    smtp: tlsThenStarttls('smtp.fastmail.com'),
    imap: imapTls('imap.fastmail.com'),
    username: 'address',
    auth: ['app_password'],
    notes: ['Fastmail always needs an app password, not your login password.'],
  },
  {
    id: 'proton',
    name: 'Proton Mail',
    domains: ['proton.me', 'protonmail.com', 'pm.me'],
    mxSuffixes: [],
    smtp: [
      { host: 'smtp.protonmail.ch', port: 587, security: 'starttls' },
      // Proton Mail Bridge on the relay's own machine. The facts give only host and port; STARTTLS is Bridge's
      // default mode, and it presents its own self-signed certificate.
      { host: '127.0.0.1', port: 1025, security: 'starttls' },
    ],
    // No IMAP preset: IMAP exists only through Bridge (127.0.0.1:1143), which the note mentions.
    username: 'address',
    auth: ['smtp_token'],
    notes: [
      'Proton SMTP needs an SMTP token (business plans with a custom domain), not your account password; the username is the custom-domain address.',
      'Alternatively run Proton Mail Bridge on the same machine (SMTP on 127.0.0.1 port 1025, IMAP on port 1143) and use the password Bridge shows.',
    ],
  },

  // ---- German-speaking providers -----------------------------------------------------------------------------
  {
    id: 'gmx_net',
    name: 'GMX (gmx.net / gmx.de)',
    domains: ['gmx.net', 'gmx.de', 'gmx.at', 'gmx.ch', 'gmx.eu'],
    mxSuffixes: [],
    smtp: tlsThenStarttls('mail.gmx.net'),
    imap: imapTls('imap.gmx.net'),
    username: 'address',
    auth: ['password'],
    notes: ['Switch on IMAP/POP access once in GMX webmail settings before sending.'],
  },
  {
    id: 'gmx_com',
    name: 'GMX (gmx.com)',
    domains: ['gmx.com', 'gmx.us', 'gmx.co.uk', 'gmx.fr', 'gmx.es'],
    mxSuffixes: [],
    smtp: tlsThenStarttls('mail.gmx.com'),
    imap: imapTls('imap.gmx.com'),
    username: 'address',
    auth: ['password'],
    notes: ['Switch on IMAP/POP access once in GMX webmail settings before sending.'],
  },
  {
    id: 'webde',
    name: 'WEB.DE',
    domains: ['web.de'],
    mxSuffixes: [],
    smtp: tlsThenStarttls('smtp.web.de'),
    imap: imapTls('imap.web.de'),
    // Per the Thunderbird ISPDB.
    username: 'local_part',
    auth: ['password'],
    notes: ['Switch on IMAP/POP access once in WEB.DE webmail settings before sending.', 'The username is the part of your address before the @.'],
  },
  {
    id: 'tonline',
    name: 'Telekom (T-Online)',
    domains: ['t-online.de', 'magenta.de'],
    mxSuffixes: [],
    smtp: tlsThenStarttls('securesmtp.t-online.de'),
    imap: imapTls('secureimap.t-online.de'),
    username: 'address',
    auth: ['password'],
    notes: ['Use your separate "E-Mail-Passwort", not your Telekom login password.'],
  },
  {
    id: 'ionos',
    name: '1&1 / IONOS',
    domains: ['online.de', 'onlinehome.de'],
    mxSuffixes: ['kundenserver.de'],
    smtp: [...tlsThenStarttls('smtp.ionos.de'), ...tlsThenStarttls('smtp.1und1.de'), ...tlsThenStarttls('smtp.ionos.co.uk'), ...tlsThenStarttls('smtp.ionos.com')],
    imap: imapTls('imap.ionos.de'),
    username: 'address',
    auth: ['password'],
    notes: ['IONOS UK customers use smtp.ionos.co.uk and US customers smtp.ionos.com; older 1&1 accounts also work with smtp.1und1.de.'],
  },
  {
    id: 'strato',
    name: 'Strato',
    domains: [],
    mxSuffixes: ['rzone.de'],
    smtp: tlsThenStarttls('smtp.strato.de'),
    imap: imapTls('imap.strato.de'),
    username: 'address',
    auth: ['password'],
    notes: ['The username is your full e-mail address.'],
  },

  // ---- Hosting providers (customers' own domains) ------------------------------------------------------------
  {
    id: 'ovh',
    name: 'OVHcloud web hosting',
    domains: [],
    mxSuffixes: ['ovh.net'],
    smtp: tlsThenStarttls('ssl0.ovh.net'),
    imap: imapTls('ssl0.ovh.net'),
    username: 'address',
    auth: ['password'],
    notes: ['OVHcloud Exchange refuses mail whose sender is not the mailbox you log in with (550 5.7.60).'],
  },
  {
    id: 'onecom',
    name: 'one.com',
    domains: [],
    // one.com's mail pods: mx1.pub.mailpod6-cph3.one.com and the like.
    mxSuffixes: ['one.com'],
    smtp: tlsThenStarttls('send.one.com'),
    imap: imapTls('imap.one.com'),
    username: 'address',
    auth: ['password'],
    notes: ['The username is your full e-mail address.'],
  },
  {
    id: 'simply',
    name: 'Simply.com (UnoEuro)',
    domains: [],
    // mx.simply.com, and the older UnoEuro name.
    mxSuffixes: ['simply.com', 'unoeuro.com'],
    smtp: starttlsThenTls('smtp.simply.com'),
    imap: imapTls('imap.simply.com'),
    username: 'address',
    auth: ['password'],
    notes: ['These settings are not confirmed by Simply.com; check them in your control panel if sending fails.'],
    unverified: true,
  },

  // ---- Nordic providers --------------------------------------------------------------------------------------
  {
    id: 'yousee',
    name: 'YouSee (mail.dk)',
    domains: ['mail.dk'],
    mxSuffixes: [],
    smtp: [{ host: 'asmtp.mail.dk', port: 587, security: 'starttls' }],
    imap: imapTls('imap.mail.dk'),
    username: 'address',
    auth: ['password'],
    notes: ['The username is your full e-mail address.'],
  },
  {
    id: 'siminn',
    name: 'Síminn (simnet.is)',
    domains: ['simnet.is'],
    mxSuffixes: ['simnet.is'],
    smtp: starttlsThenTls('smtp.simnet.is'),
    imap: imapTls('imap.simnet.is'),
    username: 'address',
    auth: ['password'],
    notes: ['The username is your full e-mail address.', UNCONFIRMED_NOTE],
    unverified: true,
  },
  {
    id: 'telia',
    name: 'Telia (telia.com)',
    domains: ['telia.com'],
    mxSuffixes: [],
    smtp: tlsThenStarttls('mailout.telia.com'),
    imap: imapTls('imap.telia.com'),
    username: 'address',
    auth: ['password'],
    notes: ['The username is your full e-mail address.', UNCONFIRMED_NOTE],
    unverified: true,
  },
  {
    id: 'telenor',
    name: 'Telenor (online.no)',
    domains: ['online.no'],
    mxSuffixes: [],
    smtp: tlsThenStarttls('smtp.online.no'),
    imap: imapTls('imap.online.no'),
    username: 'address',
    auth: ['password'],
    notes: ['Telenor’s e-mail is for personal, non-commercial use: for invoices, a company mailbox is the better sender.', UNCONFIRMED_NOTE],
    unverified: true,
  },
  {
    id: 'altibox',
    name: 'Altibox',
    domains: ['altibox.no'],
    mxSuffixes: ['altibox.no'],
    smtp: tlsThenStarttls('smtp.altibox.no'),
    imap: imapTls('imap.altibox.no'),
    username: 'address',
    auth: ['password'],
    notes: ['The username is your full e-mail address.', UNCONFIRMED_NOTE],
    unverified: true,
  },
  {
    id: 'bahnhof',
    name: 'Bahnhof',
    domains: ['bahnhof.se'],
    mxSuffixes: ['bahnhof.se'],
    smtp: starttlsThenTls('mail.bahnhof.se'),
    imap: imapTls('mail.bahnhof.se'),
    username: 'address',
    auth: ['password'],
    notes: ['The username is your full e-mail address.', UNCONFIRMED_NOTE],
    unverified: true,
  },
  {
    id: 'loopia',
    name: 'Loopia',
    domains: [],
    mxSuffixes: ['loopia.se'],
    smtp: starttlsThenTls('mailcluster.loopia.se'),
    imap: imapTls('mailcluster.loopia.se'),
    username: 'address',
    auth: ['password'],
    notes: ['The username is your full e-mail address.', UNCONFIRMED_NOTE],
    unverified: true,
  },
  {
    id: 'binero',
    name: 'Binero',
    domains: [],
    mxSuffixes: ['binero.se'],
    smtp: starttlsThenTls('smtp.binero.se'),
    imap: imapTls('imap.binero.se'),
    username: 'address',
    auth: ['password'],
    notes: ['The username is your full e-mail address.', UNCONFIRMED_NOTE],
    unverified: true,
  },
  {
    id: 'domeneshop',
    name: 'Domeneshop',
    domains: [],
    mxSuffixes: ['domeneshop.no'],
    smtp: starttlsThenTls('smtp.domeneshop.no'),
    imap: imapTls('imap.domeneshop.no'),
    // Domeneshop's mail user names are like "firma1", shown in the control panel, not the address.
    username: 'other',
    auth: ['password'],
    notes: ['The username is the mail account name from the Domeneshop control panel (like firma1), not your address.', UNCONFIRMED_NOTE],
    unverified: true,
  },

  // ---- Polish providers --------------------------------------------------------------------------------------
  {
    id: 'wp',
    name: 'WP Poczta',
    domains: ['wp.pl'],
    mxSuffixes: [],
    smtp: [{ host: 'smtp.wp.pl', port: 465, security: 'tls' }],
    imap: imapTls('imap.wp.pl'),
    username: 'local_part',
    auth: ['password'],
    notes: ['Access from mail programs may need to be switched on in WP Poczta settings.', 'The username is the part of your address before the @.', 'Roughly 300 messages or 500 recipients a day.'],
    // From a weak source, but a conservative cap is better than none.
    limits: { recipientsPerDay: 500 },
  },
  {
    id: 'onet',
    name: 'Onet Poczta',
    domains: ['onet.pl', 'onet.eu', 'op.pl', 'vp.pl', 'poczta.onet.pl', 'autograf.pl', 'buziaczek.pl', 'spoko.pl'],
    mxSuffixes: [],
    smtp: tlsThenStarttls('smtp.poczta.onet.pl'),
    imap: imapTls('imap.poczta.onet.pl'),
    username: 'address',
    auth: ['password'],
    notes: ['The username is your full e-mail address.'],
  },
  {
    id: 'interia',
    name: 'Interia Poczta',
    domains: ['interia.pl', 'interia.eu', 'poczta.fm'],
    mxSuffixes: [],
    smtp: tlsThenStarttls('poczta.interia.pl'),
    imap: imapTls('poczta.interia.pl'),
    username: 'address',
    auth: ['password'],
    notes: ['Access from mail programs probably has to be switched on in Interia Poczta settings.', 'These settings are not confirmed by Interia; check them if sending fails.'],
    unverified: true,
  },
  {
    id: 'o2',
    name: 'o2.pl (Poczta o2)',
    domains: ['o2.pl', 'go2.pl', 'tlen.pl', 'prokonto.pl'],
    mxSuffixes: [],
    smtp: tlsThenStarttls('poczta.o2.pl'),
    imap: imapTls('poczta.o2.pl'),
    username: 'local_part',
    auth: ['password'],
    notes: ['The username is the part of your address before the @.'],
  },
  {
    id: 'homepl',
    name: 'home.pl',
    domains: [],
    mxSuffixes: ['home.pl'],
    // Every account has its own server name, so the host is a template (see isHostTemplate).
    smtp: tlsThenStarttls('serwer{number}.home.pl'),
    imap: imapTls('serwer{number}.home.pl'),
    username: 'address',
    auth: ['password'],
    notes: ['Each account has its own server name (like serwer1234.home.pl); copy it from your home.pl panel.', 'These settings are not confirmed by the provider; check them if sending fails.'],
    unverified: true,
  },
  {
    // nazwa.pl is a company of its own with its own servers (serwerNNNNNN.nazwa.pl), not home.pl's.
    id: 'nazwapl',
    name: 'nazwa.pl',
    domains: [],
    mxSuffixes: ['nazwa.pl'],
    smtp: tlsThenStarttls('serwer{number}.nazwa.pl'),
    imap: imapTls('serwer{number}.nazwa.pl'),
    username: 'address',
    auth: ['password'],
    notes: ['Each account has its own server name (like serwer1234567.nazwa.pl); copy it from your nazwa.pl panel.', 'These settings are not confirmed by the provider; check them if sending fails.'],
    unverified: true,
  },

  // ---- Sending services --------------------------------------------------------------------------------------
  // They send for a verified domain rather than own a mailbox domain, so `domains` and `mxSuffixes` stay empty:
  // they are chosen by hand, never detected from an address.
  {
    id: 'ses',
    name: 'Amazon SES',
    domains: [],
    mxSuffixes: [],
    // The real host is email-smtp.<region>.amazonaws.com. A `{region}` template would make the preset unusable
    // until edited; eu-west-1 (Ireland) is the most likely region for our EU-centred users, and the note tells
    // everyone else to change it. Wrong-region credentials fail with an authentication error, not silently.
    // 2587/2465 exist for networks that block the standard ports.
    smtp: [
      { host: 'email-smtp.eu-west-1.amazonaws.com', port: 587, security: 'starttls' },
      { host: 'email-smtp.eu-west-1.amazonaws.com', port: 465, security: 'tls' },
      { host: 'email-smtp.eu-west-1.amazonaws.com', port: 2587, security: 'starttls' },
      { host: 'email-smtp.eu-west-1.amazonaws.com', port: 2465, security: 'tls' },
      { host: 'email-smtp.eu-west-1.amazonaws.com', port: 25, security: 'starttls' },
    ],
    username: 'other',
    auth: ['smtp_token'],
    notes: [
      'Change eu-west-1 in the server name to your SES region: SES SMTP credentials work only in the region they were created for.',
      'Use the SMTP username and password created in the SES console, not your AWS access keys.',
      'New accounts start in the sandbox: 200 messages a day, 1 per second.',
    ],
    limits: { maxMessageBytes: 40 * MB },
  },
  {
    id: 'sendgrid',
    name: 'SendGrid',
    domains: [],
    mxSuffixes: [],
    smtp: [
      { host: 'smtp.sendgrid.net', port: 587, security: 'starttls' },
      { host: 'smtp.sendgrid.net', port: 465, security: 'tls' },
      { host: 'smtp.sendgrid.net', port: 2525, security: 'starttls' },
      { host: 'smtp.sendgrid.net', port: 25, security: 'starttls' },
    ],
    username: 'other',
    auth: ['api_key'],
    notes: ['The username is literally "apikey"; the password is your SendGrid API key.'],
  },
  {
    id: 'mailgun',
    name: 'Mailgun (US)',
    domains: [],
    mxSuffixes: [],
    smtp: [
      { host: 'smtp.mailgun.org', port: 587, security: 'starttls' },
      { host: 'smtp.mailgun.org', port: 465, security: 'tls' },
      { host: 'smtp.mailgun.org', port: 2525, security: 'starttls' },
      { host: 'smtp.mailgun.org', port: 25, security: 'starttls' },
    ],
    username: 'other',
    auth: ['smtp_token'],
    notes: ['Use the SMTP credentials of your sending domain, not your Mailgun account login.', 'Accounts in the EU region use the Mailgun (EU) preset.'],
  },
  {
    id: 'mailgun_eu',
    name: 'Mailgun (EU)',
    domains: [],
    mxSuffixes: [],
    smtp: [
      { host: 'smtp.eu.mailgun.org', port: 587, security: 'starttls' },
      { host: 'smtp.eu.mailgun.org', port: 465, security: 'tls' },
      { host: 'smtp.eu.mailgun.org', port: 2525, security: 'starttls' },
      { host: 'smtp.eu.mailgun.org', port: 25, security: 'starttls' },
    ],
    username: 'other',
    auth: ['smtp_token'],
    notes: ['Use the SMTP credentials of your sending domain, not your Mailgun account login.'],
  },
  {
    id: 'postmark',
    name: 'Postmark',
    domains: [],
    mxSuffixes: [],
    // Postmark offers no implicit-TLS port.
    smtp: [
      { host: 'smtp.postmarkapp.com', port: 587, security: 'starttls' },
      { host: 'smtp.postmarkapp.com', port: 2525, security: 'starttls' },
      { host: 'smtp.postmarkapp.com', port: 25, security: 'starttls' },
    ],
    username: 'api_key',
    auth: ['api_key'],
    notes: ['Use your Postmark server API token as both username and password.'],
  },
  {
    id: 'brevo',
    name: 'Brevo',
    domains: [],
    mxSuffixes: [],
    smtp: [
      { host: 'smtp-relay.brevo.com', port: 587, security: 'starttls' },
      { host: 'smtp-relay.brevo.com', port: 465, security: 'tls' },
      { host: 'smtp-relay.brevo.com', port: 2525, security: 'starttls' },
    ],
    username: 'other',
    auth: ['smtp_token'],
    notes: ['Use your Brevo SMTP login and an SMTP key, not your account password.'],
  },
  {
    id: 'mailjet',
    name: 'Mailjet',
    domains: [],
    mxSuffixes: [],
    smtp: [
      { host: 'in-v3.mailjet.com', port: 587, security: 'starttls' },
      { host: 'in-v3.mailjet.com', port: 465, security: 'tls' },
      { host: 'in-v3.mailjet.com', port: 2525, security: 'starttls' },
      { host: 'in-v3.mailjet.com', port: 25, security: 'starttls' },
    ],
    username: 'api_key',
    auth: ['api_key'],
    notes: ['The username is your Mailjet API key and the password your secret key.'],
  },
];

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * All built-in presets. Frozen all the way down: copy a preset (`structuredClone`) before changing it, so one
 * sender profile can never alter the defaults of another.
 */
export const PROVIDERS: readonly ProviderPreset[] = deepFreeze(PROVIDER_TABLE);

/** Ports the relay will connect to for SMTP submission. Presets may list others (SES 2465/2587, Proton Bridge 1025). */
export const ALLOWED_SMTP_PORTS: readonly number[] = Object.freeze([25, 465, 587, 2525]);

/** Lower-case, trimmed, without the trailing root dot that DNS answers carry. */
function normaliseHostName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

const providersByDomain = new Map<string, ProviderPreset>();
const providersById = new Map<string, ProviderPreset>();
for (const preset of PROVIDERS) {
  providersById.set(preset.id, preset);
  for (const domain of preset.domains) providersByDomain.set(domain, preset);
}

function matchesSuffix(name: string, suffix: string): boolean {
  return name === suffix || name.endsWith(`.${suffix}`);
}

/**
 * The preset for a mail domain: an exact, case-insensitive match against `domains`, then `domainSuffixes`
 * (e.g. any `*.onmicrosoft.com` tenant). Pass the domain only, not the whole address.
 *
 * @example
 * findProviderByDomain('GMail.com')?.id // 'gmail'
 * findProviderByDomain('contoso.onmicrosoft.com')?.id // 'microsoft365'
 * findProviderByDomain('example.org') // undefined: try findProviderByMx with the domain's MX hosts
 */
export function findProviderByDomain(domain: string): ProviderPreset | undefined {
  const name = normaliseHostName(domain);
  if (name === '') return undefined;
  const exact = providersByDomain.get(name);
  if (exact) return exact;
  return PROVIDERS.find((preset) => preset.domainSuffixes?.some((suffix) => matchesSuffix(name, suffix)));
}

/**
 * The preset identified by a custom domain's MX hosts. Hosts are tried in the order given (sorting by MX
 * preference, lowest first, is the caller's job); the first host matching some `mxSuffixes` entry wins.
 * A host matches a suffix when it equals it or ends with `.` + suffix, case-insensitive, trailing dot ignored.
 *
 * @example
 * findProviderByMx(['firma-se.mail.protection.outlook.com.'])?.id // 'microsoft365'
 * findProviderByMx(['aspmx.l.google.com'])?.id // 'google_workspace'
 */
export function findProviderByMx(mxHosts: string[]): ProviderPreset | undefined {
  for (const rawHost of mxHosts) {
    const host = normaliseHostName(rawHost);
    if (host === '') continue;
    let best: { preset: ProviderPreset; suffixLength: number } | undefined;
    for (const preset of PROVIDERS) {
      for (const suffix of preset.mxSuffixes) {
        // Longest suffix wins, so a more specific entry can never be shadowed by a broader one.
        if (matchesSuffix(host, suffix) && (!best || suffix.length > best.suffixLength)) {
          best = { preset, suffixLength: suffix.length };
        }
      }
    }
    if (best) return best.preset;
  }
  return undefined;
}

/**
 * The preset with this id, e.g. one stored in a sender profile.
 *
 * @example
 * findProviderById('fastmail')?.smtp[0] // { host: 'smtp.fastmail.com', port: 465, security: 'tls' }
 */
export function findProviderById(id: string): ProviderPreset | undefined {
  return providersById.get(id);
}

/**
 * The conventional submission port for a security mode: 465 for implicit TLS, 587 for STARTTLS, 25 for none.
 *
 * @example
 * defaultPort('starttls') // 587
 */
export function defaultPort(security: SmtpSecurity): number {
  switch (security) {
    case 'tls':
      return 465;
    case 'starttls':
      return 587;
    case 'none':
      return 25;
  }
}

/**
 * Whether a preset host still contains a `{...}` placeholder (e.g. `serwer{number}.home.pl`) that the user
 * must replace before we can connect.
 *
 * @example
 * isHostTemplate('serwer{number}.home.pl') // true
 * isHostTemplate('smtp.gmail.com') // false
 */
export function isHostTemplate(host: string): boolean {
  return /\{[^}]*\}/.test(host);
}

/** How a preset is found: by the address's domain (a mailbox provider), by its MX (a host for your own domain), or only by name (a sending service). */
export type ProviderGroup = 'mailbox' | 'hosting' | 'service';

export function providerGroupOf(preset: ProviderPreset): ProviderGroup {
  if (preset.domains.length > 0 || (preset.domainSuffixes?.length ?? 0) > 0) return 'mailbox';
  return preset.mxSuffixes.length > 0 ? 'hosting' : 'service';
}

/**
 * Every preset, grouped and sorted by name, for the wizard's "choose your provider" list (as Uniconta and
 * Planfix offer): the sending services can be reached no other way, and a hosting customer whose MX is
 * elsewhere (a spam filter in front) still finds their host.
 */
export const PROVIDER_GROUPS: readonly { group: ProviderGroup; presets: readonly ProviderPreset[] }[] = Object.freeze(
  (['mailbox', 'hosting', 'service'] as const).map((group) => ({
    group,
    presets: PROVIDERS.filter((preset) => providerGroupOf(preset) === group).sort((a, b) => a.name.localeCompare(b.name, 'en')),
  })),
);
