import type { CivilDate } from '../shared/time';
import { addDays, addMonths, daysBetween, firstOfMonth, lastOfMonth, monthsBetween } from './civil-date';
import type { PersonStatus, Preset } from './preset.schema';

/** The three phases of every cycle (R-CYC-2). */
export type PhaseName = 'planning' | 'interim' | 'final';
/** A phase window, inclusive. */
export interface Phase {
  readonly name: PhaseName;
  readonly from: CivilDate;
  readonly to: CivilDate;
}

/** What the policy needs to know about a person to place them in a cycle. */
export interface CycleInput {
  /** When they start in this cycle: a new starter's first day, or the cycle's first day for everyone else. */
  readonly start: CivilDate;
  readonly contractEnd?: CivilDate | null;
  readonly status?: PersonStatus;
  readonly roleFamily?: string;
}

/** Why someone is not in the scheme (R-ELG-1, R-CYC-3). */
export type IneligibleReason = 'short-contract' | 'contract-ends-before-start' | PersonStatus;

/** A person's cycle: dates, phases, objective limit, or why they are excluded. */
export interface CycleAnswer {
  readonly eligible: boolean;
  readonly reasonCode?: IneligibleReason;
  readonly reason?: string;
  readonly start: CivilDate;
  readonly end: CivilDate;
  /** The school's standard cycle this one belongs to, by its first day. */
  readonly cycleStart: CivilDate;
  readonly objectiveLimit: number;
  readonly reducedObjectives: boolean;
  /** How the first cycle was set: the whole standard cycle, joined part-way, extended, or the contract's length. */
  readonly placement: 'standard' | 'joined' | 'extended' | 'fixed-term';
  readonly phases: readonly Phase[];
}

/** The standard cycle starting in `year` (R-CYC-1). */
export function standardCycle(startMonth: number, year: number): { start: CivilDate; end: CivilDate } {
  const start = `${year}-${String(startMonth).padStart(2, '0')}-01`;
  return { start, end: lastOfMonth(start, 11) };
}

/** The standard cycle that contains `day`. */
export function cycleContaining(startMonth: number, day: CivilDate): { start: CivilDate; end: CivilDate } {
  const year = Number(day.slice(0, 4));
  return standardCycle(startMonth, Number(day.slice(5, 7)) >= startMonth ? year : year - 1);
}

/** The preset's phase windows for a whole standard cycle. */
export function standardPhases(preset: Preset, cycle: { start: CivilDate; end: CivilDate }): Phase[] {
  const { planning, interim } = preset.phases;
  return [
    { name: 'planning', from: firstOfMonth(cycle.start, planning.fromMonth), to: lastOfMonth(cycle.start, planning.toMonth) },
    { name: 'interim', from: firstOfMonth(cycle.start, interim.fromMonth), to: lastOfMonth(cycle.start, interim.toMonth) },
    finalPhase(preset, cycle.end),
  ];
}

const finalPhase = (preset: Preset, end: CivilDate): Phase => ({
  name: 'final',
  from: firstOfMonth(end, preset.phases.final.fromMonth),
  to: lastOfMonth(end, preset.phases.final.toMonth),
});

/**
 * Phases of a cycle that is not the standard one (joined part-way, extended, or a fixed-term contract):
 * planning from the first day for up to two months, the interim around the half-way point (R-CYC-2), and
 * the final review in the preset's window, or the last month of a contract that ends the cycle. The three
 * never overlap: a final window that opens before the interim closes opens the day after it instead.
 */
function fittedPhases(preset: Preset, start: CivilDate, end: CivilDate, endsWithContract: boolean): Phase[] {
  const length = daysBetween(start, end) + 1;
  const planningTo = minDate(lastOfMonth(start, preset.phases.planning.toMonth - preset.phases.planning.fromMonth), addDays(start, Math.max(6, Math.floor(length / 4) - 1)));
  const middle = addDays(start, Math.floor(length / 2));
  const spread = Math.min(30, Math.max(3, Math.floor(length / 8)));
  const interim = { from: maxDate(addDays(middle, -spread), addDays(planningTo, 1)), to: addDays(middle, spread) };
  const window = endsWithContract ? { from: addDays(end, -29), to: end } : finalPhase(preset, end);
  const final = { name: 'final' as const, from: maxDate(window.from, addDays(interim.to, 1)), to: window.to };
  return [{ name: 'planning', from: start, to: planningTo }, { name: 'interim', ...interim }, final];
}

const minDate = (a: CivilDate, b: CivilDate) => (a < b ? a : b);
const maxDate = (a: CivilDate, b: CivilDate) => (a > b ? a : b);

