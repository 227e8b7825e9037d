import { randomUUID } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import { addressDomain } from '../../shared/address';
import { toCrlf } from '../mime/crlf';
import type { Language } from './catalogue';

interface TestMessageText {
  subject: string;
  /** `{from}` and `{server}` are filled in. */
  body: string;
}

/** The test message in each language the extension offers: what it is, and that nothing needs doing. */
const TEXTS: Record<Language, TestMessageText> = {
  en: {
    subject: 'Ownpost test message',
    body: 'This is a test message from Ownpost.\n\nIt was sent as {from} through the mail server {server} to check that sending works. It does: this message arrived.\n\nYou do not need to reply or do anything.',
  },
  pl: {
    subject: 'Wiadomość testowa Ownpost',
    body: 'To jest wiadomość testowa od Ownpost.\n\nZostała wysłana jako {from} przez serwer poczty {server}, aby sprawdzić, czy wysyłanie działa. Działa: ta wiadomość dotarła.\n\nNie musisz odpowiadać ani nic robić.',
  },
  is: {
    subject: 'Prufuskilaboð frá Ownpost',
    body: 'Þetta eru prufuskilaboð frá Ownpost.\n\nÞau voru send sem {from} í gegnum póstþjóninn {server} til að athuga hvort sending virki. Hún virkar: þessi skilaboð bárust.\n\nÞú þarft hvorki að svara né gera neitt.',
  },
  sv: {
    subject: 'Testmeddelande från Ownpost',
    body: 'Det här är ett testmeddelande från Ownpost.\n\nDet skickades som {from} via e-postservern {server} för att kontrollera att utskicket fungerar. Det gör det: meddelandet kom fram.\n\nDu behöver inte svara eller göra något.',
  },
  da: {
    subject: 'Testbesked fra Ownpost',
    body: 'Dette er en testbesked fra Ownpost.\n\nDen blev sendt som {from} via mailserveren {server} for at kontrollere, at afsendelse virker. Det gør den: beskeden er kommet frem.\n\nDu behøver ikke at svare eller gøre noget.',
  },
  nb: {
    subject: 'Testmelding fra Ownpost',
    body: 'Dette er en testmelding fra Ownpost.\n\nDen ble sendt som {from} via e-postserveren {server} for å kontrollere at sending fungerer. Det gjør den: meldingen kom frem.\n\nDu trenger ikke å svare eller gjøre noe.',
  },
  de: {
    subject: 'Testnachricht von Ownpost',
    body: 'Dies ist eine Testnachricht von Ownpost.\n\nSie wurde als {from} über den Mailserver {server} gesendet, um zu prüfen, ob der Versand funktioniert. Er funktioniert: Diese Nachricht ist angekommen.\n\nSie müssen weder antworten noch etwas tun.',
  },
};

export function testMessageText(lang: Language): TestMessageText {
  return TEXTS[lang] ?? TEXTS.en;
}

/**
 * The message a sender test delivers. Marked as machine-generated (RFC 3834 Auto-Submitted) so
 * that auto-responders do not answer it.
 */
export async function composeTestMessage(input: {
  fromName?: string;
  fromAddress: string;
  to: string;
  server: string;
  lang: Language;
  now?: Date;
}): Promise<Buffer> {
  const text = testMessageText(input.lang);
  const composer = new MailComposer({
    from: { name: input.fromName ?? '', address: input.fromAddress },
    to: [{ name: '', address: input.to }],
    subject: text.subject,
    text: text.body.replace('{from}', input.fromAddress).replace('{server}', input.server),
    date: input.now ?? new Date(),
    messageId: `<test-${randomUUID()}@${addressDomain(input.fromAddress)}>`,
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Ownpost-Test': 'sender-test' },
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  // Its body's line breaks are LFs, which MailComposer keeps as they are: the wire wants CRLF.
  return toCrlf(await composer.compile().build());
}
