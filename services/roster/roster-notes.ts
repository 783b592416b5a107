import type { Person } from '../people/person.schema';
import type { CivilDate } from '../shared/time';
import type { RosterPlan } from './roster-plan';

/** Something the headteacher should know about an import, per person. */
export interface RosterNote {
  personId: string;
  kind: 'new-starter' | 'short-contract' | 'fixed-term-cycle' | 'transfer';
  message: string;
}

/** The civil date `months` calendar months after `day` (clamped to the month's last day). */
export function addMonths(day: CivilDate, months: number): CivilDate {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

// A school term is taken as three calendar months: the shortest reading of "less than one term" that the
// policies share (R-ELG-1, R-CYC-3). The policy engine decides the cycle itself; these notes only flag.
const TERM_MONTHS = 3;
// A person added with a start date in the last four months is treated as joining now and needs briefing (R-CHAT-4).
const NEW_STARTER_MONTHS = 4;

function contractNotes(p: Person): RosterNote[] {
  if (p.endDate === null) return [];
  if (p.endDate < addMonths(p.startDate, TERM_MONTHS)) {
    return [{ personId: p.id, kind: 'short-contract', message: `${p.name}'s contract is shorter than one term, so they are outside the scheme (R-ELG-1).` }];
  }
  if (p.endDate < addMonths(p.startDate, 12)) {
    return [{ personId: p.id, kind: 'fixed-term-cycle', message: `${p.name}'s contract is under a year, so their cycle runs for the length of the contract (R-CYC-3).` }];
  }
  return [];
}

/** Notes on a planned import: new starters to brief, short contracts, and transfers the headteacher must decide on. */
export function rosterNotes(plan: RosterPlan, today: CivilDate): RosterNote[] {
  const notes: RosterNote[] = [];
  for (const p of plan.added) {
    if (p.startDate >= addMonths(today, -NEW_STARTER_MONTHS)) notes.push({ personId: p.id, kind: 'new-starter', message: `${p.name} is new: they will be briefed on the arrangements when they join (R-CHAT-4, R-CYC-4).` });
    notes.push(...contractNotes(p));
  }
  for (const c of plan.changed) {
    if (c.fields.includes('startDate') || c.fields.includes('endDate')) notes.push(...contractNotes(c.after));
    if (c.fields.includes('jobTitle') || c.fields.includes('lineManagerIds')) {
      notes.push({ personId: c.after.id, kind: 'transfer', message: `${c.after.name} has a new post or line manager: the headteacher decides whether their cycle restarts and whether their reviewer changes (R-CYC-5).` });
    }
  }
  return notes;
}
