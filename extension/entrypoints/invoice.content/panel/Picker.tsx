import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { RECIPE_FIELDS, type RecipeField, type RecipeInput } from '../../../../shared/recipe-format';
import { createTranslator } from '../../../i18n/core';
import { pageStrings } from '../../../i18n/page-strings';
import { relativeSelector, repeatedRow, uniqueSelector } from '../../../recipes/selector';
import { suggestUrlPattern } from '../../../recipes/url-pattern';
import { collapse, findEmail, parseDocumentNumber } from '../../../sites/page-labels';
import { askBackground } from '../background-request';
import type { PanelHost } from '../panel-contract';
import { fromUser, problemOf, type Problem } from './panel-helpers';

interface Props {
  host: PanelHost;
  signal: AbortSignal;
  /** The panel's own shadow host: clicks on it are the picker's buttons, not picks. */
  ownHost: Element;
  onClose: () => void;
}

type Picks = Partial<Record<RecipeField, Element>>;

/** Page events the picker swallows while it runs, so a pick never also follows a link or opens a menu of the app. */
const SWALLOWED = ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'auxclick', 'dblclick', 'contextmenu'] as const;

/** What a pick shows the user: the value Ownpost will read there. */
function preview(field: RecipeField, element: Element): string {
  const text = collapse(element.textContent ?? '');
  if (field === 'number') return parseDocumentNumber(text) ?? text.slice(0, 60);
  if (field === 'recipient') {
    const link = element.closest('a[href^="mailto:" i]');
    return findEmail(link?.getAttribute('href') ?? '') ?? findEmail(text) ?? text.slice(0, 60);
  }
  if (field === 'pdf') {
    const link = element.closest('a[href]') ?? element.querySelector('a[href]');
    return link?.getAttribute('href') ?? text.slice(0, 60);
  }
  return text.slice(0, 60);
}

/**
 * The list a pick belongs to, when the number and the PDF sit in the same row of a repeated
 * structure: then the recipe describes every row, and the page is a list to send in bulk.
 */
function listOf(picks: Picks) {
  if (!picks.number) return undefined;
  const list = repeatedRow(picks.number);
  if (!list || list.count < 2) return undefined;
  if (picks.pdf && !list.row.contains(picks.pdf)) return undefined;
  return list;
}

/** Turns the picked elements into a recipe: selectors for the whole page, or per row of a list. */
export function recipeFromPicks(picks: Picks, options: { name: string; urlPattern: string; asList: boolean }): RecipeInput | undefined {
  const list = options.asList ? listOf(picks) : undefined;
  const fields: Partial<Record<RecipeField, string>> = {};
  for (const field of RECIPE_FIELDS) {
    const element = picks[field];
    if (!element) continue;
    if (list) {
      // In a list, a field outside the row (a page-wide e-mail) would be the same for every document: left out.
      const selector = list.row.contains(element) ? relativeSelector(element, list.row) : undefined;
      if (selector) fields[field] = selector;
    } else {
      fields[field] = uniqueSelector(element);
    }
  }
  if (!fields.number && !fields.pdf) return undefined;
  return { name: options.name, urlPattern: options.urlPattern, ...(list ? { rowSelector: list.rowSelector } : {}), fields };
}

/**
 * The element picker: "click the document number", "click the customer's e-mail address", … Each
 * pick is a real click by the user on the page (untrusted events are ignored), held back from the
 * page's own handlers. Then the user names the recipe, checks which pages it is for, and saves it
 * (an admin may share it with the company).
 */
