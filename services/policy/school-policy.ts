import type { Person } from '../people/person.schema';
import { fail, ok } from '../shared/result';
import type { Result } from '../shared/result';
import type { CivilDate, Instant } from '../shared/time';
import { createCalendar } from './calendar';
import type { Calendar } from './calendar';
import { cycleContaining, cycleFor, standardCycle, standardPhases } from './cycle';
import type { CycleAnswer, CycleInput, Phase } from './cycle';
import { computeDeadline } from './deadlines';
import type { Deadline } from './deadlines';
import { nextDeliveryInstant } from './delivery-window';
import type { DeliveryWindow } from './delivery-window';
import { englandAndWalesHolidays } from './holidays';
import type { HolidaySource } from './holidays';
import { DEADLINE_RULE_IDS, presetIdSchema } from './preset.schema';
import type { DeadlineRuleId, DeadlineRuleSpec, Preset, RatingLevel } from './preset.schema';
import { presetById } from './presets';
import { schoolPolicySettingsSchema } from './settings.schema';
import type { SchoolPolicySettings } from './settings.schema';

/** Codes of the policy module's expected failures. */
export type PolicyErrorCode = 'POLICY.UNKNOWN_PRESET' | 'POLICY.INVALID_SETTINGS' | 'POLICY.RULE_NOT_IN_PRESET';

/** The fixed dates of a standard cycle year, for the timeline and the set-up check. */
export interface Timeline {
  readonly preset: string;
  readonly cycleYear: number;
  readonly start: CivilDate;
  readonly end: CivilDate;
  readonly phases: readonly Phase[];
  readonly dates: readonly Deadline[];
}

/** A person as the delivery window needs them. */
export type DeliveryPerson = Pick<Person, 'termTimeOnly'> & { workingHours?: { from: string; to: string } | null };

/** One school's policy: its preset refined by its settings. The only place that knows dates. Pure. */
export interface SchoolPolicy {
  readonly preset: Preset;
  readonly settings: SchoolPolicySettings;
  /** The calendar deadlines are counted in (closures only when the school says so). */
  readonly calendar: Calendar;
  /** A person's working days: term-time-only staff are also off on closure days (by default). */
  calendarFor(person: Pick<Person, 'termTimeOnly'>): Calendar;
  readonly rules: readonly DeadlineRuleId[];
  hasRule(rule: DeadlineRuleId): boolean;
  /** The due date of a rule from its trigger date, or `POLICY.RULE_NOT_IN_PRESET`. */
  deadline(rule: DeadlineRuleId, from: CivilDate): Result<Deadline, 'POLICY.RULE_NOT_IN_PRESET'>;
  cycleFor(input: CycleInput): CycleAnswer;
  /** The standard cycle containing a day. */
  cycleContaining(day: CivilDate): { start: CivilDate; end: CivilDate };
  timeline(cycleYear: number): Timeline;
  readonly objectiveLimit: number;
  readonly reducedObjectiveLimit: number;
  readonly finalRatingScale: readonly RatingLevel[];
  readonly selfAssessmentScale: readonly RatingLevel[];
  readonly payProgression: boolean;
  readonly draftStatementForComment: boolean;
  readonly messageHours: { from: string; to: string };
  deliveryWindow(person: DeliveryPerson): DeliveryWindow;
  /** The next instant at or after `at` a message may reach this person (R-CHAT-3, Europe/London). */
  nextDeliveryInstant(at: Instant | Date, person: DeliveryPerson): Date;
}

/** Builds a school's policy from a preset id and the school's raw settings; bad settings are a clear error. */
export function createSchoolPolicy(input: { presetId: string; settings?: unknown; holidays?: HolidaySource }): Result<SchoolPolicy, PolicyErrorCode> {
  const id = presetIdSchema.safeParse(input.presetId);
  if (!id.success) return fail('POLICY.UNKNOWN_PRESET', `There is no policy preset called "${input.presetId}". Choose one of: test-valley, propeller, spt, hampshire-model.`);
  const preset = presetById(id.data);
  const parsed = schoolPolicySettingsSchema.safeParse(input.settings ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join('.') || 'settings';
    return fail('POLICY.INVALID_SETTINGS', `The school's policy setting ${field} ${issue?.message ?? 'is not valid'}.`, { [field]: issue?.message ?? 'is not valid' });
  }
  const settings = parsed.data;
  const startMonth = settings.cycleStartMonth ?? preset.cycle.startMonths[0] ?? 9;
  if (!preset.cycle.startMonths.includes(startMonth)) {
    const months = preset.cycle.startMonths.map(monthName).join(' or ');
    return fail('POLICY.INVALID_SETTINGS', `This policy's cycle starts in ${months}, not ${monthName(startMonth)}.`, { cycleStartMonth: `must be ${months}` });
  }
  const objectiveLimit = settings.objectiveLimit ?? preset.objectives.limit;
  const reducedObjectiveLimit = Math.min(settings.reducedObjectiveLimit ?? preset.objectives.reducedLimit, objectiveLimit);
  return ok(buildPolicy(preset, settings, { startMonth, objectiveLimit, reducedObjectiveLimit }, input.holidays ?? englandAndWalesHolidays));
}

