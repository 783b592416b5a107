import { cosmosSweep } from './storage-cosmos';
import { sqliteSweep } from './storage-sqlite';
import { DUE } from './storage-seed';

// The due-reminder sweep reads only due documents: with 1,000 and with 100,000 reminders stored and the same
// 100 due, the rows (SQLite) and documents (Cosmos DB) read per sweep are the same. Figures, then the ratio.

const SMALL = 1_000;
const LARGE = Number(process.env.BENCH_STORAGE_LARGE ?? 100_000);
// The loopback Cosmos protocol server keeps documents in plain JS structures and slows with every insert:
// 100,000 documents do not load in minutes, so its large run is 10,000 unless told otherwise.
const COSMOS_LARGE = Number(process.env.BENCH_COSMOS_LARGE ?? 10_000);

/** Prints the storage bench's lines: rows/documents read per due sweep at two sizes, and their ratio. */
export async function run(): Promise<void> {
  const out = (text: string) => process.stdout.write(`${text}\n`);
  const [small, large] = [await sqliteSweep(SMALL), await sqliteSweep(LARGE)];
  for (const s of [small, large]) {
    out(`sqlite due sweep                   stored ${String(s.total).padStart(7)}  due ${DUE}  returned ${s.returned}  rows read ${s.rowsRead}  (without the index: ${s.rowsReadWithoutIndex})`);
    out(s.timing);
  }
  out(`sqlite plan                        ${large.plan}`);
  out(`sqlite rows read ratio ${LARGE}/${SMALL}   ${(large.rowsRead / small.rowsRead).toFixed(2)} (1.00 = independent of stored count)`);

  const [cSmall, cLarge] = [await cosmosSweep(SMALL), await cosmosSweep(COSMOS_LARGE)];
  for (const c of [cSmall, cLarge]) {
    out(`cosmos due sweep                   stored ${String(c.total).padStart(7)}  due ${DUE}  documents read ${c.documentsRead}  request charge ${c.requestCharge} (test server: flat 1 per request)`);
  }
  out(`cosmos documents read ratio ${COSMOS_LARGE}/${SMALL}   ${(cLarge.documentsRead / cSmall.documentsRead).toFixed(2)} (documents returned to the client; the test server has no index, so server-side reads need a real account's RU figures)`);
}

if (require.main === module) {
  run().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`storage bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
