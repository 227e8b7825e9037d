import { Hono } from 'hono';
import { zAppPasswordInput, type AppPasswordView, type NewAppPasswordView } from '../../shared/api-schemas';
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

/**
 * A user's app passwords for the SMTP front door (issue 19): list, create (the password is in this
 * one answer and never again) and revoke. Each user manages only their own.
 */
export function appPasswordRoutes({ store }: { store: Store }) {
  return new Hono<AuthEnv>()
    .get('/v1/app-passwords', async (c) => {
      const rows = await store.listAppPasswords(c.get('user').id);
      return c.json({ appPasswords: rows.map(toAppPasswordView) });
    })
    .post('/v1/app-passwords', async (c) => {
      const user = c.get('user');
      const { value } = await readJsonBody(c, zAppPasswordInput);
      try {
        const { row, password } = await createAppPassword(store, user, value.name);
        c.header('Cache-Control', 'no-store');
        return c.json<NewAppPasswordView>({ ...toAppPasswordView(row), password, username: user.email }, 201);
      } catch (error) {
        if (error instanceof TooManyAppPasswordsError) {
          throw new ApiError('conflict', 'You have as many app passwords as a user may have.', { hint: 'Revoke one you no longer use, then create the new one.' });
        }
        throw error;
      }
    })
    .delete('/v1/app-passwords/:id', async (c) => {
      const deleted = await store.deleteAppPassword(c.get('user').id, c.req.param('id'));
      if (!deleted) throw new ApiError('not_found', 'You have no app password with this id.');
      return c.body(null, 204);
    });
}
