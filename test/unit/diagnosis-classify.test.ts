import net, { type AddressInfo, type Socket } from 'node:net';
import tls from 'node:tls';
import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { CATALOGUE, LANGUAGES, getProblem, problemRetryPolicy, resolveLanguage, type ProblemCode } from '../../relay/diagnosis/catalogue.ts';
import { classifySmtpFailure, stageOfCommand, type Classified, type FailureInput, type SmtpStage } from '../../relay/diagnosis/classify.ts';
import { OAuthError } from '../../relay/oauth/oauth-error.ts';
import { certs } from '../helpers/certs.ts';

// ------------------------------------------------------------------------------------------------
// Error shapes

/** An error as nodemailer's SMTPConnection#_formatError builds it: the reply is appended to the message. */
function nodemailerError(code: string, command: string, message: string, response?: string): Error & FailureInput {
  const err = new Error(response ? `${message}: ${response}` : message) as Error & FailureInput;
  err.code = code;
  err.command = command;
  if (response) {
    err.response = response;
    const responseCode = Number(/^\d+/.exec(response)?.[0]);
    if (responseCode) err.responseCode = responseCode;
  }
  return err;
}

/** A Node system error (net, dns, tls). */
function systemError(code: string, message: string, extra: Partial<FailureInput> & { hostname?: string } = {}) {
  return Object.assign(new Error(message), { code, ...extra });
}

/** What nodemailer makes of a Node error: its own code in `code`, Node's kept in `originalCode`. */
function wrappedByNodemailer(nodemailerCode: string, command: string, err: Error & { code?: string }) {
  return Object.assign(err, { originalCode: err.code, code: nodemailerCode, command });
}

const authFailure = (reply: string, command = 'AUTH LOGIN') => nodemailerError('EAUTH', command, 'Invalid login', reply);
const mailFromFailure = (reply: string) => nodemailerError('EENVELOPE', 'MAIL FROM', 'Mail command failed', reply);
const dataFailure = (reply: string) => nodemailerError('EMESSAGE', 'DATA', 'Message failed', reply);

// ------------------------------------------------------------------------------------------------
// One case per problem the classifier produces (reply strings as the providers send them)

interface Case {
  name: string;
  input: unknown;
  hint?: SmtpStage;
  code: ProblemCode;
  stage: SmtpStage;
  kind: Classified['kind'];
}

const GMAIL_BAD_CREDENTIALS =
  '535-5.7.8 Username and Password not accepted. For more information, go to\n' + '535 5.7.8  https://support.google.com/mail/?p=BadCredentials a640c23a62f3a-a9a1b2c3d4e5f.70 - gsmtp';

