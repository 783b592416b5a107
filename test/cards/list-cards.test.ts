import { accessScreen, moderationScreen, PAGE_SIZE, teamScreen } from '../../bot/queue-screens';
import type { ListScreen } from '../../bot/queue-screens';
import { listCard } from '../../cards/teams/cards';
import { accessView } from '../../cards/views/case.view';
import type { ListView } from '../../cards/views/list.view';
import { Verbs } from '../../cards/verbs';
import { allFixtures, fixturesFor, PRESETS } from './card-fixtures';
import { cardRuleProblems } from './card-rules';
import { actorFor, SCHOOL, schoolWith } from './list-fixtures';

// The list cards (a reviewer's team, the head's queue, who can see my record), built by the real use-cases
// from fixture cases at every stage of every preset, render to valid cards with routed verbs (R-CHAT-2,
// R-MOD-1, R-PRV-1).

const priya = actorFor('p-priya', 'Priya Lockwood', ['reviewer']);
const head = actorFor('p-jordan', 'Jordan Ellis', ['headteacher']);
const viewOf = (screen: ListScreen): ListView => {
  if (screen.kind !== 'list') throw new Error(`expected a list, got ${screen.view.message}`);
  return screen.view;
};
const bytes = (card: unknown) => Buffer.byteLength(JSON.stringify(card));

describe('list cards from every fixture (R-CHAT-2, R-MOD-1, R-PRV-1)', () => {
  it.each(PRESETS)('R-CHAT-2: %s — a reviewer’s team with a case at every stage is a valid card', async (preset) => {
    const { store, runtime } = await schoolWith(fixturesFor(preset), preset);
    const view = viewOf(await teamScreen(store, runtime, priya));
    expect(view.items.length).toBe(PAGE_SIZE.team);
    expect(cardRuleProblems(listCard(view))).toEqual([]);
  });

  it.each(PRESETS)('R-MOD-1: %s — the headteacher’s queue of planning statements and pay recommendations is a valid card', async (preset) => {
    const waiting = fixturesFor(preset).filter((f) => f.state.stage === 'planning-moderation' || f.state.stage === 'pay-approval');
    const { store, runtime } = await schoolWith(waiting, preset, 3);
    const view = viewOf(await moderationScreen(store, runtime, head));
    expect(view.items.length).toBe(Math.min(PAGE_SIZE.moderation, waiting.length * 3));
    const card = listCard(view);
    expect(cardRuleProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain(Verbs.moderationApproveAll);
  });

  it('R-PRV-1: “who can see my record”, with who has opened it, is a valid card for a case at every stage', async () => {
    for (const preset of PRESETS) {
      const { store, ids } = await schoolWith(fixturesFor(preset), preset);
      const problems: string[] = [];
      for (const [i, id] of ids.entries()) {
        await store.audit.append({ id: `a-${i}`, schoolId: SCHOOL, caseId: id, actorId: 'p-priya', action: 'case.viewed', at: '2026-03-02T09:00:00.000Z', channel: 'teams' });
        const view = viewOf(await accessScreen(store, actorFor(`p-staff-${i + 1}`, `Staff Member ${i + 1}`), { caseId: id }));
        problems.push(...cardRuleProblems(listCard(view)).map((p) => `${preset} ${id}: ${p}`));
      }
      expect(problems).toEqual([]);
    }
  });

  it('R-PRV-1: the access list alone is a valid card at every stage', () => {
    const problems = allFixtures().flatMap((fx) => cardRuleProblems(listCard(accessView(fx.state))).map((p) => `${fx.name}: ${p}`));
    expect(problems).toEqual([]);
  });
});

/** Every page of a list, following its "Next" button from the first page to the last. */
async function allPages(show: (data: Record<string, unknown>) => Promise<ListScreen>, verb: string): Promise<ListView[]> {
  const pages: ListView[] = [];
  let data: Record<string, unknown> = {};
  for (;;) {
    const view = viewOf(await show(data));
    pages.push(view);
    const next = view.actions.find((a) => a.verb === verb && a.title.startsWith('Next'));
    if (!next || pages.length > 50) return pages;
    data = next.data as Record<string, unknown>;
  }
}

describe('list cards at the size of a school (R-CHAT-2, R-MOD-1)', () => {
  it('R-MOD-1: a queue of 80 planning statements and pay recommendations comes a page at a time, each card under 28 KB, everyone listed once', async () => {
    const waiting = fixturesFor('spt').filter((f) => f.state.stage === 'planning-moderation' || f.state.stage === 'pay-approval');
    const { store, runtime, ids } = await schoolWith(waiting, 'spt', 80 / waiting.length);
    const pages = await allPages((data) => moderationScreen(store, runtime, head, data), Verbs.moderationShow);
    expect(pages.length).toBe(Math.ceil(80 / PAGE_SIZE.moderation));
    for (const view of pages) {
      const card = listCard(view);
      expect(cardRuleProblems(card)).toEqual([]);
      expect(bytes(card)).toBeLessThan(28 * 1024);
    }
    const listed = pages.flatMap((v) => v.items.map((i) => i.actions[0]?.data.caseId));
    expect([...listed].sort()).toEqual([...ids].sort());
    expect(pages[1]?.intro).toContain(`Showing ${PAGE_SIZE.moderation + 1} to ${2 * PAGE_SIZE.moderation} of 80.`);
    expect(pages[1]?.actions.map((a) => a.title)).toContain('Back');
  });

  it('R-MOD-1: “approve” on a page covers the planning statements on that page only, the ones the head has in front of them', async () => {
    const planning = fixturesFor('spt').filter((f) => f.state.stage === 'planning-moderation').slice(0, 1);
    const { store, runtime } = await schoolWith(planning, 'spt', 30);
    const first = viewOf(await moderationScreen(store, runtime, head));
    const approve = first.actions.find((a) => a.verb === Verbs.moderationApproveAll);
    expect(approve?.title).toBe(`Approve these ${PAGE_SIZE.moderation} planning statements`);
    const onCard = first.items.map((i) => i.actions[0]?.data.caseId).sort();
    expect(String(approve?.data.cases).split(',').map((x) => x.slice(0, x.lastIndexOf('@'))).sort()).toEqual(onCard);
  });

  it('R-CHAT-2: a reviewer with 60 people sees them a page at a time, each card under 28 KB, everyone listed once', async () => {
    const line = fixturesFor('spt').filter((f) => f.state.stage !== 'closed' && f.state.stage !== 'withdrawn').slice(0, 30);
    const { store, runtime, ids } = await schoolWith(line, 'spt', 2);
    const pages = await allPages((data) => teamScreen(store, runtime, priya, data), Verbs.teamShow);
    expect(pages.length).toBe(Math.ceil(60 / PAGE_SIZE.team));
    for (const view of pages) {
      const card = listCard(view);
      expect(cardRuleProblems(card)).toEqual([]);
      expect(bytes(card)).toBeLessThan(28 * 1024);
    }
    expect(pages.flatMap((v) => v.items.map((i) => i.actions[0]?.data.caseId)).sort()).toEqual([...ids].sort());
  });

  it('R-CHAT-2: a page asked for past the end, or nonsense, shows a real page rather than an empty card', async () => {
    const line = fixturesFor('spt').filter((f) => f.state.stage !== 'closed' && f.state.stage !== 'withdrawn').slice(0, 30);
    const { store, runtime } = await schoolWith(line, 'spt');
    for (const page of [99, -1, 'two', null]) expect(viewOf(await teamScreen(store, runtime, priya, { page })).items.length).toBeGreaterThan(0);
  });
});
