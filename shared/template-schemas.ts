/**
 * The contract of `GET /v1/templates` and `PUT|DELETE /v1/templates/:kind/:language` (issue 21); the
 * templates themselves and how they are filled in are in message-templates.ts.
 */
import { z } from 'zod';
import { DOCUMENT_KINDS } from './document-kinds';
import { TEMPLATE_LANGUAGES } from './languages';
import { TEMPLATE_SOURCES, type TemplateScope } from './message-templates';

// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/** `PUT /v1/templates/:kind/:language`. The subject is one header line; the message is plain text. */
export const zTemplateInput = z.strictObject({
  subject: z
    .string()
    .trim()
    .min(1, 'the subject is empty')
    .max(998)
    .refine((s) => !/[\r\n]/.test(s) && !CONTROL_EXCEPT_NEWLINE.test(s), { message: 'a subject is one line without control characters' }),
  message: z
    .string()
    .max(20_000)
    .refine((s) => !CONTROL_EXCEPT_NEWLINE.test(s.replace(/\r\n/g, '\n')), { message: 'the message has control characters' }),
});
export type TemplateInput = z.infer<typeof zTemplateInput>;

/** `?scope=`: the company's template (admins) or the caller's own override. */
export const zTemplateScope = z.enum(['company', 'personal']) satisfies z.ZodType<TemplateScope>;

export const zTemplateKey = z.strictObject({ kind: z.enum(DOCUMENT_KINDS), language: z.enum(TEMPLATE_LANGUAGES) });

/** One kind and language as `GET /v1/templates` shows it: what applies for this person, and the layers under it. */
export const zTemplateView = z.strictObject({
  kind: z.enum(DOCUMENT_KINDS),
  language: z.enum(TEMPLATE_LANGUAGES),
  subject: z.string(),
  message: z.string(),
  source: z.enum(TEMPLATE_SOURCES),
  /** The company's template, when an admin set one. */
  company: z.strictObject({ subject: z.string(), message: z.string(), updatedAt: z.string(), updatedBy: z.string().optional() }).optional(),
  /** This person's own override, when they keep one. */
  personal: z.strictObject({ subject: z.string(), message: z.string(), updatedAt: z.string() }).optional(),
});
export type TemplateView = z.infer<typeof zTemplateView>;

export const zTemplateList = z.strictObject({ templates: z.array(zTemplateView) });
export type TemplateList = z.infer<typeof zTemplateList>;