const CASES: Case[] = [
  // Gmail
  { name: 'Gmail 535 5.7.8 BadCredentials', input: authFailure(GMAIL_BAD_CREDENTIALS, 'AUTH PLAIN'), code: 'gmail_bad_credentials', stage: 'auth', kind: 'permanent' },
  {
    name: 'Gmail 534 5.7.9 InvalidSecondFactor',
    input: authFailure(
      '534-5.7.9 Application-specific password required. For more information, go to\n' + '534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor 5b1f17b1804b1-43161e8f5a1sm1 - gsmtp',
      'AUTH PLAIN',
    ),
    code: 'gmail_app_password_required',
    stage: 'auth',
    kind: 'permanent',
  },
  {
    name: 'Gmail 534 5.7.14 log in via your web browser',
    input: authFailure(
      '534-5.7.14 <https://accounts.google.com/signin/continue?sarp=1&scc=1&plt=AKgnsbt> Please log in via your web browser and\n' +
        '534-5.7.14 then try again.\n' +
        '534-5.7.14  Learn more at\n' +
        '534 5.7.14  https://support.google.com/mail/answer/78754 ffacd0b85a97d-37d2b0c0f3fsm2 - gsmtp',
    ),
    code: 'gmail_web_login_required',
    stage: 'auth',
    kind: 'permanent',
  },
  {
    name: 'Gmail 530 5.7.0 Must issue a STARTTLS command first',
    input: mailFromFailure('530 5.7.0 Must issue a STARTTLS command first. 2adb3069b0e04-539a1b2c3d4sm1 - gsmtp'),
    code: 'starttls_required_by_server',
    stage: 'sender',
    kind: 'permanent',
  },
  {
    name: 'Gmail 454 4.7.0 Too many login attempts',
    input: authFailure('454 4.7.0 Too many login attempts, please try again later. a640c23a62f3a-a9a1b2c3d4sm1 - gsmtp'),
    code: 'rate_limited',
    stage: 'auth',
    kind: 'temporary',
  },
  {
    name: 'Gmail 550 5.4.5 Daily user sending limit exceeded',
    input: mailFromFailure(
      '550-5.4.5 Daily user sending limit exceeded. For more information on Gmail\n' + '550-5.4.5 sending limits go to\n' + '550 5.4.5  https://support.google.com/a/answer/166852 - gsmtp',
    ),
    code: 'daily_quota_exceeded',
    stage: 'sender',
    kind: 'permanent',
  },
  {
    name: 'Gmail 550-5.7.26 sender is unauthenticated (SPF or DKIM)',
    input: dataFailure(
      '550-5.7.26 This mail has been blocked because the sender is unauthenticated. Gmail requires all senders to\n' +
        '550-5.7.26 authenticate with either SPF or DKIM.\n' +
        '550 5.7.26  https://support.google.com/mail/answer/81126#authentication - gsmtp',
    ),
    code: 'dmarc_unauthenticated_sender',
    stage: 'data',
    kind: 'permanent',
  },
  {
    name: "Gmail 550 5.7.26 domain's DMARC policy",
    input: dataFailure("550 5.7.26 Unauthenticated email from firma.se is not accepted due to domain's DMARC policy. - gsmtp"),
    code: 'dmarc_unauthenticated_sender',
    stage: 'data',
    kind: 'permanent',
  },
  {
    name: 'Gmail 421 4.7.0 Try again later, closing connection',
    input: nodemailerError('ECONNECTION', 'EHLO', 'Server terminates connection. response=421 4.7.0 Try again later, closing connection.', '421 4.7.0 Try again later, closing connection.'),
    code: 'rate_limited',
    stage: 'ehlo',
    kind: 'temporary',
  },
  {
    name: 'Gmail 421 4.7.28 rate limited',
    input: dataFailure(
      '421-4.7.28 Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our\n' +
        '421 4.7.28 users from spam, mail sent from your IP address has been temporarily rate limited. - gsmtp',
    ),
    code: 'rate_limited',
    stage: 'data',
    kind: 'temporary',
  },

  // Microsoft 365 / Outlook.com
  {
    name: '535 5.7.139 SmtpClientAuthentication disabled for the Tenant',
    input: authFailure(
      '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [AM0PR02CA0001.eurprd02.prod.outlook.com]',
    ),
    code: 'ms_smtp_auth_disabled_tenant',
    stage: 'auth',
    kind: 'permanent',
  },
  {
    name: '535 5.7.139 SmtpClientAuthentication disabled for the Mailbox',
    input: authFailure(
      '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information. [DB8PR04CA0012.eurprd04.prod.outlook.com]',
    ),
    code: 'ms_smtp_auth_disabled_mailbox',
    stage: 'auth',
    kind: 'permanent',
  },
  {
    name: '535 5.7.139 security defaults',
    input: authFailure("535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator. [LO4P123CA0001.GBRP123.PROD.OUTLOOK.COM]"),
    code: 'ms_security_defaults',
    stage: 'auth',
    kind: 'permanent',
  },
  {
    name: '535 5.7.139 did not meet the criteria (Conditional Access)',
    input: authFailure(
      '535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator. [AS9PR06CA0001.eurprd06.prod.outlook.com]',
    ),
    code: 'ms_conditional_access',
    stage: 'auth',
    kind: 'permanent',
  },
  {
    name: '535 5.7.139 the user credentials were incorrect',
    input: authFailure('535 5.7.139 Authentication unsuccessful, the user credentials were incorrect. [VI1PR0102CA0001.eurprd01.prod.exchangelabs.com]'),
    code: 'ms_bad_credentials',
    stage: 'auth',
    kind: 'permanent',
  },
  {
    name: '535 5.7.139 account locked',
    input: authFailure('535 5.7.139 Authentication unsuccessful, account locked. [PR3P191CA0001.EURP191.PROD.OUTLOOK.COM]'),
    code: 'ms_account_locked',
    stage: 'auth',
    kind: 'permanent',
  },
  {
    name: '535 5.7.139 basic authentication is disabled',
    input: authFailure('535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [FR0P281CA0001.DEUP281.PROD.OUTLOOK.COM]'),
    code: 'ms_basic_auth_disabled',
    stage: 'auth',
    kind: 'permanent',
  },
  {
    name: '550 5.7.30 Basic authentication is not supported for Client Submission',
    input: authFailure('550 5.7.30 Basic authentication is not supported for Client Submission. [BN9PR03CA0001.namprd03.prod.outlook.com]'),
    code: 'ms_basic_auth_not_supported',
    stage: 'auth',
    kind: 'permanent',
  },
  {
    name: '535 5.7.3 after XOAUTH2 (token rejected)',
    input: authFailure('535 5.7.3 Authentication unsuccessful [SN4PR0501CA0001.namprd05.prod.outlook.com]', 'AUTH XOAUTH2'),
    code: 'ms_oauth_token_rejected',
    stage: 'auth',
    kind: 'permanent',
  },
  {
    name: '535 5.7.3 after a password',
    input: authFailure('535 5.7.3 Authentication unsuccessful [SN4PR0501CA0001.namprd05.prod.outlook.com]', 'AUTH LOGIN'),
    code: 'ms_bad_credentials',
    stage: 'auth',
    kind: 'permanent',
  },
  {
    name: '504 5.7.4 Unrecognized authentication type',
    input: authFailure('504 5.7.4 Unrecognized authentication type [AM6P194CA0001.EURP194.PROD.OUTLOOK.COM]'),
    code: 'auth_mechanism_not_offered',
    stage: 'auth',
    kind: 'permanent',
  },
  {
    name: '530 5.7.57 Client not authenticated to send mail',
    input: mailFromFailure('530 5.7.57 Client not authenticated to send mail. [DU2PR04CA0001.eurprd04.prod.outlook.com]'),
    code: 'not_authenticated',
    stage: 'sender',
    kind: 'permanent',
  },
  {
    name: '550 5.7.60 no permission to send as this sender (after DATA)',
    input: dataFailure('550 5.7.60 SMTP; Client does not have permissions to send as this sender [AM0PR02MB1234.eurprd02.prod.outlook.com]'),
    code: 'send_as_denied',
    stage: 'data',
    kind: 'permanent',
  },
  {
    name: '554 5.2.252 SendAsDenied',
    input: dataFailure('554 5.2.252 SendAsDenied; anna@firma.se not allowed to send as ekonomi@firma.se; STOREDRV.Submit; low level error while sending'),
    code: 'send_as_denied',
    stage: 'data',
    kind: 'permanent',
  },
  {
    name: '432 4.3.2 sender thread limit exceeded',
    input: mailFromFailure('432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded [Hostname=AM0PR02MB1234.eurprd02.prod.outlook.com]'),
    code: 'ms_concurrent_connections',
    stage: 'sender',
    kind: 'temporary',
  },
  {
    name: '421 4.4.2 message submission rate exceeded',
    input: mailFromFailure('421 4.4.2 Message submission rate for this client has exceeded the configured limit'),
    code: 'rate_limited',
    stage: 'sender',
    kind: 'temporary',
  },
  {
    name: '554 5.2.0 SubmissionQuotaExceededException',
    input: dataFailure('554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException; Failed to process message due to a permanent exception with message Cannot submit message.'),
    code: 'daily_quota_exceeded',
    stage: 'data',
    kind: 'permanent',
  },
  {
    name: '421 4.7.66 TLS 1.0 and 1.1 are not supported',
    input: nodemailerError(
      'ECONNECTION',
      'EHLO',
      'Server terminates connection. response=421 4.7.66 TLS 1.0 and 1.1 are not supported.',
      '421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls.',
    ),
    code: 'tls_version_too_old',
    stage: 'ehlo',
    kind: 'temporary',
  },
  {
    name: '550 5.7.515 required authentication level (Outlook.com)',
    input: dataFailure(
      "550 5.7.515 Access denied, sending domain firma.se does not meet the required authentication level. The sender's domain in the 5322.From address doesn't meet the authentication requirements defined for the sender.",
    ),
    code: 'dmarc_unauthenticated_sender',
    stage: 'data',
    kind: 'permanent',
  },

  // Other providers
  {
    name: 'iCloud 550 5.7.1 daily sending limit',
    input: mailFromFailure('550 5.7.1 <anna@icloud.com>: Mail from this account is rejected. You have exceeded your daily sending limit.'),
    code: 'daily_quota_exceeded',
    stage: 'sender',
    kind: 'permanent',
  },
  {
    name: 'Yahoo 421 4.7.0 [TSS04] at the greeting',
    input: nodemailerError(
      'EPROTOCOL',
      'CONN',
      'Invalid greeting. response=421 4.7.0 [TSS04] Messages from 203.0.113.5 temporarily deferred',
      '421 4.7.0 [TSS04] Messages from 203.0.113.5 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes',
    ),
    code: 'rate_limited',
    stage: 'connect',
    kind: 'temporary',
  },
  {
    name: '552 5.3.4 Error: message file too big',
    input: dataFailure('552 5.3.4 Error: message file too big'),
    code: 'message_too_large',
    stage: 'data',
    kind: 'permanent',
  },
  {
    name: "nodemailer's own check against the server's SIZE",
    input: nodemailerError('EMESSAGE', 'MAIL FROM', 'Message size larger than allowed 10485760'),
    code: 'message_too_large',
    stage: 'sender',
    kind: 'permanent',
  },
  {
    name: 'Postfix 553 5.7.1 sender not owned by user',
    input: mailFromFailure('553 5.7.1 <ceo@firma.se>: Sender address rejected: not owned by user anna@firma.se'),
    code: 'send_as_denied',
    stage: 'sender',
    kind: 'permanent',
  },
  {
    name: 'Postfix 554 5.7.1 Relay access denied (no sign-in)',
    input: nodemailerError('EENVELOPE', 'RCPT TO', "Can't send mail - all recipients were rejected", '554 5.7.1 <kund@exempel.se>: Relay access denied'),
    code: 'not_authenticated',
    stage: 'recipient',
    kind: 'permanent',
  },
  {
    name: 'generic 535 (Dovecot)',
    input: authFailure('535 5.7.8 Error: authentication failed: authentication failure', 'AUTH PLAIN'),
    code: 'auth_failed',
    stage: 'auth',
    kind: 'permanent',
  },
  {
    name: '550 5.1.1 at RCPT TO',
    input: nodemailerError('EENVELOPE', 'RCPT TO', "Can't send mail - all recipients were rejected", '550 5.1.1 <kund@exempel.se>: Recipient address rejected: User unknown in virtual mailbox table'),
    code: 'recipient_rejected',
    stage: 'recipient',
    kind: 'permanent',
  },
  {
    name: 'generic MAIL FROM refusal',
    input: mailFromFailure('553 5.1.8 <anna@firma.invalid>: Sender address rejected: Domain not found'),
    code: 'sender_rejected',
    stage: 'sender',
    kind: 'permanent',
  },
  {
    name: 'generic 4xx',
    input: dataFailure('451 4.3.0 Error: queue file write error'),
    code: 'server_temporary',
    stage: 'data',
    kind: 'temporary',
  },
  {
    name: 'generic 5xx',
    input: dataFailure('554 5.6.0 Message rejected: content not accepted'),
    code: 'server_permanent',
    stage: 'data',
    kind: 'permanent',
  },

  // STARTTLS
  {
    name: 'STARTTLS refused: 502 5.5.1 Unrecognized command',
    input: nodemailerError('ETLS', 'STARTTLS', 'Error upgrading connection with STARTTLS', '502 5.5.1 Unrecognized command'),
    code: 'starttls_not_offered',
    stage: 'tls',
    kind: 'permanent',
  },
  {
    name: 'STARTTLS refused: 454 4.7.0 TLS not available',
    input: nodemailerError('ETLS', 'STARTTLS', 'Error upgrading connection with STARTTLS', '454 4.7.0 TLS not available due to local problem'),
    code: 'starttls_not_offered',
    stage: 'tls',
    kind: 'temporary',
  },
  {
    name: 'EHLO refused (HELO only) where STARTTLS is required: no STARTTLS on offer',
    input: nodemailerError(
      'ECONNECTION',
      'EHLO',
      'EHLO failed but HELO does not support required STARTTLS. response=502 5.5.2 Error: command not recognized',
      '502 5.5.2 Error: command not recognized',
    ),
    code: 'starttls_not_offered',
    stage: 'ehlo',
    kind: 'permanent',
  },
  {
    name: 'sent, but some recipients refused: the delivery worker’s own finding, by code',
    input: { code: 'recipients_partly_refused', message: 'Refused recipient nobody@exempel.se: 550 5.1.1 User unknown', stage: 'recipient' },
    code: 'recipients_partly_refused',
    stage: 'recipient',
    kind: 'permanent',
  },
  {
    name: "the diagnosis runner's own finding, by code",
    input: { code: 'starttls_not_offered', message: 'EHLO did not advertise STARTTLS', stage: 'tls' },
    code: 'starttls_not_offered',
    stage: 'tls',
    kind: 'permanent',
  },
  {
    name: 'data injected after the STARTTLS reply (CVE-2011-0411), found by the diagnosis client',
    input: { code: 'starttls_injection', command: 'STARTTLS', message: 'The server sent data after its STARTTLS reply' },
    code: 'starttls_injection',
    stage: 'tls',
    kind: 'permanent',
  },

  // The relay's own refusal to connect (relay/net/outbound.ts, issue 14)
  {
    name: 'a private host refused by the outbound gate',
    input: { code: 'destination_not_allowed', message: '127.1 is on a private network (127.0.0.1)' },
    code: 'destination_not_allowed',
    stage: 'connect',
    kind: 'permanent',
  },
  {
    name: 'a message whose sender was deleted while it waited (the delivery worker, by code)',
    input: { code: 'sender_deleted', message: 'The sender profile of this message was deleted before it could be sent.' },
    code: 'sender_deleted',
    stage: 'connect',
    kind: 'permanent',
  },
  // Node / OpenSSL, raw and through nodemailer
  {
    name: 'ECONNREFUSED through nodemailer (ESOCKET, originalCode)',
    input: wrappedByNodemailer('ESOCKET', 'CONN', systemError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:587', { errno: -111, syscall: 'connect' })),
    code: 'connection_refused',
    stage: 'connect',
    kind: 'temporary',
  },
  {
    name: 'ECONNREFUSED from an older nodemailer (message only)',
    input: { code: 'ESOCKET', command: 'CONN', message: 'connect ECONNREFUSED 127.0.0.1:587', errno: -111, syscall: 'connect' },
    code: 'connection_refused',
    stage: 'connect',
    kind: 'temporary',
  },
  {
    name: 'ETIMEDOUT from net.connect',
    input: systemError('ETIMEDOUT', 'connect ETIMEDOUT 203.0.113.9:25', { errno: -110, syscall: 'connect' }),
    code: 'connection_timeout',
    stage: 'connect',
    kind: 'temporary',
  },
  {
    name: "nodemailer's connection timeout",
    input: Object.assign(nodemailerError('ETIMEDOUT', 'CONN', 'Connection timeout'), { timeoutType: 'CONNECT_TIMEOUT' }),
    code: 'connection_timeout',
    stage: 'connect',
    kind: 'temporary',
  },
  {
    name: 'Greeting never received',
    input: Object.assign(nodemailerError('ETIMEDOUT', 'CONN', 'Greeting never received'), { timeoutType: 'GREETING_TIMEOUT' }),
    code: 'greeting_timeout',
    stage: 'connect',
    kind: 'temporary',
  },
  {
    name: 'getaddrinfo ENOTFOUND through nodemailer (EDNS)',
    input: wrappedByNodemailer('EDNS', 'CONN', systemError('ENOTFOUND', 'getaddrinfo ENOTFOUND smtp.office365.con', { errno: -3008, syscall: 'getaddrinfo', hostname: 'smtp.office365.con' })),
    code: 'host_not_found',
    stage: 'dns',
    kind: 'temporary',
  },
  {
    name: 'getaddrinfo EAI_AGAIN through nodemailer (EDNS)',
    input: wrappedByNodemailer('EDNS', 'CONN', systemError('EAI_AGAIN', 'getaddrinfo EAI_AGAIN smtp.gmail.com', { errno: -3001, syscall: 'getaddrinfo' })),
    code: 'dns_temporary',
    stage: 'dns',
    kind: 'temporary',
  },
  {
    name: 'ECONNRESET through nodemailer',
    input: wrappedByNodemailer('ESOCKET', 'CONN', systemError('ECONNRESET', 'read ECONNRESET', { errno: -104, syscall: 'read' })),
    code: 'connection_dropped',
    stage: 'connect',
    kind: 'temporary',
  },
  {
    name: 'Connection closed unexpectedly',
    input: nodemailerError('ECONNECTION', 'CONN', 'Connection closed unexpectedly'),
    code: 'connection_dropped',
    stage: 'connect',
    kind: 'temporary',
  },
  {
    name: 'implicit TLS against a STARTTLS port: wrong version number',
    input: wrappedByNodemailer(
      'ESOCKET',
      'CONN',
      systemError('ERR_SSL_WRONG_VERSION_NUMBER', 'C0B7F1E1F87F0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/openssl/ssl/record/ssl3_record.c:354:\n', {
        library: 'SSL routines',
        reason: 'wrong version number',
      } as Partial<FailureInput>),
    ),
    code: 'tls_wrong_version_number',
    stage: 'tls',
    kind: 'permanent',
  },
  {
    name: 'CERT_HAS_EXPIRED (raw)',
    input: systemError('CERT_HAS_EXPIRED', 'certificate has expired'),
    code: 'cert_expired',
    stage: 'tls',
    kind: 'permanent',
  },
  {
    name: 'certificate has expired during STARTTLS (message only)',
    input: nodemailerError('ETLS', 'STARTTLS', 'Error initiating TLS - certificate has expired'),
    code: 'cert_expired',
    stage: 'tls',
    kind: 'permanent',
  },
  {
    name: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    input: wrappedByNodemailer('ESOCKET', 'CONN', systemError('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate')),
    code: 'cert_self_signed',
    stage: 'tls',
    kind: 'permanent',
  },
  {
    name: 'self-signed certificate during STARTTLS (message only)',
    input: nodemailerError('ETLS', 'STARTTLS', 'Error initiating TLS - self-signed certificate'),
    code: 'cert_self_signed',
    stage: 'tls',
    kind: 'permanent',
  },
  {
    name: 'SELF_SIGNED_CERT_IN_CHAIN (intercepting antivirus)',
    input: systemError('SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain'),
    code: 'cert_self_signed_in_chain',
    stage: 'tls',
    kind: 'permanent',
  },
  {
    name: 'self signed certificate in certificate chain during STARTTLS (older OpenSSL wording)',
    input: nodemailerError('ETLS', 'STARTTLS', 'Error initiating TLS - self signed certificate in certificate chain'),
    code: 'cert_self_signed_in_chain',
    stage: 'tls',
    kind: 'permanent',
  },
  {
    name: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    input: systemError('UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'unable to get local issuer certificate'),
    code: 'cert_unknown_issuer',
    stage: 'tls',
    kind: 'permanent',
  },
  {
    name: 'unable to verify the first certificate during STARTTLS (missing intermediate)',
    input: nodemailerError('ETLS', 'STARTTLS', 'Error initiating TLS - unable to verify the first certificate'),
    code: 'cert_unknown_issuer',
    stage: 'tls',
    kind: 'permanent',
  },
  {
    name: 'ERR_TLS_CERT_ALTNAME_INVALID',
    input: wrappedByNodemailer(
      'ESOCKET',
      'CONN',
      systemError('ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames: Host: mail.firma.se. is not in the cert's altnames: DNS:*.one.com, DNS:one.com"),
    ),
    code: 'cert_name_mismatch',
    stage: 'tls',
    kind: 'permanent',
  },
  {
    name: 'EPROTOCOL: an IMAP server answered',
    input: nodemailerError('EPROTOCOL', 'CONN', 'Invalid greeting. response=* OK [CAPABILITY IMAP4rev1] Dovecot ready.', '* OK [CAPABILITY IMAP4rev1] Dovecot ready.'),
    code: 'not_smtp_service',
    stage: 'connect',
    kind: 'permanent',
  },
  {
    name: 'an error nobody knows',
    input: new Error('something odd happened'),
    code: 'unknown',
    stage: 'connect',
    kind: 'permanent',
  },

  // OAuth2 token endpoint (Microsoft Entra ID, Google)
  {
    name: 'AADSTS7000215 invalid client secret',
    hint: 'oauth',
    input: {
      error: 'invalid_client',
      error_description:
        "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '00000000-0000-0000-0000-000000000001'. Trace ID: 1 Correlation ID: 2 Timestamp: 2026-11-20 10:00:00Z",
      error_codes: [7000215],
    },
    code: 'oauth_invalid_client_secret',
    stage: 'oauth',
    kind: 'permanent',
  },
  {
    name: 'AADSTS500011 resource principal not found',
    hint: 'oauth',
    input: new Error(
      'invalid_resource: AADSTS500011: The resource principal named https://outlook.office365.com was not found in the tenant named Firma AB. This can happen if the application has not been installed by the administrator of the tenant.',
    ),
    code: 'oauth_resource_not_found',
    stage: 'oauth',
    kind: 'permanent',
  },
  {
    name: 'AADSTS65001 consent not granted (wins over invalid_grant)',
    input: {
      stage: 'oauth',
      error: 'invalid_grant',
      error_description: "AADSTS65001: The user or administrator has not consented to use the application with ID '00000000-0000-0000-0000-000000000001' named 'Ownpost'.",
      error_codes: [65001],
    },
    code: 'oauth_consent_missing',
    stage: 'oauth',
    kind: 'permanent',
  },
  {
    name: 'a delegated sender nobody has signed in for yet (the relay’s own OAuthError)',
    input: new OAuthError('Only an app-only sender gets a token without a sign-in', { code: 'oauth_sign_in_required' }),
    code: 'oauth_sign_in_required',
    stage: 'oauth',
    kind: 'permanent',
  },
  {
    name: 'AADSTS700016 application not found in the directory',
    hint: 'oauth',
    input: { error: 'unauthorized_client', error_description: "AADSTS700016: Application with identifier '123' was not found in the directory 'Firma AB'.", error_codes: [700016] },
    code: 'oauth_invalid_client_id',
    stage: 'oauth',
    kind: 'permanent',
  },
  {
    name: 'Google invalid_grant through nodemailer (EOAUTH2)',
    input: nodemailerError('EOAUTH2', 'AUTH XOAUTH2', 'invalid_grant: Token has been expired or revoked.'),
    code: 'oauth_invalid_grant',
    stage: 'auth',
    kind: 'permanent',
  },
  {
    name: "nodemailer's EOAUTH2 without a reason",
    input: nodemailerError('EOAUTH2', 'AUTH XOAUTH2', "Can't create new access token for user"),
    code: 'oauth_token_failed',
    stage: 'auth',
    kind: 'permanent',
  },
  {
    name: 'Gmail 535 5.7.8 after XOAUTH2: the token is no longer accepted',
    input: authFailure(GMAIL_BAD_CREDENTIALS, 'AUTH XOAUTH2'),
    code: 'oauth_invalid_grant',
    stage: 'auth',
    kind: 'permanent',
  },
  {
    name: 'the Sent-folder test did not find the folder (its own finding, by code)',
    input: { code: 'sent_folder_missing', message: 'Mailbox does not exist (NONEXISTENT)', stage: 'folder' },
    code: 'sent_folder_missing',
    stage: 'folder',
    kind: 'permanent',
  },
  {
    name: 'fetch failed: the token endpoint name does not resolve',
    hint: 'oauth',
    input: new TypeError('fetch failed', {
      cause: systemError('ENOTFOUND', 'getaddrinfo ENOTFOUND login.microsoftonline.com', { syscall: 'getaddrinfo' }),
    }),
    code: 'host_not_found',
    stage: 'oauth',
    kind: 'temporary',
  },
];

describe('classifySmtpFailure', () => {
  it.each(CASES)('$name → $code ($stage, $kind)', ({ input, hint, code, stage, kind }) => {
    const classified = classifySmtpFailure(input, hint ? { stage: hint } : undefined);
    expect(classified).toMatchObject({ code, stage, kind });
  });

  it('can produce every problem in the catalogue', () => {
    const produced = new Set(CASES.map((c) => c.code));
    const missing = CATALOGUE.map((entry) => entry.code).filter((code) => !produced.has(code));
    expect(missing).toEqual([]);
  });

  it('returns the full server reply, all lines', () => {
    const classified = classifySmtpFailure(authFailure(GMAIL_BAD_CREDENTIALS, 'AUTH PLAIN'));
    expect(classified.serverReply).toBe(GMAIL_BAD_CREDENTIALS);
  });

  it('finds the reply in a plain message when there is no response field', () => {
    const classified = classifySmtpFailure({ message: '535 5.7.139 Authentication unsuccessful, account locked.', command: 'AUTH LOGIN' });
    expect(classified).toMatchObject({ code: 'ms_account_locked', stage: 'auth', serverReply: '535 5.7.139 Authentication unsuccessful, account locked.' });
  });

  it('cuts a huge reply short', () => {
    const classified = classifySmtpFailure(dataFailure(`554 5.6.0 ${'x'.repeat(50_000)}`));
    expect(classified.serverReply!.length).toBeLessThanOrEqual(2001);
  });

  it('shows the token endpoint error as the server reply', () => {
    const classified = classifySmtpFailure({ error: 'invalid_grant', error_description: 'AADSTS70008: The refresh token has expired.' }, { stage: 'oauth' });
    expect(classified).toMatchObject({ code: 'oauth_invalid_grant', serverReply: 'invalid_grant: AADSTS70008: The refresh token has expired.' });
  });

  it('lets the caller say the stage', () => {
    const err = wrappedByNodemailer('ESOCKET', 'CONN', systemError('ECONNRESET', 'read ECONNRESET', { syscall: 'read' }));
    expect(classifySmtpFailure(err, { stage: 'tls' })).toMatchObject({ code: 'connection_dropped', stage: 'tls' });
  });

  it('takes the reply code over the error code (421 at the greeting is not "not SMTP")', () => {
    const err = nodemailerError('EPROTOCOL', 'CONN', 'Invalid greeting', '421 mail.firma.se Service not available, closing transmission channel');
    expect(classifySmtpFailure(err)).toMatchObject({ code: 'server_temporary', stage: 'connect', kind: 'temporary' });
  });

  it('never throws on odd input', () => {
    for (const input of [null, undefined, 42, 'boom', [], { code: 7 }, { response: 12 }, Object.create(null)]) {
      expect(classifySmtpFailure(input).code).toBe('unknown');
    }
    const looped: Record<string, unknown> = { message: 'loop' };
    looped.cause = looped;
    expect(classifySmtpFailure(looped).code).toBe('unknown');
  });
});

describe('stageOfCommand', () => {
  it.each([
    ['CONN', 'connect'],
    ['EHLO', 'ehlo'],
    ['HELO', 'ehlo'],
    ['STARTTLS', 'tls'],
    ['AUTH PLAIN', 'auth'],
    ['AUTH LOGIN', 'auth'],
    ['AUTH XOAUTH2', 'auth'],
    ['MAIL FROM', 'sender'],
    ['RCPT TO', 'recipient'],
    ['DATA', 'data'],
    ['DATA end', 'data'],
  ] as const)('%s → %s', (command, stage) => {
    expect(stageOfCommand(command)).toBe(stage);
  });

  it('knows nothing of other commands', () => {
    expect(stageOfCommand('API')).toBeUndefined();
    expect(stageOfCommand(undefined)).toBeUndefined();
  });
});

// ------------------------------------------------------------------------------------------------
// Real parts: nodemailer against scripted servers and the test certificates, so the error shapes
// above stay true to what nodemailer and Node actually produce.

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

function track(server: net.Server): Promise<number> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  closers.push(
    () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  );
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

interface Script {
  /** The first reply; null: never greet. */
  greeting?: string | null;
  ehlo?: string;
  auth?: string;
  starttls?: string;
  /** Upgrade on STARTTLS with this certificate. */
  tlsCert?: { key: Buffer; cert: Buffer };
  mail?: string;
  rcpt?: string;
  dataEnd?: string;
}

/** An SMTP server that answers with exactly the replies of the script, byte for byte. */
function scriptedSmtp(script: Script): Promise<number> {
  const server = net.createServer((raw) => {
    let socket: Socket = raw;
    let buffer = '';
    let inData = false;
    const send = (reply: string) => socket.write(reply.replace(/\n/g, '\r\n') + '\r\n');
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            send(script.dataEnd ?? '250 2.0.0 Ok: queued');
          }
          continue;
        }
        const verb = line.toUpperCase();
        if (verb.startsWith('EHLO') || verb.startsWith('HELO')) send(script.ehlo ?? '250-test.local\n250 AUTH PLAIN');
        else if (verb.startsWith('STARTTLS')) {
          if (!script.tlsCert) send(script.starttls ?? '502 5.5.1 Unrecognized command');
          else {
            send('220 2.0.0 Ready to start TLS');
            socket.removeListener('data', onData);
            socket = new tls.TLSSocket(socket, { isServer: true, ...script.tlsCert });
            socket.on('error', () => {});
            socket.on('data', onData);
          }
        } else if (verb.startsWith('AUTH')) send(script.auth ?? '235 2.7.0 Authentication successful');
        else if (verb.startsWith('MAIL')) send(script.mail ?? '250 2.1.0 Ok');
        else if (verb.startsWith('RCPT')) send(script.rcpt ?? '250 2.1.5 Ok');
        else if (verb === 'DATA') {
          inData = true;
          send('354 End data with <CR><LF>.<CR><LF>');
        } else if (verb === 'QUIT') {
          send('221 2.0.0 Bye');
          socket.end();
        } else send('502 5.5.2 Error: command not recognized');
      }
    };
    socket.on('data', onData);
    if (script.greeting !== null) send(script.greeting ?? '220 test.local ESMTP');
  });
  return track(server);
}

