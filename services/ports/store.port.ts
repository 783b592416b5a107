import type { Person } from '../people/person.schema';
import type { EqualityInput } from '../reports/report-input';
import type { CivilDate, Instant } from '../shared/time';

// The storage ports of the core. Implementations live in storage/ (SQLite embedded, Cosmos DB);
// one contract suite (test/storage/) runs unchanged against each. Everything is partitioned by school.

/** A school (tenant): its chosen policy preset, its settings, and how its chats find it. */
export interface SchoolRecord {
  id: string;
  name: string;
  presetId: string;
  /** School settings over the preset (closures, working hours, overrides): validated by services/policy. */
  settings: unknown;
  teamsTenantIds: string[];
  slackTeamIds: string[];
  version: number;
}

/** Schools and their settings. */
export interface SchoolRepository {
  get(schoolId: string): Promise<SchoolRecord | null>;
  findByTeamsTenant(tenantId: string): Promise<SchoolRecord | null>;
  findBySlackTeam(teamId: string): Promise<SchoolRecord | null>;
  list(): Promise<SchoolRecord[]>;
  /** Creates (expectedVersion null) or replaces at the expected version; returns the stored record with its new version. */
  save(school: SchoolRecord, expectedVersion: number | null): Promise<SchoolRecord>;
}

/** People and their chat identities. */
export interface PersonRepository {
  get(schoolId: string, personId: string): Promise<Person | null>;
  findByTeamsAadObjectId(aadObjectId: string): Promise<Person | null>;
  findBySlackUserId(userId: string): Promise<Person | null>;
  list(schoolId: string): Promise<Person[]>;
  /** Inserts or replaces a person (last writer wins: roster import and identity linking are idempotent). */
  upsert(person: Person): Promise<void>;
}

/** What the case repository stores: an envelope the store indexes, around the case state it does not interpret. */
export interface CaseEnvelope<S> {
  id: string;
  schoolId: string;
  cycleId: string;
  revieweeId: string;
  reviewerId: string | null;
  stage: string;
  /** Optimistic-concurrency version: 1 after the first save, +1 on every save. */
  version: number;
  /** The last civil date of the case's cycle; retention runs six years from here (R-PRV-2). */
  cycleEnd: CivilDate;
  state: S;
}

/** A message to be sent after a decision is stored (transactional outbox). */
export interface OutboxMessage {
  id: string;
  schoolId: string;
  caseId: string;
  kind: string;
  payload: unknown;
  createdAt: Instant;
}

/** A scheduled nudge. Its id is deterministic (`case/rule/occurrence`), so creating it twice keeps one. */
export interface ReminderRecord {
  id: string;
  schoolId: string;
  caseId: string;
  rule: string;
  recipientId: string;
  dueAt: Instant;
  state: 'pending' | 'claimed' | 'sent' | 'failed' | 'unreachable' | 'cancelled';
  leaseUntil: Instant | null;
  attempts: number;
  payload: unknown;
}

/** An append-only record of who did what, when, from which chat — ids only, never content. */
export interface AuditEvent {
  id: string;
  schoolId: string;
  caseId: string | null;
  actorId: string;
  action: string;
  at: Instant;
  channel: 'teams' | 'slack' | 'cli' | 'system';
}

/** One decision's whole write: the case, and its effects, stored atomically or not at all. */
export interface CaseWrite<S> {
  case: CaseEnvelope<S>;
  /** null to create the case; otherwise the version the decision was made on. */
  expectedVersion: number | null;
  outbox: OutboxMessage[];
  reminders: ReminderRecord[];
  cancelReminderIds: string[];
  audit: AuditEvent[];
}

/** Cases, saved together with their outbox, reminders and audit events. */
export interface CaseRepository<S> {
  get(schoolId: string, caseId: string): Promise<CaseEnvelope<S> | null>;
  listByReviewer(schoolId: string, reviewerId: string): Promise<CaseEnvelope<S>[]>;
  listByCycle(schoolId: string, cycleId: string): Promise<CaseEnvelope<S>[]>;
  listByStage(schoolId: string, stage: string): Promise<CaseEnvelope<S>[]>;
  /** Atomic: throws ConcurrencyError when the stored version is not `expectedVersion` (or the case exists, on create). */
  save(write: CaseWrite<S>): Promise<CaseEnvelope<S>>;
}

/** The outbox relay's view of pending messages. */
export interface OutboxRepository {
  pending(limit: number): Promise<OutboxMessage[]>;
  markDone(schoolId: string, id: string): Promise<void>;
}

/** Reminders for the scheduler. */
export interface ReminderRepository {
  /** Idempotent by id: an existing reminder is left as it is; returns false then. */
  create(reminder: ReminderRecord): Promise<boolean>;
  get(schoolId: string, id: string): Promise<ReminderRecord | null>;
  /** Pending reminders (and claimed ones whose lease ran out) due at or before `before`, in due order. Reads only due ones. */
  due(before: Instant, limit: number): Promise<ReminderRecord[]>;
  /** Claims by conditional write; false when another worker claimed it first. */
  claim(reminder: ReminderRecord, leaseUntil: Instant, now: Instant): Promise<boolean>;
  mark(schoolId: string, id: string, state: 'sent' | 'failed' | 'unreachable' | 'cancelled'): Promise<void>;
}

