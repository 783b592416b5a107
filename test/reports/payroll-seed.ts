import { caseCommandSchema, caseIdFor, executeCaseCommand, openCaseForPerson, parseCaseState } from '../../services/case';
import type { CaseActor, CaseCommandInput, CaseDeps, CaseRole, CaseState } from '../../services/case';
import { personSchema } from '../../services/people/person.schema';
import type { Person } from '../../services/people/person.schema';
import type { Store } from '../../services/ports/store.port';
import { FixedClock } from '../../services/shared/time';
import { openStore } from '../../storage/open-store';
import { ACTORS, policyOf } from '../case/case-fixtures';
import type { Step } from '../case/case-fixtures';
import { cycleSteps } from '../case/case-scenario-harness';
import type { CycleDays } from '../case/case-scenario-harness';

// A hampshire-model school on the embedded store whose cases are played through the use-cases, as a school plays
// them: the 2025 cycle (September 2025 to August 2026) has its pay data ready on 1 December 2026 and its pay
// effective on 1 April 2027. Invented people: Priya Lockwood reviews Alex Morgan, Riley Shaw and Dev Okoro;
// Jordan Ellis is the headteacher.

export const SCHOOL_ID = 'school-1';
export const CYCLE_START = '2025-09-01';
export const DAYS: CycleDays = { cycleStart: CYCLE_START, open: '2025-09-08', planningMeeting: '2025-09-22', agree: '2025-09-23', moderate: '2025-09-24', signPlanning: '2025-09-25', interimSchedule: '2026-02-02', interimMeeting: '2026-02-23', finalSchedule: '2026-09-21', finalMeeting: '2026-10-05', signReview: '2026-10-09' };

const person = (id: string, name: string, staffId: string, extra: object = {}) => personSchema.parse({ id, schoolId: SCHOOL_ID, staffId, name, email: `${id.slice(2)}@oakfield.example`, startDate: '2019-09-02', ...extra });
const reviewee = (id: string, name: string, staffId: string) => person(id, name, staffId, { lineManagerIds: ['p-priya'], reviewerId: 'p-priya' });
export const ALEX = reviewee('p-alex', 'Alex Morgan', 'OAK-101');
export const RILEY = reviewee('p-riley', 'Riley Shaw', 'OAK-105');
export const DEV = reviewee('p-dev', 'Dev Okoro', 'OAK-104');
export const PRIYA = person('p-priya', 'Priya Lockwood', 'OAK-102', { teams: { aadObjectId: 'aad-priya', unreachable: false } });
export const JORDAN = person('p-jordan', 'Jordan Ellis', 'OAK-103', { headteacher: true, teams: { aadObjectId: 'aad-jordan', unreachable: false } });
export const ROSTER: Person[] = [ALEX, RILEY, DEV, PRIYA, JORDAN];

/** The school's store, opened at a fixed clock, with a way to play a reviewee's case through the use-cases. */
export async function openSchool(dataDir: string, at: string) {
  const clock = new FixedClock(at);
  const store: Store<CaseState> = await openStore({ kind: 'embedded', dataDir }, parseCaseState, clock);
  let n = 0;
  const deps: CaseDeps = { cases: store.cases, policyFor: async () => policyOf('hampshire-model'), clock, newId: () => `id-${at}-${(n += 1)}` };
  // The fixtures' reviewer (Priya) and head (Jordan); the reviewee is whoever the case is about.
  const actors = (who: Person): Record<CaseRole, CaseActor> => ({ ...ACTORS, reviewee: { personId: who.id, schoolRoles: [] } });
  return {
    store, clock,
    /** Plays steps on a reviewee's 2025 case, each on its day from a card at the latest version; a refusal fails the test. */
    async play(who: Person, steps: Step[]): Promise<CaseState> {
      const caseId = caseIdFor(CYCLE_START, who.id);
      let env = await store.cases.get(SCHOOL_ID, caseId);
      if (!env) throw new Error(`no case for ${who.id}`);
      for (const [day, role, make] of steps) {
        clock.set(`${day}T10:00:00.000Z`);
        const raw: CaseCommandInput = make(env.state);
        const r = await executeCaseCommand(deps, { schoolId: SCHOOL_ID, caseId, expectedVersion: env.version, command: caseCommandSchema.parse(raw), actor: actors(who)[role], channel: 'teams' });
        if (!r.ok) throw new Error(`${raw.type} by ${role} on ${day} refused: ${r.error.code} ${r.error.message}`);
        env = r.value;
      }
      return env.state;
    },
    /** Opens a reviewee's 2025 case at the cycle launch. */
    async open(who: Person): Promise<void> {
      clock.set(`${DAYS.open}T10:00:00.000Z`);
      const opened = await openCaseForPerson(deps, { schoolId: SCHOOL_ID, reviewee: who, reviewer: PRIYA, headteacher: JORDAN, clerkId: 'p-morgan', cycleStart: CYCLE_START, actor: actors(who).headteacher, channel: 'teams' });
      if (!opened.ok) throw new Error(opened.error.message);
    },
  };
}

/** The steps of a whole cycle up to, not including, the headteacher's pay approval; and from it on. */
export function stepsAround(days: CycleDays, withhold: boolean): { toRecommendation: Step[]; fromApproval: Step[] } {
  // R-PAY-1: an increment is withheld only when the risk was flagged to the head before the final meeting.
  const steps = cycleSteps('hampshire-model', days, { pay: true, withhold, ...(withhold ? { riskOn: days.interimSchedule } : {}) });
  const at = steps.findIndex(([, role, make]) => role === 'headteacher' && make({} as CaseState).type === 'pay.approve');
  return { toRecommendation: steps.slice(0, at), fromApproval: steps.slice(at) };
}

/**
 * Seeds the school: Alex's increment and Riley's withheld increment approved in October 2026; Dev's increment
 * recommended but not yet approved when pay data goes to payroll.
 */
export async function seedPayrollSchool(dataDir: string): Promise<void> {
  const school = await openSchool(dataDir, `${DAYS.open}T10:00:00.000Z`);
  try {
    await school.store.schools.save({ id: SCHOOL_ID, name: 'Oakfield Primary', presetId: 'hampshire-model', settings: {}, teamsTenantIds: ['tenant-oak'], slackTeamIds: [], version: 0 }, null);
    for (const p of ROSTER) await school.store.people.upsert(p);
    for (const p of [PRIYA, JORDAN]) {
      await school.store.conversations.put({ schoolId: SCHOOL_ID, personId: p.id, channel: 'teams', userKey: p.teams?.aadObjectId ?? '', reference: { conversation: { id: `conv-${p.id}` } }, updatedAt: `${DAYS.open}T10:00:00.000Z` });
    }
    for (const [who, withhold] of [[ALEX, false], [RILEY, true], [DEV, false]] as const) {
      await school.open(who);
      const { toRecommendation, fromApproval } = stepsAround(DAYS, withhold);
      await school.play(who, who === DEV ? toRecommendation : [...toRecommendation, ...fromApproval]);
    }
  } finally {
    await school.store.close();
  }
}