/** An implicit-TLS server (port-465 style) with the given certificate chain. */
function tlsSmtp(pair: { key: Buffer; cert: Buffer | string }): Promise<number> {
  const server = tls.createServer(pair, (socket) => {
    socket.on('error', () => {});
    socket.write('220 test.local ESMTP\r\n');
  });
  server.on('tlsClientError', () => {});
  return track(server);
}

type TransportOptions = Parameters<typeof nodemailer.createTransport>[0] & Record<string, unknown>;

async function failureOf(options: Record<string, unknown>, send = false): Promise<unknown> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', logger: false, ...options } as TransportOptions);
  try {
    if (send) {
      await transport.sendMail({ from: 'anna@firma.se', to: 'kund@exempel.se', subject: 'Faktura 4711', text: 'Hej' });
    } else {
      await transport.verify();
    }
  } catch (error) {
    return error;
  } finally {
    transport.close();
  }
  throw new Error('expected the attempt to fail');
}

const auth = { user: 'anna@firma.se', pass: 'secret' };

describe('classifySmtpFailure with real nodemailer errors', () => {
  it('535 5.7.139 from the server', async () => {
    const port = await scriptedSmtp({
      auth: '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.',
    });
    const error = await failureOf({ port, ignoreTLS: true, auth });
    expect(classifySmtpFailure(error)).toMatchObject({ code: 'ms_smtp_auth_disabled_tenant', stage: 'auth', kind: 'permanent' });
  });

  it('550 5.7.60 after the data', async () => {
    const port = await scriptedSmtp({ dataEnd: '550 5.7.60 SMTP; Client does not have permissions to send as this sender' });
    const error = await failureOf({ port, ignoreTLS: true, auth }, true);
    expect(classifySmtpFailure(error)).toMatchObject({ code: 'send_as_denied', stage: 'data', kind: 'permanent' });
  });

  it('550 5.1.1 for the only recipient', async () => {
    const port = await scriptedSmtp({ rcpt: '550 5.1.1 <kund@exempel.se>: Recipient address rejected: User unknown' });
    const error = await failureOf({ port, ignoreTLS: true, auth }, true);
    expect(classifySmtpFailure(error)).toMatchObject({ code: 'recipient_rejected', stage: 'recipient', kind: 'permanent' });
  });

  it('required STARTTLS that the server does not offer', async () => {
    const port = await scriptedSmtp({ ehlo: '250-test.local\n250 AUTH PLAIN' });
    const error = await failureOf({ port, requireTLS: true, auth });
    expect(classifySmtpFailure(error)).toMatchObject({ code: 'starttls_not_offered', stage: 'tls', kind: 'permanent' });
  });

  it('nothing listening', async () => {
    const closed = net.createServer();
    const port = await new Promise<number>((resolve) => closed.listen(0, '127.0.0.1', () => resolve((closed.address() as AddressInfo).port)));
    await new Promise((resolve) => closed.close(resolve));
    const error = await failureOf({ port });
    expect(classifySmtpFailure(error)).toMatchObject({ code: 'connection_refused', stage: 'connect', kind: 'temporary' });
  });

  it('STARTTLS mode against a server that waits for TLS (port 465 style)', async () => {
    const port = await scriptedSmtp({ greeting: null });
    const error = await failureOf({ port, requireTLS: true, greetingTimeout: 200 });
    expect(classifySmtpFailure(error)).toMatchObject({ code: 'greeting_timeout', stage: 'connect', kind: 'temporary' });
  });

  it('implicit TLS against a plain port', async () => {
    const port = await scriptedSmtp({});
    const error = await failureOf({ port, secure: true, tls: { servername: 'localhost' } });
    expect(classifySmtpFailure(error)).toMatchObject({ code: 'tls_wrong_version_number', stage: 'tls', kind: 'permanent' });
  });

  it.each([
    ['expired', () => certs.expired, { ca: certs.ca }, 'cert_expired'],
    ['self-signed', () => certs.selfSigned, {}, 'cert_self_signed'],
    ['signed by a CA we do not know', () => certs.server, {}, 'cert_unknown_issuer'],
    ['for another name', () => certs.wrongName, { ca: certs.ca }, 'cert_name_mismatch'],
    ['chained to an untrusted self-signed root', () => ({ key: certs.server.key, cert: `${certs.server.cert}\n${certs.ca}` }), {}, 'cert_self_signed_in_chain'],
  ] as const)('implicit TLS, certificate %s', async (_name, pair, trust, code) => {
    const port = await tlsSmtp(pair());
    const error = await failureOf({ port, secure: true, tls: { servername: 'localhost', ...trust } });
    expect(classifySmtpFailure(error)).toMatchObject({ code, stage: 'tls', kind: 'permanent' });
  });

  it('STARTTLS to a server with an expired certificate', async () => {
    const port = await scriptedSmtp({ ehlo: '250-test.local\n250-STARTTLS\n250 AUTH PLAIN', tlsCert: certs.expired });
    const error = await failureOf({ port, requireTLS: true, tls: { servername: 'localhost', ca: certs.ca } });
    expect(classifySmtpFailure(error)).toMatchObject({ code: 'cert_expired', stage: 'tls', kind: 'permanent' });
  });
});

