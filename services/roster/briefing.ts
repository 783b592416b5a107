import type { CycleAnswer, SchoolPolicy } from '../policy';
import { dateInWords } from '../shared/london-time';
import type { NudgeContent } from '../nudges/messenger.port';

const span = (from: string, to: string) => `${dateInWords(from)} to ${dateInWords(to)}`;

/**
 * The short briefing a new member of staff gets when their first case opens (R-CHAT-4): their cycle's dates,
 * the three stages, how many objectives, who can see the record and how to disagree. Plain data; each chat
 * renders it as a card with a button to open the appraisal.
 */
export function briefingContent(input: {
  schoolName: string;
  policy: SchoolPolicy;
  cycle: CycleAnswer;
  reviewerName: string | null;
  open: NudgeContent['open'];
}): NudgeContent {
  const { cycle, policy } = input;
  const phase = (name: string) => cycle.phases.find((p) => p.name === name);
  const planning = phase('planning');
  const interim = phase('interim');
  const final = phase('final');
  const reviewer = input.reviewerName ?? 'your reviewer';
  const lines = [
    `Welcome to ${input.schoolName}. Every member of staff has a yearly appraisal, and I help you through it here.`,
    `Your first cycle runs from ${span(cycle.start, cycle.end)}.${cycle.placement === 'extended' ? ' It is longer than usual, so you have time to settle in.' : ''}`,
    ...(planning ? [`Planning: you and ${reviewer} agree up to ${cycle.objectiveLimit} objectives, between ${span(planning.from, planning.to)}.`] : []),
    ...(interim ? [`Interim review: you look at progress together, between ${span(interim.from, interim.to)}.`] : []),
    ...(final ? [`Final review: between ${span(final.from, final.to)}${policy.payProgression ? ', which also informs any pay progression' : ''}.`] : []),
    'Your record is seen only by you, your reviewer, your line managers, the headteacher and the professional development manager. You can ask me who has access at any time.',
    'If you disagree with what is written, talk to your reviewer first; you can also appeal, and I will tell you the dates.',
  ];
  return { kind: 'notice', title: 'How appraisal works here', lines, due: null, open: input.open };
}
