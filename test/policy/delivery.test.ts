import { nextDeliveryInstant } from '../../services/policy';
import { policyOf } from './policy-fixtures';

const HALF_TERM = [{ from: '2026-10-26', to: '2026-10-30', name: 'October half term' }];
const allYear = { termTimeOnly: false };
const termTime = { termTimeOnly: true };
const next = (at: string, person = allYear, settings: object = {}) => policyOf('test-valley', settings).nextDeliveryInstant(at, person).toISOString();

describe('delivery times across both clock changes (R-CAL-1, R-CHAT-3)', () => {
  it.each([
    // Autumn: clocks go back at 02:00 BST on Sunday 25 October 2026.
    ['Friday 23 Oct 2026, 08:30 BST, is 07:30Z: inside the window', '2026-10-23T07:30:00.000Z', '2026-10-23T07:30:00.000Z'],
    ['one minute earlier waits for it', '2026-10-23T07:29:00.000Z', '2026-10-23T07:30:00.000Z'],
    ['Friday 17:00 BST: Monday 26 Oct at 08:30 GMT, which is 08:30Z', '2026-10-23T16:00:00.000Z', '2026-10-26T08:30:00.000Z'],
    ['during the repeated hour on Sunday: Monday 08:30Z', '2026-10-25T01:30:00.000Z', '2026-10-26T08:30:00.000Z'],
    // Spring: clocks go forward at 01:00 GMT on Sunday 28 March 2027, between Good Friday and Easter Monday.
    ['Thursday 25 Mar 2027 evening: Good Friday, the weekend and Easter Monday pass; Tuesday 08:30 BST is 07:30Z', '2027-03-25T17:00:00.000Z', '2027-03-30T07:30:00.000Z'],
    ['Tuesday 30 Mar 2027 at 07:30Z is 08:30 BST: inside', '2027-03-30T07:30:00.000Z', '2027-03-30T07:30:00.000Z'],
    ['Tuesday 30 Mar 2027 at 15:30Z is 16:30 BST: closed, Wednesday 07:30Z', '2027-03-30T15:30:00.000Z', '2027-03-31T07:30:00.000Z'],
    ['winter: Tuesday 5 Jan 2027 before 08:30 waits until 08:30Z', '2027-01-05T06:00:00.000Z', '2027-01-05T08:30:00.000Z'],
  ])('R-CAL-1: %s', (_why, at, expected) => {
    expect(next(at)).toBe(expected);
  });

  it.each([
    // A window open every day shows the change on the Sunday itself.
    ['Saturday 27 Mar 2027 evening: Sunday 28 at 08:30 BST, 07:30Z', '2027-03-27T20:00:00.000Z', '08:30', '2027-03-28T07:30:00.000Z'],
    ['Saturday 24 Oct 2026 evening: Sunday 25 at 08:30 GMT, 08:30Z', '2026-10-24T20:00:00.000Z', '08:30', '2026-10-25T08:30:00.000Z'],
    ['01:30 on 28 Mar 2027 does not exist: the clocks make it 02:30 BST, 01:30Z', '2027-03-28T00:30:00.000Z', '01:30', '2027-03-28T01:30:00.000Z'],
  ])('R-CAL-1: %s', (_why, at, from, expected) => {
    expect(nextDeliveryInstant(at, { days: { isWorkingDay: () => true }, from, to: '16:30' }).toISOString()).toBe(expected);
  });
});

describe('term-time-only staff and closures (R-CAL-1, R-CHAT-3)', () => {
  it('R-CHAT-3: over October half term a term-time-only person waits until Monday 2 November; all-year staff get Monday 26 October', () => {
    expect(next('2026-10-23T16:00:00.000Z', termTime, { closures: HALF_TERM })).toBe('2026-11-02T08:30:00.000Z');
    expect(next('2026-10-23T16:00:00.000Z', allYear, { closures: HALF_TERM })).toBe('2026-10-26T08:30:00.000Z');
  });

  it('R-CAL-1: a school can say closures do not stop term-time-only staff', () => {
    expect(next('2026-10-23T16:00:00.000Z', termTime, { closures: HALF_TERM, closuresCountForTermTimeStaff: false })).toBe('2026-10-26T08:30:00.000Z');
  });

  it('R-CAL-1: a term-time-only person’s calendar is off on closures, everyone else’s only when closures count', () => {
    const policy = policyOf('test-valley', { closures: HALF_TERM });
    expect([policy.calendarFor(termTime).isWorkingDay('2026-10-27'), policy.calendarFor(allYear).isWorkingDay('2026-10-27')]).toEqual([false, true]);
    const counting = policyOf('test-valley', { closures: HALF_TERM, closuresCountForDeadlines: true });
    expect(counting.calendarFor(allYear).isWorkingDay('2026-10-27')).toBe(false);
  });

  it('R-CHAT-3: the school’s message hours, and a person’s own hours over them', () => {
    expect(next('2027-01-05T08:30:00.000Z', allYear, { messageHours: { from: '09:00', to: '15:00' } })).toBe('2027-01-05T09:00:00.000Z');
    const own = policyOf('test-valley').nextDeliveryInstant('2027-01-05T08:30:00.000Z', { termTimeOnly: false, workingHours: { from: '12:00', to: '14:00' } });
    expect(own.toISOString()).toBe('2027-01-05T12:00:00.000Z');
  });
});
