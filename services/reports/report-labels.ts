import { STAGES, STAGE_LABELS } from '../case/case-stages';
import type { DeadlineRuleId } from '../policy/preset.schema';
import { AGE_BANDS, DISABILITIES, ETHNICITIES, GENDERS, RELIGIONS, SEXUAL_ORIENTATIONS, UNION_MEMBERSHIPS } from './report-input';
import type { APPEAL_GROUNDS, APPEAL_LEVELS, APPEAL_OUTCOMES, PAY_OUTCOMES, ReportCaseInput } from './report-input';

// What every row and column of the governors' report is called. Rows are fixed lists, never the data, so a
// table's shape gives nothing away (R-RPT-1).

/** Every stage, in the order of the cycle, with its name. */
export const STAGE_ROWS = STAGES.map((s) => ({ id: s, label: STAGE_LABELS[s] }));

/** What each deadline rule is called in the report. */
export const RULE_LABELS: Readonly<Record<DeadlineRuleId, string>> = {
  'appeal.informal': 'Appeal: informal talk with the reviewer',
  'appeal.written': 'Appeal: written grounds',
  'appeal.reviewer-confirm': "Appeal: reviewer's written outcome",
  'appeal.headteacher-outcome': "Appeal: headteacher's written outcome",
  'appeal.to-clerk': 'Appeal to the Clerk to the governors',
  'appeal.panel-hearing': "Appeal: governors' panel hearing",
  'appeal.panel-decision': "Appeal: panel's decision in writing",
  'reviewer-objection.appeal': 'Objection to the reviewer: appeal',
  'meeting.papers': 'Papers before a meeting',
  'observation.verbal-feedback': 'Observation: spoken feedback',
  'observation.written-feedback': 'Observation: written feedback',
  'support.review': 'Review of informal support',
  'statement.issue': 'Written review statement',
  'payroll.data-ready': 'Pay data ready for payroll',
  'pay.effective': 'Pay change takes effect',
};

/** Pay outcomes as columns (R-PAY-1), then the cases not yet decided. */
export const PAY_COLUMNS: readonly { id: (typeof PAY_OUTCOMES)[number] | null; label: string }[] = [
  { id: 'increment', label: 'One increment' },
  { id: 'top-of-grade', label: 'Already at the top of the grade' },
  { id: 'withheld', label: 'Increment withheld' },
  { id: 'not-eligible', label: 'Not eligible' },
  { id: null, label: 'Not decided yet' },
];

/** Appeal grounds, how far an appeal went, and how it ended (R-DL-1, R-DL-2). */
export const APPEAL_GROUND_LABELS: Readonly<Record<(typeof APPEAL_GROUNDS)[number], string>> = {
  objectives: 'The objectives set',
  assessment: 'The assessment',
  pay: 'The pay recommendation',
  'support-not-provided': 'Agreed support not provided',
  process: 'How the process was run',
  'reviewer-choice': 'The choice of reviewer',
  other: 'Other grounds',
};
/** How far an appeal went. */
export const APPEAL_LEVEL_LABELS: Readonly<Record<(typeof APPEAL_LEVELS)[number], string>> = {
  reviewer: 'Settled with the reviewer',
  headteacher: 'Heard by the headteacher',
  governors: "Heard by the governors' panel",
};
/** How an appeal ended. */
export const APPEAL_OUTCOME_LABELS: Readonly<Record<(typeof APPEAL_OUTCOMES)[number], string>> = {
  upheld: 'Upheld',
  'not-upheld': 'Not upheld',
  withdrawn: 'Withdrawn',
  open: 'Still open',
};

const CATEGORY_LABELS: Readonly<Record<string, string>> = {
  asian: 'Asian or Asian British',
  black: 'Black, Black British, Caribbean or African',
  mixed: 'Mixed or multiple ethnic groups',
  white: 'White',
  other: 'Another answer',
  woman: 'Woman',
  man: 'Man',
  'non-binary': 'Non-binary',
  heterosexual: 'Heterosexual or straight',
  'gay-or-lesbian': 'Gay or lesbian',
  bisexual: 'Bisexual',
  yes: 'Yes',
  no: 'No',
  'no-religion': 'No religion',
  christian: 'Christian',
  buddhist: 'Buddhist',
  hindu: 'Hindu',
  jewish: 'Jewish',
  muslim: 'Muslim',
  sikh: 'Sikh',
  'under-25': 'Under 25',
  '25-34': '25 to 34',
  '35-44': '35 to 44',
  '45-54': '45 to 54',
  '55-64': '55 to 64',
  '65-and-over': '65 and over',
  'prefer-not-to-say': 'Prefer not to say',
  'not-recorded': 'Not recorded',
  'part-time': 'Part-time',
  'full-time': 'Full-time',
};

/** A characteristic the outcomes are broken down by (R-RPT-1): its categories and how to read it from a case. */
export interface Characteristic {
  readonly id: string;
  readonly title: string;
  /** How a table title ends: "Final assessment by …". */
  readonly by: string;
  readonly categories: readonly { id: string; label: string }[];
  readonly of: (c: ReportCaseInput) => string;
}

const equality = (id: string, title: string, by: string, values: readonly string[], of: (c: ReportCaseInput) => string | undefined): Characteristic => ({
  id,
  title,
  by,
  categories: [...values, 'not-recorded'].map((v) => ({ id: v, label: CATEGORY_LABELS[v] ?? v })),
  of: (c) => of(c) ?? 'not-recorded',
});

/** Every characteristic of R-RPT-1, in the order of the requirement. */
export const CHARACTERISTICS: readonly Characteristic[] = [
  equality('ethnicity', 'Ethnic group', 'ethnic group', ETHNICITIES, (c) => c.equality?.ethnicity),
  equality('gender', 'Gender', 'gender', GENDERS, (c) => c.equality?.gender),
  equality('sexual-orientation', 'Sexual orientation', 'sexual orientation', SEXUAL_ORIENTATIONS, (c) => c.equality?.sexualOrientation),
  equality('disability', 'Disability', 'disability', DISABILITIES, (c) => c.equality?.disability),
  equality('religion-or-belief', 'Religion or belief', 'religion or belief', RELIGIONS, (c) => c.equality?.religionOrBelief),
  equality('age-band', 'Age', 'age', AGE_BANDS, (c) => c.equality?.ageBand),
  { id: 'contract', title: 'Contract', by: 'part-time or full-time contract', categories: ['part-time', 'full-time'].map((v) => ({ id: v, label: CATEGORY_LABELS[v] ?? v })), of: (c) => (c.partTime ? 'part-time' : 'full-time') },
  equality('trade-union', 'Trade-union member', 'trade-union membership', UNION_MEMBERSHIPS, (c) => c.equality?.tradeUnionMember),
];
