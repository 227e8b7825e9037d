import { CONTENT_SCRIPT_REQUESTS, zExtensionRequest, type ConnectionState, type ExtensionResponses, type ExtensionResult } from '../../shared/extension-messages';
import type { Runtime } from '../lib/browser';
import { browser } from '../lib/browser';
import { connectionItem } from '../lib/connection-item';
import {
  deleteRecipe,
  documentHistory,
  inspectDocument,
  listRecipes,
  loadDetectorScript,
  loadPanel,
  pageSetup,
  withPageScript,
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
import { detectPageCopy } from './page-detection';
import { deliverCaptureResult, openPanelSession, PANEL_PAGE_PATH, reportPanelVisibility } from './panel-sessions';
import { relay, uncheckedBody } from './relay-client';
import { listTemplates, putTemplate, resetTemplate } from './templates';
import { armCapture, askForHost, fetchCapturedFile, fetchFileElsewhere } from './capture-requests';
import { customerPageAddresses, findCustomers, forgetCustomer, rememberCustomer } from './customer-requests';
import { PEOPLE_HANDLERS } from './people-requests';
import type { RequestHandler, RequestHandlers, RequestOf, RequestType } from './request-handlers';

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
    const paired = await relay({ relayUrl }).call('pair', {
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
    return relay(connection).call('listProfiles');
  },
  'document.inspect': (request, sender) => inspectDocument(request.url, sender),
  'message.send': (request, sender) => sendDraft(request.draft, sender),
  'message.status': async (request) => {
    const connection = await requireConnection();
    return relay(connection).call('getMessage', { params: { id: request.id } });
  },
  // The in-page UI and recipes (issue 7): extension/background/page-requests.ts.
  'page.setup': (request, sender) => withPageScript(request.start, sender, pageSetup(sender)),
  'document.probe': (request, sender) => probeDocument(request.urls, sender),
  'document.history': (request) => documentHistory(request.documentRef),
  'panel.load': (request, sender) => loadPanel(sender),
  'page.detect': (request, sender) => withPageScript(request.start, sender, detectPageCopy(request.copy, request.quick, sender)),
  'detector.load': (request, sender) => loadDetectorScript(sender),
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
  'document.fetchElsewhere': (request, sender) => fetchFileElsewhere(request.url, sender),
  'host.ask': (request) => askForHost(request.origin, request.language),
  'capture.result': (request, sender) => deliverCaptureResult(request.token, request.outcome, sender),
  'customers.find': (request) => findCustomers({ name: request.name, number: request.number }),
  'customers.remember': (request) => rememberCustomer({ name: request.name, number: request.number, recipients: request.recipients }),
  'customers.forget': (request) => forgetCustomer(request.id),
  'customer.page': (request, sender) => customerPageAddresses(request.url, sender),
  'me.get': async () => {
    const connection = await requireConnection();
    return relay(connection).call('me');
  },
  discover: async (request) => {
    const connection = await requireConnection();
    return relay(connection).call('discover', { query: { email: request.email }, lang: request.language });
  },
  'profiles.diagnose': async (request) => {
    const connection = await requireConnection();
    return relay(connection).call('diagnose', { body: uncheckedBody({ ...request.profile, ...(request.sendTo ? { sendTo: request.sendTo } : {}) }), lang: request.language });
  },
  'profiles.test': async (request) => {
    const connection = await requireConnection();
    return relay(connection).call('testProfile', { params: { id: request.id }, body: request.sendTo ? { sendTo: request.sendTo } : {}, lang: request.language });
  },
  'profiles.create': async (request) => {
    const connection = await requireConnection();
    return relay(connection).call('addProfile', { body: uncheckedBody({ ...request.profile, ...(request.force ? { force: true } : {}) }) });
  },
  'profiles.update': async (request) => {
    const connection = await requireConnection();
    return relay(connection).call('changeProfile', { params: { id: request.id }, body: uncheckedBody({ ...request.patch, ...(request.force ? { force: true } : {}) }) });
  },
  'profiles.delete': async (request) => {
    const connection = await requireConnection();
    await relay(connection).call('deleteProfile', { params: { id: request.id } });
    return { deleted: true };
  },
  'profiles.delivery.get': async (request) => {
    const connection = await requireConnection();
    return relay(connection).call('getDeliverySettings', { params: { id: request.id } });
  },
  'profiles.delivery.put': async (request) => {
    const connection = await requireConnection();
    // The language of the Sent-folder test's stages, when changed settings are tested (issue 21).
    return relay(connection).call('putDeliverySettings', { params: { id: request.id }, body: uncheckedBody(request.settings), lang: request.language });
  },
  'oauth.start': async (request) => {
    const connection = await requireConnection();
    return relay(connection).call('startSignIn', {
      params: { id: request.profileId },
      body: request.redirectUri ? { redirectUri: request.redirectUri } : {},
      lang: request.language,
    });
  },
  'oauth.status': async (request) => {
    const connection = await requireConnection();
    return relay(connection).call('followSignIn', { params: { signInId: request.signInId }, lang: request.language });
  },
  'oauth.complete': async (request) => {
    const connection = await requireConnection();
    return relay(connection).call('completeSignIn', { params: { signInId: request.signInId }, body: { redirectUrl: request.redirectUrl }, lang: request.language });
  },
  'oauth.signOut': async (request) => {
    const connection = await requireConnection();
    await relay(connection).call('signOut', { params: { id: request.profileId } });
    return { signedOut: true };
  },
  'oauth.providers': async () => {
    const connection = await requireConnection();
    return relay(connection).call('oauthProviders');
  },
  'messages.list': async (request) => {
    const connection = await requireConnection();
    return relay(connection).call('listMessages', { query: { documentRef: request.documentRef, limit: request.limit }, lang: request.language });
  },
  'appPasswords.list': async () => {
    const connection = await requireConnection();
    return relay(connection).call('listAppPasswords');
  },
  'appPasswords.create': async (request) => {
    const connection = await requireConnection();
    return relay(connection).call('createAppPassword', { body: { name: request.name } });
  },
  'appPasswords.revoke': async (request) => {
    const connection = await requireConnection();
    await relay(connection).call('revokeAppPassword', { params: { id: request.id } });
    return { revoked: true };
  },
  ...PEOPLE_HANDLERS,
};

/** The handler of this request's type, with the types that belong together. */
function dispatch<T extends RequestType>(request: RequestOf<T>, sender: Runtime.MessageSender): Promise<ExtensionResponses[T]> {
  const handler: RequestHandler<T> = HANDLERS[request.type as T];
  return Promise.resolve(handler(request, sender));
}
