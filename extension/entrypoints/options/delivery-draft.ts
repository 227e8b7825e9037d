/**
 * A sender's delivery settings as its form holds them (largest message, copy to Sent), and the body of
 * `PUT /v1/profiles/:id/delivery`, which replaces them all.
 */
import type { z } from 'zod';
import type { DeliverySettingsView, SmtpSecurity, zDeliverySettings } from '../../../shared/schemas';
import { findProviderByDomain } from '../../../shared/providers';
import { domainOf } from './sender-draft';

export type DeliveryBody = z.input<typeof zDeliverySettings>;

export interface SentCopyDraft {
  enabled: boolean;
  host: string;
  port: number;
  security: SmtpSecurity;
  folder: string;
  username: string;
  /** Empty: keep the saved one. */
  password: string;
}

export interface DeliveryDraft {
  /** Empty: the default (the provider's or the server's limit). */
  maxMessageMb: string;
  sentCopy: SentCopyDraft;
}

/** The saved settings; with no Sent copy yet, the provider's IMAP server is the suggestion. */
export function deliveryDraftFrom(fromAddress: string, delivery: DeliverySettingsView | undefined): DeliveryDraft {
  const preset = findProviderByDomain(domainOf(fromAddress));
  const sent = delivery?.saveToSent;
  return {
    maxMessageMb: delivery?.maxMessageBytes ? String(delivery.maxMessageBytes / 1_000_000) : '',
    sentCopy: {
      enabled: Boolean(sent),
      host: sent?.host ?? preset?.imap?.host ?? `imap.${domainOf(fromAddress)}`,
      port: sent?.port ?? preset?.imap?.port ?? 993,
      security: sent?.security ?? preset?.imap?.security ?? 'tls',
      folder: sent?.folder ?? '',
      username: sent?.username ?? '',
      password: '',
    },
  };
}

export function deliveryChanged(original: DeliveryDraft, draft: DeliveryDraft): boolean {
  return draft.maxMessageMb.trim() !== original.maxMessageMb || JSON.stringify(draft.sentCopy) !== JSON.stringify(original.sentCopy);
}

/** The PUT replaces the settings: what this form does not edit is sent back as it was. */
export function deliveryBody(draft: DeliveryDraft, current: DeliverySettingsView | undefined): DeliveryBody {
  const mb = Number(draft.maxMessageMb.replace(',', '.'));
  const copy = draft.sentCopy;
  return {
    ...(current?.maxConnections ? { maxConnections: current.maxConnections } : {}),
    ...(current?.messagesPerMinute ? { messagesPerMinute: current.messagesPerMinute } : {}),
    ...(draft.maxMessageMb.trim() && mb > 0 ? { maxMessageBytes: Math.round(mb * 1_000_000) } : {}),
    saveToSent: copy.enabled
      ? {
          host: copy.host.trim(),
          port: copy.port,
          security: copy.security,
          ...(copy.folder.trim() ? { folder: copy.folder.trim() } : {}),
          ...(copy.username.trim() ? { username: copy.username.trim() } : {}),
          ...(copy.password ? { password: copy.password } : {}),
        }
      : null,
  };
}
