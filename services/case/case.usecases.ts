import { reminderIdsForStep } from '../nudges/planner';
import type { Person } from '../people/person.schema';
import type { SchoolPolicy } from '../policy';
import { ConcurrencyError } from '../ports/errors';
import type { AuditEvent, CaseEnvelope, CaseRepository, CaseWrite, OutboxMessage } from '../ports/store.port';
import { iso, londonWallClock } from '../shared/london-time';
import { fail, ok } from '../shared/result';
import type { Result } from '../shared/result';
import type { CivilDate, Clock } from '../shared/time';
import { caseCommandSchema } from './case-commands.schema';
import type { CaseCommand } from './case-commands.schema';
import type { CaseErrorCode, Decision } from './case-decision';
import type { CaseActor } from './case-roles';
import type { CaseState } from './case-state.schema';
import { decide } from './case.machine';

/** What the case use-cases need from the outside world. */
export interface CaseDeps {
  cases: CaseRepository<CaseState>;
  policyFor(schoolId: string): Promise<SchoolPolicy>;
  clock: Clock;
  newId(): string;
}

/** Where a command came from, for the audit log. */
export type CaseChannel = 'teams' | 'slack' | 'cli' | 'system';

/** One command against one case, as a chat handler or job issues it. */
export interface ExecuteCaseCommandInput {
  schoolId: string;
  caseId: string;
  /** The version the person's card was rendered at; a different stored version means the card is stale. */
  expectedVersion?: number;
  command: CaseCommand;
  actor: CaseActor;
  channel: CaseChannel;
  /** The case as the caller just read it: used for the first try instead of reading it again (one read per action). */
  loaded?: CaseEnvelope<CaseState>;
}

/** How many times a decision is retried on a concurrent write before giving up. */
export const MAX_ATTEMPTS = 3;

/** The id of a reviewee's case in a cycle: one case per reviewee per cycle, so a repeated launch finds it. */
export const caseIdFor = (cycleId: string, revieweeId: string): string => `ipp-${cycleId}-${revieweeId}`;

function toWrite(stored: CaseEnvelope<CaseState> | null, decision: Decision, input: ExecuteCaseCommandInput, deps: CaseDeps, at: string): CaseWrite<CaseState> {
  const s = decision.next;
  const outbox: OutboxMessage[] = [];
  const audit: AuditEvent[] = [];
  const cancelReminderIds: string[] = [];
  for (const e of decision.effects) {
    if (e.type === 'cancel') cancelReminderIds.push(...reminderIdsForStep(s.id, e.rule, e.occurrence));
    else if (e.type === 'audit') audit.push({ id: deps.newId(), schoolId: s.schoolId, caseId: s.id, actorId: input.actor.personId, action: e.action, at, channel: input.channel });
    else outbox.push({ id: deps.newId(), schoolId: s.schoolId, caseId: s.id, kind: e.type, payload: e, createdAt: at });
  }
  const envelope: CaseEnvelope<CaseState> = {
    id: s.id, schoolId: s.schoolId, cycleId: s.cycleId, revieweeId: s.revieweeId, reviewerId: s.reviewerId, stage: s.stage,
    version: stored?.version ?? 0, cycleEnd: s.cycle.end, state: s,
  };
  return { case: envelope, expectedVersion: stored?.version ?? null, outbox, reminders: [], cancelReminderIds, audit };
}

/**
 * Load → check the card's version → decide → save the case with its effects atomically. When another write
 * lands between load and save, reload and decide again on the fresh state (at most MAX_ATTEMPTS in all):
 * the machine's own checks (signature fingerprints, steps) keep a retried command meaning what it meant.
 */
