import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClaimedProfiles } from '../../relay/delivery/claimed-profiles';
import type { ProfileRow } from '../../relay/store/types';

/** A store whose profiles change between claims; it counts its reads and fails those it is told to. */
function changingStore() {
  const versions = new Map<string, string>();
  const state = { reads: 0, failNext: false };
  return {
    state,
    versions,
    store: {
      async getProfileForSend(id: string) {
        state.reads++;
        if (state.failNext) {
          state.failNext = false;
          throw new Error('connection terminated');
        }
        const version = versions.get(id);
        return version === undefined ? undefined : { profile: { id, updatedAt: 0, data: version } as unknown as ProfileRow };
      },
    },
  };
}

describe('ClaimedProfiles (the profiles of claimed messages, read again only when their version changed)', () => {
  it('always answers with the profile as it is at the claim, and reads it only once per batch and version', async () => {
    const step = fc.record({
      // A change to one profile before the claim (a new version, or deleted), or none.
      change: fc.option(fc.record({ profile: fc.constantFrom('p1', 'p2'), to: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: undefined }) }), { nil: undefined }),
      batch: fc.array(fc.constantFrom('p1', 'p2'), { minLength: 1, maxLength: 4 }),
      // SQLite's claims report no version.
      reportsVersion: fc.boolean(),
      readFails: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const { store, state, versions } = changingStore();
        versions.set('p1', 'a').set('p2', 'a');
        const profiles = new ClaimedProfiles(store);
        const lastRead = new Map<string, string>();
        for (const { change, batch, reportsVersion, readFails } of steps) {
          if (change) {
            if (change.to === undefined) versions.delete(change.profile);
            else versions.set(change.profile, change.to);
          }
          const lookup = profiles.forBatch();
          const readsBefore = state.reads;
          state.failNext = readFails;
          const expectedReads = new Set(batch.filter((id) => !reportsVersion || versions.get(id) === undefined || lastRead.get(id) !== versions.get(id))).size;
          const answers = await Promise.allSettled(batch.map((profileId) => lookup({ profileId, profileVersion: reportsVersion ? versions.get(profileId) : undefined })));
          const failed = state.failNext === false && readFails && state.reads > readsBefore;
          expect(state.reads - readsBefore).toBe(expectedReads);
          batch.forEach((id, i) => {
            const answer = answers[i]!;
            if (answer.status === 'rejected') return expect(failed).toBe(true);
            expect((answer.value.profileRow as unknown as { data: string } | undefined)?.data).toBe(versions.get(id));
          });
          // What the next claim may reuse: the versions read successfully here.
          batch.forEach((id, i) => {
            const version = versions.get(id);
            if (answers[i]!.status === 'fulfilled' && reportsVersion && version !== undefined) lastRead.set(id, version);
            else if (answers[i]!.status === 'rejected' || !reportsVersion || version === undefined) lastRead.delete(id);
          });
        }
      }),
    );
  });
});
