import type { CaseState } from '../services/case';
import { parseCaseState } from '../services/case';
import type { Store } from '../services/ports/store.port';
import { openStore } from '../storage/open-store';
import type { Config } from './config';

/** The product's store: every case read is parsed (and so validated) by the case module's schema. */
export type ProductStore = Store<CaseState>;

/** Opens the store the configuration names (embedded SQLite by default, or Cosmos DB). */
export async function openProductStore(config: Config): Promise<ProductStore> {
  return openStore(config.store, parseCaseState);
}
