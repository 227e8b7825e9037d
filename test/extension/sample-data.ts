/** Relay answers as the API gives them, for component tests. */
import type { MessageView, ProfileView, UserView } from '../../shared/schemas';

export const ANNA: UserView = { id: 'u1', email: 'anna@firma.se', name: 'Anna Berg', role: 'admin' };
export const BO: UserView = { id: 'u2', email: 'bo@firma.se', role: 'member' };

export function profile(overrides: Partial<ProfileView> = {}): ProfileView {
  return {
    id: 'p1',
    name: 'Office',
    scope: 'personal',
    ownerEmail: 'anna@firma.se',
    fromName: 'Anna Berg',
    fromAddress: 'anna@firma.se',
    smtp: { host: 'smtp.office365.com', port: 587, security: 'starttls', minTlsVersion: 'TLSv1.2', ciphers: 'default' },
    auth: { type: 'password', username: 'anna@firma.se', hasPassword: true },
    allowOtherSender: false,
    allowedSenders: [],
    senderStyle: 'sender_header',
    bccSelf: false,
    isDefault: false,
    isFallback: false,
    sites: [],
    projects: [],
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
    ...overrides,
  };
}

export function message(overrides: Partial<MessageView> = {}): MessageView {
  return {
    id: 'm1',
    sendId: 's1',
    status: 'sent',
    profileId: 'p1',
    messageId: '<m1@firma.se>',
    to: ['ekonomi@kund.se'],
    subject: 'Faktura 2026-0042',
    documentRef: '2026-0042',
    attempts: [],
    attemptCount: 1,
    sizeBytes: 120_000,
    createdAt: '2026-11-20T10:00:00.000Z',
    sentAt: '2026-11-20T10:00:02.000Z',
    ...overrides,
  } as MessageView;
}
