import type { EqualityRecord } from '../services/ports/store.port';
import { reportThresholdOf } from '../services/roster';
import { londonWallClock } from '../services/shared/london-time';
import type { Failure } from '../services/shared/result';
import { checkEqualityInput } from '../cards/views/equality-input';
import { equalityFormView, equalityRemovedView, equalitySavedView } from '../cards/views/equality.view';
import type { EqualityFormView } from '../cards/views/equality.view';
import { errorView } from '../cards/views/error.view';
import type { ErrorView } from '../cards/views/error.view';
import type { ListView } from '../cards/views/list.view';
import type { Actor } from './actor';
import type { CaseRuntime } from './case-runtime';
import type { ProductStore } from './compose';

// A person's own equality answers in their one-to-one chat (R-RPT-1), shared by Teams and Slack: the form,
// saving and removing. Whose answers they are is always who is acting, from the store — never the payload —
// so nobody can see or change anyone else's. Answers are never logged, never on a case; the audit says only
// that a person saved or removed theirs.

/** What an equality screen turns out to be. */
export type EqualityScreen = { kind: 'equality'; view: EqualityFormView } | { kind: 'list'; view: ListView } | { kind: 'error'; view: ErrorView };

const NOT_ON_ROSTER: Failure = { code: 'CHAT.NOT_ON_ROSTER', message: 'I don’t know you yet: your school hasn’t linked your chat account. Please ask your school office.' };

/** The person acting, when the roster knows them. */
const meOf = (actor: Actor) => (actor.person ? { schoolId: actor.person.schoolId, personId: actor.person.id } : null);

/** The form, naming the school's own small-number threshold: the one its governors' report counts with. */
function formOf(actor: Actor, stored: EqualityRecord | null, last: { values?: Record<string, unknown>; fieldErrors?: Record<string, string> } = {}): EqualityScreen {
  return {
    kind: 'equality',
    view: equalityFormView({
      stored: stored ? { answers: stored.answers, source: stored.source, updatedOn: londonWallClock(new Date(stored.updatedAt)).day } : null,
      threshold: reportThresholdOf(actor.school),
      ...last,
    }),
  };
}

/** The equality questions, prefilled with the person's own stored answers. */
export async function equalityFormScreen(store: ProductStore, actor: Actor): Promise<EqualityScreen> {
  const me = meOf(actor);
  if (!me) return { kind: 'error', view: errorView(NOT_ON_ROSTER) };
  return formOf(actor, await store.equality.get(me.schoolId, me.personId));
}

async function audit(store: ProductStore, runtime: CaseRuntime, actor: Actor, me: { schoolId: string; personId: string }, action: string): Promise<void> {
  await store.audit.append({ id: runtime.deps.newId(), schoolId: me.schoolId, caseId: null, actorId: me.personId, action, at: runtime.deps.clock.now().toISOString(), channel: actor.chat });
}

/**
 * Saves the person's answers from the form's submit, as given by themselves (so a later HR import leaves them
 * alone). A value the questions do not offer comes back as the form saying what is wrong, and nothing is stored.
 */
export async function saveEqualityAnswers(store: ProductStore, runtime: CaseRuntime, actor: Actor, data: Record<string, unknown>): Promise<EqualityScreen> {
  const me = meOf(actor);
  if (!me) return { kind: 'error', view: errorView(NOT_ON_ROSTER) };
  const checked = checkEqualityInput(data);
  if (!checked.ok) return formOf(actor, await store.equality.get(me.schoolId, me.personId), { values: data, fieldErrors: checked.fieldErrors });
  await store.equality.put({ ...me, answers: checked.answers, source: 'self', updatedAt: runtime.deps.clock.now().toISOString() });
  await audit(store, runtime, actor, me, 'equality.saved');
  return { kind: 'list', view: equalitySavedView() };
}

/**
 * Removes the person's answers, and says so (or that there were none). What stays is an empty record of their own,
 * which says only that they chose to give none: an HR import never writes over a person's own record, so
 * removed answers cannot come back from the school's staff file.
 */
export async function removeEqualityAnswers(store: ProductStore, runtime: CaseRuntime, actor: Actor): Promise<EqualityScreen> {
  const me = meOf(actor);
  if (!me) return { kind: 'error', view: errorView(NOT_ON_ROSTER) };
  const stored = await store.equality.get(me.schoolId, me.personId);
  const hadAnswers = stored !== null && Object.keys(stored.answers).length > 0;
  if (stored?.source !== 'self' || hadAnswers) {
    await store.equality.put({ ...me, answers: {}, source: 'self', updatedAt: runtime.deps.clock.now().toISOString() });
  }
  if (hadAnswers) await audit(store, runtime, actor, me, 'equality.removed');
  return { kind: 'list', view: equalityRemovedView(hadAnswers) };
}
