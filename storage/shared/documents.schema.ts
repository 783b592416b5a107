import { z } from 'zod/v4';
import { personSchema } from '../../services/people/person.schema';
import { equalityInputSchema } from '../../services/reports/report-input';
import { civilDateSchema, instantSchema } from '../../services/shared/time';

// What every store writes. Each document carries `schemaVersion`, and is checked on read, so a
// document written by a future or broken release fails loudly with its id, never deep in a handler.

/** The only document schema version this release reads and writes. */
export const SCHEMA_VERSION = 1;

const versioned = { schemaVersion: z.literal(SCHEMA_VERSION) };

/** A stored school. */
export const schoolDocSchema = z.object({
  ...versioned,
  id: z.string().min(1),
  name: z.string(),
  presetId: z.string().min(1),
  settings: z.unknown(),
  teamsTenantIds: z.array(z.string()),
  slackTeamIds: z.array(z.string()),
  version: z.number().int().positive(),
});

/** A stored person (the roster row with its chat identities). */
export const personDocSchema = personSchema.extend(versioned);

/** A stored case envelope; `state` is checked by the case module's parser afterwards. */
export const caseDocSchema = z.object({
  ...versioned,
  id: z.string().min(1),
  schoolId: z.string().min(1),
  cycleId: z.string().min(1),
  revieweeId: z.string().min(1),
  reviewerId: z.string().min(1).nullable(),
  stage: z.string().min(1),
  version: z.number().int().positive(),
  cycleEnd: civilDateSchema,
  state: z.unknown(),
});

/** A stored outbox message. */
export const outboxDocSchema = z.object({
  ...versioned,
  id: z.string().min(1),
  schoolId: z.string().min(1),
  caseId: z.string().min(1),
  kind: z.string().min(1),
  payload: z.unknown(),
  createdAt: instantSchema,
});

/** A stored reminder. */
export const reminderDocSchema = z.object({
  ...versioned,
  id: z.string().min(1),
  schoolId: z.string().min(1),
  caseId: z.string().min(1),
  rule: z.string().min(1),
  recipientId: z.string().min(1),
  dueAt: instantSchema,
  state: z.enum(['pending', 'claimed', 'sent', 'failed', 'unreachable', 'cancelled']),
  leaseUntil: instantSchema.nullable(),
  attempts: z.number().int().nonnegative(),
  payload: z.unknown(),
});

/** A stored audit event. */
export const auditDocSchema = z.object({
  ...versioned,
  id: z.string().min(1),
  schoolId: z.string().min(1),
  caseId: z.string().min(1).nullable(),
  actorId: z.string().min(1),
  action: z.string().min(1),
  at: instantSchema,
  channel: z.enum(['teams', 'slack', 'cli', 'system']),
});

/** A stored conversation reference. */
export const conversationDocSchema = z.object({
  ...versioned,
  schoolId: z.string().min(1),
  personId: z.string().min(1).nullable(),
  channel: z.enum(['teams', 'slack']),
  userKey: z.string().min(1),
  reference: z.unknown(),
  updatedAt: instantSchema,
});

/** A stored payroll export: what payroll has for a school's cycle (R-PAY-1). */
export const payrollExportDocSchema = z.object({
  ...versioned,
  schoolId: z.string().min(1),
  cycleId: civilDateSchema,
  cycleEnd: civilDateSchema,
  exportedOn: civilDateSchema,
  effectiveDate: civilDateSchema,
  rows: z.array(
    z.object({
      staffId: z.string().min(1),
      currentPoint: z.number().int().nonnegative(),
      recommendation: z.enum(['increment', 'top-of-grade', 'withhold']),
      newPoint: z.number().int().nonnegative(),
      effectiveDate: civilDateSchema,
    }),
  ),
  exportedBy: z.string().min(1),
  version: z.number().int().positive(),
});

/** A person's stored equality answers, kept apart from their cases and roster entry (R-RPT-1). */
export const equalityDocSchema = z.object({
  ...versioned,
  schoolId: z.string().min(1),
  personId: z.string().min(1),
  answers: equalityInputSchema,
  source: z.enum(['self', 'import']),
  updatedAt: instantSchema,
});
