import { cycleFor, parsePreset, presetById } from '../../services/policy';
import { policyOf } from './policy-fixtures';

/** The day before the same date 16 months on, by the platform's Date: the longest a first cycle may run. */
const sixteenMonthsOn = (start: string) => {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 + 16, d - 1)).toISOString().slice(0, 10);
};

describe('new starters at test-valley, month by month (R-CYC-4, R-OBJ-1)', () => {
  // The 2026 cycle runs 1 March 2026 to 28 February 2027; the next one ends on the leap day 2028.
  it.each([
    ['2026-03-01', 'standard', '2027-02-28', false, 3, 'the first day of the cycle'],
    ['2026-03-15', 'joined', '2027-02-28', false, 3, 'March: a new cycle has just begun, so join it in full'],
    ['2026-04-15', 'joined', '2027-02-28', false, 3, 'April to July: current cycle, full objectives'],
    ['2026-05-15', 'joined', '2027-02-28', false, 3, 'May'],
    ['2026-06-15', 'joined', '2027-02-28', false, 3, 'June'],
    ['2026-07-15', 'joined', '2027-02-28', false, 3, 'July'],
    ['2026-08-15', 'joined', '2027-02-28', true, 2, 'August to November: current cycle, reduced objectives'],
    ['2026-09-15', 'joined', '2027-02-28', true, 2, 'September'],
    ['2026-10-15', 'joined', '2027-02-28', true, 2, 'October'],
    ['2026-11-15', 'joined', '2027-02-28', true, 2, 'November'],
    ['2026-11-30', 'joined', '2027-02-28', true, 2, 'the last day of November'],
    ['2026-12-01', 'extended', '2028-02-29', false, 3, 'December to February: full objectives over an extended cycle (15 months)'],
    ['2026-12-15', 'extended', '2028-02-29', false, 3, 'December'],
    ['2027-01-15', 'extended', '2028-02-29', false, 3, 'January'],
    ['2027-02-15', 'extended', '2028-02-29', false, 3, 'February (to the leap day)'],
    ['2027-02-28', 'extended', '2028-02-29', false, 3, 'the last day of the cycle'],
    ['2027-03-02', 'joined', '2028-02-29', false, 3, 'the next March'],
  ])('R-CYC-4: joining %s: %s cycle to %s, reduced %s, limit %i (%s)', (start, placement, end, reduced, limit) => {
    const answer = policyOf('test-valley').cycleFor({ start });
    expect(answer).toEqual(expect.objectContaining({ eligible: true, start, placement, end, reducedObjectives: reduced, objectiveLimit: limit }));
    expect(answer.end < sixteenMonthsOn(start)).toBe(true);
    expect(answer.phases.map((p) => p.name)).toEqual(['planning', 'interim', 'final']);
  });

  it('R-CYC-4: an extended first cycle never runs past the preset’s cap', () => {
    // A preset capped at 13 months: a 15 December 2026 joiner stops on 14 January 2028, not 29 February.
    const raw = JSON.parse(JSON.stringify(presetById('test-valley'))) as { newStarters: { maxExtendedMonths: number } };
    raw.newStarters.maxExtendedMonths = 13;
    const capped = parsePreset('presets/test-valley.json', raw);
    const answer = cycleFor(capped, { objectiveLimit: 3, reducedObjectiveLimit: 2, startMonth: 3 }, { start: '2026-12-15' });
    expect([answer.placement, answer.end]).toEqual(['extended', '2028-01-14']);
  });

  it('R-OBJ-1: a school’s own limits apply, and the reduced limit never exceeds the full one', () => {
    expect(policyOf('test-valley', { objectiveLimit: 4, reducedObjectiveLimit: 3 }).cycleFor({ start: '2026-09-15' }).objectiveLimit).toBe(3);
    expect(policyOf('test-valley', { objectiveLimit: 4, reducedObjectiveLimit: 3 }).cycleFor({ start: '2026-04-15' }).objectiveLimit).toBe(4);
    expect(policyOf('test-valley', { objectiveLimit: 1 }).cycleFor({ start: '2026-09-15' }).objectiveLimit).toBe(1);
  });
});

describe('new starters elsewhere: the first cycle aligns with everyone else’s (R-CYC-4)', () => {
  // One term is taken as 12 weeks (84 days): with less than that left, the joiner's first cycle runs on to
  // the end of the next one. No reduced objectives: only test-valley's text has them.
  it.each([
    ['spt', {}, '2026-09-15', 'joined', '2027-08-31', ''],
    ['spt', {}, '2027-01-15', 'joined', '2027-08-31', ''],
    ['spt', {}, '2027-06-07', 'joined', '2027-08-31', '86 days left'],
    ['spt', {}, '2027-06-09', 'joined', '2027-08-31', '84 days left: exactly a term'],
    ['spt', {}, '2027-06-10', 'extended', '2028-08-31', '83 days left'],
    ['spt', {}, '2027-07-15', 'extended', '2028-08-31', ''],
    ['spt', {}, '2027-08-15', 'extended', '2028-08-31', ''],
    ['hampshire-model', {}, '2026-11-15', 'joined', '2027-08-31', ''],
    ['hampshire-model', {}, '2027-06-09', 'joined', '2027-08-31', '84 days left'],
    ['hampshire-model', {}, '2027-06-10', 'extended', '2028-08-31', '83 days left'],
    ['propeller', {}, '2027-03-15', 'joined', '2027-12-31', ''],
    ['propeller', {}, '2027-09-15', 'joined', '2027-12-31', '108 days left'],
    ['propeller', {}, '2027-10-08', 'joined', '2027-12-31', '85 days left'],
    ['propeller', {}, '2027-10-11', 'extended', '2028-12-31', '82 days left'],
    ['propeller', {}, '2027-12-15', 'extended', '2028-12-31', ''],
    ['propeller', { cycleStartMonth: 9 }, '2027-01-15', 'joined', '2027-08-31', ''],
    ['propeller', { cycleStartMonth: 9 }, '2027-06-10', 'extended', '2028-08-31', '83 days left'],
  ])('R-CYC-4: %s %j joining %s: %s cycle to %s %s', (preset, settings, start, placement, end, _why) => {
    const answer = policyOf(preset, settings).cycleFor({ start });
    expect(answer).toEqual(expect.objectContaining({ eligible: true, start, placement, end, reducedObjectives: false }));
    expect(answer.end < sixteenMonthsOn(start)).toBe(true);
  });
});
