/**
 * The background's side of the in-page UI (issue 7): what content scripts ask for (their page's
 * recipes, probing and fetching the document, sending, history, loading the panel) and the recipe
 * and picker requests of the extension's own pages. handle-request.ts validates every message and
 * checks who may send it before anything here runs; the page is always `sender.tab`, never a URL
 * from the message.
 */
import { MAX_DOCUMENT_BYTES, type ExtensionError, type ExtensionResponses, type PageSetup, type SendDraft, type TabCommand } from '../../shared/extension-messages';
import type { zRecipeInput, RecipeInput, RecipeView } from '../../shared/recipe-schemas';
import type { SendAcceptedView } from '../../shared/schemas';
import { browser, type Runtime } from '../lib/browser';
import { DETECTOR_FILE } from '../entrypoints/invoice.content/detector-contract';
import { PAGE_SCRIPT_FILE } from '../entrypoints/invoice.content/page-contract';
import { projectForPage } from '../lib/site-projects';
import { connectionItem, type StoredConnection } from '../lib/connection-item';
import { currentLanguage } from '../lib/settings-items';
import { companyRecipes, deletePersonalRecipe, findPersonalRecipe, forgetCompanyRecipes, personalRecipesItem, recipesForOrigin, savePersonalRecipe } from '../recipes/recipe-store';
import { base64Size, bytesToBase64 } from '../lib/base64';
import { fetchDocumentForTab, probeDocumentLinks } from './fetch-document';
import { panelPageUrl } from './panel-sessions';
import { relay } from './relay-client';
import { RelayError } from './relay-error';

/** The element picker's code, injected into a tab only when its user starts the picker (the page-load script stays small). */
export const PANEL_SCRIPT_FILE = '/content-scripts/invoice-panel.js';

/** The stored connection to the relay, or a `not_connected` error the UI explains. */
export async function requireConnection(): Promise<StoredConnection> {
  const connection = await connectionItem.getValue();
  if (!connection) {
    throw new RelayError({ code: 'not_connected', message: 'Ownpost is not connected to a relay yet.', hint: 'Click the Ownpost icon and connect with a pairing code.' });
  }
  return connection;
}

function fetchCompanyRecipes(connection: StoredConnection): Promise<RecipeView[]> {
  return relay(connection)
    .call('listRecipes')
    .then((body) => body.recipes);
}

export async function pageSetup(sender: Runtime.MessageSender): Promise<PageSetup> {
  const pageUrl = sender.tab?.url ?? '';
  const [connection, personal, language] = await Promise.all([connectionItem.getValue(), personalRecipesItem.getValue(), currentLanguage()]);
  const company = connection ? await companyRecipes(connection.relayUrl, () => fetchCompanyRecipes(connection)) : [];
  return { connected: Boolean(connection), recipes: recipesForOrigin([...personal, ...company], pageUrl), language };
}

export async function inspectDocument(url: string, sender: Runtime.MessageSender): Promise<ExtensionResponses['document.inspect']> {
  const { bytes: _bytes, ...info } = await fetchDocumentForTab(url, sender.tab);
  return info;
}

export async function probeDocument(urls: string[], sender: Runtime.MessageSender): Promise<ExtensionResponses['document.probe']> {
  const document = await probeDocumentLinks(urls, sender.tab?.url);
  return document ? { document } : {};
}

export async function documentHistory(documentRef: string): Promise<ExtensionResponses['document.history']> {
  const connection = await requireConnection();
  return relay(connection).call('listMessages', { query: { documentRef, limit: 20 } });
}

/**
 * A send from the panel: the page's document fetched from the tab's own origin (the copy the panel
 * showed, when it still has it), the user's added files checked for size, the page's address as
 * context so the relay can map the site to its sender.
 */
