import { CosmosClient } from '@azure/cosmos';
import { z } from 'zod/v4';
import { containerDefinitions, ensureContainers } from '../storage/cosmos/cosmos-containers';

// `npm run cosmos:init`: creates the Cosmos DB database and its containers (storage/cosmos/containers.json)
// when missing. Existing containers are left as they are; change an indexing policy in the portal or by CLI.

const envSchema = z.object({
  COSMOS_ENDPOINT: z.url(),
  COSMOS_KEY: z.string().min(1),
  COSMOS_DATABASE: z.string().min(1),
});

async function main(): Promise<void> {
  const env = envSchema.safeParse(process.env);
  if (!env.success) {
    const names = [...new Set(env.error.issues.map((i) => i.path.join('.')))].join(', ');
    throw new Error(`Set ${names} (COSMOS_ENDPOINT, COSMOS_KEY and COSMOS_DATABASE are all required)`);
  }
  const { COSMOS_ENDPOINT: endpoint, COSMOS_KEY: key, COSMOS_DATABASE: databaseId } = env.data;
  const client = new CosmosClient({ endpoint, key, connectionPolicy: { enableEndpointDiscovery: !endpoint.startsWith('http:') } });
  try {
    await ensureContainers(client, databaseId);
    process.stdout.write(`Database ${databaseId} ready with containers: ${containerDefinitions.map((c) => c.id).join(', ')}\n`);
  } finally {
    client.dispose();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`cosmos:init failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
