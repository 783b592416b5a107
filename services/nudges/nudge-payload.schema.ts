import { z } from 'zod/v4';
import { civilDateSchema } from '../shared/time';

/** zod schema for what a nudge says (stored in reminder payloads and outbox messages, parsed on read). */
export const nudgeContentSchema = z.object({
  kind: z.enum(['nudge', 'escalation', 'digest', 'notice']),
  title: z.string().min(1),
  lines: z.array(z.string()),
  due: civilDateSchema.nullable(),
  open: z.object({ verb: z.string().min(1), title: z.string().min(1), caseId: z.string().min(1), version: z.number().int().min(0) }).nullable(),
});

/** zod schema for a reminder's payload: what to say (the recipient is the reminder's own `recipientId`). */
export const reminderPayloadSchema = z.object({ content: nudgeContentSchema });
export type ReminderPayload = z.infer<typeof reminderPayloadSchema>;

/** zod schema for an outbox message the relay sends: to whom, and what to say. */
export const outboxNotifySchema = z.object({ recipientId: z.string().min(1), content: nudgeContentSchema });
export type OutboxNotify = z.infer<typeof outboxNotifySchema>;
