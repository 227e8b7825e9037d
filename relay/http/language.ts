import type { Context } from 'hono';
import { firstLanguage, type Language } from '../../shared/languages';

/** The client's language for explanations: `?lang=`, else Accept-Language, else English. */
export function preferredLanguage(c: Context): Language {
  return firstLanguage([c.req.query('lang') ?? '', ...(c.req.header('accept-language') ?? '').split(',')]);
}
