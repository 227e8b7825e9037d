/**
 * Messages from extension pages and content scripts to the background service worker, the only
 * part that talks to the relay or fetches documents. The background validates each one with these
 * schemas; content scripts import only the types, so zod stays out of the page bundle.
 */
import { z } from 'zod';
import { MAX_DOCUMENT_BYTES } from './document-limits';
import { DOCUMENT_KINDS } from './document-kinds';
import type { DiscoveryResult } from './api-schemas';
import type { DiagnosisResult } from './diagnosis-schemas';
import type { OAuthProvidersView, OAuthSignInView } from './oauth-schemas';
import type { ErrorCode } from './errors';
import { zRecipeInput, type Recipe, type RecipeView } from './recipe-schemas';
import type { DeliverySettingsView, MessageView, ProfileView, UserView } from './schemas';

export { MAX_DOCUMENT_BYTES };

/** A file the user added in the panel (picked or dropped). Checked here for size; the relay validates it again. */
export const zPickedFile = z.object({
  filename: z.string().min(1).max(255),
  contentType: z.string().min(3).max(127),
  contentBase64: z.string().max(Math.ceil(MAX_DOCUMENT_BYTES / 3) * 4),
});
export type PickedFile = z.infer<typeof zPickedFile>;

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
  /** The kind of document the page shows, as the content script read it; passed on in the message's context. */
  documentKind: z.enum(DOCUMENT_KINDS).optional(),
  /** Files the user added in the panel, besides the page's document. */
  attachments: z.array(zPickedFile).max(10).default([]),
  /** Chosen by the panel once per draft, so a retried send never becomes a second mail. */
  idempotencyKey: z.string().min(8).max(200),
});
export type SendDraft = z.input<typeof zSendDraft>;

/**
 * A profile (or a patch, or delivery settings) as an extension page sends it. Only checked to be an
 * object here: the relay validates every field, once, and names the field that is wrong.
 */
const zRelayBody = z.record(z.string(), z.unknown());
const zId = z.string().min(1).max(64);
/** The language for the relay's explanations (`?lang=`): the one the user chose in the extension, not the browser's. */
const zExplanationLanguage = z.enum(['en', 'pl', 'is', 'sv', 'da', 'nb', 'de']).optional();

export const zExtensionRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('connection.get') }),
  z.object({ type: z.literal('connection.pair'), relayUrl: z.string().url().max(2048), code: z.string().min(4).max(32) }),
  z.object({ type: z.literal('connection.forget') }),
  z.object({ type: z.literal('profiles.list') }),
  z.object({ type: z.literal('document.inspect'), url: z.string().url().max(4096) }),
  z.object({ type: z.literal('message.send'), draft: zSendDraft }),
  z.object({ type: z.literal('message.status'), id: z.string().min(1).max(64) }),
  // The in-page content scripts (issue 7); the background takes the page from `sender.tab`, never from the message:
  z.object({ type: z.literal('page.setup') }),
  z.object({ type: z.literal('document.probe'), urls: z.array(z.string().url().max(4096)).min(1).max(3) }),
  z.object({ type: z.literal('document.history'), documentRef: z.string().min(1).max(200) }),
  z.object({ type: z.literal('panel.load') }),
  z.object({ type: z.literal('recipes.save'), recipe: zRecipeInput, share: z.boolean().optional() }),
  // Recipes and the element picker, from the extension's own pages (popup, options):
  z.object({ type: z.literal('recipes.list') }),
  z.object({ type: z.literal('recipes.delete'), id: z.string().min(1).max(64) }),
  z.object({ type: z.literal('recipes.publish'), id: z.string().min(1).max(64) }),
  z.object({ type: z.literal('recipes.unpublish'), id: z.string().min(1).max(64) }),
  z.object({ type: z.literal('picker.start'), tabId: z.number().int().min(0) }),
  // From the extension's own pages only (popup, options):
  z.object({ type: z.literal('me.get') }),
  z.object({ type: z.literal('discover'), email: z.string().min(3).max(320), language: zExplanationLanguage }),
  z.object({ type: z.literal('profiles.diagnose'), profile: zRelayBody, sendTo: z.string().max(320).optional(), language: zExplanationLanguage }),
  z.object({ type: z.literal('profiles.test'), id: zId, sendTo: z.string().max(320).optional(), language: zExplanationLanguage }),
  z.object({ type: z.literal('profiles.create'), profile: zRelayBody, force: z.boolean().optional() }),
  z.object({ type: z.literal('profiles.update'), id: zId, patch: zRelayBody, force: z.boolean().optional() }),
  z.object({ type: z.literal('profiles.delete'), id: zId }),
  z.object({ type: z.literal('profiles.delivery.get'), id: zId }),
  z.object({ type: z.literal('profiles.delivery.put'), id: zId, settings: zRelayBody }),
  // OAuth2 sign-in of a sender (issue 8; the flow is in shared/oauth-schemas.ts):
  z.object({ type: z.literal('oauth.start'), profileId: zId, redirectUri: z.string().max(2048).optional(), language: zExplanationLanguage }),
  z.object({ type: z.literal('oauth.status'), signInId: zId, language: zExplanationLanguage }),
  z.object({ type: z.literal('oauth.complete'), signInId: zId, redirectUrl: z.string().min(1).max(16_384), language: zExplanationLanguage }),
  z.object({ type: z.literal('oauth.signOut'), profileId: zId }),
  z.object({ type: z.literal('oauth.providers') }),
  z.object({
    type: z.literal('messages.list'),
    documentRef: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(200).optional(),
    language: zExplanationLanguage,
  }),
]);
export type ExtensionRequest = z.input<typeof zExtensionRequest>;

