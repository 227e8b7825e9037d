/** Reading the relay's test answers (`POST /v1/diagnose`, `POST /v1/profiles/:id/test`, shared/diagnosis-schemas.ts). */
import type { DiagnosisResult } from '../../../shared/extension-messages';
import type { SmtpSecurity } from '../../../shared/schemas';

export interface ServerSettings {
  host: string;
  port: number;
  security: SmtpSecurity;
  /** With `none`: sign in over the unencrypted connection (admin only on the relay, issue 14). */
  allowPlaintextAuth?: boolean;
}

/** Settings the relay probed and found working (`suggestion.smtp`), applied with one click. */
export type SuggestedFix = ServerSettings;

export function readSuggestion(result: DiagnosisResult | undefined): SuggestedFix | undefined {
  const smtp = result?.suggestion?.smtp;
  return smtp ? { host: smtp.host, port: smtp.port, security: smtp.security } : undefined;
}

export function applySuggestion(settings: ServerSettings, fix: SuggestedFix): ServerSettings {
  return { ...settings, host: fix.host, port: fix.port, security: fix.security };
}

/** What a diagnosis tested (flat fields), so a changed field makes the result stale and Save waits for a new test. */
export function testFingerprint(parts: Record<string, string | number | boolean | undefined>): string {
  return JSON.stringify(Object.entries(parts).sort(([a], [b]) => a.localeCompare(b)));
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** A refused save (422 `profile_test_failed`) carries the relay's test in `details.diagnosis` (test-before-save, issue 4). */
export function diagnosisFromError(error: unknown): DiagnosisResult | undefined {
  const details = record(record(error)?.details);
  const candidate = record(details?.diagnosis) ?? details;
  return candidate && Array.isArray(candidate.stages) && typeof candidate.ok === 'boolean' ? (candidate as unknown as DiagnosisResult) : undefined;
}
