import { Verbs } from '../verbs';
import type { ActionView } from './view.types';

/** What "my appraisal" shows: where I am, what comes next and by when. */
export interface HomeInput {
  firstName: string;
  schoolName: string;
  reviewerName: string | null;
  /** The case summary, or null before the school has launched the cycle for this person. */
  appraisal: {
    stageLabel: string;
    stepNumber: number;
    stepCount: number;
    next: { text: string; dueInWords: string | null } | null;
  } | null;
}

/** The "my appraisal" card. */
export interface HomeView {
  title: string;
  facts: { title: string; value: string }[];
  /** Progress bar weights: `done` + `remaining` = 100, each at least 1 so both columns render. */
  progress: { text: string; done: number; remaining: number } | null;
  next: string | null;
  note: string | null;
  actions: ActionView[];
}

/** Builds the "my appraisal" card from the person's roster entry and case summary. */
export function homeView(input: HomeInput): HomeView {
  const facts = [
    { title: 'School', value: input.schoolName },
    { title: 'Reviewer', value: input.reviewerName ?? 'Not yet chosen by your headteacher' },
  ];
  const a = input.appraisal;
  if (!a) {
    return {
      title: `${input.firstName}, your appraisal`,
      facts,
      progress: null,
      next: null,
      note: 'Your appraisal for this cycle hasn’t started yet. I’ll message you here as soon as your school starts it.',
      actions: [{ verb: Verbs.homeShow, title: 'Refresh', data: {} }],
    };
  }
  const percent = Math.round((100 * Math.max(0, Math.min(a.stepNumber, a.stepCount))) / Math.max(1, a.stepCount));
  const done = Math.min(99, Math.max(1, percent));
  return {
    title: `${input.firstName}, your appraisal`,
    facts: [...facts, { title: 'Stage', value: a.stageLabel }],
    progress: { text: `Step ${a.stepNumber} of ${a.stepCount}`, done, remaining: 100 - done },
    next: a.next ? (a.next.dueInWords ? `${a.next.text}, by ${a.next.dueInWords}` : a.next.text) : null,
    note: null,
    actions: [{ verb: Verbs.homeShow, title: 'Refresh', data: {} }],
  };
}
