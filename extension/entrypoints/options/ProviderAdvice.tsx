import { translateProviderNote } from '../../../shared/provider-notes';
import { optionsStrings } from '../../i18n/options-strings';
import { useLanguage, useTranslator } from '../../ui/language';
import type { Discovered } from './discovery';

/** Where the server settings came from, how sure that is, and the provider's own notes. */
export function ProviderAdvice({ discovered, email }: { discovered: Discovered; email: string }) {
  const t = useTranslator(optionsStrings);
  const provider = discovered.providerName ?? '';
  const domain = email.slice(email.lastIndexOf('@') + 1);
  return (
    <div class="provider stack tight" data-testid="wizard-provider" data-source={discovered.source} data-provider={discovered.providerId ?? ''}>
      {discovered.source === 'provider' && <p class="notice ok">{t('discovery.provider', { provider })}</p>}
      {discovered.source === 'mx' && <p class="notice ok">{t('discovery.mx', { provider, domain })}</p>}
      {discovered.source === 'chosen' && <p class="notice ok">{t('discovery.chosen', { provider })}</p>}
      {discovered.source === 'guess' && <p class="notice warn">{t('discovery.guess', { domain })}</p>}
      {discovered.source === 'none' && <p class="notice warn">{t('discovery.none', { domain })}</p>}
      {discovered.unverified && discovered.source !== 'guess' && discovered.source !== 'none' && <p class="muted">{t('discovery.unverified')}</p>}
      {discovered.notes.length > 0 && (
        <details open class="provider-notes" data-testid="wizard-notes">
          <summary>{t('discovery.notes', { provider: provider || domain })}</summary>
          <ul>
            {discovered.notes.map((note) => (
              <ProviderNote key={note} note={note} />
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/** One note in the page's language; one nobody translated yet stays English and says so (not in English). */
function ProviderNote({ note }: { note: string }) {
  const t = useTranslator(optionsStrings);
  const { language } = useLanguage();
  const translated = translateProviderNote(note, language);
  if (translated !== undefined) return <li lang={language}>{translated}</li>;
  return (
    <li>
      <span lang="en">{note}</span>
      {language !== 'en' && <span class="muted"> {t('discovery.inEnglish')}</span>}
    </li>
  );
}
