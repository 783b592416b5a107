import { CHARACTERISTICS } from './report-labels';
import type { EqualityInput } from './report-input';

// Equality answers in words, with the governors' report's own labels, for the one place a person's answers are
// shown one by one: their own subject access export (R-PRV-1, R-RPT-1).

/** The answer each characteristic of the report counts (the contract comes from the roster, not an answer). */
const ANSWER_OF: Readonly<Record<string, keyof EqualityInput>> = {
  ethnicity: 'ethnicity',
  gender: 'gender',
  'sexual-orientation': 'sexualOrientation',
  disability: 'disability',
  'religion-or-belief': 'religionOrBelief',
  'age-band': 'ageBand',
  'trade-union': 'tradeUnionMember',
};

/** Each question, in the report's order, with the person's answer in words, or "Not answered". */
export function equalityAnswersInWords(answers: EqualityInput): { question: string; answer: string }[] {
  return CHARACTERISTICS.flatMap((ch) => {
    const key = ANSWER_OF[ch.id];
    if (key === undefined) return [];
    const value = answers[key];
    return [{ question: ch.title, answer: value === undefined ? 'Not answered' : (ch.categories.find((c) => c.id === value)?.label ?? value) }];
  });
}
