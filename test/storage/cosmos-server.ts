import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CosmosClient } from '@azure/cosmos';
import { createHttpServer } from '@vercel/cosmosdb-server';

/** A real Cosmos DB protocol server on loopback, in this process, and how to reach it through the real SDK. */
export interface CosmosTestServer {
  endpoint: string;
  key: string;
  connectionPolicy: { enableEndpointDiscovery: false };
  client: CosmosClient;
  close(): Promise<void>;
}

/** Starts the server on a free loopback port. */
export async function startCosmosServer(): Promise<CosmosTestServer> {
  const server: Server = createHttpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const key = 'a2V5';
  // Endpoint discovery must be off over http (the server does not describe regions).
  const connectionPolicy = { enableEndpointDiscovery: false as const };
  const client = new CosmosClient({ endpoint, key, connectionPolicy });
  return {
    endpoint,
    key,
    connectionPolicy,
    client,
    close: async () => {
      client.dispose();
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    },
  };
}
