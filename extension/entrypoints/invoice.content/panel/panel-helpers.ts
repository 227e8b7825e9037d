/**
 * What the document panel and the bulk panel share: choosing the sender for the page, following a
 * message to its end, reading added files, and refusing input that did not come from the user.
 */
import type { ExtensionError, PickedFile } from '../../../../shared/extension-messages';
import { MAX_DOCUMENT_BYTES } from '../../../../shared/document-limits';
import type { MessageView, ProfileView } from '../../../../shared/schemas';
import { asFacts, chooseSender, findMappedSender } from '../../../../shared/sender-choice';
import { bestSiteScore } from '../../../../shared/site-patterns';
import { bytesToBase64 } from '../../../lib/base64';
import { askBackground } from '../background-request';

const STATUS_POLL_MS = 1000;
const STATUS_POLL_LIMIT_MS = 10 * 60_000;

export type Problem = { message: string; hint?: string };

export function problemOf(error: ExtensionError): Problem {
  return { message: error.message, ...(error.hint ? { hint: error.hint } : {}) };
}

/** A message that did not reach "sent": the relay's explanation and fix, when it has them. */
export function deliveryProblem(message: MessageView, fallback: string): Problem {
  return message.problem ? { message: `${message.problem.title}: ${message.problem.explanation}`, hint: message.problem.fix } : { message: fallback };
}

/**
 * The profiles in the order the From menu shows them, and the one to preselect: the one the relay
 * would choose for this page (shared/sender-choice.ts), else the first. The profile mapped to this
 * page (its `sites`) comes first; profiles mapped only to other sites go last.
 */
export function orderProfilesForPage(profiles: readonly ProfileView[], pageUrl: string): { ordered: ProfileView[]; preselected?: string; mappedId?: string } {
  const mapped = findMappedSender(profiles, { pageUrl }, asFacts)?.sender;
  const rank = (profile: ProfileView) =>
    profile === mapped ? 0 : bestSiteScore(profile.sites ?? [], pageUrl) !== undefined || (profile.sites ?? []).length === 0 ? 1 : 2;
  const ordered = profiles.map((profile, index) => ({ profile, index })).sort((a, b) => rank(a.profile) - rank(b.profile) || a.index - b.index).map((e) => e.profile);
  const preselected = chooseSender(profiles, { pageUrl }, asFacts)?.sender ?? ordered[0];
  return { ordered, ...(preselected ? { preselected: preselected.id } : {}), ...(mapped ? { mappedId: mapped.id } : {}) };
}

/** Follows a queued message until it is sent or failed (or the panel closes), reporting each state. */
export async function followMessage(message: MessageView, signal: AbortSignal, onUpdate: (message: MessageView) => void): Promise<MessageView | ExtensionError | undefined> {
  const started = Date.now();
  let current = message;
  while (!signal.aborted && (current.status === 'queued' || current.status === 'sending' || current.status === 'deferred')) {
    onUpdate(current);
    if (Date.now() - started > STATUS_POLL_LIMIT_MS) return current;
    await new Promise((resolve) => setTimeout(resolve, STATUS_POLL_MS));
    if (signal.aborted) return undefined;
    const result = await askBackground({ type: 'message.status', id: message.id });
    if (!result.ok) return result.error;
    current = result.data;
  }
  return signal.aborted ? undefined : current;
}

export type AddedFile = PickedFile & { size: number };

/** A file the user picked or dropped, read for sending; too large → a problem to show instead. */
export async function readAddedFile(file: File): Promise<AddedFile | { tooLarge: string }> {
  if (file.size > MAX_DOCUMENT_BYTES) return { tooLarge: file.name };
  const bytes = new Uint8Array(await file.arrayBuffer());
  return {
    // eslint-disable-next-line no-control-regex -- control characters are what this strips
    filename: file.name.replace(/[\\/\u0000-\u001f\u007f]/g, '_').slice(0, 255) || 'file',
    contentType: /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i.test(file.type) ? file.type : 'application/octet-stream',
    contentBase64: bytesToBase64(bytes),
    size: bytes.length,
  };
}

export const MAX_FILE_MB = MAX_DOCUMENT_BYTES / 1024 / 1024;

/**
 * Decides whether a click (or a choice, or a drop) may act: the panel frame installs one that refuses
 * while the page hides or covers the frame (extension/entrypoints/panel/click-guard.ts). Typing is
 * not gated: keys go to the focused field, which a page cannot steer into a hidden frame.
 */
type ActivationGuard = (event: Event) => boolean;
let activationGuard: ActivationGuard = () => true;
const ACTIVATIONS = new Set(['click', 'change', 'drop', 'submit']);

export function setActivationGuard(guard: ActivationGuard): void {
  activationGuard = guard;
}

/**
 * Only what the user does counts: untrusted events (a script's `click()`, a synthetic `input`) are
 * ignored, and clicks while the frame is not plainly visible are refused (issue 14, clickjacking).
 * Send also refuses to go on while what is shown differs from the draft (see `formMatchesDraft`).
 */
export function fromUser<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (!event.isTrusted) return;
    if (ACTIVATIONS.has(event.type) && !activationGuard(event)) {
      event.preventDefault();
      return;
    }
    handler(event);
  };
}

/** Does every field show exactly what the draft holds? */
export function formMatchesDraft(fields: readonly (readonly [HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null, string])[]): boolean {
  return fields.every(([element, value]) => !element || element.value === value);
}

/**
 * A fresh key per draft. `crypto.getRandomValues`, not `crypto.randomUUID`: the latter exists only in
 * secure contexts, and invoicing apps on a LAN are often plain HTTP (issue 16).
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
