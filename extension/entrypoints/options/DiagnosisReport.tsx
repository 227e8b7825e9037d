import type { DiagnosisResult } from '../../../shared/extension-messages';
import { optionsStrings } from '../../i18n/options-strings';
import { useTranslator } from '../../ui/language';
import { readSuggestion, type SuggestedFix } from './diagnosis';

// The relay's stages (shared/diagnosis-schemas.ts), plus those an OAuth2 or message test may add later.
const KNOWN_STAGES = ['dns', 'connect', 'tls', 'ehlo', 'auth', 'sender', 'recipient', 'data', 'senders', 'oauth', 'message', 'folder'] as const;
type KnownStage = (typeof KNOWN_STAGES)[number];

function isKnownStage(stage: string): stage is KnownStage {
  return (KNOWN_STAGES as readonly string[]).includes(stage);
}

interface Props {
  result: DiagnosisResult;
  /** Offered when the relay found settings that work; applying them runs the test again. */
  onApplySuggestion?: (fix: SuggestedFix) => void;
}

/**
 * A sender test, step by step: what worked, where it stopped, what that means and how to fix it,
 * in the user's language (the relay explains in the language the request named).
 */
export function DiagnosisReport({ result, onApplySuggestion }: Props) {
  const t = useTranslator(optionsStrings);
  const suggestion = readSuggestion(result);
  const securityName = (security: string) => (security === 'tls' || security === 'starttls' || security === 'none' ? t(`security.${security}.short`) : security);

  return (
    <div class="diagnosis" data-testid="test-result" data-state={result.ok ? 'ok' : 'failed'}>
      <div class={`notice ${result.ok ? 'ok' : 'error'}`} role="status">
        <strong>{result.ok ? t('test.passed') : (result.problem?.title ?? t('test.failed'))}</strong>
        {result.ok && <p>{t('test.passedHint')}</p>}
      </div>
      <ol class="stages" aria-label={t('test.stagesLabel')}>
        {result.stages.map((stage) => {
          const state = stage.skipped ? 'skipped' : stage.ok ? 'ok' : 'failed';
          return (
            <li key={stage.stage} data-testid="test-stage" data-stage={stage.stage} data-ok={String(stage.ok)} class={state}>
              <span class="stage-mark" aria-hidden="true">
                {state === 'skipped' ? '–' : stage.ok ? '✓' : '✗'}
              </span>
              <span class="stage-name">
                {isKnownStage(stage.stage) ? t(`stage.${stage.stage}`) : stage.stage}
                <span class="visually-hidden">: {t(state === 'skipped' ? 'test.stageSkipped' : stage.ok ? 'test.stageOk' : 'test.stageFailed')}</span>
              </span>
              <span class="stage-ms muted">{state === 'skipped' ? '' : t('test.ms', { ms: Math.round(stage.ms) })}</span>
              {/* The relay writes its account in the language asked for (older relays: English); server replies stay as sent. */}
              {stage.detail && (
                <span class="stage-detail muted" lang={result.language ?? 'en'}>
                  {stage.detail}
                </span>
              )}
              {stage.senderResults && stage.senderResults.length > 0 && (
                <ul class="stage-senders" data-testid="test-senders">
                  {stage.senderResults.map((sender) => (
                    <li key={sender.address} data-testid="test-sender" data-address={sender.address} data-ok={String(sender.ok)}>
                      <span aria-hidden="true">{sender.ok ? '✓' : '✗'}</span> {sender.address}
                      <span class="visually-hidden">: {t(sender.ok ? 'test.stageOk' : 'test.stageFailed')}</span>
                    </li>
                  ))}
                </ul>
              )}
              {!stage.ok && stage.reply && (
                <code class="stage-detail" lang="en" data-testid="test-reply">
                  {stage.reply}
                </code>
              )}
            </li>
          );
        })}
      </ol>
      {!result.ok && result.problem && (
        <div class="problem" data-testid="test-problem" data-code={result.problem.code}>
          <p data-testid="test-explanation">{result.problem.explanation}</p>
          <h4>{t('test.howToFix')}</h4>
          <p data-testid="test-fix">{result.problem.fix}</p>
        </div>
      )}
      {!result.ok && suggestion && onApplySuggestion && (
        <div class="suggestion notice info">
          <strong>{t('test.suggestionFound')}</strong>
          <p>
              {suggestion.host} · {t('test.port', { port: suggestion.port })} · {securityName(suggestion.security)}
          </p>
          <div class="actions">
            <button type="button" data-testid="test-suggestion" onClick={() => onApplySuggestion(suggestion)}>
              {t('test.applySuggestion')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
