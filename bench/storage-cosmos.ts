import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CosmosClient, type JSONObject, type OperationInput } from '@azure/cosmos';
import { createHttpServer } from '@vercel/cosmosdb-server';
import { ensureContainers } from '../storage/cosmos/cosmos-containers';
import { wrap } from '../storage/cosmos/cosmos-documents';
import { duePendingQuery, expiredLeaseQuery } from '../storage/cosmos/cosmos-reminder.repository';
import { reminderDoc } from '../storage/shared/store-rules';
import { benchReminder, DUE, SWEEP_AT } from './storage-seed';

/** What one Cosmos due sweep costs over `total` stored reminders, as the client sees it. */
export interface CosmosSweep {
  total: number;
  documentsRead: number;
  requestCharge: number;
}

/**
 * Seeds `total` reminders into the loopback Cosmos protocol server (bulk, as the SDK sends it) and runs the two
 * sweep queries of the adapter, counting the documents returned to the client and the request charge reported.
 * The test server charges a flat 1 per request, returns placeholder query metrics (all zero) and scans every document itself (it has
 * no indexes), so only the client-side count is meaningful here; on a real account the (type, state, dueAt)
 * composite index in containers.json is what keeps the server-side read to the due documents.
 */
export async function cosmosSweep(total: number): Promise<CosmosSweep> {
  const server: Server = createHttpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = new CosmosClient({ endpoint, key: 'a2V5', connectionPolicy: { enableEndpointDiscovery: false } });
  try {
    const database = await ensureContainers(client, `bench-${total}`);
    const container = database.container('cases');
    const ops: OperationInput[] = Array.from({ length: total }, (_, i) => {
      const r = benchReminder(i, total);
      return { operationType: 'Create', partitionKey: r.schoolId, resourceBody: wrap('reminder', reminderDoc(r)) as JSONObject };
    });
    for (let i = 0; i < ops.length; i += 1000) await container.items.executeBulkOperations(ops.slice(i, i + 1000));
    let documentsRead = 0;
    let requestCharge = 0;
    for (const spec of [duePendingQuery(SWEEP_AT, DUE * 2), expiredLeaseQuery(SWEEP_AT, DUE * 2)]) {
      const iterator = container.items.query(spec);
      while (iterator.hasMoreResults()) {
        const page = await iterator.fetchNext();
        documentsRead += page.resources.length;
        requestCharge += page.requestCharge;
      }
    }
    return { total, documentsRead, requestCharge };
  } finally {
    client.dispose();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
