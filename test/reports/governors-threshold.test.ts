import { createCaseRuntime } from '../../bot/case-runtime';
import { createLogger } from '../../bot/logger';
import { governorsReportFor } from '../../bot/report-link';
import { openCaseForPerson, parseCaseState } from '../../services/case';
import type { CaseDeps } from '../../services/case';
import { personSchema } from '../../services/people/person.schema';
import type { GovernorsReport, PublishedCount } from '../../services/reports';
import { updateSetup } from '../../services/roster';
import { FixedClock } from '../../services/shared/time';
import { openMemoryStore } from '../../storage/memory/memory.store';
import { ACTORS, policyOf } from '../case/case-fixtures';

// The school's own small-number threshold is the one the head's link and the chat summary count with (R-RPT-1:
// "default 10, school-configurable"): a school of 32 appraisals where 7 women are eligible for pay progression,
// built through the one function the link and the summary use. At the default, 7 is below the threshold and
// hidden; once the headteacher sets 5, the same 7 is published.

type Gender = 'woman' | 'man' | 'prefer-not-to-say' | null;
const GROUPS: readonly [Gender, boolean, number][] = [
  ['woman', true, 7], ['woman', false, 5], ['man', true, 6], ['man', false, 5], ['prefer-not-to-say', true, 3], ['prefer-not-to-say', false, 3], [null, true, 3],
];
const SCHOOL = 'school-threshold';
const CYCLE_START = '2025-09-01';
const TODAY = '2025-10-01';

async function seededStore() {
  const clock = new FixedClock('2025-09-08T10:00:00.000Z');
  const store = openMemoryStore({ parseCaseState, clock });
  await store.schools.save({ id: SCHOOL, name: 'Larchfield Primary', presetId: 'hampshire-model', settings: { closures: [] }, teamsTenantIds: [], slackTeamIds: [], version: 0 }, null);
  const person = (id: string, name: string, extra: object = {}) => personSchema.parse({ id, schoolId: SCHOOL, staffId: id.toUpperCase(), name, email: `${id}@larchfield.example`, startDate: '2019-09-02', ...extra });
  const head = person('p-head', 'Morwenna Tallis', { headteacher: true });
  await store.people.upsert(head);
  let n = 0;
  const deps: CaseDeps = { cases: store.cases, policyFor: async () => policyOf('hampshire-model'), clock, newId: () => `id-${(n += 1)}` };
  const members = GROUPS.flatMap(([gender, payEligible, count]) => Array.from({ length: count }, () => ({ gender, payEligible })));
  for (const [i, m] of members.entries()) {
    const reviewee = person(`p-staff-${i + 1}`, `Invented Colleague ${i + 1}`, { lineManagerIds: [head.id], reviewerId: head.id });
    await store.people.upsert(reviewee);
    const opened = await openCaseForPerson(deps, { schoolId: SCHOOL, reviewee, reviewer: head, headteacher: head, cycleStart: CYCLE_START, payEligible: m.payEligible, actor: ACTORS.headteacher, channel: 'teams' });
    if (!opened.ok) throw new Error(opened.error.message);
    if (m.gender !== null) await store.equality.put({ schoolId: SCHOOL, personId: reviewee.id, answers: { gender: m.gender }, source: 'self', updatedAt: '2025-09-08T10:00:00.000Z' });
  }
  return { store, head };
}

/** A cell of a table by its row and column names. */
function cell(report: GovernorsReport, tableId: string, row: string, column: string): PublishedCount | undefined {
  const table = report.sections.flatMap((s) => s.tables).find((t) => t.id === tableId);
  if (!table) throw new Error(`no table ${tableId}`);
  return table.cells[table.rows.indexOf(row)]?.[table.columns.indexOf(column)];
}

describe('the governors’ report counts with the school’s own threshold (R-RPT-1)', () => {
  it('R-RPT-1: a cell of 7 is hidden at the default of 10 and published once the school sets 5', async () => {
    const { store, head } = await seededStore();
    const runtime = createCaseRuntime({ store, clock: new FixedClock(`${TODAY}T10:00:00.000Z`), logger: createLogger('silent') });
    const build = async () => {
      const school = await store.schools.get(SCHOOL);
      if (!school) throw new Error('the school is seeded');
      const built = await governorsReportFor(store, runtime, school, 2025, TODAY);
      if (!built.ok) throw new Error(built.error.message);
      return built.value;
    };

    const atDefault = await build();
    expect(atDefault.threshold).toBe(10);
    expect(cell(atDefault, 'outcomes.pay.gender', 'Woman', 'Not decided yet')).toEqual({ type: 'hidden' });

    const set = await updateSetup(store.schools, { schoolId: SCHOOL, actor: { kind: 'person', personId: head.id }, roster: await store.people.list(SCHOOL), change: (s) => ({ ...s, reportThreshold: 5 }) });
    expect(set.ok).toBe(true);
    const atFive = await build();
    expect(atFive.threshold).toBe(5);
    expect(cell(atFive, 'outcomes.pay.gender', 'Woman', 'Not decided yet')).toEqual({ type: 'count', value: 7 });
    // Still nothing below the school's number is shown: the 3 who preferred not to say stay hidden.
    expect(cell(atFive, 'outcomes.pay.gender', 'Prefer not to say', 'Not decided yet')).toEqual({ type: 'hidden' });
  });
});
