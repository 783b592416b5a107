import type { CaseWrite, ReminderRecord } from '../../services/ports/store.port';
import type { CivilDate, Instant } from '../../services/shared/time';

// Rules every store applies the same way, so the contract suite sees one behaviour.

/** Records are kept six years after the cycle ends, then destroyed (R-PRV-2). */
export const RETENTION_YEARS = 6;

/** A delivered outbox message is kept this long for diagnosis, then purged. */
export const DONE_OUTBOX_TTL_SECONDS = 30 * 24 * 60 * 60;

/** The instant a case (and what was written with it) may be destroyed: midnight UTC after cycleEnd + six years (R-PRV-2). */
export function retentionEnd(cycleEnd: CivilDate): Instant {
  const [y, m, d] = cycleEnd.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + RETENTION_YEARS, m - 1, d + 1)).toISOString();
}

/** Seconds from `now` until retention ends, at least 1: the Cosmos `ttl` of a case document (R-PRV-2). */
export function retentionTtlSeconds(cycleEnd: CivilDate, now: Date): number {
  return Math.max(1, Math.floor((Date.parse(retentionEnd(cycleEnd)) - now.getTime()) / 1000));
}

/** `now` plus seconds, as an instant. */
export function addSeconds(now: Instant | Date, seconds: number): Instant {
  return new Date(new Date(now).getTime() + seconds * 1000).toISOString();
}

/** A case write is one partition's write: every effect must belong to the case's school (one Cosmos batch). */
export function assertOneSchool<S>(write: CaseWrite<S>): void {
  const school = write.case.schoolId;
  const others = [...write.outbox, ...write.reminders, ...write.audit].filter((d) => d.schoolId !== school);
  if (others.length > 0) throw new Error(`Case write ${write.case.id} has effects for another school`);
}

/** True when the scheduler may take this reminder at `now`: pending and due, or claimed with its lease run out. */
export function claimable(r: Pick<ReminderRecord, 'state' | 'dueAt' | 'leaseUntil'>, now: Instant): boolean {
  if (r.state === 'pending') return r.dueAt <= now;
  return r.state === 'claimed' && r.leaseUntil !== null && r.leaseUntil <= now;
}

/** Due order: by dueAt, then id, so every store returns the same page. */
export function byDue(a: ReminderRecord, b: ReminderRecord): number {
  return a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** One spelling per instant (`toISOString`), so stores may compare instants as text. */
export function iso(instant: Instant): Instant {
  return new Date(instant).toISOString();
}

/** The reminder as stored: instants normalised, schema version stamped. */
export function reminderDoc(r: ReminderRecord): ReminderRecord & { schemaVersion: 1 } {
  return { ...r, dueAt: iso(r.dueAt), leaseUntil: r.leaseUntil === null ? null : iso(r.leaseUntil), schemaVersion: 1 };
}
