import type { SchoolPolicy } from '../../services/policy';
import { assertNever } from '../../services/shared/result';
import { renderStatement } from '../../services/case';
import type { CaseCommandInput, CaseState, CommandType, Meeting } from '../../services/case';
import { anObjective, firstObjective, PEOPLE } from './case-fixtures';

// A plausible command of each type for a case as it stands: what a card would send. Used by the
// exhaustive permission test and the property tests.

const MEETING_OF: Partial<Record<CaseState['stage'], Meeting>> = { preparation: 'planning', planning: 'planning', interim: 'interim', 'final-review': 'final' };
const meetingFor = (s: CaseState): Meeting => MEETING_OF[s.stage] ?? (s.stage === 'in-cycle' ? (s.interim ? 'final' : 'interim') : 'planning');
const statementFor = (s: CaseState) => (['review-draft', 'review-signatures', 'appeal-window'].includes(s.stage) ? 'review' : 'planning') as 'planning' | 'review';
const active = (s: CaseState) => s.objectives.filter((o) => o.status === 'active');
const firstObservation = (s: CaseState, fits: (o: CaseState['observations'][number]) => boolean = () => true) => s.observations.find(fits)?.id ?? s.observations[0]?.id ?? 'obs-none';

/** A sample command of `type` for `state` on `day`. */
export function sampleCommand(type: Exclude<CommandType, 'case.open'>, s: CaseState, day: string, policy: SchoolPolicy, variant = 0): CaseCommandInput {
  const later = (n: number) => policy.calendar.addWorkingDays(day, n);
  const rating = policy.finalRatingScale[variant % policy.finalRatingScale.length]?.id ?? 'met';
  const selfRating = policy.selfAssessmentScale[variant % policy.selfAssessmentScale.length]?.id ?? 'met';
  switch (type) {
    case 'meeting.schedule': return { type, meeting: meetingFor(s), date: later(6 + variant) };
    case 'self-assessment.submit': return { type, meeting: meetingFor(s), items: [{ area: 'standard', title: 'Teamwork', rating: selfRating, comment: 'Mostly' }], wellbeing: { adjustmentsNeeded: 'yes', details: 'A quieter room' } };
    case 'self-assessment.review': return { type, meeting: meetingFor(s), items: [{ index: 0, rating: selfRating, agreedRating: selfRating }] };
    case 'objective.add': return { type, objective: anObjective(`Objective ${variant}`) };
    case 'objective.update': return { type, objectiveId: firstObjective(s), objective: anObjective(`Changed ${variant}`) };
    case 'objective.remove': return { type, objectiveId: firstObjective(s), reason: 'No longer needed' };
    case 'objective.revise': return { type, objectiveId: firstObjective(s), objective: anObjective(`Revised ${variant}`), reason: 'New timetable' };
    case 'objectives.propose': case 'objectives.agree': case 'planning.submit': case 'review.send-draft': case 'review.finalise': return { type };
    case 'objectives.disagree': return { type, reason: 'Too many at once' };
    case 'objectives.determine': return { type, note: 'Discussed twice' };
    case 'objectives.use-group': return { type, groupId: 'lunchtime', roleFamily: s.roleFamily, objectives: [anObjective(`Group standard ${variant}`)] };
    case 'objectives.carry-forward': return { type, fromCycleId: '2024-09-01', objectives: [{ fromObjectiveId: `old${variant}`, objective: anObjective('Carried on'), progress: 'Half done' }] };
    case 'objectives.share': return { type, personIds: [PEOPLE.other] };
    case 'development-plan.set': return { type, goals: [{ goal: 'Lead a staff briefing', timescale: 'Summer term', support: 'Coaching' }] };
    case 'moderation.approve': case 'pay.approve': case 'appeal.withdraw': case 'case.resume': case 'case.unpause': case 'case.close': return { type };
    case 'moderation.refer-back': return { type, reason: 'Objective 2 is not measurable' };
    case 'statement.comment': return { type, statement: statementFor(s), text: `Comment ${variant}` };
    case 'statement.sign': return { type, statement: statementFor(s), hash: renderStatement(s, statementFor(s)).hash };
    case 'observation.plan': return { type, observerId: PEOPLE.reviewer, date: later(3), context: 'Year 4 reading group', focus: 'Questioning' };
    case 'observation.record': return { type, observationId: firstObservation(s, (o) => o.heldOn === null), heldOn: day };
    case 'observation.feedback': return { type, observationId: firstObservation(s, (o) => o.heldOn !== null), kind: variant % 2 ? 'written' : 'verbal', text: 'Clear instructions' };
    case 'evidence.add': return { type, objectiveId: active(s)[0]?.id ?? null, what: 'Reading test results', link: 'https://example.org/results' };
    case 'interim.record': return { type, progress: active(s).map((o) => ({ objectiveId: o.id, comment: 'On track' })), finalReviewDate: later(40) };
    case 'concern.raise': return { type, level: 'early-conversation', summary: 'Late to two sessions' };
    case 'support-plan.set': return { type, items: [{ area: 'Punctuality', actions: 'Weekly check-in', actionDate: later(10), measures: 'On time every session' }] };
    case 'support-plan.review': return { type, reviewOn: day, progress: [], completed: variant % 2 === 1 };
    case 'support.delivered': return { type, ref: { kind: 'objective', id: firstObjective(s) }, deliveredOn: day };
    case 'final.self-review': return { type, overview: 'A busy year' };
    case 'final.assess': return { type, objectives: (active(s).length ? active(s).map((o) => o.id) : ['obj-none']).map((objectiveId) => ({ objectiveId, rating, comment: 'As agreed' })), overall: 'Solid' };
    case 'pay.flag-risk': return { type, reason: 'Two objectives behind' };
    case 'pay.recommend': return { type, recommendation: variant % 3 === 2 ? 'withhold' : 'increment', rationale: 'Per assessment' };
    case 'pay.refer-back': return { type, reason: 'Check against the pay policy' };
    case 'appeal.raise': return { type, statement: s.stage === 'appeal-window' ? 'review' : 'planning', grounds: 'I disagree with the rating' };
    case 'appeal.informal-outcome': case 'appeal.reviewer-outcome': case 'appeal.head-outcome': return { type, outcome: 'We talked it through', resolved: variant % 4 === 3 };
    case 'appeal.written': case 'appeal.to-clerk': case 'objection.appeal': return { type, grounds: 'As before' };
    case 'appeal.hearing-scheduled': return { type, hearingOn: later(5) };
    case 'appeal.panel-decision': return { type, outcome: 'The rating stands', upheld: variant % 2 === 1 };
    case 'objection.raise': return { type, reasons: 'We have a conflict of interest' };
    case 'objection.decide': case 'objection.appeal-decide': return variant % 2 ? { type, upheld: true, newReviewerId: PEOPLE.lineManager, reasons: 'Fair point' } : { type, upheld: false, reasons: 'No conflict found' };
    case 'reviewer.change': return { type, newReviewerId: variant % 2 ? PEOPLE.lineManager : PEOPLE.head, reason: 'absent' };
    case 'case.transfer': return { type, newPost: 'Office manager', restart: variant % 2 === 1 };
    case 'case.suspend': return { type, reason: 'formal-capability' };
    case 'case.pause': return { type, reason: 'maternity' };
    case 'case.withdraw': return { type, leftOn: day };
    default: return assertNever(type);
  }
}
