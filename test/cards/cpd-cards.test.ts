import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Actor } from '../../bot/actor';
import { createCaseRuntime } from '../../bot/case-runtime';
import type { ProductStore } from '../../bot/compose';
import { cpdScreen } from '../../bot/cpd-screens';
import { createLogger } from '../../bot/logger';
import type { ListScreen } from '../../bot/queue-screens';
import { listBlocks } from '../../cards/slack/case-blocks';
import { listCard } from '../../cards/teams/cards';
import { CPD_PAGE_LINES, cpdView } from '../../cards/views/cpd.view';
import type { ListView } from '../../cards/views/list.view';
import { Verbs } from '../../cards/verbs';
import { caseIdFor, parseCaseState } from '../../services/case';
import type { CaseState } from '../../services/case';
import { personSchema } from '../../services/people/person.schema';
import type { SchoolRecord } from '../../services/ports/store.port';
import type { CpdSummary } from '../../services/reports';
import { FixedClock } from '../../services/shared/time';
import { openStore } from '../../storage/open-store';
import { play, policyOf, SPT_SCRIPT } from '../case/case-fixtures';
import { messageProblems } from '../slack/block-kit-checks';
import { cardRuleProblems } from './card-rules';

// "Training needs" at the size of a school (R-RPT-3, R-SUP-1): 90 statements with common needs, needs of their own,
// and needs and support of up to 2,000 characters (accents, emoji, mrkdwn and JSON special characters), built by the
// real screen over the embedded store, come a page at a time; each page is a valid card under 28 KB with routed
// verbs and a Slack message within Block Kit's limits, shown whole, and every grouped line is listed once.

const SCHOOL: SchoolRecord = { id: 'school-1', name: 'Oakfield Primary', presetId: 'hampshire-model', settings: {}, teamsTenantIds: [], slackTeamIds: [], version: 0 };
const CYCLE = '2025-09-01';
const base = play(policyOf('spt'), SPT_SCRIPT).map((x) => x.state).at(-1)!;
const person = (n: number, extra: object = {}) =>
  personSchema.parse({ id: `p-${n}`, schoolId: SCHOOL.id, staffId: `OAK-${1000 + n}`, name: `Invented Person ${n}`, email: `p${n}@oakfield.example`, startDate: '2019-09-02', ...extra });
const pd = person(0, { pdManager: true, name: 'Jordan Ellis' });
const actor: Actor = { chat: 'teams', userKey: 'aad-jordan', person: pd, school: SCHOOL, roles: new Set(['pd-manager']) };

const long = (n: number) => `Course ${n}: ${'Lecture & practice <@U123> “ünïcödé” 🎓 "quoted" '.repeat(60)}`.slice(0, 1950);
/** The needs of person n: one shared by all; then one of their own and every third a second shared one, or every tenth a very long one. */
const needsOf = (n: number) => ['Safeguarding level 2', ...(n % 10 === 0 ? [long(n)] : [n % 3 === 0 ? 'First aid at work' : '', `Own need ${n}`])].filter(Boolean).join('\n');

