import type { SchoolPolicy } from '../policy';
import type { CivilDate } from '../shared/time';
import { currentAppeal } from './appeal.reducer';
import type { CommandType } from './case-commands.schema';
import type { CaseState } from './case-state.schema';
import { isFullySigned, validSignatures } from './case-statements';

/** What readiness reads besides the case: the school's policy and, when the caller knows it, today's London date. */
interface ReadyContext {
  readonly policy: SchoolPolicy;
  readonly today: CivilDate | null;
}
type Ready = (s: CaseState, personId: string, ctx: ReadyContext) => boolean;

const appealAt = (...steps: string[]): Ready => (s) => steps.includes(currentAppeal(s.appeals)?.step ?? '');
/** The appellant's own steps (written grounds, going to the Clerk) lapse when their time runs out (R-DL-1). */
const appellantAt = (step: string): Ready => (s, p, ctx) => appealAt(step)(s, p, ctx) && notAfter(ctx.today, currentAppeal(s.appeals)?.due ?? null);
const agreementIs = (...statuses: CaseState['agreement']['status'][]): Ready => (s) => statuses.includes(s.agreement.status);
const payOn: Ready = (s, _p, { policy }) => policy.payProgression && s.payEligible;
const openObjection = (s: CaseState) => s.objections.find((o) => o.status !== 'final') ?? null;
const signable = (kind: 'planning' | 'review'): Ready => (s, personId) => !isFullySigned(s, kind) && !validSignatures(s, kind).some((g) => g.by === personId);
/** The meeting whose self-assessment belongs to each stage. */
const MEETING_OF_STAGE: Partial<Record<CaseState['stage'], 'planning' | 'interim' | 'final'>> = { planning: 'planning', interim: 'interim', 'final-review': 'final' };
/** On or before a day; unknown today (a card drawn without a clock) counts as in time, and the machine decides. */
const notAfter = (today: CivilDate | null, last: CivilDate | null) => today === null || last === null || today <= last;
/** The last day to raise concerns about a received statement (R-DL-1), or null when the policy sets none. */
const appealWindowEnd = (s: CaseState, policy: SchoolPolicy): CivilDate | null => {
  const received = (s.stage === 'appeal-window' ? s.statements.review : s.statements.planning).signedOn;
  if (received === null) return null;
  const window = policy.deadline('appeal.informal', received);
  return window.ok ? window.value.due : null;
};
/** Individual objectives count towards the cycle's limit; group standards do not (R-OBJ-1, R-OBJ-3). */
const roomForObjective = (s: CaseState) => s.objectives.filter((o) => o.status === 'active' && o.source !== 'group').length < s.cycle.objectiveLimit;
/** A support review this person signed that waits for the other's signature: theirs to sign, not this person's again. */
const waitingForOther = (s: CaseState, personId: string) =>
  (s.supportPlan?.reviews ?? []).some((r) => {
    const mine = personId === s.revieweeId ? r.employeeSignedAt : r.managerSignedAt;
    const theirs = personId === s.revieweeId ? r.managerSignedAt : r.employeeSignedAt;
    return mine !== null && theirs === null;
  });

// Which of the commands a person's roles allow make sense right now, so a card offers only useful buttons.
// The machine still checks everything; this only trims the list.
const READY: Partial<Record<CommandType, Ready>> = {
  'objective.add': roomForObjective,
  // Carried objectives come into the new plan by themselves when the cycle opens (R-CYC-6): nothing to press.
  'objectives.carry-forward': () => false,
  'objectives.propose': (s) => ['drafting', 'disagreed'].includes(s.agreement.status) && s.objectives.some((o) => o.status === 'active'),
  'objectives.agree': agreementIs('proposed'),
  'objectives.disagree': agreementIs('proposed'),
  'objectives.determine': agreementIs('disagreed'),
  'planning.submit': agreementIs('agreed', 'determined'),
  'statement.sign': (s, p, ctx) => signable(s.stage === 'review-signatures' ? 'review' : 'planning')(s, p, ctx),
  'interim.record': (s) => s.interim === null,
  // The manager rates the self-assessment of the meeting the case is at, once it has been sent (R-SA-1).
  'self-assessment.review': (s) => {
    const meeting = MEETING_OF_STAGE[s.stage];
    return meeting !== undefined && s.selfAssessments.some((a) => a.meeting === meeting);
  },
  'observation.record': (s) => s.observations.some((o) => o.heldOn === null),
  'observation.feedback': (s) => s.observations.some((o) => o.heldOn !== null && (o.verbal === null || o.written === null)),
  'final.assess': (s) => s.stage === 'final-review' || s.assessment !== null,
  'review.send-draft': (s, p, ctx) => s.assessment !== null && !payOn(s, p, ctx),
  // R-PAY-1: the risk is raised before the final meeting, not on the day or after.
  'pay.flag-risk': (s, p, ctx) => payOn(s, p, ctx) && (ctx.today === null || s.meetings.final === null || ctx.today < s.meetings.final.date),
  'pay.recommend': (s, p, ctx) => payOn(s, p, ctx) && s.assessment !== null,
  'appeal.raise': (s, _p, { policy, today }) =>
    (s.stage === 'appeal-window' ? s.statements.review.signedOn : s.statements.planning.signedOn) !== null && notAfter(today, appealWindowEnd(s, policy)),
  // The appraisal closes once the time to raise concerns about the review statement has run out (R-DL-1).
  'case.close': (s, _p, { policy, today }) => {
    const end = s.stage === 'appeal-window' ? appealWindowEnd(s, policy) : null;
    return today === null || end === null || today > end;
  },
  'appeal.informal-outcome': appealAt('informal'),
  'appeal.written': appellantAt('written'),
  'appeal.reviewer-outcome': appealAt('reviewer-meeting'),
  'appeal.head-outcome': appealAt('head-hearing'),
  'appeal.to-clerk': appellantAt('clerk'),
  'appeal.hearing-scheduled': appealAt('panel-hearing'),
  'appeal.panel-decision': appealAt('panel-decision'),
  'objection.raise': (s) => openObjection(s) === null,
  'objection.decide': (s) => openObjection(s)?.status === 'raised',
  'objection.appeal': (s, _p, { policy }) => policy.hasRule('reviewer-objection.appeal') && openObjection(s)?.status === 'decided',
  'objection.appeal-decide': (s) => openObjection(s)?.status === 'appealed',
  'support-plan.review': (s, p) => s.supportPlan !== null && s.supportPlan.completedOn === null && !waitingForOther(s, p),
};

/**
 * True when a command the person may issue would make sense in the case as it stands on `today` (London). Without
 * a date, the checks that need one let the command through and the machine decides.
 */
export function isReady(state: CaseState, type: CommandType, personId: string, policy: SchoolPolicy, today: CivilDate | null = null): boolean {
  return READY[type]?.(state, personId, { policy, today }) ?? true;
}
