import type { Failure } from '../../services/shared/result';
import { Verbs } from '../verbs';
import type { ActionView } from './view.types';

/** A card that says what went wrong and what to do about it — never a stack trace. */
export interface ErrorView {
  title: string;
  message: string;
  fields: { name: string; problem: string }[];
  actions: ActionView[];
}

/** Builds the error card for an expected failure (a coded value from the core or the edge). */
export function errorView(failure: Failure, title = 'That didn’t work'): ErrorView {
  return {
    title,
    message: failure.message,
    fields: Object.entries(failure.fields ?? {}).map(([name, problem]) => ({ name, problem })),
    actions: [{ verb: Verbs.homeShow, title: 'Show my appraisal', data: {} }],
  };
}

/** The apology for an unexpected failure: a reference the school's support can look up in the logs. */
export function apologyView(reference: string): ErrorView {
  return {
    title: 'Sorry, something went wrong on our side',
    message: `Nothing you sent was lost or half-saved. Please try again in a minute. If it keeps happening, tell your school office this reference: ${reference}.`,
    fields: [],
    actions: [{ verb: Verbs.homeShow, title: 'Show my appraisal', data: {} }],
  };
}
