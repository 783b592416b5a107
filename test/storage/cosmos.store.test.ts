import { FixedClock } from '../../services/shared/time';
import { containerDefinitions, ensureContainers } from '../../storage/cosmos/cosmos-containers';
import { docId } from '../../storage/cosmos/cosmos-documents';
import { openCosmosStore } from '../../storage/cosmos/cosmos.store';
import { openStore } from '../../storage/open-store';
import { startCosmosServer, type CosmosTestServer } from './cosmos-server';
import { describeStoreContract } from './store.contract';
import { aWrite, NOW, parseTestState, type StoreHarness } from './store-fixtures';
import { anEquality } from './store-equality.contract';
import { anExport } from './store-payroll.contract';

// The Cosmos DB store through the real SDK against a real Cosmos protocol server on loopback
// (@vercel/cosmosdb-server). That server runs batches in order and stops at the first failure, but it does NOT
// roll back earlier operations of a failed batch, and it does NOT expire documents by ttl. So two things are
// proven elsewhere: rollback of a whole case write (atomicityContract, run on SQLite and memory) and retention
// (retentionContract on SQLite and memory, plus cosmos-case-batch.test.ts asserting the batch and ttl the
// adapter builds). Everything else below is the same contract suite the other stores pass.

let server: CosmosTestServer | undefined;
let databases = 0;
beforeAll(async () => {
  server = await startCosmosServer();
});
afterAll(async () => {
  await server?.close();
});

async function openCosmos(): Promise<StoreHarness> {
  if (!server) throw new Error('server not started');
  const databaseId = `ipp-test-${(databases += 1)}`;
  const database = await ensureContainers(server.client, databaseId);
  const clock = new FixedClock(NOW);
  const store = openCosmosStore({ endpoint: server.endpoint, key: server.key, databaseId, parseCaseState: parseTestState, clock, connectionPolicy: server.connectionPolicy });
  return {
    store,
    clock,
    plantRawCase: async (schoolId, id, raw) => {
      // Where the adapter keeps a case: its state under `caseState` (see caseBody).
      const { state, ...rest } = raw as { state?: unknown };
      await database.container('cases').items.upsert({ ...rest, caseState: state, id: docId('case', id), recordId: id, type: 'case', schoolId });
    },
    plantRawEquality: async (schoolId, personId, raw) => {
      await database.container('equality').items.upsert({ ...(raw as object), id: docId('equality', personId), recordId: personId, type: 'equality', schoolId });
    },
    dispose: async () => {
      await store.close();
      await database.delete();
    },
  };
}

describeStoreContract('Cosmos DB', openCosmos);

describe('Cosmos DB documents as stored', () => {
  it('R-PRV-2: a saved case document carries its retention ttl, and an idempotency key its day', async () => {
    const harness = await openCosmos();
    await harness.store.cases.save(aWrite());
    await harness.store.idempotency.firstSeen('slack:Ev1', NOW, 86_400);
    await harness.store.audit.append({ id: 'later', schoolId: 'school-a', caseId: 'case-1', actorId: 'p-ada', action: 'x', at: NOW, channel: 'cli' });
    if (!server) throw new Error('server not started');
    const db = server.client.database(`ipp-test-${databases}`);
    const { resource: caseDoc } = await db.container('cases').item(docId('case', 'case-1'), 'school-a').read<{ ttl?: number }>();
    const key = docId('idempotency', 'slack:Ev1');
    const { resource: keyDoc } = await db.container('idempotency').item(key, key).read<{ ttl?: number }>();
    expect(caseDoc?.ttl).toBe((Date.parse('2033-09-01T00:00:00.000Z') - Date.parse(NOW)) / 1000);
    expect(keyDoc?.ttl).toBe(86_400);
    const { resource: auditDoc } = await db.container('cases').item(docId('audit', 'later'), 'school-a').read<{ ttl?: number }>();
    expect(auditDoc?.ttl).toBe(caseDoc?.ttl);
    await harness.dispose();
  });
});

describe('Cosmos DB payroll export document', () => {
  it('R-PRV-2: a payroll export lives in the school’s partition of the cases container with its cycle’s retention ttl', async () => {
    const harness = await openCosmos();
    await harness.store.payrollExports.save(anExport(), null);
    await harness.store.payrollExports.save(anExport({ exportedOn: '2026-12-09' }), 1);
    if (!server) throw new Error('server not started');
    const db = server.client.database(`ipp-test-${databases}`);
    const { resource } = await db.container('cases').item(docId('payroll-export', '2025-09-01'), 'school-a').read<{ ttl?: number; type?: string; version?: number }>();
    expect(resource).toMatchObject({ type: 'payroll-export', version: 2, ttl: (Date.parse('2032-09-01T00:00:00.000Z') - Date.parse(NOW)) / 1000 });
    await harness.dispose();
  });
});

describe('Cosmos DB equality document', () => {
  it('R-RPT-1: equality answers live in their own container, in the school’s partition, with no ttl and the answers left out of the index', async () => {
    expect(containerDefinitions.find((c) => c.id === 'equality')).toMatchObject({ partitionKey: '/schoolId', indexingPolicy: { excludedPaths: expect.arrayContaining([{ path: '/answers/*' }]) } });
    expect(containerDefinitions.find((c) => c.id === 'equality')?.defaultTtl).toBeUndefined();
    const harness = await openCosmos();
    await harness.store.equality.put(anEquality());
    if (!server) throw new Error('server not started');
    const db = server.client.database(`ipp-test-${databases}`);
    const { resource } = await db.container('equality').item(docId('equality', 'p-ada'), 'school-a').read<{ ttl?: number; type?: string; recordId?: string }>();
    expect(resource).toMatchObject({ type: 'equality', recordId: 'p-ada', schoolId: 'school-a', answers: anEquality().answers });
    expect(resource?.ttl).toBeUndefined();
    const { resources: inCases } = await db.container('cases').items.query("SELECT * FROM c WHERE c.type = 'equality'").fetchAll();
    expect(inCases).toEqual([]);
    await harness.dispose();
  });
});

describe('choosing the store by configuration', () => {
  it('opens Cosmos DB when configured, over plain http without endpoint discovery', async () => {
    if (!server) throw new Error('server not started');
    await ensureContainers(server.client, 'ipp-configured');
    const store = await openStore({ kind: 'cosmos', endpoint: server.endpoint, key: server.key, databaseId: 'ipp-configured' }, parseTestState);
    await store.schools.save({ id: 'school-z', name: 'Elm Primary', presetId: 'p', settings: {}, teamsTenantIds: [], slackTeamIds: [], version: 0 }, null);
    expect((await store.schools.get('school-z'))?.name).toBe('Elm Primary');
    await expect(store.ping()).resolves.toBeUndefined();
    await store.close();
  });
});