// ------------------------------------------------------------------------------------------------
// The catalogue

/** Strings a user types or looks for exactly as written; every translation must keep them. */
const TECHNICAL_PATTERNS: RegExp[] = [
  /\b(?:Set|New|Add)-[A-Z][A-Za-z]+\b/g, // PowerShell cmdlets
  /\s-[A-Z][A-Za-z]+\b/g, // their parameters
  /\$false|<mailbox>/g,
  /https?:\/\/[^\s,)]+[^\s,).]/g,
  /\binclude:[\w.]+/g,
  /\bAADSTS\d+\b/g,
  /\b\d{2,}\b/g, // ports, sizes, limits
  /\b(?:STARTTLS|OAuth2|SMTP AUTH|Authenticated SMTP|SMTP\.SendAsApp|SMTP\.Send|PowerShell|NODE_EXTRA_CA_CERTS|Secret ID|Grant admin consent|Conditional Access|Exchange Online|Microsoft Entra|App registrations|Certificates & secrets|API permissions|Manage email apps|Ownpost)\b/g,
  /\b(?:myaccount\.google\.com|smtp\.office365\.com|smtp\.gmail\.com)\b/g,
];

function technicalTokens(text: string): string[] {
  return [...new Set(TECHNICAL_PATTERNS.flatMap((pattern) => text.match(pattern) ?? []).map((token) => token.trim()))];
}

