import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { loadSchedulerConfig } from '../../bot/scheduler/scheduler.config';
import { startScheduler } from '../../bot/scheduler/scheduler';
import type { CycleDays } from '../case/case-scenario-harness';
import { FakeSleeper, RecordingMessenger } from '../nudges/relay-harness';
import { ALEX, CYCLE_START, DEV, JORDAN, openSchool, ROSTER, SCHOOL_ID, seedPayrollSchool, stepsAround } from './payroll-seed';
import { adminWorkspace } from '../support/admin-cli';
import { resolveActor } from '../../bot/actor';
import { createCaseRuntime } from '../../bot/case-runtime';
import { payrollChangesScreen } from '../../bot/payroll-screens';
import { Verbs } from '../../cards/verbs';

// Issue 10: what payroll has is kept, and a later change is flagged to the headteacher rather than applied silently.
// The admin command runs as a child process on a real SQLite file; the cases change through the case use-cases;
// the scheduler runs as the server runs it, over the same file, with the Teams messenger recorded.

const ws = adminWorkspace('payroll-after-export-');
const { data, admin, file } = ws;
const payroll = (today: string, ...more: string[]) => admin('report', 'payroll', '--school', SCHOOL_ID, '--cycle', '2025', '--today', today, ...more);
const lines = (text: string) => text.trim().split(/\r?\n/);
const IDENTIFYING = ROSTER.flatMap((p) => [p.name, ...p.name.split(' '), p.staffId, p.id]);

/** Reads what is stored, through the product's store, at a given instant; closes it afterwards. */
async function stored<T>(at: string, read: (school: Awaited<ReturnType<typeof openSchool>>) => Promise<T>): Promise<T> {
  const school = await openSchool(data(), at);
  try {
    return await read(school);
  } finally {
    await school.store.close();
  }
}
/** An audit event of the school by id, straight from the file (it is about no case). */
function auditAction(id: string): string | null {
  const db = new Database(path.join(data(), 'ipp.sqlite'), { readonly: true });
  const row = db.prepare<[string, string], { doc: string }>('SELECT doc FROM audit WHERE school_id = ? AND id = ?').get(SCHOOL_ID, id);
  db.close();
  return row ? (JSON.parse(row.doc) as { action: string }).action : null;
}

/** The scheduler over the school's file at `at`: runs sweeps until nothing more is due, then stops. */
async function schedulerDay(at: string) {
  const school = await openSchool(data(), at);
  const messenger = new RecordingMessenger('teams', school.clock);
  const log: Record<string, unknown>[] = [];
  const stream = new Writable({ write: (chunk: Buffer, _e, done) => (log.push(JSON.parse(chunk.toString()) as Record<string, unknown>), done()) });
  const running = startScheduler({
    config: loadConfig({ NODE_ENV: 'test' }), scheduler: loadSchedulerConfig({}), store: school.store, logger: createLogger('info', stream), clock: school.clock,
    messengers: { teams: messenger }, sleeper: new FakeSleeper(school.clock),
  });
  for (let i = 0; i < 30; i += 1) {
    const n = await running.sweepOnce();
    if (n.reminders === 0 && n.outbox === 0) break;
  }
  await running.stop();
  await school.store.close();
  const payrollNotices = messenger.sent.filter((s) => s.message.key.startsWith('payroll-changes/'));
  return { payrollNotices, log: log.filter((l) => String(l.event).startsWith('payroll.')) };
}

// Alex's case restarts after a transfer and runs a cycle of its own, to a final review in September 2027.
const RESTARTED: CycleDays = { cycleStart: CYCLE_START, open: '2026-12-03', planningMeeting: '2026-12-10', agree: '2026-12-11', moderate: '2026-12-14', signPlanning: '2026-12-15', interimSchedule: '2027-02-01', interimMeeting: '2027-02-22', finalSchedule: '2027-09-13', finalMeeting: '2027-09-20', signReview: '2027-09-24' };
const EXPORTED_CSV = ['Staff ID,Current point,Recommendation,New point,Effective date', 'OAK-101,4,increment,5,2027-04-01', 'OAK-105,7,withheld,7,2027-04-01'];

beforeAll(async () => {
  ws.open();
  await seedPayrollSchool(data());
  writeFileSync(file('points.csv'), 'staffId,currentPoint\nOAK-101,4\nOAK-105,7\nOAK-104,9\n');
});
afterAll(() => ws.close());

