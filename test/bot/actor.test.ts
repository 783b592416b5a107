import { resolveActor, withTeamRole } from '../../bot/actor';
import { parseCaseState } from '../../services/case/case-state.schema';
import { personSchema } from '../../services/people/person.schema';
import type { Person } from '../../services/people/person.schema';
import { openMemoryStore } from '../../storage/memory/memory.store';

// Who is acting comes from stored state (R-ROLE-1). A card action needs only the person and their school: whether
// they review anyone is asked only by the screens that offer "your team" (R-CHAT-2), as it reads the staff list.

const SCHOOL = 'oakfield';
const person = (id: string, name: string, extra: Partial<Person> = {}) =>
  personSchema.parse({ id, schoolId: SCHOOL, staffId: id.toUpperCase(), name, email: `${id}@oakfield.example`, startDate: '2019-09-02', teams: { aadObjectId: `aad-${id}` }, ...extra });

async function school() {
  const store = openMemoryStore({ parseCaseState });
  await store.schools.save({ id: SCHOOL, name: 'Oakfield Primary', presetId: 'spt', settings: {}, teamsTenantIds: [], slackTeamIds: [], version: 0 }, null);
  await store.people.upsert(person('p-ruth', 'Ruth Okafor', { headteacher: true }));
  await store.people.upsert(person('p-dev', 'Dev Anand'));
  await store.people.upsert(person('p-lena', 'Lena Byrne', { lineManagerIds: ['p-dev'] }));
  await store.people.upsert(person('p-omar', 'Omar Haddad', { lineManagerIds: ['p-ruth'], leftOn: '2026-08-31' }));
  let lists = 0;
  const list = store.people.list.bind(store.people);
  store.people.list = (schoolId: string) => ((lists += 1), list(schoolId));
  return { store, lists: () => lists };
}

describe('who is acting (R-ROLE-1, R-CHAT-2)', () => {
  it('R-ROLE-1: resolving someone from their chat identity reads their record and school, never the whole staff list', async () => {
    const { store, lists } = await school();
    const ruth = await resolveActor(store, 'teams', 'aad-p-ruth');
    expect([ruth.person?.id, ruth.school?.name, [...ruth.roles]]).toEqual(['p-ruth', 'Oakfield Primary', ['headteacher']]);
    expect(lists()).toBe(0);
  });

  it('R-CHAT-2: the team role is added for someone who line-manages a colleague still at the school, and for nobody else', async () => {
    const { store, lists } = await school();
    const dev = await withTeamRole(store, await resolveActor(store, 'teams', 'aad-p-dev'));
    expect(dev.roles.has('reviewer')).toBe(true);
    // Ruth's only report has left: no team to show.
    expect((await withTeamRole(store, await resolveActor(store, 'teams', 'aad-p-ruth'))).roles.has('reviewer')).toBe(false);
    expect((await withTeamRole(store, await resolveActor(store, 'teams', 'aad-p-lena'))).roles.has('reviewer')).toBe(false);
    expect(lists()).toBe(3);
  });

  it('R-ROLE-1: a stranger stays a stranger, with no roles and no staff list read', async () => {
    const { store, lists } = await school();
    const stranger = await withTeamRole(store, await resolveActor(store, 'teams', 'aad-nobody'));
    expect([stranger.person, stranger.roles.size, lists()]).toEqual([null, 0, 0]);
  });
});
