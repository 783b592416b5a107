// The expected due date of every rule of every preset, worked out by hand from the calendar (see
// policy-fixtures.ts for the bank holidays). Each row names the requirement it proves.

/** One hand-computed deadline. */
export interface DeadlineRow {
  readonly req: string;
  readonly preset: string;
  readonly rule: string;
  readonly from: string;
  readonly due: string;
  readonly workingDays: number;
  readonly why: string;
}

/** The n-th working day after a trigger, counted on paper, for the day counts the presets use. */
interface Scenario {
  readonly name: string;
  readonly from: string;
  readonly due: Readonly<Record<1 | 2 | 5 | 7 | 10 | 20, string>>;
}

export const SCENARIOS: readonly Scenario[] = [
  {
    // Thu 17 Dec 2026: 18, 21, 22, 23, 24 Dec; Fri 25 (Christmas) and Mon 28 (Boxing Day substitute) skipped;
    // 29, 30, 31 Dec; Fri 1 Jan skipped; 4, 5 Jan (10th) … 19 Jan (20th).
    name: 'Christmas 2026: Christmas Day, the Boxing Day substitute (Mon 28 Dec) and New Year’s Day skipped',
    from: '2026-12-17',
    due: { 1: '2026-12-18', 2: '2026-12-21', 5: '2026-12-24', 7: '2026-12-30', 10: '2027-01-05', 20: '2027-01-19' },
  },
  {
    // Mon 20 Dec 2027: 21, 22, 23, 24 Dec; Mon 27 and Tue 28 (both substitutes) skipped; 29, 30, 31 Dec;
    // Mon 3 Jan 2028 (New Year substitute) skipped; 4, 5, 6 Jan (10th) … 20 Jan (20th).
    name: 'year end 2027: two substitute days after Christmas and one after New Year',
    from: '2027-12-20',
    due: { 1: '2027-12-21', 2: '2027-12-22', 5: '2027-12-29', 7: '2027-12-31', 10: '2028-01-06', 20: '2028-01-20' },
  },
  {
    // Thu 24 Feb 2028: 25, 28, 29 Feb (leap day, a Tuesday, counts), 1, 2 Mar (5th), 3, 6 (7th), 7, 8, 9 (10th) … 23 Mar.
    name: 'leap year 2028: Tuesday 29 February is a working day',
    from: '2028-02-24',
    due: { 1: '2028-02-25', 2: '2028-02-28', 5: '2028-03-02', 7: '2028-03-06', 10: '2028-03-09', 20: '2028-03-23' },
  },
  {
    // Wed 24 Mar 2027: Thu 25; Good Friday 26 and Easter Monday 29 skipped; 30, 31 Mar, 1, 2 Apr (5th) … 23 Apr.
    name: 'Easter 2027: Good Friday and Easter Monday skipped',
    from: '2027-03-24',
    due: { 1: '2027-03-25', 2: '2027-03-30', 5: '2027-04-02', 7: '2027-04-06', 10: '2027-04-09', 20: '2027-04-23' },
  },
];

const APPEAL_LADDER = [
  ['appeal.informal', 10],
  ['appeal.written', 10],
  ['appeal.reviewer-confirm', 5],
  ['appeal.headteacher-outcome', 10],
  ['appeal.to-clerk', 10],
  ['appeal.panel-hearing', 20],
  ['appeal.panel-decision', 2],
] as const;

type Days = keyof Scenario['due'];
const across = (req: string, preset: string, rule: string, days: Days): DeadlineRow[] =>
  SCENARIOS.map((s) => ({ req, preset, rule, from: s.from, due: s.due[days], workingDays: days, why: `${days} working days, ${s.name}` }));

const PRESETS = ['test-valley', 'propeller', 'spt', 'hampshire-model'] as const;

/** R-DL-1: the appeal ladder in every preset (test-valley from its text; the others by default). */
export const APPEAL_ROWS: readonly DeadlineRow[] = PRESETS.flatMap((preset) => APPEAL_LADDER.flatMap(([rule, days]) => across('R-DL-1', preset, rule, days)));

