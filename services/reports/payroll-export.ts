import { z } from 'zod/v4';
import type { SchoolPolicy } from '../policy/school-policy';
import { dateInWords } from '../shared/london-time';
import { fail, ok } from '../shared/result';
import type { Result } from '../shared/result';
import { civilDateSchema } from '../shared/time';
import type { CivilDate } from '../shared/time';
import { csvText } from './csv-text';

// The head-approved pay recommendations as CSV for entry into payroll (SAP), from the policy's data-ready date
// (R-PAY-1, R-CAL-2). This file is not anonymous: payroll needs staff ids, so it goes to the headteacher only.
// An export is never changed afterwards: later changes are listed for the head to pass on.

/** A recommendation the headteacher has approved (R-PAY-1). */
export const payRecommendationSchema = z
  .object({
    staffId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/, 'must be a payroll staff id'),
    currentPoint: z.number().int().min(1).max(99),
    recommendation: z.enum(['increment', 'top-of-grade', 'withhold']),
    approvedOn: civilDateSchema,
  })
  .strict();
/** An approved recommendation. */
export type PayRecommendation = z.infer<typeof payRecommendationSchema>;

/** One line of the payroll file. */
export interface PayrollRow {
  readonly staffId: string;
  readonly currentPoint: number;
  readonly recommendation: PayRecommendation['recommendation'];
  readonly newPoint: number;
  readonly effectiveDate: CivilDate;
}

/** What was sent to payroll, and when. */
export interface PayrollExport {
  readonly exportedOn: CivilDate;
  readonly effectiveDate: CivilDate;
  readonly rows: readonly PayrollRow[];
}

/** Codes of the payroll export's expected failures. */
export type PayrollErrorCode = 'PAYROLL.NOT_READY' | 'PAYROLL.INVALID_INPUT' | 'PAYROLL.DUPLICATE_STAFF' | 'PAYROLL.NO_EFFECTIVE_DATE';

/** The dates of a cycle's pay change: when it takes effect, and from when the data may go to payroll (R-CAL-2). */
export function payrollDates(policy: SchoolPolicy, cycleYear: number): Result<{ effectiveDate: CivilDate; dataReadyDate: CivilDate | null }, PayrollErrorCode> {
  const dates = policy.timeline(cycleYear).dates;
  const effective = dates.find((d) => d.rule === 'pay.effective');
  if (!effective) return fail('PAYROLL.NO_EFFECTIVE_DATE', 'The school’s policy has no date for pay changes to take effect, so there is nothing to send to payroll.');
  return ok({ effectiveDate: effective.due, dataReadyDate: dates.find((d) => d.rule === 'payroll.data-ready')?.due ?? null });
}

/** A recommendation as a payroll line, with its new point (R-PAY-1). */
export const payrollRow = (r: Pick<PayRecommendation, 'staffId' | 'currentPoint' | 'recommendation'>, effectiveDate: CivilDate): PayrollRow => ({
  staffId: r.staffId,
  currentPoint: r.currentPoint,
  recommendation: r.recommendation,
  // R-PAY-1: one increment; at the top of the grade or withheld, the point stays.
  newPoint: r.recommendation === 'increment' ? r.currentPoint + 1 : r.currentPoint,
  effectiveDate,
});

function parseAll(recommendations: readonly unknown[]): Result<PayRecommendation[], PayrollErrorCode> {
  const parsed: PayRecommendation[] = [];
  for (const [i, raw] of recommendations.entries()) {
    const r = payRecommendationSchema.safeParse(raw);
    if (!r.success) return fail('PAYROLL.INVALID_INPUT', `Pay recommendation ${i + 1} is not valid: ${r.error.issues[0]?.path.join('.') ?? ''} ${r.error.issues[0]?.message ?? ''}`.trim());
    parsed.push(r.data);
  }
  const ids = parsed.map((r) => r.staffId);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice !== undefined) return fail('PAYROLL.DUPLICATE_STAFF', `Staff id ${twice} has more than one approved recommendation.`);
  return ok(parsed);
}

/** The payroll export, from the data-ready date on (R-CAL-2); `today` comes from the caller's clock. */
export function buildPayrollExport(
  recommendations: readonly PayRecommendation[],
  dates: { readonly today: CivilDate; readonly effectiveDate: CivilDate; readonly dataReadyDate: CivilDate | null },
): Result<PayrollExport, PayrollErrorCode> {
  if (dates.dataReadyDate !== null && dates.today < dates.dataReadyDate) {
    return fail('PAYROLL.NOT_READY', `Pay data can go to payroll from ${dateInWords(dates.dataReadyDate)} ${dates.dataReadyDate.slice(0, 4)}.`);
  }
  const parsed = parseAll(recommendations);
  if (!parsed.ok) return parsed;
  const rows = parsed.value.map((r) => payrollRow(r, dates.effectiveDate)).sort((a, b) => a.staffId.localeCompare(b.staffId, 'en-GB'));
  return ok({ exportedOn: dates.today, effectiveDate: dates.effectiveDate, rows });
}

const RECOMMENDATION_CODES: Readonly<Record<PayrollRow['recommendation'], string>> = { increment: 'increment', 'top-of-grade': 'top-of-grade', withhold: 'withheld' };

/** The export as CSV for payroll: staff id, current point, recommendation, new point, effective date. */
export function renderPayrollCsv(payroll: PayrollExport): string {
  return csvText([
    ['Staff ID', 'Current point', 'Recommendation', 'New point', 'Effective date'],
    ...payroll.rows.map((r) => [r.staffId, r.currentPoint, RECOMMENDATION_CODES[r.recommendation], r.newPoint, r.effectiveDate]),
  ]);
}
