import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../storage/sqlite/sqlite.store';
import { DUE_EXPIRED_LEASE_SQL, DUE_PENDING_SQL } from '../storage/sqlite/sqlite-reminder.repository';
import { line, measure } from './measure';
import { benchReminder, DUE, SWEEP_AT } from './storage-seed';

/** What one SQLite due sweep costs over `total` stored reminders. */
export interface SqliteSweep {
  total: number;
  returned: number;
  rowsRead: number;
  /** The same count with the index forbidden (NOT INDEXED): what a scan would read, to show the counter works. */
  rowsReadWithoutIndex: number;
  plan: string;
  timing: string;
}

/**
 * Seeds `total` reminders through the store, then sweeps. Rows read are counted by a SQL function placed first
 * in the sweep's WHERE clause: SQLite calls it once for each row the plan visits, so an index range scan counts
 * only due rows while a table scan (shown with NOT INDEXED) counts all of them.
 */
export async function sqliteSweep(total: number): Promise<SqliteSweep> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipp-bench-'));
  const file = path.join(dir, 'ipp.sqlite');
  try {
    const store = openSqliteStore({ file, parseCaseState: (raw) => raw });
    for (let i = 0; i < total; i += 1) await store.reminders.create(benchReminder(i, total));
    const returned = (await store.reminders.due(SWEEP_AT, DUE * 2)).length;
    const timing = line(`sqlite due sweep, ${total} stored`, await measure(200, 1, async () => void (await store.reminders.due(SWEEP_AT, DUE * 2))));
    await store.close();

    const db = new Database(file, { readonly: true });
    let rowsRead = 0;
    db.function('bench_row_read', { deterministic: false }, () => {
      rowsRead += 1;
      return 1;
    });
    const counted = (sql: string) => sql.replace('WHERE ', 'WHERE bench_row_read() AND ');
    db.prepare(counted(DUE_PENDING_SQL)).all(SWEEP_AT, DUE * 2);
    db.prepare(counted(DUE_EXPIRED_LEASE_SQL)).all(SWEEP_AT, DUE * 2);
    const indexed = rowsRead;
    rowsRead = 0;
    db.prepare(counted(DUE_PENDING_SQL).replace('FROM reminders', 'FROM reminders NOT INDEXED')).all(SWEEP_AT, DUE * 2);
    const rowsReadWithoutIndex = rowsRead;
    const plan = [DUE_PENDING_SQL, DUE_EXPIRED_LEASE_SQL]
      .flatMap((sql) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(SWEEP_AT, DUE * 2) as { detail: string }[]).map((r) => r.detail))
      .join('; ');
    db.close();
    return { total, returned, rowsRead: indexed, rowsReadWithoutIndex, plan, timing };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
