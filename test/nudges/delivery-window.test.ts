import { nextDeliveryInstant, windowOpening } from '../../services/policy/delivery-window';
import { dateInWords, londonInstant, londonWallClock } from '../../services/shared/london-time';
import { windowOf } from './nudge-fixtures';

const at = (s: string) => nextDeliveryInstant(s, windowOf()).toISOString();

describe('delivery windows (R-CHAT-3, R-CAL-1)', () => {
  it.each([
    ['inside hours on a working day: now', '2026-11-25T10:00:00.000Z', '2026-11-25T10:00:00.000Z'],
    ['an evening: deferred to 08:30 the next working day', '2026-11-24T19:00:00.000Z', '2026-11-25T08:30:00.000Z'],
    ['before hours: deferred to 08:30 that day', '2026-11-25T06:00:00.000Z', '2026-11-25T08:30:00.000Z'],
    ['exactly at closing: deferred', '2026-11-25T16:30:00.000Z', '2026-11-26T08:30:00.000Z'],
    ['a Saturday: deferred to Monday', '2026-11-28T11:00:00.000Z', '2026-11-30T08:30:00.000Z'],
    ['a closure (INSET) Friday: deferred past the weekend', '2026-11-27T09:00:00.000Z', '2026-11-30T08:30:00.000Z'],
    ['Christmas: bank holiday and its substitute day, then New Year', '2026-12-24T17:00:00.000Z', '2026-12-29T08:30:00.000Z'],
    ['Good Friday and Easter Monday (and into summer time)', '2027-03-25T18:00:00.000Z', '2027-03-30T07:30:00.000Z'],
  ])('R-CHAT-3: %s', (_why, from, expected) => {
    expect(at(from)).toBe(expected);
  });

  it('R-CHAT-3: in British Summer Time 08:30 London is 07:30 UTC', () => {
    expect(at('2026-06-10T17:00:00.000Z')).toBe('2026-06-11T07:30:00.000Z');
  });

  it('R-CAL-1: across the spring change (Sunday 29 March 2026) a Saturday nudge opens Monday 08:30 BST', () => {
    expect(at('2026-03-28T12:00:00.000Z')).toBe('2026-03-30T07:30:00.000Z');
  });

  it('R-CAL-1: across the autumn change (Sunday 25 October 2026) a Friday-evening nudge opens Monday 08:30 GMT', () => {
    expect(at('2026-10-23T16:00:00.000Z')).toBe('2026-10-26T08:30:00.000Z');
  });

  it('R-CHAT-3: term-time-only staff get nothing in the school holidays; all-year staff do', () => {
    const termTime = windowOf({ termTimeOnly: true });
    expect(nextDeliveryInstant('2026-12-22T10:00:00.000Z', termTime).toISOString()).toBe('2027-01-05T08:30:00.000Z');
    expect(nextDeliveryInstant('2026-12-22T10:00:00.000Z', windowOf()).toISOString()).toBe('2026-12-22T10:00:00.000Z');
  });

  it('R-CHAT-3: a person’s own hours are used', () => {
    expect(nextDeliveryInstant('2026-11-25T12:00:00.000Z', windowOf({ from: '13:00', to: '15:00' })).toISOString()).toBe('2026-11-25T13:00:00.000Z');
  });

  it('R-CAL-1: London wall clock round-trips on both change days, and the spring gap moves forward an hour', () => {
    expect(londonInstant('2026-03-29', 150).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(londonInstant('2026-03-29', 90).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(londonInstant('2026-10-25', 600).toISOString()).toBe('2026-10-25T10:00:00.000Z');
    expect(londonWallClock(new Date('2026-10-25T00:30:00.000Z'))).toEqual({ day: '2026-10-25', minutes: 90 });
    expect(windowOpening('2026-10-24', windowOf()).toISOString()).toBe('2026-10-26T08:30:00.000Z');
  });

  it('writes dates in words', () => {
    expect(dateInWords('2027-01-05')).toBe('Tuesday 5 January');
  });
});
