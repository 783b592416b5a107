import type { PersonRepository } from '../ports/store.port';
import type { CivilDate } from '../shared/time';
import { planRosterImport } from './roster-plan';
import type { RosterPlan, RosterPlanResult } from './roster-plan';

/** Writes a plan through the port: only added, changed and leaving people, so a repeat import writes nothing. */
export async function applyRosterPlan(people: PersonRepository, plan: RosterPlan): Promise<number> {
  const writes = [...plan.added, ...plan.changed.map((c) => c.after), ...plan.leavers];
  for (const person of writes) await people.upsert(person);
  return writes.length;
}

/** Plans an import against the school's stored roster and, unless it is a dry run, applies it. */
export async function importRoster(
  people: PersonRepository,
  input: { schoolId: string; csvText: string; today: CivilDate; dryRun: boolean },
): Promise<RosterPlanResult | { ok: true; value: RosterPlan; written: number }> {
  const existing = await people.list(input.schoolId);
  const planned = planRosterImport(input.csvText, existing, input.today, input.schoolId);
  if (!planned.ok || input.dryRun) return planned;
  const written = await applyRosterPlan(people, planned.value);
  return { ok: true, value: planned.value, written };
}
