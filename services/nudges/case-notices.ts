import { dateInWords } from '../shared/london-time';
import type { CivilDate } from '../shared/time';

// What a person is told when a case step concerns them (R-CHAT-1/2/3): a title and one line, plain and kind.
// No appraisal content, ever — only what the step is called, whose appraisal, and dates — so a notification
// preview on a lock screen gives nothing away (R-PRV-1).

/** Whose appraisal, as the recipient should read it: their own ("your", "You") or a colleague's. */
interface Who {
  whose: string;
  name: string;
  /** The recipient is the reviewee. */
  self: boolean;
}
type Words = (who: Who) => { title: string; line: string };

const TOPICS: Readonly<Record<string, Words>> = {
  'case.opened': ({ whose }) => ({ title: `${cap(whose)} appraisal for this year has started`, line: 'Your reviewer will be in touch to set a date for the planning meeting.' }),
  'meeting.arrange': ({ name }) => ({ title: `Please arrange ${name}’s planning meeting`, line: 'Choose a date and I’ll send the papers and ask for the self-assessment.' }),
  'meeting.scheduled': ({ whose }) => ({ title: `A date is set for ${whose} appraisal meeting`, line: 'Please fill in the self-assessment before the meeting.' }),
  'self-assessment.submitted': ({ name }) => ({ title: `${name} has sent their self-assessment`, line: 'Please read it before the meeting.' }),
  'self-assessment.reviewed': () => ({ title: 'Your reviewer has added their view to your self-assessment', line: 'You can read it in your appraisal.' }),
  'objectives.proposed': () => ({ title: 'Your reviewer has proposed your objectives', line: 'Please read them and agree, or say what you disagree with.' }),
  'objectives.agreed': ({ name }) => ({ title: `${name} has agreed their objectives`, line: 'You can now send the planning statement to the headteacher.' }),
  'objectives.disagreed': ({ name }) => ({ title: `${name} disagrees with the proposed objectives`, line: 'Please talk them through together; if you still can’t agree, you can determine them.' }),
  'objectives.determined': () => ({ title: 'Your objectives have been set by your reviewer', line: 'Your disagreement is recorded in your planning statement.' }),
  'objectives.revised': () => ({ title: 'An objective has been revised', line: 'The earlier version stays in your record.' }),
  'moderation.requested': ({ name }) => ({ title: `${name}’s planning statement is ready for you to check`, line: 'Approve it, or send it back to the reviewer with a reason.' }),
  'moderation.referred-back': ({ name }) => ({ title: `The headteacher has sent ${name}’s planning statement back`, line: 'Please look at the reason and update the objectives.' }),
  'statement.ready-to-sign': ({ whose }) => ({ title: `${cap(whose)} statement is ready to sign`, line: 'Please read it, add any comments, and sign.' }),
  'statement.signed': ({ whose }) => ({ title: `${cap(whose)} statement has been signed`, line: 'There is nothing more to do on it for now.' }),
  'statement.commented': ({ name }) => ({ title: `${name} has commented on their statement`, line: 'You can read the comments in the appraisal.' }),
  'statement.changed': ({ whose }) => ({ title: `${cap(whose)} statement has changed since it was signed`, line: 'Please read it again and sign the new version.' }),
  'observation.planned': ({ self, name }) =>
    self ? { title: 'An observation has been planned', line: 'You are told in advance, as the policy says.' } : { title: `You are down to observe ${name}`, line: 'The details are in the appraisal.' },
  'observation.feedback': () => ({ title: 'Feedback on your observation is ready', line: 'You can read it in your appraisal.' }),
  'interim.recorded': () => ({ title: 'Your interim review is recorded', line: 'The date of your final review is agreed.' }),
  'concern.raised': ({ whose }) => ({ title: `A concern has been noted in ${whose} appraisal`, line: 'Please talk it through together soon, so it can be put right early.' }),
  'support-plan.set': () => ({ title: 'A support plan has been agreed', line: 'It sets out what help you’ll get, and when it will be reviewed.' }),
  'support-plan.review-to-sign': () => ({ title: 'A support plan review is ready to sign', line: 'Please read it and sign.' }),
  'final.self-review': ({ name }) => ({ title: `${name} has sent their overview of the year`, line: 'Please read it before the final review.' }),
  'pay.risk-flagged': ({ name }) => ({ title: `A pay progression risk has been flagged for ${name}`, line: 'This is raised before the final meeting, as the policy asks.' }),
  'pay.approval-requested': ({ name }) => ({ title: `${name}’s pay recommendation needs your approval`, line: 'Nobody sees it until you approve it.' }),
  'pay.approved': ({ name }) => ({ title: `The headteacher has approved ${name}’s pay recommendation`, line: 'You can now send the draft review statement.' }),
  'pay.referred-back': ({ name }) => ({ title: `The headteacher has sent ${name}’s pay recommendation back`, line: 'Please look at the reason.' }),
  'review.draft-ready': () => ({ title: 'Your draft review statement is ready', line: 'Please read it and add any comments before it is finalised.' }),
  'appeal.raised': ({ name }) => ({ title: `${name} has raised concerns about their statement`, line: 'Please meet to try to resolve them informally.' }),
  // The appeal ladder (R-DL-1): `appeal.<step>` goes to whoever takes the next step; `appeal.written` also
  // tells the head that written grounds have arrived.
  'appeal.written': ({ self, name }) =>
    self
      ? { title: 'If you still have concerns, you can put your appeal in writing', line: 'Please send your written grounds of appeal from the appraisal.' }
      : { title: `${name} has sent written grounds of appeal`, line: 'The appeal steps and their dates are in the appraisal.' },
  'appeal.reviewer-meeting': ({ name }) => ({ title: `Please meet ${name} about their appeal`, line: 'Then confirm the outcome in writing.' }),
  'appeal.head-hearing': ({ name }) => ({ title: `${name}’s appeal comes to you next`, line: 'Please hear it and give your outcome in writing.' }),
  'appeal.clerk': () => ({ title: 'If you still have concerns, you can appeal to the Clerk to the Governors', line: 'Please send your grounds from the appraisal.' }),
  'appeal.panel-hearing': ({ name }) => ({ title: `${name}’s appeal needs a panel hearing`, line: 'Please set the date of the hearing.' }),
  'appeal.panel-decision': ({ name }) => ({ title: `The appeal panel’s decision on ${name}’s appeal is next`, line: 'Please record the panel’s decision in writing.' }),
  'appeal.hearing-scheduled': () => ({ title: 'An appeal hearing date is set', line: 'The details are in the appraisal.' }),
  'appeal.decided': ({ whose }) => ({ title: `A decision has been made on ${whose} appeal`, line: 'You can read the outcome in the appraisal.' }),
  'objection.raised': ({ name }) => ({ title: `${name} has asked for a different reviewer`, line: 'Please decide, and give your reasons.' }),
  'objection.decided': () => ({ title: 'The headteacher has decided on your request about your reviewer', line: 'You can read the decision in your appraisal.' }),
  'objection.appealed': ({ name }) => ({ title: `${name} has appealed the decision about their reviewer`, line: 'The appeal is with the Clerk to the Governors.' }),
  'reviewer.assigned': ({ name }) => ({ title: `You are now ${name}’s reviewer`, line: 'The appraisal carries on from where it is; nothing restarts.' }),
  'reviewer.changed': () => ({ title: 'You have a new reviewer', line: 'Your appraisal carries on from where it is.' }),
  'reviewer.removed': ({ name }) => ({ title: `You are no longer ${name}’s reviewer`, line: 'Thank you for your work on it so far.' }),
  'case.closed': ({ whose }) => ({ title: `${cap(whose)} appraisal for this year is complete`, line: 'Thank you.' }),
  'case.restarted': ({ whose }) => ({ title: `${cap(whose)} appraisal cycle has restarted`, line: 'This follows the change of post.' }),
  'case.resumed': ({ whose }) => ({ title: `${cap(whose)} appraisal has restarted`, line: 'It carries on from where it was.' }),
  'case.withdrawn': ({ name }) => ({ title: `${name}’s appraisal has ended`, line: 'They have left the school.' }),
  'case.suspended': ({ whose }) => ({ title: `${cap(whose)} appraisal is on hold`, line: 'It will carry on when the headteacher restarts it.' }),
  'case.paused': ({ whose }) => ({ title: `${cap(whose)} appraisal is paused`, line: 'It will carry on when the headteacher restarts it.' }),
};

