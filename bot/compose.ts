import type { Store } from '../services/ports/store.port';
import { openStore } from '../storage/open-store';
import type { Config } from './config';

/** Opens the store the configuration names (embedded SQLite by default, or Cosmos DB). */
export async function openProductStore(config: Config): Promise<Store> {
  return openStore(config.store, (raw: unknown) => raw);
}
