import type { ProfileData } from '../../relay/profiles/profile-data';

/** A profile's settings as the store keeps them (the current version), for tests that write rows directly. */
export function profileData(overrides: Partial<ProfileData> = {}): ProfileData {
  return {
    v: 2,
    name: 'Anna',
    fromAddress: 'anna@firma.se',
    smtp: { host: 'smtp.firma.se', port: 587, security: 'starttls', minTlsVersion: 'TLSv1.2', ciphers: 'default' },
    auth: { type: 'password', username: 'anna@firma.se' },
    allowOtherSender: false,
    allowedSenders: [],
    senderStyle: 'sender_header',
    bccSelf: false,
    isDefault: false,
    isFallback: false,
    sites: [],
    projects: [],
    ...overrides,
  };
}
