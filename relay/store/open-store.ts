import path from 'node:path';
import type { RelayConfig } from '../config';
import { PostgresStore } from './postgres/postgres-store';
import { SqliteStore } from './sqlite/sqlite-store';
import type { Store } from './types';

export const SQLITE_FILE_NAME = 'ownpost.db';

/** PostgreSQL for a postgres:// URL, else SQLite in the data folder. */
export async function openStore(config: Pick<RelayConfig, 'dataDir' | 'databaseUrl'> & Partial<Pick<RelayConfig, 'dbTimeoutMs' | 'dbPrepared'>>): Promise<Store> {
  if (config.databaseUrl) return PostgresStore.open(config.databaseUrl, { timeoutMs: config.dbTimeoutMs, prepared: config.dbPrepared ?? true });
  return SqliteStore.open(path.join(config.dataDir, SQLITE_FILE_NAME));
}
