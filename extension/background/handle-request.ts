import { CONTENT_SCRIPT_REQUESTS, zExtensionRequest, type ConnectionState, type ExtensionResult } from '../../shared/extension-messages';
import type { AppPasswordView, DeviceView, DiscoveryResult, NewAppPasswordView, PairingCodeView, UserWithAllowancesView } from '../../shared/api-schemas';
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
export async function handleExtensionRequest(raw: unknown, sender: Runtime.MessageSender): Promise<ExtensionResult<never>> {
  if (sender.id !== browser.runtime.id) return fail('bad_request', 'Unknown sender.');
  const parsed = zExtensionRequest.safeParse(raw);
  if (!parsed.success) return fail('bad_request', 'The request is not valid.');
  const request = parsed.data;
  if (!isExtensionPage(sender) && !CONTENT_SCRIPT_REQUESTS.has(request.type)) return fail('bad_request', 'Not allowed from a web page.');
  try {
    return { ok: true, data: (await dispatch(request, sender)) as never };
  } catch (error) {
    const failure = toExtensionError(error);
    // The relay no longer knows this browser's token (revoked, expired, its user removed): forget
    // it, so the popup and the options page offer to connect again instead of failing everywhere.
    if (failure.code === 'unauthorized' && request.type !== 'connection.pair') await connectionItem.setValue(null);
    return { ok: false, error: failure };
  }
}

function fail(code: 'bad_request', message: string): ExtensionResult<never> {
  return { ok: false, error: { code, message } };
}

async function dispatch(request: ReturnType<typeof zExtensionRequest.parse>, sender: Runtime.MessageSender): Promise<unknown> {
  switch (request.type) {
    case 'connection.get':
      return connectionState(await connectionItem.getValue());
    case 'connection.forget':
      await connectionItem.setValue(null);
      return connectionState(null);
    case 'connection.pair': {
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
    }
    case 'profiles.list': {
      const connection = await requireConnection();
      return callRelay<{ profiles: ProfileView[] }>(connection.relayUrl, '/v1/profiles', { token: connection.token });
    }
    case 'document.inspect':
      return inspectDocument(request.url, sender);
    case 'message.send':
      return sendDraft(request.draft, sender);
    case 'message.status': {
      const connection = await requireConnection();
      return callRelay<MessageView>(connection.relayUrl, `/v1/messages/${encodeURIComponent(request.id)}`, { token: connection.token });
    }
    // The in-page UI and recipes (issue 7): extension/background/page-requests.ts.
    case 'page.setup':
      return pageSetup(sender);
    case 'document.probe':
      return probeDocument(request.urls, sender);
    case 'document.history':
      return documentHistory(request.documentRef);
    case 'panel.load':
      return loadPanel(sender);
    case 'panel.open':
      return openPanelSession(request.view, sender);
    case 'panel.visibility':
      return reportPanelVisibility(request.token, request.visible, sender);
    case 'recipes.save':
      return saveRecipe(request.recipe, request.share ?? false);
    case 'recipes.list':
      return listRecipes();
    case 'templates.list':
      return listTemplates();
    case 'templates.put':
      return putTemplate(request);
    case 'templates.reset':
      return resetTemplate(request);
    case 'recipes.delete':
      return deleteRecipe(request.id);
    case 'recipes.publish':
      return publishRecipe(request.id);
    case 'recipes.unpublish':
      return unpublishRecipe(request.id);
    case 'picker.start':
      return startPicker(request.tabId);
    case 'page.report':
      return reportOfTab(request.tabId);
    case 'page.sendAnyway':
      return sendAnywayInTab(request.tabId);
    case 'capture.arm':
      return armCapture(request.nonce, sender);
    case 'capture.fetch':
      return fetchCapturedFile(request.url, sender);
    case 'capture.result':
      return deliverCaptureResult(request.token, request.outcome, sender);
    case 'customers.find':
      return findCustomers({ name: request.name, number: request.number });
    case 'customers.remember':
      return rememberCustomer({ name: request.name, number: request.number, recipients: request.recipients });
    case 'customers.forget':
      return forgetCustomer(request.id);
    case 'customer.page':
      return customerPageAddresses(request.url, sender);
    case 'me.get': {
      const connection = await requireConnection();
      return callRelay<UserView>(connection.relayUrl, '/v1/me', { token: connection.token });
    }
    case 'discover': {
      const connection = await requireConnection();
      return callRelay<DiscoveryResult>(connection.relayUrl, relayPath('/v1/discover', { email: request.email, lang: request.language }), {
        token: connection.token,
      });
    }
    case 'profiles.diagnose': {
      const connection = await requireConnection();
      return callRelay<DiagnosisResult>(connection.relayUrl, relayPath('/v1/diagnose', { lang: request.language }), {
        method: 'POST',
        token: connection.token,
        body: { ...request.profile, ...(request.sendTo ? { sendTo: request.sendTo } : {}) },
      });
    }
    case 'profiles.test': {
      const connection = await requireConnection();
      return callRelay<DiagnosisResult>(connection.relayUrl, relayPath(profilePath(request.id, '/test'), { lang: request.language }), {
        method: 'POST',
        token: connection.token,
        body: request.sendTo ? { sendTo: request.sendTo } : {},
      });
    }
    case 'profiles.create': {
      const connection = await requireConnection();
      return callRelay<ProfileView>(connection.relayUrl, '/v1/profiles', {
        method: 'POST',
        token: connection.token,
        body: { ...request.profile, ...(request.force ? { force: true } : {}) },
      });
    }
    case 'profiles.update': {
      const connection = await requireConnection();
      return callRelay<ProfileView>(connection.relayUrl, profilePath(request.id), {
        method: 'PATCH',
        token: connection.token,
        body: { ...request.patch, ...(request.force ? { force: true } : {}) },
      });
    }
    case 'profiles.delete': {
      const connection = await requireConnection();
      await callRelay<void>(connection.relayUrl, profilePath(request.id), { method: 'DELETE', token: connection.token });
      return { deleted: true };
    }
    case 'profiles.delivery.get': {
      const connection = await requireConnection();
      return callRelay<DeliverySettingsView>(connection.relayUrl, profilePath(request.id, '/delivery'), { token: connection.token });
    }
    case 'profiles.delivery.put': {
      const connection = await requireConnection();
      return callRelay<DeliverySettingsView>(connection.relayUrl, profilePath(request.id, '/delivery'), {
        method: 'PUT',
        token: connection.token,
        body: request.settings,
      });
    }
    case 'oauth.start': {
      const connection = await requireConnection();
      return callRelay<OAuthSignInView>(connection.relayUrl, relayPath(profilePath(request.profileId, '/oauth/sign-in'), { lang: request.language }), {
        method: 'POST',
        token: connection.token,
        body: request.redirectUri ? { redirectUri: request.redirectUri } : {},
      });
    }
    case 'oauth.status': {
      const connection = await requireConnection();
      return callRelay<OAuthSignInView>(connection.relayUrl, relayPath(signInPath(request.signInId), { lang: request.language }), { token: connection.token });
    }
    case 'oauth.complete': {
      const connection = await requireConnection();
      return callRelay<OAuthSignInView>(connection.relayUrl, relayPath(signInPath(request.signInId, '/complete'), { lang: request.language }), {
        method: 'POST',
        token: connection.token,
        body: { redirectUrl: request.redirectUrl },
      });
    }
    case 'oauth.signOut': {
      const connection = await requireConnection();
      await callRelay<void>(connection.relayUrl, profilePath(request.profileId, '/oauth/sign-in'), { method: 'DELETE', token: connection.token });
      return { signedOut: true };
    }
    case 'oauth.providers': {
      const connection = await requireConnection();
      return callRelay<OAuthProvidersView>(connection.relayUrl, '/v1/oauth/providers', { token: connection.token });
    }
    case 'messages.list': {
      const connection = await requireConnection();
      return callRelay<{ messages: MessageView[] }>(connection.relayUrl, relayPath('/v1/messages', { documentRef: request.documentRef, limit: request.limit, lang: request.language }), {
        token: connection.token,
      });
    }
    case 'appPasswords.list': {
      const connection = await requireConnection();
      return callRelay<{ appPasswords: AppPasswordView[] }>(connection.relayUrl, '/v1/app-passwords', { token: connection.token });
    }
    case 'appPasswords.create': {
      const connection = await requireConnection();
      return callRelay<NewAppPasswordView>(connection.relayUrl, '/v1/app-passwords', { method: 'POST', token: connection.token, body: { name: request.name } });
    }
    case 'appPasswords.revoke': {
      const connection = await requireConnection();
      await callRelay<void>(connection.relayUrl, `/v1/app-passwords/${encodeURIComponent(request.id)}`, { method: 'DELETE', token: connection.token });
      return { revoked: true };
    }
    case 'people.list':
    case 'people.add':
    case 'people.remove':
    case 'people.pairingCode':
    case 'people.devices':
    case 'devices.mine':
    case 'devices.revoke':
      return dispatchPeople(request);
  }
}

