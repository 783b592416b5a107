import { z } from 'zod/v4';

// Field builders shared by the command inputs, so every card and modal shows the same field messages.

/** A text a person must fill in, trimmed, with a length limit. */
export const requiredText = (max = 2000) =>
  z.string().trim().min(1, { message: 'Please fill this in.' }).max(max, { message: `Please keep this under ${max} characters.` });

/** A text a person may leave empty (stored as ''). */
export const optionalText = (max = 2000) => z.string().trim().max(max, { message: `Please keep this under ${max} characters.` }).default('');

/** An id of a person, case, objective or other record. */
export const idSchema = z.string().trim().min(1).max(120);

/** A SHA-256 digest, lowercase hex: what a signer saw (R-STM-2). */
export const hashSchema = z.string().regex(/^[0-9a-f]{64}$/, { message: 'must be the statement fingerprint shown on the card' });

/** Yes, no, or rather not say: the wellbeing questions never force an answer (R-SA-1). */
export const yesNoSchema = z.enum(['yes', 'no', 'prefer-not-to-say']).default('prefer-not-to-say');

/** Which meeting of the cycle something belongs to (R-CYC-2). */
export const MEETINGS = ['planning', 'interim', 'final'] as const;
/** zod schema for a meeting of the cycle. */
export const meetingSchema = z.enum(MEETINGS);
/** A meeting of the cycle. */
export type Meeting = (typeof MEETINGS)[number];

/** Which statement: planning or review (R-STM-1). */
export const statementKindSchema = z.enum(['planning', 'review']);
/** A statement kind. */
export type StatementKind = z.infer<typeof statementKindSchema>;
