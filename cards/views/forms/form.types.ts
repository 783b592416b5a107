import type { CommandType } from '../../../services/case/case-commands.schema';
import type { CaseState } from '../../../services/case/case-state.schema';
import type { SchoolPolicy } from '../../../services/policy';
import type { ActionView } from '../view.types';

/** One input of a form. `id` is a dotted path into the command's input (`objective.headline`, `items.0.rating`). */
export type FieldView =
  | { kind: 'text'; id: string; label: string; value: string; required: boolean; multiline: boolean; maxLength: number; placeholder: string; error: string | null }
  | { kind: 'date'; id: string; label: string; value: string; required: boolean; error: string | null }
  | { kind: 'choice'; id: string; label: string; value: string; required: boolean; multi: boolean; choices: { title: string; value: string }[]; error: string | null }
  | { kind: 'toggle'; id: string; label: string; value: boolean; error: string | null }
  | { kind: 'heading'; id: string; label: string };

/** A document shown above the inputs: a statement to sign, an objective being revised. */
export interface DocumentView {
  heading: string;
  lines: string[];
}

/** A form for one case command: rendered as an Adaptive Card (Teams) or a modal (Slack) from this one model. */
export interface FormView {
  command: CommandType;
  title: string;
  intro: string | null;
  document: DocumentView | null;
  fields: FieldView[];
  /** Values the form carries without showing (an objective's id, the statement's fingerprint). */
  fixed: Record<string, string | number | boolean>;
  submitTitle: string;
  /** Problems with the last attempt, in words (shown at the top). */
  errors: string[];
  caseId: string;
  version: number;
  /** The buttons: send (runs the command with the case's version and the fixed values), and back. */
  actions: ActionView[];
}

/** What a form builder reads: the case, the policy, who is filling it in, and what they typed last time. */
export interface FormContext {
  state: CaseState;
  version: number;
  policy: SchoolPolicy;
  viewerId: string;
  /** Values from the last attempt (flat, by field id), to keep what was typed when showing errors. */
  values: Readonly<Record<string, unknown>>;
  /** Field id → what is wrong. */
  fieldErrors: Readonly<Record<string, string>>;
  /** Extra data the button carried (e.g. which objective). */
  args: Readonly<Record<string, string>>;
  /** Colleagues at the school, for forms that choose a person (a new reviewer, an observer). */
  people: readonly { id: string; name: string }[];
}

/** Builds the form of one command. */
export type FormBuilder = (ctx: FormContext) => FormView;
