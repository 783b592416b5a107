import { assertNever } from '../shared/result';
import type { CaseActor, CaseRole } from './case-roles';
import { rolesOf } from './case-roles';
import type { CaseState } from './case-state.schema';

/** The parts of a case, for deciding who may see what (R-PRV-1). */
export const CASE_SECTIONS = [
  'summary', 'objectives', 'self-assessment', 'wellbeing', 'development-plan', 'observations', 'evidence', 'interim', 'concerns',
  'support-plan', 'final-review', 'pay', 'statements', 'appeal', 'objection', 'access',
] as const;
/** A part of a case. */
export type CaseSection = (typeof CASE_SECTIONS)[number];

const EVERYTHING_BUT_WELLBEING = CASE_SECTIONS.filter((x) => x !== 'wellbeing');
// R-PRV-1: senior leaders see what moderation needs, and no more.
const MODERATION: CaseSection[] = ['summary', 'objectives', 'final-review', 'pay'];
const APPEAL_BODY: CaseSection[] = ['summary', 'statements', 'appeal', 'objection'];

/** Whether an appeal or an objection has reached the Clerk and the governors' panel. */
function governorsInvolved(s: CaseState): boolean {
  const atGovernors = s.appeals.some((a) => a.history.some((h) => h.step === 'clerk') || ['panel-hearing', 'panel-decision'].includes(a.step));
  return atGovernors || s.objections.some((o) => o.history.some((h) => h.step === 'appealed'));
}

function sectionsFor(role: CaseRole, s: CaseState): CaseSection[] {
  switch (role) {
    case 'reviewee':
    case 'reviewer':
    case 'headteacher':
      return [...CASE_SECTIONS];
    case 'line-manager':
    case 'pd-manager':
      return [...EVERYTHING_BUT_WELLBEING];
    case 'slt':
      return MODERATION;
    case 'clerk':
    case 'appeal-panel':
      return governorsInvolved(s) ? APPEAL_BODY : [];
    case 'system':
      return ['summary'];
    default:
      return assertNever(role);
  }
}

/** The parts of the case this person may see (R-PRV-1); wellbeing only the reviewee, reviewer and head. */
export function visibleSections(state: CaseState, actor: CaseActor): CaseSection[] {
  const seen = new Set<CaseSection>(rolesOf(state, actor).flatMap((r) => sectionsFor(r, state)));
  if (state.sharedWith.includes(actor.personId)) ['summary', 'objectives'].forEach((x) => seen.add(x as CaseSection));
  return CASE_SECTIONS.filter((x) => seen.has(x));
}

/** One line of "who can see my appraisal". */
export interface AccessEntry {
  /** The person, when the case knows them; null for a role held by whoever holds it (e.g. the PD manager). */
  personId: string | null;
  role: CaseRole | 'shared';
  description: string;
  sections: CaseSection[];
}

/** Everyone who has access to the case, and to what: the reviewee can list it (R-PRV-1). */
export function whoHasAccess(state: CaseState): AccessEntry[] {
  const name = (id: string) => state.names[id] ?? id;
  const entries: AccessEntry[] = [{ personId: state.revieweeId, role: 'reviewee', description: 'You', sections: [...CASE_SECTIONS] }];
  if (state.reviewerId) entries.push({ personId: state.reviewerId, role: 'reviewer', description: `${name(state.reviewerId)}, your reviewer`, sections: [...CASE_SECTIONS] });
  for (const id of state.lineManagerIds.filter((x) => x !== state.reviewerId)) {
    entries.push({ personId: id, role: 'line-manager', description: `${name(id)}, your line manager`, sections: [...EVERYTHING_BUT_WELLBEING] });
  }
  entries.push({ personId: state.headteacherId, role: 'headteacher', description: state.headteacherId ? `${name(state.headteacherId)}, the headteacher` : 'The headteacher', sections: [...CASE_SECTIONS] });
  entries.push({ personId: null, role: 'pd-manager', description: 'The professional development manager', sections: [...EVERYTHING_BUT_WELLBEING] });
  entries.push({ personId: null, role: 'slt', description: 'Senior leaders, for moderation only', sections: MODERATION });
  if (governorsInvolved(state)) {
    entries.push({ personId: state.clerkId, role: 'clerk', description: 'The Clerk to the Governors, for your appeal', sections: APPEAL_BODY });
    entries.push({ personId: null, role: 'appeal-panel', description: 'The governors’ appeal panel', sections: APPEAL_BODY });
  }
  for (const id of state.sharedWith) entries.push({ personId: id, role: 'shared', description: `${name(id)}, with your agreement`, sections: ['summary', 'objectives'] });
  return entries;
}
