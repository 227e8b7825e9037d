/**
 * The words of connecting with a new relay's setup code (issue 20): the connect form (popup and
 * options page) asks for the admin's address when the relay says the code is a setup code.
 */
import { defineCatalogue } from './core';

export const setupStrings = defineCatalogue({
  en: {
    'setup.lead': 'This is the setup code of a new relay: whoever connects with it becomes its admin. Type your e-mail address to finish.',
    'setup.codeHint': 'A new relay prints a setup code when it starts. Type it here.',
    'setup.email': 'Your e-mail address',
    'setup.emailHint': 'The address you send invoices from. You add the others later, in Settings → People.',
    'setup.name': 'Your name (optional)',
    'setup.submit': 'Become admin and connect',
  },
  pl: {
    'setup.lead': 'To kod konfiguracyjny nowego przekaźnika: kto się nim połączy, zostaje jego administratorem. Wpisz swój adres e-mail, aby zakończyć.',
    'setup.codeHint': 'Nowy przekaźnik wyświetla kod konfiguracyjny przy uruchomieniu. Wpisz go tutaj.',
    'setup.email': 'Twój adres e-mail',
    'setup.emailHint': 'Adres, z którego wysyłasz faktury. Pozostałe osoby dodasz później w Ustawienia → Osoby.',
    'setup.name': 'Twoje imię i nazwisko (opcjonalnie)',
    'setup.submit': 'Zostań administratorem i połącz',
  },
  is: {
    'setup.lead': 'Þetta er uppsetningarkóði nýs miðlara: sá sem tengist með honum verður kerfisstjóri hans. Sláðu inn netfangið þitt til að ljúka.',
    'setup.codeHint': 'Nýr miðlari birtir uppsetningarkóða þegar hann ræsist. Sláðu hann inn hér.',
    'setup.email': 'Netfangið þitt',
    'setup.emailHint': 'Netfangið sem þú sendir reikninga frá. Hinum bætirðu við síðar, í Stillingar → Fólk.',
    'setup.name': 'Nafnið þitt (valfrjálst)',
    'setup.submit': 'Verða kerfisstjóri og tengjast',
  },
  sv: {
    'setup.lead': 'Det här är en ny reläs installationskod: den som ansluter med den blir dess administratör. Skriv din e-postadress för att slutföra.',
    'setup.codeHint': 'Ett nytt relä skriver ut en installationskod när det startar. Skriv den här.',
    'setup.email': 'Din e-postadress',
    'setup.emailHint': 'Adressen du skickar fakturor från. De andra lägger du till senare, under Inställningar → Personer.',
    'setup.name': 'Ditt namn (valfritt)',
    'setup.submit': 'Bli administratör och anslut',
  },
  da: {
    'setup.lead': 'Dette er et nyt relæs opsætningskode: den, der forbinder med den, bliver dets administrator. Skriv din e-mailadresse for at afslutte.',
    'setup.codeHint': 'Et nyt relæ viser en opsætningskode, når det starter. Skriv den her.',
    'setup.email': 'Din e-mailadresse',
    'setup.emailHint': 'Adressen, du sender fakturaer fra. De andre tilføjer du senere under Indstillinger → Personer.',
    'setup.name': 'Dit navn (valgfrit)',
    'setup.submit': 'Bliv administrator og forbind',
  },
  nb: {
    'setup.lead': 'Dette er oppsettkoden til et nytt relé: den som kobler til med den, blir administrator. Skriv inn e-postadressen din for å fullføre.',
    'setup.codeHint': 'Et nytt relé skriver ut en oppsettkode når det starter. Skriv den inn her.',
    'setup.email': 'E-postadressen din',
    'setup.emailHint': 'Adressen du sender fakturaer fra. De andre legger du til senere, under Innstillinger → Personer.',
    'setup.name': 'Navnet ditt (valgfritt)',
    'setup.submit': 'Bli administrator og koble til',
  },
  de: {
    'setup.lead': 'Das ist der Einrichtungscode eines neuen Relays: Wer sich damit verbindet, wird sein Administrator. Geben Sie Ihre E-Mail-Adresse ein, um abzuschließen.',
    'setup.codeHint': 'Ein neues Relay zeigt beim Start einen Einrichtungscode. Geben Sie ihn hier ein.',
    'setup.email': 'Ihre E-Mail-Adresse',
    'setup.emailHint': 'Die Adresse, von der Sie Rechnungen senden. Die anderen fügen Sie später unter Einstellungen → Personen hinzu.',
    'setup.name': 'Ihr Name (optional)',
    'setup.submit': 'Administrator werden und verbinden',
  },
});