/** Requests a content script may make; the rest come only from the extension's own pages. */
export const CONTENT_SCRIPT_REQUESTS: ReadonlySet<ExtensionRequest['type']> = new Set([
  'connection.get',
  'profiles.list',
  'document.inspect',
  'message.send',
  'message.status',
  'page.setup',
  'document.probe',
  'document.history',
  'panel.load',
  'recipes.save',
]);

/** What a content script needs to start on a page: the recipes that may apply, and the language to speak. */
export interface PageSetup {
  connected: boolean;
  /** Personal recipes first, then the company's; only those that may match the page's site. */
  recipes: Recipe[];
  language: 'en' | 'pl' | 'is' | 'sv' | 'da' | 'nb' | 'de';
}

/** A link that turned out to give a PDF. */
export interface ProbedDocument {
  url: string;
  filename: string;
  size?: number;
}

/** The background's message to a tab's content script (never from a page: content scripts check the sender). */
export type TabCommand = { type: 'ownpost.picker.start' };

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

/** The answer of `POST /v1/diagnose` and `POST /v1/profiles/:id/test` (shared/diagnosis-schemas.ts). */
export type { DiagnosisResult };

export interface ExtensionResponses {
  'connection.get': ConnectionState;
  'connection.pair': ConnectionState;
  'connection.forget': ConnectionState;
  'profiles.list': { profiles: ProfileView[] };
  'document.inspect': DocumentInfo;
  'message.send': MessageView;
  'message.status': MessageView;
  'page.setup': PageSetup;
  'document.probe': { document?: ProbedDocument };
  'document.history': { messages: MessageView[] };
  'panel.load': { loaded: true };
  'recipes.save': { recipe: Recipe; shared?: RecipeView; shareError?: ExtensionError };
  'recipes.list': { personal: Recipe[]; company: RecipeView[]; companyError?: ExtensionError };
  'recipes.delete': { deleted: true };
  'recipes.publish': RecipeView;
  'recipes.unpublish': { deleted: true };
  'picker.start': { started: true };
  'me.get': UserView;
  discover: DiscoveryResult;
  'profiles.diagnose': DiagnosisResult;
  'profiles.test': DiagnosisResult;
  'profiles.create': ProfileView;
  'profiles.update': ProfileView;
  'profiles.delete': { deleted: true };
  'profiles.delivery.get': DeliverySettingsView;
  'profiles.delivery.put': DeliverySettingsView;
  'oauth.start': OAuthSignInView;
  'oauth.status': OAuthSignInView;
  'oauth.complete': OAuthSignInView;
  'oauth.signOut': { signedOut: true };
  'oauth.providers': OAuthProvidersView;
  'messages.list': { messages: MessageView[] };
}

export type ExtensionError = { code: ErrorCode | 'not_connected' | 'relay_unreachable' | 'document_unavailable' | 'not_a_pdf' | 'document_too_large' | 'bad_request'; message: string; hint?: string };

export type ExtensionResult<T extends ExtensionRequest['type']> =
  | { ok: true; data: ExtensionResponses[T] }
  | { ok: false; error: ExtensionError };
