import { createSchoolPolicy } from '../../services/policy';
import type { SchoolPolicy } from '../../services/policy';
import { personSchema } from '../../services/people/person.schema';
import type { Person, PersonInput } from '../../services/people/person.schema';
import { planCycleLaunch } from '../../services/roster';

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
