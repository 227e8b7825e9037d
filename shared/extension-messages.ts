/**
 * Messages from extension pages and content scripts to the background service worker, the only
 * part that talks to the relay or fetches documents. The background validates each one with these
 * schemas; content scripts import only the types, so zod stays out of the page bundle.
 */
import { z } from 'zod';
import { MAX_DOCUMENT_BYTES, MAX_PAGE_COPY_CHARS } from './document-limits';
import type { AppPasswordView, CustomerView, DeviceView, DiscoveryResult, MeView, NewAppPasswordView, PairingCodeView, UserWithAllowancesView } from './api-schemas';
import type { DiagnosisResult } from './diagnosis-schemas';
import type { OAuthProvidersView, OAuthSignInView } from './oauth-schemas';
import type { ErrorCode } from './errors';
import { zRecipeInput, type Recipe, type RecipeView } from './recipe-schemas';
import { MAX_BCC_PER_SEND, type DeliverySettingsView, type MessageView, type ProfileView, type SendAcceptedView, type UserView } from './schemas';
import { DOCUMENT_KINDS } from './document-kinds';
import { LANGUAGES, TEMPLATE_LANGUAGES } from './languages';
import type { TemplateList, TemplateView } from './template-schemas';

export { MAX_DOCUMENT_BYTES, MAX_PAGE_COPY_CHARS };

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
  /** Blind copies (bare addresses); the relay puts them into the envelope only. */
  bcc: z.array(z.string().max(320)).max(MAX_BCC_PER_SEND).default([]),
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
  /**
   * Several documents of a list page in one message (issue 21: one mail per customer), each fetched by
   * the background like `documentUrl`. The relay splits a send too large for the mailbox between them.
   */
  documents: z
    .array(z.object({ url: z.string().url().max(4096), filename: z.string().max(255).optional(), ref: z.string().min(1).max(200) }))
    .max(50)
    .default([]),
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
const zExplanationLanguage = z.enum(LANGUAGES).optional();

/**
 * A document as the page's content script hands it to the panel (issue 14): page data only, checked
 * here because the page's DOM it was read from is not trusted. The panel itself runs in an
 * extension-origin frame the page cannot script.
 */
export const zPanelDocument = z.object({
  number: z.string().max(200).optional(),
  recipients: z.array(z.string().max(400)).max(20).default([]),
  customerName: z.string().max(300).optional(),
  amount: z.string().max(100).optional(),
  dueDate: z.string().max(100).optional(),
  /** The document's language: the panel's template is in it (TEMPLATE_LANGUAGES, more than the languages the UI speaks). */
  language: z.enum(TEMPLATE_LANGUAGES).optional(),
  pdfUrl: z.string().url().max(4096).optional(),
  pdfName: z.string().max(255).optional(),
  /**
   * A link to the document's PDF on another host (a files or payment host): fetched only from a host the
   * user granted, which the panel asks for on the user's click (issue 16 item 3).
   */
  pdfElsewhere: z.string().url().max(4096).optional(),
  /**
   * The PDF a viewer on the page shows from memory (a `blob:` preview the app made by script), read by the content script when the
   * panel opened without a `pdfUrl`: attached as the document's file (issue 16 item 3).
   */
  pdfFile: z
    .object({
      filename: z.string().min(1).max(255),
      contentBase64: z.string().max(Math.ceil(MAX_DOCUMENT_BYTES / 3) * 4),
      size: z.number().int().min(1).max(MAX_DOCUMENT_BYTES),
    })
    .optional(),
  /** The customer's number as the page shows it: the customer directory finds the recipient by it (issue 16 item 4). */
  customerNumber: z.string().max(64).optional(),
  /** The customer's page on the same site (a recipe's `customerPage`), read for the address when the document has none. */
  customerPageUrl: z.string().url().max(4096).optional(),
  /**
   * A recipe's `pdfButton` selector (issue 16 item 3): the panel offers "Make the PDF". The frame never
   * sends it back: the content script presses the button it found itself.
   */
  pdfButtonSelector: z.string().max(2000).optional(),
  /** The kind of document (issue 16 item 8): picks the template (issue 21) and travels with the send. */
  kind: z.enum(DOCUMENT_KINDS).optional(),
});
export type PanelDocument = z.output<typeof zPanelDocument>;

