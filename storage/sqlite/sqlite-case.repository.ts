import type Database from 'better-sqlite3';
import type { AuditEvent, AuditLog, CaseEnvelope, CaseRepository, CaseWrite, OutboxMessage, OutboxRepository } from '../../services/ports/store.port';
import { ConcurrencyError } from '../../services/ports/errors';
import type { Clock } from '../../services/shared/time';
import { auditDocSchema, caseDocSchema, outboxDocSchema, SCHEMA_VERSION } from '../shared/documents.schema';
import { addSeconds, assertOneSchool, DONE_OUTBOX_TTL_SECONDS, iso, reminderDoc, retentionEnd } from '../shared/store-rules';
import { checkCaseWrite, parseJsonText, readCaseState, readDocument, unstamped } from '../shared/validate';

interface DocRow {
  id: string;
  doc: string;
}

/** Cases in SQLite: one transaction writes the case and all its effects, or nothing (transactional outbox). */
export function sqliteCases<S>(db: Database.Database, parseCaseState: (raw: unknown) => S): CaseRepository<S> {
  const toCase = (row: DocRow): CaseEnvelope<S> => {
    const doc = unstamped(readDocument(caseDocSchema, parseJsonText(row.doc, row.id), row.id));
    return { ...doc, state: readCaseState(parseCaseState, doc.state, row.id) };
  };
  const get = db.prepare<[string, string], DocRow>('SELECT id, doc FROM cases WHERE school_id = ? AND id = ?');
  const byReviewer = db.prepare<[string, string], DocRow>('SELECT id, doc FROM cases WHERE school_id = ? AND reviewer_id = ? ORDER BY id');
  const byCycle = db.prepare<[string, string], DocRow>('SELECT id, doc FROM cases WHERE school_id = ? AND cycle_id = ? ORDER BY id');
  const byStage = db.prepare<[string, string], DocRow>('SELECT id, doc FROM cases WHERE school_id = ? AND stage = ? ORDER BY id');
  const insertCase = db.prepare(
    `INSERT INTO cases (school_id, id, cycle_id, reviewer_id, stage, version, expires_at, doc) VALUES (?, ?, ?, ?, ?, 1, ?, ?)
     ON CONFLICT (school_id, id) DO NOTHING`,
  );
  const updateCase = db.prepare(
    `UPDATE cases SET cycle_id = ?, reviewer_id = ?, stage = ?, version = version + 1, expires_at = ?, doc = ?
     WHERE school_id = ? AND id = ? AND version = ?`,
  );
  const insertOutbox = db.prepare(
    'INSERT INTO outbox (school_id, id, case_id, created_at, doc) VALUES (?, ?, ?, ?, ?) ON CONFLICT (school_id, id) DO NOTHING',
  );
  const insertReminder = db.prepare(
    `INSERT INTO reminders (school_id, id, state, due_at, lease_until, attempts, expires_at, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (school_id, id) DO NOTHING`,
  );
  const cancelReminder = db.prepare(
    `UPDATE reminders SET state = 'cancelled', lease_until = NULL, doc = json_set(doc, '$.state', 'cancelled', '$.leaseUntil', NULL)
     WHERE school_id = ? AND id = ? AND state IN ('pending', 'claimed')`,
  );
  const insertAudit = db.prepare(
    'INSERT INTO audit (school_id, id, case_id, at, expires_at, doc) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (school_id, id) DO NOTHING',
  );

  const write = db.transaction((w: CaseWrite<S>): CaseEnvelope<S> => {
    const c = w.case;
    const stored: CaseEnvelope<S> = { ...c, version: (w.expectedVersion ?? 0) + 1 };
    const expiresAt = retentionEnd(c.cycleEnd);
    const doc = JSON.stringify({ ...stored, schemaVersion: SCHEMA_VERSION });
    const changes =
      w.expectedVersion === null
        ? insertCase.run(c.schoolId, c.id, c.cycleId, c.reviewerId, c.stage, expiresAt, doc).changes
        : updateCase.run(c.cycleId, c.reviewerId, c.stage, expiresAt, doc, c.schoolId, c.id, w.expectedVersion).changes;
    if (changes !== 1) throw new ConcurrencyError(c.id);
    // A clash on an outbox or audit id means this decision was already stored: the whole write rolls back.
    for (const o of w.outbox) {
      const d = { ...o, createdAt: iso(o.createdAt), schemaVersion: SCHEMA_VERSION };
      if (insertOutbox.run(o.schoolId, o.id, o.caseId, d.createdAt, JSON.stringify(d)).changes !== 1) throw new ConcurrencyError(o.id);
    }
    for (const r of w.reminders) {
      const d = reminderDoc(r);
      insertReminder.run(r.schoolId, r.id, d.state, d.dueAt, d.leaseUntil, d.attempts, expiresAt, JSON.stringify(d));
    }
    for (const id of w.cancelReminderIds) cancelReminder.run(c.schoolId, id);
    for (const a of w.audit) {
      const d = { ...a, at: iso(a.at), schemaVersion: SCHEMA_VERSION };
      if (insertAudit.run(a.schoolId, a.id, a.caseId, d.at, expiresAt, JSON.stringify(d)).changes !== 1) throw new ConcurrencyError(a.id);
    }
    return stored;
  });

  return {
    get: async (schoolId, caseId) => {
      const row = get.get(schoolId, caseId);
      return row ? toCase(row) : null;
    },
    listByReviewer: async (schoolId, reviewerId) => byReviewer.all(schoolId, reviewerId).map(toCase),
    listByCycle: async (schoolId, cycleId) => byCycle.all(schoolId, cycleId).map(toCase),
    listByStage: async (schoolId, stage) => byStage.all(schoolId, stage).map(toCase),
    save: async (w) => {
      assertOneSchool(w);
      checkCaseWrite(w, parseCaseState);
      return write.immediate(w);
    },
  };
}

