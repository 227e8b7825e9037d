/**
 * One message carried to the next page of the options page ("Anna's mailbox is saved"), shown once.
 * In memory only: it belongs to this tab and this moment.
 */
let pending: string | undefined;

export function setFlash(message: string): void {
  pending = message;
}

export function takeFlash(): string | undefined {
  const message = pending;
  pending = undefined;
  return message;
}
