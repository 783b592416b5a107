import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseCaseState } from '../../services/case';
import { openStore } from '../../storage/open-store';
import { adminWorkspace } from '../support/admin-cli';
import { seedSchool } from './report-cli-seed';

// `school report-threshold N [--school ID]` and the governors' report's --threshold, run as a user runs them: a
// child process over a real SQLite file (R-RPT-1: "default 10, school-configurable"). A bad value is refused
// with one clear line and nothing stored; the report counts with the school's number, and a one-run --threshold
// may raise it but never go below it.
const ws = adminWorkspace('report-threshold-cli-');
const { data, admin } = ws;

/** The school's settings as stored in the SQLite file, read back without the admin command. */
async function storedSettings(schoolId = 'school-1'): Promise<Record<string, unknown>> {
  const store = await openStore({ kind: 'embedded', dataDir: data() }, parseCaseState);
  try {
    return ((await store.schools.get(schoolId))?.settings ?? {}) as Record<string, unknown>;
  } finally {
    await store.close();
  }
}

const governors = (...extra: string[]) => admin('report', 'governors', '--school', 'school-1', '--cycle', '2025', '--today', '2026-11-01', '--json', ...extra);
const thresholdOf = (run: { stdout: string }) => (JSON.parse(run.stdout) as { threshold: number }).threshold;

beforeAll(async () => {
  ws.open();
  await seedSchool(data());
}, 60_000);
afterAll(() => ws.close());

describe('the governors’ report threshold from the admin command (R-RPT-1)', () => {
  jest.setTimeout(60_000);

  it('R-RPT-1: a school without a setting counts with 10; once set, the report counts with its number', async () => {
    expect(thresholdOf(await governors())).toBe(10);
    const set = await admin('school', 'report-threshold', '6', '--school', 'school-1');
    expect(set.code).toBe(0);
    expect(set.stdout.trim()).toBe('The governors’ report at Oakfield Primary now hides any count below 6.');
    expect(await storedSettings()).toMatchObject({ reportThreshold: 6 });
    expect(thresholdOf(await governors())).toBe(6);
    const csv = await admin('report', 'governors', '--school', 'school-1', '--cycle', '2025', '--today', '2026-11-01', '--format', 'csv');
    expect(csv.stdout).toContain('Not shown: below 6 (0 included)');
  });

  it.each([
    ['4, which could identify people', ['4'], /^The report threshold must be at least 5: in a smaller group, people could be identified\. Nothing was changed\.$/],
    ['101', ['101'], /^The report threshold must be at most 100\. Nothing was changed\.$/],
    ['a fraction', ['7.5'], /^The report threshold must be a whole number from 5 to 100\. Nothing was changed\.$/],
    ['a word', ['ten'], /^The report threshold must be a whole number from 5 to 100\. Nothing was changed\.$/],
    ['no number at all', [], /^usage: admin school report-threshold N \[--school ID\]/],
  ])('R-RPT-1: %s is refused with one line, exit code 2, and the setting stays as it was', async (_what, value, message) => {
    const r = await admin('school', 'report-threshold', ...value, '--school', 'school-1');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(message);
    expect(await storedSettings()).toMatchObject({ reportThreshold: 6 });
  });

  it('R-RPT-1: --school may be left out while the data folder holds one school, and is needed once there are two', async () => {
    const only = await admin('school', 'report-threshold', '12', '--json');
    expect(only.code).toBe(0);
    expect(JSON.parse(only.stdout)).toEqual({ schoolId: 'school-1', reportThreshold: 12 });
    expect(await storedSettings()).toMatchObject({ reportThreshold: 12 });

    expect((await admin('school', 'create', '--id', 'elm', '--name', 'Elm Grove School', '--preset', 'spt')).code).toBe(0);
    const either = await admin('school', 'report-threshold', '7');
    expect(either.code).toBe(2);
    expect(either.stderr.trim()).toBe('--school is required: there are 2 schools here');
    expect(await storedSettings()).toMatchObject({ reportThreshold: 12 });
    expect(await storedSettings('elm')).not.toHaveProperty('reportThreshold');
    expect((await admin('school', 'report-threshold', '7', '--school', 'nowhere')).stderr.trim()).toBe('there is no school with id nowhere');
  });

  it('R-RPT-1: --threshold for one run may raise the school’s number, never go below it; nothing is written when refused', async () => {
    expect((await admin('school', 'report-threshold', '8', '--school', 'school-1')).code).toBe(0);
    expect(thresholdOf(await governors('--threshold', '8'))).toBe(8);
    expect(thresholdOf(await governors('--threshold', '15'))).toBe(15);

    const out = path.join(ws.dir(), 'lower.html');
    const lower = await governors('--threshold', '7', '--out', out);
    expect(lower.code).toBe(2);
    expect(lower.stderr.trim()).toBe('--threshold can only raise the school’s threshold of 8 for one run, never lower it: in smaller groups people could be identified. Nothing was written.');
    expect(lower.stdout).toBe('');
    expect(existsSync(out)).toBe(false);

    const tooHigh = await governors('--threshold', '101');
    expect(tooHigh.code).toBe(2);
    expect(tooHigh.stderr.trim()).toBe('--threshold: The report threshold must be at most 100.');
    expect(thresholdOf(await governors())).toBe(8);
  });
});
