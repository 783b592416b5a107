import { parseCaseState } from '../../services/case';
import { personSchema } from '../../services/people/person.schema';
import type { AuditEvent, EqualityRecord, Store } from '../../services/ports/store.port';
import { buildSubjectAccessExport, destroyExpiredEquality, expiredEquality, renderSubjectAccessHtml } from '../../services/records';
import { openMemoryStore } from '../../storage/memory/memory.store';

// Equality answers as records held about a person: in their own subject access export (R-PRV-1), and destroyed
// six years after they left, by the rule cases follow (R-PRV-2). Invented people, fixed days.

const person = (id: string, leftOn: string | null) => personSchema.parse({ id, schoolId: 'school-1', staffId: `OAK-${id}`, name: `Person ${id}`, email: `${id}@oakfield.example`, startDate: '2015-09-01', leftOn });
const ALEX = person('p-alex', '2026-08-31');
const PRIYA = person('p-priya', null);
const LEAP = person('p-leap', '2028-02-29');
const answers = (personId: string, source: EqualityRecord['source'] = 'self'): EqualityRecord => ({ schoolId: 'school-1', personId, answers: { gender: 'woman', ageBand: '45-54' }, source, updatedAt: '2027-01-05T09:30:00.000Z' });

describe('leavers’ equality answers are kept six years (R-PRV-2)', () => {
  it.each([
    ['2032-08-31', []],
    ['2032-09-01', [{ personId: 'p-alex', leftOn: '2026-08-31', keptUntil: '2032-08-31' }]],
    ['2034-02-28', [{ personId: 'p-alex', leftOn: '2026-08-31', keptUntil: '2032-08-31' }]],
    ['2034-03-01', [{ personId: 'p-alex', leftOn: '2026-08-31', keptUntil: '2032-08-31' }, { personId: 'p-leap', leftOn: '2028-02-29', keptUntil: '2034-02-28' }]],
  ])('R-PRV-2: on %s the answers past retention are %j', (today, expected) => {
    const records = [answers('p-leap'), answers('p-priya'), answers('p-alex'), answers('p-not-on-roster')];
    expect(expiredEquality(records, [ALEX, PRIYA, LEAP], today)).toEqual(expected);
  });

  it('R-PRV-2: someone still on the staff has their answers kept however long ago they gave them', () => {
    expect(expiredEquality([answers('p-priya')], [PRIYA], '2099-01-01')).toEqual([]);
  });

  async function schoolWithAnswers() {
    const memory = openMemoryStore({ parseCaseState });
    const events: AuditEvent[] = [];
    const store: Store = { ...memory, audit: { append: async (e) => (events.push(e), memory.audit.append(e)), listForCase: memory.audit.listForCase } };
    for (const p of [ALEX, PRIYA, LEAP]) await store.people.upsert(p);
    for (const r of [answers('p-alex', 'import'), answers('p-priya'), answers('p-leap')]) await store.equality.put(r);
    return { store, events };
  }
  const destroy = (store: Store, today: string, dryRun = false) =>
    destroyExpiredEquality(store, { schoolId: 'school-1', today, at: `${today}T03:00:00.000Z`, by: { actorId: 'system', channel: 'system' }, dryRun });
  const held = async (store: Store) => (await store.equality.listForSchool('school-1')).map((r) => r.personId);

  it('R-PRV-2: a dry run lists and destroys nothing; the run destroys only the expired and records a count, never whose', async () => {
    const { store, events } = await schoolWithAnswers();
    expect(await destroy(store, '2032-09-01', true)).toEqual([{ personId: 'p-alex', leftOn: '2026-08-31', keptUntil: '2032-08-31' }]);
    expect(await held(store)).toEqual(['p-alex', 'p-leap', 'p-priya']);
    expect(events).toEqual([]);
    expect((await destroy(store, '2032-08-31')).length).toBe(0);
    expect(events).toEqual([]);
    expect((await destroy(store, '2032-09-01')).map((e) => e.personId)).toEqual(['p-alex']);
    expect(await held(store)).toEqual(['p-leap', 'p-priya']);
    expect(events).toEqual([{ id: 'retention-equality-system-school-1-2032-09-01', schoolId: 'school-1', caseId: null, actorId: 'system', action: 'retention.equality people=1', at: '2032-09-01T03:00:00.000Z', channel: 'system' }]);
  });
});

describe('a person’s own equality answers in their subject access export (R-PRV-1)', () => {
  it('R-PRV-1: the export holds the answers, where they came from and when, and the page shows them in words', () => {
    const x = buildSubjectAccessExport(PRIYA, [], [], { ...answers('p-priya'), answers: { ethnicity: 'mixed', religionOrBelief: 'prefer-not-to-say' } });
    expect(x.equality).toEqual({ answers: { ethnicity: 'mixed', religionOrBelief: 'prefer-not-to-say' }, source: 'self', updatedAt: '2027-01-05T09:30:00.000Z' });
    const html = renderSubjectAccessHtml(x);
    expect(html).toContain('<h2>Your equality answers</h2>');
    expect(html).toContain('You gave these answers yourself');
    expect(html).toContain('Tuesday 5 January 2027');
    expect(html).toContain('<tr><th scope="row">Ethnic group</th><td>Mixed or multiple ethnic groups</td></tr>');
    expect(html).toContain('<tr><th scope="row">Religion or belief</th><td>Prefer not to say</td></tr>');
    expect(html).toContain('<tr><th scope="row">Gender</th><td>Not answered</td></tr>');
  });

  it('R-PRV-1: answers from the HR file say so', () => {
    expect(renderSubjectAccessHtml(buildSubjectAccessExport(PRIYA, [], [], answers('p-priya', 'import')))).toContain('These answers came from the school’s HR records.');
  });

  it('R-PRV-1: someone who removed their answers is told none are held and that the HR records will not fill them in', () => {
    const html = renderSubjectAccessHtml(buildSubjectAccessExport(PRIYA, [], [], { ...answers('p-priya'), answers: {} }));
    expect(html).toContain('We hold no equality answers for you. On Tuesday 5 January 2027 you chose to give none, so the school’s HR records will not fill them in.');
    expect(html).not.toContain('Not answered');
  });

  it('R-PRV-1: with none held, or only someone else’s, the export says none are held', () => {
    for (const record of [null, answers('p-alex')]) {
      const x = buildSubjectAccessExport(PRIYA, [], [], record);
      expect(x.equality).toBeNull();
      const html = renderSubjectAccessHtml(x);
      expect(html).toContain('We hold no equality answers for you.');
      expect(html).not.toContain('45 to 54');
    }
  });
});
