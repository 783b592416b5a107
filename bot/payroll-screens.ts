import { z } from 'zod/v4';
import type { Person } from '../services/people/person.schema';
import type { SchoolPolicy } from '../services/policy';
import type { PayrollExportRecord } from '../services/ports/store.port';
import { changesSinceExport, cycleLabel, cyclesInPay, KIND_WORDS, outcome, payrollChangesSummary, payrollDates, payrollOpenId } from '../services/reports';
import type { PayrollChange } from '../services/reports';
import { dateInWords, londonWallClock } from '../services/shared/london-time';
import { assertNever } from '../services/shared/result';
import { civilDateSchema } from '../services/shared/time';
import type { CivilDate } from '../services/shared/time';
import { errorView } from '../cards/views/error.view';
import type { ListView } from '../cards/views/list.view';
import { Verbs } from '../cards/verbs';
import type { Actor } from './actor';
import type { CaseRuntime } from './case-runtime';
import type { ProductStore } from './compose';
import { isHead } from './admin-screens';
import { pageOf } from './queue-screens';
import type { ListScreen } from './queue-screens';

// The head's "Payroll changes" (R-PAY-1, R-CAL-2, R-CHAT-2): once a cycle's payroll export is recorded, what payroll
// has and what is approved now, person by person, in plain words, with what to do about it. Opened from the daily
// notice's button for its cycle, or by saying "payroll" (the cycles the daily job checks). The comparison is the
// job's own (services/reports); nothing here works pay out. Names and staff ids appear only here, for the head,
// in their one-to-one chat: the routes send a group chat the pointer instead.

/** How many changes one card shows: well inside a card's 28 KB and a Slack message's 50 blocks. */
export const PAYROLL_PAGE_SIZE = 12;

const HEAD_ONLY: ListScreen = { kind: 'error', view: errorView({ code: 'PAYROLL.NOT_ALLOWED', message: 'Only the headteacher can see payroll changes.' }) };
const BAD_BUTTON: ListScreen = {
  kind: 'error',
  view: errorView({ code: 'CARD.INVALID', message: 'That button doesn’t say which cycle it is for. Say "payroll" to see the changes as they are now.' }),
};

/** What the button carries: the cycle as `payroll:<cycle start>` (the notice's `open.caseId`), and a page. */
const buttonSchema = z.object({
  caseId: z.string().max(40).regex(/^payroll:(20\d\d|2100)-/).transform((id) => id.slice('payroll:'.length)).pipe(civilDateSchema),
});

const withYear = (day: CivilDate) => `${dateInWords(day)} ${day.slice(0, 4)}`;

/** "the 2025 to 2026 cycle", or "the 2025 cycle" for a cycle within one year. */
const cycleName = (policy: SchoolPolicy, cycleId: CivilDate): string => `the ${cycleLabel(policy.cycleContaining(cycleId))} cycle`;
const capitalised = (text: string) => `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}`;
const lowerFirst = (text: string) => `${text[0]?.toLowerCase() ?? ''}${text.slice(1)}`;

/** One change as the head reads it: who, what payroll has, and what is approved now. */
function changeItem(change: PayrollChange, byStaffId: ReadonlyMap<string, Person>): ListView['items'][number] {
  const person = byStaffId.get(change.staffId);
  const heading = person ? `${person.name} (staff id ${change.staffId})` : `Staff id ${change.staffId} (no longer on the staff list)`;
  switch (change.type) {
    case 'changed':
      return { heading, lines: [`Payroll has: ${outcome(change.was)}.`, `Approved now: ${outcome(change.now)}.`], actions: [] };
    case 'added':
      return { heading, lines: ['Payroll has: nothing for them in the export.', `Approved now: ${change.now ? outcome(change.now) : KIND_WORDS[change.recommendation]}.`], actions: [] };
    case 'removed':
      return { heading, lines: [`Payroll has: ${outcome(change.was)}.`, 'Approved now: no pay recommendation.'], actions: [] };
    default:
      return assertNever(change);
  }
}

/** The cycle a typed "payroll" is about: the latest in pay with changes, else with an export, else the last to end. */
async function typedCycle(store: ProductStore, schoolId: string, cycles: readonly CivilDate[]): Promise<{ cycleId: CivilDate; exp: PayrollExportRecord | null }> {
  const newestFirst = [...cycles].reverse();
  const exports = (await Promise.all(newestFirst.map((c) => store.payrollExports.get(schoolId, c)))).filter((e): e is PayrollExportRecord => e !== null);
  for (const exp of exports) {
    const found = await changesSinceExport(store, exp);
    if (!found.ok || found.value.changes.length > 0) return { cycleId: exp.cycleId, exp };
  }
  const latest = exports[0];
  if (latest) return { cycleId: latest.cycleId, exp: latest };
  return { cycleId: newestFirst[1] ?? newestFirst[0] ?? cycles[0] ?? '', exp: null };
}

