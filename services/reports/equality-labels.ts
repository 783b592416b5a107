import { CHARACTERISTICS } from './report-labels';
import type { EqualityInput } from './report-input';

// Equality answers in words, with the governors' report's own labels, for the one place a person's answers are
// shown one by one: their own subject access export (R-PRV-1, R-RPT-1).

/** The report's characteristic each equality answer is counted and labelled by. */
export const CHARACTERISTIC_OF: Readonly<Record<keyof EqualityInput, string>> = {
  ethnicity: 'ethnicity',
  gender: 'gender',
  sexualOrientation: 'sexual-orientation',
  disability: 'disability',
  religionOrBelief: 'religion-or-belief',
  ageBand: 'age-band',
  tradeUnionMember: 'trade-union',
};

/** The answer each characteristic of the report counts (part-time comes from the roster, not an answer). */
const ANSWER_OF: Readonly<Record<string, keyof EqualityInput>> = Object.fromEntries(
  Object.entries(CHARACTERISTIC_OF).map(([answer, characteristic]) => [characteristic, answer as keyof EqualityInput]),
);

/** Each question, in the report's order, with the person's answer in words, or "Not answered". */
export function equalityAnswersInWords(answers: EqualityInput): { question: string; answer: string }[] {
  return CHARACTERISTICS.flatMap((ch) => {
    const key = ANSWER_OF[ch.id];
    if (key === undefined) return [];
    const value = answers[key];
    return [{ question: ch.title, answer: value === undefined ? 'Not answered' : (ch.categories.find((c) => c.id === value)?.label ?? value) }];
  });
}
