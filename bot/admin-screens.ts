import { z } from 'zod/v4';
import type { PublishedCount } from '../services/reports';
import { readSetup, reportThresholdOf, unreachableReport } from '../services/roster';
import { dateInWords, londonWallClock } from '../services/shared/london-time';
import { errorView } from '../cards/views/error.view';
import type { ListView } from '../cards/views/list.view';
import { Verbs } from '../cards/verbs';
import type { Actor } from './actor';
import type { CaseRuntime } from './case-runtime';
import type { ProductStore } from './compose';
import { launchSchoolCycle } from './cycle-launch';
import { governorsReportFor, REPORT_LINK_MINUTES } from './report-link';
import type { ReportLinks } from './report-link';
import type { ListScreen } from './queue-screens';

// The head's set-up in chat (issue: school set-up): a summary, the cycle launch with its preview, and who
// cannot be reached. The same operations as `npm run admin`, for the headteacher only.

const HEAD_ONLY: ListScreen = { kind: 'error', view: errorView({ code: 'SETUP.NOT_ALLOWED', message: 'Only the headteacher can change the school set-up.' }) };
const yearSchema = z.object({ cycleYear: z.coerce.number().int().min(2000).max(2100) });

/** The current headteacher (leavers are never actors: `resolveActor` gives them no person). */
export const isHead = (actor: Actor): boolean => actor.person !== null && actor.roles.has('headteacher');
const todayOf = (runtime: CaseRuntime) => londonWallClock(runtime.deps.clock.now()).day;

/** The set-up summary: policy, this cycle's dates, closures, the report's threshold, priorities and who is unreachable. */
export async function setupScreen(store: ProductStore, runtime: CaseRuntime, actor: Actor): Promise<ListScreen> {
  if (!isHead(actor) || !actor.person || !actor.school) return HEAD_ONLY;
  const policy = await runtime.policies.forSchool(actor.school.id);
  const setup = readSetup(actor.school);
  const cycle = policy.cycleContaining(todayOf(runtime));
  const timeline = policy.timeline(Number(cycle.start.slice(0, 4)));
  const people = await store.people.list(actor.school.id);
  const unreachable = unreachableReport(people);
  const view: ListView = {
    title: `${actor.school.name}: set-up`,
    intro: `Policy: ${policy.preset.name}.`,
    items: [
      { heading: 'This cycle', lines: [`${dateInWords(timeline.start)} to ${dateInWords(timeline.end)}`, ...timeline.phases.map((p) => `${p.name[0]?.toUpperCase()}${p.name.slice(1)}: ${dateInWords(p.from)} to ${dateInWords(p.to)}`)], actions: [] },
      { heading: 'School calendar', lines: [`${setup.closures.length} closure${setup.closures.length === 1 ? '' : 's'} entered (holidays and INSET days)`, `Up to ${policy.objectiveLimit} objectives each`], actions: [] },
      { heading: 'Report to governors', lines: [`Counts below ${reportThresholdOf(actor.school)} are hidden, so nobody can be identified`], actions: [] },
      { heading: 'Improvement-plan priorities', lines: setup.priorities.length ? setup.priorities.map((p) => p.title) : ['None set yet: ask your administrator to add them.'], actions: [] },
      { heading: 'Staff', lines: [`${people.filter((p) => p.leftOn === null).length} on the roster`, `${unreachable.neither.length} not reachable in chat yet`], actions: [{ verb: Verbs.unreachableShow, title: 'Who is unreachable', data: {} }] },
    ],
    actions: [{ verb: Verbs.cycleLaunchPreview, title: 'Launch this cycle…', data: { cycleYear: Number(timeline.start.slice(0, 4)) } }],
  };
  return { kind: 'list', view };
}

