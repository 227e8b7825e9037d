/**
 * In-memory stand-ins for the browser APIs WXT's fakeBrowser leaves unimplemented (`permissions`,
 * `scripting`, `runtime.getManifest`, `runtime.onConnect`). They behave as Chromium does where it matters to us: a
 * duplicate content-script id is refused, and a permission exists only once granted.
 */
import type { Scripting } from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Listener = (...args: unknown[]) => unknown;

function fakeEvent() {
  const listeners = new Set<Listener>();
  return {
    addListener: (listener: Listener) => void listeners.add(listener),
    removeListener: (listener: Listener) => void listeners.delete(listener),
    hasListener: (listener: Listener) => listeners.has(listener),
    hasListeners: () => listeners.size > 0,
    trigger: async (...args: unknown[]) => Promise.all([...listeners].map((listener) => listener(...args))),
  };
}

export interface FakeExtensionApis {
  granted: Set<string>;
  registered: Map<string, Scripting.RegisteredContentScript>;
  injected: { tabId: number; files: string[] }[];
  /** The origins of each `permissions.request`, in order. */
  requests: string[][];
  /** What the user answers to the browser's permission prompt. */
  answerPrompts: boolean;
  permissionRemoved: ReturnType<typeof fakeEvent>;
}

export function installFakeExtensionApis(options: { granted?: string[]; manifestContentScriptMatches?: string[] } = {}): FakeExtensionApis {
  const permissionRemoved = fakeEvent();
  const state: FakeExtensionApis = {
    granted: new Set(options.granted ?? []),
    registered: new Map(),
    injected: [],
    requests: [],
    answerPrompts: true,
    permissionRemoved,
  };
  const browser = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
  browser.permissions = {
    contains: async ({ origins = [] }: { origins?: string[] }) => origins.every((origin) => state.granted.has(origin)),
    request: async ({ origins = [] }: { origins?: string[] }) => {
      state.requests.push(origins);
      if (origins.every((origin) => state.granted.has(origin))) return true;
      if (state.answerPrompts) origins.forEach((origin) => state.granted.add(origin));
      return state.answerPrompts;
    },
    remove: async ({ origins = [] }: { origins?: string[] }) => {
      origins.forEach((origin) => state.granted.delete(origin));
      await permissionRemoved.trigger({ origins });
      return true;
    },
    onRemoved: permissionRemoved,
    onAdded: fakeEvent(),
  };
  browser.scripting = {
    registerContentScripts: async (scripts: Scripting.RegisteredContentScript[]) => {
      for (const script of scripts) {
        if (state.registered.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
      }
      for (const script of scripts) state.registered.set(script.id, script);
    },
    getRegisteredContentScripts: async (filter?: { ids?: string[] }) => [...state.registered.values()].filter((script) => !filter?.ids || filter.ids.includes(script.id)),
    unregisterContentScripts: async (filter?: { ids?: string[] }) => {
      for (const id of filter?.ids ?? [...state.registered.keys()]) {
        if (!state.registered.delete(id)) throw new Error(`Nonexistent script ID '${id}'`);
      }
    },
    executeScript: async ({ target, files }: { target: { tabId: number }; files: string[] }) => {
      state.injected.push({ tabId: target.tabId, files });
      return [];
    },
  };
  // The panel frame's port (extension/background/panel-sessions.ts); fakeBrowser has no onConnect.
  browser.runtime!.onConnect = fakeEvent();
  browser.runtime!.getManifest = () => ({
    manifest_version: 3,
    name: 'Ownpost',
    version: '0.0.0',
    ...(options.manifestContentScriptMatches ? { content_scripts: [{ matches: options.manifestContentScriptMatches, js: ['content-scripts/invoice.js'] }] } : {}),
  });
  return state;
}
