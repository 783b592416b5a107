import { z } from 'zod/v4';
import { executeCaseCommand, visibleSections } from '../services/case';
import type { CaseCommand, CaseState, CommandType } from '../services/case';
import type { CaseEnvelope } from '../services/ports/store.port';
import { londonWallClock } from '../services/shared/london-time';
import type { Failure } from '../services/shared/result';
import { caseView } from '../cards/views/case.view';
import type { Banner, CaseView } from '../cards/views/case.view';
import { errorView } from '../cards/views/error.view';
import type { ErrorView } from '../cards/views/error.view';
import { checkFormInput, formFor, formInput } from '../cards/views/forms';
import type { FormContext, FormView } from '../cards/views/forms';
import type { Actor } from './actor';
import { caseActorOf } from './case-runtime';
import type { CaseRuntime } from './case-runtime';
import type { ProductStore } from './compose';

// The use-cases behind the case cards, shared by Teams and Slack: each returns a view-model that either chat
// renders its own way. Who may act is decided from stored state (the case and the roster), never the payload.

/** What a case screen turns out to be. */
export type CaseScreen = { kind: 'case'; view: CaseView } | { kind: 'form'; view: FormView } | { kind: 'error'; view: ErrorView };

/** The data every case button carries. Card inputs are strings, so the version is coerced on purpose. */
export const caseActionDataSchema = z
  .object({ caseId: z.string().trim().min(1).max(200), version: z.coerce.number().int().min(0).optional() })
  .loose();

const NO_ACCESS: Failure = { code: 'CASE.NOT_FOUND', message: 'I can’t find that appraisal for you. It may have closed, or it isn’t one you can see.' };
const NOT_ON_ROSTER: Failure = { code: 'CHAT.NOT_ON_ROSTER', message: 'I don’t know you yet: your school hasn’t linked your chat account. Please ask your school office.' };

const err = (failure: Failure): CaseScreen => ({ kind: 'error', view: errorView(failure) });

/** Loads a case the actor may see; a case of another school, or one they may not see, is "not found". */
async function loadVisible(store: ProductStore, actor: Actor, caseId: string): Promise<CaseEnvelope<CaseState> | null> {
  const caseActor = caseActorOf(actor);
  if (!caseActor || !actor.person) return null;
  const found = await store.cases.get(actor.person.schoolId, caseId);
  if (!found || visibleSections(found.state, caseActor).length === 0) return null;
  return found;
}

/** Today in London, by the runtime's clock: what a card may offer depends on it. */
const todayOf = (runtime: CaseRuntime) => londonWallClock(runtime.deps.clock.now()).day;

/**
 * One case as this actor sees it, with an optional banner (what just happened). Opening someone else's case
 * is recorded (ids only), so the reviewee can see who looked (R-PRV-1); the answer to one's own action is not.
 */
export async function caseScreen(store: ProductStore, runtime: CaseRuntime, actor: Actor, caseId: string, banner: Banner | null = null, recordView = false): Promise<CaseScreen> {
  const caseActor = caseActorOf(actor);
  if (!caseActor) return err(NOT_ON_ROSTER);
  const found = await loadVisible(store, actor, caseId);
  if (!found) return err(NO_ACCESS);
  if (recordView && caseActor.personId !== found.revieweeId) {
    await store.audit.append({
      id: runtime.deps.newId(), schoolId: found.schoolId, caseId: found.id, actorId: caseActor.personId, action: 'case.viewed', at: runtime.deps.clock.now().toISOString(), channel: actor.chat,
    });
  }
  const policy = await runtime.policies.forSchool(found.schoolId);
  // No `refresh` on a card answered to an action: it lives in a one-to-one chat, seen by one person only.
  return { kind: 'case', view: caseView({ state: found.state, version: found.version, policy, viewer: caseActor, viewerUserKey: null, banner, today: todayOf(runtime) }) };
}

/** The case card for an envelope already in hand (after a command: no second read). */
async function caseScreenOf(runtime: CaseRuntime, actor: Actor, found: CaseEnvelope<CaseState>, banner: Banner): Promise<CaseScreen> {
  const caseActor = caseActorOf(actor);
  if (!caseActor) return err(NOT_ON_ROSTER);
  const policy = await runtime.policies.forSchool(found.schoolId);
  return { kind: 'case', view: caseView({ state: found.state, version: found.version, policy, viewer: caseActor, viewerUserKey: null, banner, today: todayOf(runtime) }) };
}

/** The actor's own case in the current (or, failing that, the previous) cycle. */
export async function myCase(store: ProductStore, runtime: CaseRuntime, actor: Actor): Promise<CaseEnvelope<CaseState> | null> {
  if (!actor.person) return null;
  const policy = await runtime.policies.forSchool(actor.person.schoolId);
  const today = todayOf(runtime);
  const current = policy.cycleContaining(today).start;
  const previous = policy.cycleContaining(`${Number(current.slice(0, 4)) - 1}${current.slice(4)}`).start;
  for (const cycleId of [current, previous]) {
    const cases = (await store.cases.listByCycle(actor.person.schoolId, cycleId)).filter((c) => c.revieweeId === actor.person?.id);
    const open = cases.find((c) => c.stage !== 'closed' && c.stage !== 'withdrawn') ?? cases[0];
    if (open) return open;
  }
  return null;
}

