import { createHash } from 'node:crypto';
import type { CaseState } from '../case/case-state.schema';
import type { Person } from '../people/person.schema';
import type { SchoolPolicy } from '../policy';
import type { PayrollExportRecord, Store } from '../ports/store.port';
import { dateInWords } from '../shared/london-time';
import { assertNever, ok } from '../shared/result';
import type { Result } from '../shared/result';
import type { CivilDate } from '../shared/time';
import { approvedWithStaffIds } from './from-cases';
import type { PayFromCasesError } from './from-cases';
import { payrollRow } from './payroll-export';
import type { PayRecommendation, PayrollExport, PayrollRow } from './payroll-export';

// Once pay data has gone to payroll, a later change to a recommendation is flagged to the headteacher, never
// applied silently: the export stays as it was sent, and these are the differences to pass on (R-PAY-1, R-CAL-2).
// Today a change after approval comes from a late approval (added) or a case restarted by a transfer, which
// clears its pay (removed) until it is recommended and approved again (changed, when the outcome differs).

/**
 * A head-approved recommendation as the comparison sees it. Payroll's own point stands for anyone it has, so the
 * current point is needed only for someone it does not have, and may be unknown (no points file at hand).
 */
export interface ApprovedPay {
  readonly staffId: string;
  readonly recommendation: PayRecommendation['recommendation'];
  readonly currentPoint?: number | null;
}

/** A difference between what payroll has and the approved recommendations now. */
export type PayrollChange =
  | { readonly type: 'added'; readonly staffId: string; readonly recommendation: PayRecommendation['recommendation']; readonly now: PayrollRow | null }
  | { readonly type: 'removed'; readonly staffId: string; readonly was: PayrollRow }
  | { readonly type: 'changed'; readonly staffId: string; readonly was: PayrollRow; readonly now: PayrollRow };

/** The changes made after an export, by staff id; an unchanged approval given again is not a change. */
export function diffSinceExport(previous: PayrollExport, current: readonly ApprovedPay[]): PayrollChange[] {
  const was = new Map(previous.rows.map((r) => [r.staffId, r]));
  const now = new Map(current.map((r) => [r.staffId, r]));
  const ids = [...new Set([...was.keys(), ...now.keys()])].sort((a, b) => a.localeCompare(b, 'en-GB'));
  return ids.flatMap((staffId): PayrollChange[] => {
    const [before, after] = [was.get(staffId), now.get(staffId)];
    if (before && after) {
      if (before.recommendation === after.recommendation) return [];
      return [{ type: 'changed', staffId, was: before, now: payrollRow({ ...after, currentPoint: before.currentPoint }, previous.effectiveDate) }];
    }
    if (after) {
      const point = after.currentPoint ?? null;
      return [{ type: 'added', staffId, recommendation: after.recommendation, now: point === null ? null : payrollRow({ ...after, currentPoint: point }, previous.effectiveDate) }];
    }
    return before ? [{ type: 'removed', staffId, was: before }] : [];
  });
}

/** Every head-approved recommendation of a cycle's cases, by staff id, without pay points (R-PAY-1). */
export function approvedPayFromCases(cases: readonly CaseState[], people: readonly Person[]): Result<ApprovedPay[], PayFromCasesError> {
  const approved = approvedWithStaffIds(cases, people);
  return approved.ok ? ok(approved.value.map(({ staffId, recommendation }) => ({ staffId, recommendation }))) : approved;
}

/** A recommendation's kind in words, for when the pay point is not known. */
export const KIND_WORDS: Readonly<Record<PayRecommendation['recommendation'], string>> = { increment: 'an increment', 'top-of-grade': 'top of the grade', withhold: 'increment withheld' };

/** A payroll line's outcome in words, with its point: "an increment to point 5". */
export function outcome(row: PayrollRow): string {
  switch (row.recommendation) {
    case 'increment':
      return `an increment to point ${row.newPoint}`;
    case 'top-of-grade':
      return `top of the grade, staying on point ${row.currentPoint}`;
    case 'withhold':
      return `increment withheld, staying on point ${row.currentPoint}`;
    default:
      return assertNever(row.recommendation);
  }
}

