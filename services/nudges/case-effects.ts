import { z } from 'zod/v4';
import type { CaseState } from '../case/case-state.schema';
import type { Person } from '../people/person.schema';
import type { CycleAnswer, DeliveryWindow, SchoolPolicy } from '../policy';
import type { CaseRepository, OutboxMessage, PersonRepository, ReminderRecord, SchoolRepository } from '../ports/store.port';
import { briefingContent } from '../roster/briefing';
import { civilDateSchema } from '../shared/time';
import { noticeDateLine, noticeWords } from './case-notices';
import type { NudgeContent } from './messenger.port';
import type { OutboxNotify } from './nudge-payload.schema';
import { planStepReminders } from './planner';
import type { Party } from './planner';

// The case workflow's effects, stored in the outbox with the decision that made them (transactional outbox),
// become messages and reminders here (R-CHAT-1, R-CHAT-3, R-CHAT-4).

const notifyEffectSchema = z.object({ type: z.literal('notify'), to: z.string().min(1), topic: z.string().min(1), due: civilDateSchema.optional() });
const scheduleEffectSchema = z.object({
  type: z.literal('schedule'), rule: z.string().min(1), occurrence: z.string().min(1), due: civilDateSchema, owner: z.string().min(1), stepTitle: z.string().min(1),
});

/** What the relay needs to turn effects into messages and reminders. */
export interface CaseEffectDeps {
  cases: Pick<CaseRepository<unknown>, 'get'>;
  people: Pick<PersonRepository, 'get'>;
  schools: Pick<SchoolRepository, 'get'>;
  policyFor(schoolId: string): Promise<SchoolPolicy>;
  windowFor(person: Person): Promise<DeliveryWindow>;
}

/** A step of a case, as its schedule effect names it. */
export interface StepRef {
  schoolId: string;
  caseId: string;
  rule: string;
  occurrence: string;
}

/** An outbox message as the relay should handle it. */
export type EffectPlan =
  | { kind: 'send'; notify: OutboxNotify }
  | { kind: 'reminders'; reminders: ReminderRecord[]; step: StepRef }
  | { kind: 'nothing'; why: 'not-a-case-effect' | 'case-gone' | 'person-gone' | 'step-closed' };

/** The verb that opens a case card (declared with the cards; repeated here as data, since services/ cannot import cards/). */
export const OPEN_CASE_VERB = 'ipp.case.show';

const isCaseState = (s: unknown): s is CaseState => typeof s === 'object' && s !== null && 'revieweeId' in s && 'cycle' in s && 'steps' in s;

const PLACEMENTS: readonly CycleAnswer['placement'][] = ['standard', 'joined', 'extended', 'fixed-term'];
const placementOf = (p: string): CycleAnswer['placement'] => PLACEMENTS.find((x) => x === p) ?? 'joined';

/** Whether a step is still open in the stored case (each occurrence is opened once and, once closed, never again). */
export async function isStepOpen(cases: Pick<CaseRepository<unknown>, 'get'>, step: StepRef): Promise<boolean> {
  const stored = await cases.get(step.schoolId, step.caseId);
  return !!stored && isCaseState(stored.state) && stored.state.steps.some((st) => st.rule === step.rule && st.occurrence === step.occurrence);
}

async function notice(m: OutboxMessage, effect: z.infer<typeof notifyEffectSchema>, state: CaseState, version: number, deps: CaseEffectDeps): Promise<NudgeContent> {
  const open = { verb: OPEN_CASE_VERB, title: 'Open the appraisal', caseId: m.caseId, version };
  if (effect.topic === 'case.opened' && state.cycle.placement !== 'standard') {
    const school = await deps.schools.get(m.schoolId);
    const policy = await deps.policyFor(m.schoolId);
    const cycle: CycleAnswer = { ...state.cycle, eligible: true, cycleStart: state.cycleId, placement: placementOf(state.cycle.placement) };
    return briefingContent({ schoolName: school?.name ?? 'your school', policy, cycle, reviewerName: state.reviewerId ? (state.names[state.reviewerId] ?? null) : null, open });
  }
  const words = noticeWords(effect.topic, effect.to === state.revieweeId, state.names[state.revieweeId] ?? 'a colleague');
  const lines = [words.line, ...(effect.due ? [noticeDateLine(effect.topic, effect.due)] : [])];
  return { kind: 'notice', title: words.title, lines, due: effect.due ?? null, open };
}

async function party(deps: CaseEffectDeps, schoolId: string, personId: string | null): Promise<Party | null> {
  if (!personId) return null;
  const person = await deps.people.get(schoolId, personId);
  return person ? { personId, name: person.name, window: await deps.windowFor(person) } : null;
}

/** Turns one outbox message into what to send or which reminders to plan; anything else is left to the caller. */
export async function planCaseEffect(m: OutboxMessage, deps: CaseEffectDeps, now: Date): Promise<EffectPlan> {
  const notify = notifyEffectSchema.safeParse(m.payload);
  const schedule = scheduleEffectSchema.safeParse(m.payload);
  if (!notify.success && !schedule.success) return { kind: 'nothing', why: 'not-a-case-effect' };
  const stored = await deps.cases.get(m.schoolId, m.caseId);
  if (!stored || !isCaseState(stored.state)) return { kind: 'nothing', why: 'case-gone' };
  const state = stored.state;
  if (notify.success) {
    return { kind: 'send', notify: { recipientId: notify.data.to, content: await notice(m, notify.data, state, stored.version, deps) } };
  }
  if (!schedule.success) return { kind: 'nothing', why: 'not-a-case-effect' };
  const s = schedule.data;
  const step: StepRef = { schoolId: m.schoolId, caseId: m.caseId, rule: s.rule, occurrence: s.occurrence };
  // A step closed (done, held, ended) before this message was relayed gets no reminders: its cancel found none.
  if (!state.steps.some((st) => st.rule === s.rule && st.occurrence === s.occurrence)) return { kind: 'nothing', why: 'step-closed' };
  const owner = await party(deps, m.schoolId, s.owner);
  if (!owner) return { kind: 'nothing', why: 'person-gone' };
  const policy = await deps.policyFor(m.schoolId);
  const reviewer = s.owner === state.reviewerId ? null : await party(deps, m.schoolId, state.reviewerId);
  const head = await party(deps, m.schoolId, state.headteacherId);
  const reminders = planStepReminders(
    { schoolId: m.schoolId, caseId: m.caseId, version: stored.version, rule: s.rule, occurrence: s.occurrence, due: s.due, stepTitle: s.stepTitle, verb: OPEN_CASE_VERB, owner, reviewer, head },
    policy.calendar,
    now,
  );
  return { kind: 'reminders', reminders, step };
}
