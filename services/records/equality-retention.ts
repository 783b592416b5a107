import type { Person } from '../people/person.schema';
import type { AuditEvent, Store } from '../ports/store.port';
import type { CivilDate, Instant } from '../shared/time';
import { dueForDestruction, keptUntil } from './retention';

// A leaver's equality answers are destroyed six years after they left, by the rule cases follow (R-PRV-2, R-RPT-1):
// kept on the last day of the sixth year, gone the day after. What is recorded is how many, never whose answers
// or what they were.

/** A leaver whose equality answers are past retention. */
export interface ExpiredEquality {
  readonly personId: string;
  readonly leftOn: CivilDate;
  readonly keptUntil: CivilDate;
}

/** The stored answers whose retention has passed on `today`: people who left, six years and a day ago or more. */
export function expiredEquality(records: readonly { readonly personId: string }[], people: readonly Person[], today: CivilDate): ExpiredEquality[] {
  const leftOn = new Map(people.flatMap((p) => (p.leftOn === null ? [] : [[p.id, p.leftOn] as const])));
  return records
    .flatMap((r) => {
      const left = leftOn.get(r.personId);
      return left !== undefined && dueForDestruction(left) <= today ? [{ personId: r.personId, leftOn: left, keptUntil: keptUntil(left) }] : [];
    })
    .sort((a, b) => a.leftOn.localeCompare(b.leftOn) || a.personId.localeCompare(b.personId));
}

/** Who destroys: the daily retention run, or the administrator's command. */
export interface RetentionActor {
  readonly actorId: string;
  readonly channel: AuditEvent['channel'];
}

/**
 * Lists one school's expired equality answers and, unless `dryRun`, destroys them and records in the audit log
 * that it happened, with a count only (R-PRV-2). Returns what was (or would be) destroyed.
 */
export async function destroyExpiredEquality(
  store: Pick<Store, 'people' | 'equality' | 'audit'>,
  input: { readonly schoolId: string; readonly today: CivilDate; readonly at: Instant; readonly by: RetentionActor; readonly dryRun?: boolean },
): Promise<ExpiredEquality[]> {
  const { schoolId, today, at, by } = input;
  const expired = expiredEquality(await store.equality.listForSchool(schoolId), await store.people.list(schoolId), today);
  if (input.dryRun === true || expired.length === 0) return expired;
  let destroyed = 0;
  for (const e of expired) if (await store.equality.remove(schoolId, e.personId)) destroyed += 1;
  await store.audit.append({ id: `retention-equality-${by.channel}-${schoolId}-${today}`, schoolId, caseId: null, actorId: by.actorId, action: `retention.equality people=${destroyed}`, at, channel: by.channel });
  return expired;
}
