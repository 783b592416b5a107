import { activeObjectives, latest } from '../case/case-statements';
import type { CaseState } from '../case/case-state.schema';
import type { Person } from '../people/person.schema';
import type { SchoolPolicy } from '../policy/school-policy';
import { fail, ok } from '../shared/result';
import type { Result } from '../shared/result';
import type { CivilDate } from '../shared/time';
import { caseAppeals } from './appeal-grounds';
import { caseDeadlineRules, caseDeadlines, londonDay } from './case-deadlines';
import { tidy } from './free-text';
import { buildGovernorsReport } from './governors-report';
import type { GovernorsReport, ReportErrorCode } from './governors-report';
import type { PayRecommendation } from './payroll-export';
import type { EqualityInput, PayOutcome, ReportCaseInput } from './report-input';

// Stored cases of one school and cycle become the reports' anonymous inputs here, and nowhere else: ids and
// names stop at this file (R-RPT-1, R-RPT-3). Equality answers are kept apart from the case and joined in
// only for the governors' report.

/** What the mapping needs besides the cases. */
export interface FromCasesContext {
  readonly policy: SchoolPolicy;
  /** The day the report is made: a deadline not yet due then is not counted as missed. */
  readonly asOf: CivilDate;
  readonly people: readonly Person[];
  /** Equality answers by person id, where the school holds them (R-RPT-1). */
  readonly equality?: ReadonlyMap<string, EqualityInput>;
}

const MAX_TEXT = 2000;
const clip = (t: string) => t.slice(0, MAX_TEXT);

/** The final rating: the commonest of the objectives' ratings; on a tie, the lower on the school's scale (R-FIN-1). */
export function finalRating(s: CaseState, policy: SchoolPolicy): string | null {
  const ratings = s.assessment?.objectives.map((o) => o.rating) ?? [];
  if (ratings.length === 0) return null;
  const scale = policy.finalRatingScale.map((l) => l.id as string);
  const count = (r: string) => ratings.filter((x) => x === r).length;
  return [...new Set(ratings)].sort((a, b) => count(b) - count(a) || scale.indexOf(b) - scale.indexOf(a))[0] ?? null;
}

/** The pay outcome counted: an approved recommendation only (R-PAY-1). */
export function payOutcome(s: CaseState): PayOutcome | null {
  if (!s.payEligible) return 'not-eligible';
  const rec = s.pay.recommendation;
  if (!rec || !s.pay.approval) return null;
  return rec.recommendation === 'withhold' ? 'withheld' : rec.recommendation;
}

/** Training needs as written in the final assessment, one per line or semicolon (R-RPT-3). */
export function trainingNeeds(s: CaseState): string[] {
  return (s.assessment?.trainingNeeds ?? '').split(/[\n;]+/).map(tidy).filter((t) => t !== '').map(clip);
}

/** Agreed support (objectives' support, development goals' support, support plan actions) and whether delivered (R-SUP-1). */
export function agreedSupport(s: CaseState): ReportCaseInput['support'] {
  const delivered = (kind: string, id: string) => s.supportDelivered.some((d) => d.ref.kind === kind && d.ref.id === id);
  const fromObjectives = activeObjectives(s).filter((o) => latest(o).support.trim() !== '').map((o) => ({ agreed: clip(latest(o).support), delivered: delivered('objective', o.id) }));
  const fromGoals = (s.developmentPlan?.goals ?? []).flatMap((g, i) => (g.support.trim() === '' ? [] : [{ agreed: clip(g.support), delivered: delivered('development-goal', String(i + 1)) }]));
  const fromPlan = (s.supportPlan?.items ?? []).map((item) => ({ agreed: clip(item.actions || item.area), delivered: delivered('support-item', item.id) }));
  return [...fromObjectives, ...fromGoals, ...fromPlan];
}

/** One case as the anonymous report input (R-RPT-1, R-RPT-3). */
export function caseReportInput(s: CaseState, ctx: FromCasesContext): ReportCaseInput {
  const moderation = s.moderation.history;
  return {
    stage: s.stage,
    deadlines: caseDeadlines(s, ctx.policy, ctx.asOf),
    moderation: { approved: moderation.filter((m) => m.outcome === 'approved').length, referredBack: moderation.filter((m) => m.outcome === 'referred-back').length },
    finalRating: finalRating(s, ctx.policy),
    pay: payOutcome(s),
    trainingNeeds: trainingNeeds(s),
    support: agreedSupport(s),
    appeals: caseAppeals(s),
    partTime: ctx.people.find((p) => p.id === s.revieweeId)?.partTime ?? false,
    equality: ctx.equality?.get(s.revieweeId) ?? null,
  };
}