const open: { store: ProductStore; dir: string }[] = [];
afterEach(async () => {
  for (const { store, dir } of open.splice(0)) {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** The school in an embedded store (indexed by cycle, as the real stores are), and the screen over it. */
async function school(people = 90): Promise<(data: Record<string, unknown>) => Promise<ListScreen>> {
  const clock = new FixedClock('2026-07-01T10:00:00.000Z');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipp-cpd-'));
  const store: ProductStore = await openStore<CaseState>({ kind: 'embedded', dataDir: dir }, parseCaseState, clock);
  open.push({ store, dir });
  await store.schools.save(SCHOOL, null);
  await store.people.upsert(pd);
  const objective = base.objectives[0]!;
  for (let n = 1; n <= people; n += 1) {
    const p = person(n);
    await store.people.upsert(p);
    const support = n % 7 === 0 ? long(n) : `Support of their own ${n}`;
    const id = caseIdFor(CYCLE, p.id);
    const state: CaseState = {
      ...base, id, schoolId: SCHOOL.id, cycleId: CYCLE, revieweeId: p.id, names: { ...base.names, [p.id]: p.name },
      objectives: [{ ...objective, versions: objective.versions.map((v) => ({ ...v, support })) }],
      assessment: { ...base.assessment!, objectives: [{ objectiveId: objective.id, rating: 'met', comment: 'Done well', outsideFactors: '', continues: false }], trainingNeeds: needsOf(n) },
    };
    await store.cases.save({
      case: { id, schoolId: SCHOOL.id, cycleId: CYCLE, revieweeId: p.id, reviewerId: state.reviewerId, stage: state.stage, version: 0, cycleEnd: state.cycle.end, state },
      expectedVersion: null, outbox: [], reminders: [], cancelReminderIds: [], audit: [],
    });
  }
  const runtime = createCaseRuntime({ store, clock, logger: createLogger('silent') });
  return (data) => cpdScreen(store, runtime, actor, data);
}

const viewOf = (screen: ListScreen): ListView => {
  if (screen.kind !== 'list') throw new Error(`expected a list, got ${screen.view.message}`);
  return screen.view;
};

describe('training needs as cards (R-RPT-3, R-SUP-1)', () => {
  it('R-RPT-3, R-CHAT-1: a school’s needs come a page at a time, each a valid card under 28 KB and a whole Slack message, every line once', async () => {
    const show = await school();
    const pages: ListView[] = [];
    let data: Record<string, unknown> = {};
    for (;;) {
      const view = viewOf(await show(data));
      pages.push(view);
      const next = view.actions.find((a) => a.verb === Verbs.cpdShow && a.title === 'Next');
      if (!next || pages.length > 40) break;
      data = next.data;
    }
    for (const view of pages) {
      const card = listCard(view);
      expect(cardRuleProblems(card)).toEqual([]);
      expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(28 * 1024);
      expect(messageProblems(listBlocks(view))).toEqual([]);
      expect(JSON.stringify(listBlocks(view))).not.toMatch(/more\. Once/);
      expect(view.items.flatMap((i) => i.lines).length).toBeLessThanOrEqual(CPD_PAGE_LINES + 1);
      expect(view.items.at(-1)?.heading).toBe('Support in total');
    }
    const lines = (heading: string) => pages.flatMap((v) => v.items.filter((i) => i.heading.startsWith(heading)).flatMap((i) => i.lines));
    const needs = lines('Training needs');
    // 81 needs of their own, 9 long ones, and the two shared.
    expect(needs).toHaveLength(81 + 9 + 2);
    expect(new Set(needs).size).toBe(needs.length);
    expect(needs.slice(0, 2)).toEqual(['Safeguarding level 2 (90 staff)', 'First aid at work (27 staff)']);
    const waiting = lines('Agreed support not yet given');
    expect(waiting).toHaveLength(90);
    expect(pages[0]?.intro).toContain('The 2025 to 2026 cycle: 90 of 90 staff have training needs recorded.');
    expect(pages[0]?.intro).toContain(`Page 1 of ${pages.length}.`);
    expect(pages[1]?.actions.map((a) => a.title)).toEqual(['Back', 'Next']);
  });

  it('R-CHAT-2: a page asked for past the end, or nonsense, shows a real page rather than an empty card', async () => {
    const show = await school(20);
    for (const page of [99, -1, 'two', null]) expect(viewOf(await show({ cycle: CYCLE, page })).items.length).toBeGreaterThan(1);
  });
});

describe('the training needs view (R-RPT-3, R-SUP-1)', () => {
  const summary = (o: Partial<CpdSummary> = {}): CpdSummary => ({ needs: [], supportNotDelivered: [], staffWithNeeds: 0, supportItems: { agreed: 0, delivered: 0 }, ...o });
  const cycle = { id: '2026-03-01', name: 'the 2026 to 2027 cycle' };
  const view = (s: CpdSummary, appraisals = 3) => cpdView({ summary: s, cycle, appraisals, page: 0, earlier: null, later: null });

  it.each([
    ['no appraisals', view(summary(), 0), 'The 2026 to 2027 cycle has no appraisals, so there are no training needs to show.', []],
    [
      'nothing recorded yet',
      view(summary()),
      'The 2026 to 2027 cycle: none of the 3 staff appraised has training needs recorded yet; reviewers add them at the final review.',
      [['Training needs', ['None recorded yet.']], ['Agreed support not yet given', ['No support has been agreed yet.']], ['Support in total', ['No support has been agreed yet.']]],
    ],
    [
      'one person, all support given',
      view(summary({ needs: [{ text: 'Team Teach', staff: 1 }], staffWithNeeds: 1, supportItems: { agreed: 1, delivered: 1 } })),
      'The 2026 to 2027 cycle: 1 of 3 staff has training needs recorded.',
      [['Training needs', ['Team Teach (1 member of staff)']], ['Agreed support not yet given', ['All the support agreed has been given.']], ['Support in total', ['1 piece of support agreed, 1 given so far.']]],
    ],
  ])('R-RPT-3: %s is said kindly', (_name, v, intro, items) => {
    expect(v.intro).toContain(intro);
    expect(v.items.map((i) => [i.heading, i.lines])).toEqual(items);
  });

  it('R-RPT-3: the cycles either side are offered as buttons, the earlier first', () => {
    const v = cpdView({ summary: summary(), cycle, appraisals: 2, page: 0, earlier: { id: '2025-03-01', name: 'the 2025 to 2026 cycle' }, later: { id: '2027-03-01', name: 'the 2027 to 2028 cycle' } });
    expect(v.actions.map((a) => [a.title, a.data])).toEqual([
      ['See the 2025 to 2026 cycle', { cycle: '2025-03-01', page: 0 }],
      ['See the 2027 to 2028 cycle', { cycle: '2027-03-01', page: 0 }],
    ]);
  });
});
