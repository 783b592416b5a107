import { caseCommandSchema, caseIdFor, executeCaseCommand, openCaseForPerson, parseCaseState } from '../../services/case';
import type { CaseActor, CaseCommandInput, CaseDeps, CaseRole, CaseState } from '../../services/case';
import { personSchema } from '../../services/people/person.schema';
import type { Person } from '../../services/people/person.schema';
import type { DeadlineRuleId } from '../../services/policy';
import { buildGovernorsReport, caseDeadlineRules, redactTerms, reportInputsFromCases } from '../../services/reports';
import { RULE_LABELS } from '../../services/reports/report-labels';
import type { GovernorsReport } from '../../services/reports';
import { FixedClock } from '../../services/shared/time';
import { openMemoryStore } from '../../storage/memory/memory.store';
import { ACTORS, policyOf } from '../case/case-fixtures';
import type { Step } from '../case/case-fixtures';
import { cycleSteps } from '../case/case-scenario-harness';
import type { CycleDays } from '../case/case-scenario-harness';
import { shown, tablesOf } from './report-reader';

// A hampshire-model school of twenty-five, each through a whole cycle and then an appeal against the review statement
// (signed on Friday 9 October 2026) that goes as far as its script says, through the use-cases on the in-memory
// store. The governors' report is made from the stored cases as the administrator's command makes it. What each
// appeal rule should count is worked out here from the scripts and the days R-DL-1 allows, never from the code.

const PRESET = 'hampshire-model';
const policy = policyOf(PRESET);
const DAYS: CycleDays = { cycleStart: '2025-09-01', open: '2025-09-08', planningMeeting: '2025-09-22', agree: '2025-09-23', moderate: '2025-09-24', signPlanning: '2025-09-25', interimSchedule: '2026-02-02', interimMeeting: '2026-02-23', finalSchedule: '2026-09-21', finalMeeting: '2026-10-05', signReview: '2026-10-09' };

/** The working days R-DL-1 allows for each step, from the day the step before it was done. */
const ALLOWED: Readonly<Partial<Record<DeadlineRuleId, number>>> = {
  'appeal.informal': 10, // from receiving the written statement
  'appeal.written': 10,
  'appeal.reviewer-confirm': 5,
  'appeal.headteacher-outcome': 10,
  'appeal.to-clerk': 10,
  'appeal.panel-hearing': 20, // from the appeal reaching the Clerk to the hearing itself
  'appeal.panel-decision': 2, // from the hearing
};
/** The reviewee's own rights to go on are theirs to use or not: not deadlines of the school's, so not reported. */
const RIGHTS: readonly DeadlineRuleId[] = ['appeal.written', 'appeal.to-clerk'];
const LADDER = Object.keys(ALLOWED) as DeadlineRuleId[];
const APPEAL_RULES = LADDER.filter((r) => !RIGHTS.includes(r));

/**
 * One act of an appeal, `n` working days after the act before it (the first after the statement was signed):
 * an outcome that may resolve the appeal, written grounds, a hearing scheduled `n` days on and held `m` after that,
 * the panel's decision, or a withdrawal.
 */
type Act =
  | { act: 'raise' | 'written' | 'clerk' | 'withdraw'; n: number }
  | { act: 'informal' | 'reviewer' | 'head'; n: number; resolved?: true }
  | { act: 'hearing'; n: number; m: number }
  | { act: 'decision'; n: number; upheld: boolean };

