/**
 * An attachment part's headers (Content-Type with `name`, Content-Disposition with `filename`,
 * Content-Transfer-Encoding), as nodemailer's MimeNode#buildHeaders writes them for a child node
 * with a filename: the same parsing, parameter encoding (RFC 2231 for a long or non-ASCII name)
 * and folding, from nodemailer's own functions, without two MimeNodes per attachment and every
 * header set, normalised, parsed and built again (issue 18). test/relay/attachment-head.test.ts
 * holds it to MimeNode's output.
 */
import * as mimeFuncs from 'nodemailer/lib/mime-funcs';
import { ASCII_CONTROL } from '../../shared/control-characters';
import { headerTextEncoding } from './header-text-encoding';

/** nodemailer's header line length. */
const HEADER_LINE = 76;
/** What MimeNode quotes a `name` parameter for (besides a changed, encoded value). */
const NAME_NEEDS_QUOTES = /[\s'"\\;:/=(),<>@[\]?]|^-/;
/** Every control character in a header value, to drop. */
const CONTROLS = new RegExp(ASCII_CONTROL.source, 'g');

/** The header block (lines joined by CRLF, no blank line after it) of an attachment of `contentType` named `filename`. */
export function attachmentHeadLines(contentType: string, filename: string, transferEncoding: string): string {
  // Content-Type: the type cleaned of controls, any `name` parameter replaced by the filename's.
  const type = mimeFuncs.parseHeaderValue(contentType, { stripComments: true });
  type.value = (type.value || '').toString().replace(CONTROLS, '');
  for (const key of Object.keys(type.params)) if (/^name(\*|$)/i.test(key)) delete type.params[key];
  let name = ASCII_CONTROL.test(filename) ? mimeFuncs.encodeWord(filename, headerTextEncoding(filename), 52) : mimeFuncs.encodeWords(filename, headerTextEncoding(filename), 52, true);
  if (name !== filename || NAME_NEEDS_QUOTES.test(name)) name = JSON.stringify(name);
  const typeValue = `${mimeFuncs.buildHeaderValue(type)}; name=${name}`;

  const disposition = mimeFuncs.parseHeaderValue('attachment', { stripComments: true });
  disposition.params.filename = filename;
  const dispositionValue = mimeFuncs.buildHeaderValue(disposition);

  return [
    ['Content-Type', typeValue],
    ['Content-Disposition', dispositionValue],
    ['Content-Transfer-Encoding', transferEncoding],
  ]
    .filter(([, value]) => value!.replace(/\r?\n|\r/g, ' ').trim())
    .map(([key, value]) => mimeFuncs.foldLines(`${key}: ${value!.replace(/\r?\n|\r/g, ' ')}`, HEADER_LINE))
    .join('\r\n');
}
