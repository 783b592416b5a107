import { addCalendarDays } from '../shared/london-time';
import type { CivilDate } from '../shared/time';

// Records are kept for six years after the cycle ends and then destroyed (R-PRV-2): a case is kept on the
// last day of the sixth year and is due on the day after.

/** How many years a case is kept after its cycle ends (R-PRV-2). */
export const RETENTION_YEARS = 6;

/** The last day a case is kept: its cycle's end, six years on. */
export function keptUntil(cycleEnd: CivilDate): CivilDate {
  const [y, m, d] = cycleEnd.split('-').map(Number) as [number, number, number];
  const year = y + RETENTION_YEARS;
  // 29 February becomes 28 February in a year that has none.
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${year}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The first day a case may be destroyed. */
export const dueForDestruction = (cycleEnd: CivilDate): CivilDate => addCalendarDays(keptUntil(cycleEnd), 1);

/** A case whose retention has passed. */
export interface ExpiredCase {
  readonly caseId: string;
  readonly cycleEnd: CivilDate;
  readonly keptUntil: CivilDate;
}

/** The cases whose retention has passed on `today` (R-PRV-2). */
export function expiredCases(cases: readonly { readonly id: string; readonly cycleEnd: CivilDate }[], today: CivilDate): ExpiredCase[] {
  return cases
    .filter((c) => dueForDestruction(c.cycleEnd) <= today)
    .map((c) => ({ caseId: c.id, cycleEnd: c.cycleEnd, keptUntil: keptUntil(c.cycleEnd) }))
    .sort((a, b) => a.cycleEnd.localeCompare(b.cycleEnd) || a.caseId.localeCompare(b.caseId));
}
