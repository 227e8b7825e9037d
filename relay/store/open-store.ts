import path from 'node:path';
import type { RelayConfig } from '../config';
import { ConfigError } from '../config';
import { SqliteStore } from './sqlite/sqlite-store';
import type { Store } from './types';

export const SQLITE_FILE_NAME = 'ownpost.db';

/** Opens the store the configuration names: SQLite in the data folder unless a postgres:// URL is set. */
export async function openStore(config: Pick<RelayConfig, 'dataDir' | 'databaseUrl'>): Promise<Store> {
  if (config.databaseUrl) {
    throw new ConfigError('the PostgreSQL store is not available in this version yet; unset OWNPOST_DATABASE_URL');
  }
  return new SqliteStore(path.join(config.dataDir, SQLITE_FILE_NAME));
}