/** A dry run of the launch, or the launch itself (R-CYC-1, R-ELG-1). */
export async function launchScreen(store: ProductStore, runtime: CaseRuntime, actor: Actor, data: Record<string, unknown>, dryRun: boolean): Promise<ListScreen> {
  if (!isHead(actor) || !actor.person || !actor.school) return HEAD_ONLY;
  const parsed = yearSchema.safeParse(data);
  if (!parsed.success) return { kind: 'error', view: errorView({ code: 'CARD.INVALID', message: 'That button is missing the cycle year. Please open the set-up again.' }) };
  const result = await launchSchoolCycle(store, runtime, { schoolId: actor.school.id, cycleYear: parsed.data.cycleYear, actor: { kind: 'person', personId: actor.person.id }, dryRun, channel: actor.chat });
  if (!result.ok) return { kind: 'error', view: errorView(result.error) };
  const { plan, opened, failed } = result.value;
  const view: ListView = {
    title: dryRun ? `Launch the cycle from ${dateInWords(plan.cycleStart)}?` : 'The cycle is launched',
    intro: dryRun
      ? `${plan.included.length} ${plan.included.length === 1 ? 'person' : 'people'} will get an appraisal. Check who is left out before you launch.`
      : `${opened.length} ${opened.length === 1 ? 'appraisal was' : 'appraisals were'} opened. I’ll message each person and their reviewer.${failed.length ? ` ${failed.length} could not be opened: see below.` : ''}`,
    items: [
      ...plan.included.map((e) => ({ heading: e.person.name, lines: [`${dateInWords(e.cycle.start)} to ${dateInWords(e.cycle.end)}, up to ${e.cycle.objectiveLimit} objectives${e.cycle.placement === 'extended' ? ' (a longer first cycle)' : ''}`], actions: [] })),
      ...plan.excluded.map((e) => ({ heading: `${e.person.name} (left out)`, lines: [e.reason], actions: [] })),
      ...failed.map((f) => ({ heading: 'Not opened', lines: [f.error.message], actions: [] })),
    ],
    actions: dryRun && plan.included.length ? [{ verb: Verbs.cycleLaunch, title: `Launch for ${plan.included.length}`, data: { cycleYear: parsed.data.cycleYear }, style: 'positive' }] : [{ verb: Verbs.setupShow, title: 'Back to set-up', data: {} }],
  };
  return { kind: 'list', view };
}

/** Who cannot be reached in Teams or Slack yet, so the office can link them. */
export async function unreachableScreen(store: ProductStore, actor: Actor): Promise<ListScreen> {
  if (!isHead(actor) || !actor.school) return HEAD_ONLY;
  const report = unreachableReport(await store.people.list(actor.school.id));
  return {
    kind: 'list',
    view: {
      title: 'Who I can’t reach yet',
      intro: report.neither.length ? 'These people have no working chat account linked. Ask the office to check their email address or Teams account.' : 'I can reach everyone on the roster.',
      items: report.neither.map((p) => ({ heading: p.name, lines: [p.jobTitle || 'Staff'], actions: [] })),
      actions: [{ verb: Verbs.setupShow, title: 'Back to set-up', data: {} }],
    },
  };
}

/**
 * The head's summary of the governors' report in chat (R-RPT-1): each table's total, with small numbers hidden
 * exactly as in the full report, and fresh links to that full report and its CSV, each working once, for 15 minutes
 * and only for them while they are the headteacher (R-PRV-1).
 */
export async function governorsSummaryScreen(store: ProductStore, runtime: CaseRuntime, actor: Actor, links: ReportLinks): Promise<ListScreen> {
  if (!isHead(actor) || !actor.person || !actor.school) return HEAD_ONLY;
  const policy = await runtime.policies.forSchool(actor.school.id);
  const today = todayOf(runtime);
  const cycle = policy.cycleContaining(today);
  const cycleYear = Number(cycle.start.slice(0, 4));
  const built = await governorsReportFor(store, runtime, actor.school, cycleYear, today);
  if (!built.ok) return { kind: 'error', view: errorView(built.error) };
  const shown = (n: PublishedCount | null) => (n === null ? null : n.type === 'count' ? String(n.value) : `fewer than ${built.value.threshold}, or hidden so it cannot be worked out`);
  const link = links.governors({ schoolId: actor.school.id, personId: actor.person.id, cycleYear });
  return {
    kind: 'list',
    view: {
      title: 'Report to governors: summary',
      intro: [
        `${dateInWords(cycle.start)} to ${dateInWords(cycle.end)}. Nothing here identifies anyone; small numbers are hidden.`,
        `Open the full report to print it for governors, or download it for a spreadsheet. Each link works once, for ${REPORT_LINK_MINUTES} minutes, and only for you, while you are the headteacher: please don’t pass it on.`,
      ].join(' '),
      items: built.value.sections.map((s) => ({
        heading: s.title,
        lines: s.tables.flatMap((t) => (shown(t.grandTotal) === null ? [] : [`${t.title}: ${shown(t.grandTotal)}`])).slice(0, 6),
        actions: [],
      })),
      links: [
        { title: 'Open the full report', url: link.url },
        { title: 'Download as CSV', url: link.csvUrl },
      ],
      actions: [{ verb: Verbs.setupShow, title: 'Back to set-up', data: {} }],
    },
  };
}