type PeopleRequest = Extract<ReturnType<typeof zExtensionRequest.parse>, { type: `people.${string}` | `devices.${string}` }>;

/** People and devices (issues 14, 20): the options page's People section. The relay checks who may do what. */
async function dispatchPeople(request: PeopleRequest): Promise<unknown> {
  const connection = await requireConnection();
  const call = <T>(path: string, init: { method?: string; body?: unknown } = {}) => callRelay<T>(connection.relayUrl, path, { ...init, token: connection.token });
  const userPath = (id: string, rest = '') => `/v1/users/${encodeURIComponent(id)}${rest}`;
  switch (request.type) {
    case 'people.list':
      return call<{ users: UserWithAllowancesView[] }>('/v1/users');
    case 'people.add':
      return call<UserWithAllowancesView>('/v1/users', {
        method: 'POST',
        body: { email: request.email, ...(request.name ? { name: request.name } : {}), ...(request.role ? { role: request.role } : {}) },
      });
    case 'people.remove':
      await call<void>(userPath(request.userId), { method: 'DELETE' });
      return { removed: true };
    case 'people.pairingCode':
      return call<PairingCodeView>(userPath(request.userId, '/pairing-code'), { method: 'POST' });
    case 'people.devices':
      return call<{ devices: DeviceView[] }>(userPath(request.userId, '/devices'));
    case 'devices.mine':
      return call<{ devices: DeviceView[] }>('/v1/me/devices');
    case 'devices.revoke':
      await call<void>(`/v1/devices/${encodeURIComponent(request.deviceId)}`, { method: 'DELETE' });
      return { revoked: true };
  }
}
