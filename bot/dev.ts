import path from 'node:path';
import { systemClock } from '../services/shared/time';
import { createCaseRuntime } from './case-runtime';
import { openProductStore } from './compose';
import { launchSchoolCycle } from './cycle-launch';
import { ConfigError, loadConfig } from './config';
import { demoPeople, DEMO_SCHOOL_ID, seedDemoSchool } from './dev/demo-school';
import { PLAYGROUND_PORT, startPlayground, waitUntilServing, writePlaygroundConfig } from './dev/playground';
import { createLogger } from './logger';
import { startServer } from './server';

// `npm run dev`: the server on its embedded defaults with the demo school seeded, plus the
// Microsoft 365 Agents Playground (a local Teams-like web client) pointed at it.

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  if (!config.teams.authenticationOff || config.env === 'production') {
    process.stderr.write('npm run dev is for local use only: unset MICROSOFT_APP_ID and NODE_ENV=production, or use npm start.\n');
    process.exit(1);
  }
  const logger = createLogger(config.logLevel);
  const store = await openProductStore(config);
  await seedDemoSchool(store);
  const runtime = createCaseRuntime({ store, clock: systemClock, logger });
  // The demo starts with this year's cycle launched, so every chair has an appraisal to click through.
  const demoPolicy = await runtime.policies.forSchool(DEMO_SCHOOL_ID);
  const cycleYear = Number(demoPolicy.cycleContaining(new Date().toISOString().slice(0, 10)).start.slice(0, 4));
  const launched = await launchSchoolCycle(store, runtime, { schoolId: DEMO_SCHOOL_ID, cycleYear, actor: { kind: 'admin' }, dryRun: false, channel: 'system' });
  if (launched.ok && launched.value.opened.length) logger.info({ event: 'dev.cycle-launched', opened: launched.value.opened.length }, 'demo cycle launched');
  const server = await startServer({ config, store, logger, clock: systemClock, runtime });

  const [head, ...others] = demoPeople();
  if (!head) throw new Error('the demo school has nobody in it');
  const dataDir = config.store.kind === 'embedded' ? config.store.dataDir : path.resolve('data');
  const playgroundDir = path.join(dataDir, 'playground');
  writePlaygroundConfig(playgroundDir, head, others);
  const port = Number(process.env.PLAYGROUND_PORT ?? PLAYGROUND_PORT);
  const playground = startPlayground({ botEndpoint: `http://127.0.0.1:${server.port}/api/messages`, dir: playgroundDir, port });
  playground.stderr?.on('data', (chunk: Buffer) => logger.debug({ event: 'playground.stderr', text: chunk.toString().slice(0, 500) }));
  playground.on('exit', (code) => {
    if (code !== null && code !== 0) process.stderr.write(`The Playground stopped (exit code ${code}). The bot is still at ${server.url}/api/messages\n`);
  });

  await waitUntilServing(`http://127.0.0.1:${port}/`);
  process.stdout.write(
    [
      '',
      `  Appraisal bot running on ${server.url} (local mode: no sign-in, embedded store in ${dataDir})`,
      `  Open http://localhost:${port} in your browser and say "hi".`,
      `  You are signed in as ${head.name} (headteacher of the demo school). Press Ctrl+C to stop.`,
      '',
    ].join('\n'),
  );

  const stop = async () => {
    playground.kill('SIGTERM');
    await server.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`Could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
