import { policyOf } from './policy-fixtures';

const PROPELLER_SEPTEMBER = { cycleStartMonth: 9 };

describe('standard cycles and their phase windows (R-CYC-1, R-CYC-2)', () => {
  it.each([
    ['test-valley', {}, 2026, '2026-03-01', '2027-02-28', ['2026-03-01', '2026-04-30'], ['2026-08-01', '2026-09-30'], ['2027-02-01', '2027-02-28']],
    // The 2027 cycle ends on the leap day.
    ['test-valley', {}, 2027, '2027-03-01', '2028-02-29', ['2027-03-01', '2027-04-30'], ['2027-08-01', '2027-09-30'], ['2028-02-01', '2028-02-29']],
    // spt 7.2: planning Sep/Oct, mid-year Feb/Mar, annual review Sep/Oct (the autumn term after, 14.4).
    ['spt', {}, 2026, '2026-09-01', '2027-08-31', ['2026-09-01', '2026-10-31'], ['2027-02-01', '2027-03-31'], ['2027-09-01', '2027-10-31']],
    // propeller 4: January with the review in December, or September with the review in July.
    ['propeller', {}, 2027, '2027-01-01', '2027-12-31', ['2027-01-01', '2027-02-28'], ['2027-06-01', '2027-07-31'], ['2027-11-01', '2027-12-31']],
    ['propeller', PROPELLER_SEPTEMBER, 2026, '2026-09-01', '2027-08-31', ['2026-09-01', '2026-10-31'], ['2027-02-01', '2027-03-31'], ['2027-07-01', '2027-08-31']],
    // hampshire-model 2.1, 2.3: the support-staff review of the academic year is completed by December.
    ['hampshire-model', {}, 2026, '2026-09-01', '2027-08-31', ['2026-09-01', '2026-10-31'], ['2027-02-01', '2027-03-31'], ['2027-09-01', '2027-12-31']],
  ])('R-CYC-1: %s %j cycle %i runs %s to %s: planning %j, interim %j, final %j', (preset, settings, year, start, end, planning, interim, final) => {
    const policy = policyOf(preset, settings);
    const expected = [
      { name: 'planning', from: planning[0], to: planning[1] },
      { name: 'interim', from: interim[0], to: interim[1] },
      { name: 'final', from: final[0], to: final[1] },
    ];
    expect(policy.timeline(year)).toEqual(expect.objectContaining({ start, end, phases: expected }));
    expect(policy.cycleFor({ start })).toEqual(expect.objectContaining({ eligible: true, placement: 'standard', start, end, cycleStart: start, phases: expected }));
  });

  it.each([
    // The middle day of each standard cycle, counted on the calendar: day 183 of 365.
    ['test-valley', {}, '2026-03-01', '2026-08-30'],
    ['spt', {}, '2026-09-01', '2027-03-02'],
    ['propeller', {}, '2027-01-01', '2027-07-02'],
    ['propeller', PROPELLER_SEPTEMBER, '2026-09-01', '2027-03-02'],
    ['hampshire-model', {}, '2026-09-01', '2027-03-02'],
  ])('R-CYC-2: %s %j: the interim window holds the middle of the cycle from %s (%s)', (preset, settings, start, middle) => {
    const [planning, interim, final] = policyOf(preset, settings).cycleFor({ start }).phases;
    expect(interim && interim.from <= middle && middle <= interim.to).toBe(true);
    expect(planning && interim && final && planning.to < interim.from && interim.to < final.from).toBe(true);
  });

  it.each([
    ['test-valley', {}, '2027-02-15', '2026-03-01', '2027-02-28'],
    ['test-valley', {}, '2027-03-01', '2027-03-01', '2028-02-29'],
    ['spt', {}, '2027-08-31', '2026-09-01', '2027-08-31'],
    ['propeller', {}, '2027-12-31', '2027-01-01', '2027-12-31'],
    ['propeller', PROPELLER_SEPTEMBER, '2027-01-10', '2026-09-01', '2027-08-31'],
  ])('R-CYC-1: %s %j: %s is in the cycle %s to %s', (preset, settings, day, start, end) => {
    expect(policyOf(preset, settings).cycleContaining(day)).toEqual({ start, end });
  });
});

describe('the timeline’s fixed dates (R-DL-5, R-CAL-2)', () => {
  it('R-CAL-2: hampshire-model 2026: statement by Friday 31 December 2027, payroll data by Wednesday 1 December, pay from 1 April 2028', () => {
    const dates = policyOf('hampshire-model').timeline(2026).dates.map((d) => [d.rule, d.due, d.nature]);
    expect(dates).toEqual([
      ['statement.issue', '2027-12-31', 'deadline'],
      ['payroll.data-ready', '2027-12-01', 'deadline'],
      ['pay.effective', '2028-04-01', 'effective-date'],
    ]);
  });

  it('R-CAL-2: test-valley 2026: pay from the next 1 April after the February review, 2027', () => {
    expect(policyOf('test-valley').timeline(2026).dates.map((d) => [d.rule, d.due])).toEqual([['pay.effective', '2027-04-01']]);
  });

  it.each(['spt', 'propeller'])('R-DL-5: %s has no fixed dates until the school sets a statement date', (preset) => {
    expect(policyOf(preset).timeline(2026).dates).toEqual([]);
    // spt 2026 ends 31 Aug 2027; propeller (January) 2026 ends 31 Dec 2026; 31 October 2027 is a Sunday.
    expect(policyOf(preset, { statementDate: '10-31' }).timeline(2026).dates.map((d) => d.due)).toEqual(['2027-10-29']);
  });
});

describe('phases of a part cycle never overlap (R-CYC-2)', () => {
  it('R-CYC-2: a propeller September joiner (January cycle) gets planning, interim and final in order', () => {
    // 1 Sep to 31 Dec 2026 is 122 days: planning to day 30 (a quarter), the middle is day 61 (1 Nov) with an
    // eighth (15 days) either side, and the final review window (Nov/Dec) opens the day after the interim.
    expect(policyOf('propeller').cycleFor({ start: '2026-09-01' }).phases).toEqual([
      { name: 'planning', from: '2026-09-01', to: '2026-09-30' },
      { name: 'interim', from: '2026-10-17', to: '2026-11-16' },
      { name: 'final', from: '2026-11-17', to: '2026-12-31' },
    ]);
  });

  it('R-CYC-2: an spt October joiner plans until the end of November and keeps everyone’s mid-year and annual reviews', () => {
    expect(policyOf('spt').cycleFor({ start: '2026-10-15' }).phases).toEqual([
      { name: 'planning', from: '2026-10-15', to: '2026-11-30' },
      { name: 'interim', from: '2027-02-01', to: '2027-03-31' },
      { name: 'final', from: '2027-09-01', to: '2027-10-31' },
    ]);
  });
});
