import { z } from 'zod/v4';
import { stageSchema } from '../case/case-stages';
import { deadlineRuleIdSchema } from '../policy/preset.schema';
import { civilDateSchema } from '../shared/time';

// The reports read these anonymous inputs, never cases: a small mapping fills them from each case, so nothing
// here can carry a name, an id or an email (R-RPT-1). Every category is a fixed list, so no free text of a
// person's choosing can become a row of a published table.

/** The answer every equality question allows (R-RPT-1). */
export const PREFER_NOT_TO_SAY = 'prefer-not-to-say';

/** Ethnic group, the five high-level groups of the 2021 census for England and Wales. */
export const ETHNICITIES = ['asian', 'black', 'mixed', 'white', 'other', PREFER_NOT_TO_SAY] as const;
/** Gender. */
export const GENDERS = ['woman', 'man', 'non-binary', 'other', PREFER_NOT_TO_SAY] as const;
/** Sexual orientation. */
export const SEXUAL_ORIENTATIONS = ['heterosexual', 'gay-or-lesbian', 'bisexual', 'other', PREFER_NOT_TO_SAY] as const;
/** Disability (as the person describes it). */
export const DISABILITIES = ['yes', 'no', PREFER_NOT_TO_SAY] as const;
/** Religion or belief. */
export const RELIGIONS = ['no-religion', 'christian', 'buddhist', 'hindu', 'jewish', 'muslim', 'sikh', 'other', PREFER_NOT_TO_SAY] as const;
/** Age band. */
export const AGE_BANDS = ['under-25', '25-34', '35-44', '45-54', '55-64', '65-and-over', PREFER_NOT_TO_SAY] as const;
/** Trade-union membership. */
export const UNION_MEMBERSHIPS = ['yes', 'no', PREFER_NOT_TO_SAY] as const;

/**
 * Equality data (R-RPT-1): optional per person, each answer optional, kept apart from the case and used only
 * for the governors' report.
 */
export const equalityInputSchema = z
  .object({
    ethnicity: z.enum(ETHNICITIES).optional(),
    gender: z.enum(GENDERS).optional(),
    sexualOrientation: z.enum(SEXUAL_ORIENTATIONS).optional(),
    disability: z.enum(DISABILITIES).optional(),
    religionOrBelief: z.enum(RELIGIONS).optional(),
    ageBand: z.enum(AGE_BANDS).optional(),
    tradeUnionMember: z.enum(UNION_MEMBERSHIPS).optional(),
  })
  .strict();
/** One person's equality answers. */
export type EqualityInput = z.infer<typeof equalityInputSchema>;

/** A pay outcome as the report counts it (R-PAY-1); `null` while not yet decided. */
export const PAY_OUTCOMES = ['increment', 'top-of-grade', 'withheld', 'not-eligible'] as const;
/** A pay outcome. */
export type PayOutcome = (typeof PAY_OUTCOMES)[number];

/** What an appeal or representation was about, as the mapping classes its written grounds (R-DL-1, R-DL-2). */
export const APPEAL_GROUNDS = ['objectives', 'assessment', 'pay', 'support-not-provided', 'process', 'reviewer-choice', 'other'] as const;
/** How far an appeal went (R-DL-1): with the reviewer, the headteacher, or the governors. */
export const APPEAL_LEVELS = ['reviewer', 'headteacher', 'governors'] as const;
/** How an appeal ended, or `open`. */
export const APPEAL_OUTCOMES = ['upheld', 'not-upheld', 'withdrawn', 'open'] as const;

/** One case, anonymous: everything the governors' report and the CPD summary count (R-RPT-1, R-RPT-3). */
export const reportCaseInputSchema = z
  .object({
    stage: stageSchema,
    deadlines: z.array(z.object({ rule: deadlineRuleIdSchema, due: civilDateSchema, doneOn: civilDateSchema.nullable() }).strict()),
    /** Moderation decisions on this case's statements (R-MOD-1). */
    moderation: z.object({ approved: z.number().int().min(0), referredBack: z.number().int().min(0) }).strict(),
    /** A rating id from the school's final rating scale (R-FIN-1), `null` until assessed. */
    finalRating: z.string().regex(/^[a-z-]+$/).nullable(),
    pay: z.enum(PAY_OUTCOMES).nullable(),
    /** Training needs as written in the statement (R-RPT-3). */
    trainingNeeds: z.array(z.string().max(2000)),
    /** Agreed support and whether it was delivered (R-SUP-1). */
    support: z.array(z.object({ agreed: z.string().max(2000), delivered: z.boolean() }).strict()),
    appeals: z.array(z.object({ ground: z.enum(APPEAL_GROUNDS), stageReached: z.enum(APPEAL_LEVELS), outcome: z.enum(APPEAL_OUTCOMES) }).strict()),
    partTime: z.boolean(),
    equality: equalityInputSchema.nullable(),
  })
  .strict();
/** One anonymous case. */
export type ReportCaseInput = z.infer<typeof reportCaseInputSchema>;
