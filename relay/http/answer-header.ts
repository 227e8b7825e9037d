import type { Context, Next } from 'hono';

/** A header of the answer: its name, its value, and whether the value is added to the header's list (`Vary: Origin`). */
export type AnswerHeader = readonly [name: string, value: string, mode?: 'append'];

/**
 * Runs the rest of the chain with `headers` on its answer. They are set before the chain runs, so
 * Hono builds the answer with them (`c.json`, `c.body`, the error handler). Set on a finished
 * answer, as `c.header()` after `next()` does, a header makes Hono copy the answer around its body
 * as a stream, which @hono/node-server then reads back through web streams instead of writing the
 * string it had: about 4 % of the relay's CPU for accepting a send. An answer a handler made
 * without the context (`new Response`) carries none of the headers set before: it gets them after.
 */
export async function nextWithHeaders(c: Context, next: Next, headers: readonly AnswerHeader[]): Promise<void> {
  for (const [name, value, mode] of headers) c.header(name, value, { append: mode === 'append' });
  await next();
  for (const [name, value, mode] of headers) {
    const answered = c.res.headers.get(name) ?? '';
    if (!answered.split(',').some((item) => item.trim() === value)) c.header(name, value, { append: mode === 'append' });
  }
}
