import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { schoolPolicies } from '../../bot/school-policies';
import { caseCommandSchema, caseIdFor, executeCaseCommand, openCaseForPerson, parseCaseState } from '../../services/case';
import type { CaseActor, CaseCommandInput, CaseDeps, CaseState } from '../../services/case';
import { createOutboxRelay } from '../../services/nudges/outbox-relay';
import type { CaseEffectDeps } from '../../services/nudges/case-effects';
import { createRelay } from '../../services/nudges/relay';
import type { CaseEnvelope, ReminderRecord, Store } from '../../services/ports/store.port';
import { FixedClock } from '../../services/shared/time';
import { openMemoryStore } from '../../storage/memory/memory.store';
import { openSqliteStore } from '../../storage/sqlite/sqlite.store';
import { aPerson } from './nudge-fixtures';
import { FakeSleeper, OPTIONS, RecordingMessenger } from './relay-harness';

// A school with one appraisal on a real store (memory or SQLite), its policy read from the stored school
// record the way the scheduler reads it, and the outbox relay over a recording messenger, on a fake clock.
// Invented people: Alex Morgan is appraised by Priya Lockwood; Jordan Ellis is the headteacher.

export const STORES = ['memory', 'SQLite'] as const;
export type StoreKind = (typeof STORES)[number];

export const SCHOOL = 'school-a';
export const CYCLE_START = '2026-03-01';
export const ALEX = 'p-alex';
export const PRIYA = 'p-priya';
export const JORDAN = 'p-jordan';
export const ROLES: Record<'reviewee' | 'reviewer' | 'head', CaseActor> = {
  reviewee: { personId: ALEX, schoolRoles: [] },
  reviewer: { personId: PRIYA, schoolRoles: [] },
  head: { personId: JORDAN, schoolRoles: ['headteacher'] },
};

/** Options for the world: the school's policy settings and whether Alex works term-time only. */
export interface WorldOptions {
  settings?: object;
  alexTermTimeOnly?: boolean;
}

function openStore(kind: StoreKind, clock: FixedClock): { store: Store<CaseState>; dispose(): void } {
  if (kind === 'memory') return { store: openMemoryStore<CaseState>({ parseCaseState, clock }), dispose: () => undefined };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipp-case-nudges-'));
  return { store: openSqliteStore<CaseState>({ file: path.join(dir, 'ipp.sqlite'), parseCaseState, clock }), dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Builds the world at a fixed instant. */
export async function aCaseWorld(kind: StoreKind, start: string, o: WorldOptions = {}) {
  const clock = new FixedClock(start);
  const { store, dispose } = openStore(kind, clock);
  await store.schools.save({ id: SCHOOL, name: 'Oakfield Primary', presetId: 'test-valley', settings: o.settings ?? {}, teamsTenantIds: [], slackTeamIds: [], version: 0 }, null);
  const people = [
    aPerson({ id: ALEX, name: 'Alex Morgan', lineManagerIds: [PRIYA], termTimeOnly: o.alexTermTimeOnly ?? false }),
    aPerson({ id: PRIYA, name: 'Priya Lockwood' }),
    aPerson({ id: JORDAN, name: 'Jordan Ellis', headteacher: true }),
  ];
  for (const p of people) {
    await store.people.upsert(p);
    await store.conversations.put({ schoolId: SCHOOL, personId: p.id, channel: 'teams', userKey: `aad-${p.id}`, reference: { conversation: { id: `conv-${p.id}` } }, updatedAt: start });
  }
  const policies = schoolPolicies(store, { nowMs: () => clock.now().getTime() });
  let n = 0;
  const caseDeps: CaseDeps = { cases: store.cases, policyFor: policies.forSchool, clock, newId: () => `id-${(n += 1)}` };
  const teams = new RecordingMessenger('teams', clock);
  const relayDeps = { store, messengers: { teams }, clock, sleeper: new FakeSleeper(clock), random: () => 0.5, options: OPTIONS, windowFor: policies.windowFor };
  const caseEffects: CaseEffectDeps = { cases: store.cases, people: store.people, schools: store.schools, policyFor: policies.forSchool, windowFor: policies.windowFor };
  const outboxWith = (effects: CaseEffectDeps = caseEffects) => createOutboxRelay({ ...relayDeps, caseEffects: effects }, createRelay(relayDeps));
  const outbox = outboxWith();
  const caseId = caseIdFor(CYCLE_START, ALEX);
  let current: CaseEnvelope<CaseState> | null = null;

  return {
    clock, store, policies, caseDeps, teams, caseEffects, outbox, outboxWith, caseId,
    /** Opens Alex's case, as the headteacher does at the cycle launch. */
    async open(): Promise<CaseEnvelope<CaseState>> {
      const [alex, priya, jordan] = await Promise.all([ALEX, PRIYA, JORDAN].map((id) => store.people.get(SCHOOL, id)));
      if (!alex || !priya || !jordan) throw new Error('the people are not on the roster');
      const opened = await openCaseForPerson(caseDeps, { schoolId: SCHOOL, reviewee: alex, reviewer: priya, headteacher: jordan, cycleStart: CYCLE_START, actor: ROLES.head, channel: 'system' });
      if (!opened.ok) throw new Error(opened.error.message);
      current = opened.value;
      return opened.value;
    },
    /** Runs one command from the card at the case's latest version; a refusal fails the test. */
    async run(role: keyof typeof ROLES, raw: CaseCommandInput): Promise<CaseEnvelope<CaseState>> {
      const r = await executeCaseCommand(caseDeps, { schoolId: SCHOOL, caseId, expectedVersion: current?.version, command: caseCommandSchema.parse(raw), actor: ROLES[role], channel: 'teams' });
      if (!r.ok) throw new Error(`${raw.type} refused: ${r.error.code} ${r.error.message}`);
      current = r.value;
      return r.value;
    },
    /** The open step of a rule in the stored case. */
    async step(rule: string) {
      const stored = await store.cases.get(SCHOOL, caseId);
      const found = stored?.state.steps.find((s) => s.rule === rule);
      if (!found) throw new Error(`no open ${rule} step`);
      return found;
    },
    /** Every pending reminder of the case, in due order. */
    async pending(): Promise<ReminderRecord[]> {
      return (await store.reminders.due('2099-01-01T00:00:00.000Z', 1000)).filter((r) => r.caseId === caseId);
    },
    /** What each person was sent, by person id. */
    sentTo(personId: string) {
      return teams.sent.filter((s) => s.recipient.personId === personId).map((s) => s.message.content);
    },
    async close(): Promise<void> {
      await store.close();
      dispose();
    },
  };
}

/** A world, as the tests use it. */
export type CaseWorld = Awaited<ReturnType<typeof aCaseWorld>>;
