import { FixedClock } from '../../services/shared/time';
import { openMemoryStore } from '../../storage/memory/memory.store';
import { memoryTables } from '../../storage/memory/memory-tables';
import { describeStoreContract } from './store.contract';
import { atomicityContract } from './store-cases.contract';
import { equalityRaceContract } from './store-equality.contract';
import { NOW, parseTestState, type StoreHarness } from './store-fixtures';
import { retentionContract } from './store-retention.contract';

async function openMemory(): Promise<StoreHarness> {
  const tables = memoryTables();
  const clock = new FixedClock(NOW);
  const store = openMemoryStore({ parseCaseState: parseTestState, tables, clock });
  return {
    store,
    clock,
    plantRawCase: async (schoolId, id, raw) => {
      tables.cases.set(`${schoolId}|${id}`, { doc: raw, expiresAt: null });
    },
    plantRawEquality: async (schoolId, personId, raw) => {
      tables.equality.set(`${schoolId}|${personId}`, { doc: raw, expiresAt: null });
    },
    dispose: () => store.close(),
  };
}

describeStoreContract('memory', openMemory);
describe('memory store, beyond the shared contract', () => {
  atomicityContract(openMemory);
  retentionContract(openMemory);
  equalityRaceContract(openMemory);
});