const STATUS_REASON: Record<Exclude<PersonStatus, 'none'>, string> = {
  induction: 'Staff in formal induction are not in the scheme.',
  'informal-capability': 'Staff on informal capability support are not in the scheme under this policy.',
  'formal-capability': 'Staff under formal capability procedures are not in the scheme; performance management is suspended.',
};

/** Places a person in a cycle (R-CYC-1, R-CYC-3, R-CYC-4, R-ELG-1). Pure. */
export function cycleFor(preset: Preset, limits: { objectiveLimit: number; reducedObjectiveLimit: number; startMonth: number }, input: CycleInput): CycleAnswer {
  const current = cycleContaining(limits.startMonth, input.start);
  const contractEnd = input.contractEnd ?? null;
  const base = { cycleStart: current.start, objectiveLimit: limits.objectiveLimit, reducedObjectives: false };
  const excluded = (reasonCode: IneligibleReason, reason: string): CycleAnswer => ({
    ...base, eligible: false, reasonCode, reason, start: input.start, end: minDate(contractEnd ?? current.end, current.end), placement: 'standard', phases: [],
  });

  if (contractEnd !== null && contractEnd < input.start) return excluded('contract-ends-before-start', 'The contract ends before it starts: check the dates.');
  if (contractEnd !== null && (daysBetween(input.start, contractEnd) + 1) / 7 < preset.eligibility.minContractWeeks) {
    return excluded('short-contract', 'Contracts of less than one term are not in the scheme.');
  }
  const status = input.status ?? 'none';
  if (status !== 'none' && preset.eligibility.excludedStatuses.includes(status)) return excluded(status, STATUS_REASON[status]);

  // R-CYC-3: a fixed-term contract under a year sets the cycle's length.
  if (contractEnd !== null && contractEnd < addDays(addMonths(input.start, 12), -1)) {
    const reduced = preset.newStarters.rule === 'test-valley' && isReducedJoiningMonth(input.start) && input.start !== current.start;
    return answer(input.start, contractEnd, 'fixed-term', reduced, fittedPhases(preset, input.start, contractEnd, true));
  }

  let placement: CycleAnswer['placement'] = input.start === current.start ? 'standard' : 'joined';
  let end = current.end;
  let reduced = false;
  if (placement === 'joined') {
    const month = Number(input.start.slice(5, 7));
    const extend =
      preset.newStarters.rule === 'test-valley'
        ? [12, 1, 2].includes(month) // R-CYC-4: December to February joiners, over an extended cycle
        : (daysBetween(input.start, current.end) + 1) / 7 < preset.eligibility.minContractWeeks;
    if (extend) {
      placement = 'extended';
      end = lastOfMonth(current.end, 12);
      const cap = addDays(addMonths(input.start, preset.newStarters.maxExtendedMonths), -1);
      if (end > cap) end = cap;
    }
    reduced = preset.newStarters.rule === 'test-valley' && isReducedJoiningMonth(input.start);
  }
  let endsWithContract = false;
  if (contractEnd !== null && contractEnd < end) {
    end = contractEnd;
    endsWithContract = true;
  }
  const phases =
    placement === 'standard' && !endsWithContract
      ? standardPhases(preset, current)
      : fittedPhases(preset, input.start, end, endsWithContract);
  return answer(input.start, end, placement, reduced, joinedPhases(preset, current, phases, placement));

  function answer(start: CivilDate, finish: CivilDate, how: CycleAnswer['placement'], isReduced: boolean, ph: Phase[]): CycleAnswer {
    return {
      ...base, eligible: true, start, end: finish, placement: how, phases: ph,
      reducedObjectives: isReduced, objectiveLimit: isReduced ? limits.reducedObjectiveLimit : limits.objectiveLimit,
    };
  }
}

/** R-CYC-4 (test-valley): joiners from August to November have a reduced number of objectives. */
const isReducedJoiningMonth = (day: CivilDate) => [8, 9, 10, 11].includes(Number(day.slice(5, 7)));

/** A joiner keeps everyone's interim window when it is still ahead of their planning; else the fitted one. */
function joinedPhases(preset: Preset, current: { start: CivilDate; end: CivilDate }, fitted: Phase[], placement: CycleAnswer['placement']): Phase[] {
  if (placement !== 'joined') return fitted;
  const standard = standardPhases(preset, current);
  const planning = fitted[0];
  const interim = standard[1];
  const final = standard[2];
  if (!planning || !interim || !final || interim.from <= planning.to || monthsBetween(planning.to, interim.from) < 1) return fitted;
  return [planning, interim, final];
}