/** The outbox in SQLite: pending messages in creation order, from a partial index. */
export function sqliteOutbox(db: Database.Database, clock: Clock): OutboxRepository {
  const pending = db.prepare<[number], DocRow>('SELECT id, doc FROM outbox WHERE done = 0 ORDER BY created_at, id LIMIT ?');
  const done = db.prepare('UPDATE outbox SET done = 1, expires_at = ? WHERE school_id = ? AND id = ? AND done = 0');
  return {
    pending: async (limit) => pending.all(limit).map((r) => unstamped(readDocument(outboxDocSchema, parseJsonText(r.doc, r.id), r.id)) as OutboxMessage),
    markDone: async (schoolId, id) => {
      done.run(addSeconds(clock.now(), DONE_OUTBOX_TTL_SECONDS), schoolId, id);
    },
  };
}

/** The audit log in SQLite: insert-only; a repeated event id keeps the first copy. */
export function sqliteAudit(db: Database.Database): AuditLog {
  // An event about a case shares the case's retention (R-PRV-2); other events have none.
  const insert = db.prepare(
    `INSERT INTO audit (school_id, id, case_id, at, expires_at, doc)
     VALUES (@school, @id, @caseId, @at, (SELECT expires_at FROM cases WHERE school_id = @school AND id = @caseId), @doc)
     ON CONFLICT (school_id, id) DO NOTHING`,
  );
  const list = db.prepare<[string, string], DocRow>('SELECT id, doc FROM audit WHERE school_id = ? AND case_id = ? ORDER BY at, id');
  return {
    append: async (e: AuditEvent) => {
      const d = { ...e, at: iso(e.at), schemaVersion: SCHEMA_VERSION };
      insert.run({ school: e.schoolId, id: e.id, caseId: e.caseId, at: d.at, doc: JSON.stringify(d) });
    },
    listForCase: async (schoolId, caseId) => list.all(schoolId, caseId).map((r) => unstamped(readDocument(auditDocSchema, parseJsonText(r.doc, r.id), r.id)) as AuditEvent),
  };
}
