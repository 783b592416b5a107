import type { CommandType } from './case-commands.schema';
import { refuse } from './case-decision';
import type { CaseFailure } from './case-decision';
import type { CaseActor, CasePeople, CaseRole } from './case-roles';
import { rolesOf } from './case-roles';
import { ACTIVE_STAGES, OPEN_STAGES, STAGE_LABELS } from './case-stages';
import type { Stage } from './case-stages';
import { COMMAND_PHRASES } from './command-phrases';

// One table says who may issue each command in each stage (R-ROLE-1). Roles come from the stored case and
// the actor's school roles, never from a command's payload.

type Row = Partial<Record<Stage, readonly CaseRole[]>>;
const at = (stages: readonly Stage[], roles: readonly CaseRole[]): Row => Object.fromEntries(stages.map((s) => [s, roles]));

const REVIEWER = ['reviewer'] as const;
const REVIEWEE = ['reviewee'] as const;
const HEAD = ['headteacher'] as const;
const BOTH = ['reviewee', 'reviewer'] as const;
const MANAGERS = ['reviewer', 'line-manager', 'headteacher'] as const;
const DRAFTING: Stage[] = ['preparation', 'planning'];
const DURING: Stage[] = ['in-cycle', 'interim'];
const DURING_TO_FINAL: Stage[] = ['in-cycle', 'interim', 'final-review'];

/** Command type → stage → the case roles that may issue it. `case.open` has no stage: see OPEN_ROLES. */
export const PERMISSIONS: Readonly<Record<CommandType, Row>> = {
  'case.open': {},
  'meeting.schedule': at(['preparation', 'planning', 'in-cycle', 'interim', 'final-review'], REVIEWER),
  'self-assessment.submit': at(['planning', 'interim', 'final-review'], REVIEWEE),
  'self-assessment.review': at(['planning', 'interim', 'final-review'], REVIEWER),
  'objective.add': at(DRAFTING, BOTH),
  'objective.update': at(DRAFTING, BOTH),
  'objective.remove': at(DRAFTING, BOTH),
  'objective.revise': at(['interim'], REVIEWER),
  'objectives.propose': at(['planning'], REVIEWER),
  'objectives.agree': at(['planning'], REVIEWEE),
  'objectives.disagree': at(['planning'], REVIEWEE),
  'objectives.determine': at(['planning'], REVIEWER),
  'objectives.use-group': at(DRAFTING, ['reviewer', 'headteacher', 'system']),
  'objectives.carry-forward': at(DRAFTING, ['reviewer', 'system']),
  'objectives.share': at(OPEN_STAGES, REVIEWEE),
  'development-plan.set': at(['planning', 'interim'], BOTH),
  'planning.submit': at(['planning'], REVIEWER),
  'moderation.approve': at(['planning-moderation'], HEAD),
  'moderation.refer-back': at(['planning-moderation'], HEAD),
  'statement.comment': at(['planning-signatures', 'interim', 'review-draft', 'review-signatures'], REVIEWEE),
  'statement.sign': at(['planning-signatures', 'in-cycle', 'interim', 'review-signatures'], BOTH),
  'observation.plan': at(DURING, MANAGERS),
  'observation.record': at(DURING, MANAGERS),
  'observation.feedback': at(DURING, MANAGERS),
  'evidence.add': at(['planning', ...DURING_TO_FINAL], ['reviewee', 'reviewer', 'line-manager']),
  'interim.record': at(['interim'], REVIEWER),
  'concern.raise': at(DURING_TO_FINAL, MANAGERS),
  'support-plan.set': at(DURING_TO_FINAL, REVIEWER),
  'support-plan.review': at(DURING_TO_FINAL, BOTH),
  'support.delivered': at(DURING_TO_FINAL, ['reviewer', 'line-manager', 'headteacher', 'pd-manager']),
  'final.self-review': at(['final-review'], REVIEWEE),
  'final.assess': at(['final-review', 'review-draft'], REVIEWER),
  'pay.flag-risk': at(DURING_TO_FINAL, REVIEWER),
  'pay.recommend': at(['final-review'], REVIEWER),
  'pay.approve': at(['pay-approval'], HEAD),
  'pay.refer-back': at(['pay-approval'], HEAD),
  'review.send-draft': at(['final-review'], REVIEWER),
  'review.finalise': at(['review-draft'], REVIEWER),
  'appeal.raise': at(['in-cycle', 'appeal-window'], REVIEWEE),
  'appeal.informal-outcome': at(['appeal'], REVIEWER),
  'appeal.written': at(['appeal'], REVIEWEE),
  'appeal.reviewer-outcome': at(['appeal'], REVIEWER),
  'appeal.head-outcome': at(['appeal'], HEAD),
  'appeal.to-clerk': at(['appeal'], REVIEWEE),
  'appeal.hearing-scheduled': at(['appeal'], ['clerk']),
  'appeal.panel-decision': at(['appeal'], ['clerk', 'appeal-panel']),
  'appeal.withdraw': at(['appeal'], REVIEWEE),
  'objection.raise': at(ACTIVE_STAGES, REVIEWEE),
  'objection.decide': at(ACTIVE_STAGES, HEAD),
  'objection.appeal': at(ACTIVE_STAGES, REVIEWEE),
  'objection.appeal-decide': at(ACTIVE_STAGES, ['clerk', 'appeal-panel']),
  'reviewer.change': at(OPEN_STAGES, HEAD),
  'case.transfer': at(ACTIVE_STAGES, HEAD),
  'case.suspend': at(ACTIVE_STAGES, HEAD),
  'case.resume': at(['suspended'], HEAD),
  'case.pause': at(ACTIVE_STAGES, HEAD),
  'case.unpause': at(['paused'], HEAD),
  'case.withdraw': at(OPEN_STAGES, ['headteacher', 'system']),
  'case.close': at(['appeal-window', 'suspended'], ['headteacher', 'system']),
};

