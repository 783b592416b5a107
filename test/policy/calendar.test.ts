import { createCalendar, englandAndWalesHolidays, fixedHolidays } from '../../services/policy';
import type { DeadlineRuleId } from '../../services/policy';
import { CHRISTMAS_2026_CLOSURES, WEEKDAY_BANK_HOLIDAYS, policyOf, weekday } from './policy-fixtures';

const calendar = createCalendar({ holidays: englandAndWalesHolidays });

describe('bank holidays through the HolidaySource port (R-CAL-1)', () => {
  it.each([2026, 2027, 2028])('R-CAL-1: the weekday bank holidays of %i are England and Wales’s, substitute days included', (year) => {
    const weekdays = englandAndWalesHolidays.bankHolidays(year).filter((d) => weekday(d) !== 0 && weekday(d) !== 6);
    expect([...weekdays].sort()).toEqual(WEEKDAY_BANK_HOLIDAYS[year]);
  });

  it('R-CAL-1: observances are not bank holidays (Mother’s Day, Easter Sunday, Father’s Day 2027)', () => {
    expect(englandAndWalesHolidays.bankHolidays(2027)).not.toEqual(expect.arrayContaining(['2027-03-07']));
    expect(englandAndWalesHolidays.bankHolidays(2027)).not.toEqual(expect.arrayContaining(['2027-03-28']));
    expect(englandAndWalesHolidays.bankHolidays(2027)).not.toEqual(expect.arrayContaining(['2027-06-20']));
  });

  it('R-CAL-1: a fixed list can stand in for the library (a school pinning the list it was given)', () => {
    const pinned = createCalendar({ holidays: fixedHolidays(['2027-01-04']) });
    expect([pinned.isWorkingDay('2027-01-04'), pinned.isWorkingDay('2027-01-01'), calendar.isWorkingDay('2027-01-04')]).toEqual([false, true, true]);
  });
});

describe('working days (R-CAL-1)', () => {
  it.each([
    ['2026-12-24', true, 'Christmas Eve is an ordinary Thursday'],
    ['2026-12-25', false, 'Christmas Day'],
    ['2026-12-26', false, 'Boxing Day, a Saturday'],
    ['2026-12-28', false, 'the Boxing Day substitute, Monday 28 December 2026'],
    ['2026-12-29', true, 'the Tuesday after'],
    ['2027-12-27', false, 'the Christmas Day substitute, Monday 27 December 2027'],
    ['2027-12-28', false, 'the Boxing Day substitute, Tuesday 28 December 2027'],
    ['2028-01-03', false, 'the New Year’s Day substitute, Monday 3 January 2028'],
    ['2028-02-29', true, 'the leap day, a Tuesday'],
    ['2027-03-26', false, 'Good Friday'],
    ['2027-03-29', false, 'Easter Monday'],
    ['2027-03-28', false, 'a Sunday (and the spring clock change)'],
    ['2027-03-06', false, 'a Saturday'],
  ])('R-CAL-1: %s is a working day: %s (%s)', (day, expected) => {
    expect(calendar.isWorkingDay(day)).toBe(expected);
  });

  it.each([
    ['2026-12-24', 1, '2026-12-29', 'over Christmas and the substitute day'],
    ['2026-12-31', 1, '2027-01-04', 'over New Year’s Day and the weekend'],
    ['2027-12-24', 1, '2027-12-29', 'over two substitute days'],
    ['2027-12-31', 1, '2028-01-04', 'over the New Year substitute'],
    ['2028-02-28', 1, '2028-02-29', 'onto the leap day'],
    ['2027-02-26', 1, '2027-03-01', 'no 29 February in 2027'],
    ['2027-01-05', -5, '2026-12-24', 'backwards over New Year and Christmas'],
    ['2028-03-01', -1, '2028-02-29', 'backwards onto the leap day'],
    ['2026-12-25', 0, '2026-12-25', 'zero days is the day itself, working or not'],
    ['2026-12-26', 1, '2026-12-29', 'a trigger on a non-working day is not counted'],
  ])('R-CAL-1: %s plus %i working days is %s (%s)', (from, n, due) => {
    expect(calendar.addWorkingDays(from, n)).toBe(due);
  });

  it.each([
    ['2026-12-24', '2027-01-05', 5, '29, 30, 31 Dec, 4, 5 Jan'],
    ['2027-01-05', '2026-12-24', -5, 'the same span backwards'],
    ['2027-12-24', '2028-01-04', 4, '29, 30, 31 Dec, 4 Jan'],
    ['2028-02-28', '2028-03-01', 2, '29 Feb and 1 Mar'],
    ['2027-03-24', '2027-03-24', 0, 'the same day'],
    ['2027-03-25', '2027-03-30', 1, 'over Easter'],
  ])('R-CAL-1: working days from %s to %s: %i (%s)', (from, to, n) => {
    expect(calendar.workingDaysBetween(from, to)).toBe(n);
  });

  it('R-CAL-1: a part-day count is refused, and an all-closed calendar fails clearly instead of looping', () => {
    expect(() => calendar.addWorkingDays('2027-01-04', 1.5)).toThrow(RangeError);
    const closed = createCalendar({ holidays: englandAndWalesHolidays, closures: [{ from: '2026-01-01', to: '2046-12-31', name: 'Closed' }] });
    expect(() => closed.addWorkingDays('2027-01-04', 1)).toThrow(/every day closed/);
  });
});

