/**
 * The reason for the SMTP front door (issue 19): an app whose settings page holds a Microsoft 365
 * password stops working when basic authentication for SMTP is switched off. Pointed at Ownpost
 * with an app password, it keeps sending: the relay delivers through the mailbox with XOAUTH2
 * (a local token server and an SMTP server that checks the token like Exchange).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForMessage } from '../helpers/delivery';
import { APP_CLIENT_ID, appOnlyProfile, createProfile, startOAuthScene, TENANT_ID, type OAuthScene } from '../helpers/oauth-test-kit';
import { appTransport, createAppPassword, smtpDoorEnv } from '../helpers/smtp-door';
import { startDeliveryRelay } from '../helpers/delivery';

const CLIENT_SECRET = `Xy8Q~${randomBytes(24).toString('base64url')}`;
const MAILBOX = 'faktura@firma.se';

let scene: OAuthScene;
let starttlsPort: number;

beforeAll(async () => {
  scene = await startOAuthScene({
    style: 'microsoft',
    account: 'anna@firma.se',
    register: (tokens) => tokens.addMicrosoftApp({ tenant: TENANT_ID, clientId: APP_CLIENT_ID, clientSecret: CLIENT_SECRET, mailboxes: [MAILBOX] }),
    startRelay: (overrides, env) => startDeliveryRelay(smtpDoorEnv(env), overrides),
  });
  starttlsPort = (await scene.t.relay.smtp!.listen()).starttls!.port;
});
afterAll(async () => {
  await scene?.close();
});

describe('an app with "own SMTP" settings, delivered through Microsoft 365 with OAuth2', () => {
  it('submits with an app password; the relay signs in to the mailbox with XOAUTH2, never with a password', async () => {
    const { t, smtp, bo } = scene;
    await createProfile(t, scene.anna, appOnlyProfile(smtp.port, CLIENT_SECRET, { scope: 'company', isDefault: true }));
    // A member sends as the company mailbox from their invoicing app.
    const app = await createAppPassword(t, bo, 'SuperOffice');
    const subject = `Faktura ${randomUUID().slice(0, 8)}`;
    const info = await appTransport(starttlsPort, 'starttls', { user: 'bo@firma.se', pass: app.password }).sendMail({
      from: `Firma AB <${MAILBOX}>`,
      to: 'kund@exempel.se',
      subject,
      text: 'Fakturan bifogas.',
      messageId: '<superoffice-77@crm.example>',
    });
    const id = /queued as (\S+)/.exec(info.response)![1]!;
    const view = await waitForMessage(t, bo, id, (m) => m.status === 'sent' || m.status === 'failed');
    expect(view.status, JSON.stringify(view)).toBe('sent');
    expect(view).toMatchObject({ source: 'smtp', app: { name: 'SuperOffice' }, messageId: '<superoffice-77@crm.example>' });

    const [mail] = await smtp.waitForMessages(1);
    expect(mail!.parsed.subject).toBe(subject);
    expect(mail!.parsed.messageId).toBe('<superoffice-77@crm.example>');
    expect(mail!.envelope.from).toBe(MAILBOX);
    expect(smtp.attempts.length).toBeGreaterThan(0);
    expect(smtp.attempts.every((a) => a.ok && a.user === MAILBOX)).toBe(true);
    expect(smtp.passwordAttempts).toEqual([]);
  });
});
