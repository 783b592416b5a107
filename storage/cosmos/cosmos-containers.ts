import type { ContainerRequest, CosmosClient, Database, IndexingPolicy } from '@azure/cosmos';
import { z } from 'zod/v4';
import definitions from './containers.json';

const containerSchema = z.object({
  id: z.string().min(1),
  partitionKey: z.string().startsWith('/'),
  defaultTtl: z.number().int().optional(),
  indexingPolicy: z.record(z.string(), z.unknown()).optional(),
});
const containersSchema = z.object({ containers: z.array(containerSchema).min(1) });

/** The container definitions committed in containers.json, checked. */
export const containerDefinitions = containersSchema.parse(definitions).containers;

/** The request that creates one container: partition key, per-item ttl switch, indexing policy with composite indexes. */
export function containerRequest(def: z.infer<typeof containerSchema>): ContainerRequest {
  return {
    id: def.id,
    partitionKey: { paths: [def.partitionKey] },
    ...(def.defaultTtl === undefined ? {} : { defaultTtl: def.defaultTtl }),
    ...(def.indexingPolicy === undefined ? {} : { indexingPolicy: def.indexingPolicy as IndexingPolicy }),
  };
}

/** Creates the database and every container if missing (never changes existing ones); returns the database. */
export async function ensureContainers(client: CosmosClient, databaseId: string): Promise<Database> {
  const { database } = await client.databases.createIfNotExists({ id: databaseId });
  for (const def of containerDefinitions) await database.containers.createIfNotExists(containerRequest(def));
  return database;
}
