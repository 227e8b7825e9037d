import type { Store } from '../store/types';

/**
 * The store as one accepted send sees it: the profile it names is read once, with its delivery
 * settings and its last finished message, in one statement (getProfileForSend); planning the send
 * (getProfile, lastFinishedDelivery) and its limits (getDeliverySettings) take their answers from
 * that read instead of a round trip each. Any other profile (a company fallback) is read as usual.
 */
export async function storeWithProfileRead(store: Store, profileId: string | undefined): Promise<Store> {
  const read = profileId === undefined ? undefined : await store.getProfileForSend(profileId);
  if (!read) return store;
  const id = read.profile.id;
  const view: Pick<Store, 'getProfile' | 'getDeliverySettings' | 'lastFinishedDelivery'> = {
    getProfile: (of) => (of === id ? Promise.resolve(read.profile) : store.getProfile(of)),
    getDeliverySettings: (of) => (of === id ? Promise.resolve(read.settings) : store.getDeliverySettings(of)),
    lastFinishedDelivery: (of) => (of === id ? Promise.resolve(read.lastFinished) : store.lastFinishedDelivery(of)),
  };
  return Object.assign(Object.create(store) as Store, view);
}