describe('closures (R-CAL-1): counted only where the school says so', () => {
  const counted = { closures: CHRISTMAS_2026_CLOSURES, closuresCountForDeadlines: true };
  const notCounted = { closures: CHRISTMAS_2026_CLOSURES };

  it.each([
    // Counted: Fri 18 Dec, then closed to the INSET day on Mon 4 Jan; 5, 6, 7, 8, 11 … 15 Jan is the 10th.
    ['test-valley', 'appeal.informal', '2026-12-17', counted, '2027-01-15', 10],
    ['test-valley', 'appeal.informal', '2026-12-17', notCounted, '2027-01-05', 10],
    // Counted: 5 Jan, then back past the INSET day and the holidays to 18, 17, 16, 15 Dec.
    ['spt', 'meeting.papers', '2027-01-06', counted, '2026-12-15', -5],
    ['spt', 'meeting.papers', '2027-01-06', notCounted, '2026-12-29', -5],
    // School days (R-DL-6) always skip closures: Fri 18 Dec, then 5 Jan … Fri 29 Jan is the 20th.
    ['hampshire-model', 'support.review', '2026-12-17', notCounted, '2027-01-29', 20],
    ['hampshire-model', 'support.review', '2026-12-17', counted, '2027-01-29', 20],
    // Counted: 31 Dec back over the closure from 20 Dec to Friday 17 December (Sep 22 + Oct 21 + Nov 22 + 13).
    ['hampshire-model', 'statement.issue', '2027-08-31', { closures: [{ from: '2027-12-20', to: '2028-01-04', name: 'Christmas holidays' }], closuresCountForDeadlines: true }, '2027-12-17', 78],
    ['hampshire-model', 'statement.issue', '2027-08-31', { closures: [{ from: '2027-12-20', to: '2028-01-04', name: 'Christmas holidays' }] }, '2027-12-31', 86],
    // An INSET day on Wednesday 1 December moves the payroll date forward to Thursday 2.
    ['hampshire-model', 'payroll.data-ready', '2027-11-26', { closures: [{ from: '2027-12-01', to: '2027-12-01', name: 'INSET day' }], closuresCountForDeadlines: true }, '2027-12-02', 3],
    // Pay still takes effect on 1 April in the Easter holidays; March 2028 to the 24th has 17 open days.
    ['hampshire-model', 'pay.effective', '2028-03-01', { closures: [{ from: '2028-03-27', to: '2028-04-07', name: 'Easter holidays' }], closuresCountForDeadlines: true }, '2028-04-01', 17],
  ])('R-CAL-1: %s %s from %s with closures %j: due %s (%i)', (preset, rule, from, settings, due, workingDays) => {
    const result = policyOf(preset, settings).deadline(rule as DeadlineRuleId, from);
    expect(result.ok && { due: result.value.due, workingDays: result.value.workingDays }).toEqual({ due, workingDays });
  });

  it('R-CAL-1: the deadline calendar names the closure it skips only when closures count', () => {
    expect(policyOf('test-valley', counted).calendar.closureOn('2026-12-22')).toEqual(expect.objectContaining({ name: 'Christmas holidays' }));
    expect(policyOf('test-valley', notCounted).calendar.closureOn('2026-12-22')).toBeNull();
    expect(policyOf('test-valley', notCounted).calendar.isWorkingDay('2026-12-22')).toBe(true);
  });
});
