/**
 * The problem catalogue in English: a title, explanation and fix for every problem of the table
 * (relay/diagnosis/problems.ts). The writing rules are in catalogue.ts.
 */
import type { ProblemCode } from '../problems';
import type { ProblemText } from './problem-text';

export const en: Readonly<Record<ProblemCode, ProblemText>> = {
  // ---------------------------------------------------------------- Gmail / Google Workspace
  gmail_bad_credentials: {
    title: 'Google did not accept the username or password',
    explanation: 'Gmail refused the sign-in. Either the password is wrong, or it is your normal Google account password, which Gmail no longer accepts from other programs.',
    fix: 'Use your full Gmail address as the username and an app password instead of your normal password: create one at myaccount.google.com → Security → App passwords (needs 2-Step Verification) and paste the 16-letter code here. Or connect with Google sign-in (OAuth2).',
  },
  gmail_app_password_required: {
    title: 'Gmail needs an app password',
    explanation: 'This Google account uses 2-Step Verification, so Gmail does not accept the normal account password from other programs.',
    fix: 'Create an app password at myaccount.google.com → Security → App passwords and enter it here instead of your normal password. Or connect with Google sign-in (OAuth2).',
  },
  gmail_web_login_required: {
    title: 'Google blocked the sign-in',
    explanation: 'Google stopped this sign-in as unusual and wants you to confirm in a web browser that it was you.',
    fix: 'Sign in to Gmail in your web browser with this account and confirm any security alert at myaccount.google.com → Security, then try again. If it keeps happening, use an app password or connect with Google sign-in (OAuth2).',
  },

  // ---------------------------------------------------------------- Encryption policy of the server
  starttls_required_by_server: {
    title: 'The server requires an encrypted connection',
    explanation: 'The mail server will not continue on an unencrypted connection, and this sender profile is set to send without encryption.',
    fix: 'Change the security setting to STARTTLS with port 587, or to TLS with port 465.',
  },

  // ---------------------------------------------------------------- Microsoft 365 / Outlook.com sign-in
  ms_smtp_auth_disabled_tenant: {
    title: 'Password sign-in for sending is turned off for your organization',
    explanation: 'Microsoft 365 refused the sign-in because SMTP AUTH (sending with a username and password) is disabled for your whole organization.',
    fix: 'Ask your Microsoft 365 administrator to enable it in Exchange Online PowerShell with Set-TransportConfig -SmtpClientAuthenticationDisabled $false, or only for this mailbox with Set-CASMailbox <mailbox> -SmtpClientAuthenticationDisabled $false. The change can take up to an hour. Better still, connect with Microsoft sign-in (OAuth2), which keeps working after Microsoft retires password sign-in.',
  },
  ms_smtp_auth_disabled_mailbox: {
    title: 'Password sign-in for sending is turned off for this mailbox',
    explanation: 'Microsoft 365 refused the sign-in because SMTP AUTH (sending with a username and password) is disabled for this mailbox.',
    fix: 'Ask your Microsoft 365 administrator to turn on Authenticated SMTP for this mailbox: Microsoft 365 admin center → Users → Active users → the user → Mail → Manage email apps → Authenticated SMTP, or in PowerShell Set-CASMailbox <mailbox> -SmtpClientAuthenticationDisabled $false. The change can take up to an hour. Better still, connect with Microsoft sign-in (OAuth2).',
  },
  ms_security_defaults: {
    title: 'Microsoft security defaults block password sign-in',
    explanation: "Your organization uses Microsoft's security defaults, which stop mail programs from signing in with just a username and password.",
    fix: 'Connect with Microsoft sign-in (OAuth2) instead of a password. To keep using a password, your administrator would have to replace security defaults with Conditional Access policies in Microsoft Entra ID and enable SMTP AUTH for the mailbox.',
  },
  ms_conditional_access: {
    title: 'A Microsoft sign-in policy blocked this sign-in',
    explanation: 'A Conditional Access policy in your organization, for example one that requires multi-factor authentication or a trusted location, did not allow this sign-in.',
    fix: 'Connect with Microsoft sign-in (OAuth2), or ask your administrator to look up this sign-in in the Microsoft Entra ID sign-in logs and allow it.',
  },
  ms_bad_credentials: {
    title: 'Microsoft 365 did not accept the username or password',
    explanation: 'Microsoft 365 refused the sign-in. Usually the password is wrong, or the account uses multi-factor authentication, which does not work with a plain password.',
    fix: 'Check that the username is the full e-mail address and enter the password again. If the account uses multi-factor authentication, or the password is right, connect with Microsoft sign-in (OAuth2) instead, or ask your administrator whether Authenticated SMTP is enabled for this mailbox.',
  },
  ms_account_locked: {
    title: 'The Microsoft account is locked',
    explanation: 'Microsoft has locked this account, usually after too many failed sign-ins. Every further failed attempt can keep it locked longer, so Ownpost will not retry on its own.',
    fix: 'Wait until the lock expires or ask your administrator to unlock the account, then check the password in the sender settings before sending again.',
  },
  ms_basic_auth_disabled: {
    title: 'Microsoft no longer accepts password sign-in for this account',
    explanation: 'Basic authentication (signing in with a username and password) is turned off for this account.',
    fix: 'Connect with Microsoft sign-in (OAuth2) in the sender settings. Your administrator may be able to turn SMTP AUTH back on for now, but Microsoft is retiring it.',
  },
  ms_basic_auth_not_supported: {
    title: 'Microsoft has removed password sign-in for sending',
    explanation: 'The server answered that basic authentication (username and password) is not supported for sending mail from this account.',
    fix: 'Connect with Microsoft sign-in (OAuth2) in the sender settings. A password will not work for this account any more.',
  },
  ms_oauth_token_rejected: {
    title: 'Microsoft rejected the sign-in token',
    explanation: 'Microsoft 365 refused the OAuth2 sign-in token. Usually the app registration lacks a permission, or Exchange Online does not know the app yet.',
    fix: 'For app-only sending, give the app registration the API permission Office 365 Exchange Online → Application permissions → SMTP.SendAsApp with admin consent, register the app in Exchange Online PowerShell with New-ServicePrincipal -AppId <client ID> -ObjectId <object ID> (the Object ID under Enterprise applications, not the one under App registrations), and give it access to the mailbox with Add-MailboxPermission -AccessRights FullAccess. Request the token for the scope https://outlook.office365.com/.default. For a personal Microsoft sign-in, connect the account again.',
  },

  // ---------------------------------------------------------------- Sign-in in general
  auth_mechanism_not_offered: {
    title: 'The server does not offer this sign-in method',
    explanation: 'The server did not accept the requested way of signing in. This often happens when the connection is not encrypted yet, or when sign-in for sending is turned off on the server.',
    fix: 'Use STARTTLS with port 587 or TLS with port 465. For Microsoft 365, connect with Microsoft sign-in (OAuth2) or ask your administrator to enable Authenticated SMTP for the mailbox.',
  },
  not_authenticated: {
    title: 'The server requires you to sign in',
    explanation: 'The server refused to send because this connection is not signed in.',
    fix: "Enter the mailbox's username and password, or connect with OAuth2, in the sender settings. Sending without signing in only works with servers that trust your network.",
  },
  send_as_denied: {
    title: 'This mailbox may not send from this address',
    explanation: 'The From address is not the mailbox you signed in with, and the mailbox has no permission to send as that address.',
    fix: "Use the signed-in mailbox's own address as the From address, or ask your administrator to grant the Send As permission (Microsoft 365: Exchange admin center → Recipients → Mailboxes → the From address → Delegation → Send as, add the signed-in user) or to add the address as an alias of the mailbox.",
  },

  // ---------------------------------------------------------------- Limits
  ms_concurrent_connections: {
    title: 'Too many connections to the same mailbox',
    explanation: 'Microsoft 365 allows at most 3 connections to one mailbox at the same time, and this was a fourth.',
    fix: 'Nothing to change: Ownpost tries again shortly. If it happens often, check what else sends from this mailbox at the same time (scanners, other programs) and reduce parallel sending.',
  },
  rate_limited: {
    title: 'The mail server asks to slow down',
    explanation: 'The server refused for now because too many messages or sign-in attempts arrived in a short time.',
    fix: 'Nothing to change: Ownpost waits and sends again automatically. If it keeps happening, send fewer messages per minute.',
  },
  daily_quota_exceeded: {
    title: 'The mailbox has reached its daily sending limit',
    explanation: 'The provider does not let this mailbox send more messages today. The limit resets within 24 hours.',
    fix: 'Ownpost tries again later. If you regularly send this many messages, ask your provider for a higher limit or use a business plan or a sending service.',
  },

  // ---------------------------------------------------------------- Message and domain
  tls_version_too_old: {
    title: 'The connection uses an outdated TLS version',
    explanation: 'The encrypted connection was attempted with TLS 1.0 or 1.1, which one side refuses. TLS 1.2 or newer is required.',
    fix: 'If the mail server is your own, update it to support TLS 1.2 or newer. If antivirus software, a firewall or a proxy inspects mail traffic on this network, turn that inspection off for the mail server.',
  },
  dmarc_unauthenticated_sender: {
    title: "The sender's domain is not authorized for this mail server",
    explanation: 'The receiving server checked the domain of the From address and found that this mail server is not allowed to send for it (the SPF, DKIM and DMARC checks failed).',
    fix: "Send from an address of the mailbox you signed in with, or ask whoever manages the domain's DNS to add this provider to the SPF record (for example include:spf.protection.outlook.com or include:_spf.google.com) and to turn on DKIM signing at the provider.",
  },
  message_too_large: {
    title: 'The message is too large',
    explanation: 'The server refused the message because of its size. Attachments grow by about a third when they are sent by email.',
    fix: 'Make the attachments smaller or send them in several messages. Common limits: Gmail 25 MB, Microsoft 365 35 MB, iCloud 20 MB, and many servers 10 MB, which fits about 7 MB of attachments.',
  },

  // ---------------------------------------------------------------- Encryption (TLS) and certificates
  tls_wrong_version_number: {
    title: 'The encryption setting does not match the port',
    explanation: 'Ownpost started an encrypted (TLS) connection right away, but the server on this port expects an unencrypted start that is then upgraded with STARTTLS.',
    fix: 'Use STARTTLS with port 587 (or 25), or keep TLS and change the port to 465.',
  },
  greeting_timeout: {
    title: 'The server did not answer',
    explanation:
      'The connection opened, but the server never sent its greeting. This usually means the port expects encryption from the first byte (TLS, port 465) while the profile uses STARTTLS or no encryption.',
    fix: 'Use TLS with port 465, or STARTTLS with port 587.',
  },
  starttls_not_offered: {
    title: 'The server does not offer encryption (STARTTLS)',
    explanation:
      'The profile requires STARTTLS, but the server on this port did not agree to encrypt the connection. With STARTTLS required, Ownpost does not continue without encryption, so nothing was sent.',
    fix: 'Check the server name and port: most providers use STARTTLS on port 587 or TLS on port 465. If this is an internal server without encryption, ask IT to enable TLS on it.',
  },
  starttls_injection: {
    title: 'The encrypted connection could not be set up safely',
    explanation:
      'Right after agreeing to encrypt the connection (STARTTLS), the server, or something between Ownpost and the server, sent extra data. Attacks on STARTTLS work this way, so Ownpost stopped before signing in.',
    fix: 'Try again from another network. If it keeps happening, a firewall or antivirus program is probably inspecting mail traffic: switch off its mail scanning for this server, or use TLS on port 465 instead of STARTTLS.',
  },
  cert_expired: {
    title: "The server's security certificate has expired",
    explanation: "The mail server's certificate is out of date, so Ownpost cannot confirm that it is talking to the real server.",
    fix: "Check that the server name is the one your provider publishes. If it is, tell your provider or IT that the mail server's certificate must be renewed.",
  },
  cert_self_signed: {
    title: 'The server uses a self-signed certificate',
    explanation: "The mail server's certificate was not issued by a trusted authority, so Ownpost cannot confirm that the server is genuine.",
    fix: "Use the server name your provider publishes. For an internal company server, IT should install a certificate from a trusted authority, or start the Ownpost relay with NODE_EXTRA_CA_CERTS pointing to the server's certificate.",
  },
  cert_self_signed_in_chain: {
    title: 'Something is intercepting the encrypted connection',
    explanation: 'The certificate chain ends in a self-signed certificate that is not trusted. This is usually antivirus software, a firewall or a company proxy that inspects encrypted traffic.',
    fix: 'Turn off email scanning (often called SSL scanning or mail shield) in your antivirus or firewall, or ask IT to exclude the mail server from inspection. If your company uses its own certificate authority on purpose, start the Ownpost relay with NODE_EXTRA_CA_CERTS pointing to that CA certificate.',
  },
  cert_unknown_issuer: {
    title: "The server's certificate cannot be verified",
    explanation: 'The certificate was issued by an unknown authority, or the server does not send its complete certificate chain (an intermediate certificate is missing).',
    fix: 'Ask your provider or IT to install the complete certificate chain on the mail server. If your company uses its own certificate authority, start the Ownpost relay with NODE_EXTRA_CA_CERTS pointing to that CA certificate.',
  },
  cert_name_mismatch: {
    title: 'The certificate is for a different server name',
    explanation: "The server's certificate does not match the server name entered, for example because an alias such as mail.yourdomain.com points to the provider's server.",
    fix: "Enter the provider's own server name instead of the alias, for example smtp.office365.com, smtp.gmail.com or the name shown in your hosting control panel.",
  },

  // ---------------------------------------------------------------- Network
  connection_refused: {
    title: 'The server refused the connection',
    explanation: 'Nothing accepts connections on this port at this address. The server name or port is probably wrong, or the server is down.',
    fix: 'Check the server name and port. The usual ports are 587 (STARTTLS) and 465 (TLS).',
  },
  connection_timeout: {
    title: 'Could not reach the mail server',
    explanation: 'The server did not answer on this port. Firewalls, internet providers and cloud hosts often block outgoing mail ports, especially port 25.',
    fix: 'Try port 587 (STARTTLS) or 465 (TLS), or 2525 if your provider offers it, and check that the network of the computer running the Ownpost relay allows outgoing connections to the mail server.',
  },
  host_not_found: {
    title: 'Server name not found',
    explanation: 'This server name does not exist, so there is nothing to connect to. Usually it is a typo.',
    fix: 'Check the spelling of the server name, for example smtp.office365.com or smtp.gmail.com, without http:// or a slash at the end.',
  },
  dns_temporary: {
    title: 'Temporary problem looking up the server name',
    explanation: "The server name could not be looked up right now because of a DNS or network problem on the Ownpost relay's side.",
    fix: 'Ownpost tries again automatically. If it persists, check the internet connection and DNS settings of the computer running the relay.',
  },
  connection_dropped: {
    title: 'The connection was interrupted',
    explanation: 'The connection to the mail server was cut off before sending finished.',
    fix: 'Ownpost tries again automatically. If it happens every time, a firewall or antivirus program may be interrupting mail traffic, or the encryption setting may not match the port (465 = TLS, 587 = STARTTLS).',
  },
  not_smtp_service: {
    title: 'This is not an outgoing mail server',
    explanation: 'A server answered on this port, but not like a server for sending mail (SMTP). It may be a server for receiving mail (IMAP or POP3) or a website.',
    fix: 'Enter the outgoing (SMTP) server and port, usually port 587 with STARTTLS or 465 with TLS. Ports 993, 143, 995 and 110 are for receiving mail.',
  },

  // ---------------------------------------------------------------- Generic server answers
  auth_failed: {
    title: 'Sign-in failed',
    explanation: 'The mail server did not accept the username or password.',
    fix: "Check the username (usually the full e-mail address) and the password. Many providers require an app password instead of your normal password; you can create one in your e-mail account's security settings.",
  },
  recipient_rejected: {
    title: 'A recipient address was rejected',
    explanation: 'The server refused to deliver to this recipient address. It may be misspelled or may no longer exist.',
    fix: "Check the recipient's e-mail address for typos and confirm it with the customer.",
  },
  recipients_partly_refused: {
    title: 'Not every recipient got the message',
    explanation:
      "The mail server delivered the message to the other recipients but refused one or more addresses; they are listed with the server's reply. Ownpost does not send it again, so that the others do not get it twice.",
    fix: 'Check the refused addresses (a typo, a mailbox that no longer exists or is full) and send the document again to those recipients only.',
  },
  sender_rejected: {
    title: 'The sender address was rejected',
    explanation: 'The server refused the From address of this message.',
    fix: 'Use the address of the mailbox you signed in with, or an alias your provider has verified for that mailbox.',
  },
  server_temporary: {
    title: 'Temporary problem at the mail server',
    explanation: 'The mail server could not accept the message right now.',
    fix: "Ownpost tries again automatically. If it keeps failing, give the server's reply to your e-mail provider or IT.",
  },
  server_permanent: {
    title: 'The mail server refused the message',
    explanation: 'The mail server refused the message and will not accept it if it is sent again unchanged.',
    fix: "The server's reply states the reason. If it is unclear, give the reply to your e-mail provider or IT.",
  },
  unknown: {
    title: 'Sending failed for an unknown reason',
    explanation: 'Something went wrong that Ownpost does not recognize.',
    fix: 'Run the connection test in the sender settings to see which step fails, and give the technical details to your IT contact.',
  },

  // ---------------------------------------------------------------- OAuth2 token endpoint (Microsoft Entra ID, Google)
  oauth_invalid_client_secret: {
    title: "The app's client secret is wrong or has expired",
    explanation: "Microsoft rejected the client secret of the app registration (AADSTS7000215). Often the Secret ID was copied instead of the secret's Value, or the secret has expired.",
    fix: 'In Microsoft Entra admin center → App registrations → your app → Certificates & secrets, create a new client secret and copy its Value (shown only once; not the Secret ID) into the sender settings.',
  },
  oauth_resource_not_found: {
    title: 'Microsoft cannot find the requested service',
    explanation: 'The token request named a service that does not exist in your Microsoft 365 organization (AADSTS500011). Usually the scope is wrong, or the organization has no Exchange Online.',
    fix: 'Use the scope https://outlook.office365.com/.default for app-only sending (https://outlook.office.com/SMTP.Send for a personal sign-in), and check that the tenant ID belongs to the organization that owns the mailbox.',
  },
  oauth_consent_missing: {
    title: 'An administrator has not approved the app',
    explanation: 'The app registration lacks the permission it needs, or an administrator has not granted consent for it (AADSTS65001).',
    fix: 'In Microsoft Entra admin center → App registrations → your app → API permissions, add Office 365 Exchange Online → Application permissions → SMTP.SendAsApp (for a personal sign-in: Microsoft Graph → SMTP.Send) and click Grant admin consent.',
  },
  oauth_invalid_client_id: {
    title: 'The tenant ID or client ID is wrong',
    explanation: 'Microsoft could not find this app or organization (for example AADSTS700016 or AADSTS90002). The IDs may be mistyped or belong to another organization.',
    fix: 'Copy the Directory (tenant) ID and the Application (client) ID from Microsoft Entra admin center → App registrations → your app → Overview into the sender settings.',
  },
  oauth_invalid_grant: {
    title: 'The saved sign-in has expired',
    explanation: 'The Microsoft or Google sign-in saved for this sender is no longer valid: it expired, the password was changed, or access was revoked.',
    fix: 'Open the sender settings and connect the account again.',
  },
  oauth_sign_in_required: {
    title: 'Nobody has signed in for this sender yet',
    explanation: 'This sender signs in with Microsoft or Google (OAuth2). Until the mailbox owner signs in once, the relay has no token to send with.',
    fix: 'Open the sender in the Ownpost options page and choose Sign in. The test runs again once you are signed in.',
  },
  oauth_token_failed: {
    title: 'Could not get a sign-in token',
    explanation: 'The sign-in service (Microsoft or Google) refused to issue a token for this sender.',
    fix: "Check the OAuth2 settings (tenant ID, client ID, client secret) and connect again. The technical details contain the provider's exact reason.",
  },
  // ---------------------------------------------------------------- The relay's own refusals (issue 14)
  destination_not_allowed: {
    title: 'The relay does not connect to this server',
    explanation:
      "The server name points to a private network (this computer, the office network or a cloud metadata address), or the port is not a mail port. The relay refuses such connections on a user's behalf, so nothing was sent there.",
    fix: "Use your mail provider's public server name and port 587 (STARTTLS) or 465 (TLS). If the mail server really is internal, an admin can allow it by starting the relay with OWNPOST_ALLOW_PRIVATE_HOSTS=1 (other ports: OWNPOST_ALLOWED_PORTS).",
  },
  sender_deleted: {
    title: 'The sender was deleted before the message went out',
    explanation:
      'This message was still waiting in the outbox when its sender was deleted (by you, by an admin, or together with the person who owned it), so there was nothing left to send it with. Nothing was sent.',
    fix: 'Send the document again with another sender. Delete a sender only once its messages are sent, and this does not happen again.',
  },
  // ---------------------------------------------------------------- The Sent-folder copy over IMAP (issue 21)
  sent_folder_missing: {
    title: 'The Sent folder was not found',
    explanation: 'The relay signed in to the mailbox over IMAP, but the folder for the copies of sent messages does not exist there.',
    fix: "Leave the folder empty to use the folder the server marks as Sent, or type the folder's exact name as your mail program shows it (for example Sent, Sent Items or INBOX.Sent).",
  },
};
