import type { Container, Database, Item } from '@azure/cosmos';
import { ConcurrencyError } from '../../services/ports/errors';
import { ensureContainers } from '../../storage/cosmos/cosmos-containers';
import { cosmosEquality } from '../../storage/cosmos/cosmos-equality.repository';
import { startCosmosServer, type CosmosTestServer } from './cosmos-server';
import { anEquality } from './store-equality.contract';

// An import's conditional write in Cosmos DB is a read, then a create or an ifMatch replace. These tests put
// another writer between the read and the write, through the real SDK against the loopback protocol server, to
// show the write notices it (409 or 412), reads again, and keeps the person's own answers (R-RPT-1).

let server: CosmosTestServer | undefined;
let database: Database | undefined;
beforeAll(async () => {
  server = await startCosmosServer();
  database = await ensureContainers(server.client, 'ipp-equality-race');
});
afterAll(async () => {
  await database?.delete();
  await server?.close();
});

const own = anEquality({ answers: { gender: 'prefer-not-to-say' }, updatedAt: '2026-11-25T09:30:00.000Z' });
const imported = anEquality({ source: 'import', answers: { ageBand: '45-54' }, updatedAt: '2026-11-25T09:00:00.000Z' });

/** The equality container, with `between(attempt)` run after each read of a single document, before what follows it. */
function withWriterBetween(container: Container, between: (attempt: number) => Promise<void>): Container {
  let reads = 0;
  const item = (id: string, partition: string): Item => {
    const real = container.item(id, partition);
    return new Proxy(real, {
      get: (target, prop) => {
        if (prop === 'read') {
          return async (...args: Parameters<Item['read']>) => {
            const result = await target.read(...args);
            reads += 1;
            await between(reads);
            return result;
          };
        }
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  };
  return new Proxy(container, {
    get: (target, prop) => {
      if (prop === 'item') return item;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

describe('Cosmos DB: an import racing the person’s own answers', () => {
  let container: Container;
  let plain: ReturnType<typeof cosmosEquality>;
  beforeEach(async () => {
    if (!database) throw new Error('database not created');
    container = database.container('equality');
    plain = cosmosEquality(container);
    await plain.remove('school-a', 'p-ada');
  });

  it('R-RPT-1: answers given between the import’s read and its replace are kept (412, read again, kept)', async () => {
    await plain.put(anEquality({ source: 'import', answers: { gender: 'man' } }));
    const racing = cosmosEquality(withWriterBetween(container, async (attempt) => {
      if (attempt === 1) await plain.put(own);
    }));
    expect(await racing.putImported(imported)).toBe(false);
    expect(await plain.get('school-a', 'p-ada')).toEqual(own);
  });

  it('R-RPT-1: answers given between the import’s read of nothing and its create are kept (409, read again, kept)', async () => {
    const racing = cosmosEquality(withWriterBetween(container, async (attempt) => {
      if (attempt === 1) await plain.put(own);
    }));
    expect(await racing.putImported(imported)).toBe(false);
    expect(await plain.get('school-a', 'p-ada')).toEqual(own);
  });

  it('R-RPT-1: another import between the read and the replace only means reading again; the import is then stored', async () => {
    await plain.put(anEquality({ source: 'import', answers: { gender: 'man' } }));
    const racing = cosmosEquality(withWriterBetween(container, async (attempt) => {
      if (attempt === 1) await plain.put(anEquality({ source: 'import', answers: { gender: 'woman' } }));
    }));
    expect(await racing.putImported(imported)).toBe(true);
    expect(await plain.get('school-a', 'p-ada')).toEqual(imported);
  });

  it('tries a bounded number of times when every write is overtaken, then fails as a concurrency error, its record unwritten', async () => {
    const between = anEquality({ source: 'import', answers: { gender: 'man' } });
    await plain.put(between);
    let attempts = 0;
    const racing = cosmosEquality(withWriterBetween(container, async (attempt) => {
      attempts = attempt;
      await plain.put({ ...between, updatedAt: `2026-11-25T09:00:${String(attempt).padStart(2, '0')}.000Z` });
    }));
    await expect(racing.putImported(imported)).rejects.toBeInstanceOf(ConcurrencyError);
    expect(attempts).toBe(5);
    expect((await plain.get('school-a', 'p-ada'))?.answers).toEqual(between.answers);
  });
});
