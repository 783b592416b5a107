import { createSchoolPolicy } from '../../services/policy';
import type { SchoolPolicy } from '../../services/policy';
import { buildPayrollExport, diffSinceExport, payrollChangesMessage, payrollDates, renderPayrollCsv } from '../../services/reports';
import type { PayRecommendation, PayrollExport } from '../../services/reports';
import { ROSTER } from './report-fixtures';

const policyOf = (presetId: string): SchoolPolicy => {
  const result = createSchoolPolicy({ presetId });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};
const id = (i: number) => ROSTER[i]?.staffId as string;

// A seeded cycle under the Hampshire model: September 2025 to August 2026, data ready 1 December 2026, pay from 1 April 2027.
const APPROVED: PayRecommendation[] = [
  { staffId: id(3), currentPoint: 12, recommendation: 'increment', approvedOn: '2026-11-20' },
  { staffId: id(1), currentPoint: 7, recommendation: 'withhold', approvedOn: '2026-11-23' },
  { staffId: id(2), currentPoint: 25, recommendation: 'top-of-grade', approvedOn: '2026-11-24' },
  { staffId: id(0), currentPoint: 4, recommendation: 'increment', approvedOn: '2026-11-25' },
];

function exported(today = '2026-12-01'): PayrollExport {
  const dates = payrollDates(policyOf('hampshire-model'), 2025);
  if (!dates.ok) throw new Error(dates.error.message);
  const result = buildPayrollExport(APPROVED, { today, ...dates.value });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('payroll export (R-PAY-1, R-CAL-2)', () => {
  it("R-CAL-2: the policy's dates: data ready in December, pay effective the next 1 April", () => {
    expect(payrollDates(policyOf('hampshire-model'), 2025)).toEqual({ ok: true, value: { effectiveDate: '2027-04-01', dataReadyDate: '2026-12-01' } });
    expect(payrollDates(policyOf('test-valley'), 2025)).toEqual({ ok: true, value: { effectiveDate: '2026-04-01', dataReadyDate: null } });
    expect(payrollDates(policyOf('spt'), 2025)).toMatchObject({ ok: false, error: { code: 'PAYROLL.NO_EFFECTIVE_DATE' } });
  });

  it('R-PAY-1: the CSV for the seeded cycle: one line per approved recommendation, by staff id, with the new point', () => {
    expect(renderPayrollCsv(exported()).split('\r\n')).toEqual([
      'Staff ID,Current point,Recommendation,New point,Effective date',
      `${id(0)},4,increment,5,2027-04-01`,
      `${id(1)},7,withheld,7,2027-04-01`,
      `${id(2)},25,top-of-grade,25,2027-04-01`,
      `${id(3)},12,increment,13,2027-04-01`,
      '',
    ]);
  });

  it('R-CAL-2: not available before the data-ready date, with the date in words', () => {
    const dates = payrollDates(policyOf('hampshire-model'), 2025);
    if (!dates.ok) throw new Error(dates.error.message);
    expect(buildPayrollExport(APPROVED, { today: '2026-11-30', ...dates.value })).toEqual({
      ok: false,
      error: { code: 'PAYROLL.NOT_READY', message: 'Pay data can go to payroll from Tuesday 1 December 2026.' },
    });
  });

  it.each([
    ['the same person twice', [APPROVED[0], { ...APPROVED[0], recommendation: 'withhold' }], 'PAYROLL.DUPLICATE_STAFF'],
    ['a staff id that is not one', [{ ...APPROVED[0], staffId: '=cmd()' }], 'PAYROLL.INVALID_INPUT'],
    ['a point that is not a whole number', [{ ...APPROVED[0], currentPoint: 4.5 }], 'PAYROLL.INVALID_INPUT'],
  ])('R-PAY-1: refuses %s', (_name, recommendations, code) => {
    const result = buildPayrollExport(recommendations as PayRecommendation[], { today: '2026-12-01', effectiveDate: '2027-04-01', dataReadyDate: '2026-12-01' });
    expect(result.ok ? 'ok' : result.error.code).toBe(code);
  });
});

describe('changes after the payroll export (R-PAY-1)', () => {
  it('R-PAY-1: a recommendation changed after the export is flagged to the head and the export stays as sent', () => {
    const before = exported();
    const sent = renderPayrollCsv(before);
    const now = APPROVED.map((r) => (r.staffId === id(3) ? { ...r, recommendation: 'withhold' as const, approvedOn: '2026-12-08' } : r));
    const changes = diffSinceExport(before, now);
    expect(changes).toEqual([
      {
        type: 'changed',
        staffId: id(3),
        was: { staffId: id(3), currentPoint: 12, recommendation: 'increment', newPoint: 13, effectiveDate: '2027-04-01' },
        now: { staffId: id(3), currentPoint: 12, recommendation: 'withhold', newPoint: 12, effectiveDate: '2027-04-01' },
      },
    ]);
    expect(payrollChangesMessage(before, changes)).toBe(
      'A pay recommendation has changed since the payroll export on Tuesday 1 December. Payroll still has the earlier figures, so please let them know:\n' +
        `• ${id(3)}: payroll has an increment to point 13; it is now increment withheld, staying on point 12.`,
    );
    expect(renderPayrollCsv(before)).toBe(sent);
  });

  it('R-PAY-1: a recommendation approved after the export, and one taken back, are flagged too', () => {
    const extra: PayRecommendation = { staffId: id(4), currentPoint: 9, recommendation: 'increment', approvedOn: '2026-12-10' };
    const changes = diffSinceExport(exported(), [...APPROVED.slice(1), extra]);
    expect(changes.map((c) => [c.type, c.staffId])).toEqual([
      ['removed', id(3)],
      ['added', id(4)],
    ]);
    expect(payrollChangesMessage(exported(), changes)).toContain('Some pay recommendations have changed');
  });

  it('R-PAY-1: approving the same recommendation again is not a change', () => {
    const again = APPROVED.map((r) => ({ ...r, approvedOn: '2026-12-15' }));
    expect(diffSinceExport(exported(), again)).toEqual([]);
    expect(payrollChangesMessage(exported(), [])).toBeNull();
  });
});
