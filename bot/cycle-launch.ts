import { openCaseForPerson } from '../services/case';
import type { CaseActor, CaseChannel } from '../services/case';
import { launchCycle, readSetup } from '../services/roster';
import type { LaunchReport } from '../services/roster';
import type { DelegationActor } from '../services/roster/reviewer.usecase';
import type { Result } from '../services/shared/result';
import { fail } from '../services/shared/result';
import type { CaseRuntime } from './case-runtime';
import type { ProductStore } from './compose';

/**
 * Launches a school's cycle for the chat and the command line alike (R-CYC-1): each included person's case is
 * opened by the case workflow with the school's head, clerk and improvement-plan priorities, and objectives
 * marked to continue are carried in from the previous cycle (R-CYC-6).
 */
export async function launchSchoolCycle(
  store: ProductStore,
  runtime: CaseRuntime,
  input: { schoolId: string; cycleYear: number; actor: DelegationActor; dryRun: boolean; channel: CaseChannel },
): Promise<Result<LaunchReport, 'LAUNCH.NOT_ALLOWED' | 'LAUNCH.UNKNOWN_SCHOOL'>> {
  const school = await store.schools.get(input.schoolId);
  if (!school) return fail('LAUNCH.UNKNOWN_SCHOOL', `There is no school with id ${input.schoolId}.`);
  const policy = await runtime.policies.forSchool(school.id);
  const people = await store.people.list(school.id);
  const byId = new Map(people.map((p) => [p.id, p]));
  const head = people.find((p) => p.headteacher && p.leftOn === null) ?? null;
  const clerk = people.find((p) => p.clerk && p.leftOn === null) ?? null;
  const priorities = readSetup(school).priorities;
  const caseActor: CaseActor = input.actor.kind === 'person' ? { personId: input.actor.personId, schoolRoles: ['headteacher'] } : { personId: 'admin', schoolRoles: ['system'] };
  const previous = policy.timeline(input.cycleYear - 1).start;
  return launchCycle(
    {
      store,
      policy,
      openCase: async (entry, plan) => {
        const opened = await openCaseForPerson(runtime.deps, {
          schoolId: school.id, reviewee: entry.person, reviewer: byId.get(entry.reviewerId) ?? null, headteacher: head, clerkId: clerk?.id ?? null,
          cycleStart: plan.cycleStart, status: entry.person.status ?? 'none', priorities, previousCycleId: previous, actor: caseActor, channel: input.channel,
        });
        return opened.ok ? { ok: true, value: { caseId: opened.value.id } } : opened;
      },
    },
    { schoolId: school.id, cycleYear: input.cycleYear, actor: input.actor, dryRun: input.dryRun },
  );
}
