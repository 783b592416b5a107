import { dateInWords } from '../shared/london-time';
import { assertNever } from '../shared/result';
import { payrollRow } from './payroll-export';
import type { PayRecommendation, PayrollExport, PayrollRow } from './payroll-export';

// Once pay data has gone to payroll, a later change to a recommendation is flagged to the headteacher, never
// applied silently: the export stays as it was sent, and these are the differences to pass on (R-PAY-1, R-CAL-2).

/** A difference between what payroll has and the approved recommendations now. */
export type PayrollChange =
  | { readonly type: 'added'; readonly staffId: string; readonly now: PayrollRow }
  | { readonly type: 'removed'; readonly staffId: string; readonly was: PayrollRow }
  | { readonly type: 'changed'; readonly staffId: string; readonly was: PayrollRow; readonly now: PayrollRow };

const same = (a: PayrollRow, b: PayrollRow) => a.currentPoint === b.currentPoint && a.recommendation === b.recommendation && a.newPoint === b.newPoint;

/** The changes made after an export, by staff id; an unchanged approval given again is not a change. */
export function diffSinceExport(previous: PayrollExport, current: readonly PayRecommendation[]): PayrollChange[] {
  const was = new Map(previous.rows.map((r) => [r.staffId, r]));
  const now = new Map(current.map((r) => [r.staffId, payrollRow(r, previous.effectiveDate)]));
  const ids = [...new Set([...was.keys(), ...now.keys()])].sort((a, b) => a.localeCompare(b, 'en-GB'));
  return ids.flatMap((staffId): PayrollChange[] => {
    const [before, after] = [was.get(staffId), now.get(staffId)];
    if (before && after) return same(before, after) ? [] : [{ type: 'changed', staffId, was: before, now: after }];
    if (after) return [{ type: 'added', staffId, now: after }];
    return before ? [{ type: 'removed', staffId, was: before }] : [];
  });
}

function outcome(row: PayrollRow): string {
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
      return `${change.staffId}: not in the export; now approved: ${outcome(change.now)}.`;
    case 'removed':
      return `${change.staffId}: payroll has ${outcome(change.was)}; there is no approved recommendation now.`;
    default:
      return assertNever(change);
  }
}

/** The note to the headteacher about changes since the export, or `null` when there are none. */
export function payrollChangesMessage(previous: PayrollExport, changes: readonly PayrollChange[]): string | null {
  if (changes.length === 0) return null;
  const intro = `${changes.length === 1 ? 'A pay recommendation has' : 'Some pay recommendations have'} changed since the payroll export on ${dateInWords(previous.exportedOn)}. Payroll still has the earlier figures, so please let them know:`;
  return [intro, ...changes.map((c) => `• ${line(c)}`)].join('\n');
}
