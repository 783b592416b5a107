import type { SchoolPolicy } from '../policy';
import { currentAppeal } from './appeal.reducer';
import type { CommandType } from './case-commands.schema';
import type { CaseState } from './case-state.schema';
import { isFullySigned, validSignatures } from './case-statements';

type Ready = (s: CaseState, personId: string, policy: SchoolPolicy) => boolean;

const appealAt = (...steps: string[]): Ready => (s) => steps.includes(currentAppeal(s.appeals)?.step ?? '');
const agreementIs = (...statuses: CaseState['agreement']['status'][]): Ready => (s) => statuses.includes(s.agreement.status);
const payOn: Ready = (s, _p, policy) => policy.payProgression && s.payEligible;
const openObjection = (s: CaseState) => s.objections.find((o) => o.status !== 'final') ?? null;
const signable = (kind: 'planning' | 'review'): Ready => (s, personId) => !isFullySigned(s, kind) && !validSignatures(s, kind).some((g) => g.by === personId);

// Which of the commands a person's roles allow make sense right now, so a card offers only useful buttons.
// The machine still checks everything; this only trims the list.
const READY: Partial<Record<CommandType, Ready>> = {
  'objectives.propose': (s) => ['drafting', 'disagreed'].includes(s.agreement.status) && s.objectives.some((o) => o.status === 'active'),
  'objectives.agree': agreementIs('proposed'),
  'objectives.disagree': agreementIs('proposed'),
  'objectives.determine': agreementIs('disagreed'),
  'planning.submit': agreementIs('agreed', 'determined'),
  'statement.sign': (s, p, policy) => signable(s.stage === 'review-signatures' ? 'review' : 'planning')(s, p, policy),
  'interim.record': (s) => s.interim === null,
  'final.assess': (s) => s.stage === 'final-review' || s.assessment !== null,
  'review.send-draft': (s, p, policy) => s.assessment !== null && !payOn(s, p, policy),
  'pay.flag-risk': payOn,
  'pay.recommend': (s, p, policy) => payOn(s, p, policy) && s.assessment !== null,
  'appeal.raise': (s) => (s.stage === 'appeal-window' ? s.statements.review.signedOn : s.statements.planning.signedOn) !== null,
  'appeal.informal-outcome': appealAt('informal'),
  'appeal.written': appealAt('written'),
  'appeal.reviewer-outcome': appealAt('reviewer-meeting'),
  'appeal.head-outcome': appealAt('head-hearing'),
  'appeal.to-clerk': appealAt('clerk'),
  'appeal.hearing-scheduled': appealAt('panel-hearing'),
  'appeal.panel-decision': appealAt('panel-decision'),
  'objection.raise': (s) => openObjection(s) === null,
  'objection.decide': (s) => openObjection(s)?.status === 'raised',
  'objection.appeal': (s, _p, policy) => policy.hasRule('reviewer-objection.appeal') && openObjection(s)?.status === 'decided',
  'objection.appeal-decide': (s) => openObjection(s)?.status === 'appealed',
  'support-plan.review': (s) => s.supportPlan !== null && s.supportPlan.completedOn === null,
};

/** True when a command the person may issue would make sense in the case as it stands. */
export function isReady(state: CaseState, type: CommandType, personId: string, policy: SchoolPolicy): boolean {
  return READY[type]?.(state, personId, policy) ?? true;
}
