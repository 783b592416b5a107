import type { SchoolPolicy } from '../policy';
import type { Store } from '../ports/store.port';
import type { Failure, Result } from '../shared/result';
import { fail, ok } from '../shared/result';
import { planCycleLaunch } from './cycle-launch';
import type { LaunchEntry, LaunchPlan } from './cycle-launch';
import type { DelegationActor } from './reviewer.usecase';
import { mayConfigureSchool } from './school-setup';

/** Opens one person's case (the case workflow's use-case, injected so set-up does not depend on its insides). */
export type OpenCase = (entry: LaunchEntry, plan: LaunchPlan) => Promise<Result<{ caseId: string }, string>>;

/** What a launch did: the plan, and for each included person the case opened or why it could not be. */
export interface LaunchReport {
  readonly plan: LaunchPlan;
  readonly dryRun: boolean;
  readonly opened: readonly { personId: string; caseId: string }[];
  readonly failed: readonly { personId: string; error: Failure }[];
}

/**
 * Launches a school's cycle (R-CYC-1, R-ELG-1): only the headteacher (or an administrator) may; a dry run
 * shows who would get a case and who is left out, and why; running it again opens cases only for people
 * who have none yet in this cycle.
 */
export async function launchCycle(
  deps: { store: Pick<Store, 'people' | 'cases'>; policy: SchoolPolicy; openCase: OpenCase },
  input: { schoolId: string; cycleYear: number; actor: DelegationActor; dryRun: boolean },
): Promise<Result<LaunchReport, 'LAUNCH.NOT_ALLOWED'>> {
  const people = await deps.store.people.list(input.schoolId);
  if (!mayConfigureSchool(input.actor, people)) return fail('LAUNCH.NOT_ALLOWED', 'Only the headteacher can launch the appraisal cycle.');
  const cycleStart = deps.policy.timeline(input.cycleYear).start;
  const open = await deps.store.cases.listByCycle(input.schoolId, cycleStart);
  const plan = planCycleLaunch({ policy: deps.policy, people, cycleYear: input.cycleYear, openRevieweeIds: new Set(open.map((c) => c.revieweeId)) });
  if (input.dryRun) return ok({ plan, dryRun: true, opened: [], failed: [] });
  const opened: { personId: string; caseId: string }[] = [];
  const failed: { personId: string; error: Failure }[] = [];
  for (const entry of plan.included) {
    const result = await deps.openCase(entry, plan);
    if (result.ok) opened.push({ personId: entry.person.id, caseId: result.value.caseId });
    else failed.push({ personId: entry.person.id, error: result.error });
  }
  return ok({ plan, dryRun: false, opened, failed });
}
