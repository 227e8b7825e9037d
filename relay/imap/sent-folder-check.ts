/**
 * Sent-folder settings are tested before they are saved (issue 21 item 9), as a sender's server
 * settings are: a change of the IMAP server, port, security, login or folder needs a passing test;
 * an admin may save failing settings anyway with `force`. Unchanged settings are not tested again.
 */
import type { DiagnosisResult } from '../../shared/diagnosis-schemas';
import type { RelayConfig } from '../config';
import type { Language } from '../../shared/languages';
import { DomainError } from '../errors/domain-error';
import type { SenderTestService } from '../diagnosis/sender-test-service';
import type { UserRow } from '../store/types';
import type { OpenedSaveToSent } from './sent-folder';
import { testSentFolder } from './test-sent-folder';

export interface SentFolderCheckDeps {
  senderTests: Pick<SenderTestService, 'underTestLimits' | 'outbound' | 'testsBeforeSave'>;
  config: Pick<RelayConfig, 'extraCa' | 'testStepTimeoutMs'>;
  log: (line: string) => void;
}

export function createSentFolderCheck({ senderTests, config, log }: SentFolderCheckDeps) {
  /** Tests IMAP settings as the copy will use them; the answer has the sender test's shape. */
  async function testForUser(user: UserRow, settings: OpenedSaveToSent, lang: Language): Promise<DiagnosisResult> {
    const account = settings.password !== undefined ? { host: settings.host, username: settings.username } : undefined;
    const { result } = await senderTests.underTestLimits(user, account, () =>
      testSentFolder(settings, { extraCa: config.extraCa, timeoutMs: config.testStepTimeoutMs, outbound: senderTests.outbound, lang }),
    );
    // The server and account, never the password.
    log(`Sent-folder test by ${user.email}: ${settings.host}:${settings.port} (${settings.security}) ${result.ok ? 'passed' : `failed at ${result.stages.at(-1)?.stage}: ${result.problem?.code}`}`);
    return result;
  }

  /** Throws 422 `sent_folder_test_failed` (with the test in `details.diagnosis`) unless the new settings pass. */
  async function beforeSave(user: UserRow, lang: Language, change: { candidate: OpenedSaveToSent | undefined; previous: OpenedSaveToSent | undefined; force: boolean }): Promise<void> {
    const { candidate, previous, force } = change;
    if (!candidate || !senderTests.testsBeforeSave) return;
    if (previous && JSON.stringify(previous) === JSON.stringify(candidate)) return;
    if (force) {
      if (user.role !== 'admin') {
        throw new DomainError('forbidden', 'Only an admin can save Sent-folder settings whose test did not pass.', {
          hint: 'Fix the settings until the test passes, or ask an admin to save them.',
        });
      }
      return;
    }
    const result = await testForUser(user, candidate, lang);
    if (!result.ok) {
      throw new DomainError('sent_folder_test_failed', `The Sent-folder settings were not saved because their test failed: ${result.problem?.title ?? 'see the stages'}.`, {
        hint: result.problem?.fix ?? (user.role === 'admin' ? 'An admin can save them anyway with "force": true.' : undefined),
        details: { diagnosis: result },
      });
    }
  }

  return { testForUser, beforeSave };
}

export type SentFolderCheck = ReturnType<typeof createSentFolderCheck>;