describe('problem catalogue', () => {
  it('has unique snake_case codes', () => {
    const codes = CATALOGUE.map((entry) => entry.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
  });

  it.each(CATALOGUE.map((entry) => [entry.code, entry] as const))('%s: title, explanation and fix in all seven languages', (_code, entry) => {
    expect(Object.keys(entry.text).sort()).toEqual([...LANGUAGES].sort());
    for (const language of LANGUAGES) {
      const text = entry.text[language];
      for (const field of ['title', 'explanation', 'fix'] as const) {
        expect(text[field].trim(), `${language}.${field}`).not.toBe('');
        expect(text[field], `${language}.${field}`).toBe(text[field].trim());
      }
      expect(text.title, `${language}.title ends without a full stop`).not.toMatch(/\.$/);
      expect(text.explanation, `${language}.explanation is a sentence`).toMatch(/[.!?)]$/);
      expect(text.fix, `${language}.fix is a sentence`).toMatch(/[.!?)]$/);
    }
    expect(['never', 'later', 'limited']).toContain(entry.retry);
  });

  it.each(CATALOGUE.map((entry) => [entry.code, entry] as const))('%s: translations keep the technical strings and menu paths', (_code, entry) => {
    for (const field of ['title', 'explanation', 'fix'] as const) {
      const english = entry.text.en[field];
      const tokens = technicalTokens(english);
      const arrows = english.split('→').length;
      for (const language of LANGUAGES) {
        const translated = entry.text[language][field];
        for (const token of tokens) expect(translated, `${language}.${field} keeps "${token}"`).toContain(token);
        expect(translated.split('→').length, `${language}.${field} has the same menu path`).toBe(arrows);
      }
    }
  });

  it('getProblem gives the text in the asked language', () => {
    expect(getProblem('gmail_app_password_required', 'de')).toEqual({
      code: 'gmail_app_password_required',
      ...CATALOGUE.find((entry) => entry.code === 'gmail_app_password_required')!.text.de,
    });
    expect(getProblem('ms_smtp_auth_disabled_mailbox', 'sv').fix).toContain('Set-CASMailbox <mailbox> -SmtpClientAuthenticationDisabled $false');
  });

  it('getProblem falls back to English for a language it does not have', () => {
    const english = getProblem('cert_expired');
    expect(getProblem('cert_expired', 'fr')).toEqual(english);
    expect(getProblem('cert_expired', '')).toEqual(english);
    expect(english.title).toBe("The server's security certificate has expired");
  });

  it('getProblem understands regional and Norwegian tags', () => {
    expect(getProblem('host_not_found', 'de-AT')).toEqual(getProblem('host_not_found', 'de'));
    expect(getProblem('host_not_found', 'no')).toEqual(getProblem('host_not_found', 'nb'));
    expect(getProblem('host_not_found', 'nn-NO')).toEqual(getProblem('host_not_found', 'nb'));
    expect(resolveLanguage('PL')).toBe('pl');
    expect(resolveLanguage('fr-CA')).toBeUndefined();
  });

  it('getProblem turns a code it does not know (e.g. from an older database) into unknown', () => {
    expect(getProblem('no_such_problem' as ProblemCode, 'pl')).toEqual(getProblem('unknown', 'pl'));
    expect(problemRetryPolicy('no_such_problem' as ProblemCode)).toBe(problemRetryPolicy('unknown'));
  });

  it('retry policies: lockouts and certificates never, limits later, sign-in hiccups a few times', () => {
    expect(problemRetryPolicy('ms_account_locked')).toBe('never');
    expect(problemRetryPolicy('cert_expired')).toBe('never');
    expect(problemRetryPolicy('server_permanent')).toBe('never');
    expect(problemRetryPolicy('rate_limited')).toBe('later');
    expect(problemRetryPolicy('connection_timeout')).toBe('later');
    expect(problemRetryPolicy('auth_failed')).toBe('limited');
  });
});
