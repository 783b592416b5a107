import type { AuditEvent, CaseEnvelope, ConversationReference, EqualityRecord, OutboxMessage, PayrollExportRecord, ReminderRecord, SchoolRecord, Store } from '../../services/ports/store.port';
import { ConcurrencyError } from '../../services/ports/errors';
import type { Person } from '../../services/people/person.schema';
import { systemClock, type Clock, type Instant } from '../../services/shared/time';
import { auditDocSchema, caseDocSchema, conversationDocSchema, equalityDocSchema, outboxDocSchema, payrollExportDocSchema, personDocSchema, reminderDocSchema, schoolDocSchema, SCHEMA_VERSION } from '../shared/documents.schema';
import { checkCaseWrite, checkEquality, checkImportedEquality, checkPayrollExport, equalityId, checkSchool, isOwnEquality, payrollExportId, readCaseState, readDocument, unstamped } from '../shared/validate';
import { addSeconds, assertOneSchool, byDue, claimable, DONE_OUTBOX_TTL_SECONDS, iso, reminderDoc, retentionEnd } from '../shared/store-rules';
import { copy, key, memoryTables, type MemoryTables } from './memory-tables';

/** Options of the in-memory store. */
export interface MemoryStoreOptions<S> {
  parseCaseState: (raw: unknown) => S;
  /** Share tables to plant raw documents in tests, or to reopen "the same" store. */
  tables?: MemoryTables;
  clock?: Clock;
}

