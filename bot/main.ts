import { systemClock } from '../services/shared/time';
import { ConfigError, loadConfig } from './config';
import type { Config } from './config';
import { createLogger } from './logger';
import { openProductStore } from './compose';
import { startServer } from './server';
import { loadSchedulerConfig } from './scheduler/scheduler.config';
import { startScheduler } from './scheduler/scheduler';

// `npm start`: the production entry point. Configuration first — a bad value stops the process
// with one line naming the variable — then the store, then the one HTTP server.

function configOrExit(): Config & { nudges: ReturnType<typeof loadSchedulerConfig> } {
  try {
    return { ...loadConfig(), nudges: loadSchedulerConfig() };
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = configOrExit();
  const logger = createLogger(config.logLevel);
  const store = await openProductStore(config);
  const server = await startServer({ config, store, logger, clock: systemClock });
  // Nudges (R-CHAT-3) run here unless NUDGES_IN_SERVER=false (then `npm run worker` runs them).
  const nudges = config.nudges.inServer ? startScheduler({ config, scheduler: config.nudges, store, logger, clock: systemClock }) : null;

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ event: 'shutdown.start', signal }, 'shutting down: finishing requests in flight');
    const timer = setTimeout(() => {
      logger.error({ event: 'shutdown.timeout' }, 'requests did not finish within 10 seconds; exiting');
      process.exit(1);
    }, 10_000);
    timer.unref();
    await server.close();
    await nudges?.stop();
    await store.close();
    logger.info({ event: 'shutdown.done' }, 'stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  const err = error instanceof Error ? error : new Error(String(error));
  process.stderr.write(`Could not start: ${err.message}\n`);
  process.exit(1);
});
