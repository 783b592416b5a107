import type { EqualityInput } from '../../services/reports/report-input';
import { CHARACTERISTIC_OF } from '../../services/reports/equality-labels';
import { CHARACTERISTICS } from '../../services/reports/report-labels';
import { dateInWords } from '../../services/shared/london-time';
import type { CivilDate } from '../../services/shared/time';
import { Verbs } from '../verbs';
import type { ListView } from './list.view';
import type { ActionView } from './view.types';

// A person's own equality answers (R-RPT-1), in their one-to-one chat only: one optional choice per question,
// each with "Prefer not to say", prefilled with what is stored. The same view-model is a card in Teams and a
// modal in Slack. The answers are only ever shown to the person they belong to.

/** A question's id: the field of the answers it fills. */
export type EqualityQuestionId = keyof EqualityInput;

/** The choice that leaves a question unanswered (a select in Slack cannot be emptied once chosen). */
export const NOT_ANSWERED = 'not-answered';

/** Every question as the form asks it, in the order of the governors' report. */
const QUESTION_LABELS: readonly [EqualityQuestionId, string][] = [
  ['ethnicity', 'Your ethnic group'],
  ['gender', 'Your gender'],
  ['sexualOrientation', 'Your sexual orientation'],
  ['disability', 'Do you consider yourself to have a disability?'],
  ['religionOrBelief', 'Your religion or belief'],
  ['ageBand', 'Your age'],
  ['tradeUnionMember', 'Are you a member of a trade union?'],
];

/** Every question, with the report's characteristic its answers are labelled by. */
export const EQUALITY_QUESTIONS: readonly { id: EqualityQuestionId; characteristic: string; label: string }[] = QUESTION_LABELS.map(([id, label]) => ({
  id,
  characteristic: CHARACTERISTIC_OF[id],
  label,
}));

/** The answers a question offers, labelled as the report labels them, after "No answer". */
export function choicesOf(characteristic: string): { title: string; value: string }[] {
  const categories = CHARACTERISTICS.find((c) => c.id === characteristic)?.categories ?? [];
  return [{ title: 'No answer', value: NOT_ANSWERED }, ...categories.filter((c) => c.id !== 'not-recorded').map((c) => ({ title: c.label, value: c.id }))];
}

/** One question on the form. */
export interface EqualityFieldView {
  id: EqualityQuestionId;
  label: string;
  value: string;
  choices: { title: string; value: string }[];
  error: string | null;
}

/** The equality questions, for the person they are about. */
export interface EqualityFormView {
  title: string;
  intro: string;
  /** When the stored answers were last given, and by whom; null when none are stored. */
  status: string | null;
  /** What went wrong with the last try, in words (shown at the top). */
  errors: string[];
  fields: EqualityFieldView[];
  /** The form's buttons: save, and remove when some answers are stored. */
  actions: ActionView[];
  /** The button that opens the form where a chat shows forms apart from messages (a Slack modal). */
  open: ActionView;
  submitTitle: string;
}

/** What the form is built from: the stored answers (if any), the report's small-number threshold, the last try. */
export interface EqualityFormInput {
  stored: { answers: EqualityInput; source: 'self' | 'import'; updatedOn: CivilDate } | null;
  /** Counts below this are never shown in the governors' report. */
  threshold: number;
  /** Values from the last try, by question id, to keep what was chosen when showing errors. */
  values?: Readonly<Record<string, unknown>>;
  /** Question id → what is wrong. */
  fieldErrors?: Readonly<Record<string, string>>;
}

const SAVE = 'Save my answers';

/** Builds the equality questions for one person. */
export function equalityFormView(input: EqualityFormInput): EqualityFormView {
  const { stored } = input;
  const fieldErrors = input.fieldErrors ?? {};
  const fields = EQUALITY_QUESTIONS.map((q): EqualityFieldView => {
    const typed = input.values?.[q.id];
    const value = typeof typed === 'string' && typed !== '' ? typed : (stored?.answers[q.id] ?? NOT_ANSWERED);
    const choices = choicesOf(q.characteristic);
    // A value the form does not offer (from a bad try) is shown as unanswered, with the error saying why.
    return { id: q.id, label: q.label, value: choices.some((c) => c.value === value) ? value : NOT_ANSWERED, choices, error: fieldErrors[q.id] ?? null };
  });
  const actions: ActionView[] = [{ verb: Verbs.equalitySave, title: SAVE, data: {}, style: 'positive' }];
  // A person who removed their answers keeps an empty record of their own (so the school's HR file never fills
  // them in again): there is nothing left to remove then.
  const answered = stored !== null && Object.keys(stored.answers).length > 0;
  if (answered) actions.push({ verb: Verbs.equalityRemove, title: 'Remove my answers', data: {}, style: 'destructive' });
  return {
    title: 'Equality questions (optional)',
    intro:
      'These questions are optional. Your answers are kept apart from your appraisal, never shown to your reviewer or the headteacher, ' +
      `and only counted, in groups of at least ${input.threshold} people, in the headteacher’s yearly report to governors on fairness. ` +
      'You can change or remove them at any time.',
    status: stored
      ? !answered
        ? `On ${dateInWords(stored.updatedOn)} you chose to give no answers. Your school’s staff records will not fill them in.`
        : stored.source === 'self'
        ? `You last saved your answers on ${dateInWords(stored.updatedOn)}.`
        : `Your school’s staff records gave these answers on ${dateInWords(stored.updatedOn)}. You can change them here.`
      : null,
    errors: Object.keys(fieldErrors).length ? ['Nothing was saved. Please check the answers marked below.'] : [],
    fields,
    actions,
    open: { verb: Verbs.equalityShow, title: answered ? 'Change my answers' : 'Answer the questions', data: {} },
    submitTitle: SAVE,
  };
}

const CHANGE: ActionView = { verb: Verbs.equalityShow, title: 'Change my answers', data: {} };
const HOME: ActionView = { verb: Verbs.homeShow, title: 'Show my appraisal', data: {} };

/** The answer to saving: thanks, and how to change them. */
export function equalitySavedView(): ListView {
  return {
    title: 'Thank you — your answers are saved.',
    intro: 'You can change or remove them at any time: say "equality" in this chat, or press the button below.',
    items: [],
    actions: [CHANGE, HOME],
  };
}

/** The answer to removing: gone (or there was nothing to remove), and how to answer again. */
export function equalityRemovedView(hadAnswers: boolean): ListView {
  return {
    title: hadAnswers ? 'Your answers are removed.' : 'There were no answers to remove.',
    intro: hadAnswers
      ? 'They are deleted, and your school’s staff records will not fill them in. You can answer again at any time: say "equality" in this chat.'
      : 'No equality answers are kept for you. You can answer the questions at any time: say "equality" in this chat.',
    items: [],
    actions: [{ ...CHANGE, title: 'Answer the questions' }, HOME],
  };
}
