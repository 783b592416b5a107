import type { PersonInput } from '../../services/people/person.schema';
import { personSchema } from '../../services/people/person.schema';
import type { SchoolRecord, Store } from '../../services/ports/store.port';

// A small invented school for trying the product locally (`npm run dev`): a head, two reviewers and
// eight staff with mixed contracts — one new starter, one fixed-term, term-time-only and part-time staff.
// Every name is invented; the addresses use the reserved example.org domain.

export const DEMO_SCHOOL_ID = 'demo-test-valley';
/** The Playground's tenant id, so local Teams activities resolve to the demo school. */
export const DEMO_TENANT_ID = '00000000-0000-0000-0000-0000000000001';

const aad = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const people: Omit<PersonInput, 'schoolId' | 'email'>[] = [
  { id: 'p-head', staffId: 'TV001', name: 'Priya Lockwood', jobTitle: 'Headteacher', roleFamily: 'leadership', startDate: '2019-09-01', headteacher: true, slt: true, reviewerTrained: true, teams: { aadObjectId: aad(1) } },
  { id: 'p-tom', staffId: 'TV002', name: 'Tom Ashdown', jobTitle: 'School Business Manager', roleFamily: 'leadership', lineManagerIds: ['p-head'], startDate: '2020-01-06', slt: true, pdManager: true, reviewerTrained: true, teams: { aadObjectId: aad(2) } },
  { id: 'p-grace', staffId: 'TV003', name: 'Grace Okafor', jobTitle: 'Inclusion Lead', roleFamily: 'leadership', lineManagerIds: ['p-head'], startDate: '2021-04-12', reviewerTrained: false, teams: { aadObjectId: aad(3) } },
  { id: 'p-sam', staffId: 'TV010', name: 'Sam Fielding', jobTitle: 'Teaching Assistant', roleFamily: 'teaching-support', lineManagerIds: ['p-grace'], startDate: '2022-09-01', termTimeOnly: true, teams: { aadObjectId: aad(10) } },
  { id: 'p-nadia', staffId: 'TV011', name: 'Nadia Marsh', jobTitle: 'Higher Level Teaching Assistant', roleFamily: 'teaching-support', lineManagerIds: ['p-grace'], startDate: '2018-09-03', termTimeOnly: true, teams: { aadObjectId: aad(11) } },
  { id: 'p-owen', staffId: 'TV012', name: 'Owen Pryce', jobTitle: 'Site Manager', roleFamily: 'premises', lineManagerIds: ['p-tom'], startDate: '2017-05-02', teams: { aadObjectId: aad(12) } },
  { id: 'p-lucy', staffId: 'TV013', name: 'Lucy Beckett', jobTitle: 'Administration Officer', roleFamily: 'administration', lineManagerIds: ['p-tom'], startDate: '2023-02-20', partTime: true, teams: { aadObjectId: aad(13) } },
  { id: 'p-jamal', staffId: 'TV014', name: 'Jamal Reid', jobTitle: 'Cleaner', roleFamily: 'cleaning', lineManagerIds: ['p-tom'], startDate: '2021-11-01', partTime: true, teams: { aadObjectId: aad(14) } },
  { id: 'p-ellie', staffId: 'TV015', name: 'Ellie Harcourt', jobTitle: 'Lunchtime Supervisor', roleFamily: 'midday', lineManagerIds: ['p-tom'], startDate: '2024-01-08', partTime: true, termTimeOnly: true, teams: { aadObjectId: aad(15) } },
  { id: 'p-ben', staffId: 'TV016', name: 'Ben Castell', jobTitle: 'Teaching Assistant', roleFamily: 'teaching-support', lineManagerIds: ['p-grace'], startDate: '2026-10-05', termTimeOnly: true, teams: { aadObjectId: aad(16) } },
  { id: 'p-maya', staffId: 'TV017', name: 'Maya Linton', jobTitle: 'Learning Support Assistant', roleFamily: 'teaching-support', lineManagerIds: ['p-grace'], contractType: 'fixed-term', startDate: '2026-09-01', endDate: '2027-08-31', teams: { aadObjectId: aad(17) } },
];

/** The demo people, validated. */
export function demoPeople() {
  return people.map((p) =>
    personSchema.parse({ ...p, schoolId: DEMO_SCHOOL_ID, email: `${p.name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.org` }),
  );
}

/** Seeds the demo school into a store; safe to run on every start (it only adds what is missing). */
export async function seedDemoSchool(store: Store): Promise<{ created: boolean }> {
  const existing = await store.schools.get(DEMO_SCHOOL_ID);
  if (!existing) {
    const school: SchoolRecord = {
      id: DEMO_SCHOOL_ID,
      name: 'Test Valley School (demo)',
      presetId: 'test-valley',
      settings: {},
      teamsTenantIds: [DEMO_TENANT_ID],
      slackTeamIds: [],
      version: 0,
    };
    await store.schools.save(school, null);
  }
  for (const person of demoPeople()) {
    if (!(await store.people.get(DEMO_SCHOOL_ID, person.id))) await store.people.upsert(person);
  }
  return { created: !existing };
}
