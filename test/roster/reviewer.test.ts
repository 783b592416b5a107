import { openMemoryStore } from '../../storage/memory/memory.store';
import { personSchema } from '../../services/people/person.schema';
import type { Person, PersonInput } from '../../services/people/person.schema';
import { checkDelegation, reviewerOf, setReviewer } from '../../services/roster/reviewer.usecase';
import type { DelegationActor } from '../../services/roster/reviewer.usecase';

// Invented staff: head → deputy (SLT) → office lead → clerk; a second SLT member beside the deputy.
const aPerson = (id: string, over: Partial<PersonInput> = {}): Person =>
  personSchema.parse({ id, schoolId: 'oakfield', staffId: id.toUpperCase(), name: `Name ${id}`, email: `${id}@example.org`, startDate: '2020-09-01', ...over });
const roster = [
  aPerson('head', { headteacher: true, slt: true, reviewerTrained: true }),
  aPerson('deputy', { slt: true, lineManagerIds: ['head'], reviewerTrained: true }),
  aPerson('bursar', { slt: true, lineManagerIds: ['head'], reviewerTrained: true }),
  aPerson('lead', { lineManagerIds: ['deputy'], reviewerTrained: false }),
  aPerson('clerk', { lineManagerIds: ['lead'] }),
  aPerson('peer', { lineManagerIds: ['lead'], reviewerTrained: true }),
  aPerson('gone', { lineManagerIds: ['head'], slt: true, leftOn: '2026-07-31' }),
];
const HEAD: DelegationActor = { kind: 'person', personId: 'head' };
const code = (r: ReturnType<typeof checkDelegation>) => (r.ok ? 'ok' : r.error.code);

describe('reviewer delegation (R-ROLE-1, R-ROLE-3)', () => {
  it.each([
    ['a line manager', 'clerk', 'lead'],
    ["a manager's manager, higher up the chain", 'clerk', 'deputy'],
    ['SLT outside the chain', 'clerk', 'bursar'],
    ['the headteacher', 'deputy', 'head'],
  ])('R-ROLE-1: %s may review', (_who, personId, reviewerId) => {
    const r = checkDelegation(HEAD, personId, reviewerId, roster);
    expect(r.ok && r.value.person.reviewerId).toBe(reviewerId);
  });

  it.each([
    ['someone who is not the headteacher', { kind: 'person', personId: 'deputy' } as DelegationActor, 'clerk', 'lead', 'REVIEWER.NOT_ALLOWED'],
    ['a person reviewing themselves', HEAD, 'clerk', 'clerk', 'REVIEWER.SELF'],
    ['a peer at the same level', HEAD, 'clerk', 'peer', 'REVIEWER.NOT_SENIOR'],
    ['someone below the person', HEAD, 'lead', 'clerk', 'REVIEWER.NOT_SENIOR'],
    ['another SLT member for an SLT member outside their chain', HEAD, 'deputy', 'bursar', 'REVIEWER.NOT_SENIOR'],
    ['a leaver as reviewer', HEAD, 'clerk', 'gone', 'REVIEWER.LEAVER'],
    ['an unknown reviewer', HEAD, 'clerk', 'nobody', 'REVIEWER.UNKNOWN_PERSON'],
    ['a reviewer for the headteacher', HEAD, 'head', 'deputy', 'REVIEWER.HEADTEACHER'],
  ])('R-ROLE-1: refuses %s, with a reason', (_what, actor, personId, reviewerId, expected) => {
    const r = checkDelegation(actor, personId, reviewerId, roster);
    expect(code(r)).toBe(expected);
    expect(r.ok ? '' : r.error.message).not.toBe('');
  });

  it('an administrator may delegate without being a person at the school', () => {
    expect(code(checkDelegation({ kind: 'admin' }, 'clerk', 'deputy', roster))).toBe('ok');
  });

  it('R-ROLE-3: warns when the reviewer has no training recorded, and not otherwise', () => {
    const untrained = checkDelegation(HEAD, 'clerk', 'lead', roster);
    expect(untrained.ok && untrained.value.warnings).toEqual(['Name lead has no reviewer training recorded.']);
    const trained = checkDelegation(HEAD, 'clerk', 'deputy', roster);
    expect(trained.ok && trained.value.warnings).toEqual([]);
  });

  it('R-ROLE-1: the reviewer defaults to the first line manager and is stored on the person when delegated', async () => {
    const store = openMemoryStore({ parseCaseState: (raw) => raw });
    for (const p of roster) await store.people.upsert(p);
    expect(reviewerOf((await store.people.get('oakfield', 'clerk'))!)).toBe('lead');
    const r = await setReviewer(store.people, { schoolId: 'oakfield', actor: HEAD, personId: 'clerk', reviewerId: 'deputy' });
    expect(r.ok).toBe(true);
    expect(reviewerOf((await store.people.get('oakfield', 'clerk'))!)).toBe('deputy');
    const refused = await setReviewer(store.people, { schoolId: 'oakfield', actor: HEAD, personId: 'clerk', reviewerId: 'peer' });
    expect(code(refused)).toBe('REVIEWER.NOT_SENIOR');
    expect((await store.people.get('oakfield', 'clerk'))?.reviewerId).toBe('deputy');
  });
});
