import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openMemoryStore } from '../../storage/memory/memory.store';
import type { Person } from '../../services/people/person.schema';
import type { PersonRepository } from '../../services/ports/store.port';
import { planRosterImport } from '../../services/roster/roster-plan';
import { importRoster } from '../../services/roster/roster-import.usecase';
import { csv, fullRoster, HEADER, ROWS, SCHOOL } from './roster-fixtures';

const TODAY = '2026-11-25';

/** Counts writes so "nothing written" is asserted, not assumed. */
class CountingPeople implements PersonRepository {
  upserts = 0;
  constructor(private readonly inner: PersonRepository) {}
  get(s: string, p: string) { return this.inner.get(s, p); }
  findByTeamsAadObjectId(id: string) { return this.inner.findByTeamsAadObjectId(id); }
  findBySlackUserId(id: string) { return this.inner.findBySlackUserId(id); }
  list(s: string) { return this.inner.list(s); }
  upsert(p: Person) { this.upserts += 1; return this.inner.upsert(p); }
}

const fresh = () => new CountingPeople(openMemoryStore({ parseCaseState: (raw) => raw }).people);
const issuesOf = (text: string) => {
  const r = planRosterImport(text, [], TODAY, SCHOOL);
  if (r.ok) throw new Error('expected the roster to be refused');
  return r.error.issues;
};