function line(change: PayrollChange): string {
  switch (change.type) {
    case 'changed':
      return `${change.staffId}: payroll has ${outcome(change.was)}; it is now ${outcome(change.now)}.`;
    case 'added':
      return `${change.staffId}: not in the export; now approved: ${change.now ? outcome(change.now) : `${KIND_WORDS[change.recommendation]} (current point not given)`}.`;
    case 'removed':
      return `${change.staffId}: payroll has ${outcome(change.was)}; there is no approved recommendation now.`;
    default:
      return assertNever(change);
  }
}

/** The note to the headteacher about changes since the export, line by line with staff ids, or `null` when there are none. */
export function payrollChangesMessage(previous: Pick<PayrollExport, 'exportedOn'>, changes: readonly PayrollChange[]): string | null {
  if (changes.length === 0) return null;
  const intro = `${changes.length === 1 ? 'A pay recommendation has' : 'Some pay recommendations have'} changed since the payroll export on ${dateInWords(previous.exportedOn)}. Payroll still has the earlier figures, so please let them know:`;
  return [intro, ...changes.map((c) => `• ${line(c)}`)].join('\n');
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The same news for a chat message: how many changed and how, with no staff id or name (those stay in the admin
 * command's output), and that payroll still has the earlier figures. `null` when nothing changed.
 */
export function payrollChangesSummary(previous: Pick<PayrollExport, 'exportedOn'>, changes: readonly PayrollChange[]): { title: string; lines: string[] } | null {
  if (changes.length === 0) return null;
  const of = (type: PayrollChange['type']) => changes.filter((c) => c.type === type).length;
  const kinds = [
    of('added') > 0 ? `${count(of('added'), 'recommendation was', 'recommendations were')} approved that payroll does not have` : null,
    of('changed') > 0 ? `${count(of('changed'), 'recommendation was', 'recommendations were')} approved differently from what payroll has` : null,
    of('removed') > 0 ? `${count(of('removed'), 'recommendation', 'recommendations')} that payroll has ${of('removed') === 1 ? 'is' : 'are'} no longer approved` : null,
  ].filter((k): k is string => k !== null);
  return {
    title: `${changes.length === 1 ? 'A pay recommendation has' : `${changes.length} pay recommendations have`} changed since the payroll export`,
    lines: [
      `Since the payroll export on ${dateInWords(previous.exportedOn)}: ${kinds.join('; ')}.`,
      'Payroll still has the earlier figures: nothing there has been changed, so please let them know.',
    ],
  };
}

/** A short fingerprint of a set of changes: the same set gives the same key, any other set another (flagged once each). */
export function payrollChangeSetKey(changes: readonly PayrollChange[]): string {
  const parts = changes
    .map((c) => [c.type, c.staffId, c.type === 'added' ? c.recommendation : c.was.recommendation, c.type === 'changed' ? c.now.recommendation : ''].join('|'))
    .sort();
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 16);
}

/**
 * The cycles whose pay may still change today: the current one and the two before it. A cycle's pay goes to payroll
 * after the cycle ends, and a case restarted by a transfer runs a cycle of its own whose final review, and so its
 * pay approval, may come as late as the end of the year after next.
 */
export function cyclesInPay(policy: SchoolPolicy, today: CivilDate): CivilDate[] {
  const current = policy.cycleContaining(today).start;
  const yearsBack = (n: number) => policy.cycleContaining(`${Number(current.slice(0, 4)) - n}${current.slice(4)}`).start;
  return [...new Set([yearsBack(2), yearsBack(1), current])];
}

/** What the notice's button carries as its `caseId`, the same id its reminder is filed under: the export's cycle. */
export const payrollOpenId = (cycleId: CivilDate): string => `payroll:${cycleId}`;

/**
 * The changes since a stored export: the cycle's head-approved recommendations now, compared with what payroll has,
 * with the school's people (for the screen's names). Fails when a case's reviewee has no staff id to compare by.
 */
export async function changesSinceExport(
  store: Pick<Store<CaseState>, 'people' | 'cases'>,
  exp: PayrollExportRecord,
): Promise<Result<{ changes: PayrollChange[]; people: Person[] }, PayFromCasesError>> {
  const cases = (await store.cases.listByCycle(exp.schoolId, exp.cycleId)).map((e) => e.state);
  const people = await store.people.list(exp.schoolId);
  const approved = approvedPayFromCases(cases, people);
  return approved.ok ? ok({ changes: diffSinceExport(exp, approved.value), people }) : approved;
}
