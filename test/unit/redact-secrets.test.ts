import { describe, expect, it } from 'vitest';
import { redactSecrets, redactSecretsDeep, secretForms } from '../../relay/secrets/redact-secrets';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('secrets a server echoes', () => {
  const forms = secretForms({ username: 'anna@firma.se', password: 'Hemligt-42' });

  it('are cut out in every form a sign-in puts on the wire: as typed (IMAP LOGIN), AUTH LOGIN and AUTH PLAIN base64', () => {
    for (const echoed of ['Hemligt-42', b64('Hemligt-42'), b64('\u0000anna@firma.se\u0000Hemligt-42'), b64('anna@firma.se\u0000anna@firma.se\u0000Hemligt-42')]) {
      expect(redactSecrets(`NO [AUTHENTICATIONFAILED] bad ${echoed} here`, forms)).toBe('NO [AUTHENTICATIONFAILED] bad [secret removed] here');
    }
  });

  it('cuts an XOAUTH2 token and its SASL string, and leaves other text and non-strings alone', () => {
    const token = 'ya29.a0AfH6SMB-token';
    const oauth = secretForms({ username: 'anna@firma.se', accessToken: token });
    const sasl = b64(`user=anna@firma.se\u0001auth=Bearer ${token}\u0001\u0001`);
    expect(redactSecretsDeep({ stages: [{ detail: `535 ${sasl}`, ms: 3 }], ok: false, note: token }, oauth)).toEqual({
      stages: [{ detail: '535 [secret removed]', ms: 3 }],
      ok: false,
      note: '[secret removed]',
    });
    expect(redactSecrets('250 2.0.0 Ok: queued', oauth)).toBe('250 2.0.0 Ok: queued');
  });

  it('ignores a secret too short to cut without cutting ordinary words', () => {
    expect(secretForms({ username: 'a@b.se', password: 'ab' })).not.toContain('ab');
  });
});

describe('credentials the relay cannot list', () => {
  it('cuts base64 that decodes to an AUTH PLAIN or XOAUTH2 response, and bearer tokens, with no forms given', () => {
    const plain = b64('\u0000bo@firma.se\u0000someone-elses-password');
    const xoauth2 = b64('user=bo@firma.se\u0001auth=Bearer eyJ0eXAiOiJKV1QiLCJhbGciOi\u0001\u0001');
    expect(redactSecrets(`535 5.7.3 bad ${plain}`, [])).toBe('535 5.7.3 bad [secret removed]');
    expect(redactSecrets(`535 5.7.3 ${xoauth2}`, [])).toBe('535 5.7.3 [secret removed]');
    expect(redactSecrets('401 invalid_token for Authorization: Bearer eyJ0eXAiOiJKV1QiLCJhbGciOi.abc', [])).toBe('401 invalid_token for Authorization: Bearer [secret removed]');
  });

  it('leaves ordinary replies, ids and base64 that is no credential alone', () => {
    for (const reply of [
      '250 2.0.0 OK 1733580000 d75a77b69052e-4c7b5c1f2a3si123456qtb.45 - gsmtp',
      '334 VXNlcm5hbWU6',
      '550 5.7.60 SMTP; Client does not have permissions to send as this sender',
      `250 ${b64('just an ordinary queue id 4711')}`,
    ]) {
      expect(redactSecrets(reply, [])).toBe(reply);
    }
  });
});