const PEOPLE_FORMS: ReadonlySet<CommandType> = new Set(['reviewer.change', 'objection.decide', 'objection.appeal-decide', 'observation.plan', 'objectives.share', 'case.transfer']);

async function formContext(store: ProductStore, runtime: CaseRuntime, actor: Actor, found: CaseEnvelope<CaseState>, parts: Partial<FormContext> & { type?: CommandType }): Promise<FormContext> {
  // Only the forms that choose a colleague need the roster: the others cost no extra read.
  const needsPeople = parts.type === undefined || PEOPLE_FORMS.has(parts.type);
  const people = needsPeople ? (await store.people.list(found.schoolId)).filter((p) => p.leftOn === null).map((p) => ({ id: p.id, name: p.name })) : [];
  return {
    state: found.state, version: found.version, policy: await runtime.policies.forSchool(found.schoolId), viewerId: actor.person?.id ?? '',
    values: parts.values ?? {}, fieldErrors: parts.fieldErrors ?? {}, args: parts.args ?? {}, people,
  };
}

const argsOf = (data: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(Object.entries(data).filter((e): e is [string, string] => typeof e[1] === 'string'));

/** The form for a command on a case. */
export async function formScreen(store: ProductStore, runtime: CaseRuntime, actor: Actor, type: CommandType, data: Record<string, unknown>): Promise<CaseScreen> {
  const parsed = caseActionDataSchema.safeParse(data);
  if (!parsed.success) return err({ code: 'CARD.INVALID', message: 'That button is missing what it needs. Please open your appraisal again.' });
  const found = await loadVisible(store, actor, parsed.data.caseId);
  if (!found) return err(NO_ACCESS);
  if (parsed.data.version !== undefined && parsed.data.version !== found.version) {
    return caseScreen(store, runtime, actor, found.id, { text: 'That card was out of date, so I’ve shown the appraisal as it is now.', style: 'warning' });
  }
  return { kind: 'form', view: formFor(type, await formContext(store, runtime, actor, found, { args: argsOf(data), type })) };
}

const STALE_BANNER: Banner = { text: 'That card was out of date, so nothing was changed. Here is the appraisal as it is now.', style: 'warning' };

/**
 * Runs a case command from a card or modal: validate the input with the command's own schema (a form with
 * errors if it is wrong), run the use-case with the card's version, and answer with the refreshed case.
 */
export async function runCaseCommand(
  store: ProductStore,
  runtime: CaseRuntime,
  actor: Actor,
  input: { type: CommandType; data: Record<string, unknown>; channel: 'teams' | 'slack' },
): Promise<CaseScreen> {
  const caseActor = caseActorOf(actor);
  if (!caseActor) return err(NOT_ON_ROSTER);
  const parsed = caseActionDataSchema.safeParse(input.data);
  if (!parsed.success) return err({ code: 'CARD.INVALID', message: 'That button is missing what it needs. Please open your appraisal again.' });
  const found = await loadVisible(store, actor, parsed.data.caseId);
  if (!found) return err(NO_ACCESS);
  if (parsed.data.version === undefined || parsed.data.version !== found.version) return caseScreen(store, runtime, actor, found.id, STALE_BANNER);
  const ctx = await formContext(store, runtime, actor, found, { values: input.data, args: argsOf(input.data), type: input.type });
  const form = formFor(input.type, ctx);
  const raw: Record<string, unknown> = form.fields.length || Object.keys(form.fixed).length ? formInput(form, input.data) : {};
  // A person chosen from a list is named in the record by the roster's name, not by what the card said.
  if (typeof raw.newReviewerId === 'string') raw.newReviewerName = ctx.people.find((p) => p.id === raw.newReviewerId)?.name ?? '';
  const checked = checkFormInput(input.type, raw);
  if (!checked.ok) return { kind: 'form', view: formFor(input.type, { ...ctx, fieldErrors: checked.fieldErrors }) };
  const command = { ...checked.data, type: input.type } as CaseCommand;
  const result = await executeCaseCommand(runtime.deps, { schoolId: found.schoolId, caseId: found.id, expectedVersion: parsed.data.version, command, actor: caseActor, channel: input.channel, loaded: found });
  if (result.ok) return caseScreenOf(runtime, actor, result.value, { text: 'Thank you, that’s recorded.', style: 'good' });
  if (result.error.code === 'CASE.STALE_VERSION') return caseScreen(store, runtime, actor, found.id, STALE_BANNER);
  if (result.error.fields && form.fields.length) return { kind: 'form', view: formFor(input.type, { ...ctx, fieldErrors: { ...result.error.fields } }) };
  return caseScreen(store, runtime, actor, found.id, { text: result.error.message, style: 'attention' });
}
