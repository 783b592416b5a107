import type { Store } from '../services/ports/store.port';
import { openStore } from '../storage/open-store';
import type { Config } from './config';

/** Opens the store the configuration names (embedded SQLite by default, or Cosmos DB). */
export async function openProductStore(config: Config): Promise<Store> {
  // Case state is passed through unchecked until the case module exists; its zod `caseStateSchema.parse`
  // belongs here then, so that every case read is validated.
  return openStore(config.store, (raw: unknown) => raw);
}
