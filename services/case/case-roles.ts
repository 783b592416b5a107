import { z } from 'zod/v4';

/** Roles a person holds in the school, as the chat edge resolves them from the roster (never from a card). */
export const SCHOOL_ROLES = ['headteacher', 'slt', 'pd-manager', 'clerk', 'appeal-panel', 'system'] as const;
/** A school role. */
export type SchoolRole = (typeof SCHOOL_ROLES)[number];

/** Roles in one case (R-ROLE-1): from the case's own people plus the actor's school roles. */
export const CASE_ROLES = ['reviewee', 'reviewer', 'line-manager', 'headteacher', 'slt', 'pd-manager', 'clerk', 'appeal-panel', 'system'] as const;
/** A role in a case. */
export type CaseRole = (typeof CASE_ROLES)[number];
/** zod schema for a case role. */
export const caseRoleSchema = z.enum(CASE_ROLES);

/** Who is acting: a person and their school roles. */
export interface CaseActor {
  readonly personId: string;
  readonly schoolRoles: readonly SchoolRole[];
}

/** The people of a case that roles are read from. */
export interface CasePeople {
  readonly revieweeId: string;
  readonly reviewerId: string | null;
  readonly lineManagerIds: readonly string[];
  readonly headteacherId: string | null;
}

/**
 * The actor's roles in this case. The reviewee is only ever the reviewee on their own case, so an SLT
 * member or a line manager never moderates or assesses themselves (R-ROLE-1, R-PRV-1).
 */
export function rolesOf(people: CasePeople | null, actor: CaseActor): CaseRole[] {
  if (people && actor.personId === people.revieweeId) return ['reviewee'];
  const roles = new Set<CaseRole>();
  if (people && actor.personId === people.reviewerId) roles.add('reviewer');
  if (people && people.lineManagerIds.includes(actor.personId)) roles.add('line-manager');
  if ((people && actor.personId === people.headteacherId) || actor.schoolRoles.includes('headteacher')) roles.add('headteacher');
  for (const r of ['slt', 'pd-manager', 'clerk', 'appeal-panel', 'system'] as const) if (actor.schoolRoles.includes(r)) roles.add(r);
  return CASE_ROLES.filter((r) => roles.has(r));
}
