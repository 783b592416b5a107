import { caseCommandSchema, caseIdFor, executeCaseCommand, openCaseForPerson, parseCaseState } from '../../services/case';
import type { CaseDeps } from '../../services/case';
import { personSchema } from '../../services/people/person.schema';
import { FixedClock } from '../../services/shared/time';
import { openStore } from '../../storage/open-store';
import { ACTORS, policyOf } from '../case/case-fixtures';
import { cycleSteps } from '../case/case-scenario-harness';
import type { CycleDays } from '../case/case-scenario-harness';

// Seeds an embedded store with a hampshire-model school whose one reviewee has played a whole cycle through
// the use-cases, approved increment included; the admin command then reads it as a school would.

export const DAYS: CycleDays = { cycleStart: '2025-09-01', open: '2025-09-08', planningMeeting: '2025-09-22', agree: '2025-09-23', moderate: '2025-09-24', signPlanning: '2025-09-25', interimSchedule: '2026-02-02', interimMeeting: '2026-02-23', finalSchedule: '2026-09-21', finalMeeting: '2026-10-05', signReview: '2026-10-09' };
const person = (id: string, name: string, staffId: string, extra: object = {}) => personSchema.parse({ id, schoolId: 'school-1', staffId, name, email: `${id.slice(2)}@oakfield.example`, startDate: '2019-09-02', ...extra });
/** The roster: the reviewee, the reviewer and the head. */
export const ROSTER = [
  person('p-alex', 'Alex Morgan', 'OAK-101', { lineManagerIds: ['p-priya'], reviewerId: 'p-priya', partTime: true }),
  person('p-priya', 'Priya Lockwood', 'OAK-102'),
  person('p-jordan', 'Jordan Ellis', 'OAK-103', { headteacher: true }),
];

/** Creates the school, the roster and one played case in the embedded store under `dataDir`. */
export async function seedSchool(dataDir: string): Promise<void> {
  const clock = new FixedClock(`${DAYS.open}T10:00:00.000Z`);
  const store = await openStore({ kind: 'embedded', dataDir }, parseCaseState, clock);
  try {
    await store.schools.save({ id: 'school-1', name: 'Oakfield Primary', presetId: 'hampshire-model', settings: {}, teamsTenantIds: [], slackTeamIds: [], version: 0 }, null);
    for (const p of ROSTER) await store.people.upsert(p);
    let n = 0;
    const deps: CaseDeps = { cases: store.cases, policyFor: async () => policyOf('hampshire-model'), clock, newId: () => `id-${(n += 1)}` };
    const [alex, priya, jordan] = ROSTER as [(typeof ROSTER)[number], (typeof ROSTER)[number], (typeof ROSTER)[number]];
    const opened = await openCaseForPerson(deps, { schoolId: 'school-1', reviewee: alex, reviewer: priya, headteacher: jordan, clerkId: 'p-morgan', cycleStart: DAYS.cycleStart, actor: ACTORS.headteacher, channel: 'teams' });
    if (!opened.ok) throw new Error(opened.error.message);
    let env = opened.value;
    for (const [day, role, make] of cycleSteps('hampshire-model', DAYS, { pay: true })) {
      clock.set(`${day}T10:00:00.000Z`);
      const r = await executeCaseCommand(deps, { schoolId: 'school-1', caseId: caseIdFor(DAYS.cycleStart, alex.id), expectedVersion: env.version, command: caseCommandSchema.parse(make(env.state)), actor: ACTORS[role], channel: 'teams' });
      if (!r.ok) throw new Error(r.error.message);
      env = r.value;
    }
  } finally {
    await store.close();
  }
}
