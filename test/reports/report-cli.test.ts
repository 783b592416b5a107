import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROSTER, seedSchool } from './report-cli-seed';
import { adminWorkspace } from '../support/admin-cli';

// The report, export and retention commands run as a user runs them: a child process on a seeded store.
const ws = adminWorkspace('report-cli-');
const { data, admin, file } = ws;
const IDENTIFYING = ROSTER.flatMap((p) => [p.name, ...p.name.split(' '), p.email, p.staffId, p.id]);

beforeAll(async () => {
  ws.open();
  await seedSchool(data());
});
afterAll(() => ws.close());

describe('admin report, export and retention (R-RPT-1, R-RPT-2, R-RPT-3, R-PAY-1, R-PRV-1, R-PRV-2)', () => {
  jest.setTimeout(60_000);

  it('R-RPT-1: the governors report as HTML and CSV names no one on the roster', async () => {
    const html = await admin('report', 'governors', '--school', 'school-1', '--cycle', '2025', '--threshold', '12', '--today', '2026-11-01');
    expect(html.code).toBe(0);
    expect(html.stdout).toMatch(/<html/);
    const csv = await admin('report', 'governors', '--school', 'school-1', '--cycle', '2025', '--format', 'csv', '--out', path.join(ws.dir(), 'gov.csv'), '--today', '2026-11-01');
    expect(csv.stdout).toMatch(/^Wrote the governors’ report to /);
    const text = readFileSync(path.join(ws.dir(), 'gov.csv'), 'utf8');
    expect(text.length).toBeGreaterThan(100);
    for (const term of IDENTIFYING) for (const out of [html.stdout, text]) expect(out).not.toContain(term);
  });

  it('R-PAY-1: payroll is refused before the data-ready date and is one approved increment after it', async () => {
    const points = file('points.csv', 'staffId,currentPoint\nOAK-101,4\n');
    const early = await admin('report', 'payroll', '--school', 'school-1', '--cycle', '2025', '--points', points, '--today', '2026-11-30');
    expect(early.code).toBe(2);
    expect(early.stderr.trim()).toBe('Pay data can go to payroll from Tuesday 1 December 2026.');
    const csv = await admin('report', 'payroll', '--school', 'school-1', '--cycle', '2025', '--points', points, '--today', '2026-12-01');
    expect(csv.code).toBe(0);
    expect(csv.stdout.trim().split(/\r?\n/)).toEqual(['Staff ID,Current point,Recommendation,New point,Effective date', 'OAK-101,4,increment,5,2027-04-01']);
  });

  it('R-RPT-3: the CPD summary and R-RPT-2: the sample name no one', async () => {
    const cpd = await admin('report', 'cpd', '--school', 'school-1', '--cycle', '2025', '--today', '2026-11-01');
    expect(cpd.stdout).toMatch(/^Kind,Text,Staff/);
    expect(cpd.stdout).toMatch(/Phonics training/);
    const sample = await admin('report', 'sample', '--school', 'school-1', '--cycle', '2025', '--size', '3');
    expect(sample.code).toBe(0);
    expect((JSON.parse(sample.stdout) as { kind: string }[]).map((s) => s.kind)).toEqual(['planning', 'review']);
    for (const term of IDENTIFYING) expect(sample.stdout + cpd.stdout).not.toContain(term);
  });

  it('R-PRV-1: the subject access export holds the person’s own data and no other person’s name', async () => {
    const json = await admin('export', 'person', '--school', 'school-1', '--person', 'p-alex');
    const x = JSON.parse(json.stdout) as { person: { name: string }; cases: { revieweeId: string }[]; audit: unknown[] };
    expect(x.person.name).toBe('Alex Morgan');
    expect(x.cases.map((c) => c.revieweeId)).toEqual(['p-alex']);
    expect(x.audit.length).toBeGreaterThan(10);
    const html = await admin('export', 'person', '--school', 'school-1', '--person', 'p-alex', '--format', 'html');
    expect(html.stdout).toMatch(/Appraisal records held about Alex Morgan/);
    for (const out of [json.stdout, html.stdout]) for (const name of ['Priya Lockwood', 'Jordan Ellis']) expect(out).not.toContain(name);
  });

  // Run side by side: each is a separate process start.
  it.concurrent.each([
    ['a missing cycle', ['report', 'governors', '--school', 'school-1'], /^--cycle is required$/],
    ['a bad format', ['report', 'governors', '--school', 'school-1', '--cycle', '2025', '--format', 'pdf'], /^--format must be html or csv$/],
    ['a threshold below the school’s', ['report', 'governors', '--school', 'school-1', '--cycle', '2025', '--threshold', '2'], /^--threshold can only raise the school’s threshold of 10 for one run, never lower it/],
    ['a threshold that is not a number', ['report', 'governors', '--school', 'school-1', '--cycle', '2025', '--threshold', 'ten'], /^--threshold: The report threshold must be a whole number from 5 to 100\.$/],
    ['payroll without pay points', ['report', 'payroll', '--school', 'school-1', '--cycle', '2024', '--today', '2026-12-01'], /--points/],
    ['an unknown person', ['export', 'person', '--school', 'school-1', '--person', 'p-nobody'], /^there is no person with id p-nobody/],
    ['an unknown school', ['retention', '--school', 'nowhere'], /^there is no school with id nowhere$/],
  ])('R-PRV-1: %s exits with code 2 and one line on stderr', async (_what, args, message) => {
    const r = await admin(...args);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(message);
  });

  it('R-PRV-2: a case is kept on the last day of year six and destroyed the day after', async () => {
    const kept = await admin('retention', '--school', 'school-1', '--today', '2032-08-31', '--json');
    const noEquality = { expired: [], destroyed: 0 };
    expect(JSON.parse(kept.stdout)).toEqual({ expired: [], destroyed: 0, equality: noEquality });
    const dry = await admin('retention', '--school', 'school-1', '--today', '2032-09-01', '--dry-run', '--json');
    expect((JSON.parse(dry.stdout) as { expired: { keptUntil: string }[]; destroyed: number })).toEqual({ expired: [expect.objectContaining({ keptUntil: '2032-08-31' })], destroyed: 0, equality: noEquality });
    const gone = await admin('retention', '--school', 'school-1', '--today', '2032-09-01', '--json');
    expect((JSON.parse(gone.stdout) as { destroyed: number }).destroyed).toBeGreaterThanOrEqual(1);
    expect(JSON.parse((await admin('retention', '--school', 'school-1', '--today', '2032-09-01', '--dry-run', '--json')).stdout)).toEqual({ expired: [], destroyed: 0, equality: noEquality });
  });
});
