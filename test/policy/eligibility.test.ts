import type { PersonStatus } from '../../services/policy';
import { policyOf } from './policy-fixtures';

describe('who is in the scheme (R-ELG-1)', () => {
  const IN = true;
  const OUT = false;
  it.each([
    // test-valley Principles: formal or informal capability; induction is not mentioned.
    ['test-valley', 'none', IN], ['test-valley', 'induction', IN], ['test-valley', 'informal-capability', OUT], ['test-valley', 'formal-capability', OUT],
    // hampshire-model Application: formal induction (NQTs) and the Capability Policy (suspended at 6.12.4).
    ['hampshire-model', 'none', IN], ['hampshire-model', 'induction', OUT], ['hampshire-model', 'informal-capability', IN], ['hampshire-model', 'formal-capability', OUT],
    // spt 15.1: capability replaces performance management.
    ['spt', 'none', IN], ['spt', 'induction', IN], ['spt', 'informal-capability', IN], ['spt', 'formal-capability', OUT],
    ['propeller', 'none', IN], ['propeller', 'induction', IN], ['propeller', 'informal-capability', IN], ['propeller', 'formal-capability', OUT],
  ] as const)('R-ELG-1: %s, status %s: in the scheme %s', (preset, status, eligible) => {
    const start = preset === 'test-valley' ? '2026-03-01' : '2026-09-01';
    const answer = policyOf(preset).cycleFor({ start, status: status as PersonStatus });
    expect(answer.eligible).toBe(eligible);
    if (eligible) expect(answer.phases).toHaveLength(3);
    else expect(answer).toEqual(expect.objectContaining({ reasonCode: status, reason: expect.stringMatching(/not in the scheme/), phases: [] }));
  });

  it.each(['test-valley', 'propeller', 'spt', 'hampshire-model'])('R-ELG-1, R-CYC-3: %s: a contract of less than one term (12 weeks) is out, exactly 12 weeks is in', (preset) => {
    // 4 Jan to 26 Mar 2027 is 82 days; to 28 Mar is 84 days, twelve weeks.
    const policy = policyOf(preset);
    expect(policy.cycleFor({ start: '2027-01-04', contractEnd: '2027-03-26' })).toEqual(
      expect.objectContaining({ eligible: false, reasonCode: 'short-contract', reason: 'Contracts of less than one term are not in the scheme.' }),
    );
    expect(policy.cycleFor({ start: '2027-01-04', contractEnd: '2027-03-28' })).toEqual(
      expect.objectContaining({ eligible: true, placement: 'fixed-term', start: '2027-01-04', end: '2027-03-28' }),
    );
  });

  it('R-ELG-1: a contract that ends before it starts is refused with a reason to check the dates', () => {
    expect(policyOf('spt').cycleFor({ start: '2027-01-04', contractEnd: '2027-01-03' })).toEqual(
      expect.objectContaining({ eligible: false, reasonCode: 'contract-ends-before-start', reason: expect.stringMatching(/check the dates/) }),
    );
  });
});

describe('fixed-term contracts (R-CYC-3)', () => {
  // A test-valley starter on 1 September 2026, month by month of contract: under a term is out; under a
  // year the cycle is the contract; a whole year joins the current cycle (to 28 February).
  it.each([
    ['2026-09-30', false, null, null, '30 days'],
    ['2026-10-31', false, null, null, '61 days'],
    ['2026-11-22', false, null, null, '83 days: a day short of a term'],
    ['2026-11-23', true, 'fixed-term', '2026-11-23', '84 days: exactly a term'],
    ['2026-11-30', true, 'fixed-term', '2026-11-30', '3 months'],
    ['2026-12-31', true, 'fixed-term', '2026-12-31', '4 months'],
    ['2027-02-28', true, 'fixed-term', '2027-02-28', '6 months, to the cycle end'],
    ['2027-03-31', true, 'fixed-term', '2027-03-31', '7 months, past the cycle end: still the contract'],
    ['2027-05-31', true, 'fixed-term', '2027-05-31', '9 months'],
    ['2027-07-31', true, 'fixed-term', '2027-07-31', '11 months'],
    ['2027-08-30', true, 'fixed-term', '2027-08-30', 'a year less a day'],
    ['2027-08-31', true, 'joined', '2027-02-28', 'a whole year: an ordinary joiner'],
  ])('R-CYC-3: test-valley, 1 Sep 2026 to %s: in %s, %s, cycle end %s (%s)', (contractEnd, eligible, placement, end, _why) => {
    const answer = policyOf('test-valley').cycleFor({ start: '2026-09-01', contractEnd });
    expect(answer.eligible).toBe(eligible);
    if (eligible) expect(answer).toEqual(expect.objectContaining({ placement, end, reducedObjectives: true, objectiveLimit: 2 }));
  });

  it.each([
    ['test-valley', '2026-04-15', '2026-12-31', 'fixed-term', '2026-12-31', false, 'an April start keeps full objectives'],
    ['test-valley', '2026-03-01', '2026-08-31', 'fixed-term', '2026-08-31', false, 'from the first day of the cycle'],
    ['test-valley', '2026-12-01', '2027-11-30', 'extended', '2027-11-30', false, 'a year’s contract ends the extended cycle early'],
    ['spt', '2026-09-01', '2027-08-31', 'standard', '2027-08-31', false, 'a year’s contract is the standard cycle'],
    ['spt', '2026-09-01', '2027-08-30', 'fixed-term', '2027-08-30', false, 'a day short of a year'],
    ['hampshire-model', '2027-01-04', '2027-06-30', 'fixed-term', '2027-06-30', false, 'six months'],
    ['propeller', '2027-04-01', '2027-10-31', 'fixed-term', '2027-10-31', false, 'seven months'],
  ])('R-CYC-3: %s from %s to %s: %s cycle to %s, reduced %s (%s)', (preset, start, contractEnd, placement, end, reduced) => {
    expect(policyOf(preset).cycleFor({ start, contractEnd })).toEqual(expect.objectContaining({ eligible: true, placement, end, reducedObjectives: reduced }));
  });

  it('R-CYC-3: a fixed-term cycle has its own planning, interim about half-way and a final review in its last month', () => {
    // 1 Sep 2026 to 21 Jul 2027 is 324 days: planning to the end of October; the middle is day 163, 10 Feb,
    // with 30 days either side; the final review is the contract's last 30 days.
    expect(policyOf('spt').cycleFor({ start: '2026-09-01', contractEnd: '2027-07-21' }).phases).toEqual([
      { name: 'planning', from: '2026-09-01', to: '2026-10-31' },
      { name: 'interim', from: '2027-01-11', to: '2027-03-12' },
      { name: 'final', from: '2027-06-22', to: '2027-07-21' },
    ]);
  });
});
