import { personSchema } from '../../services/people/person.schema';
import type { EqualityRecord } from '../../services/ports/store.port';
import { equalityAnswersInWords, equalityByPerson, equalityByStaffId, parseEqualityCsv, planEqualityImport, summariseEquality } from '../../services/reports';

// Stored equality answers as the governors' report joins them, the HR file as the admin command reads and plans
// it, and the answers in words for a person's own export (R-RPT-1, R-PRV-1). Invented people only.

const person = (id: string, staffId: string) => personSchema.parse({ id, schoolId: 'school-1', staffId, name: `Person ${id}`, email: `${id}@oakfield.example`, startDate: '2019-09-02' });
const PEOPLE = [person('p-alex', 'OAK-101'), person('p-priya', 'OAK-102'), person('p-jordan', 'OAK-103'), person('p-nadia', 'OAK-104')];
const NOW = '2026-11-02T12:00:00.000Z';
const record = (personId: string, source: EqualityRecord['source'], answers: EqualityRecord['answers']): EqualityRecord => ({ schoolId: 'school-1', personId, answers, source, updatedAt: '2026-10-01T09:00:00.000Z' });
const csv = (...lines: string[]) => `${lines.join('\n')}\n`;
const parsed = (text: string) => {
  const r = parseEqualityCsv(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('the HR file of equality answers (R-RPT-1)', () => {
  it('R-RPT-1: reads answers in any case, column names in any case, and a blank as no answer', () => {
    const byStaff = parsed(csv('StaffId,gender,AGEBAND,disability', 'OAK-101,Woman,25-34,', 'OAK-102,,,', '', 'OAK-103,prefer-not-to-say,,no'));
    expect([...byStaff]).toEqual([
      ['OAK-101', { gender: 'woman', ageBand: '25-34' }],
      ['OAK-102', {}],
      ['OAK-103', { gender: 'prefer-not-to-say', disability: 'no' }],
    ]);
  });

  it.each([
    ['an answer that is not a choice', csv('staffId,gender', 'OAK-101,woman', '', 'OAK-102,Female'), /^Line 4 of the equality file, column gender: the answers allowed are woman, man, non-binary, other, prefer-not-to-say, or a blank\.$/],
    ['a missing staff id', csv('staffId,ethnicity', ',white'), /^Line 2 of the equality file, column staffId: the staff id is missing\.$/],
    ['a column the file does not use', csv('staffId,name,gender', 'OAK-101,Alex Morgan,woman'), /^Line 1 of the equality file, column name: this is not a column the file uses\. The columns are staffId, ethnicity, /],
    ['no staff id column', csv('gender', 'woman'), /^Line 1 of the equality file: there is no staffId column\.$/],
    ['a column twice', csv('staffId,gender,Gender', 'OAK-101,woman,man'), /^Line 1 of the equality file: column gender is there twice\.$/],
    ['a staff id twice, in any case', csv('staffId,gender', 'OAK-101,woman', 'oak-101,man'), /^Staff id oak-101 is in the equality file twice, on lines 2 and 3\.$/],
    ['a row with too many fields', csv('staffId,gender', 'OAK-101,woman,extra'), /^The equality file cannot be read as CSV at line 2: it has a different number of columns from the first line\.$/],
    ['an empty file', '', /^The equality file is empty/],
  ])('R-RPT-1: %s refuses the whole file, naming the line and column', (_what, text, message) => {
    const r = parseEqualityCsv(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(message);
  });

  it('R-RPT-1: a refusal never repeats the answer that was wrong', () => {
    const r = parseEqualityCsv(csv('staffId,religionOrBelief', 'OAK-101,Pastafarian'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message.toLowerCase()).not.toContain('pastafarian');
  });
});

describe('stored equality answers (R-RPT-1)', () => {
  it('R-RPT-1: the report joins stored answers by person id', () => {
    const map = equalityByPerson([record('p-alex', 'self', { gender: 'woman' }), record('p-priya', 'import', { ethnicity: 'asian' })]);
    expect([...map]).toEqual([['p-alex', { gender: 'woman' }], ['p-priya', { ethnicity: 'asian' }]]);
  });

  it('R-RPT-1: staff ids join the roster in any case; those not on it are listed', () => {
    const joined = equalityByStaffId(new Map([['oak-101', { gender: 'man' as const }], ['OAK-999', {}], ['OAK-998', {}]]), PEOPLE);
    expect([...joined.byPerson]).toEqual([['p-alex', { gender: 'man' }]]);
    expect(joined.notOnRoster).toEqual(['OAK-998', 'OAK-999']);
  });

  it('R-RPT-1: an import never overwrites answers a person gave themselves; a blank row replaces an earlier import by none', () => {
    const people = [...PEOPLE, person('p-grace', 'OAK-105')];
    const byStaff = parsed(csv('staffId,gender', 'OAK-101,man', 'OAK-102,woman', 'OAK-103,', 'OAK-104,', 'OAK-105,', 'OAK-777,woman'));
    const stored = [record('p-alex', 'self', { gender: 'woman' }), record('p-jordan', 'import', { gender: 'man' }), record('p-nadia', 'self', { ageBand: '35-44' })];
    const plan = planEqualityImport(byStaff, { schoolId: 'school-1', people, stored, now: NOW });
    expect(plan.toStore).toEqual([
      { schoolId: 'school-1', personId: 'p-priya', answers: { gender: 'woman' }, source: 'import', updatedAt: NOW },
      { schoolId: 'school-1', personId: 'p-jordan', answers: {}, source: 'import', updatedAt: NOW },
    ]);
    expect(plan.keptOwnAnswers).toBe(2);
    expect(plan.blankRows).toBe(2);
    expect(plan.notOnRoster).toEqual(['OAK-777']);
  });

  it('R-RPT-1: the summary counts people on the roster by where their answers came from; a record with no answers is none', () => {
    const stored = [record('p-alex', 'self', { disability: 'no' }), record('p-priya', 'import', { gender: 'woman' }), record('p-jordan', 'import', {}), record('p-nadia', 'self', {}), record('p-gone', 'self', { gender: 'man' })];
    expect(summariseEquality(stored, PEOPLE)).toEqual({ onRoster: 4, fromThemselves: 1, fromHrFile: 1, none: 2 });
  });

  it('R-PRV-1: answers in words use the report’s own labels, in its order, and say what was not answered', () => {
    expect(equalityAnswersInWords({ tradeUnionMember: 'yes', ethnicity: 'black', ageBand: 'prefer-not-to-say' })).toEqual([
      { question: 'Ethnic group', answer: 'Black, Black British, Caribbean or African' },
      { question: 'Gender', answer: 'Not answered' },
      { question: 'Sexual orientation', answer: 'Not answered' },
      { question: 'Disability', answer: 'Not answered' },
      { question: 'Religion or belief', answer: 'Not answered' },
      { question: 'Age', answer: 'Prefer not to say' },
      { question: 'Trade-union member', answer: 'Yes' },
    ]);
  });
});
