import { z } from 'zod/v4';
import { civilDateSchema } from '../shared/time';
import { deadlineRuleIdSchema, monthDaySchema } from './preset.schema';

/** A closure (school holiday, INSET day) as the school calendar reads it (R-CAL-1): `from`..`to` inclusive. */
export const closureSchema = z
  .object({
    from: civilDateSchema,
    to: civilDateSchema,
    name: z.string().trim().min(1).max(80),
    kind: z.enum(['holiday', 'inset', 'closure']).optional(),
  })
  .refine((c) => c.to >= c.from, { message: 'ends before it starts', path: ['to'] });
/** A closure. */
export type Closure = z.infer<typeof closureSchema>;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time written HH:MM');
const monthDayOrDate = z.union([monthDaySchema, civilDateSchema.transform((d) => d.slice(5))], { message: 'must be a date written MM-DD or YYYY-MM-DD' });

/** The default hours for messages (R-CHAT-3): 08:30 to 16:30, London time. */
export const DEFAULT_MESSAGE_HOURS = { from: '08:30', to: '16:30' } as const;

/**
 * A school's settings over its preset, read from `SchoolRecord.settings` (loose: other modules keep their
 * own keys there). Each override is optional; absent means the preset's value.
 */
export const schoolPolicySettingsSchema = z
  .object({
    /** Propeller lets the school start in January or September (R-CYC-1). */
    cycleStartMonth: z.number().int().min(1).max(12).optional(),
    closures: z.array(closureSchema).default([]),
    /** Whether closure days stop the clock on deadlines (default: no — working days are weekdays less bank holidays). */
    closuresCountForDeadlines: z.boolean().default(false),
    /** Whether term-time-only staff are off on closure days (default: yes — no nudges in the holidays). */
    closuresCountForTermTimeStaff: z.boolean().default(true),
    messageHours: z
      .object({ from: hhmm, to: hhmm })
      .refine((h) => h.from < h.to, { message: 'must start before it ends', path: ['to'] })
      .default({ ...DEFAULT_MESSAGE_HOURS }),
    /** The date support staff receive their review statement by (R-DL-5). */
    statementDate: monthDayOrDate.optional(),
    objectiveLimit: z.number().int().min(1).max(10).optional(),
    reducedObjectiveLimit: z.number().int().min(1).max(10).optional(),
    finalRatingScale: z.array(z.object({ id: z.string().regex(/^[a-z-]+$/), label: z.string().min(2) })).min(2).optional(),
    payProgression: z.boolean().optional(),
    /** A school's own number of working days for a rule the preset counts in working days (e.g. spt's "24/48 hrs"). */
    ruleDays: z.partialRecord(deadlineRuleIdSchema, z.number().int().min(1).max(120)).optional(),
  })
  .loose();
/** A school's policy settings, parsed. */
export type SchoolPolicySettings = z.infer<typeof schoolPolicySettingsSchema>;
