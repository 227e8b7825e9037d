/**
 * Where a send goes, as the relay's answer says (issue 21): through the company's fallback sender
 * instead of the one asked for, and in several messages when the documents were too large for one.
 * Never silent: the panel shows both next to the send's status.
 */
import type { MessageView, ProfileView, SendAcceptedView } from '../../../../shared/schemas';

export interface SendRoute {
  /** The sender that was asked for and could not be used; present only when the fallback sends. */
  fallbackFrom?: string;
  /** How many messages the send became; present only when it was split. */
  parts?: number;
}

/**
 * From the answer to the send (which lists every part) or a later status of its first message (which
 * says "part 1 of n"). The sender is named as the relay named it, else as the panel's list shows it.
 */
export function routeOf(message: MessageView | SendAcceptedView, profiles: readonly ProfileView[] = []): SendRoute {
  const route: SendRoute = {};
  const fallback = message.fallback;
  if (fallback) {
    const asked = profiles.find((p) => p.id === fallback.fromProfileId);
    route.fallbackFrom = fallback.fromProfileName ?? asked?.name ?? fallback.fromProfileId;
  }
  const parts = message.part?.of ?? ('parts' in message ? message.parts?.length : undefined);
  if (parts !== undefined && parts > 1) route.parts = parts;
  return route;
}
