import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { CaseActor, CaseDeps, SchoolRole } from '../services/case';
import type { Clock } from '../services/shared/time';
import type { Actor } from './actor';
import type { ProductStore } from './compose';
import { schoolPolicies } from './school-policies';

/** What the chat handlers need to run case commands: the use-case deps and each school's policy. */
export interface CaseRuntime {
  deps: CaseDeps;
  policies: ReturnType<typeof schoolPolicies>;
}

/** Wires the case use-cases to the store, the clock and each school's policy (one per process). */
export function createCaseRuntime(input: { store: ProductStore; clock: Clock; logger: Logger; defaultHours?: { from: string; to: string } }): CaseRuntime {
  const policies = schoolPolicies(input.store, {
    nowMs: () => input.clock.now().getTime(),
    defaultHours: input.defaultHours,
    onProblem: (schoolId, code) => input.logger.warn({ event: 'policy.settings-invalid', schoolId, code }, 'school policy settings are not valid: using the preset defaults'),
  });
  return { policies, deps: { cases: input.store.cases, policyFor: policies.forSchool, clock: input.clock, newId: randomUUID } };
}

/** The actor as the case machine sees them: their person id and school-wide roles, from stored state only. */
export function caseActorOf(actor: Actor): CaseActor | null {
  if (!actor.person) return null;
  const roles: SchoolRole[] = [];
  if (actor.roles.has('headteacher')) roles.push('headteacher');
  if (actor.roles.has('slt')) roles.push('slt');
  if (actor.roles.has('pd-manager')) roles.push('pd-manager');
  if (actor.roles.has('clerk')) roles.push('clerk');
  if (actor.roles.has('appeal-panel')) roles.push('appeal-panel');
  return { personId: actor.person.id, schoolRoles: roles };
}