export function Picker({ host, signal, ownHost, onClose }: Props) {
  const t = useMemo(() => createTranslator(pageStrings, host.language), [host.language]);
  const [step, setStep] = useState(0);
  const [picks, setPicks] = useState<Picks>({});
  const [hover, setHover] = useState<DOMRect | undefined>();
  const [phase, setPhase] = useState<'picking' | 'review' | 'saving' | 'saved'>('picking');
  const pageUrl = useMemo(() => host.pageUrl(), []);
  const [name, setName] = useState(() => `${pageUrl.hostname} – ${collapse(document.title).slice(0, 60) || 'invoice'}`);
  const [urlPattern, setUrlPattern] = useState(() => suggestUrlPattern(pageUrl));
  const [asList, setAsList] = useState(false);
  const [share, setShare] = useState(false);
  const [isAdmin, setIsAdmin] = useState(false);
  const [outcome, setOutcome] = useState<{ saved: boolean; shared?: boolean; problem?: Problem } | undefined>();
  const stepRef = useRef(step);
  stepRef.current = step;
  const field = RECIPE_FIELDS[step];

  useEffect(() => {
    void askBackground({ type: 'connection.get' }).then((result) => {
      if (!signal.aborted && result.ok) setIsAdmin(result.data.user?.role === 'admin');
    });
  }, []);

  useEffect(() => {
    if (phase !== 'picking') return;
    const listening = new AbortController();
    const stop = () => listening.abort();
    signal.addEventListener('abort', stop);
    const isOwn = (event: Event) => event.composedPath().includes(ownHost);
    let frame = 0;
    document.addEventListener(
      'mousemove',
      (event) => {
        if (!event.isTrusted || isOwn(event) || frame) return;
        frame = requestAnimationFrame(() => {
          frame = 0;
          const target = event.target instanceof Element ? event.target : undefined;
          setHover(target?.getBoundingClientRect());
        });
      },
      { capture: true, passive: true, signal: listening.signal },
    );
    document.addEventListener(
      'click',
      (event) => {
        if (isOwn(event)) return;
        event.preventDefault();
        event.stopImmediatePropagation();
        if (!event.isTrusted || !(event.target instanceof Element)) return;
        const current = RECIPE_FIELDS[stepRef.current];
        if (!current) return;
        const picked = event.target;
        setPicks((previous) => ({ ...previous, [current]: picked }));
        advance(stepRef.current + 1);
      },
      { capture: true, signal: listening.signal },
    );
    for (const type of SWALLOWED) {
      document.addEventListener(
        type,
        (event) => {
          if (isOwn(event)) return;
          event.preventDefault();
          event.stopImmediatePropagation();
        },
        { capture: true, signal: listening.signal },
      );
    }
    document.addEventListener(
      'keydown',
      (event) => {
        if (event.isTrusted && event.key === 'Escape') onClose();
      },
      { capture: true, signal: listening.signal },
    );
    return () => {
      cancelAnimationFrame(frame);
      signal.removeEventListener('abort', stop);
      stop();
    };
  }, [phase]);

  function advance(next: number) {
    if (next < RECIPE_FIELDS.length) return setStep(next);
    setHover(undefined);
    setPhase('review');
  }

  useEffect(() => {
    if (phase === 'review') setAsList(listOf(picks) !== undefined);
  }, [phase]);

  async function save() {
    const recipe = recipeFromPicks(picks, { name: name.trim(), urlPattern: urlPattern.trim(), asList });
    if (!recipe) return setOutcome({ saved: false, problem: { message: t('recipeNeedsNumber') } });
    setPhase('saving');
    const result = await askBackground({ type: 'recipes.save', recipe, share: isAdmin && share });
    if (signal.aborted) return;
    if (!result.ok) {
      setPhase('review');
      return setOutcome({ saved: false, problem: problemOf(result.error) });
    }
    setPhase('saved');
    setOutcome({ saved: true, ...(result.data.shared ? { shared: true } : {}), ...(result.data.shareError ? { problem: problemOf(result.data.shareError) } : {}) });
    host.recipesChanged();
  }

  return (
    <div class="picker" role="dialog" aria-label={t('pickerTitle')} data-testid="ownpost-picker">
      {hover && phase === 'picking' && (
        <div class="highlight" style={{ top: `${hover.top}px`, left: `${hover.left}px`, width: `${hover.width}px`, height: `${hover.height}px` }} />
      )}
      <div class="toolbar">
        <header>
          <h2>{t('pickerTitle')}</h2>
          <button type="button" class="close" aria-label={t('close')} onClick={fromUser(onClose)}>
            ×
          </button>
        </header>
        {phase === 'picking' && field && (
          <>
            <p class="muted">{t('pickerLead')}</p>
            <p class="instruction" data-testid="ownpost-picker-step" data-field={field}>
              {t(`pick_${field}`)}
            </p>
            <div class="actions">
              {step > 0 && (
                <button type="button" class="secondary" onClick={fromUser(() => setStep(step - 1))}>
                  {t('back')}
                </button>
              )}
              <button type="button" class="secondary" data-testid="ownpost-picker-skip" onClick={fromUser(() => advance(step + 1))}>
                {t('skip')}
              </button>
            </div>
          </>
        )}
        {phase !== 'picking' && (
          <form onSubmit={(e) => e.preventDefault()}>
            <ul class="picks">
              {RECIPE_FIELDS.filter((f) => picks[f]).map((f) => (
                <li key={f} data-testid="ownpost-picker-pick" data-field={f}>
                  {t(`pick_${f}`)}: <strong>{preview(f, picks[f]!)}</strong>
                </li>
              ))}
            </ul>
            <label>
              {t('recipeName')}
              <input type="text" data-testid="ownpost-recipe-name" value={name} disabled={phase !== 'review'} onInput={fromUser((e: Event) => setName((e.currentTarget as HTMLInputElement).value))} />
            </label>
            <label>
              {t('recipePattern')}
              <input type="text" data-testid="ownpost-recipe-pattern" value={urlPattern} disabled={phase !== 'review'} onInput={fromUser((e: Event) => setUrlPattern((e.currentTarget as HTMLInputElement).value))} />
            </label>
            {listOf(picks) && (
              <label class="check">
                <input type="checkbox" data-testid="ownpost-recipe-list" checked={asList} disabled={phase !== 'review'} onChange={fromUser((e: Event) => setAsList((e.currentTarget as HTMLInputElement).checked))} />
                {t('listRecipe')}
              </label>
            )}
            {isAdmin && (
              <label class="check">
                <input type="checkbox" data-testid="ownpost-recipe-share" checked={share} disabled={phase !== 'review'} onChange={fromUser((e: Event) => setShare((e.currentTarget as HTMLInputElement).checked))} />
                {t('shareWithCompany')}
              </label>
            )}
            {phase !== 'saved' && (
              <div class="actions">
                <button type="button" class="secondary" onClick={fromUser(() => (setPhase('picking'), setStep(0)))}>
                  {t('back')}
                </button>
                <button type="button" data-testid="ownpost-recipe-save" disabled={phase === 'saving'} onClick={fromUser(() => void save())}>
                  {t('saveRecipe')}
                </button>
              </div>
            )}
          </form>
        )}
        {outcome && (
          <div class={`status ${outcome.saved ? 'sent' : 'error'}`} data-testid="ownpost-picker-status" data-state={outcome.saved ? 'saved' : 'error'} role="status">
            {outcome.saved && <p>{t('recipeSaved')}</p>}
            {outcome.shared && <p>{t('recipeShared')}</p>}
            {outcome.problem && <p>{outcome.saved ? t('recipeNotShared', { reason: outcome.problem.message }) : outcome.problem.message}</p>}
          </div>
        )}
      </div>
    </div>
  );
}
