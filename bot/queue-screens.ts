import { z } from 'zod/v4';
import { caseSummary, executeCaseCommand } from '../services/case';
import type { CaseState } from '../services/case';
import type { CaseEnvelope } from '../services/ports/store.port';
import { dateInWords, londonWallClock } from '../services/shared/london-time';
import { accessView } from '../cards/views/case.view';
import { errorView } from '../cards/views/error.view';
import type { ErrorView } from '../cards/views/error.view';
import type { ListView } from '../cards/views/list.view';
import { doVerb, formVerb, Verbs } from '../cards/verbs';
import type { Verb } from '../cards/verbs';
import type { Actor } from './actor';
import { caseActorOf } from './case-runtime';
import type { CaseRuntime } from './case-runtime';
import { caseActionDataSchema } from './case-screens';
import type { ProductStore } from './compose';

// The queues: a reviewer's people (R-CHAT-2), the head's moderation and pay approvals (R-MOD-1, R-PAY-1),
// and "who can see my record" (R-PRV-1). Shared by Teams and Slack.

/** A list screen, or an error saying why not. */
export type ListScreen = { kind: 'list'; view: ListView } | { kind: 'error'; view: ErrorView };

/** How many people a list card shows at once: a page stays well inside a card's 28 KB and a modal's 100 blocks. */
export const PAGE_SIZE = { team: 20, moderation: 12 } as const;

/** Which page a button asked for (0 when it said nothing sensible). */
/** The page a list button asks for (0 when it names none, or none that can be read). */
export const pageOf = (data: Record<string, unknown>): number => z.coerce.number().int().min(0).max(10_000).catch(0).parse(data.page ?? 0);

/** One page of a list, with "Next" and "Back" buttons that ask for the pages either side, and a line saying where you are. */
function paged<T>(all: readonly T[], page: number, size: number, verb: Verb, noun: string) {
  const last = Math.max(0, Math.ceil(all.length / size) - 1);
  const at = Math.min(page, last);
  const from = at * size;
  const shown = all.slice(from, from + size);
  const nav: ListView['actions'] = [
    ...(at > 0 ? [{ verb, title: 'Back', data: { page: at - 1 } }] : []),
    ...(at < last ? [{ verb, title: `Next ${Math.min(size, all.length - from - size)} ${noun}`, data: { page: at + 1 } }] : []),
  ];
  const where = all.length > size ? `Showing ${from + 1} to ${from + shown.length} of ${all.length}.` : null;
  return { shown, nav, where, at };
}

const ended = (c: CaseEnvelope<CaseState>) => c.stage === 'closed' || c.stage === 'withdrawn';
const nameOf = (c: CaseEnvelope<CaseState>) => c.state.names[c.revieweeId] ?? 'Someone';

/** The reviewer's people: one line each with the next step and a button to open the case. */
export async function teamScreen(store: ProductStore, runtime: CaseRuntime, actor: Actor, data: Record<string, unknown> = {}): Promise<ListScreen> {
  if (!actor.person) return { kind: 'error', view: errorView({ code: 'CHAT.NOT_ON_ROSTER', message: 'I don’t know you yet: please ask your school office to link your chat account.' }) };
  const policy = await runtime.policies.forSchool(actor.person.schoolId);
  const cases = (await store.cases.listByReviewer(actor.person.schoolId, actor.person.id)).filter((c) => !ended(c)).sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  const me = actor.person.id;
  const today = londonWallClock(runtime.deps.clock.now()).day;
  const page = paged(cases, pageOf(data), PAGE_SIZE.team, Verbs.teamShow, 'people');
  return {
    kind: 'list',
    view: {
      title: 'Your team’s appraisals',
      intro: cases.length ? [`You review ${cases.length} ${cases.length === 1 ? 'person' : 'people'} this cycle.`, page.where].filter(Boolean).join(' ') : 'Nobody is waiting on you as their reviewer at the moment.',
      items: page.shown.map((c) => {
        const s = caseSummary(c.state, me, policy, today);
        const next = s.next ? `${s.next.action}${s.next.due ? `, by ${dateInWords(s.next.due)}` : ''}` : 'Nothing to do';
        return { heading: nameOf(c), lines: [s.stageLabel, next], actions: [{ verb: Verbs.caseShow, title: 'Open', data: { caseId: c.id } }] };
      }),
      actions: [...page.nav, { verb: Verbs.homeShow, title: 'My own appraisal', data: {} }],
    },
  };
}

