import { createSchoolPolicy } from '../../services/policy';
import type { SchoolPolicy } from '../../services/policy';
import { personSchema } from '../../services/people/person.schema';
import type { Person, PersonInput } from '../../services/people/person.schema';
import { briefingContent, launchCycle, planCycleLaunch } from '../../services/roster';
import type { OpenCase } from '../../services/roster';
import { ok } from '../../services/shared/result';
import { openMemoryStore } from '../../storage/memory/memory.store';

// Invented staff at an invented school. Each launch is checked against dates worked out from the policy texts.
const person = (id: string, over: Partial<PersonInput> = {}): Person =>
  personSchema.parse({ id, schoolId: 'oakfield', staffId: id.toUpperCase(), name: `Person ${id}`, email: `${id}@example.org`, startDate: '2019-09-01', lineManagerIds: ['head'], ...over });

const policyOf = (presetId: string, settings: unknown = {}): SchoolPolicy => {
  const built = createSchoolPolicy({ presetId, settings });
  if (!built.ok) throw new Error(built.error.message);
  return built.value;
};

const roster = [
  person('head', { headteacher: true, lineManagerIds: [] }),
  person('long-serving'),
  person('september-joiner', { startDate: '2026-09-14' }),
  person('december-joiner', { startDate: '2026-12-01' }),
  person('short-contract', { startDate: '2026-09-01', endDate: '2026-10-31', contractType: 'fixed-term' }),
  person('nine-month-contract', { startDate: '2026-09-01', endDate: '2027-05-31', contractType: 'fixed-term' }),
  person('informal-support', { status: 'informal-capability' }),
  person('in-induction', { status: 'induction' }),
  person('left-last-year', { leftOn: '2025-12-31' }),
  person('starts-next-year', { startDate: '2027-09-01' }),
  person('no-manager', { lineManagerIds: [] }),
];

type Row = { preset: string; settings?: unknown; year: number; who: string; expect: { start: string; end: string; limit: number; reduced: boolean } | string };

const table: Row[] = [
  // test-valley: March to February (R-CYC-1); joiners placed by month (R-CYC-4).
  { preset: 'test-valley', year: 2026, who: 'long-serving', expect: { start: '2026-03-01', end: '2027-02-28', limit: 3, reduced: false } },
  { preset: 'test-valley', year: 2026, who: 'september-joiner', expect: { start: '2026-09-14', end: '2027-02-28', limit: 2, reduced: true } },
  { preset: 'test-valley', year: 2026, who: 'december-joiner', expect: { start: '2026-12-01', end: '2028-02-29', limit: 3, reduced: false } },
  { preset: 'test-valley', year: 2026, who: 'nine-month-contract', expect: { start: '2026-09-01', end: '2027-05-31', limit: 2, reduced: true } },
  { preset: 'test-valley', year: 2026, who: 'short-contract', expect: 'not-eligible' },
  { preset: 'test-valley', year: 2026, who: 'informal-support', expect: 'not-eligible' },
  { preset: 'test-valley', year: 2026, who: 'in-induction', expect: { start: '2026-03-01', end: '2027-02-28', limit: 3, reduced: false } },
  { preset: 'test-valley', year: 2026, who: 'head', expect: 'headteacher' },
  { preset: 'test-valley', year: 2026, who: 'left-last-year', expect: 'left' },
  { preset: 'test-valley', year: 2026, who: 'starts-next-year', expect: 'starts-later' },
  { preset: 'test-valley', year: 2026, who: 'no-manager', expect: 'no-reviewer' },
  // spt: 1 September to 31 August, up to six objectives; informal support does not exclude (R-ELG-1).
  { preset: 'spt', year: 2026, who: 'long-serving', expect: { start: '2026-09-01', end: '2027-08-31', limit: 6, reduced: false } },
  { preset: 'spt', year: 2026, who: 'september-joiner', expect: { start: '2026-09-14', end: '2027-08-31', limit: 6, reduced: false } },
  { preset: 'spt', year: 2026, who: 'informal-support', expect: { start: '2026-09-01', end: '2027-08-31', limit: 6, reduced: false } },
  { preset: 'spt', year: 2026, who: 'starts-next-year', expect: 'starts-later' },
  // hampshire-model: formal induction is excluded (R-ELG-1).
  { preset: 'hampshire-model', year: 2026, who: 'in-induction', expect: 'not-eligible' },
  { preset: 'hampshire-model', year: 2026, who: 'nine-month-contract', expect: { start: '2026-09-01', end: '2027-05-31', limit: 3, reduced: false } },
  // propeller: January to December unless the school picks September (R-CYC-1).
  { preset: 'propeller', year: 2027, who: 'long-serving', expect: { start: '2027-01-01', end: '2027-12-31', limit: 3, reduced: false } },
  { preset: 'propeller', settings: { cycleStartMonth: 9 }, year: 2026, who: 'long-serving', expect: { start: '2026-09-01', end: '2027-08-31', limit: 3, reduced: false } },
];

