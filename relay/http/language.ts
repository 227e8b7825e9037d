import type { Context } from 'hono';
import { LANGUAGES, type Language } from '../diagnosis/catalogue';

const ALIASES: Record<string, Language> = { no: 'nb', nn: 'nb' };

/** The client's language for explanations: `?lang=`, else Accept-Language, else English. */
export function preferredLanguage(c: Context): Language {
  const wanted = [c.req.query('lang') ?? '', ...(c.req.header('accept-language') ?? '').split(',')].map((tag) => tag.split(';')[0]!.trim().toLowerCase().split('-')[0]!).filter(Boolean);
  for (const tag of wanted) {
    const lang = ALIASES[tag] ?? tag;
    if ((LANGUAGES as readonly string[]).includes(lang)) return lang as Language;
  }
  return 'en';
}
