import { listCard } from '../../cards/teams/cards';
import type { ListView } from '../../cards/views/list.view';
import { Verbs } from '../../cards/verbs';
import { cardProblems } from '../support/card-checks';

// The list card's open-url buttons, used by the head's two links (report and CSV, each used once) to the full
// governors' report (R-RPT-1).

const summary = (links?: ListView['links']): ListView => ({
  title: 'Report to governors: summary',
  intro: 'Each link works once, for 15 minutes.',
  items: [{ heading: 'How the process ran', lines: ['Deadlines met: 12'], actions: [] }],
  actions: [{ verb: Verbs.setupShow, title: 'Back to set-up', data: {} }],
  ...(links ? { links } : {}),
});
type Action = { type: string; title: string; url?: string; verb?: string };
const actionsOf = (card: unknown) => (card as { actions: Action[] }).actions;

describe('list card links (R-RPT-1)', () => {
  it('R-RPT-1: links render as Action.OpenUrl buttons before the card’s other buttons, in a valid Adaptive Card 1.5', () => {
    const card = listCard(summary([
      { title: 'Open the full report', url: 'https://ipp.school.example/reports/governors/abc.def' },
      { title: 'Download as CSV', url: 'https://ipp.school.example/reports/governors/ghi.jkl?format=csv' },
    ]));
    expect(cardProblems(card)).toEqual([]);
    expect(actionsOf(card).map((a) => [a.type, a.title, a.url ?? a.verb])).toEqual([
      ['Action.OpenUrl', 'Open the full report', 'https://ipp.school.example/reports/governors/abc.def'],
      ['Action.OpenUrl', 'Download as CSV', 'https://ipp.school.example/reports/governors/ghi.jkl?format=csv'],
      ['Action.Execute', 'Back to set-up', Verbs.setupShow],
    ]);
  });

  it('a list without links (every other list) has no open-url button and no unresolved binding', () => {
    const card = listCard(summary());
    expect(cardProblems(card)).toEqual([]);
    expect(actionsOf(card).map((a) => a.type)).toEqual(['Action.Execute']);
  });
});
