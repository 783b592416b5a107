import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Store } from '../../services/ports/store.port';
import { systemClock, type Clock } from '../../services/shared/time';
import { iso } from '../shared/store-rules';
import { sqliteAudit, sqliteCases, sqliteOutbox } from './sqlite-case.repository';
import { sqliteConversations, sqlitePeople, sqliteSchools } from './sqlite-directory.repository';
import { sqliteEquality } from './sqlite-equality.repository';
import { migrate } from './sqlite-migrations';
import { sqlitePayrollExports } from './sqlite-payroll.repository';
import { sqliteIdempotency, sqliteReminders } from './sqlite-reminder.repository';

/** Options of the embedded store. */
export interface SqliteStoreOptions<S> {
  /** The database file; its folder is created when missing. */
  file: string;
  parseCaseState: (raw: unknown) => S;
  clock?: Clock;
}

/** The tables purgeExpired clears, in an order that never strands a row. */
const EXPIRING = ['cases', 'outbox', 'reminders', 'audit', 'idempotency', 'payroll_exports'] as const;

/** Opens (creating and migrating on first use) the embedded SQLite store: one file, WAL, same contract as Cosmos DB. */
export function openSqliteStore<S>(options: SqliteStoreOptions<S>): Store<S> {
  fs.mkdirSync(path.dirname(options.file), { recursive: true });
  const db = new Database(options.file);
  try {
    db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode is durable against process crashes; only a power cut can lose the last commits.
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const clock = options.clock ?? systemClock;
  const ping = db.prepare('SELECT 1');
  const purges = EXPIRING.map((table) => db.prepare(`DELETE FROM ${table} WHERE expires_at IS NOT NULL AND expires_at <= ?`));
  const purgeAll = db.transaction((now: string) => purges.reduce((n, stmt) => n + stmt.run(now).changes, 0));
  return {
    schools: sqliteSchools(db),
    people: sqlitePeople(db),
    cases: sqliteCases(db, options.parseCaseState),
    outbox: sqliteOutbox(db, clock),
    reminders: sqliteReminders(db),
    conversations: sqliteConversations(db),
    audit: sqliteAudit(db),
    idempotency: sqliteIdempotency(db),
    payrollExports: sqlitePayrollExports(db),
    equality: sqliteEquality(db),
    purgeExpired: async (now) => purgeAll.immediate(iso(now)),
    ping: async () => {
      ping.get();
    },
    close: async () => {
      if (db.open) db.close();
    },
  };
}
