/**
 * How the always-injected script (index.ts) and the page script (page-script.ts, injected by the
 * background once the page looks like a document, issue 18) talk. Both run in the extension's
 * isolated world in the same frame, so they share its global object, which the page's own scripts
 * cannot see.
 *
 * The popup's commands ("what this page offers", "Send anyway", "Teach Ownpost this page") also
 * reach pages that never looked like a document: the always-injected script then loads the page
 * script and hands it the command, until the page script listens for commands itself.
 */
export const PAGE_SCRIPT_KEY = '__ownpostPageScript';

/** A `runtime.onMessage` listener: true when it answers later. */
export type CommandListener = (message: unknown, sender: { id?: string; tab?: unknown }, sendResponse: (response: unknown) => void) => true | void;

export interface PageScript {
  /** Resolves once the page script listens for commands (undefined: it could not start). */
  started: Promise<CommandListener | undefined>;
  /** True from then on: its own listener answers, nobody hands it commands any more. */
  listening: boolean;
}

export function installedPageScript(): PageScript | undefined {
  return (globalThis as Record<string, unknown>)[PAGE_SCRIPT_KEY] as PageScript | undefined;
}

export function installPageScript(started: Promise<CommandListener | undefined>, signal: AbortSignal): void {
  const script: PageScript = { started, listening: false };
  void started.then((listener) => (script.listening = listener !== undefined && !signal.aborted));
  (globalThis as Record<string, unknown>)[PAGE_SCRIPT_KEY] = script;
  signal.addEventListener('abort', () => {
    if (installedPageScript() === script) delete (globalThis as Record<string, unknown>)[PAGE_SCRIPT_KEY];
  });
}