export async function sendDraft(draft: SendDraft, sender: Runtime.MessageSender): Promise<SendAcceptedView> {
  // The page as it was when the panel opened, read before anything is awaited: the page may navigate
  // within itself as the user clicks Send, which closes the panel and its session.
  const pageUrl = panelPageUrl(sender) ?? sender.tab?.url;
  const connection = await requireConnection();
  const attachments: { filename: string; contentType: string; contentBase64: string }[] = [];
  if (draft.documentUrl) {
    const document = await fetchDocumentForTab(draft.documentUrl, sender.tab, { filenameHint: draft.documentFilename, reuse: true });
    attachments.push({ filename: document.filename, contentType: document.contentType, contentBase64: bytesToBase64(document.bytes) });
  }
  for (const file of draft.attachments ?? []) {
    if (base64Size(file.contentBase64) > MAX_DOCUMENT_BYTES) {
      throw new RelayError({ code: 'document_too_large', message: `“${file.filename}” is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB.` });
    }
    attachments.push(file);
  }
  // One after another, like the bulk panel's sends: the site should not see a burst of downloads.
  const documents: { ref: string; attachments: typeof attachments }[] = [];
  for (const item of draft.documents ?? []) {
    const document = await fetchDocumentForTab(item.url, sender.tab, { filenameHint: item.filename, reuse: true });
    documents.push({ ref: item.ref, attachments: [{ filename: document.filename, contentType: document.contentType, contentBase64: bytesToBase64(document.bytes) }] });
  }
  const project = await projectForPage(pageUrl);
  return relay(connection).call('send', {
    headers: { 'idempotency-key': draft.idempotencyKey },
    body: {
      ...(draft.profileId ? { profileId: draft.profileId } : {}),
      to: draft.to,
      cc: draft.cc ?? [],
      bcc: draft.bcc ?? [],
      subject: draft.subject,
      text: draft.text ?? '',
      attachments,
      ...(documents.length ? { documents } : {}),
      context: {
        ...(draft.documentRef ? { documentRef: draft.documentRef } : {}),
        ...(draft.documentKind ? { documentKind: draft.documentKind } : {}),
        ...(pageUrl ? { pageUrl } : {}),
        ...(project ? { project } : {}),
      },
    },
  });
}

/**
 * Injects the picker's script into the frame that asked (the send panel is a frame of its own since
 * issue 14, see panel-sessions.ts). Only into a tab's frame that runs our
 * content script already (the sender), so this never reaches a page Ownpost is not enabled on.
 */
export async function loadPanel(sender: Runtime.MessageSender): Promise<{ loaded: true }> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new RelayError({ code: 'bad_request', message: 'Only a page can open the panel.' });
  await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [PANEL_SCRIPT_FILE] });
  return { loaded: true };
}

/**
 * The answer to a page's `page.setup` or `page.detect`, and with `start` (the page looks like a
 * document) the page script injected into the frame that asked, alongside (entrypoints/invoice.content/page-contract.ts):
 * the answer comes once the script is there. A page script that could not be injected fails the request.
 */
export async function withPageScript<T>(start: boolean | undefined, sender: Runtime.MessageSender, answer: Promise<T>): Promise<T> {
  if (!start) return answer;
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new RelayError({ code: 'bad_request', message: 'Only a page can start the page script.' });
  const [result] = await Promise.all([answer, browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [PAGE_SCRIPT_FILE] })]);
  return result;
}

/** The detector, injected into the frame that asked where it cannot import it (Firefox; entrypoints/invoice.content/detector-contract.ts). */
export async function loadDetectorScript(sender: Runtime.MessageSender): Promise<{ loaded: true }> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new RelayError({ code: 'bad_request', message: 'Only a page can load the detector.' });
  await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [DETECTOR_FILE] });
  return { loaded: true };
}

/** Any failure as the error a response carries: a relay's own, or `bad_request` with the message. */
export function toExtensionError(error: unknown): ExtensionError {
  return error instanceof RelayError ? error.error : { code: 'bad_request', message: (error as Error).message };
}

type ValidRecipe = ReturnType<typeof zRecipeInput.parse>;

