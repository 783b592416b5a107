import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { FixedClock } from '../../services/shared/time';
import { openSqliteStore } from '../../storage/sqlite/sqlite.store';
import { describeStoreContract } from './store.contract';
import { atomicityContract } from './store-cases.contract';
import { equalityRaceContract } from './store-equality.contract';
import { NOW, parseTestState, type StoreHarness } from './store-fixtures';
import { retentionContract } from './store-retention.contract';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh store in a new folder under the system's temporary directory (the folder is created by the store). */
async function openSqlite(): Promise<StoreHarness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipp-store-'));
  dirs.push(dir);
  const file = path.join(dir, 'data', 'ipp.sqlite');
  const clock = new FixedClock(NOW);
  const store = openSqliteStore({ file, parseCaseState: parseTestState, clock });
  return {
    store,
    clock,
    plantRawCase: async (schoolId, id, raw) => {
      const db = new Database(file);
      db.prepare(
        `INSERT INTO cases (school_id, id, cycle_id, reviewer_id, stage, version, expires_at, doc) VALUES (?, ?, '2026-27', NULL, 'planning', 1, '9999', ?)
         ON CONFLICT (school_id, id) DO UPDATE SET doc = excluded.doc`,
      ).run(schoolId, id, JSON.stringify(raw));
      db.close();
    },
    plantRawEquality: async (schoolId, personId, raw) => {
      const db = new Database(file);
      db.prepare('INSERT INTO equality (school_id, person_id, doc) VALUES (?, ?, ?) ON CONFLICT (school_id, person_id) DO UPDATE SET doc = excluded.doc').run(schoolId, personId, JSON.stringify(raw));
      db.close();
    },
    dispose: () => store.close(),
  };
}

describeStoreContract('SQLite', openSqlite);
describe('SQLite store, beyond the shared contract', () => {
  atomicityContract(openSqlite);
  retentionContract(openSqlite);
  equalityRaceContract(openSqlite);
});
