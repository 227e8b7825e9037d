/**
 * Issue 21 item 8: a Microsoft 365 app-only sender keeps its client secret's expiry date, and admins are
 * reminded through `GET /v1/me` 30 and 7 days before it expires (and after it has expired); members are not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zMeView } from '../../shared/api-schemas';
import { daysUntil, reminderStage } from '../../relay/oauth/secret-expiry';
import { APP_CLIENT_ID, appOnlyProfile, createProfile, startOAuthScene, TENANT_ID, type OAuthScene } from '../helpers/oauth-test-kit';

const CLIENT_SECRET = 'Xy8Q~expiry-test-secret-0123456789abcdef';
const NEW_SECRET = 'Xy8Q~expiry-test-secret-new-0123456789ab';

let scene: OAuthScene;
beforeAll(async () => {
  scene = await startOAuthScene({
    style: 'microsoft',
    account: 'admin@firma.se',
    register: (tokens) => {
      tokens.addMicrosoftApp({ tenant: TENANT_ID, clientId: APP_CLIENT_ID, clientSecret: CLIENT_SECRET, mailboxes: ['faktura@firma.se'] });
    },
  });
});
afterAll(() => scene.close());

/** A date `days` from today (UTC), as Entra shows it. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function me(token: string) {
  const res = await scene.t.request('GET', '/v1/me', { token });
  expect(res.status).toBe(200);
  return zMeView.parse(res.body);
}

describe('client secret expiry', () => {
  it('counts whole UTC days and reminds at 30 and 7 days, and once expired', () => {
    const noon = Date.parse('2026-12-06T12:00:00Z');
    expect(daysUntil('2026-12-06', noon)).toBe(0);
    expect(daysUntil('2027-01-05', noon)).toBe(30);
    expect([31, 30, 8, 7, 1, 0, -3].map(reminderStage)).toEqual([undefined, 'days_30', 'days_30', 'days_7', 'days_7', 'expired', 'expired']);
  });

  it('stores the date, shows it on the profile, and reminds admins soonest first; members get no reminders', async () => {
    const { t, anna: admin, bo: member } = scene;
    const later = await createProfile(t, admin, appOnlyProfile(scene.smtp.port, CLIENT_SECRET, { name: 'Later', auth: { clientSecretExpiresAt: inDays(90) } }));
    const soon = await createProfile(t, admin, appOnlyProfile(scene.smtp.port, CLIENT_SECRET, { name: 'Soon', auth: { clientSecretExpiresAt: inDays(20) } }));
    const urgent = await createProfile(t, admin, appOnlyProfile(scene.smtp.port, CLIENT_SECRET, { name: 'Urgent', auth: { clientSecretExpiresAt: inDays(5) } }));
    const expired = await createProfile(t, admin, appOnlyProfile(scene.smtp.port, CLIENT_SECRET, { name: 'Expired', auth: { clientSecretExpiresAt: inDays(-2) } }));
    expect(soon.auth.clientSecretExpiresAt).toBe(inDays(20));

    const { reminders } = await me(admin);
    expect(reminders).toEqual([
      { kind: 'client_secret_expiry', profileId: expired.id, profileName: 'Expired', expiresAt: inDays(-2), daysLeft: -2, stage: 'expired' },
      { kind: 'client_secret_expiry', profileId: urgent.id, profileName: 'Urgent', expiresAt: inDays(5), daysLeft: 5, stage: 'days_7' },
      { kind: 'client_secret_expiry', profileId: soon.id, profileName: 'Soon', expiresAt: inDays(20), daysLeft: 20, stage: 'days_30' },
    ]);
    expect(reminders!.map((r) => r.profileId)).not.toContain(later.id);
    expect(await me(member)).not.toHaveProperty('reminders');

    for (const id of [later.id, soon.id, urgent.id, expired.id]) expect((await t.request('DELETE', `/v1/profiles/${id}`, { token: admin })).status).toBe(204);
  });

  it('keeps the date while the secret stays, takes a new one with a new secret, and forgets it for a new secret without one', async () => {
    const { t, anna: admin } = scene;
    const profile = await createProfile(t, admin, appOnlyProfile(scene.smtp.port, CLIENT_SECRET, { name: 'Rotating', auth: { clientSecretExpiresAt: inDays(10) } }));
    const patch = async (auth: Record<string, unknown>) => {
      const res = await t.request('PATCH', `/v1/profiles/${profile.id}`, {
        token: admin,
        body: { auth: { type: 'oauth2', provider: 'microsoft', flow: 'client_credentials', tenantId: TENANT_ID, clientId: APP_CLIENT_ID, ...auth }, force: true },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.auth;
    };
    expect((await patch({ username: 'faktura@firma.se' })).clientSecretExpiresAt).toBe(inDays(10));
    expect((await patch({ clientSecret: NEW_SECRET, clientSecretExpiresAt: inDays(700) })).clientSecretExpiresAt).toBe(inDays(700));
    expect((await me(admin)).reminders).toEqual([]);
    expect(await patch({ clientSecret: CLIENT_SECRET })).not.toHaveProperty('clientSecretExpiresAt');
  });

  it('refuses a date that is not YYYY-MM-DD (400 naming the field)', async () => {
    const res = await scene.t.request('POST', '/v1/profiles', {
      token: scene.anna,
      body: appOnlyProfile(scene.smtp.port, CLIENT_SECRET, { auth: { clientSecretExpiresAt: '6.12.2027' } }),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('auth.clientSecretExpiresAt');
  });
});
