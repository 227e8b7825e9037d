import { OpenAPIHono } from '@hono/zod-openapi';
import { operation } from '../api/operation';
import { RELAY_CONTRACT } from '../../shared/api/relay-contract';
import { serve } from '../api/serve';
import { randomUUID } from 'node:crypto';
import { zProfileInput, zProfilePatch } from '../../shared/schemas';
import { normaliseProjectName } from '../../shared/site-patterns';
import { profileVerification, type TestBeforeSave } from '../diagnosis/sender-test-service';
import { ApiError } from '../http/api-error';
import type { AuthEnv } from '../http/authenticate';
import { preferredLanguage } from '../http/language';
import { readJsonBody } from '../http/read-body';
import { isObviouslyPrivateHost } from '../net/host-policy';
import { newProfileRow, parseProfileData, patchProfileRow, profileDataProblems, type ProfileData } from '../profiles/profile-record';
import { toProfileView } from '../profiles/profile-view';
import { canManageProfile, canUseProfile } from '../profiles/resolve-profile';
import { assertStoredPasswordStaysWithServer } from '../profiles/secret-destination';
import { assertMemberProfileWithinAllowance } from '../profiles/sender-policy';
import type { SecretCipher } from '../secrets/cipher';
import type { ProfileRow, Store, UserRow } from '../store/types';

export interface ProfileRouteDeps {
  store: Store;
  cipher: SecretCipher;
  allowPrivateHosts: boolean;
  /** Issue 4: new server settings or credentials are saved only after a passing test (or an admin's `force`). */
  testBeforeSave?: TestBeforeSave;
}

function assertHostAllowed(host: string, allowPrivateHosts: boolean) {
  if (!allowPrivateHosts && isObviouslyPrivateHost(host)) {
    throw new ApiError('private_host_not_allowed', `The server "${host}" is on a private network, which this relay does not connect to.`, {
      hint: 'An admin can allow internal mail servers by starting the relay with OWNPOST_ALLOW_PRIVATE_HOSTS=1.',
    });
  }
}

/** Profiles whose defaults and mappings compete: the company's, or one owner's personal ones. */
function sameGroup(a: ProfileRow, b: ProfileRow): boolean {
  return a.scope === b.scope && (a.scope === 'company' || a.ownerId === b.ownerId);
}

function withData(row: ProfileRow, data: ProfileData, now: number): ProfileRow {
  return { ...row, data, updatedAt: now };
}

const listProfiles = operation(RELAY_CONTRACT.listProfiles, {
  tag: 'profiles',
  summary: 'The sender profiles the user may use',
  answers: { 200: "Company profiles and the user's own" },
  errors: [],
});

/** What saving a profile can be refused for, besides a body that is not one. */
const SAVE_ERRORS = [
  'forbidden',
  'not_found',
  'member_sender_not_allowed',
  'reply_to_not_allowed',
  'private_host_not_allowed',
  'conflict',
  'profile_test_failed',
  'profile_password_required',
  'port_not_allowed',
  'rate_limited',
] as const;

const addProfile = operation(RELAY_CONTRACT.addProfile, {
  tag: 'profiles',
  summary: 'Add a sender profile',
  description:
    "Company profiles are for admins. A member's personal profile may use only the member's own address or those an admin allowed (403 `member_sender_not_allowed`). A site or project can be mapped to one profile per owner (409 `conflict`). New server settings are saved only after a passing test (422 `profile_test_failed`), unless an admin forces it.",
  answers: { 201: 'Created' },
  errors: SAVE_ERRORS,
});

const getProfile = operation(RELAY_CONTRACT.getProfile, {
  tag: 'profiles',
  summary: 'One sender profile',
  answers: { 200: 'The profile' },
  errors: ['not_found'],
});

const changeProfile = operation(RELAY_CONTRACT.changeProfile, {
  tag: 'profiles',
  summary: 'Change a sender profile',
  answers: { 200: 'The changed profile' },
  errors: SAVE_ERRORS,
});

const deleteProfile = operation(RELAY_CONTRACT.deleteProfile, {
  tag: 'profiles',
  summary: 'Delete a sender profile',
  answers: { 204: 'Deleted' },
  errors: ['forbidden', 'not_found'],
});