export async function executeCaseCommand(deps: CaseDeps, input: ExecuteCaseCommandInput): Promise<Result<CaseEnvelope<CaseState>, CaseErrorCode>> {
  const policy = await deps.policyFor(input.schoolId);
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const reuse = attempt === 1 && input.loaded && input.loaded.id === input.caseId && input.loaded.schoolId === input.schoolId;
    const stored = reuse ? (input.loaded ?? null) : await deps.cases.get(input.schoolId, input.caseId);
    if (attempt === 1 && stored && input.expectedVersion !== undefined && stored.version !== input.expectedVersion) {
      return fail('CASE.STALE_VERSION', 'This card is out of date: the appraisal has moved on. Please open it again to see the latest.');
    }
    if (!stored && input.command.type !== 'case.open') return fail('CASE.NOT_FOUND', 'There is no appraisal here. It may have been closed or moved.');
    const now = deps.clock.now();
    const decision = decide(stored?.state ?? null, input.command, { policy, now: iso(now), today: londonWallClock(now).day, actor: input.actor });
    if (!decision.ok) return decision;
    if (decision.value.next.schoolId !== input.schoolId || decision.value.next.id !== input.caseId) {
      return fail('CASE.INVALID_INPUT', 'This appraisal belongs to another school or case.');
    }
    try {
      return ok(await deps.cases.save(toWrite(stored, decision.value, input, deps, iso(now))));
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
    }
  }
  return fail('CASE.STALE_VERSION', 'Someone else changed this appraisal at the same moment. Please try again.');
}

/** Opening one reviewee's case in a cycle (used by the cycle launch). */
export interface OpenCaseInput {
  schoolId: string;
  reviewee: Person;
  reviewer: Person | null;
  headteacher: Person | null;
  clerkId?: string | null;
  /** The first day of the school's cycle; a later starter's cycle starts on their first day (R-CYC-4). */
  cycleStart: CivilDate;
  status?: 'none' | 'induction' | 'informal-capability' | 'formal-capability';
  payEligible?: boolean;
  priorities?: { id: string; title: string }[];
  /** The previous cycle, whose objectives marked to continue are carried in (R-CYC-6). */
  previousCycleId?: string | null;
  actor: CaseActor;
  channel: CaseChannel;
}

/** The internal actor for steps the product takes itself (carrying objectives forward). */
const SYSTEM: CaseActor = { personId: 'system', schoolRoles: ['system'] };

/** Creates the case for one reviewee in a cycle, placed by the policy; carries continuing objectives in. */
export async function openCaseForPerson(deps: CaseDeps, input: OpenCaseInput): Promise<Result<CaseEnvelope<CaseState>, CaseErrorCode>> {
  const policy = await deps.policyFor(input.schoolId);
  const p = input.reviewee;
  const start = p.startDate > input.cycleStart ? p.startDate : input.cycleStart;
  const placed = policy.cycleFor({ start, contractEnd: p.endDate, status: input.status ?? 'none', roleFamily: p.roleFamily });
  const caseId = caseIdFor(placed.cycleStart, p.id);
  const reviewerId = input.reviewer?.id ?? p.reviewerId ?? p.lineManagerIds[0] ?? null;
  const names = Object.fromEntries([p, input.reviewer, input.headteacher].flatMap((x) => (x ? [[x.id, x.name]] : [])));
  const command = caseCommandSchema.parse({
    type: 'case.open', caseId, schoolId: input.schoolId, revieweeId: p.id, reviewerId, lineManagerIds: p.lineManagerIds,
    headteacherId: input.headteacher?.id ?? null, clerkId: input.clerkId ?? null, start, contractEnd: p.endDate, status: input.status ?? 'none',
    roleFamily: p.roleFamily, payEligible: input.payEligible ?? true, names, priorities: input.priorities ?? [],
  });
  const opened = await executeCaseCommand(deps, { schoolId: input.schoolId, caseId, command, actor: input.actor, channel: input.channel });
  if (!opened.ok || !input.previousCycleId) return opened;
  const previous = await deps.cases.get(input.schoolId, caseIdFor(input.previousCycleId, p.id));
  const continuing = (previous?.state.assessment?.objectives ?? []).filter((a) => a.continues);
  const objectives = continuing.flatMap((a) => {
    const o = previous?.state.objectives.find((x) => x.id === a.objectiveId && x.status === 'active');
    const v = o?.versions[o.versions.length - 1];
    if (!o || !v) return [];
    const { version: _v, reason: _r, by: _b, at: _a, ...objective } = v;
    return [{ fromObjectiveId: o.id, objective, progress: a.comment }];
  });
  if (objectives.length === 0) return opened;
  const carry = caseCommandSchema.parse({ type: 'objectives.carry-forward', fromCycleId: input.previousCycleId, objectives });
  return executeCaseCommand(deps, { schoolId: input.schoolId, caseId, expectedVersion: opened.value.version, command: carry, actor: SYSTEM, channel: 'system' });
}