/** What a capture in the page gave (extension/capture/page-capture.ts), as the content script reports it to the panel frame. */
export const zCaptureOutcome = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    file: z.object({
      filename: z.string().min(1).max(255),
      contentType: z.literal('application/pdf'),
      contentBase64: z.string().max(Math.ceil(MAX_DOCUMENT_BYTES / 3) * 4),
      size: z.number().int().min(1).max(MAX_DOCUMENT_BYTES),
      route: z.enum(['blob', 'url', 'form', 'frame']),
    }),
  }),
  z.object({
    ok: z.literal(false),
    reason: z.enum(['not_pdf', 'timeout', 'failed', 'other_site', 'too_large', 'cancelled', 'print_only']),
    message: z.string().max(500).optional(),
    grant: z.object({ origin: z.string().max(300), url: z.string().url().max(4096) }).optional(),
  }),
]);
export type CaptureOutcomeMessage = z.output<typeof zCaptureOutcome>;

/** What the panel frame shows: one document's send panel, or the bulk panel of a list page. */
export const zPanelView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('document'), document: zPanelDocument }),
  z.object({ kind: z.literal('list'), documents: z.array(zPanelDocument).min(1).max(500) }),
]);
export type PanelView = z.output<typeof zPanelView>;

/**
 * A copy of the page for the detector to read off the page's main thread (issue 18,
 * extension/sites/page-copy.ts): its HTML, address, base URL and the live state of its form controls
 * (index among the page's `input, textarea, select`, and a value, a checked state or the selected options).
 */
export const zPageCopy = z.object({
  html: z.string().max(MAX_PAGE_COPY_CHARS),
  url: z.string().url().max(8192),
  baseUrl: z.string().url().max(8192),
  controls: z.array(z.tuple([z.number().int().min(0), z.union([z.string().max(100_000), z.boolean(), z.array(z.number().int().min(0)).max(10_000)])])).max(20_000),
});
export type PageCopy = z.output<typeof zPageCopy>;

/** A detection on a page's copy, as data (extension/sites/page-copy.ts gives its documents their precise type). */
export interface CopiedDetectionData {
  kind: 'document' | 'list';
  documents: object[];
  anchor?: number[];
  partial?: boolean;
  tags: Record<string, string>;
}

