import { createCaseRuntime } from '../../bot/case-runtime';
import { createLogger } from '../../bot/logger';
import { governorsReportFor } from '../../bot/report-link';
import { openCaseForPerson, parseCaseState } from '../../services/case';
import type { CaseDeps } from '../../services/case';
import { personSchema } from '../../services/people/person.schema';
import type { GovernorsReport, PublishedCount } from '../../services/reports';
import { FixedClock } from '../../services/shared/time';
import { openStore } from '../../storage/open-store';
import { ACTORS, policyOf } from '../case/case-fixtures';
import { adminWorkspace } from '../support/admin-cli';

// The governors' report counts the stored equality answers, end to end (R-RPT-1): a school of 32 appraisals,
// some answers given in chat, the rest from the HR file through the admin command, read back through the admin
// command's report and through the one function the head's link and the chat summary build it with. Every count
// the report publishes, at the default threshold of 10, is checked against a count made here from the seed, with
// labels written out here rather than taken from the report's own code.

type Gender = 'woman' | 'man' | 'prefer-not-to-say' | null;
interface Member { readonly id: string; readonly staffId: string; readonly gender: Gender; readonly payEligible: boolean; readonly via: 'self' | 'import' }

const GROUPS: readonly [Gender, boolean, number][] = [
  ['woman', true, 7], ['woman', false, 5], ['man', true, 6], ['man', false, 5], ['prefer-not-to-say', true, 3], ['prefer-not-to-say', false, 3], [null, true, 3],
];
const MEMBERS: Member[] = GROUPS.flatMap(([gender, payEligible, n]) => Array.from({ length: n }, () => ({ gender, payEligible }))).map((m, i) => ({
  ...m, id: `p-staff-${i + 1}`, staffId: `OAK-${200 + i}`, via: i % 3 === 0 ? 'self' : 'import',
}));
const GENDER_ROWS: Readonly<Record<string, string>> = { woman: 'Woman', man: 'Man', 'prefer-not-to-say': 'Prefer not to say', none: 'Not recorded' };
const SCHOOL = 'school-eq';
const CYCLE_START = '2025-09-01';

const ws = adminWorkspace('governors-equality-');
const { data, admin, file } = ws;

async function seed(): Promise<void> {
  const clock = new FixedClock('2025-09-08T10:00:00.000Z');
  const store = await openStore({ kind: 'embedded', dataDir: data() }, parseCaseState, clock);
  try {
    await store.schools.save({ id: SCHOOL, name: 'Hazelwood Primary', presetId: 'hampshire-model', settings: {}, teamsTenantIds: [], slackTeamIds: [], version: 0 }, null);
    const person = (id: string, name: string, staffId: string, extra: object = {}) => personSchema.parse({ id, schoolId: SCHOOL, staffId, name, email: `${id}@hazelwood.example`, startDate: '2019-09-02', ...extra });
    const head = person('p-head', 'Rowan Ashdown', 'OAK-100', { headteacher: true });
    await store.people.upsert(head);
    let n = 0;
    const deps: CaseDeps = { cases: store.cases, policyFor: async () => policyOf('hampshire-model'), clock, newId: () => `id-${(n += 1)}` };
    for (const m of MEMBERS) {
      const reviewee = person(m.id, `Invented Person ${m.staffId}`, m.staffId, { lineManagerIds: [head.id], reviewerId: head.id });
      await store.people.upsert(reviewee);
      const opened = await openCaseForPerson(deps, { schoolId: SCHOOL, reviewee, reviewer: head, headteacher: head, cycleStart: CYCLE_START, payEligible: m.payEligible, actor: ACTORS.headteacher, channel: 'teams' });
      if (!opened.ok) throw new Error(opened.error.message);
      // Those who answered in chat: their own answers, which the HR file must not change.
      if (m.via === 'self' && m.gender !== null) await store.equality.put({ schoolId: SCHOOL, personId: m.id, answers: { gender: m.gender }, source: 'self', updatedAt: '2025-09-08T10:00:00.000Z' });
    }
  } finally {
    await store.close();
  }
}

/** The HR file: its answers for the rest, and a different answer for everyone who gave their own in chat. */
const hrFile = () =>
  ['staffId,gender', ...MEMBERS.map((m) => `${m.staffId},${m.via === 'self' ? 'non-binary' : (m.gender ?? '')}`)].join('\n');

