// The nudges module: planning reminders (lead times, escalation, digests) and relaying them (R-CHAT-3).
export * from './messenger.port';
export * from '../policy/delivery-window';
export * from '../shared/london-time';
export * from './lead-times';
export * from './planner';
export * from './digest';
export * from './pacer';
export * from './send-with-retries';
export * from './send-once';
export * from './relay';
export * from './outbox-relay';
export * from './recipients';
export * from './nudge-payload.schema';
export * from './case-effects';
export * from './case-notices';
export * from './case-due-work';