/** Topics whose date is when something happens (a meeting, a hearing), not a deadline. */
const EVENT_DATES: Readonly<Record<string, string>> = {
  'meeting.scheduled': 'The meeting is on',
  'observation.planned': 'The observation is on',
  'interim.recorded': 'Your final review is on',
  'appeal.hearing-scheduled': 'The hearing is on',
};

const otherAppealStep: Words = () => ({ title: 'The next step of the appeal is yours', line: 'The step and its date are in the appraisal.' });
const fallback: Words = ({ whose }) => ({ title: `There is an update on ${whose} appraisal`, line: 'You can see it in the appraisal.' });

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The words of a notice about a case topic, for a recipient who is (or is not) the reviewee. */
export function noticeWords(topic: string, recipientIsReviewee: boolean, revieweeName: string): { title: string; line: string } {
  const words = TOPICS[topic] ?? (topic.startsWith('appeal.') ? otherAppealStep : fallback);
  return words(recipientIsReviewee ? { whose: 'your', name: 'You', self: true } : { whose: `${revieweeName}’s`, name: revieweeName, self: false });
}

/** The date line of a notice, in words: when it happens, or by when to act. */
export function noticeDateLine(topic: string, due: CivilDate): string {
  const event = EVENT_DATES[topic];
  return event ? `${event} ${dateInWords(due)}.` : `Please do this by ${dateInWords(due)}.`;
}

/** Every topic with words of its own (the rest get a general line). */
export const KNOWN_TOPICS: readonly string[] = Object.keys(TOPICS);