export const zExtensionRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('connection.get') }),
  z.object({
    type: z.literal('connection.pair'),
    relayUrl: z.string().url().max(2048),
    code: z.string().min(4).max(32),
    // Only for a relay's setup code: who becomes its admin (issue 20). The relay checks the address.
    email: z.string().min(3).max(320).optional(),
    name: z.string().min(1).max(100).optional(),
  }),
  z.object({ type: z.literal('connection.forget') }),
  z.object({ type: z.literal('profiles.list') }),
  z.object({ type: z.literal('document.inspect'), url: z.string().url().max(4096) }),
  z.object({ type: z.literal('message.send'), draft: zSendDraft }),
  z.object({ type: z.literal('message.status'), id: z.string().min(1).max(64) }),
  // The in-page content scripts (issue 7); the background takes the page from `sender.tab`, never from the message:
  // `start`: the page looks like a document; the background injects the page script into the asking frame before it answers.
  z.object({ type: z.literal('page.setup'), start: z.boolean().optional() }),
  z.object({ type: z.literal('document.probe'), urls: z.array(z.string().url().max(4096)).min(1).max(3) }),
  z.object({ type: z.literal('document.history'), documentRef: z.string().min(1).max(200) }),
  z.object({ type: z.literal('panel.load') }),
  // A copy of the page for the detector, and the page's setup with the answer (issue 18).
  z.object({ type: z.literal('page.detect'), copy: zPageCopy, quick: z.boolean(), start: z.boolean().optional() }),
  // The detector in the page itself, where its copy cannot be read elsewhere (issue 18): Firefox, or an import that failed.
  z.object({ type: z.literal('detector.load') }),
  // The panel frame (issue 14): the content script opens a session for it and reports whether the page lets it be seen.
  z.object({ type: z.literal('panel.open'), view: zPanelView }),
  z.object({ type: z.literal('panel.visibility'), token: z.string().min(16).max(128), visible: z.boolean() }),
  z.object({ type: z.literal('recipes.save'), recipe: zRecipeInput, share: z.boolean().optional() }),
  // Recipes and the element picker, from the extension's own pages (popup, options):
  z.object({ type: z.literal('recipes.list') }),
  z.object({ type: z.literal('recipes.delete'), id: z.string().min(1).max(64) }),
  z.object({ type: z.literal('recipes.publish'), id: z.string().min(1).max(64) }),
  z.object({ type: z.literal('recipes.unpublish'), id: z.string().min(1).max(64) }),
  z.object({ type: z.literal('picker.start'), tabId: z.number().int().min(0) }),
  // The popup's "what this page offers" and "Send anyway" (issue 16 item 11):
  z.object({ type: z.literal('page.report'), tabId: z.number().int().min(0) }),
  z.object({ type: z.literal('page.sendAnyway'), tabId: z.number().int().min(0) }),
  // "Take the PDF from the page" (issue 16 item 3), from the content script while the panel frame's
  // capture runs (panel-sessions.ts refuses them otherwise): the main-world hook for this capture, a
  // file on a granted files host, and the outcome for the frame.
  z.object({ type: z.literal('capture.arm'), nonce: z.string().regex(/^[0-9a-f]{32}$/) }),
  z.object({ type: z.literal('capture.fetch'), url: z.string().url().max(4096) }),
  // From the panel frame only: the PDF on a host the user granted (the panel's "Allow Ownpost to read …").
  z.object({ type: z.literal('document.fetchElsewhere'), url: z.string().url().max(4096) }),
  // From the panel frame only, where it has no permissions API itself (Firefox): a small window of Ownpost's asks for the one origin on the user's click there.
  z.object({ type: z.literal('host.ask'), origin: z.string().max(300), language: zExplanationLanguage }),
  z.object({ type: z.literal('capture.result'), token: z.string().min(16).max(128), outcome: zCaptureOutcome }),
  // The company's customer directory (issue 16 item 4), from the panel; the relay validates every field again:
  z.object({ type: z.literal('customers.find'), name: z.string().min(1).max(200).optional(), number: z.string().min(1).max(64).optional() }),
  z.object({
    type: z.literal('customers.remember'),
    name: z.string().min(1).max(200).optional(),
    number: z.string().min(1).max(64).optional(),
    recipients: z.array(z.string().max(400)).min(1).max(10),
  }),
  z.object({ type: z.literal('customers.forget'), id: z.string().min(1).max(64) }),
  z.object({ type: z.literal('customer.page'), url: z.string().url().max(4096) }),
  // From the extension's own pages only (popup, options):
  z.object({ type: z.literal('me.get') }),
  z.object({ type: z.literal('discover'), email: z.string().min(3).max(320), language: zExplanationLanguage }),
  z.object({ type: z.literal('profiles.diagnose'), profile: zRelayBody, sendTo: z.string().max(320).optional(), language: zExplanationLanguage }),
  z.object({ type: z.literal('profiles.test'), id: zId, sendTo: z.string().max(320).optional(), language: zExplanationLanguage }),
  z.object({ type: z.literal('profiles.create'), profile: zRelayBody, force: z.boolean().optional() }),
  z.object({ type: z.literal('profiles.update'), id: zId, patch: zRelayBody, force: z.boolean().optional() }),
  z.object({ type: z.literal('profiles.delete'), id: zId }),
  z.object({ type: z.literal('profiles.delivery.get'), id: zId }),
  z.object({ type: z.literal('profiles.delivery.put'), id: zId, settings: zRelayBody, language: zExplanationLanguage }),
  // OAuth2 sign-in of a sender (issue 8; the flow is in shared/oauth-schemas.ts):
  z.object({ type: z.literal('oauth.start'), profileId: zId, redirectUri: z.string().max(2048).optional(), language: zExplanationLanguage }),
  z.object({ type: z.literal('oauth.status'), signInId: zId, language: zExplanationLanguage }),
  z.object({ type: z.literal('oauth.complete'), signInId: zId, redirectUrl: z.string().min(1).max(16_384), language: zExplanationLanguage }),
  z.object({ type: z.literal('oauth.signOut'), profileId: zId }),
  z.object({ type: z.literal('oauth.providers') }),
  // Message templates per document kind (issue 21): the panel reads them, the options page changes them.
  z.object({ type: z.literal('templates.list') }),
  z.object({
    type: z.literal('templates.put'),
    kind: z.enum(DOCUMENT_KINDS),
    language: z.enum(TEMPLATE_LANGUAGES),
    scope: z.enum(['company', 'personal']).optional(),
    template: z.object({ subject: z.string().max(998), message: z.string().max(20_000) }),
  }),
  z.object({ type: z.literal('templates.reset'), kind: z.enum(DOCUMENT_KINDS), language: z.enum(TEMPLATE_LANGUAGES), scope: z.enum(['company', 'personal']).optional() }),
  z.object({
    type: z.literal('messages.list'),
    documentRef: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(200).optional(),
    language: zExplanationLanguage,
  }),
  // People and devices (issues 14, 20), from the options page's People section:
  z.object({ type: z.literal('people.list') }),
  z.object({
    type: z.literal('people.add'),
    email: z.string().min(3).max(320),
    name: z.string().max(100).optional(),
    role: z.enum(['admin', 'member']).optional(),
  }),
  z.object({ type: z.literal('people.remove'), userId: zId }),
  z.object({ type: z.literal('people.pairingCode'), userId: zId }),
  z.object({ type: z.literal('people.devices'), userId: zId }),
  z.object({ type: z.literal('devices.mine') }),
  z.object({ type: z.literal('devices.revoke'), deviceId: zId }),
  // App passwords for the SMTP front door (issue 19), from the options page:
  z.object({ type: z.literal('appPasswords.list') }),
  z.object({ type: z.literal('appPasswords.create'), name: z.string().min(1).max(100) }),
  z.object({ type: z.literal('appPasswords.revoke'), id: zId }),
]);
export type ExtensionRequest = z.input<typeof zExtensionRequest>;

