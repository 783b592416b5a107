import { z } from 'zod/v4';
import { civilDateSchema } from '../shared/time';
import { PERSON_STATUSES } from '../policy/preset.schema';

/** A chat identity: how a person is reached in Teams or Slack. Never a display name (R-ROLE-1). */
export const teamsIdentitySchema = z.object({
  aadObjectId: z.string().min(1),
  tenantId: z.string().min(1).optional(),
  unreachable: z.boolean().default(false),
});
export const slackIdentitySchema = z.object({
  userId: z.string().min(1),
  teamId: z.string().min(1).optional(),
  unreachable: z.boolean().default(false),
});

/** A person on a school's roster, with their linked chat identities. */
export const personSchema = z.object({
  id: z.string().min(1),
  schoolId: z.string().min(1),
  staffId: z.string().min(1),
  name: z.string().min(1),
  email: z.email(),
  jobTitle: z.string().default(''),
  roleFamily: z.string().default('support'),
  lineManagerIds: z.array(z.string()).default([]),
  contractType: z.enum(['permanent', 'fixed-term', 'casual']).default('permanent'),
  startDate: civilDateSchema,
  endDate: civilDateSchema.nullable().default(null),
  termTimeOnly: z.boolean().default(false),
  partTime: z.boolean().default(false),
  headteacher: z.boolean().default(false),
  slt: z.boolean().default(false),
  pdManager: z.boolean().default(false),
  reviewerTrained: z.boolean().default(false),
  /** Clerk to the governing body: receives appeals to the governors (R-DL-1, R-ROLE-1). */
  clerk: z.boolean().optional(),
  /** A governor on the appeal panel (R-DL-1). */
  appealPanel: z.boolean().optional(),
  /** The reviewer the headteacher delegated (R-ROLE-1); absent means the first line manager. */
  reviewerId: z.string().min(1).optional(),
  /** Working hours for messages, `HH:MM`; absent means the school's default. */
  workingHours: z.object({ from: z.string(), to: z.string() }).optional(),
  /** Induction or capability status, which can take a person out of the scheme (R-ELG-1); set by the head. */
  status: z.enum(PERSON_STATUSES).optional(),
  leftOn: civilDateSchema.nullable().default(null),
  teams: teamsIdentitySchema.optional(),
  slack: slackIdentitySchema.optional(),
});
export type Person = z.infer<typeof personSchema>;
export type PersonInput = z.input<typeof personSchema>;
