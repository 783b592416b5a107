import type Database from 'better-sqlite3';

// Schema migrations, applied in order and counted by `PRAGMA user_version`. Append; never edit a shipped one.
// Indexed columns are copies of fields of `doc` (the JSON document, the source of truth), kept in step by
// every write. `expires_at` drives purgeExpired (R-PRV-2 retention, idempotency keys' day).
const MIGRATIONS: string[] = [
  `
  CREATE TABLE schools (id TEXT PRIMARY KEY, version INTEGER NOT NULL, doc TEXT NOT NULL) STRICT;
  CREATE TABLE people (
    school_id TEXT NOT NULL, id TEXT NOT NULL, aad_object_id TEXT, slack_user_id TEXT, doc TEXT NOT NULL,
    PRIMARY KEY (school_id, id)) STRICT;
  CREATE INDEX people_aad ON people (aad_object_id) WHERE aad_object_id IS NOT NULL;
  CREATE INDEX people_slack ON people (slack_user_id) WHERE slack_user_id IS NOT NULL;
  CREATE TABLE cases (
    school_id TEXT NOT NULL, id TEXT NOT NULL, cycle_id TEXT NOT NULL, reviewer_id TEXT, stage TEXT NOT NULL,
    version INTEGER NOT NULL, expires_at TEXT NOT NULL, doc TEXT NOT NULL,
    PRIMARY KEY (school_id, id)) STRICT;
  CREATE INDEX cases_reviewer ON cases (school_id, reviewer_id);
  CREATE INDEX cases_cycle ON cases (school_id, cycle_id);
  CREATE INDEX cases_stage ON cases (school_id, stage);
  CREATE INDEX cases_expiry ON cases (expires_at);
  CREATE TABLE outbox (
    school_id TEXT NOT NULL, id TEXT NOT NULL, case_id TEXT NOT NULL, created_at TEXT NOT NULL,
    done INTEGER NOT NULL DEFAULT 0, expires_at TEXT, doc TEXT NOT NULL,
    PRIMARY KEY (school_id, id)) STRICT;
  CREATE INDEX outbox_pending ON outbox (created_at, id) WHERE done = 0;
  CREATE INDEX outbox_case ON outbox (school_id, case_id);
  CREATE TABLE reminders (
    school_id TEXT NOT NULL, id TEXT NOT NULL, state TEXT NOT NULL, due_at TEXT NOT NULL, lease_until TEXT,
    attempts INTEGER NOT NULL, expires_at TEXT, doc TEXT NOT NULL,
    PRIMARY KEY (school_id, id)) STRICT;
  CREATE INDEX reminders_pending_due ON reminders (due_at, id) WHERE state = 'pending';
  CREATE INDEX reminders_claimed_lease ON reminders (lease_until) WHERE state = 'claimed';
  CREATE TABLE audit (
    school_id TEXT NOT NULL, id TEXT NOT NULL, case_id TEXT, at TEXT NOT NULL, expires_at TEXT, doc TEXT NOT NULL,
    PRIMARY KEY (school_id, id)) STRICT;
  CREATE INDEX audit_case ON audit (school_id, case_id, at);
  CREATE TABLE conversations (
    channel TEXT NOT NULL, user_key TEXT NOT NULL, school_id TEXT NOT NULL, doc TEXT NOT NULL,
    PRIMARY KEY (channel, user_key)) STRICT;
  CREATE TABLE idempotency (key TEXT PRIMARY KEY, expires_at TEXT NOT NULL) STRICT;
  CREATE INDEX idempotency_expiry ON idempotency (expires_at);
  `,
  // 2: what payroll has, one export per school and cycle, kept as long as the cycle's cases (R-PAY-1, R-PRV-2).
  `
  CREATE TABLE payroll_exports (
    school_id TEXT NOT NULL, cycle_id TEXT NOT NULL, version INTEGER NOT NULL, expires_at TEXT NOT NULL, doc TEXT NOT NULL,
    PRIMARY KEY (school_id, cycle_id)) STRICT;
  CREATE INDEX payroll_exports_expiry ON payroll_exports (expires_at);
  `,
  // 3: each person's equality answers, apart from cases and people; no expiry of their own (R-RPT-1).
  `
  CREATE TABLE equality (
    school_id TEXT NOT NULL, person_id TEXT NOT NULL, doc TEXT NOT NULL,
    PRIMARY KEY (school_id, person_id)) STRICT;
  `,
];

/** Brings the file's schema up to date; refuses a file written by a newer release. */
export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`The data file has schema ${current}, newer than this release knows (${MIGRATIONS.length})`);
  }
  for (let version = current; version < MIGRATIONS.length; version += 1) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version] ?? '');
      db.pragma(`user_version = ${version + 1}`);
    }).immediate();
  }
}
