/**
 * The extension's stored settings, one versioned WXT storage item each (STYLE.md §9): a later
 * format bumps `version` and adds a migration here, so a browser that updates keeps its settings.
 *
 * Every item declares `migrations` from version 1 on, even while it is empty: only then does WXT
 * write the version next to the value (`key$: {v: 1}`), so a later version reads a stated format
 * instead of guessing from a missing one.
 *
 * Settings live in `local:` storage on purpose: the sites a user enabled depend on this browser's
 * permissions, and nothing here is worth the 8 KB-per-item limits of `sync:`.
 * The relay token is kept apart, in connection-item.ts.
 */
import { storage } from 'wxt/utils/storage';
import { isLanguage, resolveLanguage, type Language, type LanguagePreference } from '../i18n/core';

export interface Preferences {
  /** `auto`: follow the browser's language. */
  language: LanguagePreference;
}

export const DEFAULT_PREFERENCES: Preferences = { language: 'auto' };

export const preferencesItem = storage.defineItem<Preferences>('local:preferences', {
  fallback: DEFAULT_PREFERENCES,
  version: 1,
  migrations: {},
});

/** The language to show now: the user's choice, else the browser's. A stored value we no longer speak counts as `auto`. */
export async function currentLanguage(): Promise<Language> {
  const { language } = await preferencesItem.getValue();
  return resolveLanguage(isLanguage(language) ? language : 'auto');
}

/** A site where the user switched Ownpost on (see site-registration.ts). */
export interface EnabledSite {
  /** `https://app.example.com`: what the user sees and what we compare tabs against. */
  origin: string;
  /** The match pattern the permission and the content-script registration use: `https://app.example.com/*`. */
  matchPattern: string;
  /** ISO time. */
  enabledAt: string;
  /**
   * The project or brand this site's documents belong to (issue 21): sent as the message's
   * `context.project`, which picks the sender that lists it. Optional, so version 1 items stay valid.
   */
  project?: string;
}

export const enabledSitesItem = storage.defineItem<EnabledSite[]>('local:enabledSites', {
  fallback: [],
  version: 1,
  migrations: {},
});
