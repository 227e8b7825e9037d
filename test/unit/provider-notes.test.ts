import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../shared/languages';
import { translateProviderNote } from '../../shared/provider-notes';
import { PROVIDERS } from '../../shared/providers';

describe('provider notes in every language', () => {
  it('has every preset’s every note in every language people read Ownpost in', () => {
    const missing = PROVIDERS.flatMap((preset) =>
      preset.notes.flatMap((note) => LANGUAGES.filter((language) => !translateProviderNote(note, language)).map((language) => `${preset.id} (${language}): ${note}`)),
    );
    expect(missing).toEqual([]);
  });

  it('gives English back as written, and keeps what a note names (hosts, ports, dates) in the translation', () => {
    for (const preset of PROVIDERS) {
      for (const note of preset.notes) {
        expect(translateProviderNote(note, 'en')).toBe(note);
        const names = note.match(/\b[\w-]+(?:\.[\w-]+)+\b|\b\d[\d,.]*\b/g) ?? [];
        for (const language of LANGUAGES) {
          const translated = translateProviderNote(note, language)!;
          for (const name of names) expect(translated.replace(/[\s.,]/g, ''), `${language}: ${note}`).toContain(name.replace(/[\s.,]/g, ''));
        }
      }
    }
  });

  it('knows nothing of a note it has no entry for', () => {
    expect(translateProviderNote('Something new.', 'de')).toBeUndefined();
  });
});
