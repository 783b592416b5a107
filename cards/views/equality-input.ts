import { equalityInputSchema } from '../../services/reports/report-input';
import type { EqualityInput } from '../../services/reports/report-input';
import { fieldErrorsOf, plainInputError } from './forms/form-input';
import { EQUALITY_QUESTIONS, NOT_ANSWERED } from './equality.view';

// The equality form's submit, checked with the answers' own schema (R-RPT-1). Card and modal inputs arrive as
// strings keyed by question id; blank (or "No answer") is not answered. Anything else a payload carries (an id,
// a name) is never read: whose answers they are comes from who is acting, not from the card.

const blank = (v: unknown) => v === undefined || v === null || v === NOT_ANSWERED || (typeof v === 'string' && v.trim() === '');

/** The answers a submit makes, or what is wrong with them in plain words, by question id. */
export function checkEqualityInput(values: Readonly<Record<string, unknown>>): { ok: true; answers: EqualityInput } | { ok: false; fieldErrors: Record<string, string> } {
  const raw: Record<string, unknown> = {};
  for (const q of EQUALITY_QUESTIONS) if (!blank(values[q.id])) raw[q.id] = values[q.id];
  const parsed = equalityInputSchema.safeParse(raw, { error: plainInputError });
  return parsed.success ? { ok: true, answers: parsed.data } : { ok: false, fieldErrors: fieldErrorsOf(parsed.error.issues) };
}