/** Saves a recipe made with the picker; with `share`, an admin also publishes it for the whole company. */
export async function saveRecipe(recipe: ValidRecipe, share: boolean): Promise<ExtensionResponses['recipes.save']> {
  const saved = await savePersonalRecipe(recipe);
  if (!share) return { recipe: saved };
  try {
    return { recipe: saved, shared: await publish(recipe) };
  } catch (error) {
    // The recipe works for this user already; the panel says why the company does not get it.
    return { recipe: saved, shareError: toExtensionError(error) };
  }
}

async function publish(recipe: RecipeInput): Promise<RecipeView> {
  const connection = await requireConnection();
  const published = await relay(connection).call('publishRecipe', {
    body: {
      name: recipe.name,
      urlPattern: recipe.urlPattern,
      ...(recipe.rowSelector ? { rowSelector: recipe.rowSelector } : {}),
      fields: recipe.fields,
      ...(recipe.placement ? { placement: recipe.placement } : {}),
    },
  });
  await forgetCompanyRecipes();
  return published;
}

export async function listRecipes(): Promise<ExtensionResponses['recipes.list']> {
  const personal = await personalRecipesItem.getValue();
  const connection = await connectionItem.getValue();
  if (!connection) return { personal, company: [] };
  try {
    return { personal, company: await fetchCompanyRecipes(connection) };
  } catch (error) {
    return { personal, company: [], companyError: toExtensionError(error) };
  }
}

export async function deleteRecipe(id: string): Promise<{ deleted: true }> {
  if (!(await deletePersonalRecipe(id))) throw new RelayError({ code: 'not_found', message: 'There is no such recipe.' });
  return { deleted: true };
}

export async function publishRecipe(id: string): Promise<RecipeView> {
  const recipe = await findPersonalRecipe(id);
  if (!recipe) throw new RelayError({ code: 'not_found', message: 'There is no such recipe.' });
  return publish(recipe);
}

export async function unpublishRecipe(id: string): Promise<{ deleted: true }> {
  const connection = await requireConnection();
  await relay(connection).call('deleteRecipe', { params: { id } });
  await forgetCompanyRecipes();
  return { deleted: true };
}

/** Starts the element picker in a tab (the popup's "Teach Ownpost this page"). */
export async function startPicker(tabId: number): Promise<{ started: true }> {
  const command: TabCommand = { type: 'ownpost.picker.start' };
  let answer: { ok?: boolean; problem?: string } | undefined;
  try {
    answer = (await browser.tabs.sendMessage(tabId, command)) as typeof answer;
  } catch {
    throw new RelayError({
      code: 'bad_request',
      message: 'Ownpost is not running on this page.',
      hint: 'Switch Ownpost on for this site first (or reload the page), then try again.',
    });
  }
  // The page's script could not start the picker: say why, where the user asked (issue 16).
  if (answer?.ok === false) throw new RelayError({ code: 'bad_request', message: answer.problem ?? 'The picker did not start.', hint: 'Reload the page and try again.' });
  return { started: true };
}

/** The top frame's content script, asked by the popup (issue 16 item 11); a tab without it gets the picker's explanation. */
async function askTab<T>(tabId: number, command: TabCommand): Promise<T> {
  try {
    const answer = (await browser.tabs.sendMessage(tabId, command, { frameId: 0 })) as T | undefined;
    if (answer !== undefined && answer !== null) return answer;
  } catch {
    /* no content script in that tab: explained below */
  }
  throw new RelayError({
    code: 'bad_request',
    message: 'Ownpost is not running on this page.',
    hint: 'Switch Ownpost on for this site first (or reload the page), then try again.',
  });
}

/** What the tab's page offers: number, recipient, PDF, and whether the send button is there. */
export async function reportOfTab(tabId: number): Promise<ExtensionResponses['page.report']> {
  return askTab<ExtensionResponses['page.report']>(tabId, { type: 'ownpost.page.report' });
}

/** Opens the panel in the tab with what its page offers, button or not. */
export async function sendAnywayInTab(tabId: number): Promise<ExtensionResponses['page.sendAnyway']> {
  return askTab<ExtensionResponses['page.sendAnyway']>(tabId, { type: 'ownpost.panel.open' });
}
