import { z } from 'zod/v4';
import type { CaseState } from '../services/case';
import type { SchoolPolicy } from '../services/policy';
import { agreedSupport, buildCpdSummary, cycleLabel, redactTerms, trainingNeeds } from '../services/reports';
import { londonWallClock } from '../services/shared/london-time';
import { civilDateSchema } from '../services/shared/time';
import type { CivilDate } from '../services/shared/time';
import { cpdView } from '../cards/views/cpd.view';
import type { CpdCycle } from '../cards/views/cpd.view';
import { errorView } from '../cards/views/error.view';
import type { Actor } from './actor';
import type { CaseRuntime } from './case-runtime';
import type { ProductStore } from './compose';
import { pageOf } from './queue-screens';
import type { ListScreen } from './queue-screens';

// "Training needs" in chat (R-RPT-3, R-SUP-1, R-PRV-1): the CPD summary the admin command writes as CSV, for the
// professional-development manager and the headteacher. It counts the training needs from one cycle's statements
// and the agreed support not yet given, grouped, and names no one: the summary scrubs every name, email and id of
// the school's people and of the cycle's cases from the free text. Typed, it shows the current cycle when that has
// appraisals, else the latest that has; buttons move between pages and to the cycles either side that have any.

/** How many cycles back the screen looks for appraisals: records are kept for six years after a cycle (R-PRV-2). */
const LOOK_BACK = 7;

const NOT_ALLOWED: ListScreen = {
  kind: 'error',
  view: errorView({ code: 'CPD.NOT_ALLOWED', message: 'Only the professional-development manager or the headteacher can see training needs.' }),
};
const BAD_BUTTON: ListScreen = {
  kind: 'error',
  view: errorView({ code: 'CARD.INVALID', message: 'That button doesn’t say which cycle it is for. Say "training needs" to see the current cycle.' }),
};

/** What a button carries: the cycle (its first day) and a page. Typed, neither. */
const buttonSchema = z.object({ cycle: z.string().max(10).regex(/^(20\d\d|2100)-/).pipe(civilDateSchema) });

/** A current professional-development manager or headteacher: roles come from the stored staff list, and leavers are never actors. */
const mayRead = (actor: Actor): boolean => actor.person !== null && (actor.roles.has('pd-manager') || actor.roles.has('headteacher'));

/** "the 2025 to 2026 cycle", or "the 2025 cycle" for a cycle within one year. */
function cycleOf(policy: SchoolPolicy, id: CivilDate): CpdCycle {
  return { id, name: `the ${cycleLabel(policy.cycleContaining(id))} cycle` };
}

/** The cycle `years` before (negative) or after the one starting on `from`. */
const cycleAt = (policy: SchoolPolicy, from: CivilDate, years: number): CivilDate => policy.cycleContaining(`${Number(from.slice(0, 4)) + years}${from.slice(4)}`).start;

/**
 * The "Training needs" screen: with no cycle in `data` (typed), the current cycle if it has appraisals, else the
 * latest that has; with `{ cycle, page }` (a button), that page of that cycle. Anyone but a current
 * professional-development manager or headteacher is refused.
 */
export async function cpdScreen(store: ProductStore, runtime: CaseRuntime, actor: Actor, data: Record<string, unknown> = {}): Promise<ListScreen> {
  if (!mayRead(actor) || !actor.school) return NOT_ALLOWED;
  const schoolId = actor.school.id;
  const policy = await runtime.policies.forSchool(schoolId);
  const current = policy.cycleContaining(londonWallClock(runtime.deps.clock.now()).day).start;
  // Newest first: the next cycle (launched early), the current one, and those before it.
  const window = [cycleAt(policy, current, 1), current, ...Array.from({ length: LOOK_BACK }, (_, n) => cycleAt(policy, current, -(n + 1)))];
  const read = new Map<CivilDate, Promise<CaseState[]>>();
  const casesOf = (cycleId: CivilDate) => {
    const found = read.get(cycleId) ?? store.cases.listByCycle(schoolId, cycleId).then((list) => list.map((e) => e.state));
    read.set(cycleId, found);
    return found;
  };
  const firstWithCases = async (cycles: readonly CivilDate[]): Promise<CivilDate | null> => {
    for (const c of cycles) if ((await casesOf(c)).length > 0) return c;
    return null;
  };

  let shown: CivilDate;
  if (data.cycle === undefined) shown = (await casesOf(current)).length > 0 ? current : ((await firstWithCases(window)) ?? current);
  else {
    const parsed = buttonSchema.safeParse(data);
    if (!parsed.success || policy.cycleContaining(parsed.data.cycle).start !== parsed.data.cycle) return BAD_BUTTON;
    shown = parsed.data.cycle;
  }
  const cases = await casesOf(shown);
  const earlier = await firstWithCases(window.filter((c) => c < shown));
  const later = await firstWithCases(window.filter((c) => c > shown).reverse());
  const people = await store.people.list(schoolId);
  const summary = buildCpdSummary(cases.map((s) => ({ trainingNeeds: trainingNeeds(s), support: agreedSupport(s) })), { redact: redactTerms(people, cases) });
  return {
    kind: 'list',
    view: cpdView({
      summary,
      cycle: cycleOf(policy, shown),
      appraisals: cases.length,
      page: pageOf(data),
      earlier: earlier ? cycleOf(policy, earlier) : null,
      later: later ? cycleOf(policy, later) : null,
    }),
  };
}
