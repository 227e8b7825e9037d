/**
 * An attachment's headers are written without MimeNode (relay/mime/attachment-head.ts): they must
 * be MimeNode's exactly, for every allowed type and any file name a send can carry (long, non-ASCII,
 * quotes, parameters' specials, a leading dash).
 */
import fc from 'fast-check';
import MimeNode from 'nodemailer/lib/mime-node';
import { describe, expect, it } from 'vitest';
import { ATTACHMENT_CONTENT_TYPES } from '../../shared/schemas';
import { attachmentHeadLines } from '../../relay/mime/attachment-head';

/** What the relay built before: a child MimeNode with the file name, its headers set and built. */
function headOfMimeNode(contentType: string, filename: string): string {
  const node = new MimeNode('multipart/mixed', { baseBoundary: 'unused' }).createChild(contentType, { filename, baseBoundary: 'unused' });
  node.setHeader('Content-Disposition', 'attachment');
  node.setHeader('Content-Transfer-Encoding', 'base64');
  return node.buildHeaders();
}

const pieces = fc.constantFrom(
  'Faktura',
  '4711',
  'Påminnelse',
  'Ærø',
  '€',
  '😀',
  'Счёт',
  ' ',
  '-',
  '"',
  "'",
  '\\',
  ';',
  '=',
  '(',
  ')',
  ',',
  '<',
  '>',
  '@',
  '[',
  ']',
  '?',
  '/',
  ':',
  '=?utf-8?q?x?=',
  '%',
  '*',
  'x'.repeat(60),
  'ä'.repeat(40),
);
const filename = fc
  .tuple(fc.array(pieces, { minLength: 1, maxLength: 8 }), fc.constantFrom('.pdf', '.txt', '', '.tar.gz'))
  .map(([parts, ext]) => parts.join('') + ext)
  .filter((name) => name.trim().length > 0);

describe("an attachment's headers", () => {
  it("are MimeNode's for every allowed type and any file name (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ATTACHMENT_CONTENT_TYPES), filename, (contentType, name) => {
        expect(attachmentHeadLines(contentType, name, 'base64')).toBe(headOfMimeNode(contentType, name));
      }),
      { numRuns: 1000 },
    );
  });

  it("are MimeNode's for the plain invoice name", () => {
    expect(attachmentHeadLines('application/pdf', 'Faktura-4711.pdf', 'base64')).toBe(headOfMimeNode('application/pdf', 'Faktura-4711.pdf'));
  });
});
