import type { Person } from '../people/person.schema';
import type { PersonRepository } from '../ports/store.port';
import { fail, ok } from '../shared/result';
import type { Result } from '../shared/result';

/** Who is delegating: a headteacher in the school, or an administrator at the command line. */
export type DelegationActor = { kind: 'admin' } | { kind: 'person'; personId: string };

/** Why a delegation was refused. */
export type ReviewerError = 'REVIEWER.NOT_ALLOWED' | 'REVIEWER.UNKNOWN_PERSON' | 'REVIEWER.SELF' | 'REVIEWER.LEAVER' | 'REVIEWER.NOT_SENIOR' | 'REVIEWER.HEADTEACHER';

/** A delegation that was stored, with any warning to show the headteacher (R-ROLE-3). */
export interface ReviewerSet {
  person: Person;
  warnings: string[];
}

/** The reviewer in force: the delegated one, else the first line manager (R-ROLE-1); null when neither. */
export function reviewerOf(person: Person): string | null {
  return person.reviewerId ?? person.lineManagerIds[0] ?? null;
}

/** Everyone above a person in the line-management chain (line managers, their managers, and so on). */
export function managersAbove(personId: string, byId: ReadonlyMap<string, Person>): Set<string> {
  const above = new Set<string>();
  const queue = [...(byId.get(personId)?.lineManagerIds ?? [])];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (above.has(id) || id === personId) continue;
    above.add(id);
    queue.push(...(byId.get(id)?.lineManagerIds ?? []));
  }
  return above;
}

/**
 * Whether `reviewer` has more responsibility than `person` (R-ROLE-1): they are above the person in the
 * line-management chain, or they are the headteacher, or they are SLT and the person is not.
 */
export function hasMoreResponsibility(reviewer: Person, person: Person, byId: ReadonlyMap<string, Person>): boolean {
  if (managersAbove(person.id, byId).has(reviewer.id)) return true;
  if (reviewer.headteacher) return true;
  return reviewer.slt && !person.slt && !person.headteacher;
}

/** Checks a delegation without storing it: the rules of R-ROLE-1, and the training warning of R-ROLE-3. */
export function checkDelegation(actor: DelegationActor, personId: string, reviewerId: string, roster: readonly Person[]): Result<ReviewerSet, ReviewerError> {
  const byId = new Map(roster.map((p) => [p.id, p]));
  if (actor.kind === 'person') {
    const head = byId.get(actor.personId);
    if (!head?.headteacher || head.leftOn !== null) return fail('REVIEWER.NOT_ALLOWED', 'Only the headteacher can choose reviewers.');
  }
  const person = byId.get(personId);
  const reviewer = byId.get(reviewerId);
  if (!person) return fail('REVIEWER.UNKNOWN_PERSON', `There is no one with id ${personId} at this school.`);
  if (!reviewer) return fail('REVIEWER.UNKNOWN_PERSON', `There is no one with id ${reviewerId} at this school.`);
  if (person.headteacher) return fail('REVIEWER.HEADTEACHER', "The headteacher's review is led by the governors' committee, not a member of staff.");
  if (reviewer.id === person.id) return fail('REVIEWER.SELF', `${person.name} cannot review themselves.`);
  if (person.leftOn !== null) return fail('REVIEWER.LEAVER', `${person.name} has left the school.`);
  if (reviewer.leftOn !== null) return fail('REVIEWER.LEAVER', `${reviewer.name} has left the school, so cannot review anyone.`);
  if (!hasMoreResponsibility(reviewer, person, byId)) {
    return fail('REVIEWER.NOT_SENIOR', `${reviewer.name} cannot review ${person.name}: a reviewer must be above them in line management, on the senior leadership team, or the headteacher.`);
  }
  const warnings = reviewer.reviewerTrained ? [] : [`${reviewer.name} has no reviewer training recorded.`];
  return ok({ person: { ...person, reviewerId: reviewer.id }, warnings });
}

/** Delegates a reviewer for a person and stores it on their record. A new reviewer never restarts a cycle (R-CYC-5). */
export async function setReviewer(
  people: PersonRepository,
  input: { schoolId: string; actor: DelegationActor; personId: string; reviewerId: string },
): Promise<Result<ReviewerSet, ReviewerError>> {
  const checked = checkDelegation(input.actor, input.personId, input.reviewerId, await people.list(input.schoolId));
  if (checked.ok) await people.upsert(checked.value.person);
  return checked;
}
