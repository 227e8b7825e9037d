import { OpenAPIHono } from '@hono/zod-openapi';
import { operation } from '../api/operation';
import { RELAY_CONTRACT } from '../../shared/api/relay-contract';
import { serve } from '../api/serve';
import { zDeliverySettings } from '../../shared/schemas';
import { deliverySettingsRowFromInput, openSaveToSent, toDeliverySettingsView } from '../delivery/delivery-settings';
import { ApiError } from '../http/api-error';
import type { AuthEnv } from '../http/authenticate';
import { preferredLanguage } from '../http/language';
import { readJsonBody } from '../http/read-body';
import { isObviouslyPrivateHost } from '../net/host-policy';
import type { SentFolderCheck } from '../imap/sent-folder-check';
import { openProfileSecrets, parseProfileData } from '../profiles/profile-record';
import { canManageProfile, canUseProfile } from '../profiles/resolve-profile';
import type { SecretCipher } from '../secrets/cipher';
import type { Store } from '../store/types';

export interface DeliverySettingsRouteDeps {
  store: Store;
  cipher: SecretCipher;
  allowPrivateHosts: boolean;
  /** Tests changed Sent-folder settings before they are saved. */
  sentFolderCheck?: Pick<SentFolderCheck, 'beforeSave'>;
}

/** IMAP ports a relay connects to unless private hosts are allowed (internal servers and tests). */
const IMAP_PORTS = [143, 993];

const getDeliverySettings = operation(RELAY_CONTRACT.getDeliverySettings, {
  tag: 'profiles',
  summary: "A sender's delivery settings: size and rate limits, the copy in the Sent folder",
  answers: { 200: 'The settings and what delivery uses' },
  errors: ['not_found'],
});

const putDeliverySettings = operation(RELAY_CONTRACT.putDeliverySettings, {
  tag: 'profiles',
  summary: "Set a sender's delivery settings",
  description: "Replaces them; absent fields use the defaults (the provider preset's limits when the host is a known provider's). `saveToSent: null` switches the Sent copy off.",
  answers: { 200: 'The settings and what delivery uses' },
  errors: ['forbidden', 'not_found', 'private_host_not_allowed', 'sent_folder_test_failed'],
});

/**
 * `GET|PUT /v1/profiles/:id/delivery`: a profile's size limit, connection and rate limits, and its
 * Sent-folder copy. Everyone who may use the profile may read them; changing them is for whoever
 * manages the profile. A change takes effect for the next message: the profile's open connections
 * are replaced.
 */
export function deliverySettingsRoutes({ store, cipher, allowPrivateHosts, sentFolderCheck }: DeliverySettingsRouteDeps) {
  const app = new OpenAPIHono<AuthEnv>();
  serve(app, getDeliverySettings, async (c, answer) => {
    const row = await store.getProfile(c.req.param('id'));
    if (!row || !canUseProfile(c.get('user'), row)) throw new ApiError('not_found', 'There is no sender profile with this id.');
    return answer(200, toDeliverySettingsView(row.id, parseProfileData(row), await store.getDeliverySettings(row.id)));
  });
  serve(app, putDeliverySettings, async (c, answer) => {
    const user = c.get('user');
    const row = await store.getProfile(c.req.param('id'));
    if (!row || !canUseProfile(user, row)) throw new ApiError('not_found', 'There is no sender profile with this id.');
    if (!canManageProfile(user, row)) throw new ApiError('forbidden', 'Only an admin can change a company sender.');
    const { value } = await readJsonBody(c, zDeliverySettings);
    const imap = value.saveToSent;
    if (imap && !allowPrivateHosts) {
      if (isObviouslyPrivateHost(imap.host)) {
        throw new ApiError('private_host_not_allowed', `The server "${imap.host}" is on a private network, which this relay does not connect to.`, {
          hint: 'An admin can allow internal mail servers by starting the relay with OWNPOST_ALLOW_PRIVATE_HOSTS=1.',
        });
      }
      if (imap.port && !IMAP_PORTS.includes(imap.port)) {
        throw new ApiError('validation_failed', `saveToSent.port: IMAP is on port 993 (TLS) or 143 (STARTTLS), not ${imap.port}.`);
      }
    }
    const previous = await store.getDeliverySettings(row.id);
    const next = deliverySettingsRowFromInput(row.id, value, previous, cipher, Date.now());
    if (sentFolderCheck) {
      const profile = openProfileSecrets(row, cipher);
      await sentFolderCheck.beforeSave(user, preferredLanguage(c), {
        candidate: openSaveToSent({ ...next, serverMaxBytes: null }, profile, cipher),
        previous: openSaveToSent(previous, profile, cipher),
        force: value.force === true,
      });
    }
    await store.putDeliverySettings(next);
    return answer(200, toDeliverySettingsView(row.id, parseProfileData(row), await store.getDeliverySettings(row.id)));
  });
  return app;
}
