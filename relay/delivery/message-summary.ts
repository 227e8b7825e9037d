import { z } from 'zod';
import { MESSAGE_SOURCES } from '../../shared/schemas';

/**
 * What `messages.summary` holds (JSON, for history views): recipients and subject, and since the
 * SMTP front door (issue 19) which door the message came in through and which app sent it. Kept
 * in the summary rather than in new columns: it is only ever shown, never queried.
 */
export const messageSummarySchema = z.object({
  to: z.array(z.string()),
  subject: z.string(),
  /** Absent on sends from before issue 19 and on API sends: `api`. */
  source: z.enum(MESSAGE_SOURCES).optional(),
  app: z.object({ name: z.string().optional(), appPasswordId: z.string().optional(), ehlo: z.string().optional() }).optional(),
});
export type MessageSummary = z.infer<typeof messageSummarySchema>;
