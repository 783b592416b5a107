import type { Logger } from 'pino';
import type { DueWorkSource } from '../../services/nudges/digest';
import { caseDueWork } from '../../services/nudges/case-due-work';
import { londonWallClock } from '../../services/shared/london-time';
import type { ProductStore } from '../compose';
import type { Messenger, Sleeper } from '../../services/nudges/messenger.port';
import { createOutboxRelay } from '../../services/nudges/outbox-relay';
import { createRelay } from '../../services/nudges/relay';
import type { Store } from '../../services/ports/store.port';
import { destroyExpiredEquality } from '../../services/records';
import type { Clock } from '../../services/shared/time';
import type { Config } from '../config';
import { clientCredentialsTokenSource, noToken } from '../messenger/bot-token.source';
import { createSlackMessenger } from '../messenger/slack.messenger';
import { createTeamsMessenger } from '../messenger/teams.messenger';
import type { SchedulerConfig } from './scheduler.config';
import { digestJob } from './digest.job';
import { payrollChangesJob } from './payroll-changes.job';
import { schoolPolicies } from '../school-policies';

/** What the scheduler is composed from. */
export interface SchedulerDeps {
  config: Config;
  scheduler: SchedulerConfig;
  store: Store;
  logger: Logger;
  clock: Clock;
  /** Overrides for tests; by default built from the configuration. */
  messengers?: Partial<Record<'teams' | 'slack', Messenger>>;
  sleeper?: Sleeper;
  /** What is due and overdue per school, for the daily digests; without it no digests are planned. */
  dueWork?: DueWorkSource;
}

/** A running scheduler. */
export interface RunningScheduler {
  /** Stops after the sweep in flight (its sends finish and are marked); resolves when stopped. */
  stop(): Promise<void>;
  /** Runs one sweep now (reminders, then the outbox); for tests and the worker's first pass. */
  sweepOnce(): Promise<{ reminders: number; outbox: number }>;
}

/** The bulk messengers the configuration allows: Teams always (no token in local mode), Slack when configured. */
export function messengersFor(config: Config, scheduler: SchedulerConfig, clock: Clock): Partial<Record<'teams' | 'slack', Messenger>> {
  const { appId, appPassword, appType, tenantId } = config.teams;
  const slack = config.slack ? createSlackMessenger({ botToken: config.slack.botToken, apiUrl: config.slack.apiUrl, clock, timeoutMs: scheduler.sendTimeoutMs }) : undefined;
  // A managed identity has no password for the client-credentials grant: no Teams nudges (logged at start).
  if (appType === 'UserAssignedMSI') return slack ? { slack } : {};
  const tokens = appId && appPassword ? clientCredentialsTokenSource({ appId, appPassword, tenantId: appType === 'SingleTenant' ? tenantId : undefined, clock }) : noToken;
  const teams = createTeamsMessenger({ tokens, clock, timeoutMs: scheduler.sendTimeoutMs });
  return slack ? { teams, slack } : { teams };
}

/** Real timers for waits, cut short when the scheduler stops. */
function stoppableSleeper(signal: AbortSignal): Sleeper {
  return {
    sleep: (ms) =>
      new Promise((resolve) => {
        if (signal.aborted) return resolve();
        const timer = setTimeout(resolve, ms);
        signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
      }),
  };
}

/**
 * Starts the nudge scheduler (R-CHAT-3): every interval it relays due reminders and the outbox. Any number of
 * replicas may run it against one store; claims with leases mean no two live replicas send one reminder. After
 * a crash mid-send, Slack is asked whether the reminder went before it is sent again; Teams cannot be asked,
 * so there a repeat is possible.
 */
