import type { CycleAnswer, SchoolPolicy } from '../policy';
import type { Person } from '../people/person.schema';
import type { CivilDate } from '../shared/time';
import { reviewerOf } from './reviewer.usecase';

/** Someone who gets a case when the cycle is launched, with the dates and limit the policy gives them. */
export interface LaunchEntry {
  readonly person: Person;
  readonly reviewerId: string;
  readonly cycle: CycleAnswer;
}

/** Someone who does not, and why, in words the head can act on. */
export interface LaunchExclusion {
  readonly person: Person;
  readonly code: 'headteacher' | 'left' | 'starts-later' | 'no-reviewer' | 'not-eligible';
  readonly reason: string;
}

/** What launching a cycle would do: computed first, shown to the head, then carried out. */
export interface LaunchPlan {
  readonly cycleStart: CivilDate;
  readonly cycleEnd: CivilDate;
  readonly included: readonly LaunchEntry[];
  readonly excluded: readonly LaunchExclusion[];
  /** People who already have a case in this cycle: a second launch leaves them as they are. */
  readonly alreadyOpen: readonly Person[];
}

/**
 * Plans the launch of the standard cycle starting in `cycleYear` (R-CYC-1, R-CYC-3, R-CYC-4, R-ELG-1):
 * everyone on the roster either gets a case with the policy's dates, or is listed with the reason they do
 * not. Pure; `openCaseIds` names reviewees who already have a case in this cycle.
 */
export function planCycleLaunch(input: { policy: SchoolPolicy; people: readonly Person[]; cycleYear: number; openRevieweeIds: ReadonlySet<string> }): LaunchPlan {
  const { policy } = input;
  const { start: cycleStart, end: cycleEnd } = policy.timeline(input.cycleYear);
  const included: LaunchEntry[] = [];
  const excluded: LaunchExclusion[] = [];
  const alreadyOpen: Person[] = [];
  const leave = (person: Person, code: LaunchExclusion['code'], reason: string) => excluded.push({ person, code, reason });
  for (const person of [...input.people].sort((a, b) => a.name.localeCompare(b.name))) {
    if (input.openRevieweeIds.has(person.id)) {
      alreadyOpen.push(person);
      continue;
    }
    if (person.headteacher) {
      leave(person, 'headteacher', 'The headteacher is reviewed by the governors’ committee, not in this process.');
      continue;
    }
    if (person.leftOn !== null && person.leftOn <= cycleStart) {
      leave(person, 'left', 'Has left the school.');
      continue;
    }
    if (person.startDate > cycleEnd) {
      leave(person, 'starts-later', 'Starts after this cycle ends, so joins the next one.');
      continue;
    }
    const end = [person.endDate, person.leftOn].filter((d): d is string => d !== null).sort()[0] ?? null;
    if (end !== null && end < cycleStart) {
      leave(person, 'left', 'Their contract ended before this cycle.');
      continue;
    }
    const cycle = policy.cycleFor({ start: person.startDate > cycleStart ? person.startDate : cycleStart, contractEnd: end, status: person.status ?? 'none', roleFamily: person.roleFamily });
    if (!cycle.eligible) {
      leave(person, 'not-eligible', cycle.reason ?? 'Not in the scheme under this policy.');
      continue;
    }
    const reviewerId = reviewerOf(person);
    if (reviewerId === null) {
      leave(person, 'no-reviewer', 'Has no reviewer yet: choose one, then launch again.');
      continue;
    }
    included.push({ person, reviewerId, cycle });
  }
  return { cycleStart, cycleEnd, included, excluded, alreadyOpen };
}
