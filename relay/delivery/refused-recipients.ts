/**
 * A message the server took for some recipients and refused for others (RFC 5321 §3.3: each RCPT TO
 * is answered on its own, and DATA goes ahead once one was accepted). It is `sent`: those accepted
 * have it, and sending it again would give it to them twice; a refusal, even a temporary one
 * (`452 4.2.2` mailbox full), is therefore not retried. Nor is it lost: the message carries the
 * problem `recipients_partly_refused`, and its reply lists every refused address with the server's
 * words, so the user can correct an address and send to those recipients alone.
 */
import type { ProblemCode } from '../diagnosis/catalogue';

export interface PartialDelivery {
  /** The server's final reply, then a line per refused recipient. */
  reply: string;
  problemCode: ProblemCode;
}

/** The sent result for a message some of whose recipients were refused (nodemailer's `rejectedErrors`); undefined when none was. */
export function describeRefusedRecipients(response: string, refused: readonly unknown[] | undefined): PartialDelivery | undefined {
  if (!refused?.length) return undefined;
  const refusals = refused.map((error) => {
    const { recipient, response: reply } = (error ?? {}) as { recipient?: unknown; response?: unknown };
    const address = typeof recipient === 'string' ? recipient : '(unknown recipient)';
    return `Refused recipient ${address}: ${typeof reply === 'string' && reply.trim() ? reply.trim() : 'no reply'}`;
  });
  return { reply: [response, ...refusals].join('\n'), problemCode: 'recipients_partly_refused' };
}
