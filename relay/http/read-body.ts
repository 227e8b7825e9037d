import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError } from './api-error';

/** A zod issue as the API shows it: where, what, and our address error code when there is one. */
function describeIssues(error: z.ZodError) {
  return error.issues.map((issue) => {
    const code = (issue as unknown as { params?: { code?: string } }).params?.code;
    return { path: issue.path.join('.'), message: issue.message, ...(code ? { code } : {}) };
  });
}

/**
 * Reads a JSON body and validates it into a typed value: malformed JSON → 400 `invalid_json`,
 * a body that breaks the schema → 400 `validation_failed` with every problem listed.
 */
export async function readJsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<{ value: z.output<S>; text: string }> {
  const text = await c.req.text();
  let json: unknown;
  try {
    json = text.length === 0 ? undefined : JSON.parse(text);
  } catch {
    throw new ApiError('invalid_json', 'The request body is not valid JSON.');
  }
  if (json === undefined) throw new ApiError('invalid_json', 'The request has no JSON body.');
  const result = schema.safeParse(json);
  if (!result.success) {
    const details = describeIssues(result.error);
    const first = details[0];
    throw new ApiError('validation_failed', first ? `${first.path || 'body'}: ${first.message}` : 'The request is not valid.', {
      details,
    });
  }
  return { value: result.data, text };
}
