import type { ReminderRecord } from '../services/ports/store.port';

/** The sweep instant of the storage bench: exactly `DUE` reminders are due by then, whatever the total. */
export const SWEEP_AT = '2026-11-25T09:00:00.000Z';
/** How many reminders are due at the sweep. */
export const DUE = 100;

/** Reminder `i` of a population of `total`: the first DUE are due before the sweep, the rest spread over the next year. */
export function benchReminder(i: number, total: number): ReminderRecord {
  const sweep = Date.parse(SWEEP_AT);
  const dueAt = i < DUE ? sweep - (DUE - i) * 60_000 : sweep + 60_000 + Math.floor(((i - DUE) / Math.max(1, total - DUE)) * 365 * 86_400_000);
  return {
    id: `case-${i % 5000}/nudge/${i}`,
    schoolId: `school-${i % 40}`,
    caseId: `case-${i % 5000}`,
    rule: 'nudge',
    recipientId: `p-${i % 5000}`,
    dueAt: new Date(dueAt).toISOString(),
    state: 'pending',
    leaseUntil: null,
    attempts: 0,
    payload: { step: 'objectives' },
  };
}
