import { z } from 'zod/v4';
import { ConfigError } from '../config';

// The scheduler's own settings, from environment variables (listed in .env.example). Read by the server when
// it runs the scheduler in-process, and by `npm run worker`.

const whole = (min: number, max: number) =>
  z.coerce.number({ error: `must be a whole number from ${min} to ${max}` }).int({ error: `must be a whole number from ${min} to ${max}` })
    .min(min, { error: `must be a whole number from ${min} to ${max}` }).max(max, { error: `must be a whole number from ${min} to ${max}` });

const schedulerEnvSchema = z.object({
  NUDGES_IN_SERVER: z.enum(['true', 'false']).default('true'),
  NUDGES_SWEEP_INTERVAL_MS: whole(200, 3_600_000).default(15_000),
  NUDGES_BATCH_SIZE: whole(1, 1000).default(100),
  NUDGES_LEASE_SECONDS: whole(10, 3600).default(120),
  NUDGES_CONCURRENCY: whole(1, 64).default(8),
  NUDGES_MAX_ATTEMPTS: whole(1, 100).default(10),
  NUDGES_SEND_TIMEOUT_MS: whole(1000, 120_000).default(15_000),
  NUDGES_DEFAULT_HOURS: z.string().regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/, { error: 'must look like 08:30-16:30' }).default('08:30-16:30'),
});

/** How the scheduler runs. */
export interface SchedulerConfig {
  /** Run the scheduler inside the server process (set false when a separate worker runs it). */
  inServer: boolean;
  sweepIntervalMs: number;
  batchSize: number;
  leaseMs: number;
  concurrency: number;
  maxAttempts: number;
  sendTimeoutMs: number;
  defaultHours: { from: string; to: string };
}

/** Reads and validates the scheduler's settings; a bad value throws a ConfigError naming the variable. */
export function loadSchedulerConfig(source: NodeJS.ProcessEnv = process.env): SchedulerConfig {
  const parsed = schedulerEnvSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`Configuration error: ${String(issue?.path[0] ?? 'environment')} ${issue?.message ?? 'is invalid'}`);
  }
  const e = parsed.data;
  const [from, to] = e.NUDGES_DEFAULT_HOURS.split('-') as [string, string];
  return {
    inServer: e.NUDGES_IN_SERVER === 'true', sweepIntervalMs: e.NUDGES_SWEEP_INTERVAL_MS, batchSize: e.NUDGES_BATCH_SIZE,
    leaseMs: e.NUDGES_LEASE_SECONDS * 1000, concurrency: e.NUDGES_CONCURRENCY, maxAttempts: e.NUDGES_MAX_ATTEMPTS,
    sendTimeoutMs: e.NUDGES_SEND_TIMEOUT_MS, defaultHours: { from, to },
  };
}
