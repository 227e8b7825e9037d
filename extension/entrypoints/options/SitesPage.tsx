import { useEffect, useState } from 'preact/hooks';
import type { ExtensionError, ExtensionResponses } from '../../../shared/extension-messages';
import type { Recipe, RecipeView } from '../../../shared/recipe-schemas';
import { optionsStrings } from '../../i18n/options-strings';
import { popupReportStrings } from '../../i18n/popup-report-strings';
import { browser } from '../../lib/browser';
import { sendRequest } from '../../lib/send-request';
import { enabledSitesItem, type EnabledSite } from '../../lib/settings-items';
import { MAX_PROJECT_LENGTH, setSiteProject } from '../../lib/site-projects';
import { disableSite, enableSite } from '../../lib/site-registration';
import { personalRecipesItem } from '../../recipes/recipe-store';
import { SITE_ADAPTERS } from '../../sites';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { TextField } from '../../ui/fields';
import { formatDate } from '../../ui/format';
import { useTranslator } from '../../ui/language';
import { useConnection } from './connection';

interface SiteRow extends EnabledSite {
  permitted: boolean;
  adapter?: { id: string; name: string };
}

/** The adapter that reads a site's pages: the first that claims the site (the generic one claims all). */
function adapterFor(origin: string): { id: string; name: string } | undefined {
  const url = new URL(`${origin}/`);
  return SITE_ADAPTERS.find((adapter) => {
    try {
      return adapter.matches(url);
    } catch {
      return false;
    }
  });
}

async function loadSites(): Promise<SiteRow[]> {
  const sites = await enabledSitesItem.getValue();
  return Promise.all(
    sites.map(async (site) => ({
      ...site,
      permitted: await browser.permissions.contains({ origins: [site.matchPattern] }),
      adapter: adapterFor(site.origin),
    })),
  );
}

interface RecipeActions {
  onDelete?: (id: string) => void;
  /** Admins share a recipe of their own with the whole company. */
  onShare?: (id: string) => void;
}

