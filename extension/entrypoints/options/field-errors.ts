import type { ExtensionError } from '../../../shared/extension-messages';

/**
 * The relay's `validation_failed` details, by the field of the sender form they belong to:
 * `smtp.host` is `host`, `saveToSent.port` is `sent.port`, `allowedSenders.2` is `allowedSenders`.
 * The first objection to a field wins.
 */
export function fieldErrorsFrom(error: ExtensionError | undefined): Record<string, string> {
  const details = (error as { details?: unknown } | undefined)?.details;
  const found: Record<string, string> = {};
  if (!Array.isArray(details)) return found;
  for (const item of details as { path?: string; message?: string }[]) {
    const path = String(item.path ?? '');
    const field = path.startsWith('smtp.') ? path.slice(5) : path.startsWith('saveToSent.') ? `sent.${path.split('.')[1]}` : path.split('.')[0]!;
    if (field && item.message && !found[field]) found[field] = item.message;
  }
  return found;
}
