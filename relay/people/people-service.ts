/**
 * What the API (relay/routes/user-routes.ts, me-routes.ts) and the CLI (relay/cli.ts) do to people and
 * devices, written once. Failures are DomainErrors with stable codes; the CLI prints their message.
 */
import { randomUUID } from 'node:crypto';
import type { DeviceView, PairingCodeView } from '../../shared/api-schemas';
import { hashSecretToken, newPairingCode, PAIRING_CODE_TTL_MS, SETUP_CODE_TTL_MS } from '../auth/tokens';
import { DomainError } from '../errors/domain-error';
import type { Role, Store, UserRow } from '../store/types';
import type { DeviceRow, PeopleStore } from './people-store';

/**
 * Adds a person, or brings back one an admin removed (same address: their history is theirs again).
 * The relay's first user becomes its admin whatever `role` says (Store.createUser).
 */
export async function addPerson(
  store: Store,
  people: PeopleStore,
  person: { email: string; name?: string | null; role: Role },
  now: number,
): Promise<{ user: UserRow; restored: boolean }> {
  if (await people.getActiveUserByEmail(person.email)) {
    throw new DomainError('conflict', `${person.email} is already a user of this relay.`);
  }
  const removed = await people.getRemovedUserByEmail(person.email);
  if (removed) {
    const user = await people.restoreUser(removed.id, { name: person.name ?? null, role: person.role });
    if (user) return { user, restored: true };
  }
  try {
    const user = await store.createUser({ id: randomUUID(), email: person.email, name: person.name ?? null, role: person.role, createdAt: now });
    return { user, restored: false };
  } catch (error) {
    // Two admins adding the same address at once: the unique index decides, the loser hears why.
    if (await people.getActiveUserByEmail(person.email)) throw new DomainError('conflict', `${person.email} is already a user of this relay.`);
    throw error;
  }
}

/** A one-time code (10 minutes) with which `user` pairs their next browser. */
export async function makePairingCode(store: Store, user: UserRow, now: number): Promise<{ code: string; expiresAt: number }> {
  const code = newPairingCode();
  const expiresAt = now + PAIRING_CODE_TTL_MS;
  await store.createPairingCode({ hash: hashSecretToken(code), userId: user.id, expiresAt });
  return { code, expiresAt };
}

export function toPairingCodeView(made: { code: string; expiresAt: number }): PairingCodeView {
  return { code: made.code, expiresAt: new Date(made.expiresAt).toISOString() };
}

/**
 * Removes a person: their devices stop working at once. The last admin cannot be removed: nobody
 * could manage the relay from the extension afterwards.
 */
export async function removePerson(people: PeopleStore, target: UserRow, now: number): Promise<void> {
  if (target.role === 'admin' && (await people.countActiveAdmins()) <= 1) {
    throw new DomainError('conflict', `${target.email} is the relay's only admin and cannot be removed.`, {
      hint: 'Make another person admin first (npx ownpost user add <email> --admin).',
    });
  }
  if (!(await people.removeUser(target.id, now))) throw new DomainError('not_found', 'There is no user with this id.');
}

export function toDeviceView(device: DeviceRow, idleTtlMs: number | undefined, currentDeviceId: string | undefined): DeviceView {
  const since = device.lastUsedAt ?? device.createdAt;
  return {
    id: device.id,
    name: device.device,
    createdAt: new Date(device.createdAt).toISOString(),
    ...(device.lastUsedAt !== null ? { lastUsedAt: new Date(device.lastUsedAt).toISOString() } : {}),
    ...(idleTtlMs !== undefined ? { expiresAt: new Date(since + idleTtlMs).toISOString() } : {}),
    current: device.id === currentDeviceId,
  };
}

/** A user's devices that still work (expired ones are left out: they would only get 401). */
export async function listLiveDevices(
  people: PeopleStore,
  userId: string,
  now: number,
  idleTtlMs: number | undefined,
  currentDeviceId?: string,
): Promise<DeviceView[]> {
  const devices = await people.listDevices(userId);
  return devices
    .filter((d) => idleTtlMs === undefined || now - (d.lastUsedAt ?? d.createdAt) < idleTtlMs)
    .map((d) => toDeviceView(d, idleTtlMs, currentDeviceId));
}

/**
 * The setup code a relay without users prints when it starts (issue 20): pairing with it in the
 * extension's popup makes its user the admin. Single use, SETUP_CODE_TTL_MS; undefined when the relay
 * has users.
 */
export async function issueSetupCode(store: Store, people: PeopleStore, now: number): Promise<{ code: string; expiresAt: number } | undefined> {
  if ((await store.countUsers()) > 0) return undefined;
  const code = newPairingCode();
  const expiresAt = now + SETUP_CODE_TTL_MS;
  await people.createSetupCode({ hash: hashSecretToken(code), createdAt: now, expiresAt });
  return { code, expiresAt };
}