const ladder = (...ns: number[]): Act[] => {
  const acts: Act['act'][] = ['raise', 'informal', 'written', 'reviewer', 'head', 'clerk'];
  return ns.map((n, i) => ({ act: acts[i], n }) as Act);
};
const SCRIPTS: Act[][] = [
  [...ladder(2, 1, 2, 3, 5, 3), { act: 'hearing', n: 1, m: 10 }, { act: 'decision', n: 1, upheld: false }], // every step on time
  [...ladder(1, 5, 4, 5, 10, 10), { act: 'hearing', n: 2, m: 18 }, { act: 'decision', n: 2, upheld: true }], // each on its last allowed day
  [...ladder(3, 9, 3, 7, 12, 1), { act: 'hearing', n: 1, m: 22 }, { act: 'decision', n: 4, upheld: false }], // late wherever it can be
  [...ladder(8, 5, 10, 6, 11, 4), { act: 'hearing', n: 3, m: 19 }, { act: 'decision', n: 3, upheld: true }], // late again
  [...ladder(2, 2, 5), { act: 'reviewer', n: 4, resolved: true }], // resolved with the reviewer
  [...ladder(1, 3, 1, 2), { act: 'withdraw', n: 4 }], // withdrawn while with the headteacher
  [...ladder(9), { act: 'withdraw', n: 5 }], // withdrawn after the informal talk was overdue
  ladder(4), // no informal talk yet
  ladder(10), // raised on the last day, no informal talk yet
  ladder(1, 2, 3), // no outcome from the reviewer yet
  ladder(2, 11, 2), // a late informal talk, no outcome from the reviewer yet
  ladder(1, 1, 1, 1), // no headteacher's outcome yet
  ladder(1, 2, 2, 8), // a late reviewer's outcome, no headteacher's outcome yet
  [...ladder(1, 1, 1, 1, 1, 1), { act: 'hearing', n: 1, m: 5 }], // heard, no decision yet
  [...ladder(1, 1, 1, 1, 1, 1), { act: 'hearing', n: 2, m: 21 }], // heard late, no decision yet
  ladder(1, 1, 1, 1, 1, 1), // with the Clerk, no hearing yet
  ladder(1, 2, 1, 1, 2, 9), // with the Clerk, no hearing yet
  [...ladder(1, 1, 1, 1, 12, 2), { act: 'hearing', n: 1, m: 4 }, { act: 'decision', n: 5, upheld: false }], // a late headteacher's outcome and decision
  [...ladder(1, 1, 1, 1, 3, 1), { act: 'hearing', n: 1, m: 3 }, { act: 'decision', n: 1, upheld: false }], // on time, quickly
  ladder(1, 1, 1, 3), // no headteacher's outcome yet
  [...ladder(1, 1, 1, 1, 1, 1), { act: 'hearing', n: 1, m: 2 }], // heard, no decision yet
  ladder(1, 2), // no written grounds yet
  ladder(2, 4), // no written grounds yet
  ladder(1, 1, 1, 1, 2), // not taken to the Clerk
  ladder(1, 1, 2, 1, 1), // not taken to the Clerk
];

type Tally = { onTime: number; late: number; notDone: number };
/** Which step's clock each act stops, and which it starts (R-DL-1); the informal talk's runs from the signing. */
const STOPS: Record<Act['act'], DeadlineRuleId | null> = {
  raise: null, informal: 'appeal.informal', written: 'appeal.written', reviewer: 'appeal.reviewer-confirm', head: 'appeal.headteacher-outcome',
  clerk: 'appeal.to-clerk', hearing: 'appeal.panel-hearing', decision: 'appeal.panel-decision', withdraw: null,
};
const STARTS: Record<Act['act'], DeadlineRuleId | null> = {
  raise: 'appeal.informal', informal: 'appeal.written', written: 'appeal.reviewer-confirm', reviewer: 'appeal.headteacher-outcome', head: 'appeal.to-clerk',
  clerk: 'appeal.panel-hearing', hearing: 'appeal.panel-decision', decision: null, withdraw: null,
};

/** The true count for each appeal rule, from the scripts alone; every step still waiting is long overdue by `asOf`. */
function expectedTallies(): Map<DeadlineRuleId, Tally> {
  const tallies = new Map(LADDER.map((r) => [r, { onTime: 0, late: 0, notDone: 0 }]));
  for (const script of SCRIPTS) {
    let running: { rule: DeadlineRuleId; days: number } | null = null;
    for (const a of script) {
      const days: number = (running?.days ?? 0) + a.n + (a.act === 'hearing' ? a.m : 0);
      const stops = STOPS[a.act];
      if (stops && running?.rule === stops) {
        const t = tallies.get(stops)!;
        if (days <= ALLOWED[stops]!) t.onTime += 1;
        else t.late += 1;
      }
      const starts = 'resolved' in a ? null : STARTS[a.act];
      // The informal talk's clock started at the signing, so raising concerns carries its days on.
      running = starts === null ? null : { rule: starts, days: a.act === 'raise' ? days : 0 };
    }
    if (running) tallies.get(running.rule)!.notDone += 1;
  }
  return tallies;
}

const person = (id: string, name: string, extra: object = {}) =>
  personSchema.parse({ id, schoolId: 'school-1', staffId: `ASH-${id}`, name, email: `${name.toLowerCase().replace(' ', '.')}@ashdown.example`, startDate: '2019-09-02', ...extra });
