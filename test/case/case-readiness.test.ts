import { caseSummary, decide } from '../../services/case';
import { allFixtures, ROLES } from '../cards/card-fixtures';
import { ACTORS, cmd, ctxOf } from './case-fixtures';
import { sampleCommand } from './case-samples';

// A card offers a step only when the case machine would take it (R-CHAT-1): a button that answers "not yet",
// "too late" or "nothing to do" is worse than no button. Every case at every stage, every role, on the day of
// the case's last step and six weeks of working days later (when appeal windows and meeting dates have passed):
// each offered command, sent with a plausible input, is never refused for being out of its time or place.
// Refusals about the input itself (a wrong rating, a date in the past) are the form's business and may happen.

const OUT_OF_PLACE = ['CASE.STEP_NOT_READY', 'CASE.DEADLINE_PASSED', 'CASE.NOT_APPLICABLE', 'CASE.NOTHING_TO_DO', 'CASE.OBJECTIVE_LIMIT', 'CASE.WRONG_STAGE', 'CASE.NOT_ALLOWED', 'CASE.NOT_ELIGIBLE'];

it('R-CHAT-1: every step a card offers is one the case machine accepts then, for every role at every stage of every preset', () => {
  const refused: string[] = [];
  let offered = 0;
  for (const fx of allFixtures()) {
    for (const today of [fx.day, fx.policy.calendar.addWorkingDays(fx.day, 30)]) {
      for (const role of ROLES) {
        const actor = ACTORS[role];
        for (const type of caseSummary(fx.state, actor.personId, fx.policy, today).myActions) {
          if (type === 'case.open') continue;
          offered += 1;
          const result = decide(fx.state, cmd(sampleCommand(type, fx.state, today, fx.policy)), ctxOf(fx.policy, today, actor));
          if (!result.ok && OUT_OF_PLACE.includes(result.error.code)) refused.push(`${fx.name} on ${today}: ${role} offered ${type}, refused ${result.error.code}: ${result.error.message}`);
        }
      }
    }
  }
  expect(offered).toBeGreaterThan(1000);
  expect(refused).toEqual([]);
});

it('R-DL-1: the reviewee is offered to raise concerns until the window ends, and the head to close only after it', () => {
  const fx = allFixtures().find((f) => f.preset === 'spt' && f.state.stage === 'appeal-window');
  if (!fx) throw new Error('no spt case in its appeal window');
  const received = fx.state.statements.review.signedOn ?? '';
  const window = fx.policy.deadline('appeal.informal', received);
  if (!window.ok) throw new Error('spt has an appeal window');
  const after = fx.policy.calendar.addWorkingDays(window.value.due, 1);
  const offers = (role: 'reviewee' | 'headteacher', day: string) => caseSummary(fx.state, ACTORS[role].personId, fx.policy, day).myActions;
  expect(offers('reviewee', window.value.due)).toContain('appeal.raise');
  expect(offers('reviewee', after)).not.toContain('appeal.raise');
  expect(offers('headteacher', window.value.due)).not.toContain('case.close');
  expect(offers('headteacher', after)).toContain('case.close');
});