/** Who may open a case (there is no case yet, so only school roles count). */
export const OPEN_ROLES: readonly CaseRole[] = ['headteacher', 'system'];

/** True when a person in `role` may issue `type` while the case is in `stage`. */
export function mayIssue(role: CaseRole, type: CommandType, stage: Stage): boolean {
  return PERMISSIONS[type][stage]?.includes(role) ?? false;
}

const ROLE_NAMES: Record<CaseRole, string> = {
  reviewee: 'the person being reviewed',
  reviewer: 'the reviewer',
  'line-manager': 'a line manager',
  headteacher: 'the headteacher',
  slt: 'a senior leader',
  'pd-manager': 'the professional development manager',
  clerk: 'the Clerk to the Governors',
  'appeal-panel': 'the appeal panel',
  system: 'the system',
};

function whoMay(roles: readonly CaseRole[], actorRoles: readonly CaseRole[]): string {
  const names = roles.filter((r) => r !== 'system').map((r) => (r === 'reviewer' && actorRoles.includes('reviewee') ? 'your reviewer' : ROLE_NAMES[r]));
  if (names.length <= 1) return names[0] ?? 'the system';
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1] ?? ''}`;
}

/** The permission gate of `decide`: NOT_ALLOWED for the wrong person, WRONG_STAGE for the right person too early or late. */
export function checkPermission(people: CasePeople, stage: Stage, type: CommandType, actor: CaseActor): CaseFailure | null {
  const roles = rolesOf(people, actor);
  const row = PERMISSIONS[type];
  const everyone = [...new Set(Object.values(row).flat())] as CaseRole[];
  const phrase = COMMAND_PHRASES[type];
  if (!roles.some((r) => everyone.includes(r))) return refuse('CASE.NOT_ALLOWED', `Only ${whoMay(everyone, roles)} can ${phrase}.`);
  const here = row[stage];
  if (!here) return refuse('CASE.WRONG_STAGE', `You can’t ${phrase} now: this appraisal is at “${STAGE_LABELS[stage]}”.`);
  if (!roles.some((r) => here.includes(r))) return refuse('CASE.NOT_ALLOWED', `Only ${whoMay(here, roles)} can ${phrase} at this stage.`);
  return null;
}
