import { appPasswordsRepository } from './app-passwords-repository';
import { customersRepository } from './customers-repository';
import { deliverySettingsRepository } from './delivery-settings-repository';
import { messageHistoryRepository } from './message-history-repository';
import { oauthRepository } from './oauth-repository';
import { profileSecretsRepository } from './profile-secrets-repository';
import { profilesRepository } from './profiles-repository';
import { recipesRepository } from './recipes-repository';
import { senderRulesRepository } from './sender-rules-repository';
import type { StoreDb } from './store-db';
import { templatesRepository } from './templates-repository';
import { usersRepository } from './users-repository';

/** Every repository of the store, over one database. `afterSecretsRewrite`: see profileSecretsRepository. */
export function storeRepositories(storeDb: StoreDb, options: { afterSecretsRewrite?: () => Promise<void> } = {}) {
  return {
    ...usersRepository(storeDb),
    ...profilesRepository(storeDb),
    ...profileSecretsRepository(storeDb, options.afterSecretsRewrite),
    ...deliverySettingsRepository(storeDb),
    ...senderRulesRepository(storeDb),
    ...messageHistoryRepository(storeDb),
    ...recipesRepository(storeDb),
    ...templatesRepository(storeDb),
    ...customersRepository(storeDb),
    ...appPasswordsRepository(storeDb),
    ...oauthRepository(storeDb),
  };
}

export type StoreRepositories = ReturnType<typeof storeRepositories>;