/** Every case of a school and cycle as report inputs. */
export function reportInputsFromCases(cases: readonly CaseState[], ctx: FromCasesContext): ReportCaseInput[] {
  return cases.map((s) => caseReportInput(s, ctx));
}

/** What the reports remove from free text: every name, email, staff id and person id on the roster and in the cases. */
export function redactTerms(people: readonly Person[], cases: readonly CaseState[] = []): string[] {
  const terms = [...people.flatMap((p) => [p.name, p.email, p.staffId, p.id]), ...cases.flatMap((s) => [...Object.keys(s.names), ...Object.values(s.names)])];
  return [...new Set(terms.filter((t) => t.trim() !== ''))];
}

/** Codes of the payroll mapping's expected failures. */
export type PayFromCasesError = 'PAYROLL.NO_PAY_POINT' | 'PAYROLL.NO_STAFF_ID';

/** Each head-approved recommendation with the staff id payroll knows the person by (R-PAY-1). */
export function approvedWithStaffIds(cases: readonly CaseState[], people: readonly Person[]): Result<Omit<PayRecommendation, 'currentPoint'>[], PayFromCasesError> {
  const out: Omit<PayRecommendation, 'currentPoint'>[] = [];
  for (const s of cases) {
    const rec = s.pay.recommendation;
    if (!s.payEligible || !rec || !s.pay.approval) continue;
    const person = people.find((p) => p.id === s.revieweeId);
    if (!person) return fail('PAYROLL.NO_STAFF_ID', `The person of case ${s.id} is not on the roster, so there is no staff id for payroll.`);
    out.push({ staffId: person.staffId, recommendation: rec.recommendation, approvedOn: londonDay(s.pay.approval.at) });
  }
  return ok(out);
}

/** Head-approved recommendations with each person's staff id and current point, for the payroll export (R-PAY-1). */
export function payRecommendationsFromCases(
  cases: readonly CaseState[],
  people: readonly Person[],
  points: ReadonlyMap<string, number>,
): Result<PayRecommendation[], PayFromCasesError> {
  const approved = approvedWithStaffIds(cases, people);
  if (!approved.ok) return approved;
  const out: PayRecommendation[] = [];
  for (const rec of approved.value) {
    const point = points.get(rec.staffId);
    if (point === undefined) return fail('PAYROLL.NO_PAY_POINT', `There is no current pay point for staff id ${rec.staffId}.`);
    out.push({ ...rec, currentPoint: point });
  }
  return ok(out);
}

/** How the reports and chat name a cycle: "2026 to 2027", or "2026" for a cycle within one calendar year. */
export function cycleLabel(timeline: { readonly start: CivilDate; readonly end: CivilDate }): string {
  const [from, to] = [timeline.start.slice(0, 4), timeline.end.slice(0, 4)];
  return from === to ? from : `${from} to ${to}`;
}

/** What the governors' report of one cycle is made from: the school's stored cases and roster, and its policy. */
export interface CycleReportSource extends FromCasesContext {
  readonly schoolName: string;
  readonly timeline: { readonly start: CivilDate; readonly end: CivilDate };
  readonly cases: readonly CaseState[];
  /** The smallest number to publish; the report's default when not given (R-RPT-1). */
  readonly threshold?: number;
}

/**
 * The governors' report of one cycle from its stored cases (R-RPT-1): the one way it is built, whether the
 * administrator prints it, the head opens it from a link, or the chat summarises it.
 */
export function cycleGovernorsReport(src: CycleReportSource): Result<GovernorsReport, ReportErrorCode> {
  const { cases, people, policy, timeline } = src;
  return buildGovernorsReport(reportInputsFromCases(cases, src), {
    schoolName: src.schoolName,
    cycleLabel: cycleLabel(timeline),
    ratingScale: policy.finalRatingScale,
    deadlineRules: caseDeadlineRules(policy, timeline.start),
    redact: redactTerms(people, cases),
    ...(src.threshold === undefined ? {} : { threshold: src.threshold }),
  });
}
