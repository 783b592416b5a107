import type { Actor, Role } from '../../bot/actor';
import { createCaseRuntime } from '../../bot/case-runtime';
import type { CaseRuntime } from '../../bot/case-runtime';
import type { ProductStore } from '../../bot/compose';
import { createLogger } from '../../bot/logger';
import { parseCaseState } from '../../services/case';
import type { CaseState } from '../../services/case';
import { personSchema } from '../../services/people/person.schema';
import { FixedClock } from '../../services/shared/time';
import { openMemoryStore } from '../../storage/memory/memory.store';
import type { CaseFixture } from './card-fixtures';

// A school on the in-memory store holding fixture cases, so the list screens (a reviewer's team, the head's
// queue, who can see my record) are built by the real use-cases, then rendered and checked.

export const SCHOOL = 'school-1';

/** A chat user for a person of the school. */
export function actorFor(id: string, name: string, roles: Role[] = []): Actor {
  const person = personSchema.parse({ id, schoolId: SCHOOL, staffId: id, name, email: `${id}@school.example`, startDate: '2019-09-02', headteacher: roles.includes('headteacher') });
  return { chat: 'teams', userKey: `aad-${id}`, person, school: null, roles: new Set(roles) };
}

/** One case per fixture, each for a different invented reviewee, all reviewed by Priya Lockwood. */
export async function schoolWith(fixtures: readonly CaseFixture[], preset: string, copies = 1): Promise<{ store: ProductStore; runtime: CaseRuntime; ids: string[] }> {
  const clock = new FixedClock('2026-03-02T10:00:00.000Z');
  const store: ProductStore = openMemoryStore<CaseState>({ parseCaseState, clock });
  await store.schools.save({ id: SCHOOL, name: 'Test Valley School', presetId: preset, settings: {}, teamsTenantIds: [], slackTeamIds: [], version: 0 }, null);
  const runtime = createCaseRuntime({ store, clock, logger: createLogger('silent') });
  const ids: string[] = [];
  let n = 0;
  for (let copy = 0; copy < copies; copy += 1) {
    for (const fx of fixtures) {
      n += 1;
      const revieweeId = `p-staff-${n}`;
      const id = `${fx.state.cycleId}:${revieweeId}`;
      const state: CaseState = { ...fx.state, id, schoolId: SCHOOL, revieweeId, names: { ...fx.state.names, [revieweeId]: `Staff Member ${n}` } };
      await store.people.upsert(personSchema.parse({ id: revieweeId, schoolId: SCHOOL, staffId: revieweeId, name: `Staff Member ${n}`, email: `${revieweeId}@school.example`, startDate: '2019-09-02' }));
      await store.cases.save({
        case: { id, schoolId: SCHOOL, cycleId: state.cycleId, revieweeId, reviewerId: state.reviewerId, stage: state.stage, version: 0, cycleEnd: state.cycle.end, state },
        expectedVersion: null, outbox: [], reminders: [], cancelReminderIds: [], audit: [],
      });
      ids.push(id);
    }
  }
  return { store, runtime, ids };
}
