import { COMMAND_TYPES } from '../services/case/case-commands.schema';
import type { CommandType } from '../services/case/case-commands.schema';

// Every card verb, declared once and used by the templates' view-models and by the route tables of
// both chats (Teams Action.Execute verbs, Slack action ids). Dotted, stable: they are stored in cards
// that people still have in their chat history.
export const Verbs = {
  homeShow: 'ipp.home.show',
  helpShow: 'ipp.help.show',
  /** One case, as the person pressing sees it (reviewer, head, or the reviewee). */
  caseShow: 'ipp.case.show',
  /** Who can see my record, and who has looked (R-PRV-1). */
  accessShow: 'ipp.access.show',
  /** A reviewer's people (R-CHAT-2). */
  teamShow: 'ipp.team.show',
  /** The head's moderation and pay-approval queue (R-MOD-1, R-PAY-1). */
  moderationShow: 'ipp.moderation.show',
  /** The head approves every planning statement waiting in the queue at once (R-MOD-1). */
  moderationApproveAll: 'ipp.moderation.approve-all',
  /** The head's school set-up summary (R-ROLE-1, R-CYC-1). */
  setupShow: 'ipp.setup.show',
  /** What launching the cycle would do: who gets a case, who is left out and why (a dry run). */
  cycleLaunchPreview: 'ipp.cycle.preview',
  /** Launch the cycle (the head only). */
  cycleLaunch: 'ipp.cycle.launch',
  /** Who cannot be reached in chat yet. */
  unreachableShow: 'ipp.unreachable.show',
  /** The person's own equality answers: the form to answer, change or remove them (R-RPT-1). */
  equalityShow: 'ipp.equality.show',
  /** Saves the person's own equality answers from the form (R-RPT-1). */
  equalitySave: 'ipp.equality.save',
  /** Deletes the person's own equality answers (R-RPT-1). */
  equalityRemove: 'ipp.equality.remove',
  /** The head's payroll changes: what payroll has and what is approved now, for one cycle (R-PAY-1, R-CAL-2). */
  payrollChangesShow: 'ipp.payroll.changes',
  /** Training needs and agreed support not yet given, for one cycle, naming no one (R-RPT-3, R-SUP-1). */
  cpdShow: 'ipp.cpd.show',
  /** Local mode only: act as another person of the demo school, to walk a cycle from every chair. */
  devActAs: 'ipp.dev.act-as',
} as const;

/** The verb that runs a case command: `ipp.do.<command type>`, e.g. `ipp.do.objectives.agree`. */
export type DoVerb = `ipp.do.${CommandType}`;
/** The verb that opens a command's form: `ipp.form.<command type>`, e.g. `ipp.form.objective.add`. */
export type FormVerb = `ipp.form.${CommandType}`;

/** The verb that runs a case command. */
export const doVerb = <T extends CommandType>(type: T): `ipp.do.${T}` => `ipp.do.${type}`;
/** The verb that opens a command's form. */
export const formVerb = <T extends CommandType>(type: T): `ipp.form.${T}` => `ipp.form.${type}`;

/** The command a verb runs or opens, or null when it is not a case verb. */
export function commandOfVerb(verb: string): { type: CommandType; form: boolean } | null {
  const m = /^ipp\.(do|form)\.(.+)$/.exec(verb);
  if (!m) return null;
  const type = COMMAND_TYPES.find((t) => t === m[2]);
  return type ? { type, form: m[1] === 'form' } : null;
}

export type Verb = (typeof Verbs)[keyof typeof Verbs] | DoVerb | FormVerb;

/** Every verb the product answers. */
export const allVerbs: readonly Verb[] = [...Object.values(Verbs), ...COMMAND_TYPES.map(doVerb), ...COMMAND_TYPES.map(formVerb)];
