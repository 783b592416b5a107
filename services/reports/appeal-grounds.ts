import type { CaseState } from '../case/case-state.schema';
import type { APPEAL_GROUNDS, ReportCaseInput } from './report-input';

// Appeals are written in the reviewee's own words; the governors' report counts them by a fixed list of
// grounds, so a written ground is classed by the words it uses, and anything unclear counts as "other" (R-RPT-1).

type Ground = (typeof APPEAL_GROUNDS)[number];
type Appeal = ReportCaseInput['appeals'][number];

// First match wins: a complaint about pay or missing support often mentions the rating or an objective too.
const RULES: readonly [Ground, RegExp][] = [
  ['support-not-provided', /\b(support|training|cpd|mentor\w*|coaching)\b[^.]*\b(not|never|wasn'?t|was not|no)\b|\b(no|not|never)\b[^.]*\b(support|training|mentor\w*|coaching)\b/i],
  ['pay', /\b(pay|increment|salary|progression|pay point)\b/i],
  ['reviewer-choice', /\b(reviewer|appraiser)\b[^.]*\b(chosen|choice|appointed|conflict|change|unsuitable|impartial)\b|\bconflict of interest\b/i],
  ['assessment', /\b(rating|rated|assess\w*|judg\w*|grade\w*|evidence|score\w*)\b/i],
  ['objectives', /\b(objective|objectives|target|targets)\b/i],
  ['process', /\b(process|procedure|deadline|late|notice|meeting|observation|policy|timescale)\b/i],
];

/** The fixed ground a written appeal is about; "other" when its words do not say (R-RPT-1, R-DL-1). */
export function appealGround(text: string): Ground {
  return RULES.find(([, re]) => re.test(text))?.[0] ?? 'other';
}

const GOVERNORS = new Set(['clerk', 'panel-hearing', 'panel-decision']);

/** The case's appeals and objections to the reviewer, as the report counts them (R-DL-1, R-DL-2). */
export function caseAppeals(s: CaseState): Appeal[] {
  const appeals = s.appeals.map((a): Appeal => {
    const steps = new Set([a.step, ...a.history.map((h) => h.step)]);
    const stageReached = [...steps].some((x) => GOVERNORS.has(x)) ? 'governors' : steps.has('head-hearing') ? 'headteacher' : 'reviewer';
    // Resolved by agreement at a step: the appeal went no further, neither upheld nor dismissed.
    const outcome = a.result === null ? 'open' : a.result === 'upheld' ? 'upheld' : a.result === 'dismissed' ? 'not-upheld' : 'withdrawn';
    return { ground: appealGround(a.grounds), stageReached, outcome };
  });
  const objections = s.objections.map((o): Appeal => ({
    ground: 'reviewer-choice',
    stageReached: o.status === 'appealed' || o.status === 'final' ? 'governors' : 'headteacher',
    outcome: o.status === 'raised' || o.status === 'appealed' || o.upheld === null ? 'open' : o.upheld ? 'upheld' : 'not-upheld',
  }));
  return [...appeals, ...objections];
}