/** Where the bot can reach a person proactively. */
export interface ConversationReference {
  schoolId: string;
  personId: string | null;
  channel: 'teams' | 'slack';
  /** Teams: the AAD object id; Slack: the user id. */
  userKey: string;
  reference: unknown;
  updatedAt: Instant;
}

/** Conversation references for proactive messages. */
export interface ConversationReferenceRepository {
  put(ref: ConversationReference): Promise<void>;
  get(channel: 'teams' | 'slack', userKey: string): Promise<ConversationReference | null>;
}

/** The audit log: append and read, never change. */
export interface AuditLog {
  append(event: AuditEvent): Promise<void>;
  listForCase(schoolId: string, caseId: string): Promise<AuditEvent[]>;
}

/** One line of a payroll export as payroll received it (R-PAY-1). */
export interface PayrollExportRow {
  staffId: string;
  currentPoint: number;
  recommendation: 'increment' | 'top-of-grade' | 'withhold';
  newPoint: number;
  effectiveDate: CivilDate;
}

/**
 * What payroll has for a school's cycle: the export as it was sent, kept so that a later change to a
 * recommendation is flagged to the headteacher rather than silently changing what payroll has (R-PAY-1, R-CAL-2).
 */
export interface PayrollExportRecord {
  schoolId: string;
  /** The cycle's start date, as cases name their cycle. */
  cycleId: CivilDate;
  /** The last civil date of the cycle; the export is kept six years from here, like the cases (R-PRV-2). */
  cycleEnd: CivilDate;
  exportedOn: CivilDate;
  effectiveDate: CivilDate;
  rows: PayrollExportRow[];
  /** Who recorded the export (a person id, or `admin` from the command line). */
  exportedBy: string;
  /** Optimistic-concurrency version: 1 after the first save, +1 on every replacement. */
  version: number;
}

/** The payroll exports, one per school and cycle. */
export interface PayrollExportRepository {
  get(schoolId: string, cycleId: string): Promise<PayrollExportRecord | null>;
  /** Creates (expectedVersion null) or replaces at the expected version; ConcurrencyError otherwise. Returns the stored record. */
  save(record: PayrollExportRecord, expectedVersion: number | null): Promise<PayrollExportRecord>;
}

/**
 * One person's equality answers (R-RPT-1): optional, each answer optional, kept apart from their cases and
 * their roster entry, and read only to count them in the governors' report (and in their own subject access
 * export). Never shown to a reviewer or the headteacher one person at a time.
 */
export interface EqualityRecord {
  schoolId: string;
  personId: string;
  answers: EqualityInput;
  /** Who gave them: the person themselves in chat, or the school's HR file through the admin command. */
  source: 'self' | 'import';
  updatedAt: Instant;
}

/** Equality answers, one record per person. */
export interface EqualityRepository {
  get(schoolId: string, personId: string): Promise<EqualityRecord | null>;
  listForSchool(schoolId: string): Promise<EqualityRecord[]>;
  /** Inserts or replaces (last writer wins). */
  put(record: EqualityRecord): Promise<void>;
  /**
   * Stores an imported record (source 'import') unless the person's stored answers are their own (source 'self'),
   * as one atomic step, so answers given in chat while an import runs are never overwritten. True when stored,
   * false when the person's own answers were kept. A record of any other source is refused.
   */
  putImported(record: EqualityRecord): Promise<boolean>;
  /** Deletes a person's answers; true when there were some. */
  remove(schoolId: string, personId: string): Promise<boolean>;
}

/** Remembers inbound Teams activity ids and Slack event ids for a day, so a redelivery does nothing. */
export interface IdempotencyStore {
  /** True the first time a key is seen (within its time to live), false on every repeat. */
  firstSeen(key: string, now: Instant, ttlSeconds: number): Promise<boolean>;
  /** True when the key has been taken and has not expired by `now`; takes nothing. */
  seen(key: string, now: Instant): Promise<boolean>;
}

/** Everything the product stores, behind one handle the composition root picks by configuration. */
export interface Store<S = unknown> {
  schools: SchoolRepository;
  people: PersonRepository;
  outbox: OutboxRepository;
  reminders: ReminderRepository;
  conversations: ConversationReferenceRepository;
  audit: AuditLog;
  idempotency: IdempotencyStore;
  /** What payroll has been sent, per school and cycle (R-PAY-1). */
  payrollExports: PayrollExportRepository;
  /** Equality answers, kept apart from cases and people (R-RPT-1). */
  equality: EqualityRepository;
  /** Cases, whose state is parsed (and so validated) by the function the store was opened with. */
  cases: CaseRepository<S>;
  /** Resolves when the store answers a trivial read (used by GET /readyz). */
  ping(): Promise<void>;
  /**
   * Destroys documents past their retention or time to live (R-PRV-2); returns how many. The embedded
   * store needs it called now and then; Cosmos DB expires documents itself by `ttl`, so it may omit it.
   */
  purgeExpired?(now: Instant): Promise<number>;
  close(): Promise<void>;
}
