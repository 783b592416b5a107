import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../../storage/open-store';
import { openSqliteStore } from '../../storage/sqlite/sqlite.store';
import { DUE_EXPIRED_LEASE_SQL, DUE_PENDING_SQL } from '../../storage/sqlite/sqlite-reminder.repository';
import { aReminder, aSchool, parseTestState } from './store-fixtures';
import { anEquality } from './store-equality.contract';
import { anExport } from './store-payroll.contract';

let dir = '';
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipp-schema-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('embedded SQLite file', () => {
  it('is created on first open as <dataDir>/ipp.sqlite in WAL mode, migrated, and keeps data across reopening', async () => {
    const first = await openStore({ kind: 'embedded', dataDir: path.join(dir, 'data') }, parseTestState);
    await first.schools.save(aSchool(), null);
    await first.close();
    const file = path.join(dir, 'data', 'ipp.sqlite');
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    const again = openSqliteStore({ file, parseCaseState: parseTestState });
    expect((await again.schools.get('school-a'))?.version).toBe(1);
    await again.close();
  });

  it('R-PAY-1: a file from the release before payroll exports gains their table on open and keeps what it held', async () => {
    const file = path.join(dir, 'ipp.sqlite');
    const first = openSqliteStore({ file, parseCaseState: parseTestState });
    await first.schools.save(aSchool(), null);
    await first.close();
    const old = new Database(file);
    old.exec('DROP TABLE payroll_exports; DROP TABLE equality');
    old.pragma('user_version = 1');
    old.close();
    const again = openSqliteStore({ file, parseCaseState: parseTestState });
    expect((await again.schools.get('school-a'))?.version).toBe(1);
    expect((await again.payrollExports.save(anExport(), null)).version).toBe(1);
    await again.close();
  });

  it('R-RPT-1: a file from the release before equality answers gains their table on open, with nothing made up, and keeps what it held', async () => {
    const file = path.join(dir, 'ipp.sqlite');
    const first = openSqliteStore({ file, parseCaseState: parseTestState });
    await first.payrollExports.save(anExport(), null);
    await first.close();
    const old = new Database(file);
    old.exec('DROP TABLE equality');
    old.pragma('user_version = 2');
    old.close();
    const again = openSqliteStore({ file, parseCaseState: parseTestState });
    expect((await again.payrollExports.get('school-a', '2025-09-01'))?.version).toBe(1);
    expect(await again.equality.listForSchool('school-a')).toEqual([]);
    await again.equality.put(anEquality());
    expect(await again.equality.get('school-a', 'p-ada')).toEqual(anEquality());
    await again.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    db.close();
  });

  it('refuses a file written by a newer release rather than guessing at its schema', () => {
    const file = path.join(dir, 'ipp.sqlite');
    const db = new Database(file);
    db.pragma('user_version = 42');
    db.close();
    expect(() => openSqliteStore({ file, parseCaseState: parseTestState })).toThrow(/newer than this release/);
  });

  it('the due-reminder queries search their partial indexes rather than scanning the table', async () => {
    const file = path.join(dir, 'ipp.sqlite');
    await openSqliteStore({ file, parseCaseState: parseTestState }).close();
    const db = new Database(file, { readonly: true });
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('2026-11-25T09:00:00.000Z', 100) as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan(DUE_PENDING_SQL)).toMatch(/SEARCH reminders USING INDEX reminders_pending_due \(due_at<\?\)/);
    expect(plan(DUE_EXPIRED_LEASE_SQL)).toMatch(/SEARCH reminders USING INDEX reminders_claimed_lease \(lease_until<\?\)/);
    db.close();
  });

  it('a due sweep reads the same rows with 200 or 2,000 reminders stored and the same 10 due', async () => {
    const rowsRead = async (total: number): Promise<number> => {
      const file = path.join(dir, `sweep-${total}.sqlite`);
      const store = openSqliteStore({ file, parseCaseState: parseTestState });
      for (let i = 0; i < total; i += 1) {
        const dueAt = new Date(Date.parse('2026-11-25T09:00:00.000Z') + (i < 10 ? -i - 1 : i) * 60_000).toISOString();
        await store.reminders.create(aReminder({ id: `r-${i}`, dueAt }));
      }
      expect(await store.reminders.due('2026-11-25T09:00:00.000Z', 50)).toHaveLength(10);
      await store.close();
      const db = new Database(file, { readonly: true });
      let visited = 0;
      // Called first in WHERE, once for each row the plan visits (a table scan would visit every row).
      db.function('row_visited', { deterministic: false }, () => (visited += 1) && 1);
      db.prepare(DUE_PENDING_SQL.replace('WHERE ', 'WHERE row_visited() AND ')).all('2026-11-25T09:00:00.000Z', 50);
      db.close();
      return visited;
    };
    expect(await rowsRead(200)).toBe(10);
    expect(await rowsRead(2000)).toBe(10);
  });
});
