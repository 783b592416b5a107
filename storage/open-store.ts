import path from 'node:path';
import type { Store } from '../services/ports/store.port';
import type { Clock } from '../services/shared/time';
import { openCosmosStore } from './cosmos/cosmos.store';
import { openSqliteStore } from './sqlite/sqlite.store';

/** Which store to open: the embedded file under a data folder, or a Cosmos DB account. */
export type StoreConfig = { kind: 'embedded'; dataDir: string } | { kind: 'cosmos'; endpoint: string; key: string; databaseId: string };

/** The embedded store's file name inside the data folder. */
export const EMBEDDED_FILE = 'ipp.sqlite';

/** Opens the store the configuration names; case state is validated on every read by `parseCaseState`. */
export async function openStore<S>(config: StoreConfig, parseCaseState: (raw: unknown) => S, clock?: Clock): Promise<Store<S>> {
  switch (config.kind) {
    case 'embedded':
      return openSqliteStore({ file: path.join(config.dataDir, EMBEDDED_FILE), parseCaseState, clock });
    case 'cosmos':
      return openCosmosStore({ endpoint: config.endpoint, key: config.key, databaseId: config.databaseId, parseCaseState, clock });
  }
}
