import { noToken } from '../../bot/messenger/bot-token.source';
import { createTeamsMessenger } from '../../bot/messenger/teams.messenger';
import { createRelay } from '../../services/nudges/relay';
import type { Clock } from '../../services/shared/time';
import { openSqliteStore } from '../../storage/sqlite/sqlite.store';

// One scheduler replica for the kill test: sweeps the shared SQLite file in a loop and sends through the
// fake connector, until it is killed. Its clock is the test's fake instant plus real time elapsed since the
// test began (the same base for every replica, so leases mean the same thing in each).
// argv: file, base fake instant, base real ms, lease ms.

const [file, baseFake, baseReal, leaseMs] = process.argv.slice(2) as [string, string, string, string];
const clock: Clock = { now: () => new Date(Date.parse(baseFake) + (Date.now() - Number(baseReal))) };
const store = openSqliteStore({ file, parseCaseState: (raw: unknown) => raw, clock });
const sleeper = { sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)) };
const allDay = { days: { isWorkingDay: () => true }, from: '00:00', to: '24:00' };
const relay = createRelay({
  store, clock, sleeper, random: Math.random, messengers: { teams: createTeamsMessenger({ tokens: noToken, clock, timeoutMs: 5000 }) },
  windowFor: async () => allDay, options: { batchSize: 25, leaseMs: Number(leaseMs), maxAttempts: 20, maxRetries: 5, concurrency: 4 },
});

async function loop(): Promise<void> {
  for (;;) {
    const report = await relay.sweep();
    process.stdout.write(`${report.sent}\n`);
    if (report.read === 0) await sleeper.sleep(20);
  }
}

void loop();