/** The head's queue: planning statements to moderate and pay recommendations to approve. */
export async function moderationScreen(store: ProductStore, runtime: CaseRuntime, actor: Actor, data: Record<string, unknown> = {}): Promise<ListScreen> {
  if (!actor.person || !actor.roles.has('headteacher')) {
    return { kind: 'error', view: errorView({ code: 'CASE.NOT_ALLOWED', message: 'Only the headteacher can see the moderation queue.' }) };
  }
  const planning = await store.cases.listByStage(actor.person.schoolId, 'planning-moderation');
  const pay = await store.cases.listByStage(actor.person.schoolId, 'pay-approval');
  const item = (c: CaseEnvelope<CaseState>, what: string, approve: 'moderation.approve' | 'pay.approve', referBack: 'moderation.refer-back' | 'pay.refer-back'): ListView['items'][number] => ({
    heading: `${nameOf(c)} — ${what}`,
    lines: [`Reviewer: ${c.reviewerId ? (c.state.names[c.reviewerId] ?? 'chosen') : 'not chosen'}`],
    actions: [
      { verb: Verbs.caseShow, title: 'Read', data: { caseId: c.id } },
      { verb: doVerb(approve), title: 'Approve', data: { caseId: c.id, version: c.version, note: '' }, style: 'positive' },
      { verb: formVerb(referBack), title: 'Send back', data: { caseId: c.id, version: c.version } },
    ],
  });
  const byName = (a: CaseEnvelope<CaseState>, b: CaseEnvelope<CaseState>) => nameOf(a).localeCompare(nameOf(b), 'en-GB') || a.id.localeCompare(b.id);
  const waiting = [...planning.sort(byName).map((c) => ({ c, kind: 'planning' as const })), ...pay.sort(byName).map((c) => ({ c, kind: 'pay' as const }))];
  const page = paged(waiting, pageOf(data), PAGE_SIZE.moderation, Verbs.moderationShow, 'waiting');
  const items = page.shown.map(({ c, kind }) =>
    kind === 'planning'
      ? item(c, 'planning statement', 'moderation.approve', 'moderation.refer-back')
      : item(c, `pay recommendation${c.state.pay.recommendation ? `: ${c.state.pay.recommendation.recommendation.replace(/-/g, ' ')}` : ''}`, 'pay.approve', 'pay.refer-back'));
  // "Approve all" covers the planning statements on this page: the ones the head has in front of them.
  const onPage = page.shown.filter((x) => x.kind === 'planning').map((x) => x.c);
  const all = onPage.length === planning.length ? `Approve all ${onPage.length} planning statements` : `Approve these ${onPage.length} planning statements`;
  return {
    kind: 'list',
    view: {
      title: 'Waiting for you',
      intro: waiting.length ? ['Check each one for consistency between staff with similar roles, then approve or send it back with a reason.', page.where].filter(Boolean).join(' ') : 'Nothing is waiting for moderation or approval.',
      items,
      actions: [
        ...(onPage.length > 1 ? [{ verb: Verbs.moderationApproveAll, title: all, data: { cases: onPage.map((c) => `${c.id}@${c.version}`).join(','), page: page.at } }] : []),
        ...page.nav,
      ],
    },
  };
}

/** Approves every planning statement the head was shown (each at the version shown; a changed one is skipped). */
export async function approveAll(store: ProductStore, runtime: CaseRuntime, actor: Actor, data: Record<string, unknown>): Promise<{ approved: number; skipped: number }> {
  const caseActor = caseActorOf(actor);
  if (!caseActor || !actor.person || !actor.roles.has('headteacher')) return { approved: 0, skipped: 0 };
  const list = typeof data.cases === 'string' ? data.cases.split(',').filter((x) => x !== '') : [];
  let approved = 0;
  for (const entry of list.slice(0, 200)) {
    const at = entry.lastIndexOf('@');
    const caseId = entry.slice(0, at);
    const version = Number(entry.slice(at + 1));
    const result = await executeCaseCommand(runtime.deps, { schoolId: actor.person.schoolId, caseId, expectedVersion: version, command: { type: 'moderation.approve', note: '' }, actor: caseActor, channel: actor.chat });
    if (result.ok) approved += 1;
  }
  return { approved, skipped: list.length - approved };
}

/** "Who can see my record", for the reviewee of the case. */
export async function accessScreen(store: ProductStore, actor: Actor, data: Record<string, unknown>): Promise<ListScreen> {
  const parsed = caseActionDataSchema.safeParse(data);
  const found = parsed.success && actor.person ? await store.cases.get(actor.person.schoolId, parsed.data.caseId) : null;
  if (!found || found.revieweeId !== actor.person?.id) {
    return { kind: 'error', view: errorView({ code: 'CASE.NOT_FOUND', message: 'Only the person being appraised can list who sees their record.' }) };
  }
  const view = accessView(found.state);
  const looks = (await store.audit.listForCase(found.schoolId, found.id)).filter((e) => e.action === 'case.viewed' && e.actorId !== found.revieweeId);
  const latest = new Map<string, string>();
  for (const e of looks) if ((latest.get(e.actorId) ?? '') < e.at) latest.set(e.actorId, e.at);
  const names = new Map((await store.people.list(found.schoolId)).map((p) => [p.id, p.name]));
  view.items.push({
    heading: 'Who has opened it',
    lines: latest.size ? [...latest].sort((a, b) => b[1].localeCompare(a[1])).map(([id, at]) => `${names.get(id) ?? found.state.names[id] ?? 'Someone at the school'}, last on ${dateInWords(at.slice(0, 10))}`) : ['Nobody else has opened it yet.'],
    actions: [],
  });
  return { kind: 'list', view };
}
