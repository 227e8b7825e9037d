/**
 * Users, their devices and setup codes as people management needs them (issues 14 and 20). Kept
 * beside the main Store (relay/store/types.ts) rather than in it: the store opens the database, this
 * works on the same connection (SQLite) or pool (PostgreSQL), like the limiter store does.
 *
 * "Active" users are those no admin removed: a removed user's row stays for the history of their
 * sends (messages point at it), but they cannot sign in, pair, or be listed.
 */
import { PostgresStore } from '../store/postgres/postgres-store';
import { peopleRepository } from './people-repository';
import { SqliteStore } from '../store/sqlite/sqlite-store';
import type { Role, Store, UserRow } from '../store/types';

/** A paired browser or a script's token. The token itself is never stored, only its SHA-256. */
export interface DeviceRow {
  id: string;
  userId: string;
  /** What the device called itself when it paired (`Chromium extension`, `cli`). */
  device: string;
  createdAt: number;
  /** Kept to the minute (TOKEN_LAST_USED_PRECISION_MS); null until first used. */
  lastUsedAt: number | null;
}

export interface NewPerson {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  createdAt: number;
}

export interface PeopleStore {
  /**
   * The active user of a token, and the token's device id, unless the token is unknown, its user was
   * removed, or it was last used (or made, if never used) `idleTtlMs` or longer before `now`. Marks
   * the token used, to the minute. No cache: a revoked token fails on the next request, on every instance.
   */
  authenticate(tokenHash: string, now: number, idleTtlMs: number | undefined): Promise<{ user: UserRow; deviceId: string } | undefined>;
  listActiveUsers(): Promise<UserRow[]>;
  getActiveUser(id: string): Promise<UserRow | undefined>;
  getActiveUserByEmail(email: string): Promise<UserRow | undefined>;
  /** A removed user with this address, if any (adding the address again brings them back). */
  getRemovedUserByEmail(email: string): Promise<UserRow | undefined>;
  countActiveAdmins(): Promise<number>;
  /** Brings a removed user back with a new name and role; undefined when there is no such removed user. */
  restoreUser(id: string, person: { name: string | null; role: Role }): Promise<UserRow | undefined>;
  /**
   * Removes a user in one transaction: deletes their tokens, pairing codes, sign-ins in progress,
   * sender allowances and personal sender profiles (with their secrets), and marks the row removed.
   * False when there is no active user with this id.
   */
  removeUser(id: string, now: number): Promise<boolean>;

  listDevices(userId: string): Promise<DeviceRow[]>;
  getDevice(id: string): Promise<DeviceRow | undefined>;
  /** Deletes the device's token; true when it existed. */
  deleteDevice(id: string): Promise<boolean>;
  /** Deletes every token of a user; returns how many. */
  deleteDevicesOf(userId: string): Promise<number>;

  createSetupCode(code: { hash: string; createdAt: number; expiresAt: number }): Promise<void>;
  /** Is this a setup code that would still work now (unused, unexpired, and the relay has no users)? */
  isSetupCodeUsable(hash: string, now: number): Promise<boolean>;
  /**
   * Atomically: uses the setup code, and, only while the relay has no users at all, creates `admin`
   * as its admin with a first device token. Undefined when the code does not work (or someone else
   * became the first user meanwhile, perhaps on another instance); then nothing is written.
   */
  redeemSetupCode(hash: string, now: number, admin: Omit<NewPerson, 'role'>, token: { hash: string; device: string }): Promise<UserRow | undefined>;
}

/** The people store on the same database as `store`. */
export function peopleStoreFor(store: Store): PeopleStore {
  if (store instanceof PostgresStore || store instanceof SqliteStore) return peopleRepository(store.storeDb);
  throw new Error(`no people store for a ${store.kind} store`);
}