describe('payroll after the export (issue 10: R-PAY-1, R-CAL-2)', () => {
  jest.setTimeout(120_000);

  it('R-PAY-1, R-CAL-2: the first export of the seeded cycle is the CSV of the head-approved recommendations, kept as what payroll has and audited with counts only', async () => {
    const first = await payroll('2026-12-01', '--points', file('points.csv'), '--out', file('first.csv'));
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout.trim()).toBe(`Wrote the payroll export to ${file('first.csv')}. It is kept as what payroll has: later changes will be flagged to the headteacher.`);
    // Dev's increment is recommended but not yet approved, so it is not in the file.
    expect(lines(readFileSync(file('first.csv'), 'utf8'))).toEqual(EXPORTED_CSV);
    const kept = await stored('2026-12-01T12:00:00.000Z', (s) => s.store.payrollExports.get(SCHOOL_ID, CYCLE_START));
    expect(kept).toMatchObject({ version: 1, exportedOn: '2026-12-01', effectiveDate: '2027-04-01', cycleEnd: '2026-08-31', exportedBy: 'admin' });
    expect(kept?.rows.map((r) => [r.staffId, r.recommendation])).toEqual([['OAK-101', 'increment'], ['OAK-105', 'withhold']]);
    expect(auditAction(`payroll-export-${CYCLE_START}-v1`)).toBe('payroll.exported rows=2');
    const again = await payroll('2026-12-02');
    expect(again.code).toBe(0);
    expect(lines(again.stdout)).toEqual(['Payroll already has the export of Tuesday 1 December 2026 (2 rows); running this again does not change it.', 'No approved recommendation has changed since.']);
  });

  it('R-PAY-1: a late approval and a case restarted by a transfer are listed by a later run, not applied: the stored export and the file payroll has stay as sent', async () => {
    const before = await stored('2026-12-02T10:00:00.000Z', async (s) => {
      await s.play(ALEX, [['2026-12-02', 'headteacher', () => ({ type: 'case.transfer', newPost: 'Office manager', restart: true })]]);
      await s.play(DEV, [['2026-12-03', 'headteacher', () => ({ type: 'pay.approve' })]]);
      return s.store.payrollExports.get(SCHOOL_ID, CYCLE_START);
    });
    const later = await payroll('2026-12-03', '--out', file('later.csv'));
    expect(later).toMatchObject({ code: 0, stderr: '' });
    expect(lines(later.stdout)).toEqual([
      'Payroll already has the export of Tuesday 1 December 2026 (2 rows); running this again does not change it.',
      `Wrote the export payroll has to ${file('later.csv')}.`,
      'Some pay recommendations have changed since the payroll export on Tuesday 1 December. Payroll still has the earlier figures, so please let them know:',
      '• OAK-101: payroll has an increment to point 5; there is no approved recommendation now.',
      '• OAK-104: not in the export; now approved: an increment (current point not given).',
      'Once the headteacher has told payroll, run this again with --replace to record a new export.',
    ]);
    expect(lines(readFileSync(file('later.csv'), 'utf8'))).toEqual(EXPORTED_CSV);
    expect(await stored('2026-12-03T12:00:00.000Z', (s) => s.store.payrollExports.get(SCHOOL_ID, CYCLE_START))).toEqual(before);
    const withPoints = await payroll('2026-12-03', '--points', file('points.csv'), '--json');
    expect(JSON.parse(withPoints.stdout)).toMatchObject({ export: { version: 1 }, changes: [{ type: 'removed', staffId: 'OAK-101' }, { type: 'added', staffId: 'OAK-104', now: { currentPoint: 9, newPoint: 10 } }] });
  });

  it('R-PAY-1, R-CHAT-2: the daily job tells the headteacher once, in their own chat, how many changed and how, with a button to the details and no name, staff id or command line; not again the next day', async () => {
    const friday = await schedulerDay('2026-12-04T10:00:00.000Z');
    expect(friday.payrollNotices).toHaveLength(1);
    const [notice] = friday.payrollNotices;
    expect(notice?.recipient).toMatchObject({ personId: JORDAN.id, channel: 'teams', userKey: 'aad-jordan' });
    expect(notice?.message.content).toEqual({
      kind: 'notice', title: '2 pay recommendations have changed since the payroll export', due: null,
      lines: [
        'Since the payroll export on Tuesday 1 December: 1 recommendation was approved that payroll does not have; 1 recommendation that payroll has is no longer approved.',
        'Payroll still has the earlier figures: nothing there has been changed, so please let them know.',
        'Press “See the changes” for who they are and what payroll has.',
      ],
      open: { verb: Verbs.payrollChangesShow, title: 'See the changes', caseId: `payroll:${CYCLE_START}`, version: 1 },
    });
    for (const term of IDENTIFYING) expect(JSON.stringify(notice?.message.content)).not.toContain(term);
    expect(JSON.stringify(notice?.message.content)).not.toMatch(/npm|admin|--school|--cycle/);
    // The button opens the details for the head, in their own chat: each change by name and staff id.
    const screen = await stored('2026-12-04T10:05:00.000Z', async (s) => {
      const head = await resolveActor(s.store, 'teams', 'aad-jordan');
      return payrollChangesScreen(s.store, createCaseRuntime({ store: s.store, clock: s.clock, logger: createLogger('silent') }), head, { caseId: notice?.message.content.open?.caseId, version: notice?.message.content.open?.version });
    });
    expect(screen.kind === 'list' ? screen.view.items.map((i) => [i.heading, ...i.lines]) : screen.view.message).toEqual([
      ['Alex Morgan (staff id OAK-101)', 'Payroll has: an increment to point 5.', 'Approved now: no pay recommendation.'],
      ['Dev Okoro (staff id OAK-104)', 'Payroll has: nothing for them in the export.', 'Approved now: an increment.'],
      ['What to do next', 'Ask your school’s administrator to send payroll the updated file.', 'For the administrator: the payroll report with --replace records it.'],
    ]);
    expect(friday.log).toEqual([expect.objectContaining({ event: 'payroll.changes-flagged', schoolId: SCHOOL_ID, cycleId: CYCLE_START, reminderId: notice?.message.key })]);
    const monday = await schedulerDay('2026-12-07T10:00:00.000Z');
    expect(monday.payrollNotices).toEqual([]);
    expect(monday.log).toEqual([]);
  });

  it('R-PAY-1: recommended and approved again differently after the restart, the new set of changes is flagged again', async () => {
    await stored('2026-12-03T10:00:00.000Z', async (s) => {
      const { toRecommendation, fromApproval } = stepsAround(RESTARTED, true);
      await s.play(ALEX, [...toRecommendation, ...fromApproval.slice(0, 1)]);
    });
    const tuesday = await schedulerDay('2027-09-21T09:00:00.000Z');
    expect(tuesday.payrollNotices.map((n) => [n.recipient.personId, n.message.content.title, n.message.content.lines[0]])).toEqual([
      [JORDAN.id, '2 pay recommendations have changed since the payroll export', 'Since the payroll export on Tuesday 1 December: 1 recommendation was approved that payroll does not have; 1 recommendation was approved differently from what payroll has.'],
    ]);
    const later = await payroll('2027-09-21');
    expect(lines(later.stdout)).toContain('• OAK-101: payroll has an increment to point 5; it is now increment withheld, staying on point 4.');
  });

  it('R-PAY-1: --replace records a new export on purpose, audited with counts; afterwards nothing is flagged', async () => {
    const refused = await payroll('2027-09-21', '--replace');
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim()).toMatch(/--points/);
    const replaced = await payroll('2027-09-21', '--replace', '--points', file('points.csv'), '--out', file('replaced.csv'));
    expect(replaced).toMatchObject({ code: 0, stderr: '' });
    expect(replaced.stdout.trim()).toBe(`Wrote the payroll export to ${file('replaced.csv')}. It replaces the export of Tuesday 1 December 2026 as what payroll has.`);
    expect(lines(readFileSync(file('replaced.csv'), 'utf8'))).toEqual([
      EXPORTED_CSV[0], 'OAK-101,4,withheld,4,2027-04-01', 'OAK-104,9,increment,10,2027-04-01', 'OAK-105,7,withheld,7,2027-04-01',
    ]);
    expect(await stored('2027-09-21T12:00:00.000Z', (s) => s.store.payrollExports.get(SCHOOL_ID, CYCLE_START))).toMatchObject({ version: 2, exportedOn: '2027-09-21' });
    expect(auditAction(`payroll-export-${CYCLE_START}-v2`)).toBe('payroll.export-replaced rows=3 changes=2');
    expect(lines((await payroll('2027-09-22')).stdout)).toEqual(['Payroll already has the export of Tuesday 21 September 2027 (3 rows); running this again does not change it.', 'No approved recommendation has changed since.']);
    expect((await schedulerDay('2027-09-22T09:00:00.000Z')).payrollNotices).toEqual([]);
  });

  it('R-PAY-1: the usage says the first export is kept, a later run lists the changes, and --replace records a new one', async () => {
    const usage = await admin('report');
    expect(usage.code).toBe(2);
    expect(usage.stderr.trim()).toMatch(/payroll also --points FILE\.csv \[--out F\] \[--replace\]: the first export of a cycle is kept as what payroll has, a later run gives that file back and lists the changes since, and --replace records a new export once the headteacher has told payroll$/);
  });
});
