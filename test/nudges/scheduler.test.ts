import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { loadSchedulerConfig } from '../../bot/scheduler/scheduler.config';
import { messengersFor, startScheduler } from '../../bot/scheduler/scheduler';
import { schoolPolicies } from '../../bot/school-policies';
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

  it('R-CAL-1: a person\'s delivery days skip weekends, bank holidays and, for term-time-only staff, the school\'s closures', async () => {
    const school = {
      id: 's', name: 'S', presetId: 'test-valley', teamsTenantIds: [], slackTeamIds: [], version: 1,
      settings: { closures: [{ from: '2026-11-27', to: '2026-11-27', name: 'INSET day' }, { from: '2026-12-21', to: '2027-01-04', name: 'Christmas holidays' }] },
    };
    const policies = schoolPolicies({ schools: { get: async () => school } as never }, { nowMs: () => 0, defaultHours: { from: '09:00', to: '15:00' } });
    const days = ['2026-11-26', '2026-11-27', '2026-11-28', '2026-12-22', '2026-12-28', '2027-01-05'];
    const allYear = await policies.windowFor({ schoolId: 's', termTimeOnly: false } as never);
    const termTime = await policies.windowFor({ schoolId: 's', termTimeOnly: true } as never);
    expect(days.map((d) => allYear.days.isWorkingDay(d))).toEqual([true, true, false, true, false, true]);
    expect(days.map((d) => termTime.days.isWorkingDay(d))).toEqual([true, false, false, false, false, true]);
    expect([allYear.from, allYear.to]).toEqual(['09:00', '15:00']);
  });

  it('R-CAL-1: settings that no longer pass their schema fall back to the preset, and the problem is reported', async () => {
    const school = { id: 's', name: 'S', presetId: 'spt', teamsTenantIds: [], slackTeamIds: [], version: 1, settings: { messageHours: { from: '17:00', to: '09:00' } } };
    const problems: string[] = [];
    const policies = schoolPolicies({ schools: { get: async () => school } as never }, { nowMs: () => 0, onProblem: (id, code) => problems.push(`${id} ${code}`) });
    const policy = await policies.forSchool('s');
    expect(policy.messageHours).toEqual({ from: '08:30', to: '16:30' });
    expect(problems).toEqual(['s POLICY.INVALID_SETTINGS']);
  });
});
