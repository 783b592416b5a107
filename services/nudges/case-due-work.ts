import type { CaseState } from '../case/case-state.schema';
import type { SchoolPolicy } from '../policy';
import type { CaseRepository } from '../ports/store.port';
import type { CivilDate } from '../shared/time';
import type { DueItem, DueWorkSource } from './digest';

/** How far ahead a step counts as "due soon" in a digest, in working days. */
export const DUE_SOON_WORKING_DAYS = 5;

/**
 * What is due soon or overdue across a school's open cases, for the daily digests (R-CHAT-3): every open step
 * of the current and the previous cycle (a cycle's final review and appeals run past its end).
 */
export function caseDueWork(deps: { cases: Pick<CaseRepository<CaseState>, 'listByCycle'>; policyFor(schoolId: string): Promise<SchoolPolicy> }): DueWorkSource {
  return {
    async dueWork(schoolId: string, today: CivilDate): Promise<DueItem[]> {
      const policy = await deps.policyFor(schoolId);
      const current = policy.cycleContaining(today).start;
      const previous = policy.cycleContaining(`${Number(current.slice(0, 4)) - 1}${current.slice(4)}`).start;
      const horizon = policy.calendar.addWorkingDays(today, DUE_SOON_WORKING_DAYS);
      const items: DueItem[] = [];
      for (const cycleId of [previous, current]) {
        for (const c of await deps.cases.listByCycle(schoolId, cycleId)) {
          const s = c.state;
          // A case written by something other than the case workflow (or an older document) has no steps to list.
          if (!Array.isArray((s as Partial<CaseState> | null)?.steps)) continue;
          if (s.stage === 'closed' || s.stage === 'withdrawn' || s.hold !== null) continue;
          for (const step of s.steps.filter((x) => x.due <= horizon)) {
            items.push({ caseId: s.id, revieweeName: s.names[s.revieweeId] ?? 'A colleague', reviewerId: s.reviewerId, stepTitle: step.stepTitle, due: step.due });
          }
        }
      }
      return items.sort((a, b) => a.due.localeCompare(b.due));
    },
  };
}
