import { randomUUID } from 'node:crypto';
import type { ProfileData } from '../../relay/profiles/profile-data';
import type { NewMessage } from '../../relay/store/types';

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

/** A message of one recipient from anna@firma.se, for sends written to the store directly. */
export function newMessage(profileId: string, overrides: Partial<NewMessage> = {}): NewMessage {
  return {
    id: randomUUID(),
    profileId,
    messageId: `<${randomUUID()}@firma.se>`,
    envelope: { from: 'anna@firma.se', to: ['kund@exempel.se'] },
    raw: Buffer.from('From: anna@firma.se\r\nTo: kund@exempel.se\r\nSubject: x\r\n\r\nbody\r\n'),
    summary: { to: ['kund@exempel.se'], subject: 'x' },
    documentRef: null,
    documents: [],
    partNumber: 1,
    partCount: 1,
    fallback: null,
    wantsSentCopy: false,
    ...overrides,
  };
}