function buildPolicy(
  preset: Preset,
  settings: SchoolPolicySettings,
  limits: { startMonth: number; objectiveLimit: number; reducedObjectiveLimit: number },
  holidays: HolidaySource,
): SchoolPolicy {
  const open = createCalendar({ holidays });
  const closed = createCalendar({ holidays, closures: settings.closures });
  const calendar = settings.closuresCountForDeadlines ? closed : open;
  const calendars = { working: calendar, school: closed };
  const rules = effectiveRules(preset, settings);
  const ruleIds = DEADLINE_RULE_IDS.filter((r) => rules[r] !== undefined);
  const calendarFor = (person: Pick<Person, 'termTimeOnly'>) => (person.termTimeOnly && settings.closuresCountForTermTimeStaff ? closed : calendar);
  const deliveryWindow = (person: DeliveryPerson): DeliveryWindow => ({ days: calendarFor(person), ...(person.workingHours ?? settings.messageHours) });
  const deadline = (rule: DeadlineRuleId, from: CivilDate): Result<Deadline, 'POLICY.RULE_NOT_IN_PRESET'> => {
    const spec = rules[rule];
    if (!spec) return fail('POLICY.RULE_NOT_IN_PRESET', `The ${preset.id} policy has no "${rule}" deadline.`);
    return ok(computeDeadline(rule, spec, from, calendars));
  };
  return {
    preset,
    settings,
    calendar,
    calendarFor,
    rules: ruleIds,
    hasRule: (rule) => rules[rule] !== undefined,
    deadline,
    cycleFor: (input) => cycleFor(preset, limits, input),
    cycleContaining: (day) => cycleContaining(limits.startMonth, day),
    timeline(cycleYear) {
      const cycle = standardCycle(limits.startMonth, cycleYear);
      const fixed = (['statement.issue', 'payroll.data-ready', 'pay.effective'] as const).flatMap((r) => {
        const d = deadline(r, cycle.end);
        return d.ok ? [d.value] : [];
      });
      return { preset: preset.id, cycleYear, ...cycle, phases: standardPhases(preset, cycle), dates: fixed };
    },
    objectiveLimit: limits.objectiveLimit,
    reducedObjectiveLimit: limits.reducedObjectiveLimit,
    finalRatingScale: settings.finalRatingScale ?? preset.finalRatingScale.levels,
    selfAssessmentScale: preset.selfAssessmentScale.levels,
    payProgression: settings.payProgression ?? preset.payProgression.value,
    draftStatementForComment: preset.draftStatementForComment.value,
    messageHours: settings.messageHours,
    deliveryWindow,
    nextDeliveryInstant: (at, person) => nextDeliveryInstant(at, deliveryWindow(person)),
  };
}

/** The preset's rules with the school's overrides: its statement date (R-DL-5) and its own day counts. */
function effectiveRules(preset: Preset, settings: SchoolPolicySettings): Partial<Record<DeadlineRuleId, DeadlineRuleSpec>> {
  const rules: Partial<Record<DeadlineRuleId, DeadlineRuleSpec>> = { ...preset.rules };
  if (settings.statementDate) {
    rules['statement.issue'] = {
      kind: 'fixed-date', date: settings.statementDate, roll: 'back', label: 'give the written review statement',
      source: { default: 'The statement date the school set (R-DL-5)' },
    };
  }
  for (const [rule, days] of Object.entries(settings.ruleDays ?? {}) as [DeadlineRuleId, number][]) {
    const spec = rules[rule];
    if (spec && (spec.kind === 'working-days-after' || spec.kind === 'working-days-before')) {
      rules[rule] = { ...spec, days, source: { default: `${days} working days, as the school set` } };
    }
  }
  return rules;
}

const monthName = (m: number) => new Date(Date.UTC(2000, m - 1, 1)).toLocaleDateString('en-GB', { month: 'long', timeZone: 'UTC' });
