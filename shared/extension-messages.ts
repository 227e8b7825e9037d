/**
 * Messages from extension pages and content scripts to the background service worker, the only
 * part that talks to the relay or fetches documents. The background validates each one with these
 * schemas; content scripts import only the types, so zod stays out of the page bundle.
 */
import { z } from 'zod';
import type { ErrorCode } from './errors';
import type { MessageView, ProfileView, UserView } from './schemas';

export const MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;

export const zSendDraft = z.object({
  profileId: z.string().min(1).max(64).optional(),
  to: z.array(z.string().max(400)).min(1).max(50),
  cc: z.array(z.string().max(400)).max(50).default([]),
  subject: z.string().min(1).max(998),
  text: z.string().max(1_000_000).default(''),
  /** The document's URL on the page; fetched by the background from the tab's own origin only. */
  documentUrl: z.string().url().max(4096).optional(),
  documentFilename: z.string().max(255).optional(),
  documentRef: z.string().max(200).optional(),
  /** Chosen by the panel once per draft, so a retried send never becomes a second mail. */
  idempotencyKey: z.string().min(8).max(200),
});
export type SendDraft = z.input<typeof zSendDraft>;

export const zExtensionRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('connection.get') }),
  z.object({ type: z.literal('connection.pair'), relayUrl: z.string().url().max(2048), code: z.string().min(4).max(32) }),
  z.object({ type: z.literal('connection.forget') }),
  z.object({ type: z.literal('profiles.list') }),
  z.object({ type: z.literal('document.inspect'), url: z.string().url().max(4096) }),
  z.object({ type: z.literal('message.send'), draft: zSendDraft }),
  z.object({ type: z.literal('message.status'), id: z.string().min(1).max(64) }),
]);
export type ExtensionRequest = z.input<typeof zExtensionRequest>;

/** Requests a content script may make; the rest come only from the extension's own pages. */
export const CONTENT_SCRIPT_REQUESTS: ReadonlySet<ExtensionRequest['type']> = new Set([
  'connection.get',
  'profiles.list',
  'document.inspect',
  'message.send',
  'message.status',
]);

export interface ConnectionState {
  connected: boolean;
  relayUrl?: string;
  user?: UserView;
}

export interface DocumentInfo {
  filename: string;
  size: number;
  contentType: 'application/pdf';
}

export interface ExtensionResponses {
  'connection.get': ConnectionState;
  'connection.pair': ConnectionState;
  'connection.forget': ConnectionState;
  'profiles.list': { profiles: ProfileView[] };
  'document.inspect': DocumentInfo;
  'message.send': MessageView;
  'message.status': MessageView;
}

export type ExtensionError = { code: ErrorCode | 'not_connected' | 'relay_unreachable' | 'document_unavailable' | 'not_a_pdf' | 'document_too_large' | 'bad_request'; message: string; hint?: string };

export type ExtensionResult<T extends ExtensionRequest['type']> =
  | { ok: true; data: ExtensionResponses[T] }
  | { ok: false; error: ExtensionError };
