import type Database from 'better-sqlite3';
import type { IdempotencyStore, ReminderRecord, ReminderRepository } from '../../services/ports/store.port';
import { reminderDocSchema } from '../shared/documents.schema';
import { addSeconds, byDue, iso, reminderDoc } from '../shared/store-rules';
import { parseJsonText, readDocument, unstamped } from '../shared/validate';

interface DocRow {
  id: string;
  doc: string;
}

/** The due-reminder queries: each walks one partial index from its start, reading only due rows. */
export const DUE_PENDING_SQL = "SELECT id, doc FROM reminders WHERE state = 'pending' AND due_at <= ? ORDER BY due_at, id LIMIT ?";
/** Claimed reminders whose lease ran out (a worker died mid-send) are due again. */
export const DUE_EXPIRED_LEASE_SQL = "SELECT id, doc FROM reminders WHERE state = 'claimed' AND lease_until <= ? ORDER BY lease_until LIMIT ?";

/** Reminders in SQLite: idempotent create, index-only due query, claim by conditional UPDATE. */
export function sqliteReminders(db: Database.Database): ReminderRepository {
  const toReminder = (row: DocRow): ReminderRecord => unstamped(readDocument(reminderDocSchema, parseJsonText(row.doc, row.id), row.id)) as ReminderRecord;
  // A reminder shares its case's retention (R-PRV-2) when the case is stored.
  const insert = db.prepare(
    `INSERT INTO reminders (school_id, id, state, due_at, lease_until, attempts, expires_at, doc)
     VALUES (@school, @id, @state, @dueAt, @leaseUntil, @attempts, (SELECT expires_at FROM cases WHERE school_id = @school AND id = @caseId), @doc)
     ON CONFLICT (school_id, id) DO NOTHING`,
  );
  const get = db.prepare<[string, string], DocRow>('SELECT id, doc FROM reminders WHERE school_id = ? AND id = ?');
  const duePending = db.prepare<[string, number], DocRow>(DUE_PENDING_SQL);
  const dueExpired = db.prepare<[string, number], DocRow>(DUE_EXPIRED_LEASE_SQL);
  // The WHERE clause is the condition: same attempts and state as the caller read, and still claimable now.
  const claim = db.prepare(
    `UPDATE reminders SET state = 'claimed', lease_until = @lease, attempts = attempts + 1,
       doc = json_set(doc, '$.state', 'claimed', '$.leaseUntil', @lease, '$.attempts', attempts + 1)
     WHERE school_id = @schoolId AND id = @id AND attempts = @attempts AND state = @state
       AND ((state = 'pending' AND due_at <= @now) OR (state = 'claimed' AND lease_until <= @now))`,
  );
  const mark = db.prepare(
    `UPDATE reminders SET state = @state, lease_until = NULL, doc = json_set(doc, '$.state', @state, '$.leaseUntil', NULL)
     WHERE school_id = @schoolId AND id = @id`,
  );
  return {
    create: async (r) => {
      const d = reminderDoc(r);
      const row = { school: r.schoolId, id: r.id, state: d.state, dueAt: d.dueAt, leaseUntil: d.leaseUntil, attempts: d.attempts, caseId: r.caseId, doc: JSON.stringify(d) };
      return insert.run(row).changes === 1;
    },
    get: async (schoolId, id) => {
      const row = get.get(schoolId, id);
      return row ? toReminder(row) : null;
    },
    due: async (before, limit) => {
      const at = iso(before);
      const rows = [...duePending.all(at, limit), ...dueExpired.all(at, limit)];
      return rows.map(toReminder).sort(byDue).slice(0, limit);
    },
    claim: async (r, leaseUntil, now) =>
      claim.run({ lease: iso(leaseUntil), schoolId: r.schoolId, id: r.id, attempts: r.attempts, state: r.state, now: iso(now) }).changes === 1,
    mark: async (schoolId, id, state) => {
      mark.run({ state, schoolId, id });
    },
  };
}

/** Idempotency keys in SQLite: the first insert wins; an expired key may be taken again. */
export function sqliteIdempotency(db: Database.Database): IdempotencyStore {
  const take = db.prepare(
    `INSERT INTO idempotency (key, expires_at) VALUES (@key, @expires)
     ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE idempotency.expires_at <= @now`,
  );
  const look = db.prepare<{ key: string; now: string }, { found: number }>('SELECT 1 AS found FROM idempotency WHERE key = @key AND expires_at > @now');
  return {
    firstSeen: async (key, now, ttlSeconds) => take.run({ key, expires: addSeconds(now, ttlSeconds), now: iso(now) }).changes === 1,
    seen: async (key, now) => look.get({ key, now: iso(now) }) !== undefined,
  };
}
