import { dueForDestruction, expiredCases, keptUntil } from '../../services/records';

describe('retention (R-PRV-2)', () => {
  it.each([
    ['2026-08-31', '2032-08-31', '2032-09-01'],
    ['2028-02-29', '2034-02-28', '2034-03-01'],
  ])('R-PRV-2: a cycle ending %s is kept until %s and due on %s', (end, kept, due) => {
    expect(keptUntil(end)).toBe(kept);
    expect(dueForDestruction(end)).toBe(due);
  });

  it('R-PRV-2: a case is kept on the last day of year six and listed the day after', () => {
    const cases = [{ id: 'case-a', cycleEnd: '2026-08-31' }, { id: 'case-b', cycleEnd: '2027-08-31' }];
    expect(expiredCases(cases, '2032-08-31')).toEqual([]);
    expect(expiredCases(cases, '2032-09-01')).toEqual([{ caseId: 'case-a', cycleEnd: '2026-08-31', keptUntil: '2032-08-31' }]);
  });
});