describe('cycle launch (R-CYC-1, R-CYC-3, R-CYC-4, R-ELG-1)', () => {
  it.each(table)('R-CYC-1: $preset $year — $who', ({ preset, settings, year, who, expect: wanted }) => {
    const plan = planCycleLaunch({ policy: policyOf(preset, settings), people: roster, cycleYear: year, openRevieweeIds: new Set() });
    const included = plan.included.find((e) => e.person.id === who);
    const excluded = plan.excluded.find((e) => e.person.id === who);
    if (typeof wanted === 'string') {
      expect(included).toBeUndefined();
      expect(excluded?.code).toBe(wanted);
      expect(excluded?.reason.length).toBeGreaterThan(10);
    } else {
      expect(excluded).toBeUndefined();
      expect(included && { start: included.cycle.start, end: included.cycle.end, limit: included.cycle.objectiveLimit, reduced: included.cycle.reducedObjectives }).toEqual(wanted);
    }
  });

  it('R-CYC-1: everyone on the roster is either included or listed with a reason, exactly once', () => {
    const plan = planCycleLaunch({ policy: policyOf('test-valley'), people: roster, cycleYear: 2026, openRevieweeIds: new Set() });
    const ids = [...plan.included.map((e) => e.person.id), ...plan.excluded.map((e) => e.person.id)].sort();
    expect(ids).toEqual(roster.map((p) => p.id).sort());
    expect([plan.cycleStart, plan.cycleEnd]).toEqual(['2026-03-01', '2027-02-28']);
  });

  it('R-ROLE-1: the reviewer is the delegated one, else the first line manager', () => {
    const people = [person('head', { headteacher: true, lineManagerIds: [] }), person('a', { lineManagerIds: ['m1', 'm2'] }), person('b', { lineManagerIds: ['m1'], reviewerId: 'm3' })];
    const plan = planCycleLaunch({ policy: policyOf('spt'), people, cycleYear: 2026, openRevieweeIds: new Set() });
    expect(plan.included.map((e) => [e.person.id, e.reviewerId])).toEqual([['a', 'm1'], ['b', 'm3']]);
  });

  it('R-CYC-1: launching again leaves people who already have a case alone', () => {
    const plan = planCycleLaunch({ policy: policyOf('spt'), people: roster, cycleYear: 2026, openRevieweeIds: new Set(['long-serving']) });
    expect(plan.alreadyOpen.map((p) => p.id)).toEqual(['long-serving']);
    expect(plan.included.some((e) => e.person.id === 'long-serving')).toBe(false);
  });
});

describe('new-starter briefing (R-CHAT-4)', () => {
  it('R-CHAT-4: a new starter is told their cycle dates, stages, objective limit and who can see their record', () => {
    const policy = policyOf('test-valley');
    const cycle = policy.cycleFor({ start: '2026-12-01' });
    const content = briefingContent({ schoolName: 'Oakfield Primary', policy, cycle, reviewerName: 'Sam Okafor', open: { verb: 'ipp.home.show', title: 'Open my appraisal', caseId: 'c1', version: 1 } });
    const text = content.lines.join('\n');
    expect(text).toContain('Tuesday 1 December to Tuesday 29 February');
    expect(text).toContain('longer than usual');
    expect(text).toContain('you and Sam Okafor agree up to 3 objectives');
    expect(text).toContain('pay progression');
    expect(text).toContain('who has access');
    expect(content).toMatchObject({ kind: 'notice', due: null, open: { caseId: 'c1' } });
  });

  it('R-CHAT-4: a September joiner is told of the reduced number of objectives, and no extension', () => {
    const policy = policyOf('test-valley');
    const content = briefingContent({ schoolName: 'Oakfield Primary', policy, cycle: policy.cycleFor({ start: '2026-09-14' }), reviewerName: null, open: null });
    const text = content.lines.join('\n');
    expect(text).toContain('you and your reviewer agree up to 2 objectives');
    expect(text).not.toContain('longer than usual');
  });
});

describe('launching a cycle (R-CYC-1)', () => {
  const seeded = async () => {
    const store = openMemoryStore<unknown>({ parseCaseState: (raw) => raw });
    for (const p of roster) await store.people.upsert(p);
    return store;
  };

  it('R-CYC-1: a dry run opens nothing; the launch opens a case for each included person, once', async () => {
    const store = await seeded();
    const policy = policyOf('test-valley');
    const opened: string[] = [];
    const openCase: OpenCase = async (entry, plan) => {
      opened.push(entry.person.id);
      await store.cases.save({
        case: { id: `case-${entry.person.id}`, schoolId: 'oakfield', cycleId: plan.cycleStart, revieweeId: entry.person.id, reviewerId: entry.reviewerId, stage: 'preparation', version: 0, cycleEnd: entry.cycle.end, state: {} },
        expectedVersion: null, outbox: [], reminders: [], cancelReminderIds: [], audit: [],
      });
      return ok({ caseId: `case-${entry.person.id}` });
    };
    const head = { kind: 'person' as const, personId: 'head' };
    const dry = await launchCycle({ store, policy, openCase }, { schoolId: 'oakfield', cycleYear: 2026, actor: head, dryRun: true });
    expect(dry.ok && dry.value.plan.included.length).toBe(5);
    expect(opened).toEqual([]);
    const real = await launchCycle({ store, policy, openCase }, { schoolId: 'oakfield', cycleYear: 2026, actor: head, dryRun: false });
    expect(real.ok && real.value.opened.map((o) => o.personId).sort()).toEqual(['december-joiner', 'in-induction', 'long-serving', 'nine-month-contract', 'september-joiner']);
    const again = await launchCycle({ store, policy, openCase }, { schoolId: 'oakfield', cycleYear: 2026, actor: head, dryRun: false });
    expect(again.ok && again.value.opened).toEqual([]);
    expect(again.ok && again.value.plan.alreadyOpen.length).toBe(5);
    expect(opened.length).toBe(5);
  });

  it('R-ROLE-1: only the headteacher may launch the cycle', async () => {
    const store = await seeded();
    const result = await launchCycle({ store, policy: policyOf('spt'), openCase: async () => ok({ caseId: 'x' }) }, { schoolId: 'oakfield', cycleYear: 2026, actor: { kind: 'person', personId: 'long-serving' }, dryRun: false });
    expect(result.ok ? 'launched' : result.error.code).toBe('LAUNCH.NOT_ALLOWED');
  });
});