describe('roster import (R-ROLE-1, R-ELG-1)', () => {
  it('R-ROLE-1: a valid file adds everyone with stable ids, flags, dates (UK and ISO) and line managers', async () => {
    const people = fresh();
    const r = await importRoster(people, { schoolId: SCHOOL, csvText: fullRoster(), today: TODAY, dryRun: false });
    expect(r.ok && r.value.added.map((p) => p.id)).toEqual(['oakfield-of1', 'oakfield-of2', 'oakfield-of3', 'oakfield-of4']);
    const sbm = await people.get(SCHOOL, 'oakfield-of2');
    expect(sbm).toMatchObject({ startDate: '2020-01-01', slt: true, pdManager: true, reviewerTrained: true, lineManagerIds: ['oakfield-of1'], slack: { userId: 'U0002' } });
    expect(await people.get(SCHOOL, 'oakfield-of3')).toMatchObject({ contractType: 'fixed-term', endDate: '2025-08-31', termTimeOnly: true });
    expect(await people.get(SCHOOL, 'oakfield-of4')).toMatchObject({ lineManagerIds: ['oakfield-of2', 'oakfield-of1'], partTime: true });
    expect((await people.get(SCHOOL, 'oakfield-of1'))?.teams?.aadObjectId).toBe('aad-1');
  });

  it('headers match whatever their case and spacing', () => {
    const loose = HEADER.toLowerCase().replace(/ /g, '_').replace('Work Email', 'WORK EMAIL');
    const r = planRosterImport([loose, ROWS.head].join('\n'), [], TODAY, SCHOOL);
    expect(r.ok && r.value.added[0]?.headteacher).toBe(true);
  });

  it('a dry run lists what would change and writes nothing', async () => {
    const people = fresh();
    const r = await importRoster(people, { schoolId: SCHOOL, csvText: fullRoster(), today: TODAY, dryRun: true });
    expect(r.ok && r.value.added).toHaveLength(4);
    expect(people.upserts).toBe(0);
    expect(await people.list(SCHOOL)).toEqual([]);
  });

  it('re-importing the same file changes nothing and writes nothing', async () => {
    const people = fresh();
    await importRoster(people, { schoolId: SCHOOL, csvText: fullRoster(), today: TODAY, dryRun: false });
    people.upserts = 0;
    const r = await importRoster(people, { schoolId: SCHOOL, csvText: fullRoster(), today: '2026-12-01', dryRun: false });
    expect(r.ok && r.value).toEqual({ added: [], changed: [], leavers: [], unchanged: 4 });
    expect(people.upserts).toBe(0);
  });

  it('a changed row reports which fields changed', async () => {
    const people = fresh();
    await importRoster(people, { schoolId: SCHOOL, csvText: fullRoster(), today: TODAY, dryRun: false });
    const moved = ROWS.ta.replace('Teaching Assistant', 'Senior Teaching Assistant').replace(',1,0,0,0,0,0', ',1,1,0,0,0,0');
    const r = await importRoster(people, { schoolId: SCHOOL, csvText: csv(ROWS.head, ROWS.sbm, moved, ROWS.cleaner), today: TODAY, dryRun: true });
    expect(r.ok && r.value.changed.map((c) => [c.after.id, c.fields])).toEqual([['oakfield-of3', ['jobTitle', 'partTime']]]);
  });

  it('people missing from a new file are marked as leavers, never deleted, and re-activated when they return', async () => {
    const people = fresh();
    await importRoster(people, { schoolId: SCHOOL, csvText: fullRoster(), today: TODAY, dryRun: false });
    const r = await importRoster(people, { schoolId: SCHOOL, csvText: csv(ROWS.head, ROWS.sbm, ROWS.ta), today: '2027-01-04', dryRun: false });
    expect(r.ok && r.value.leavers.map((p) => p.id)).toEqual(['oakfield-of4']);
    expect((await people.get(SCHOOL, 'oakfield-of4'))?.leftOn).toBe('2027-01-04');
    expect(await people.list(SCHOOL)).toHaveLength(4);
    const back = await importRoster(people, { schoolId: SCHOOL, csvText: fullRoster(), today: '2027-02-01', dryRun: false });
    expect(back.ok && back.value.changed.map((c) => [c.after.id, c.fields])).toEqual([['oakfield-of4', ['leftOn']]]);
    expect((await people.get(SCHOOL, 'oakfield-of4'))?.leftOn).toBeNull();
  });

  it('R-ROLE-1: people already stored keep their ids, delegated reviewers and chat links, matched by staff id', async () => {
    const people = fresh();
    await importRoster(people, { schoolId: SCHOOL, csvText: fullRoster(), today: TODAY, dryRun: false });
    const ta = (await people.get(SCHOOL, 'oakfield-of3'))!;
    await people.upsert({ ...ta, id: 'p-ivy', reviewerId: 'oakfield-of1', teams: { aadObjectId: 'aad-3', tenantId: 't', unreachable: false } });
    const existing = (await people.list(SCHOOL)).filter((p) => p.id !== 'oakfield-of3');
    const r = planRosterImport(fullRoster(), existing, TODAY, SCHOOL);
    expect(r.ok && r.value.unchanged).toBe(4);
    const again = planRosterImport(csv(ROWS.head, ROWS.sbm, ROWS.ta.replace('Teaching Assistant', 'Senior TA'), ROWS.cleaner), existing, TODAY, SCHOOL);
    expect(again.ok && again.value.changed[0]?.after).toMatchObject({ id: 'p-ivy', reviewerId: 'oakfield-of1', teams: { aadObjectId: 'aad-3' } });
  });

  it.each([
    ['an unknown line manager', csv(ROWS.head, ROWS.sbm.replace(',OF1,', ',OF9,')), 3, /line manager OF9 is not in the roster/],
    ['a duplicate staff id', csv(ROWS.head, ROWS.sbm, ROWS.ta.replace('OF3,', 'OF2,')), 4, /staff id OF2 is already used on line 3/],
    ['a duplicate email', csv(ROWS.head, ROWS.sbm, ROWS.ta.replace('ivy.strand@', 'RUFUS.penhallow@')), 4, /work email rufus.penhallow@example.org is already used on line 3/],
    ['a duplicate Teams id', csv(ROWS.head, ROWS.sbm.replace(',,U0002', ',aad-1,U0002')), 3, /teams aad object id aad-1 is already used on line 2/],
    ['a bad date', csv(ROWS.head, ROWS.sbm.replace('01/01/2020', '31/02/2020')), 3, /start date: "31\/02\/2020" is not a date/],
    ['an end before the start', csv(ROWS.head, ROWS.sbm, ROWS.ta.replace('2025-08-31', '2024-08-31')), 4, /end date is before start date/],
    ['a missing required column', [HEADER.replace('Work Email,', ''), 'OF1,Hattie Quill,Head'].join('\n'), 1, /required column "work email" is missing/],
    ['a person managing themselves', csv(ROWS.head.replace(',leadership,,', ',leadership,OF1,')), 2, /OF1 cannot be their own line manager/],
    ['a management cycle', csv(ROWS.head.replace(',leadership,,', ',leadership,OF2,'), ROWS.sbm), 2, /goes round in a circle: OF1 → OF2 → OF1/],
    ['a flag that is not yes or no', csv(ROWS.head.replace(',yes,yes,no,yes,', ',maybe,yes,no,yes,')), 2, /headteacher: "maybe" is not yes or no/],
  ])('R-ROLE-1: %s is refused with its CSV line number', (_kind, text, line, message) => {
    const issues = issuesOf(text);
    expect(issues).toEqual(expect.arrayContaining([{ line, message: expect.stringMatching(message) as unknown as string }]));
  });

  it('nothing is written when any row is invalid, and every error is listed', async () => {
    const people = fresh();
    const bad = csv(ROWS.head, ROWS.sbm.replace('01/01/2020', 'soon'), ROWS.ta, ROWS.cleaner.replace('OF2;OF1', 'OF7'));
    const r = await importRoster(people, { schoolId: SCHOOL, csvText: bad, today: TODAY, dryRun: false });
    expect(r.ok ? [] : r.error.issues.map((i) => i.line)).toEqual([3, 5]);
    expect(people.upserts).toBe(0);
  });
});

describe('the documented roster template', () => {
  it('imports cleanly', () => {
    const text = readFileSync(path.join('docs', 'roster-template.csv'), 'utf8');
    const r = planRosterImport(text, [], TODAY, SCHOOL);
    expect(r.ok && r.value.added.map((p) => p.lineManagerIds.length)).toEqual([0, 1, 2]);
  });
});