const NAMES = ['Alex Morgan', 'Bea Okafor', 'Cal Dunmore', 'Dee Whitlock', 'Eli Quigley', 'Fay Abernethy', 'Gus Pemberton', 'Hana Castellano', 'Ivo Fairweather', 'Jo Okonkwo', 'Kit Lockhart', 'Lena Marsh', 'Milo Tran', 'Nell Bright', 'Oren Vale', 'Pia Ashby', 'Rafe Colton', 'Sara Penhale', 'Theo Brannigan', 'Uma Kettering', 'Vic Hollins', 'Wren Gallagher', 'Xan Petrakis', 'Yara Lindqvist', 'Zac Penrose'];
const REVIEWER = person(ACTORS.reviewer.personId, 'Priya Lockwood');
const HEAD = person(ACTORS.headteacher.personId, 'Jordan Ellis', { headteacher: true });
const REVIEWEES: Person[] = NAMES.map((name, i) => person(`p-staff-${i + 1}`, name, { lineManagerIds: [REVIEWER.id], reviewerId: REVIEWER.id }));

/** The commands of one appeal script, each on its working day. */
function appealCommands(script: readonly Act[]): [string, CaseRole, CaseCommandInput][] {
  const day = (from: string, n: number) => policy.calendar.addWorkingDays(from, n);
  const notResolved = { outcome: 'We could not agree', resolved: false };
  let last = DAYS.signReview;
  return script.map((a): [string, CaseRole, CaseCommandInput] => {
    const on = day(last, a.n);
    last = on;
    switch (a.act) {
      case 'raise':
        return [on, 'reviewee', { type: 'appeal.raise', statement: 'review', grounds: 'The rating does not reflect the staffing gap' }];
      case 'informal':
        return [on, 'reviewer', { type: 'appeal.informal-outcome', ...notResolved, resolved: a.resolved ?? false }];
      case 'written':
        return [on, 'reviewee', { type: 'appeal.written', grounds: 'Written grounds, as discussed' }];
      case 'reviewer':
        return [on, 'reviewer', { type: 'appeal.reviewer-outcome', ...notResolved, resolved: a.resolved ?? false }];
      case 'head':
        return [on, 'headteacher', { type: 'appeal.head-outcome', ...notResolved, resolved: a.resolved ?? false }];
      case 'clerk':
        return [on, 'reviewee', { type: 'appeal.to-clerk', grounds: 'I ask the governors to hear my appeal' }];
      case 'hearing':
        last = day(on, a.m);
        return [on, 'clerk', { type: 'appeal.hearing-scheduled', hearingOn: last }];
      case 'decision':
        return [on, 'appeal-panel', { type: 'appeal.panel-decision', outcome: a.upheld ? 'The rating is changed to met' : 'The rating stands', upheld: a.upheld }];
      case 'withdraw':
        return [on, 'reviewee', { type: 'appeal.withdraw', note: 'I no longer wish to go on' }];
    }
  });
}

/** Seeds the school: every reviewee's cycle, then their appeal; returns the stored cases. */
async function seedSchool(): Promise<{ cases: CaseState[]; lastDay: string }> {
  const clock = new FixedClock(`${DAYS.open}T10:00:00.000Z`);
  const store = openMemoryStore({ parseCaseState, clock });
  let n = 0;
  const deps: CaseDeps = { cases: store.cases, policyFor: async () => policy, clock, newId: () => `id-${(n += 1)}` };
  let lastDay = DAYS.signReview;
  for (const [i, reviewee] of REVIEWEES.entries()) {
    const actorOf = (role: CaseRole): CaseActor => (role === 'reviewee' ? { personId: reviewee.id, schoolRoles: [] } : ACTORS[role]);
    clock.set(`${DAYS.open}T10:00:00.000Z`);
    const opened = await openCaseForPerson(deps, { schoolId: 'school-1', reviewee, reviewer: REVIEWER, headteacher: HEAD, clerkId: ACTORS.clerk.personId, cycleStart: DAYS.cycleStart, actor: ACTORS.headteacher, channel: 'teams' });
    if (!opened.ok) throw new Error(opened.error.message);
    let env = opened.value;
    const steps: Step[] = [...cycleSteps(PRESET, DAYS, { pay: true }), ...appealCommands(SCRIPTS[i] ?? []).map(([day, role, c]): Step => [day, role, () => c])];
    for (const [day, role, make] of steps) {
      clock.set(`${day}T10:00:00.000Z`);
      const raw = make(env.state);
      const r = await executeCaseCommand(deps, { schoolId: 'school-1', caseId: caseIdFor(DAYS.cycleStart, reviewee.id), expectedVersion: env.version, command: caseCommandSchema.parse(raw), actor: actorOf(role), channel: 'teams' });
      if (!r.ok) throw new Error(`${reviewee.name}: ${raw.type} by ${role} on ${day} refused: ${r.error.code} ${r.error.message}`);
      env = r.value;
      if (day > lastDay) lastDay = day;
    }
  }
  const cases = (await store.cases.listByCycle('school-1', DAYS.cycleStart)).map((c) => c.state);
  return { cases, lastDay };
}

