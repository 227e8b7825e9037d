import {
  CONTENT_SCRIPT_REQUESTS,
  zExtensionRequest,
  type ConnectionState,
  type ExtensionResponses,
  type ExtensionResult,
} from '../../shared/extension-messages';
import type { AppPasswordView, DiscoveryResult, MeView, NewAppPasswordView } from '../../shared/api-schemas';
import type { DiagnosisResult } from '../../shared/extension-messages';
import type { OAuthProvidersView, OAuthSignInView } from '../../shared/oauth-schemas';
import type { DeliverySettingsView, MessageView, PairResponse, ProfileView, UserView } from '../../shared/schemas';
import type { Runtime } from '../lib/browser';
import { browser } from '../lib/browser';
import { connectionItem } from '../lib/connection-item';
import {
  deleteRecipe,
  documentHistory,
  inspectDocument,
  listRecipes,
  loadPageScript,
  loadPanel,
  pageSetup,
  probeDocument,
  publishRecipe,
  requireConnection,
  saveRecipe,
  sendDraft,
  startPicker,
  toExtensionError,
  reportOfTab,
  sendAnywayInTab,
  unpublishRecipe,
} from './page-requests';
import { deliverCaptureResult, openPanelSession, PANEL_PAGE_PATH, reportPanelVisibility } from './panel-sessions';
import { callRelay, relayPath } from './relay-client';
import { listTemplates, putTemplate, resetTemplate } from './templates';
import { armCapture, fetchCapturedFile } from './capture-requests';
import { customerPageAddresses, findCustomers, forgetCustomer, rememberCustomer } from './customer-requests';
import { PEOPLE_HANDLERS } from './people-requests';
import type { RequestHandler, RequestHandlers, RequestOf, RequestType } from './request-handlers';

const profilePath = (id: string, rest = '') => `/v1/profiles/${encodeURIComponent(id)}${rest}`;
const signInPath = (id: string, rest = '') => `/v1/oauth/sign-ins/${encodeURIComponent(id)}${rest}`;

function connectionState(connection: Awaited<ReturnType<typeof connectionItem.getValue>>): ConnectionState {
  return connection ? { connected: true, relayUrl: connection.relayUrl, user: connection.user } : { connected: false };
}

/**
 * Is the message from one of our own pages (popup, options, the panel frame) rather than a content
 * script? Decided by the sender's URL, which the browser sets: our pages may also be open in a tab,
 * so `sender.tab` alone does not tell. The panel frame may be loaded under the session's dynamic
 * extension address (`use_dynamic_url`, wxt.config.ts), so it is recognised by its page.
 */
function isExtensionPage(sender: Runtime.MessageSender): boolean {
  if (sender.id !== browser.runtime.id || !sender.url) return false;
  if (sender.url.startsWith(browser.runtime.getURL('/'))) return true;
  try {
    const url = new URL(sender.url);
    return /^(chrome|moz)-extension:$/.test(url.protocol) && url.pathname === PANEL_PAGE_PATH;
  } catch {
    return false;
  }
}

/**
 * Every message reaching the background goes through here: validated, checked against who sent it
 * (content scripts may do less than extension pages), and answered with a result, never a throw.
 */
export async function handleExtensionRequest(raw: unknown, sender: Runtime.MessageSender): Promise<ExtensionResult<RequestType>> {
  if (sender.id !== browser.runtime.id) return fail('bad_request', 'Unknown sender.');
  const parsed = zExtensionRequest.safeParse(raw);
  if (!parsed.success) return fail('bad_request', 'The request is not valid.');
  const request = parsed.data;
  if (!isExtensionPage(sender) && !CONTENT_SCRIPT_REQUESTS.has(request.type)) return fail('bad_request', 'Not allowed from a web page.');
  try {
    return { ok: true, data: await dispatch(request, sender) };
  } catch (error) {
    const failure = toExtensionError(error);
    // The relay no longer knows this browser's token (revoked, expired, its user removed): forget
    // it, so the popup and the options page offer to connect again instead of failing everywhere.
    if (failure.code === 'unauthorized' && request.type !== 'connection.pair') await connectionItem.setValue(null);
    return { ok: false, error: failure };
  }
}

function fail(code: 'bad_request', message: string): ExtensionResult<RequestType> {
  return { ok: false, error: { code, message } };
}

