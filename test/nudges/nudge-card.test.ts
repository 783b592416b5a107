import { nudgeBlocks } from '../../cards/slack/blocks';
import { nudgeCard } from '../../cards/teams/cards';
import { nudgeView } from '../../cards/views/nudge.view';
import { allVerbs, Verbs } from '../../cards/verbs';
import type { NudgeContent } from '../../services/nudges/messenger.port';
import { cardProblems, verbsIn } from '../support/card-checks';

const content = (o: Partial<NudgeContent> = {}): NudgeContent => ({
  kind: 'nudge', title: 'Your self-assessment is due Tuesday 5 January', lines: ['A reminder so it doesn’t creep up on you.', 'Due by Tuesday 5 January (2027-01-05).'],
  due: '2027-01-05', open: { verb: Verbs.homeShow, title: 'Open self-assessment', caseId: 'case-1', version: 7 }, ...o,
});

describe('the nudge card (R-CHAT-3)', () => {
  it('R-CHAT-3: says what is due and by when, in words and as the date, and is a valid Adaptive Card 1.5', () => {
    const card = nudgeCard(nudgeView(content()));
    expect(cardProblems(card)).toEqual([]);
    const body = JSON.stringify(card.body);
    expect(body).toContain('Due by Tuesday 5 January (2027-01-05)');
    expect(body.match(/Due by Tuesday/g)).toHaveLength(1);
  });

  it('R-CHAT-3: opens the step in one click: an Action.Execute with a known verb and { caseId, version }', () => {
    const card = nudgeCard(nudgeView(content())) as unknown as { actions: { type: string; verb: string; data: unknown }[] };
    expect(card.actions).toEqual([expect.objectContaining({ type: 'Action.Execute', verb: Verbs.homeShow, data: { caseId: 'case-1', version: 7 } })]);
    for (const verb of verbsIn(card)) expect(allVerbs).toContain(verb);
  });

  it('a verb this build does not know falls back to "my appraisal" for that case, never a dead button', () => {
    const view = nudgeView(content({ open: { verb: 'ipp.not-yet.open', title: 'Open', caseId: 'case-1', version: 7 } }));
    expect(view.actions[0]?.verb).toBe(Verbs.homeShow);
  });

  it('R-CHAT-2: the payroll notice’s button opens the head’s payroll changes for its cycle, in Teams and Slack alike', () => {
    const open = { verb: Verbs.payrollChangesShow, title: 'See the changes', caseId: 'payroll:2025-09-01', version: 1 };
    const view = nudgeView(content({ kind: 'notice', due: null, lines: ['Payroll still has the earlier figures.'], open }));
    const card = nudgeCard(view) as unknown as { actions: { type: string; verb: string; data: unknown }[] };
    expect(cardProblems(card)).toEqual([]);
    expect(card.actions).toEqual([expect.objectContaining({ type: 'Action.Execute', title: 'See the changes', verb: Verbs.payrollChangesShow, data: { caseId: 'payroll:2025-09-01', version: 1 } })]);
    const buttons = nudgeBlocks(view).flatMap((b) => (b.type === 'actions' ? (b.elements as Record<string, unknown>[]) : []));
    expect(buttons).toEqual([expect.objectContaining({ action_id: Verbs.payrollChangesShow, value: JSON.stringify({ caseId: 'payroll:2025-09-01', version: 1 }) })]);
  });

  it('a digest or notice without a date or button still renders', () => {
    const card = nudgeCard(nudgeView(content({ kind: 'digest', due: null, open: null, lines: ['Overdue (1):', 'Ada: objectives'] })));
    expect(cardProblems(card)).toEqual([]);
  });

  it('R-CHAT-3: Slack gets the same message as blocks with a button carrying { caseId, version }', () => {
    const blocks = JSON.stringify(nudgeBlocks(nudgeView(content())));
    expect(blocks).toContain('Due by Tuesday 5 January (2027-01-05)');
    expect(blocks).toContain(`"action_id":"${Verbs.homeShow}"`);
    expect(blocks).toContain(JSON.stringify(JSON.stringify({ caseId: 'case-1', version: 7 })).slice(1, -1));
  });
});
