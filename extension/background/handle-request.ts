import {
  CONTENT_SCRIPT_REQUESTS,
  zExtensionRequest,
  type ConnectionState,
  type ExtensionResult,
} from '../../shared/extension-messages';
import type { MessageView, PairResponse, ProfileView } from '../../shared/schemas';
import type { Runtime } from '../lib/browser';
import { browser } from '../lib/browser';
import { connectionItem } from '../lib/connection-item';
import { bytesToBase64, fetchDocumentForTab } from './fetch-document';
import { callRelay, RelayError } from './relay-client';

async function requireConnection() {
  const connection = await connectionItem.getValue();
  if (!connection) {
    throw new RelayError({ code: 'not_connected', message: 'Ownpost is not connected to a relay yet.', hint: 'Click the Ownpost icon and connect with a pairing code.' });
  }
  return connection;
}

function connectionState(connection: Awaited<ReturnType<typeof connectionItem.getValue>>): ConnectionState {
  return connection ? { connected: true, relayUrl: connection.relayUrl, user: connection.user } : { connected: false };
}

/**
 * Is the message from one of our own pages (popup, options) rather than a content script? Decided by
 * the sender's URL, which the browser sets: our pages may also be open in a tab, so `sender.tab` alone
 * does not tell.
 */
function isExtensionPage(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && (sender.url ?? '').startsWith(browser.runtime.getURL('/'));
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
    if (error instanceof RelayError) return { ok: false, error: error.error };
    return fail('bad_request', (error as Error).message);
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
        body: { code: request.code, device: `${navigator.userAgent.includes('Firefox') ? 'Firefox' : 'Chromium'} extension` },
      });
      const connection = { relayUrl, token: paired.token, user: paired.user, pairedAt: new Date().toISOString() };
      await connectionItem.setValue(connection);
      return connectionState(connection);
    }
    case 'profiles.list': {
      const connection = await requireConnection();
      return callRelay<{ profiles: ProfileView[] }>(connection.relayUrl, '/v1/profiles', { token: connection.token });
    }
    case 'document.inspect': {
      const { bytes: _bytes, ...info } = await fetchDocumentForTab(request.url, sender.tab?.url);
      return info;
    }
    case 'message.send': {
      const connection = await requireConnection();
      const { draft } = request;
      const attachments = [];
      if (draft.documentUrl) {
        const document = await fetchDocumentForTab(draft.documentUrl, sender.tab?.url, draft.documentFilename);
        attachments.push({ filename: document.filename, contentType: document.contentType, contentBase64: bytesToBase64(document.bytes) });
      }
      return callRelay<MessageView>(connection.relayUrl, '/v1/messages', {
        method: 'POST',
        token: connection.token,
        idempotencyKey: draft.idempotencyKey,
        body: {
          ...(draft.profileId ? { profileId: draft.profileId } : {}),
          to: draft.to,
          cc: draft.cc,
          subject: draft.subject,
          text: draft.text,
          attachments,
          context: { documentRef: draft.documentRef, pageUrl: sender.tab?.url },
        },
      });
    }
    case 'message.status': {
      const connection = await requireConnection();
      return callRelay<MessageView>(connection.relayUrl, `/v1/messages/${encodeURIComponent(request.id)}`, { token: connection.token });
    }
  }
}
