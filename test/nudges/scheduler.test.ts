import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { loadSchedulerConfig } from '../../bot/scheduler/scheduler.config';
import { messengersFor, startScheduler } from '../../bot/scheduler/scheduler';
import { schoolCalendar } from '../../bot/scheduler/school-days';
import { aRelayWorld, aReminder } from './relay-harness';

describe('the scheduler in a process (R-CHAT-3)', () => {
  it('reads its settings from the environment, with defaults, and names a bad variable', () => {
    expect(loadSchedulerConfig({})).toMatchObject({ inServer: true, sweepIntervalMs: 15_000, batchSize: 100, leaseMs: 120_000, defaultHours: { from: '08:30', to: '16:30' } });
    expect(loadSchedulerConfig({ NUDGES_IN_SERVER: 'false', NUDGES_BATCH_SIZE: '25' })).toMatchObject({ inServer: false, batchSize: 25 });
    expect(() => loadSchedulerConfig({ NUDGES_BATCH_SIZE: '0' })).toThrow('Configuration error: NUDGES_BATCH_SIZE must be a whole number from 1 to 1000');
    expect(() => loadSchedulerConfig({ NUDGES_DEFAULT_HOURS: '9 to 5' })).toThrow('NUDGES_DEFAULT_HOURS must look like 08:30-16:30');
  });

  it('R-CHAT-3: started in the server process, it relays due reminders and stops cleanly', async () => {
    const w = await aRelayWorld();
    await w.store.reminders.create(aReminder());
    const running = startScheduler({
      config: loadConfig({ NODE_ENV: 'test' }), scheduler: loadSchedulerConfig({}), store: w.store, logger: createLogger('silent'),
      clock: w.clock, messengers: { teams: w.teams }, sleeper: w.sleeper,
    });
    await running.sweepOnce();
    await running.stop();
    expect(w.teams.sent.map((s) => s.message.key)).toEqual(['case-1/appeal.informal/1.before-5']);
  });

  it('builds a Teams messenger always and a Slack one only when Slack is configured; none for Teams with a managed identity', () => {
    const scheduler = loadSchedulerConfig({});
    const clock = { now: () => new Date() };
    expect(Object.keys(messengersFor(loadConfig({ NODE_ENV: 'test' }), scheduler, clock))).toEqual(['teams']);
    const both = loadConfig({ NODE_ENV: 'test', SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(Object.keys(messengersFor(both, scheduler, clock)).sort()).toEqual(['slack', 'teams']);
    const msi = loadConfig({ NODE_ENV: 'test', MICROSOFT_APP_ID: 'id', MICROSOFT_APP_PASSWORD: 'pw', MICROSOFT_APP_TYPE: 'UserAssignedMSI' });
    expect(Object.keys(messengersFor(msi, scheduler, clock))).toEqual([]);
  });

  it('R-CAL-1: the school calendar skips weekends, England and Wales bank holidays and the school’s closures', () => {
    const { days, holiday } = schoolCalendar({
      id: 's', name: 'S', presetId: 'test-valley', teamsTenantIds: [], slackTeamIds: [], version: 1,
      settings: { closures: ['2026-11-27', { from: '2027-02-15', to: '2027-02-16' }], holidays: [{ from: '2026-12-21', to: '2027-01-04' }] },
    });
    expect(['2026-11-26', '2026-11-27', '2026-11-28', '2026-12-28', '2027-02-16', '2027-02-17'].map((d) => days.isWorkingDay(d))).toEqual([true, false, false, false, false, true]);
    expect(holiday('2026-12-22')).toBe(true);
  });
});
