import { useCallback, useReducer } from 'preact/hooks';
import type { SenderDraft } from './sender-draft';

/** What was loaded (or started from) and what the form holds now; the difference is what a save sends. */
export interface DraftState<D> {
  original: D;
  draft: D;
}

export type DraftAction<D> = { type: 'load'; loaded: D } | { type: 'edit'; change: Partial<D> } | { type: 'discard' };

export function draftReducer<D extends SenderDraft>(state: DraftState<D> | undefined, action: DraftAction<D>): DraftState<D> | undefined {
  switch (action.type) {
    case 'load':
      return { original: action.loaded, draft: action.loaded };
    case 'edit':
      return state && { ...state, draft: { ...state.draft, ...action.change } };
    case 'discard':
      return state && { ...state, draft: state.original };
  }
}

/**
 * A sender's form: `load` a saved sender (or start from `initial`), `edit` some fields, `discard` the
 * edits. `original` and `draft` stay undefined until something is loaded.
 */
export function useSenderDraft<D extends SenderDraft>(initial?: D) {
  const [state, dispatch] = useReducer(draftReducer<D>, initial && { original: initial, draft: initial });
  const load = useCallback((loaded: D) => dispatch({ type: 'load', loaded }), []);
  const edit = useCallback((change: Partial<D>) => dispatch({ type: 'edit', change }), []);
  const discard = useCallback(() => dispatch({ type: 'discard' }), []);
  return { original: state?.original, draft: state?.draft, load, edit, discard };
}