export function profileRoutes({ store, cipher, allowPrivateHosts, testBeforeSave }: ProfileRouteDeps) {
  async function view(row: ProfileRow) {
    const owner = row.ownerId ? await store.getUserById(row.ownerId) : undefined;
    return { ...toProfileView(row, owner?.email ?? null), ...profileVerification(row) };
  }

  async function findManageable(user: UserRow, id: string) {
    const row = await store.getProfile(id);
    if (!row || !canUseProfile(user, row)) throw new ApiError('not_found', 'There is no sender profile with this id.');
    if (!canManageProfile(user, row)) {
      throw new ApiError('forbidden', 'Only an admin can change a company sender.');
    }
    return row;
  }

  /**
   * Checks a profile as it would be saved, whatever the request was: combined settings, the member rules,
   * and a site or project mapped only once per group (two senders for the same page would make the choice
   * arbitrary). Runs before the sender test, so a refusal never costs a test message.
   */
  async function assertSavable(user: UserRow, row: ProfileRow, previous?: ProfileRow) {
    const data = parseProfileData(row);
    // Sending the password in clear is an admin's decision (issue 14); a member may keep what an admin set.
    if (data.smtp.allowPlaintextAuth && user.role !== 'admin' && !(previous && parseProfileData(previous).smtp.allowPlaintextAuth)) {
      throw new ApiError('forbidden', 'Only an admin can allow signing in over an unencrypted connection (allowPlaintextAuth).', {
        hint: 'Use security "starttls" or "tls" if the server offers it; otherwise ask an admin.',
      });
    }
    const problems = profileDataProblems(data, row.scope);
    if (problems.length) {
      throw new ApiError('validation_failed', `${problems[0]!.path}: ${problems[0]!.message}`, { details: problems });
    }
    assertHostAllowed(data.smtp.host, allowPrivateHosts);
    const allowances = user.role === 'admin' ? [] : await store.getSenderAllowances(user.id);
    assertMemberProfileWithinAllowance(user, allowances, data, row.scope);
    const group = (await store.listAllProfiles()).filter((other) => other.id !== row.id && sameGroup(other, row));
    for (const other of group) {
      const otherData = parseProfileData(other);
      const site = data.sites.find((s) => otherData.sites.includes(s));
      const project = data.projects.find((p) => otherData.projects.some((q) => normaliseProjectName(q) === normaliseProjectName(p)));
      if (site || project) {
        throw new ApiError('conflict', `${site ? `The site ${site}` : `The project "${project}"`} is already mapped to the sender "${otherData.name}".`, {
          hint: 'Remove it from that sender first, or map a more specific site (a URL prefix) to this one.',
          details: { field: site ? 'sites' : 'projects', profileId: other.id },
        });
      }
    }
  }

  /**
   * Writes a profile with the flags that span several profiles, in one transaction: one default per
   * group (setting it moves it) and one company fallback.
   */
  async function saveWithGroupRules(row: ProfileRow, isNew: boolean) {
    const now = row.updatedAt;
    const data = parseProfileData(row);
    const others = (await store.listAllProfiles()).filter((other) => other.id !== row.id);
    const updates: ProfileRow[] = [];
    for (const other of others) {
      const otherData = parseProfileData(other);
      const loseDefault = data.isDefault && otherData.isDefault && sameGroup(other, row);
      const loseFallback = data.isFallback && otherData.isFallback;
      if (loseDefault || loseFallback) {
        updates.push(withData(other, { ...otherData, ...(loseDefault && { isDefault: false }), ...(loseFallback && { isFallback: false }) }, now));
      }
    }
    await store.saveProfiles(isNew ? { insert: row, update: updates } : { update: [row, ...updates] });
  }

  /**
   * Who owns a new personal sender: the user who adds it, or, for an admin who names `ownerEmail`, that
   * person (Planfix-style: the admin sets up an employee's mailbox). The owner's own sender rules apply.
   */
  async function ownerForNewProfile(user: UserRow, value: { scope: string; ownerEmail?: string }): Promise<UserRow> {
    if (value.ownerEmail === undefined || value.ownerEmail.toLowerCase() === user.email.toLowerCase()) return user;
    if (user.role !== 'admin') {
      throw new ApiError('forbidden', 'Only an admin can add a sender for another person.', { hint: 'Leave out ownerEmail to add your own sender.' });
    }
    if (value.scope === 'company') {
      throw new ApiError('validation_failed', 'ownerEmail: a company sender belongs to the company, not to one person.', {
        details: [{ path: 'ownerEmail', message: 'not allowed for a company sender' }],
      });
    }
    const owner = await store.getUserByEmail(value.ownerEmail);
    if (!owner) {
      throw new ApiError('not_found', `There is no person with the e-mail ${value.ownerEmail} on this relay.`, {
        hint: 'Add the person first (npx ownpost user add, or the People page), then set up their sender.',
      });
    }
    return owner;
  }

  const app = new OpenAPIHono<AuthEnv>();
  serve(app, listProfiles, async (c, answer) => {
    const rows = await store.listProfilesVisibleTo(c.get('user').id);
    return answer(200, { profiles: await Promise.all(rows.map(view)) });
  });
  serve(app, addProfile, async (c, answer) => {
    const user = c.get('user');
    const { value } = await readJsonBody(c, zProfileInput);
    if (value.scope === 'company' && user.role !== 'admin') {
      throw new ApiError('forbidden', 'Only an admin can add a company sender.', { hint: 'Add it as a personal sender instead.' });
    }
    const owner = await ownerForNewProfile(user, value);
    const created = newProfileRow(value, { id: randomUUID(), ownerId: owner.id, now: Date.now() }, cipher);
    await assertSavable(owner, created);
    const row = testBeforeSave ? await testBeforeSave(user, preferredLanguage(c), { candidate: created, force: value.force === true }) : created;
    await saveWithGroupRules(row, true);
    return answer(201, await view(row));
  });
  serve(app, getProfile, async (c, answer) => {
    const row = await store.getProfile(c.req.param('id'));
    if (!row || !canUseProfile(c.get('user'), row)) throw new ApiError('not_found', 'There is no sender profile with this id.');
    return answer(200, await view(row));
  });
  serve(app, changeProfile, async (c, answer) => {
    const user = c.get('user');
    const row = await findManageable(user, c.req.param('id'));
    const { value } = await readJsonBody(c, zProfilePatch);
    if (value.scope === 'company' && user.role !== 'admin') throw new ApiError('forbidden', 'Only an admin can make a sender a company sender.');
    let next = patchProfileRow(row, value, cipher, Date.now());
    assertStoredPasswordStaysWithServer(parseProfileData(row), parseProfileData(next), row.secrets ?? {}, value);
    if (value.scope === 'company') next.ownerId = null;
    if (value.scope === 'personal' && row.scope === 'company') next.ownerId = user.id;
    await assertSavable(user, next, row);
    if (testBeforeSave) next = await testBeforeSave(user, preferredLanguage(c), { candidate: next, previous: row, force: value.force === true });
    await saveWithGroupRules(next, false);
    return answer(200, await view(next));
  });
  serve(app, deleteProfile, async (c, answer) => {
    const row = await findManageable(c.get('user'), c.req.param('id'));
    await store.deleteProfile(row.id);
    return answer(204);
  });
  return app;
}