/** The whole Store in memory, with the same semantics as the real stores: for fast tests and demos. */
export function openMemoryStore<S>(options: MemoryStoreOptions<S>): Store<S> {
  const t = options.tables ?? memoryTables();
  const parseCaseState = options.parseCaseState;
  const clock = options.clock ?? systemClock;

  const school = (id: string): SchoolRecord | null => {
    const row = t.schools.get(id);
    return row ? unstamped(readDocument(schoolDocSchema, copy(row.doc), id)) : null;
  };
  const allSchools = (): SchoolRecord[] => [...t.schools.keys()].map((id) => school(id)).filter((s): s is SchoolRecord => s !== null);
  const person = (k: string, id: string): Person | null => {
    const row = t.people.get(k);
    return row ? unstamped(readDocument(personDocSchema, copy(row.doc), id)) : null;
  };
  const allPeople = (): Person[] => [...t.people.entries()].map(([k, r]) => person(k, (r.doc as { id?: string }).id ?? k)).filter((p): p is Person => p !== null);
  const readCase = (raw: unknown, id: string): CaseEnvelope<S> => {
    const doc = unstamped(readDocument(caseDocSchema, copy(raw), id));
    return { ...doc, state: readCaseState(parseCaseState, doc.state, id) };
  };
  const casesOf = (schoolId: string, match: (c: CaseEnvelope<S>) => boolean): CaseEnvelope<S>[] =>
    [...t.cases.entries()]
      .filter(([k]) => k.startsWith(`${schoolId}|`))
      .map(([k, r]) => readCase(r.doc, k.slice(schoolId.length + 1)))
      .filter(match)
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  const reminder = (schoolId: string, id: string): ReminderRecord | null => {
    const row = t.reminders.get(key(schoolId, id));
    return row ? unstamped(readDocument(reminderDocSchema, copy(row.doc), id)) : null;
  };
  // Records written outside a case write share the case's retention when the case exists (R-PRV-2).
  const caseExpiry = (schoolId: string, caseId: string): Instant | null => t.cases.get(key(schoolId, caseId))?.expiresAt ?? null;
  const payrollExport = (schoolId: string, cycleId: string): PayrollExportRecord | null => {
    const row = t.payrollExports.get(key(schoolId, cycleId));
    return row ? unstamped(readDocument(payrollExportDocSchema, copy(row.doc), payrollExportId(schoolId, cycleId))) : null;
  };
  // Errors name the lookup key, never anything read from the document (it may be the faulty answer itself).
  const equality = (schoolId: string, personId: string, row: { doc: unknown }): EqualityRecord =>
    unstamped(readDocument(equalityDocSchema, copy(row.doc), equalityId(schoolId, personId)));
  const putReminder = (r: ReminderRecord, expiresAt: Instant | null): void => {
    t.reminders.set(key(r.schoolId, r.id), { doc: copy(reminderDoc(r)), expiresAt });
  };

  return {
    schools: {
      get: async (schoolId) => school(schoolId),
      findByTeamsTenant: async (tenantId) => allSchools().find((s) => s.teamsTenantIds.includes(tenantId)) ?? null,
      findBySlackTeam: async (teamId) => allSchools().find((s) => s.slackTeamIds.includes(teamId)) ?? null,
      list: async () => allSchools().sort((a, b) => (a.id < b.id ? -1 : 1)),
      save: async (record, expectedVersion) => {
        checkSchool(record);
        const current = school(record.id);
        if ((current?.version ?? null) !== expectedVersion) throw new ConcurrencyError(record.id);
        const stored: SchoolRecord = { ...record, version: (expectedVersion ?? 0) + 1 };
        t.schools.set(record.id, { doc: copy({ ...stored, schemaVersion: SCHEMA_VERSION }), expiresAt: null });
        return copy(stored);
      },
    },
    people: {
      get: async (schoolId, personId) => person(key(schoolId, personId), personId),
      findByTeamsAadObjectId: async (id) => allPeople().find((p) => p.teams?.aadObjectId === id) ?? null,
      findBySlackUserId: async (id) => allPeople().find((p) => p.slack?.userId === id) ?? null,
      list: async (schoolId) => allPeople().filter((p) => p.schoolId === schoolId).sort((a, b) => (a.id < b.id ? -1 : 1)),
      upsert: async (p) => {
        const doc = readDocument(personDocSchema, copy({ ...p, schemaVersion: SCHEMA_VERSION }), p.id);
        t.people.set(key(p.schoolId, p.id), { doc, expiresAt: null });
      },
    },
    cases: {
      get: async (schoolId, caseId) => {
        const row = t.cases.get(key(schoolId, caseId));
        return row ? readCase(row.doc, caseId) : null;
      },
      listByReviewer: async (schoolId, reviewerId) => casesOf(schoolId, (c) => c.reviewerId === reviewerId),
      listByCycle: async (schoolId, cycleId) => casesOf(schoolId, (c) => c.cycleId === cycleId),
      listByStage: async (schoolId, stage) => casesOf(schoolId, (c) => c.stage === stage),
      save: async (write) => {
        assertOneSchool(write);
        checkCaseWrite(write, parseCaseState);
        const c = write.case;
        const row = t.cases.get(key(c.schoolId, c.id));
        const currentVersion = row ? (row.doc as { version?: unknown }).version : null;
        if (currentVersion !== write.expectedVersion) throw new ConcurrencyError(c.id);
        const clash = write.audit.find((a) => t.audit.has(key(a.schoolId, a.id))) ?? write.outbox.find((o) => t.outbox.has(key(o.schoolId, o.id)));
        if (clash) throw new ConcurrencyError(clash.id);
        // Everything below is synchronous: nothing else runs between the check and the last write.
        const stored: CaseEnvelope<S> = { ...c, version: (write.expectedVersion ?? 0) + 1 };
        const expiresAt = retentionEnd(c.cycleEnd);
        t.cases.set(key(c.schoolId, c.id), { doc: copy({ ...stored, schemaVersion: SCHEMA_VERSION }), expiresAt });
        for (const o of write.outbox) t.outbox.set(key(o.schoolId, o.id), { doc: copy({ ...o, createdAt: iso(o.createdAt), schemaVersion: SCHEMA_VERSION }), expiresAt: null, done: false });
        for (const r of write.reminders) if (!t.reminders.has(key(r.schoolId, r.id))) putReminder(r, expiresAt);
        for (const id of write.cancelReminderIds) {
          const r = reminder(c.schoolId, id);
          if (r && (r.state === 'pending' || r.state === 'claimed')) putReminder({ ...r, state: 'cancelled', leaseUntil: null }, expiresAt);
        }
        for (const a of write.audit) t.audit.set(key(a.schoolId, a.id), { doc: copy({ ...a, at: iso(a.at), schemaVersion: SCHEMA_VERSION }), expiresAt });
        return copy(stored);
      },
    },
    outbox: {
      pending: async (limit) =>
        [...t.outbox.entries()]
          .filter(([, r]) => !r.done)
          .map(([k, r]) => unstamped(readDocument(outboxDocSchema, copy(r.doc), k)) as OutboxMessage)
          .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1))
          .slice(0, limit),
      markDone: async (schoolId, id) => {
        const row = t.outbox.get(key(schoolId, id));
        if (row && !row.done) {
          row.done = true;
          row.expiresAt = addSeconds(clock.now(), DONE_OUTBOX_TTL_SECONDS);
        }
      },
    },
    reminders: {
      create: async (r) => {
        if (t.reminders.has(key(r.schoolId, r.id))) return false;
        putReminder(r, caseExpiry(r.schoolId, r.caseId));
        return true;
      },
      get: async (schoolId, id) => reminder(schoolId, id),
      due: async (before, limit) =>
        [...t.reminders.entries()]
          .map(([k, r]) => unstamped(readDocument(reminderDocSchema, copy(r.doc), k)) as ReminderRecord)
          .filter((r) => claimable(r, iso(before)))
          .sort(byDue)
          .slice(0, limit),
      claim: async (r, leaseUntil, now) => {
        const current = reminder(r.schoolId, r.id);
        if (!current || current.attempts !== r.attempts || current.state !== r.state || !claimable(current, iso(now))) return false;
        const row = t.reminders.get(key(r.schoolId, r.id));
        putReminder({ ...current, state: 'claimed', leaseUntil, attempts: current.attempts + 1 }, row?.expiresAt ?? null);
        return true;
      },
      mark: async (schoolId, id, state) => {
        const current = reminder(schoolId, id);
        const row = t.reminders.get(key(schoolId, id));
        if (current) putReminder({ ...current, state, leaseUntil: null }, row?.expiresAt ?? null);
      },
    },
    conversations: {
      put: async (ref: ConversationReference) => {
        const doc = readDocument(conversationDocSchema, copy({ ...ref, updatedAt: iso(ref.updatedAt), schemaVersion: SCHEMA_VERSION }), ref.userKey);
        t.conversations.set(key(ref.channel, ref.userKey), { doc, expiresAt: null });
      },
      get: async (channel, userKey) => {
        const row = t.conversations.get(key(channel, userKey));
        return row ? unstamped(readDocument(conversationDocSchema, copy(row.doc), userKey)) : null;
      },
    },
    audit: {
      append: async (e: AuditEvent) => {
        // Conditional create: a repeated append of the same event id keeps the first copy.
        if (t.audit.has(key(e.schoolId, e.id))) return;
        const expiresAt = e.caseId === null ? null : caseExpiry(e.schoolId, e.caseId);
        t.audit.set(key(e.schoolId, e.id), { doc: copy({ ...e, at: iso(e.at), schemaVersion: SCHEMA_VERSION }), expiresAt });
      },
      listForCase: async (schoolId, caseId) =>
        [...t.audit.entries()]
          .filter(([k]) => k.startsWith(`${schoolId}|`))
          .map(([k, r]) => unstamped(readDocument(auditDocSchema, copy(r.doc), k)) as AuditEvent)
          .filter((e) => e.caseId === caseId)
          .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1)),
    },
    idempotency: {
      firstSeen: async (k, now, ttlSeconds) => {
        const row = t.idempotency.get(k);
        if (row && row.expiresAt !== null && row.expiresAt > iso(now)) return false;
        t.idempotency.set(k, { doc: { schemaVersion: SCHEMA_VERSION }, expiresAt: addSeconds(now, ttlSeconds) });
        return true;
      },
      seen: async (k, now) => {
        const row = t.idempotency.get(k);
        return row !== undefined && row.expiresAt !== null && row.expiresAt > iso(now);
      },
    },
    payrollExports: {
      get: async (schoolId, cycleId) => payrollExport(schoolId, cycleId),
      save: async (record, expectedVersion) => {
        const doc = checkPayrollExport(record, expectedVersion);
        if ((payrollExport(record.schoolId, record.cycleId)?.version ?? null) !== expectedVersion) throw new ConcurrencyError(payrollExportId(record.schoolId, record.cycleId));
        // Kept as long as the cycle's cases, then destroyed (R-PRV-2).
        t.payrollExports.set(key(record.schoolId, record.cycleId), { doc: copy(doc), expiresAt: retentionEnd(record.cycleEnd) });
        return unstamped(copy(doc));
      },
    },
    equality: {
      get: async (schoolId, personId) => {
        const row = t.equality.get(key(schoolId, personId));
        return row ? equality(schoolId, personId, row) : null;
      },
      listForSchool: async (schoolId) =>
        [...t.equality.entries()]
          .filter(([k]) => k.startsWith(`${schoolId}|`))
          .map(([k, row]) => equality(schoolId, k.slice(schoolId.length + 1), row))
          .sort((a, b) => (a.personId < b.personId ? -1 : 1)),
      put: async (record) => {
        t.equality.set(key(record.schoolId, record.personId), { doc: copy(checkEquality(record)), expiresAt: null });
      },
      // No await between the look and the write, so nothing can come between them.
      putImported: async (record) => {
        const doc = checkImportedEquality(record);
        const k = key(record.schoolId, record.personId);
        const current = t.equality.get(k);
        if (current && isOwnEquality(current.doc)) return false;
        t.equality.set(k, { doc: copy(doc), expiresAt: null });
        return true;
      },
      remove: async (schoolId, personId) => t.equality.delete(key(schoolId, personId)),
    },
    purgeExpired: async (now) => {
      let removed = 0;
      for (const table of Object.values(t) as Map<string, { expiresAt: Instant | null }>[]) {
        for (const [k, row] of table) if (row.expiresAt !== null && row.expiresAt <= iso(now)) removed += Number(table.delete(k));
      }
      return removed;
    },
    ping: async () => undefined,
    close: async () => undefined,
  };
}
