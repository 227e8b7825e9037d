import type { MessageSource, SubmittingApp } from '../../shared/schemas';

/**
 * What `messages.summary` holds (JSON, for history views): recipients and subject, and since the
 * SMTP front door (issue 19) which door the message came in through and which app sent it. Kept
 * in the summary rather than in new columns: it is only ever shown, never queried.
 */
export interface MessageSummary {
  to: string[];
  subject: string;
  /** Absent on sends from before issue 19 and on API sends: `api`. */
  source?: MessageSource;
  app?: SubmittingApp;
}
