import { OpenAPIHono } from '@hono/zod-openapi';
import { operation } from '../api/operation';
import { RELAY_CONTRACT } from '../../shared/api/relay-contract';
import { serve } from '../api/serve';
import { zAppPasswordInput, type AppPasswordView } from '../../shared/api-schemas';
import { createAppPassword, TooManyAppPasswordsError } from '../auth/app-passwords';
import { ApiError } from '../http/api-error';
import type { AuthEnv } from '../http/authenticate';
import { readJsonBody } from '../http/read-body';
import type { AppPasswordRow, Store } from '../store/types';

function toAppPasswordView(row: AppPasswordRow): AppPasswordView {
  return {
    id: row.id,
    name: row.name,
    createdAt: new Date(row.createdAt).toISOString(),
    ...(row.lastUsedAt !== null ? { lastUsedAt: new Date(row.lastUsedAt).toISOString() } : {}),
  };
}

const listAppPasswords = operation(RELAY_CONTRACT.listAppPasswords, {
  tag: 'app-passwords',
  summary: 'Your app passwords for the SMTP front door',
  answers: { 200: 'App passwords, oldest first (never the passwords themselves)' },
  errors: [],
});

const createAppPasswordRoute = operation(RELAY_CONTRACT.createAppPassword, {
  tag: 'app-passwords',
  summary: 'Create an app password',
  description: 'For one app\'s "own SMTP server" settings: username your e-mail address, password this one. It is shown in this answer only and stored as a one-way hash.',
  answers: { 201: 'Created; the only time the password is shown' },
  errors: ['conflict'],
});

const revokeAppPassword = operation(RELAY_CONTRACT.revokeAppPassword, {
  tag: 'app-passwords',
  summary: 'Revoke an app password',
  description: 'The app signed in with it can no longer submit mail; messages it already submitted are still delivered.',
  answers: { 204: 'Revoked' },
  errors: ['not_found'],
});

/**
 * A user's app passwords for the SMTP front door (issue 19): list, create (the password is in this
 * one answer and never again) and revoke. Each user manages only their own.
 */
export function appPasswordRoutes({ store }: { store: Store }) {
  const app = new OpenAPIHono<AuthEnv>();
  serve(app, listAppPasswords, async (c, answer) => {
    const rows = await store.listAppPasswords(c.get('user').id);
    return answer(200, { appPasswords: rows.map(toAppPasswordView) });
  });
  serve(app, createAppPasswordRoute, async (c, answer) => {
    const user = c.get('user');
    const { value } = await readJsonBody(c, zAppPasswordInput);
    try {
      const { row, password } = await createAppPassword(store, user, value.name);
      c.header('Cache-Control', 'no-store');
      return answer(201, { ...toAppPasswordView(row), password, username: user.email });
    } catch (error) {
      if (error instanceof TooManyAppPasswordsError) {
        throw new ApiError('conflict', 'You have as many app passwords as a user may have.', { hint: 'Revoke one you no longer use, then create the new one.' });
      }
      throw error;
    }
  });
  serve(app, revokeAppPassword, async (c, answer) => {
    const deleted = await store.deleteAppPassword(c.get('user').id, c.req.param('id'));
    if (!deleted) throw new ApiError('not_found', 'You have no app password with this id.');
    return answer(204);
  });
  return app;
}
