import type { ProfileSendRead } from '../store/repositories/profiles-repository';
import type { Store } from '../store/types';

/**
 * The store as one accepted send sees it: the profiles it may use are read once, each with its
 * delivery settings and its last finished message, in one statement: the profile the send names
 * (getProfileForSend), else every profile it chooses from (listProfilesForSend). Planning the send
 * (getProfile, listProfilesVisibleTo, lastFinishedDelivery) and its limits (getDeliverySettings) take
 * their answers from that read instead of a round trip each (issue 18: on SQLite each read after
 * another connection's commit starts with an empty page cache; on PostgreSQL each is a round trip).
 * Anything else (a named profile's company fallback) is read as usual.
 */
export async function storeWithProfileRead(store: Store, userId: string, profileId: string | undefined): Promise<Store> {
  let reads: ProfileSendRead[];
  if (profileId !== undefined) {
    const read = await store.getProfileForSend(profileId);
    if (!read) return store;
    reads = [read];
  } else {
    reads = await store.listProfilesForSend(userId);
  }
  const byId = new Map(reads.map((read) => [read.profile.id, read]));
  const view: Pick<Store, 'getProfile' | 'getDeliverySettings' | 'lastFinishedDelivery' | 'listProfilesVisibleTo'> = {
    getProfile: (of) => (byId.has(of) ? Promise.resolve(byId.get(of)!.profile) : store.getProfile(of)),
    getDeliverySettings: (of) => (byId.has(of) ? Promise.resolve(byId.get(of)!.settings) : store.getDeliverySettings(of)),
    lastFinishedDelivery: (of) => (byId.has(of) ? Promise.resolve(byId.get(of)!.lastFinished) : store.lastFinishedDelivery(of)),
    listProfilesVisibleTo: (of) => (profileId === undefined && of === userId ? Promise.resolve(reads.map((read) => read.profile)) : store.listProfilesVisibleTo(of)),
  };
  return Object.assign(Object.create(store) as Store, view);
}
