import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { RECIPE_EXTRA_FIELDS, RECIPE_FIELDS, type RecipeExtraField, type RecipeField, type RecipeInput } from '../../../../shared/recipe-format';
import { captureStrings } from '../../../i18n/capture-strings';
import { ButtonPreview, type PreviewPlacement } from './ButtonPreview';
import { createTranslator } from '../../../i18n/core';
import { pageStrings } from '../../../i18n/page-strings';
import { fieldValueOf } from '../../../recipes/label-selector';
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

type Picks = Partial<Record<RecipeField | RecipeExtraField, Element>>;

/** Page events the picker swallows while it runs, so a pick never also follows a link or opens a menu of the app. */
const SWALLOWED = ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'auxclick', 'dblclick', 'contextmenu'] as const;

/** What a pick shows the user: the value Ownpost will read there. */
function preview(field: RecipeField, element: Element): string {
  const text = fieldValueOf(element);
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
export function recipeFromPicks(picks: Picks, options: { name: string; urlPattern: string; asList: boolean; placement?: PreviewPlacement }): RecipeInput | undefined {
  const list = options.asList ? listOf(picks) : undefined;
  const fields: Partial<Record<RecipeField | RecipeExtraField, string>> = {};
  // `title` is where the button goes, only when the user chose "after an element I click".
  const extras = RECIPE_EXTRA_FIELDS.filter((f) => f !== 'title' || options.placement === 'picked');
  for (const field of [...RECIPE_FIELDS, ...extras]) {
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
  return {
    name: options.name,
    urlPattern: options.urlPattern,
    ...(list ? { rowSelector: list.rowSelector } : {}),
    fields,
    ...(options.placement === 'float' ? { placement: 'float' as const } : {}),
  };
}

/**
 * The element picker: "click the document number", "click the customer's e-mail address", … Each
 * pick is a real click by the user on the page (untrusted events are ignored), held back from the
 * page's own handlers. Then the user names the recipe, checks which pages it is for, and saves it
 * (an admin may share it with the company).
 */
export function Picker({ host, signal, ownHost, onClose }: Props) {
  const t = useMemo(() => createTranslator(pageStrings, host.language), [host.language]);
  const tc = useMemo(() => createTranslator(captureStrings, host.language), [host.language]);
  // A pick after the ordered steps: where the button goes, the PDF button, the customer's page (issue 16).
  const [extra, setExtra] = useState<RecipeExtraField | undefined>();
  const extraRef = useRef(extra);
  extraRef.current = extra;
  const [placement, setPlacement] = useState<PreviewPlacement>('number');
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
    if (phase !== 'picking' && !extra) return;
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
        const picked = event.target;
        const extraField = extraRef.current;
        if (extraField) {
          setPicks((previous) => ({ ...previous, [extraField]: picked }));
          if (extraField === 'title') setPlacement('picked');
          setHover(undefined);
          return setExtra(undefined);
        }
        const current = RECIPE_FIELDS[stepRef.current];
        if (!current) return;
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
  }, [phase, extra]);

  function advance(next: number) {
    if (next < RECIPE_FIELDS.length) return setStep(next);
    setHover(undefined);
    setPhase('review');
  }

  useEffect(() => {
    if (phase === 'review') setAsList(listOf(picks) !== undefined);
  }, [phase]);

  async function save() {
    const recipe = recipeFromPicks(picks, { name: name.trim(), urlPattern: urlPattern.trim(), asList, placement });
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
      {phase !== 'picking' && !extra && (
        <ButtonPreview
          label={tc('buttonPreview')}
          anchor={placement === 'float' ? undefined : placement === 'picked' ? picks.title : (picks.number?.closest('h1, h2, h3, h4, [role="heading"]') ?? picks.number)}
          signal={signal}
        />
      )}
      {hover && (phase === 'picking' || extra) && <div class="highlight" style={{ top: `${hover.top}px`, left: `${hover.left}px`, width: `${hover.width}px`, height: `${hover.height}px` }} />}
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
        {extra && (
          <p class="instruction" data-testid="ownpost-picker-step" data-field={extra}>
            {tc(`pick_${extra}`)}
          </p>
        )}
        {phase !== 'picking' && !extra && (
          <form onSubmit={(e) => e.preventDefault()}>
            <ul class="picks">
              {RECIPE_FIELDS.filter((f) => picks[f]).map((f) => (
                <li key={f} data-testid="ownpost-picker-pick" data-field={f}>
                  {t(`pick_${f}`)}: <strong>{preview(f, picks[f]!)}</strong>
                </li>
              ))}
              {(['pdfButton', 'customerPage'] as const)
                .filter((f) => picks[f])
                .map((f) => (
                  <li key={f} data-testid="ownpost-picker-pick" data-field={f}>
                    {tc(`pick_${f}`)}: <strong>{fieldValueOf(picks[f]).slice(0, 60)}</strong>
                  </li>
                ))}
            </ul>
            <label>
              {t('recipeName')}
              <input type="text" data-testid="ownpost-recipe-name" value={name} disabled={phase !== 'review'} onInput={fromUser((e: Event) => setName((e.currentTarget as HTMLInputElement).value))} />
            </label>
            <label>
              {t('recipePattern')}
              <input
                type="text"
                data-testid="ownpost-recipe-pattern"
                value={urlPattern}
                disabled={phase !== 'review'}
                onInput={fromUser((e: Event) => setUrlPattern((e.currentTarget as HTMLInputElement).value))}
              />
            </label>
            <fieldset class="placement" data-testid="ownpost-placement">
              <legend>{tc('placementTitle')}</legend>
              {(
                [
                  ['number', tc('placementNumber')],
                  ['picked', tc('placementPicked')],
                  ['float', tc('placementFloat')],
                ] as const
              ).map(([value, label]) => (
                <label class="check" key={value}>
                  <input
                    type="radio"
                    name="ownpost-placement"
                    value={value}
                    data-testid={`ownpost-placement-${value}`}
                    checked={placement === value}
                    disabled={phase !== 'review'}
                    onChange={fromUser(() => (value === 'picked' && !picks.title ? setExtra('title') : setPlacement(value)))}
                  />
                  {label}
                </label>
              ))}
              <p class="muted">{tc('placementPreview')}</p>
            </fieldset>
            {phase === 'review' && (
              <div class="actions">
                <button type="button" class="secondary" data-testid="ownpost-pick-pdfButton" onClick={fromUser(() => setExtra('pdfButton'))}>
                  {tc('pickPdfButton')}
                </button>
                <button type="button" class="secondary" data-testid="ownpost-pick-customerPage" onClick={fromUser(() => setExtra('customerPage'))}>
                  {tc('pickCustomerPage')}
                </button>
              </div>
            )}
            {listOf(picks) && (
              <label class="check">
                <input
                  type="checkbox"
                  data-testid="ownpost-recipe-list"
                  checked={asList}
                  disabled={phase !== 'review'}
                  onChange={fromUser((e: Event) => setAsList((e.currentTarget as HTMLInputElement).checked))}
                />
                {t('listRecipe')}
              </label>
            )}
            {isAdmin && (
              <label class="check">
                <input
                  type="checkbox"
                  data-testid="ownpost-recipe-share"
                  checked={share}
                  disabled={phase !== 'review'}
                  onChange={fromUser((e: Event) => setShare((e.currentTarget as HTMLInputElement).checked))}
                />
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
