import { accessScreen, moderationScreen, teamScreen } from '../../bot/queue-screens';
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
    expect(view.items.length).toBeGreaterThan(30);
    expect(cardRuleProblems(listCard(view))).toEqual([]);
  });

  it.each(PRESETS)('R-MOD-1: %s — the headteacher’s queue of planning statements and pay recommendations is a valid card', async (preset) => {
    const waiting = fixturesFor(preset).filter((f) => f.state.stage === 'planning-moderation' || f.state.stage === 'pay-approval');
    const { store, runtime } = await schoolWith(waiting, preset, 3);
    const view = viewOf(await moderationScreen(store, runtime, head));
    expect(view.items.length).toBe(waiting.length * 3);
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

describe('list cards at the size of a school (R-CHAT-2, R-MOD-1)', () => {
  it('R-MOD-1: a queue of 30 planning statements fits one card, under 28 KB', async () => {
    const moderation = fixturesFor('spt').filter((f) => f.state.stage === 'planning-moderation').slice(0, 1);
    const { store, runtime } = await schoolWith(moderation, 'spt', 30);
    const card = listCard(viewOf(await moderationScreen(store, runtime, head)));
    expect(cardRuleProblems(card)).toEqual([]);
    expect(bytes(card)).toBeLessThan(28 * 1024);
  });

  it('R-CHAT-2: a reviewer with 40 people fits one card, under 28 KB', async () => {
    const line = fixturesFor('spt').filter((f) => f.state.stage !== 'closed' && f.state.stage !== 'withdrawn').slice(0, 40);
    const { store, runtime } = await schoolWith(line, 'spt');
    const card = listCard(viewOf(await teamScreen(store, runtime, priya)));
    expect(cardRuleProblems(card)).toEqual([]);
  });
});
