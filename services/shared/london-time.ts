import type { CivilDate, Instant } from './time';

// Europe/London wall-clock arithmetic through the platform's time-zone data (Intl), so that reminder times
// follow both daylight-saving changes (R-CAL-1) without a table of our own.

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

/** The London civil date and minutes since midnight of an instant. */
export function londonWallClock(at: Date): { day: CivilDate; minutes: number } {
  const p = Object.fromEntries(parts.formatToParts(at).map((x) => [x.type, x.value]));
  return { day: `${p.year}-${p.month}-${p.day}`, minutes: Number(p.hour) * 60 + Number(p.minute) };
}

function offsetMinutes(at: Date): number {
  const { day, minutes } = londonWallClock(at);
  const asUtc = Date.parse(`${day}T00:00:00.000Z`) + minutes * 60_000;
  return Math.round((asUtc - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * The instant of a London wall-clock time on a civil date. A time inside the spring-forward gap
 * (01:00–02:00 on the last Sunday of March) moves forward by the hour, as the clocks do.
 */
export function londonInstant(day: CivilDate, minutes: number): Date {
  const naive = Date.parse(`${day}T00:00:00.000Z`) + minutes * 60_000;
  let guess = naive - offsetMinutes(new Date(naive)) * 60_000;
  guess = naive - offsetMinutes(new Date(guess)) * 60_000;
  const back = londonWallClock(new Date(guess));
  if (back.day === day && back.minutes === minutes) return new Date(guess);
  return new Date(naive - offsetMinutes(new Date(naive - 86_400_000)) * 60_000);
}

/** `HH:MM` as minutes since midnight. */
export function minutesOf(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!m) throw new Error(`not a time of day: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** The civil date `n` days after `day` (calendar days, not working days). */
export function addCalendarDays(day: CivilDate, n: number): CivilDate {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** "Tuesday 5 January": the way every date is written to a person. */
export function dateInWords(day: CivilDate): string {
  return new Date(`${day}T12:00:00.000Z`).toLocaleDateString('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' });
}

/** An instant as ISO text. */
export const iso = (d: Date): Instant => d.toISOString();
