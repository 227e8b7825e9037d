/**
 * A web mail client showing a received message (Roundcube, a provider's webmail): an invoice mail in
 * it is one the user received, with its number, amount and PDF attachment, and nothing to send from
 * Ownpost. A reader offers to reply to and forward the message: both, as the whole text of a link or
 * a button, in the languages we read.
 */
const REPLY =
  /^(?:reply|reply all|antworten|allen antworten|répondre|répondre à tous|responder|responder a todos|rispondi|rispondi a tutti|beantwoorden|allen beantwoorden|svara|svara alla|besvar|svar|svar alle|svar til alle|vastaa|vastaa kaikille|odpowiedz|odpowiedz wszystkim|svara öllum)$/;
const FORWARD =
  /^(?:forward|weiterleiten|transférer|reenviar|inoltra|encaminhar|reencaminhar|doorsturen|vidarebefordra|videresend|lähetä edelleen|välitä|przekaż|prześlij dalej|áframsenda|framsenda)$/;
const CONTROL_SELECTOR = 'a, button, [role="button"], [role="menuitem"]';
/** A control's word is short: longer texts are no toolbar's. */
const MAX_WORD = 24;

export interface PageText {
  text: string;
  element: Element;
}

/** Buttons looked at: the detector's texts leave their words out. */
const MAX_BUTTONS = 40;

/** A control's word, lower-cased: a reply's, a forward's, or neither. */
function wordOf(text: string): 'reply' | 'forward' | undefined {
  if (text.length > MAX_WORD) return undefined;
  const word = text.trim().toLowerCase();
  return REPLY.test(word) ? 'reply' : FORWARD.test(word) ? 'forward' : undefined;
}

/**
 * Does the page offer both to reply to and to forward a message? Read from the texts the detector has
 * read (links, role=button elements), and from the page's first buttons, whose texts it leaves out.
 */
export function isMailReader(texts: readonly PageText[], root: Element): boolean {
  const found = new Set<string>();
  for (let i = 0; i < texts.length && found.size < 2; i++) {
    const word = wordOf(texts[i]!.text);
    if (word && texts[i]!.element.closest(CONTROL_SELECTOR)) found.add(word);
  }
  const buttons = root.querySelectorAll('button');
  for (let i = 0; i < buttons.length && i < MAX_BUTTONS && found.size < 2; i++) {
    const button = buttons[i]!;
    const word = wordOf(button.textContent || button.getAttribute('aria-label') || button.getAttribute('title') || '');
    if (word) found.add(word);
  }
  return found.size === 2;
}
