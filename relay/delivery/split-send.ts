/**
 * Turns one send into the messages that go out: one message when it fits the mailbox's size limit,
 * else several, each carrying whole documents (an invoice is never cut in two) and saying which
 * ones it carries. Sizes are those after MIME encoding, which is what servers limit (EHLO SIZE).
 */
import { DomainError } from '../errors/domain-error';
import type { DocumentMarker } from '../store/types';
import { composeMessage, type ComposedMessage, type ProfileForSend, type SendDocument, type SendInput } from './compose-message';
import { wrappedBase64Bytes, type Base64Text } from './mime-attachment';

export interface ComposedPart extends ComposedMessage {
  documents: DocumentMarker[];
  partNumber: number;
  partCount: number;
}

/** Room kept for the part marker (subject suffix, note, headers) and MIME boundaries per file. */
const PART_MARKER_BYTES = 1_000;
const PER_FILE_OVERHEAD_BYTES = 600;

/** A file's base64 wrapped into MIME lines, with its part's headers. */
function encodedFileBytes(contentBase64: Base64Text): number {
  return wrappedBase64Bytes(contentBase64.length) + PER_FILE_OVERHEAD_BYTES;
}

function estimateDocumentBytes(document: { attachments: { contentBase64: Base64Text }[] }): number {
  return document.attachments.reduce((sum, a) => sum + encodedFileBytes(a.contentBase64), 0);
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

function markerOf(document: SendDocument): DocumentMarker {
  return { ref: document.ref, ...(document.title ? { title: document.title } : {}) };
}

function tooLarge(what: 'document' | 'message', label: string, bytes: number, limit: number): DomainError {
  const body =
    what === 'document'
      ? `The document ${label} is ${megabytes(bytes)} after encoding, but this sender's mailbox accepts at most ${megabytes(limit)} per message. A document is never split across messages.`
      : `This message is ${megabytes(bytes)} after encoding, but this sender's mailbox accepts at most ${megabytes(limit)}.`;
  return new DomainError(what === 'document' ? 'document_too_large' : 'message_too_large', body, {
    hint: 'Make the attachments smaller (a PDF without embedded scans is usually under 1 MB), or send them as several documents. An admin can raise the sender\'s limit (maxMessageBytes) if the mail server accepts more.',
    details: { bytes, limit, ...(what === 'document' ? { documentRef: label } : {}) },
  });
}

/** The input of one part: its documents' files, and a subject and note that say which part it is. */
function partInput(input: SendInput, group: SendDocument[], partNumber: number, partCount: number): SendInput {
  const files = [...(partNumber === 1 ? input.attachments : []), ...group.flatMap((d) => d.attachments)];
  if (partCount === 1) return { ...input, attachments: files };
  const names = group.map((d) => d.title ?? d.ref).join(', ');
  const marker = `(${partNumber}/${partCount}${names ? `: ${names}` : ''})`;
  return {
    ...input,
    subject: `${input.subject} (${partNumber}/${partCount})`,
    text: `${input.text}${input.text ? '\n\n' : ''}${marker}`,
    attachments: files,
  };
}

function partHeaders(group: SendDocument[], partNumber: number, partCount: number): Record<string, string> {
  if (group.length === 0) return {};
  return {
    'X-Ownpost-Documents': group.map((d) => d.ref).join(', '),
    ...(partCount > 1 ? { 'X-Ownpost-Part': `${partNumber}/${partCount}` } : {}),
  };
}

/** Packs documents, in the order given, into groups whose estimated size fits the limit. */
function planGroups(documents: SendDocument[], baseBytes: number, firstPartExtra: number, limit: number): SendDocument[][] {
  const groups: SendDocument[][] = [];
  let current: SendDocument[] = [];
  let size = baseBytes + firstPartExtra;
  for (const document of documents) {
    const bytes = estimateDocumentBytes(document);
    if (current.length > 0 && size + bytes > limit) {
      groups.push(current);
      current = [];
      size = baseBytes;
    }
    current.push(document);
    size += bytes;
  }
  if (current.length) groups.push(current);
  return groups;
}

/**
 * Composes the messages of a send within `limitBytes` each. Throws 413 `document_too_large` when one
 * document alone does not fit, and `message_too_large` for a send without documents that does not
 * fit (it has no boundaries to split at).
 */
export async function composeSend(profile: ProfileForSend, input: SendInput, limitBytes: number, now = new Date()): Promise<ComposedPart[]> {
  if (input.documents.length === 0) {
    const composed = await composeMessage(profile, input, now);
    if (composed.raw.length > limitBytes) throw tooLarge('message', '', composed.raw.length, limitBytes);
    return [{ ...composed, documents: [], partNumber: 1, partCount: 1 }];
  }

  // Headers, text and the plain attachments, measured once exactly; files are estimated from their
  // base64 length, then every part is composed and measured exactly before it is accepted.
  const bare = (await composeMessage(profile, { ...input, attachments: [] }, now)).raw.length;
  const base = bare + PART_MARKER_BYTES;
  const commonBytes = input.attachments.reduce((sum, a) => sum + encodedFileBytes(a.contentBase64), 0);
  for (const document of input.documents) {
    // Refused early only when even the bare message plus the document's encoded bytes (without
    // any MIME headers) cannot fit: a lower bound, so a document that fits is never refused here.
    const atLeast = bare + document.attachments.reduce((sum, a) => sum + encodedFileBytes(a.contentBase64) - PER_FILE_OVERHEAD_BYTES, 0);
    if (atLeast > limitBytes) throw tooLarge('document', document.ref, atLeast, limitBytes);
  }

  let groups = planGroups(input.documents, base, commonBytes, limitBytes);
  // A few rounds at most: a part that the estimate let through but does not fit gives its last
  // document to a new part, and the parts are composed again (their numbering changed).
  for (let round = 0; round < input.documents.length + 1; round++) {
    const parts: ComposedPart[] = [];
    let overflow: number | undefined;
    for (const [index, group] of groups.entries()) {
      const partNumber = index + 1;
      const composed = await composeMessage(profile, partInput(input, group, partNumber, groups.length), now, {
        headers: partHeaders(group, partNumber, groups.length),
      });
      if (composed.raw.length > limitBytes) {
        // The plain attachments alone are too large: there is nothing left to split.
        if (group.length === 0) throw tooLarge('message', '', composed.raw.length, limitBytes);
        const sharesWithPlainAttachments = partNumber === 1 && input.attachments.length > 0;
        if (group.length === 1 && !sharesWithPlainAttachments) throw tooLarge('document', group[0]!.ref, composed.raw.length, limitBytes);
        overflow = index;
        break;
      }
      parts.push({ ...composed, documents: group.map(markerOf), partNumber, partCount: groups.length });
    }
    if (overflow === undefined) return parts;
    const group = groups[overflow]!;
    if (group.length === 1) {
      // Part 1's plain attachments and its one document do not fit together: they go separately.
      groups = [[], ...groups];
      continue;
    }
    groups = [...groups.slice(0, overflow), group.slice(0, -1), [group[group.length - 1]!], ...groups.slice(overflow + 1)];
  }
  throw new Error('composeSend: parts did not settle');
}