export function startScheduler(deps: SchedulerDeps): RunningScheduler {
  const { scheduler, store, logger, clock } = deps;
  const stopping = new AbortController();
  const options = { batchSize: scheduler.batchSize, leaseMs: scheduler.leaseMs, maxAttempts: scheduler.maxAttempts, maxRetries: 5, concurrency: scheduler.concurrency };
  const policies = schoolPolicies(store, {
    nowMs: () => clock.now().getTime(), defaultHours: scheduler.defaultHours,
    onProblem: (schoolId, code) => logger.warn({ event: 'policy.settings-invalid', schoolId, code }, 'school policy settings are not valid: using the preset defaults'),
  });
  const relayDeps = {
    store, clock, options, messengers: deps.messengers ?? messengersFor(deps.config, scheduler, clock),
    sleeper: deps.sleeper ?? stoppableSleeper(stopping.signal), random: Math.random,
    windowFor: policies.windowFor,
    log: (event: string, fields: Record<string, string | number | null>) => logger.info({ event, ...fields }, event),
  };
  if (!relayDeps.messengers.teams) logger.warn({ event: 'scheduler.teams-off' }, 'Teams nudges are off: a managed identity (UserAssignedMSI) is not supported by the scheduler yet');
  const relay = createRelay(relayDeps);
  const caseEffects = { cases: store.cases, people: store.people, schools: store.schools, policyFor: policies.forSchool, windowFor: policies.windowFor };
  const outbox = createOutboxRelay({ ...relayDeps, caseEffects }, relay);
  // Digests from the stored cases unless a test gives its own source (R-CHAT-3).
  const dueWork = deps.dueWork ?? caseDueWork({ cases: store.cases as ProductStore['cases'], policyFor: policies.forSchool });
  const digests = digestJob({ store, source: dueWork, clock, windowFor: relayDeps.windowFor });
  // Changes to pay recommendations after the payroll export are flagged to the head once a London day (R-PAY-1).
  const payrollChanges = payrollChangesJob({ store: store as ProductStore, policyFor: policies.forSchool, clock, log: (event, fields) => logger.info({ event, ...fields }, event) });
  // Records past their retention are destroyed once a London day (R-PRV-2); counts only in the log. Leavers'
  // equality answers have no expiry a store can act on by itself, so they are destroyed here on every store.
  let purgedOn: string | null = null;
  const purgeDaily = async () => {
    const today = londonWallClock(clock.now()).day;
    if (purgedOn === today) return;
    purgedOn = today;
    if (store.purgeExpired) {
      const purged = await store.purgeExpired(clock.now().toISOString());
      logger.info({ event: 'retention.purged', purged }, 'expired records destroyed');
    }
    for (const school of await store.schools.list()) {
      const gone = await destroyExpiredEquality(store, { schoolId: school.id, today, at: clock.now().toISOString(), by: { actorId: 'system', channel: 'system' } });
      if (gone.length > 0) logger.info({ event: 'retention.equality-destroyed', schoolId: school.id, people: gone.length }, 'leavers’ equality answers destroyed');
    }
  };
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<unknown> = Promise.resolve();

  async function sweepOnce() {
    await digests();
    await payrollChanges();
    await purgeDaily();
    const r = await relay.sweep();
    const o = await outbox.sweep();
    if (r.read > 0 || o.read > 0) logger.info({ event: 'scheduler.sweep', ...r, outboxRead: o.read, outboxSent: o.sent }, 'sweep');
    return { reminders: r.read, outbox: o.read };
  }

  const tick = () => {
    timer = null;
    const run = sweepOnce().then(
      // A full page means more is due: go again at once rather than after the interval.
      (n) => (n.reminders >= scheduler.batchSize || n.outbox >= scheduler.batchSize ? 0 : scheduler.sweepIntervalMs),
      (error: unknown) => {
        const err = error instanceof Error ? error : new Error(String(error));
        logger.error({ event: 'scheduler.sweep-failed', err: { name: err.name, message: err.message } }, 'sweep failed; trying again next interval');
        return scheduler.sweepIntervalMs;
      },
    );
    inFlight = run;
    void run.then((wait) => {
      if (!stopping.signal.aborted) timer = setTimeout(tick, wait);
    });
  };
  timer = setTimeout(tick, 0);
  logger.info({ event: 'scheduler.started', intervalMs: scheduler.sweepIntervalMs, batch: scheduler.batchSize }, 'nudge scheduler started');

  return {
    sweepOnce,
    async stop() {
      stopping.abort();
      if (timer) clearTimeout(timer);
      await inFlight.catch(() => undefined);
    },
  };
}
