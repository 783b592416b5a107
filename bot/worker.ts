import { systemClock } from '../services/shared/time';
import { openProductStore } from './compose';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { loadSchedulerConfig } from './scheduler/scheduler.config';
import { startScheduler } from './scheduler/scheduler';

// `npm run worker`: the nudge scheduler on its own, for deployments that keep it out of the web replicas
// (then set NUDGES_IN_SERVER=false on the server). Same configuration as the server, plus NUDGES_*.

async function main(): Promise<void> {
  let config;
  let scheduler;
  try {
    config = loadConfig();
    scheduler = loadSchedulerConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const store = await openProductStore(config);
  const running = startScheduler({ config, scheduler, store, logger, clock: systemClock });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ event: 'worker.stopping', signal }, 'stopping after the sweep in flight');
    await running.stop();
    await store.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Could not start the worker: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
