import { noToken } from '../../bot/messenger/bot-token.source';
import { createSlackMessenger } from '../../bot/messenger/slack.messenger';
import { createTeamsMessenger } from '../../bot/messenger/teams.messenger';
import { createRelay } from '../../services/nudges/relay';
import type { Clock } from '../../services/shared/time';
import { openSqliteStore } from '../../storage/sqlite/sqlite.store';

// One scheduler replica for the kill test: sweeps the shared SQLite file in a loop and sends through the
// fake connector (Teams) or the fake Web API (Slack), until it is killed. Its clock is the test's fake instant
// plus real time elapsed since the test began (the same base for every replica, so leases mean the same thing
// in each). Each sweep prints "sent reconciled" on a line.
// argv: file, base fake instant, base real ms, lease ms, channel (teams | slack), Slack Web API base.

const [file, baseFake, baseReal, leaseMs, channel, slackApi] = process.argv.slice(2) as [string, string, string, string, string, string | undefined];
const clock: Clock = { now: () => new Date(Date.parse(baseFake) + (Date.now() - Number(baseReal))) };
const store = openSqliteStore({ file, parseCaseState: (raw: unknown) => raw, clock });
const sleeper = { sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)) };
const allDay = { days: { isWorkingDay: () => true }, from: '00:00', to: '24:00' };
const messengers = channel === 'slack'
  ? { slack: createSlackMessenger({ botToken: 'xoxb-replica', apiUrl: slackApi ?? '', clock, timeoutMs: 5000 }) }
  : { teams: createTeamsMessenger({ tokens: noToken, clock, timeoutMs: 5000 }) };
const relay = createRelay({
  store, clock, sleeper, random: Math.random, messengers,
  windowFor: async () => allDay, options: { batchSize: 25, leaseMs: Number(leaseMs), maxAttempts: 20, maxRetries: 5, concurrency: 4 },
});

async function loop(): Promise<void> {
  for (;;) {
    const report = await relay.sweep();
    process.stdout.write(`${report.sent} ${report.reconciled}\n`);
    if (report.read === 0) await sleeper.sleep(20);
  }
}

void loop();