/** The count of people in a gender row and pay column, worked out from the seed (or from the genders of a file). */
function expectedPay(row: string, column: string, genderOf: (m: Member) => Gender = (m) => m.gender): number {
  return MEMBERS.filter((m) => (row === 'Total' || GENDER_ROWS[genderOf(m) ?? 'none'] === row) && (column === 'Total' || (m.payEligible ? 'Not decided yet' : 'Not eligible') === column)).length;
}

const tableOf = (report: GovernorsReport, id: string) => {
  const table = report.sections.flatMap((s) => s.tables).find((t) => t.id === id);
  if (!table) throw new Error(`no table ${id}`);
  return table;
};
/** Every published count of a table with its row and column names (totals as "Total"). */
function publishedCounts(report: GovernorsReport, id: string): [string, string, number][] {
  const t = tableOf(report, id);
  const out: [string, string, number][] = [];
  const add = (row: string, column: string, c: PublishedCount | null | undefined) => {
    if (c?.type === 'count') out.push([row, column, c.value]);
  };
  t.rows.forEach((row, i) => {
    t.columns.forEach((column, j) => add(row, column, t.cells[i]?.[j]));
    add(row, 'Total', t.rowTotals?.[i]);
  });
  t.columns.forEach((column, j) => add('Total', column, t.columnTotals?.[j]));
  add('Total', 'Total', t.grandTotal);
  return out;
}

beforeAll(async () => {
  ws.open();
  await seed();
  const run = await admin('equality', 'import', file('hr.csv', hrFile()), '--school', SCHOOL, '--json');
  if (run.code !== 0) throw new Error(run.stderr);
}, 120_000);
afterAll(() => ws.close());

describe('the governors’ report counts the stored equality answers (R-RPT-1)', () => {
  jest.setTimeout(60_000);
  const report = async (...extra: string[]) => {
    const r = await admin('report', 'governors', '--school', SCHOOL, '--cycle', '2025', '--today', '2025-10-01', '--json', ...extra);
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout) as GovernorsReport;
  };

  it('R-RPT-1: pay progression by gender publishes, and every published count is the count of the stored answers', async () => {
    const published = publishedCounts(await report(), 'outcomes.pay.gender');
    for (const [row, column, value] of published) expect([row, column, value]).toEqual([row, column, expectedPay(row, column)]);
    // The table publishes: the rows of groups above the threshold and the whole school are shown.
    // The table publishes: the rows of groups above the threshold, and the whole school.
    expect(published).toEqual(expect.arrayContaining([['Woman', 'Total', 12], ['Man', 'Total', 11], ['Total', 'Total', 32]]));
  });

  it('R-RPT-1: the head’s link and the chat summary build the same report from the stored answers', async () => {
    const store = await openStore({ kind: 'embedded', dataDir: data() }, parseCaseState);
    try {
      const clock = new FixedClock('2025-10-01T10:00:00.000Z');
      const runtime = createCaseRuntime({ store, clock, logger: createLogger('silent') });
      const school = await store.schools.get(SCHOOL);
      if (!school) throw new Error('the school is seeded');
      const built = await governorsReportFor(store, runtime, school, 2025, '2025-10-01');
      if (!built.ok) throw new Error(built.error.message);
      const published = publishedCounts(built.value, 'outcomes.pay.gender');
      for (const [row, column, value] of published) expect([row, column, value]).toEqual([row, column, expectedPay(row, column)]);
      expect(published).toEqual(expect.arrayContaining([['Woman', 'Total', 12], ['Man', 'Total', 11]]));
      expect(published).toEqual(publishedCounts(await report(), 'outcomes.pay.gender'));
    } finally {
      await store.close();
    }
  });

  it('R-RPT-1: --equality FILE counts that file for the one run, and the stored answers stay as they were', async () => {
    // A file with women and men the other way round, for everyone, those who answered in chat too.
    const swapped = (m: Member): Gender => (m.gender === 'woman' ? 'man' : m.gender === 'man' ? 'woman' : m.gender);
    const swappedFile = file('swapped.csv', ['staffId,gender', ...MEMBERS.map((m) => `${m.staffId},${swapped(m) ?? ''}`)].join('\n'));
    const fromFile = publishedCounts(await report('--equality', swappedFile), 'outcomes.pay.gender');
    for (const [row, column, value] of fromFile) expect([row, column, value]).toEqual([row, column, expectedPay(row, column, swapped)]);
    expect(fromFile).toEqual(expect.arrayContaining([['Woman', 'Total', 11], ['Man', 'Total', 12]]));
    const again = publishedCounts(await report(), 'outcomes.pay.gender');
    expect(again).toEqual(expect.arrayContaining([['Woman', 'Total', 12], ['Man', 'Total', 11]]));
  });
});
