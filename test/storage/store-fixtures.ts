import { z } from 'zod/v4';
import type { AuditEvent, CaseEnvelope, CaseWrite, OutboxMessage, ReminderRecord, SchoolRecord, Store } from '../../services/ports/store.port';
import type { Person } from '../../services/people/person.schema';
import type { FixedClock } from '../../services/shared/time';

/** The case state the contract suite stores: small, but validated on read like the real one. */
export const testStateSchema = z.object({ title: z.string(), notes: z.array(z.string()) });
export type TestState = z.infer<typeof testStateSchema>;
export const parseTestState = (raw: unknown): TestState => testStateSchema.parse(raw);

/** What each store's test file hands the contract suite. */
export interface StoreHarness {
  store: Store<TestState>;
  clock: FixedClock;
  /** Writes a raw case document where the store keeps case `id`, bypassing every check (a corrupt or future document). */
  plantRawCase(schoolId: string, id: string, raw: unknown): Promise<void>;
  /** Writes a raw equality document where the store keeps that person's answers, bypassing every check. */
  plantRawEquality(schoolId: string, personId: string, raw: unknown): Promise<void>;
  dispose(): Promise<void>;
}

export const NOW = '2026-11-25T09:00:00.000Z';

export const aSchool = (o: Partial<SchoolRecord> = {}): SchoolRecord => ({
  id: 'school-a', name: 'Oakfield Primary', presetId: 'england-support-staff', settings: { closures: [] },
  teamsTenantIds: ['tenant-a'], slackTeamIds: ['T0A'], version: 0, ...o,
});

export const aPerson = (o: Partial<Person> = {}): Person => ({
  id: 'p-ada', schoolId: 'school-a', staffId: 'S001', name: 'Ada Testperson', email: 'ada@example.org', jobTitle: 'Teaching assistant',
  roleFamily: 'support', lineManagerIds: [], contractType: 'permanent', startDate: '2020-09-01', endDate: null, termTimeOnly: false,
  partTime: false, headteacher: false, slt: false, pdManager: false, reviewerTrained: false, leftOn: null, ...o,
});

export const aCase = (o: Partial<CaseEnvelope<TestState>> = {}): CaseEnvelope<TestState> => ({
  id: 'case-1', schoolId: 'school-a', cycleId: '2026-27', revieweeId: 'p-ada', reviewerId: 'p-bo', stage: 'planning',
  version: 0, cycleEnd: '2027-08-31', state: { title: 'Planning', notes: [] }, ...o,
});

export const anOutbox = (o: Partial<OutboxMessage> = {}): OutboxMessage => ({
  id: 'out-1', schoolId: 'school-a', caseId: 'case-1', kind: 'notify', payload: { to: 'p-bo' }, createdAt: NOW, ...o,
});

export const aReminder = (o: Partial<ReminderRecord> = {}): ReminderRecord => ({
  id: 'case-1/objectives-due/1', schoolId: 'school-a', caseId: 'case-1', rule: 'objectives-due', recipientId: 'p-ada',
  dueAt: '2026-11-26T09:00:00.000Z', state: 'pending', leaseUntil: null, attempts: 0, payload: {}, ...o,
});

export const anAudit = (o: Partial<AuditEvent> = {}): AuditEvent => ({
  id: 'audit-1', schoolId: 'school-a', caseId: 'case-1', actorId: 'p-ada', action: 'case.created', at: NOW, channel: 'teams', ...o,
});

export const aWrite = (o: Partial<CaseWrite<TestState>> = {}): CaseWrite<TestState> => ({
  case: aCase(), expectedVersion: null, outbox: [], reminders: [], cancelReminderIds: [], audit: [], ...o,
});

/** The settled outcomes of many promises, counted. */
export async function outcomes(promises: Promise<unknown>[]): Promise<{ ok: number; errors: unknown[] }> {
  const settled = await Promise.allSettled(promises);
  return {
    ok: settled.filter((s) => s.status === 'fulfilled').length,
    errors: settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : [])),
  };
}
