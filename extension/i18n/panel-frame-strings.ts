/**
 * Words of the panel frame around the panels (issue 14) and of the page's button when the panel cannot
 * open (issue 16): the panels' own words are in page-strings.ts.
 */
import { defineCatalogue } from './core';

export const panelFrameStrings = /* @__PURE__ */ defineCatalogue({
  en: {
    clickRefused: 'Ownpost ignored that click: its panel was covered or not fully visible. Make sure nothing lies over it and click again.',
    expired: 'This panel is no longer connected to its page. Close it and press the page’s Ownpost button again.',
    close: 'Close',
    connecting: 'Opening…',
  },
  pl: {
    clickRefused: 'Ownpost zignorował to kliknięcie: panel był zasłonięty lub nie w pełni widoczny. Upewnij się, że nic go nie zakrywa, i kliknij ponownie.',
    expired: 'Ten panel nie jest już połączony ze stroną. Zamknij go i naciśnij ponownie przycisk Ownpost na stronie.',
    close: 'Zamknij',
    connecting: 'Otwieranie…',
  },
  is: {
    clickRefused: 'Ownpost hunsaði smellinum: glugginn var hulinn eða ekki að fullu sýnilegur. Gættu þess að ekkert liggi yfir honum og smelltu aftur.',
    expired: 'Þessi gluggi er ekki lengur tengdur síðunni. Lokaðu honum og ýttu aftur á Ownpost-hnappinn á síðunni.',
    close: 'Loka',
    connecting: 'Opna…',
  },
  sv: {
    clickRefused: 'Ownpost ignorerade klicket: panelen var täckt eller inte helt synlig. Se till att inget ligger över den och klicka igen.',
    expired: 'Panelen är inte längre kopplad till sidan. Stäng den och tryck på sidans Ownpost-knapp igen.',
    close: 'Stäng',
    connecting: 'Öppnar…',
  },
  da: {
    clickRefused: 'Ownpost ignorerede klikket: panelet var dækket eller ikke helt synligt. Sørg for, at intet ligger over det, og klik igen.',
    expired: 'Panelet er ikke længere forbundet med siden. Luk det, og tryk på sidens Ownpost-knap igen.',
    close: 'Luk',
    connecting: 'Åbner…',
  },
  nb: {
    clickRefused: 'Ownpost ignorerte klikket: panelet var dekket eller ikke helt synlig. Sørg for at ingenting ligger over det, og klikk igjen.',
    expired: 'Panelet er ikke lenger koblet til siden. Lukk det, og trykk på sidens Ownpost-knapp igjen.',
    close: 'Lukk',
    connecting: 'Åpner…',
  },
  de: {
    clickRefused: 'Ownpost hat diesen Klick ignoriert: Das Fenster war verdeckt oder nicht ganz sichtbar. Sorgen Sie dafür, dass nichts darüber liegt, und klicken Sie erneut.',
    expired: 'Dieses Fenster ist nicht mehr mit seiner Seite verbunden. Schließen Sie es und drücken Sie erneut die Ownpost-Schaltfläche der Seite.',
    close: 'Schließen',
    connecting: 'Wird geöffnet…',
  },
});