function RecipeList({ recipes, onDelete, onShare }: { recipes: readonly (Recipe | RecipeView)[] } & RecipeActions) {
  const t = useTranslator(optionsStrings);
  return (
    <ul class="plain-list">
      {recipes.map((recipe) => (
        <li key={recipe.id} class="card compact spread" data-testid="recipe-item">
          <div class="stack tight">
            <strong>{recipe.name}</strong>
            <code class="pattern">{recipe.urlPattern}</code>
            <span class="muted">
              {recipe.rowSelector ? t('sites.recipeList') : t('sites.recipeDocument')} · {t('sites.recipeFields', { count: Object.keys(recipe.fields).length })}
              {'publishedBy' in recipe && recipe.publishedBy ? ` · ${t('sites.recipePublishedBy', { who: recipe.publishedBy })}` : ''}
            </span>
          </div>
          <div class="actions">
            {onShare && (
              <button type="button" class="secondary" data-testid="recipe-share" onClick={() => onShare(recipe.id)}>
                {t('sites.recipeShare')}
              </button>
            )}
            {onDelete && (
              <button type="button" class="quiet" data-testid="recipe-delete" onClick={() => onDelete(recipe.id)}>
                {t('sites.recipeDelete')}
              </button>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** Where Ownpost runs, which adapter reads each site, and the recipes taught for sites the adapters cannot read. */
export function SitesPage() {
  const t = useTranslator(optionsStrings);
  // Issue 16 item 7: one switch covers every port of a host; say so.
  const ports = useTranslator(popupReportStrings);
  const [sites, setSites] = useState<SiteRow[] | undefined>();
  const { state, isAdmin } = useConnection();
  const [recipes, setRecipes] = useState<ExtensionResponses['recipes.list']>({ personal: [], company: [] });
  const [recipeError, setRecipeError] = useState<ExtensionError | undefined>();
  const [address, setAddress] = useState('');
  const [addError, setAddError] = useState<string | undefined>();

  const refresh = () => void loadSites().then(setSites);
  // The background lists the user's recipes and fetches the company's from the relay.
  const loadRecipes = () =>
    void sendRequest({ type: 'recipes.list' }).then((result) => {
      if (result.ok) setRecipes(result.data);
      setRecipeError(result.ok ? result.data.companyError : result.error);
    });
  const recipeAction = (request: Parameters<typeof sendRequest>[0]) =>
    void sendRequest(request).then((result) => (result.ok ? loadRecipes() : setRecipeError(result.error)));

  useEffect(() => {
    refresh();
    loadRecipes();
    // A recipe made with the picker in another tab shows up here without a reload.
    const unwatch = [enabledSitesItem.watch(refresh), personalRecipesItem.watch(loadRecipes)];
    return () => unwatch.forEach((stop) => stop());
  }, [state?.connected]);

  async function add(event: Event) {
    event.preventDefault();
    setAddError(undefined);
    const typed = address.trim();
    const withScheme = /^https?:\/\//i.test(typed) ? typed : `https://${typed}`;
    // The permission request is the first thing enableSite does, while the browser still counts the click.
    const result = await enableSite(withScheme);
    if (result.ok) {
      setAddress('');
      refresh();
    } else {
      setAddError(result.reason === 'unsupported' ? t('sites.addInvalid') : t('sites.addDenied'));
    }
  }

  return (
    <section class="page" aria-labelledby="sites-title">
      <div class="page-head">
        <div>
          <h2 id="sites-title" class="page-title">
            {t('sites.title')}
          </h2>
          <p class="muted">{t('sites.lead')}</p>
          <p class="muted small" data-testid="sites-ports-note">
            {ports('sitesPorts')}
          </p>
        </div>
      </div>

      {sites?.length === 0 && (
        <div class="card empty" data-testid="sites-empty">
          <p>{t('sites.empty')}</p>
        </div>
      )}
      {sites && sites.length > 0 && (
        <table class="table" data-testid="sites-table">
          <caption class="visually-hidden">{t('sites.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sites.site')}</th>
              <th scope="col">{t('sites.adapter')}</th>
              <th scope="col">{t('sites.since')}</th>
              <th scope="col">{t('sites.project')}</th>
              <th scope="col">{t('sites.state')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('sites.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sites.map((site) => (
              <tr key={site.matchPattern} data-testid="site-row" data-origin={site.origin}>
                <th scope="row">{site.origin}</th>
                {/* The generic adapter's name in the user's language; an app's own adapter is named after the app. */}
                <td>{site.adapter?.id === 'generic' ? t('sites.adapter.generic') : (site.adapter?.name ?? '')}</td>
                <td>{formatDate(site.enabledAt, t.locale)}</td>
                <td>
                  <input
                    type="text"
                    data-testid="site-project"
                    aria-label={`${t('sites.project')}: ${site.origin}`}
                    title={t('sites.projectHint')}
                    maxLength={MAX_PROJECT_LENGTH}
                    value={site.project ?? ''}
                    onChange={(e) => void setSiteProject(site.origin, (e.currentTarget as HTMLInputElement).value)}
                  />
                </td>
                <td>{site.permitted ? <span class="status sent">{t('sites.on')}</span> : <span class="status deferred">{t('sites.noPermission')}</span>}</td>
                <td class="cell-actions">
                  {!site.permitted && (
                    <button type="button" class="secondary" onClick={() => void enableSite(site.origin).then(refresh)}>
                      {t('sites.allowAgain')}
                    </button>
                  )}
                  <button type="button" class="quiet" data-testid="site-disable" onClick={() => void disableSite(site.matchPattern).then(refresh)}>
                    {t('sites.turnOff')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <form class="card stack" onSubmit={add} aria-labelledby="add-site-title">
        <h3 id="add-site-title">{t('sites.addTitle')}</h3>
        <div class="inline-form">
          <TextField label={t('sites.addLabel')} value={address} onInput={setAddress} hint={t('sites.addHint')} error={addError} testId="site-add-url" placeholder="https://app.example.com" spellcheck={false} required />
          <button type="submit" data-testid="site-add">
            {t('sites.add')}
          </button>
        </div>
      </form>

      <section class="stack" aria-labelledby="recipes-title">
        <h3 id="recipes-title" class="group-title">
          {t('sites.recipesTitle')}
        </h3>
        <p class="muted">{t('sites.recipesLead')}</p>
        {recipeError && <ErrorNotice error={recipeError} />}
        {recipes.personal.length === 0 && recipes.company.length === 0 && (
          <p class="card empty" data-testid="recipes-empty">
            {t('sites.recipesEmpty')}
          </p>
        )}
        {recipes.personal.length > 0 && (
          <>
            <h4>{t('sites.recipesPersonal')}</h4>
            <RecipeList
              recipes={recipes.personal}
              onDelete={(id) => recipeAction({ type: 'recipes.delete', id })}
              onShare={isAdmin && state?.connected ? (id) => recipeAction({ type: 'recipes.publish', id }) : undefined}
            />
          </>
        )}
        {recipes.company.length > 0 && (
          <>
            <h4>{t('sites.recipesCompany')}</h4>
            <RecipeList recipes={recipes.company} onDelete={isAdmin ? (id) => recipeAction({ type: 'recipes.unpublish', id }) : undefined} />
          </>
        )}
      </section>
    </section>
  );
}
