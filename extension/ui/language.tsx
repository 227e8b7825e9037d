/**
 * The language of an extension page: the user's choice from settings-items.ts, else the browser's.
 * Every open page follows a change at once (storage watch), so switching in the options page also
 * switches an open popup.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { createTranslator, isLanguage, resolveLanguage, type Catalogue, type Language, type LanguagePreference, type Messages, type Translator } from '../i18n/core';
import { preferencesItem } from '../lib/settings-items';

interface LanguageState {
  language: Language;
  preference: LanguagePreference;
  setPreference(preference: LanguagePreference): Promise<void>;
}

const LanguageContext = createContext<LanguageState>({
  language: 'en',
  preference: 'auto',
  setPreference: async () => undefined,
});

/** Renders its children once the stored preference is known, so a page never flashes in the wrong language. */
export function LanguageProvider({ children }: { children: ComponentChildren }) {
  const [preference, setPreferenceState] = useState<LanguagePreference | undefined>();

  useEffect(() => {
    let live = true;
    void preferencesItem.getValue().then((stored) => live && setPreferenceState(stored.language));
    const unwatch = preferencesItem.watch((stored) => setPreferenceState(stored?.language ?? 'auto'));
    return () => {
      live = false;
      unwatch();
    };
  }, []);

  const language = resolveLanguage(isLanguage(preference) ? preference : 'auto');
  // Before paint, so a screen reader never reads new words with the old language's voice.
  useLayoutEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const state = useMemo<LanguageState>(
    () => ({
      language,
      preference: preference ?? 'auto',
      async setPreference(next) {
        const stored = await preferencesItem.getValue();
        await preferencesItem.setValue({ ...stored, language: next });
        setPreferenceState(next);
      },
    }),
    [language, preference],
  );

  if (preference === undefined) return null;
  return <LanguageContext.Provider value={state}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageState {
  return useContext(LanguageContext);
}

/** The translator for one surface's catalogue, in the page's current language. */
export function useTranslator<M extends Messages>(catalogue: Catalogue<M>): Translator<M> {
  const { language } = useLanguage();
  return useMemo(() => createTranslator(catalogue, language), [catalogue, language]);
}
