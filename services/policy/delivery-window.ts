import type { CivilDate, Instant } from '../shared/time';
import { addCalendarDays, londonInstant, londonWallClock, minutesOf } from '../shared/london-time';

/** Whether a day is one on which a person works (the school's calendar, and term time for term-time-only staff). */
export interface WorkingDays {
  isWorkingDay(day: CivilDate): boolean;
}

/** When a person may be sent a nudge: their working days, between `from` and `to` (London time). */
export interface DeliveryWindow {
  days: WorkingDays;
  from: string;
  to: string;
}

/** The school's default hours for messages when a person has none of their own. */
export const DEFAULT_HOURS = { from: '08:30', to: '16:30' } as const;

/** How far ahead to look for a working day before giving up (a misconfigured calendar must not loop). */
const HORIZON_DAYS = 400;

/**
 * A person's working days: the school calendar (weekends, bank holidays, closures; R-CAL-1), and for
 * term-time-only staff, not during school holidays either.
 */
export function personWorkingDays(input: { school: WorkingDays; termTimeOnly: boolean; schoolHoliday?: (day: CivilDate) => boolean }): WorkingDays {
  return {
    isWorkingDay: (day) => input.school.isWorkingDay(day) && !(input.termTimeOnly && (input.schoolHoliday?.(day) ?? false)),
  };
}

/**
 * The first instant at or after `at` inside the person's window (R-CHAT-3: never on a non-working day or
 * outside working hours). A nudge outside the window is deferred to the next opening, never dropped.
 */
export function nextDeliveryInstant(at: Instant | Date, window: DeliveryWindow): Date {
  const start = new Date(at);
  const from = minutesOf(window.from);
  const to = minutesOf(window.to);
  const { day, minutes } = londonWallClock(start);
  if (window.days.isWorkingDay(day) && minutes >= from && minutes < to) return start;
  let candidate = minutes < from ? day : addCalendarDays(day, 1);
  for (let i = 0; i < HORIZON_DAYS; i += 1) {
    if (window.days.isWorkingDay(candidate)) return londonInstant(candidate, from);
    candidate = addCalendarDays(candidate, 1);
  }
  throw new Error(`no working day within ${HORIZON_DAYS} days of ${start.toISOString()}`);
}

/** The opening of the window on a given day, or the next opening after it when the day is not a working day. */
export function windowOpening(day: CivilDate, window: DeliveryWindow): Date {
  return nextDeliveryInstant(londonInstant(day, 0), window);
}

/** True when `at` is inside the person's window. */
export function isInsideWindow(at: Instant | Date, window: DeliveryWindow): boolean {
  return nextDeliveryInstant(at, window).getTime() === new Date(at).getTime();
}