/** R-DL-2 … R-DL-6 and R-CAL-2: the rules only some presets have. */
export const OTHER_ROWS: readonly DeadlineRow[] = [
  ...across('R-DL-2', 'test-valley', 'reviewer-objection.appeal', 10),
  ...across('R-DL-4', 'hampshire-model', 'observation.verbal-feedback', 5),
  ...across('R-DL-4', 'hampshire-model', 'observation.written-feedback', 7),
  ...across('R-DL-4', 'spt', 'observation.verbal-feedback', 1),
  ...across('R-DL-4', 'spt', 'observation.written-feedback', 2),
  // With no closures set, twenty school days are twenty working days.
  ...across('R-DL-6', 'hampshire-model', 'support.review', 20),
  { req: 'R-DL-4', preset: 'spt', rule: 'observation.verbal-feedback', from: '2026-12-24', due: '2026-12-29', workingDays: 1, why: '“24 hours” after Christmas Eve is Tuesday 29 December' },
  { req: 'R-DL-4', preset: 'spt', rule: 'observation.verbal-feedback', from: '2027-12-24', due: '2027-12-29', workingDays: 1, why: 'the weekend and both substitute days skipped' },
  { req: 'R-DL-4', preset: 'spt', rule: 'observation.written-feedback', from: '2027-12-31', due: '2028-01-05', workingDays: 2, why: 'New Year on a Saturday, substitute Monday 3 January' },
  { req: 'R-DL-4', preset: 'spt', rule: 'observation.verbal-feedback', from: '2028-02-28', due: '2028-02-29', workingDays: 1, why: 'the leap day' },
  // "At least 5 working days before the meeting": the 5th working day before it.
  { req: 'R-DL-3', preset: 'spt', rule: 'meeting.papers', from: '2027-01-05', due: '2026-12-24', workingDays: -5, why: 'back over New Year, 31, 30, 29 Dec, the substitute day and Christmas' },
  { req: 'R-DL-3', preset: 'spt', rule: 'meeting.papers', from: '2028-03-02', due: '2028-02-24', workingDays: -5, why: 'back over the leap day: 1 Mar, 29, 28, 25, 24 Feb' },
  { req: 'R-DL-3', preset: 'spt', rule: 'meeting.papers', from: '2027-03-30', due: '2027-03-19', workingDays: -5, why: 'back over Easter Monday and Good Friday: 25, 24, 23, 22, 19 Mar' },
  { req: 'R-DL-3', preset: 'spt', rule: 'meeting.papers', from: '2027-01-04', due: '2026-12-23', workingDays: -5, why: 'a Monday meeting: 31, 30, 29, 24, 23 Dec' },
  // Statement by 31 December (hampshire-model leaves the date open), moved back to a working day.
  // Sep 2027 has 22 working days, Oct 21, Nov 22, Dec 21 (27 and 28 are substitutes): 86.
  { req: 'R-DL-5', preset: 'hampshire-model', rule: 'statement.issue', from: '2027-08-31', due: '2027-12-31', workingDays: 86, why: 'Friday 31 December 2027' },
  { req: 'R-DL-5', preset: 'hampshire-model', rule: 'statement.issue', from: '2028-12-01', due: '2028-12-29', workingDays: 18, why: '31 Dec 2028 is a Sunday: back to Friday 29, over Christmas and Boxing Day' },
  { req: 'R-DL-5', preset: 'hampshire-model', rule: 'statement.issue', from: '2027-12-31', due: '2027-12-31', workingDays: 0, why: 'on the day itself' },
  // Pay data ready in December (000): 1 December, moved forward to a working day.
  { req: 'R-CAL-2', preset: 'hampshire-model', rule: 'payroll.data-ready', from: '2027-08-31', due: '2027-12-01', workingDays: 66, why: '22 + 21 + 22 + Wednesday 1 December' },
  { req: 'R-CAL-2', preset: 'hampshire-model', rule: 'payroll.data-ready', from: '2029-11-26', due: '2029-12-03', workingDays: 5, why: '1 Dec 2029 is a Saturday: forward to Monday 3' },
  // Pay takes effect from the next 1 April, kept even on a Saturday (an effective date, not a deadline).
  { req: 'R-CAL-2', preset: 'hampshire-model', rule: 'pay.effective', from: '2027-08-31', due: '2028-04-01', workingDays: 150, why: '86 to the year end, 20 in Jan (3rd off), 21 in Feb, 23 in Mar' },
  { req: 'R-CAL-2', preset: 'test-valley', rule: 'pay.effective', from: '2027-02-28', due: '2027-04-01', workingDays: 22, why: 'March 2027 has 21 working days (Easter), then Thursday 1 April' },
  { req: 'R-CAL-2', preset: 'test-valley', rule: 'pay.effective', from: '2028-02-29', due: '2028-04-01', workingDays: 23, why: 'after the leap-year cycle end; Saturday 1 April 2028 kept' },
  { req: 'R-CAL-2', preset: 'test-valley', rule: 'pay.effective', from: '2027-04-01', due: '2028-04-01', workingDays: 255, why: 'the next 1 April, never the same day: 261 weekdays to it, less 6 bank holidays (May x2, Aug, 27-28 Dec, 3 Jan)' },
];

/** The rules each preset has, written out from the policy texts (R-DL-*, R-CAL-2). */
export const RULES_BY_PRESET: Readonly<Record<string, readonly string[]>> = {
  'test-valley': [...APPEAL_LADDER.map(([r]) => r), 'reviewer-objection.appeal', 'pay.effective'],
  propeller: APPEAL_LADDER.map(([r]) => r),
  spt: [...APPEAL_LADDER.map(([r]) => r), 'meeting.papers', 'observation.verbal-feedback', 'observation.written-feedback'],
  'hampshire-model': [
    ...APPEAL_LADDER.map(([r]) => r),
    'observation.verbal-feedback', 'observation.written-feedback', 'support.review', 'statement.issue', 'payroll.data-ready', 'pay.effective',
  ],
};
