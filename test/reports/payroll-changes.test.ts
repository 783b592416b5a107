import { approvedPayFromCases, diffSinceExport, payrollChangeSetKey, payrollChangesMessage, payrollChangesSummary, payrollRow } from '../../services/reports';
import type { ApprovedPay, PayrollExport } from '../../services/reports';
import { personSchema } from '../../services/people/person.schema';
import { play, policyOf, SPT_SCRIPT } from '../case/case-fixtures';

// What payroll has (invented staff ids), and the approvals now compared without a points file.
const EXPORTED: PayrollExport = {
  exportedOn: '2026-12-01',
  effectiveDate: '2027-04-01',
  rows: [
    payrollRow({ staffId: 'OAK-101', currentPoint: 4, recommendation: 'increment' }, '2027-04-01'),
    payrollRow({ staffId: 'OAK-102', currentPoint: 7, recommendation: 'withhold' }, '2027-04-01'),
    payrollRow({ staffId: 'OAK-103', currentPoint: 25, recommendation: 'top-of-grade' }, '2027-04-01'),
  ],
};
const NOW: ApprovedPay[] = [
  { staffId: 'OAK-102', recommendation: 'increment' },
  { staffId: 'OAK-103', recommendation: 'top-of-grade' },
  { staffId: 'OAK-104', recommendation: 'withhold' },
];

describe('changes since the payroll export, without pay points (R-PAY-1)', () => {
  it('R-PAY-1: payroll’s own point stands for someone it has; someone it does not have is added with the recommendation only', () => {
    const changes = diffSinceExport(EXPORTED, NOW);
    expect(changes).toEqual([
      { type: 'removed', staffId: 'OAK-101', was: EXPORTED.rows[0] },
      { type: 'changed', staffId: 'OAK-102', was: EXPORTED.rows[1], now: payrollRow({ staffId: 'OAK-102', currentPoint: 7, recommendation: 'increment' }, '2027-04-01') },
      { type: 'added', staffId: 'OAK-104', recommendation: 'withhold', now: null },
    ]);
    expect(payrollChangesMessage(EXPORTED, changes)?.split('\n')).toEqual([
      'Some pay recommendations have changed since the payroll export on Tuesday 1 December. Payroll still has the earlier figures, so please let them know:',
      '• OAK-101: payroll has an increment to point 5; there is no approved recommendation now.',
      '• OAK-102: payroll has increment withheld, staying on point 7; it is now an increment to point 8.',
      '• OAK-104: not in the export; now approved: increment withheld (current point not given).',
    ]);
  });

  it('R-PAY-1: a point given for someone payroll has is not a change; for someone new it gives the new point', () => {
    const changes = diffSinceExport(EXPORTED, [
      { staffId: 'OAK-101', recommendation: 'increment', currentPoint: 9 },
      { staffId: 'OAK-103', recommendation: 'top-of-grade' },
      { staffId: 'OAK-104', recommendation: 'withhold' },
      { staffId: 'OAK-105', recommendation: 'increment', currentPoint: 3 },
    ]);
    expect(changes.map((c) => [c.type, c.staffId])).toEqual([['removed', 'OAK-102'], ['added', 'OAK-104'], ['added', 'OAK-105']]);
    expect(changes[2]).toEqual({ type: 'added', staffId: 'OAK-105', recommendation: 'increment', now: payrollRow({ staffId: 'OAK-105', currentPoint: 3, recommendation: 'increment' }, '2027-04-01') });
  });

  it('R-PAY-1: the chat summary gives how many changed and how, names no one and no staff id, and says payroll still has the earlier figures', () => {
    const summary = payrollChangesSummary(EXPORTED, diffSinceExport(EXPORTED, NOW));
    expect(summary).toEqual({
      title: '3 pay recommendations have changed since the payroll export',
      lines: [
        'Since the payroll export on Tuesday 1 December: 1 recommendation was approved that payroll does not have; 1 recommendation was approved differently from what payroll has; 1 recommendation that payroll has is no longer approved.',
        'Payroll still has the earlier figures: nothing there has been changed, so please let them know.',
      ],
    });
    expect(JSON.stringify(summary)).not.toMatch(/OAK-/);
    expect(payrollChangesSummary(EXPORTED, diffSinceExport(EXPORTED, [NOW[1]!, NOW[1]!]))?.title).toBe('2 pay recommendations have changed since the payroll export');
    expect(payrollChangesSummary(EXPORTED, [])).toBeNull();
  });

  it('R-PAY-1: the same set of changes has one key, in any order; a different set another', () => {
    const changes = diffSinceExport(EXPORTED, NOW);
    expect(payrollChangeSetKey([...changes].reverse())).toBe(payrollChangeSetKey(changes));
    expect(payrollChangeSetKey(changes.slice(1))).not.toBe(payrollChangeSetKey(changes));
    const differently = diffSinceExport(EXPORTED, [{ ...NOW[0]!, recommendation: 'top-of-grade' }, ...NOW.slice(1)]);
    expect(payrollChangeSetKey(differently)).not.toBe(payrollChangeSetKey(changes));
  });

  it('R-PAY-1: only head-approved recommendations of eligible cases count, by the reviewee’s staff id', () => {
    const policy = policyOf('spt');
    const states = play(policy, SPT_SCRIPT).map((x) => x.state);
    const approved = states.find((s) => s.pay.approval !== null)!;
    const recommended = states.find((s) => s.pay.recommendation !== null && s.pay.approval === null)!;
    const alex = personSchema.parse({ id: approved.revieweeId, schoolId: 'school-1', staffId: 'OAK-1', name: 'Alex Morgan', email: 'alex@oakfield.example', startDate: '2019-09-02' });
    expect(approvedPayFromCases([approved, recommended], [alex])).toEqual({ ok: true, value: [{ staffId: 'OAK-1', recommendation: approved.pay.recommendation?.recommendation }] });
    expect(approvedPayFromCases([{ ...approved, payEligible: false }], [alex])).toEqual({ ok: true, value: [] });
    expect(approvedPayFromCases([approved], [])).toMatchObject({ ok: false, error: { code: 'PAYROLL.NO_STAFF_ID' } });
  });
});