/** No export recorded for the cycle yet: nothing to compare, and when its pay data is due. */
function noExportView(policy: SchoolPolicy, cycleId: CivilDate): ListView {
  const dates = payrollDates(policy, Number(cycleId.slice(0, 4)));
  const when = !dates.ok
    ? dates.error.message
    : dates.value.dataReadyDate
      ? `Its pay data can go to payroll from ${withYear(dates.value.dataReadyDate)}, for pay from ${withYear(dates.value.effectiveDate)}.`
      : `Its pay changes take effect from ${withYear(dates.value.effectiveDate)}.`;
  return {
    title: 'Payroll changes',
    intro: `No payroll export has been recorded for ${cycleName(policy, cycleId)} yet, so there is nothing to compare. ${when} Once your school’s administrator has recorded it, I’ll tell you here if an approved pay recommendation changes afterwards.`,
    items: [],
    actions: [],
  };
}

/**
 * The head's payroll changes for one cycle: the cycle the button names (`{ caseId: 'payroll:<cycle start>' }`), or,
 * with no cycle (typed), the cycles the daily job checks. Anyone but the current headteacher is refused.
 */
export async function payrollChangesScreen(store: ProductStore, runtime: CaseRuntime, actor: Actor, data: Record<string, unknown> = {}): Promise<ListScreen> {
  if (!isHead(actor) || !actor.school) return HEAD_ONLY;
  const schoolId = actor.school.id;
  const policy = await runtime.policies.forSchool(schoolId);
  const cycles = cyclesInPay(policy, londonWallClock(runtime.deps.clock.now()).day);
  let cycleId: CivilDate;
  let exp: PayrollExportRecord | null;
  if (data.caseId === undefined) ({ cycleId, exp } = await typedCycle(store, schoolId, cycles));
  else {
    const parsed = buttonSchema.safeParse(data);
    if (!parsed.success || policy.cycleContaining(parsed.data.caseId).start !== parsed.data.caseId) return BAD_BUTTON;
    cycleId = parsed.data.caseId;
    exp = await store.payrollExports.get(schoolId, cycleId);
  }
  const others = await otherCycles(store, policy, schoolId, cycles, cycleId);
  if (!exp) {
    const view = noExportView(policy, cycleId);
    return { kind: 'list', view: { ...view, actions: others } };
  }
  const found = await changesSinceExport(store, exp);
  if (!found.ok) {
    return {
      kind: 'error',
      view: errorView({
        code: found.error.code,
        message: 'I can’t compare with payroll just now: an approved appraisal belongs to someone who is not on the staff list, so there is no staff id for them. Please ask your school’s administrator to check the staff list.',
      }),
    };
  }
  const { changes, people } = found.value;
  const exported = `exported on ${withYear(exp.exportedOn)}`;
  const summary = payrollChangesSummary(exp, changes);
  if (!summary) {
    return {
      kind: 'list',
      view: {
        title: 'Payroll changes',
        intro: `No approved pay recommendation has changed since the payroll export for ${cycleName(policy, cycleId)} (${exported}). Payroll has the right figures: there is nothing to pass on.`,
        items: [],
        actions: others,
      },
    };
  }
  // Names by staff id, preferring someone still at the school when an id was ever reused.
  const byStaffId = new Map([...people].sort((a, b) => Number(a.leftOn === null) - Number(b.leftOn === null)).map((p) => [p.staffId, p]));
  const pages = Math.max(1, Math.ceil(changes.length / PAYROLL_PAGE_SIZE));
  const at = Math.min(pageOf(data), pages - 1);
  const shown = changes.slice(at * PAYROLL_PAGE_SIZE, (at + 1) * PAYROLL_PAGE_SIZE);
  const button = { caseId: payrollOpenId(cycleId) };
  const nav: ListView['actions'] = [
    ...(at > 0 ? [{ verb: Verbs.payrollChangesShow, title: 'Back', data: { ...button, page: at - 1 } }] : []),
    ...(at < pages - 1 ? [{ verb: Verbs.payrollChangesShow, title: 'Next changes', data: { ...button, page: at + 1 } }] : []),
  ];
  const where = pages > 1 ? ` Showing ${at * PAYROLL_PAGE_SIZE + 1} to ${at * PAYROLL_PAGE_SIZE + shown.length} of ${changes.length}.` : '';
  return {
    kind: 'list',
    view: {
      title: 'Payroll changes',
      intro: `${capitalised(cycleName(policy, cycleId))}: ${lowerFirst(summary.title)}. Payroll still has the earlier figures (${exported}).${where}`,
      items: [
        ...shown.map((c) => changeItem(c, byStaffId)),
        {
          heading: 'What to do next',
          lines: ['Ask your school’s administrator to send payroll the updated file.', 'For the administrator: the payroll report with --replace records it.'],
          actions: [],
        },
      ],
      actions: [...nav, ...others],
    },
  };
}

/** Buttons to the other cycles the daily job checks that have an export recorded. */
async function otherCycles(store: ProductStore, policy: SchoolPolicy, schoolId: string, cycles: readonly CivilDate[], shown: CivilDate): Promise<ListView['actions']> {
  const out: ListView['actions'] = [];
  for (const c of [...cycles].reverse()) {
    if (c === shown || !(await store.payrollExports.get(schoolId, c))) continue;
    out.push({ verb: Verbs.payrollChangesShow, title: capitalised(cycleName(policy, c)), data: { caseId: payrollOpenId(c) } });
  }
  return out;
}
