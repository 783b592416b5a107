import { CosmosClient, type CosmosClientOptions } from '@azure/cosmos';
import type { Store } from '../../services/ports/store.port';
import { systemClock, type Clock } from '../../services/shared/time';
import { cosmosAudit, cosmosCases, cosmosOutbox } from './cosmos-case.repository';
import { CONTAINERS } from './cosmos-documents';
import { cosmosConversations, cosmosPeople, cosmosSchools } from './cosmos-directory.repository';
import { cosmosEquality } from './cosmos-equality.repository';
import { cosmosPayrollExports } from './cosmos-payroll.repository';
import { cosmosIdempotency, cosmosReminders } from './cosmos-reminder.repository';

/** Options of the Cosmos DB store. */
export interface CosmosStoreOptions<S> {
  endpoint: string;
  key: string;
  databaseId: string;
  parseCaseState: (raw: unknown) => S;
  clock?: Clock;
  /** Extra client settings (tests over http turn endpoint discovery off). */
  connectionPolicy?: CosmosClientOptions['connectionPolicy'];
}

/**
 * Opens the Cosmos DB store over existing containers (`npm run cosmos:init` creates them). The SDK retries
 * throttled (429) requests itself; nothing here retries a write whose outcome is unknown unless that write is
 * idempotent or guarded by an etag.
 */
export function openCosmosStore<S>(options: CosmosStoreOptions<S>): Store<S> {
  // Over plain http (the local emulator) there are no regions to discover; discovery would fail.
  const connectionPolicy = options.connectionPolicy ?? { enableEndpointDiscovery: !options.endpoint.startsWith('http:') };
  const client = new CosmosClient({ endpoint: options.endpoint, key: options.key, connectionPolicy });
  const db = client.database(options.databaseId);
  const clock = options.clock ?? systemClock;
  const cases = db.container(CONTAINERS.cases);
  return {
    schools: cosmosSchools(db.container(CONTAINERS.schools)),
    people: cosmosPeople(db.container(CONTAINERS.people)),
    cases: cosmosCases(cases, options.parseCaseState, clock),
    outbox: cosmosOutbox(cases),
    reminders: cosmosReminders(cases, clock),
    conversations: cosmosConversations(db.container(CONTAINERS.conversations)),
    audit: cosmosAudit(cases, clock),
    idempotency: cosmosIdempotency(db.container(CONTAINERS.idempotency)),
    payrollExports: cosmosPayrollExports(cases, clock),
    equality: cosmosEquality(db.container(CONTAINERS.equality)),
    ping: async () => {
      await db.read();
    },
    close: async () => {
      client.dispose();
    },
  };
}