/**
 * Requests a content script may make; the rest come only from the extension's own pages, the panel
 * frame among them. Senders, history and sending are not here: since issue 14 only the panel frame,
 * which the page cannot script, asks for them, so relay data never passes through the page's renderer
 * in a script the page shares a DOM with; so does the customer directory (`customers.*`,
 * `customer.page`). The `capture.*` ones are honoured only while the panel frame of the same tab and
 * frame has a capture running (background/panel-sessions.ts).
 */
export const CONTENT_SCRIPT_REQUESTS: ReadonlySet<ExtensionRequest['type']> = new Set([
  'connection.get',
  'page.setup',
  'document.probe',
  'panel.load',
  'page.detect',
  'detector.load',
  'panel.open',
  'panel.visibility',
  'recipes.save',
  'templates.list',
  'capture.arm',
  'capture.fetch',
  'capture.result',
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
export type TabCommand =
  | { type: 'ownpost.picker.start' }
  /** The popup's "what this page offers" and "Send anyway" (issue 16 item 11). */
  | { type: 'ownpost.page.report' }
  | { type: 'ownpost.panel.open' }
  /** The panel frame loaded and claimed its session: it works (else the content script says it did not). */
  | { type: 'ownpost.panel.ready'; token: string }
  /** The panel frame was closed (its × button, or the frame went away): remove its container. */
  | { type: 'ownpost.panel.close'; token: string }
  /**
   * The panel frame's content is this tall: size the frame to it (within the viewport); `aside`: put it
   * where it covers none of the page's controls (a capture listens for the app's own button).
   */
  | { type: 'ownpost.panel.resize'; token: string; height: number; aside?: boolean }
  /**
   * The user armed "Take the PDF from the page" in the panel frame (a click its guard let through):
   * listen in the page (the capture script is injected already) and, with `press`, press the recipe's
   * PDF button. The outcome goes back with `capture.result`.
   */
  | { type: 'ownpost.capture.start'; token: string; press: boolean }
  /** The user pressed Cancel in the frame (or the frame went away). */
  | { type: 'ownpost.capture.cancel'; token: string }
  /**
   * While the capture listens, a frame of the page started loading this address (seen by the
   * background's webRequest: a download frame sent there by script, which the page shows no sign of).
   * The capture script fetches it, and keeps it only if it is a PDF.
   */
  | { type: 'ownpost.capture.frame'; token: string; url: string };

/** What a page offered, as the popup shows it (issue 16 item 11): extension/sites/page-report.ts. */
export interface PageReport {
  /** A send button is on the page (an adapter or a recipe read it). */
  detected: boolean;
  kind?: 'document' | 'list';
  /** Documents on a list page. */
  count?: number;
  /** The adapter or recipe that read it. */
  adapter?: string;
  number?: string;
  recipient?: string;
  customerName?: string;
  pdf: boolean;
}

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
  // The relay's answer as it is: with `parts` when the send was split by size.
  'message.send': SendAcceptedView;
  'message.status': MessageView;
  'page.setup': PageSetup;
  'document.probe': { document?: ProbedDocument };
  'document.history': { messages: MessageView[] };
  'panel.load': { loaded: true };
  /** The page's setup, and what the detector found on its copy (null: nothing). */
  'page.detect': { setup: PageSetup; detection: CopiedDetectionData | null };
  'detector.load': { loaded: true };
  'panel.open': { token: string };
  'panel.visibility': { delivered: boolean };
  'recipes.save': { recipe: Recipe; shared?: RecipeView; shareError?: ExtensionError };
  'recipes.list': { personal: Recipe[]; company: RecipeView[]; companyError?: ExtensionError };
  'recipes.delete': { deleted: true };
  'recipes.publish': RecipeView;
  'recipes.unpublish': { deleted: true };
  'picker.start': { started: true };
  'page.report': { report: PageReport };
  'page.sendAnyway': { opened: true } | { opened: false; problem: string };
  'capture.arm': { armed: true };
  'capture.fetch': { filename: string; contentBase64: string; size: number };
  'document.fetchElsewhere': { filename: string; contentBase64: string; size: number };
  'host.ask': { granted: boolean };
  'capture.result': { delivered: boolean };
  'customers.find': { customers: CustomerView[] };
  'customers.remember': CustomerView;
  'customers.forget': { deleted: true };
  'customer.page': { addresses: string[] };
  'me.get': MeView;
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
  'templates.list': TemplateList;
  'templates.put': TemplateView;
  'templates.reset': TemplateView;
  'people.list': { users: UserWithAllowancesView[] };
  'people.add': UserWithAllowancesView;
  'people.remove': { removed: true };
  'people.pairingCode': PairingCodeView;
  'people.devices': { devices: DeviceView[] };
  'devices.mine': { devices: DeviceView[] };
  'devices.revoke': { revoked: true };
  'appPasswords.list': { appPasswords: AppPasswordView[] };
  'appPasswords.create': NewAppPasswordView;
  'appPasswords.revoke': { revoked: true };
}

export type ExtensionError = {
  code: ErrorCode | 'not_connected' | 'relay_unreachable' | 'document_unavailable' | 'not_a_pdf' | 'document_too_large' | 'bad_request';
  message: string;
  hint?: string;
  grant?: HostGrant;
};

/**
 * A file on a host Ownpost may not read yet: the one origin to ask the user for (`https://files.example/*`,
 * never more), and the address to fetch once it is granted.
 */
export interface HostGrant {
  origin: string;
  url: string;
}

export type ExtensionResult<T extends ExtensionRequest['type']> = { ok: true; data: ExtensionResponses[T] } | { ok: false; error: ExtensionError };
