import { z } from 'zod/v4';
import { isCivilDate } from '../shared/time';

/** The policies the product ships a preset for (R-CYC-1): one per policy text. */
export const PRESET_IDS = ['test-valley', 'propeller', 'spt', 'hampshire-model'] as const;
/** A preset's id. */
export type PresetId = (typeof PRESET_IDS)[number];
/** zod schema for a preset id. */
export const presetIdSchema = z.enum(PRESET_IDS);

/** Every deadline rule the product knows, by stable id (R-DL-*, R-CAL-2). */
export const DEADLINE_RULE_IDS = [
  'appeal.informal',
  'appeal.written',
  'appeal.reviewer-confirm',
  'appeal.headteacher-outcome',
  'appeal.to-clerk',
  'appeal.panel-hearing',
  'appeal.panel-decision',
  'reviewer-objection.appeal',
  'meeting.papers',
  'observation.verbal-feedback',
  'observation.written-feedback',
  'support.review',
  'statement.issue',
  'payroll.data-ready',
  'pay.effective',
] as const;
/** A deadline rule's id. */
export type DeadlineRuleId = (typeof DEADLINE_RULE_IDS)[number];
/** zod schema for a deadline rule id. */
export const deadlineRuleIdSchema = z.enum(DEADLINE_RULE_IDS);

/** Where a value comes from: the clause of the policy text, or why the product chose a default. */
const citationSchema = z.union([
  z.object({ seed: z.string().min(1), clause: z.string().min(1) }).strict(),
  z.object({ default: z.string().min(10) }).strict(),
]);
/** A citation. */
export type Citation = z.infer<typeof citationSchema>;

/** A day of the year written `MM-DD`; it must exist in some year, so 02-29 passes and 02-30 does not (R-DL-5). */
export const monthDaySchema = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a month and day written MM-DD')
  .refine((md) => isCivilDate(`2000-${md}`), { message: 'is not a day of the year' });

/** How a deadline is counted from its trigger date (R-CAL-1 conventions). */
const ruleSchema = z.discriminatedUnion('kind', [
  /** "within N working days of X": the N-th working day after X, X not counted. */
  z.object({ kind: z.literal('working-days-after'), days: z.number().int().min(1).max(120), label: z.string().min(3), source: citationSchema, schoolDays: z.boolean().default(false) }).strict(),
  /** "at least N working days before X": the N-th working day before X. */
  z.object({ kind: z.literal('working-days-before'), days: z.number().int().min(1).max(120), label: z.string().min(3), source: citationSchema, schoolDays: z.boolean().default(false) }).strict(),
  /** A date in the year (e.g. 31 December): the first on or after X, moved to a working day (`roll`). */
  z.object({ kind: z.literal('fixed-date'), date: monthDaySchema, roll: z.enum(['back', 'forward']), label: z.string().min(3), source: citationSchema }).strict(),
  /** An effective date (e.g. pay from 1 April): the first after X, kept even on a non-working day. */
  z.object({ kind: z.literal('effective-date'), date: monthDaySchema, label: z.string().min(3), source: citationSchema }).strict(),
]);
/** A deadline rule as a preset declares it. */
export type DeadlineRuleSpec = z.infer<typeof ruleSchema>;

/** A phase window as months: offsets from the cycle's first month (planning, interim) or last month (final). */
const phaseSchema = z
  .object({ fromMonth: z.number().int().min(-3).max(15), toMonth: z.number().int().min(-3).max(15), source: citationSchema })
  .strict()
  .refine((p) => p.toMonth >= p.fromMonth, { message: 'toMonth is before fromMonth', path: ['toMonth'] });

const ratingLevelSchema = z.object({ id: z.string().regex(/^[a-z-]+$/), label: z.string().min(2) }).strict();
/** One level of a rating scale. */
export type RatingLevel = z.infer<typeof ratingLevelSchema>;

/** Statuses that can exclude a person from the scheme (R-ELG-1). */
export const PERSON_STATUSES = ['none', 'induction', 'informal-capability', 'formal-capability'] as const;
/** A person's status for eligibility. */
export type PersonStatus = (typeof PERSON_STATUSES)[number];

/** A policy preset: every date, limit and scale of one school policy, each value citing its source. */
export const presetSchema = z
  .object({
    id: presetIdSchema,
    name: z.string().min(3),
    seed: z.string().min(3),
    cycle: z
      .object({
        /** The months a cycle may start in (1 = January); the first is the default, a school may pick another. */
        startMonths: z.array(z.number().int().min(1).max(12)).min(1),
        lengthMonths: z.literal(12),
        source: citationSchema,
      })
      .strict(),
    phases: z.object({ planning: phaseSchema, interim: phaseSchema, final: phaseSchema }).strict(),
    /** R-CYC-4: how people who join part-way through a cycle are placed. */
    newStarters: z
      .object({
        rule: z.enum(['test-valley', 'headteacher-aligns']),
        /** The longest first cycle, in months (test-valley: 16). */
        maxExtendedMonths: z.number().int().min(12).max(24),
        source: citationSchema,
      })
      .strict(),
    eligibility: z
      .object({
        /** Contracts shorter than this many weeks ("less than one term") are excluded. */
        minContractWeeks: z.number().int().min(1).max(26),
        excludedStatuses: z.array(z.enum(PERSON_STATUSES)),
        source: citationSchema,
      })
      .strict(),
    objectives: z
      .object({
        limit: z.number().int().min(1).max(10),
        reducedLimit: z.number().int().min(1).max(10),
        source: citationSchema,
      })
      .strict()
      .refine((o) => o.reducedLimit <= o.limit, { message: 'reducedLimit is above limit', path: ['reducedLimit'] }),
    finalRatingScale: z.object({ levels: z.array(ratingLevelSchema).min(2), source: citationSchema }).strict(),
    selfAssessmentScale: z.object({ levels: z.array(ratingLevelSchema).min(2), source: citationSchema }).strict(),
    /** Whether the reviewee may comment on a draft statement before it is final (R-STM-1). */
    draftStatementForComment: z.object({ value: z.boolean(), source: citationSchema }).strict(),
    payProgression: z.object({ value: z.boolean(), source: citationSchema }).strict(),
    rules: z.partialRecord(deadlineRuleIdSchema, ruleSchema),
    notes: z.array(z.string()).default([]),
  })
  .strict();
/** A validated preset. */
export type Preset = z.infer<typeof presetSchema>;