describe("the governors' report counts every step of the appeal ladder (R-RPT-1, R-DL-1)", () => {
  let cases: CaseState[] = [];
  let asOf = '';
  let report: GovernorsReport;
  const truth = expectedTallies();

  beforeAll(async () => {
    const seeded = await seedSchool();
    cases = seeded.cases;
    // Forty working days after the last act: every step still waiting is past its due date.
    asOf = policy.calendar.addWorkingDays(seeded.lastDay, 40);
    const people = [...REVIEWEES, REVIEWER, HEAD];
    const built = buildGovernorsReport(reportInputsFromCases(cases, { policy, asOf, people }), {
      schoolName: 'Ashdown Primary', cycleLabel: '2025 to 2026', ratingScale: policy.finalRatingScale, deadlineRules: caseDeadlineRules(policy, DAYS.cycleStart), redact: redactTerms(people, cases), threshold: 2,
    });
    if (!built.ok) throw new Error(built.error.message);
    report = built.value;
  });

  it('R-DL-1: the school is seeded as the scripts say, each appeal ended or waiting', () => {
    const ending = (script: readonly Act[]) => {
      const last = script[script.length - 1];
      if (last?.act === 'decision') return ['closed', last.upheld ? 'upheld' : 'dismissed'];
      if (last?.act === 'withdraw') return ['closed', 'withdrawn'];
      return last && 'resolved' in last ? ['closed', 'resolved'] : ['appeal', null];
    };
    const byReviewee = REVIEWEES.map((p) => cases.find((s) => s.revieweeId === p.id));
    expect(byReviewee.map((s) => [s?.stage, s?.appeals[0]?.result])).toEqual(SCRIPTS.map(ending));
  });

  it.each(APPEAL_RULES)('R-DL-1, R-RPT-1: %s counts each step done once, on time or late, and each still waiting past its due date as not done', (rule) => {
    const deadlines = reportInputsFromCases(cases, { policy, asOf, people: [] }).flatMap((c) => c.deadlines).filter((d) => d.rule === rule);
    const counted: Tally = {
      onTime: deadlines.filter((d) => d.doneOn !== null && d.doneOn <= d.due).length,
      late: deadlines.filter((d) => d.doneOn !== null && d.doneOn > d.due).length,
      notDone: deadlines.filter((d) => d.doneOn === null).length,
    };
    expect(counted).toEqual(truth.get(rule));
  });

  it.each(APPEAL_RULES)("R-RPT-1: the governors' table shows %s's true counts wherever it shows them", (rule) => {
    const t = truth.get(rule)!;
    const row = RULE_LABELS[rule];
    const published = (column: string): number | 'c' => shown(report, 'operation.deadlines', row, column);
    for (const [column, value] of [['On time', t.onTime], ['Late', t.late], ['Not done', t.notDone], ['Total', t.onTime + t.late + t.notDone]] as const) {
      const p = published(column);
      expect([column, p]).toEqual([column, p === 'c' ? 'c' : value]);
    }
  });

  it('R-RPT-1: the on-time rate of the appeal ladder is shown, and true, wherever small numbers do not hide it', () => {
    // Small-number suppression hides a rate whose on-time or late count it hides (a zero included, so the two steps
    // that cannot be late never show one); the seeded school has enough of each for several rules to show.
    const table = tablesOf(report).find((x) => x.id === 'operation.deadlines')!;
    const rates = APPEAL_RULES.flatMap((r) => {
      const rate = table.rate?.rows[table.rows.indexOf(RULE_LABELS[r])] ?? null;
      const t = truth.get(r)!;
      return rate === null ? [] : [[r, rate, Math.round((100 * t.onTime) / (t.onTime + t.late))]];
    });
    expect(rates.length).toBeGreaterThanOrEqual(3);
    for (const [rule, rate, trueRate] of rates) expect([rule, rate]).toEqual([rule, trueRate]);
  });
});