/**
 * One handler per message type: its request is that message as validated, its answer the type
 * ExtensionResponses declares for it (shared/extension-messages.ts).
 */
const HANDLERS: RequestHandlers = {
  'connection.get': async () => connectionState(await connectionItem.getValue()),
  'connection.forget': async () => {
    await connectionItem.setValue(null);
    return connectionState(null);
  },
  'connection.pair': async (request) => {
    const relayUrl = new URL(request.relayUrl).origin;
    const paired = await callRelay<PairResponse>(relayUrl, '/v1/pair', {
      method: 'POST',
      body: {
        code: request.code,
        device: `${navigator.userAgent.includes('Firefox') ? 'Firefox' : 'Chromium'} extension`,
        ...(request.email ? { email: request.email } : {}),
        ...(request.name ? { name: request.name } : {}),
      },
    });
    const connection = { relayUrl, token: paired.token, user: paired.user, pairedAt: new Date().toISOString() };
    await connectionItem.setValue(connection);
    return connectionState(connection);
  },
  'profiles.list': async () => {
    const connection = await requireConnection();
    return callRelay<{ profiles: ProfileView[] }>(connection.relayUrl, '/v1/profiles', { token: connection.token });
  },
  'document.inspect': (request, sender) => inspectDocument(request.url, sender),
  'message.send': (request, sender) => sendDraft(request.draft, sender),
  'message.status': async (request) => {
    const connection = await requireConnection();
    return callRelay<MessageView>(connection.relayUrl, `/v1/messages/${encodeURIComponent(request.id)}`, { token: connection.token });
  },
  // The in-page UI and recipes (issue 7): extension/background/page-requests.ts.
  'page.setup': (request, sender) => pageSetup(sender),
  'document.probe': (request, sender) => probeDocument(request.urls, sender),
  'document.history': (request) => documentHistory(request.documentRef),
  'panel.load': (request, sender) => loadPanel(sender),
  'page.load': (request, sender) => loadPageScript(sender),
  'panel.open': (request, sender) => openPanelSession(request.view, sender),
  'panel.visibility': (request, sender) => reportPanelVisibility(request.token, request.visible, sender),
  'recipes.save': (request) => saveRecipe(request.recipe, request.share ?? false),
  'recipes.list': () => listRecipes(),
  'templates.list': () => listTemplates(),
  'templates.put': (request) => putTemplate(request),
  'templates.reset': (request) => resetTemplate(request),
  'recipes.delete': (request) => deleteRecipe(request.id),
  'recipes.publish': (request) => publishRecipe(request.id),
  'recipes.unpublish': (request) => unpublishRecipe(request.id),
  'picker.start': (request) => startPicker(request.tabId),
  'page.report': (request) => reportOfTab(request.tabId),
  'page.sendAnyway': (request) => sendAnywayInTab(request.tabId),
  'capture.arm': (request, sender) => armCapture(request.nonce, sender),
  'capture.fetch': (request, sender) => fetchCapturedFile(request.url, sender),
  'capture.result': (request, sender) => deliverCaptureResult(request.token, request.outcome, sender),
  'customers.find': (request) => findCustomers({ name: request.name, number: request.number }),
  'customers.remember': (request) => rememberCustomer({ name: request.name, number: request.number, recipients: request.recipients }),
  'customers.forget': (request) => forgetCustomer(request.id),
  'customer.page': (request, sender) => customerPageAddresses(request.url, sender),
  'me.get': async () => {
    const connection = await requireConnection();
    return callRelay<MeView>(connection.relayUrl, '/v1/me', { token: connection.token });
  },
  discover: async (request) => {
    const connection = await requireConnection();
    return callRelay<DiscoveryResult>(connection.relayUrl, relayPath('/v1/discover', { email: request.email, lang: request.language }), {
      token: connection.token,
    });
  },
  'profiles.diagnose': async (request) => {
    const connection = await requireConnection();
    return callRelay<DiagnosisResult>(connection.relayUrl, relayPath('/v1/diagnose', { lang: request.language }), {
      method: 'POST',
      token: connection.token,
      body: { ...request.profile, ...(request.sendTo ? { sendTo: request.sendTo } : {}) },
    });
  },
  'profiles.test': async (request) => {
    const connection = await requireConnection();
    return callRelay<DiagnosisResult>(connection.relayUrl, relayPath(profilePath(request.id, '/test'), { lang: request.language }), {
      method: 'POST',
      token: connection.token,
      body: request.sendTo ? { sendTo: request.sendTo } : {},
    });
  },
  'profiles.create': async (request) => {
    const connection = await requireConnection();
    return callRelay<ProfileView>(connection.relayUrl, '/v1/profiles', {
      method: 'POST',
      token: connection.token,
      body: { ...request.profile, ...(request.force ? { force: true } : {}) },
    });
  },
  'profiles.update': async (request) => {
    const connection = await requireConnection();
    return callRelay<ProfileView>(connection.relayUrl, profilePath(request.id), {
      method: 'PATCH',
      token: connection.token,
      body: { ...request.patch, ...(request.force ? { force: true } : {}) },
    });
  },
  'profiles.delete': async (request) => {
    const connection = await requireConnection();
    await callRelay<void>(connection.relayUrl, profilePath(request.id), { method: 'DELETE', token: connection.token });
    return { deleted: true };
  },
  'profiles.delivery.get': async (request) => {
    const connection = await requireConnection();
    return callRelay<DeliverySettingsView>(connection.relayUrl, profilePath(request.id, '/delivery'), { token: connection.token });
  },
  'profiles.delivery.put': async (request) => {
    const connection = await requireConnection();
    // The language of the Sent-folder test's stages, when changed settings are tested (issue 21).
    return callRelay<DeliverySettingsView>(connection.relayUrl, relayPath(profilePath(request.id, '/delivery'), { lang: request.language }), {
      method: 'PUT',
      token: connection.token,
      body: request.settings,
    });
  },
  'oauth.start': async (request) => {
    const connection = await requireConnection();
    return callRelay<OAuthSignInView>(connection.relayUrl, relayPath(profilePath(request.profileId, '/oauth/sign-in'), { lang: request.language }), {
      method: 'POST',
      token: connection.token,
      body: request.redirectUri ? { redirectUri: request.redirectUri } : {},
    });
  },
  'oauth.status': async (request) => {
    const connection = await requireConnection();
    return callRelay<OAuthSignInView>(connection.relayUrl, relayPath(signInPath(request.signInId), { lang: request.language }), { token: connection.token });
  },
  'oauth.complete': async (request) => {
    const connection = await requireConnection();
    return callRelay<OAuthSignInView>(connection.relayUrl, relayPath(signInPath(request.signInId, '/complete'), { lang: request.language }), {
      method: 'POST',
      token: connection.token,
      body: { redirectUrl: request.redirectUrl },
    });
  },
  'oauth.signOut': async (request) => {
    const connection = await requireConnection();
    await callRelay<void>(connection.relayUrl, profilePath(request.profileId, '/oauth/sign-in'), { method: 'DELETE', token: connection.token });
    return { signedOut: true };
  },
  'oauth.providers': async () => {
    const connection = await requireConnection();
    return callRelay<OAuthProvidersView>(connection.relayUrl, '/v1/oauth/providers', { token: connection.token });
  },
  'messages.list': async (request) => {
    const connection = await requireConnection();
    return callRelay<{ messages: MessageView[] }>(
      connection.relayUrl,
      relayPath('/v1/messages', { documentRef: request.documentRef, limit: request.limit, lang: request.language }),
      { token: connection.token },
    );
  },
  'appPasswords.list': async () => {
    const connection = await requireConnection();
    return callRelay<{ appPasswords: AppPasswordView[] }>(connection.relayUrl, '/v1/app-passwords', { token: connection.token });
  },
  'appPasswords.create': async (request) => {
    const connection = await requireConnection();
    return callRelay<NewAppPasswordView>(connection.relayUrl, '/v1/app-passwords', { method: 'POST', token: connection.token, body: { name: request.name } });
  },
  'appPasswords.revoke': async (request) => {
    const connection = await requireConnection();
    await callRelay<void>(connection.relayUrl, `/v1/app-passwords/${encodeURIComponent(request.id)}`, { method: 'DELETE', token: connection.token });
    return { revoked: true };
  },
  ...PEOPLE_HANDLERS,
};

/** The handler of this request's type, with the types that belong together. */
function dispatch<T extends RequestType>(request: RequestOf<T>, sender: Runtime.MessageSender): Promise<ExtensionResponses[T]> {
  const handler: RequestHandler<T> = HANDLERS[request.type as T];
  return Promise.resolve(handler(request, sender));
}
