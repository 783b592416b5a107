import { DEMO_SCHOOL_ID, demoPeople } from '../../bot/dev/demo-school';
import type { ProductStore } from '../../bot/compose';
import { caseIdFor } from '../../services/case';
import type { CaseState } from '../../services/case';
import { play, policyOf, SPT_SCRIPT } from '../case/case-fixtures';

// The demo school with training needs and agreed support in its statements, for the "Training needs" screen in Teams
// and Slack (R-RPT-3, R-SUP-1). Each seeded person's case is a whole played cycle with the final review's training
// needs and the objectives' support replaced by the seed's; the tests count what they expect from the same seeds,
// independently of the product's grouping. Every person is invented (the demo roster).

/** The demo school's cycle that the test clock (November 2026) is in, and the one before. */
export const CPD_CYCLE = '2026-03-01';
export const EARLIER_CYCLE = '2025-03-01';

/** One person's statement: training needs as the reviewer wrote them, and each piece of support with whether it was given. */
export interface CpdSeed {
  personId: string;
  cycle: string;
  needs: string;
  support: [text: string, delivered: boolean][];
}

/** Needs written in different ways, one naming a colleague, and support naming the PD manager by email and staff id. */
export const CPD_SEEDS: CpdSeed[] = [
  { personId: 'p-sam', cycle: CPD_CYCLE, needs: 'Safeguarding level 2; First aid at work', support: [['Phonics training', true], ['Makaton course', false]] },
  { personId: 'p-nadia', cycle: CPD_CYCLE, needs: 'safeguarding level 2.\nShadow Grace Okafor in the nurture room', support: [['Mentoring with tom.ashdown@example.org (TV002)', false], ['Phonics training', false]] },
  { personId: 'p-owen', cycle: CPD_CYCLE, needs: 'First aid at work; Working at height', support: [['Ladder safety course', true]] },
  { personId: 'p-lucy', cycle: CPD_CYCLE, needs: '', support: [['Makaton course', false]] },
  { personId: 'p-jamal', cycle: CPD_CYCLE, needs: 'First Aid at work', support: [] },
  { personId: 'p-sam', cycle: EARLIER_CYCLE, needs: 'Team Teach refresher', support: [['Team Teach refresher', true]] },
];

const played = (): CaseState => {
  const state = play(policyOf('spt'), SPT_SCRIPT).map((x) => x.state).at(-1);
  if (!state?.assessment) throw new Error('the fixture script reaches no final review');
  return state;
};

/** Stores one case per seed, in its cycle, with the seed's needs and support. */
export async function seedCpd(store: ProductStore, seeds: readonly CpdSeed[] = CPD_SEEDS): Promise<void> {
  const base = played();
  const template = base.objectives[0]!;
  const people = demoPeople();
  for (const seed of seeds) {
    const person = people.find((p) => p.id === seed.personId);
    if (!person || !base.assessment) throw new Error(`no demo person ${seed.personId}`);
    const reviewer = people.find((p) => p.id === person.lineManagerIds[0]);
    // A closed case has at least one objective: with no support agreed, one that asks for none.
    const supports = seed.support.length ? seed.support.map(([text]) => text) : [''];
    const objectives = supports.map((support, i) => ({ ...template, id: `obj${i + 1}`, versions: template.versions.map((v) => ({ ...v, support })) }));
    const id = caseIdFor(seed.cycle, person.id);
    const state: CaseState = {
      ...base,
      id,
      schoolId: DEMO_SCHOOL_ID,
      cycleId: seed.cycle,
      revieweeId: person.id,
      reviewerId: reviewer?.id ?? base.reviewerId,
      names: { ...base.names, [person.id]: person.name, ...(reviewer ? { [reviewer.id]: reviewer.name } : {}) },
      objectives,
      assessment: { ...base.assessment, objectives: objectives.map((o) => ({ objectiveId: o.id, rating: 'met', comment: 'Done well', outsideFactors: '', continues: false })), trainingNeeds: seed.needs },
      supportDelivered: seed.support.flatMap(([, delivered], i) =>
        delivered ? [{ ref: { kind: 'objective' as const, id: `obj${i + 1}` }, deliveredOn: '2026-06-01', note: '', by: reviewer?.id ?? 'p-head', at: '2026-06-01T10:00:00.000Z' }] : [],
      ),
    };
    await store.cases.save({
      case: { id, schoolId: DEMO_SCHOOL_ID, cycleId: seed.cycle, revieweeId: person.id, reviewerId: state.reviewerId, stage: state.stage, version: 0, cycleEnd: policyOf('test-valley').cycleContaining(seed.cycle).end, state },
      expectedVersion: null, outbox: [], reminders: [], cancelReminderIds: [], audit: [],
    });
  }
}

/** The same words however they were written: lower case, single spaces, no end full stop. */
const key = (text: string) => text.trim().replace(/\s+/g, ' ').replace(/[.]+$/, '').toLowerCase();

/** The seeds' texts that name someone, as the screen must show them: the name, email or staff id taken out. */
export const SCRUBBED: Record<string, string> = {
  'Shadow Grace Okafor in the nurture room': 'Shadow [name removed] in the nurture room',
  'Mentoring with tom.ashdown@example.org (TV002)': 'Mentoring with [email removed] ([name removed])',
};

/** How many people of a cycle wrote each text (by its key, as shown), counted straight from the seeds. */
function countPeople(perPerson: string[][]): Map<string, number> {
  const counts = new Map<string, number>();
  const shown = (text: string) => key(SCRUBBED[text.trim()] ?? text);
  for (const texts of perPerson) for (const k of new Set(texts.map(shown).filter((t) => t !== ''))) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

/** What the screen should count for a cycle's seeds: needs and waiting support by key, staff with needs, support totals. */
export function expectedCounts(cycle: string, seeds: readonly CpdSeed[] = CPD_SEEDS) {
  const mine = seeds.filter((s) => s.cycle === cycle);
  const needsOf = (s: CpdSeed) => s.needs.split(/[\n;]+/);
  return {
    appraisals: mine.length,
    needs: countPeople(mine.map(needsOf)),
    waiting: countPeople(mine.map((s) => s.support.filter(([, delivered]) => !delivered).map(([text]) => text))),
    staffWithNeeds: mine.filter((s) => needsOf(s).some((n) => key(n) !== '')).length,
    agreed: mine.flatMap((s) => s.support).length,
    delivered: mine.flatMap((s) => s.support).filter(([, delivered]) => delivered).length,
  };
}

/** "4 staff" or "1 member of staff", as the screen writes a count. */
export const staffWords = (n: number): string => (n === 1 ? '1 member of staff' : `${n} staff`);

/** Every name, email and staff id of the demo school, and each word of a name: none may appear on the screen. */
export const IDENTIFYING: string[] = demoPeople().flatMap((p) => [p.name, p.email, p.staffId, p.id, ...p.name.split(' ')]);

/** The identifying words a text shows (whole words, as written). */
export const identifyingIn = (text: string): string[] => IDENTIFYING.filter((t) => new RegExp(`(?<![\\p{L}\\p{N}])${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u').test(text));

/** Reads a screen line "Text (4 staff)" back as its key and count. */
export function countOf(line: string): [string, number] | null {
  const m = /^(.*) \((?:(\d+) staff|(1) member of staff)\)$/.exec(line);
  return m ? [key(m[1] ?? ''), Number(m[2] ?? m[3])] : null;
}
