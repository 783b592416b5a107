import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// The policy command run as a school runs it before go-live: a child process, its stdout, stderr and exit code.
const root = path.resolve(__dirname, '../..');
const TSX = path.join(root, 'node_modules', '.bin', 'tsx');
interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const run = (command: string, args: string[]): Promise<Run> =>
  new Promise((resolve) => {
    execFile(command, args, { cwd: root, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
const policy = (...args: string[]) => run(TSX, ['bot/cli/policy.cli.ts', ...args]);

// Written once, before any test runs: the tests below run side by side and only read these files.
const dir = mkdtempSync(path.join(tmpdir(), 'policy-cli-'));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};
const CLOSURES = JSON.stringify({
  closures: [
    { from: '2026-12-21', to: '2027-01-01', name: 'Christmas holidays' },
    { from: '2027-01-04', to: '2027-01-04', name: 'INSET day' },
  ],
});
const EXAMPLE = ['deadline', '--preset', 'test-valley', '--rule', 'appeal.informal', '--from', '2026-12-17'];

const PATHS = {
  CLOSURES: file('closures.json', CLOSURES),
  MISSING: path.join(dir, 'missing.json'),
  NOTJSON: file('not.json', 'closures: none'),
  BAD: file('bad.json', '{"closures":[{"from":"2026-12-21","to":"2026-12-01","name":"Christmas"}]}'),
};
const TIMEOUT = 60_000;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('policy command: answers (R-CAL-1, R-DL-1, R-CYC-1, R-CYC-4)', () => {
  it.concurrent('R-DL-1: the issue’s example through npm: informal appeal from 17 December 2026 is due 5 January 2027', async () => {
    const out = await run('npm', ['run', '--silent', 'policy', '--', ...EXAMPLE]);
    expect([out.code, out.stdout]).toEqual([0, '{"preset":"test-valley","rule":"appeal.informal","from":"2026-12-17","due":"2027-01-05","workingDays":10}\n']);
  }, TIMEOUT);

  it.concurrent('R-DL-3: a “before” rule has negative working days', async () => {
    const out = await policy('deadline', '--preset', 'spt', '--rule', 'meeting.papers', '--from', '2027-01-05');
    expect([out.code, JSON.parse(out.stdout), out.stderr]).toEqual([0, { preset: 'spt', rule: 'meeting.papers', from: '2027-01-05', due: '2026-12-24', workingDays: -5 }, '']);
  }, TIMEOUT);

  it.concurrent('R-CAL-1: a closures file given on the command line counts, unless --closures-count no', async () => {
    const closures = PATHS.CLOSURES;
    const counted = await policy(...EXAMPLE, '--closures', closures);
    const notCounted = await policy(...EXAMPLE, '--closures', closures, '--closures-count', 'no');
    expect([counted.code, JSON.parse(counted.stdout).due]).toEqual([0, '2027-01-15']);
    expect([notCounted.code, JSON.parse(notCounted.stdout).due]).toEqual([0, '2027-01-05']);
  }, TIMEOUT);

  it.concurrent('R-CYC-4: a test-valley September joiner: the current cycle, reduced objectives, in exactly the contract’s fields', async () => {
    const out = await policy('cycle', '--preset', 'test-valley', '--start', '2026-09-15');
    const answer = JSON.parse(out.stdout) as Record<string, unknown>;
    expect(Object.keys(answer)).toEqual(['eligible', 'start', 'end', 'objectiveLimit', 'reducedObjectives', 'phases']);
    expect(answer).toEqual(expect.objectContaining({ eligible: true, start: '2026-09-15', end: '2027-02-28', objectiveLimit: 2, reducedObjectives: true }));
    expect((answer.phases as { name: string }[]).map((p) => p.name)).toEqual(['planning', 'interim', 'final']);
  }, TIMEOUT);

  it.concurrent.each([
    [['--preset', 'hampshire-model', '--start', '2026-09-01', '--status', 'induction'], 'Staff in formal induction are not in the scheme.'],
    [['--preset', 'test-valley', '--start', '2026-09-01', '--contract-end', '2026-11-22'], 'Contracts of less than one term are not in the scheme.'],
  ])('R-ELG-1: cycle %j is not in the scheme, with the reason', async (args, reason) => {
    const out = await policy('cycle', ...args);
    expect([out.code, JSON.parse(out.stdout)]).toEqual([0, expect.objectContaining({ eligible: false, reason, phases: [] })]);
  }, TIMEOUT);

  it.concurrent('R-CYC-1: a propeller school on a September cycle: final review July and August', async () => {
    const out = await policy('cycle', '--preset', 'propeller', '--cycle-start-month', '9', '--start', '2026-09-01');
    expect(JSON.parse(out.stdout)).toEqual(expect.objectContaining({ end: '2027-08-31', phases: expect.arrayContaining([{ name: 'final', from: '2027-07-01', to: '2027-08-31' }]) }));
  }, TIMEOUT);

  it.concurrent('R-CAL-2: the timeline is a table with dates in words, fixed dates in date order', async () => {
    const out = await policy('timeline', '--preset', 'hampshire-model', '--cycle-year', '2026');
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^Planning \(objectives\)\s+Tuesday 1 September 2026\s+Saturday 31 October 2026$/m);
    expect(out.stdout).toMatch(/^Final review\s+Wednesday 1 September 2027\s+Friday 31 December 2027$/m);
    const fixed = out.stdout.split('\n').filter((l) => / (payroll\.data-ready|statement\.issue|pay\.effective)$/.test(l));
    expect(fixed.map((l) => l.replace(/\s{2,}/g, ' | '))).toEqual([
      'Have pay progression data ready for payroll | Wednesday 1 December 2027 | payroll.data-ready',
      'Give the written review statement | Friday 31 December 2027 | statement.issue',
      'Pay change takes effect | Saturday 1 April 2028 | pay.effective',
    ]);
  }, TIMEOUT);

  it.concurrent('R-CYC-1: timeline --json gives the phases and fixed dates as data', async () => {
    const out = await policy('timeline', '--preset', 'test-valley', '--cycle-year', '2027', '--json');
    expect(JSON.parse(out.stdout)).toEqual(expect.objectContaining({ start: '2027-03-01', end: '2028-02-29', dates: [expect.objectContaining({ rule: 'pay.effective', due: '2028-04-01' })] }));
  }, TIMEOUT);

  it.concurrent('R-CAL-1: --help documents every option, --closures-count included', async () => {
    const out = await policy('--help');
    expect([out.code, out.stderr]).toEqual([0, '']);
    for (const option of ['--preset', '--rule', '--from', '--start', '--contract-end', '--status', '--cycle-year', '--cycle-start-month', '--closures ', '--closures-count', '--json']) {
      expect(out.stdout).toContain(option);
    }
  }, TIMEOUT);
});

describe('policy command: bad input exits 2 with one line on stderr and nothing on stdout', () => {
  jest.setTimeout(60_000);
  it.concurrent.each([
    ['unknown preset', ['deadline', '--preset', 'oakfield', '--rule', 'appeal.informal', '--from', '2026-12-17'], /no policy preset called "oakfield"/],
    ['unknown rule', ['deadline', '--preset', 'spt', '--rule', 'appeal.bogus', '--from', '2026-12-17'], /no deadline rule "appeal\.bogus"/],
    ['a rule the preset does not have', ['deadline', '--preset', 'propeller', '--rule', 'statement.issue', '--from', '2026-12-17'], /propeller policy has no "statement\.issue" deadline/],
    ['a date that does not exist', ['deadline', '--preset', 'spt', '--rule', 'appeal.informal', '--from', '2026-02-30'], /--from must be a real date written YYYY-MM-DD, not "2026-02-30"/],
    ['a UK-style date', ['cycle', '--preset', 'spt', '--start', '01/09/2026'], /--start must be a real date/],
    ['a missing date', ['deadline', '--preset', 'spt', '--rule', 'appeal.informal'], /--from is needed/],
    ['an option with no value', ['deadline', '--preset', 'spt', '--rule', 'appeal.informal', '--from'], /--from needs a value/],
    ['a closures file that is not there', ['deadline', '--preset', 'spt', '--rule', 'appeal.informal', '--from', '2026-12-17', '--closures', 'MISSING'], /Cannot read the closures file .*missing\.json: there is no such file/],
    ['a closures file that is not JSON', ['timeline', '--preset', 'spt', '--cycle-year', '2026', '--closures', 'NOTJSON'], /not\.json is not JSON/],
    ['a closure that ends before it starts', ['deadline', '--preset', 'spt', '--rule', 'appeal.informal', '--from', '2026-12-17', '--closures', 'BAD'], /bad\.json is not right at closures\.0\.to: ends before it starts/],
    ['--closures-count with no file', ['deadline', '--preset', 'spt', '--rule', 'appeal.informal', '--from', '2026-12-17', '--closures-count', 'yes'], /needs a closures file/],
    ['unknown command', ['deadlines', '--preset', 'spt'], /Unknown command "deadlines"/],
    ['no command', [], /Say what to check/],
    ['unknown option', ['timeline', '--preset', 'spt', '--cycle-year', '2026', '--colour'], /Unknown option --colour for timeline/],
    ['another command’s option', ['cycle', '--preset', 'spt', '--start', '2026-09-01', '--rule', 'appeal.informal'], /Unknown option --rule for cycle/],
    ['a stray argument', ['cycle', '--preset', 'spt', '--start', '2026-09-01', 'now'], /Unexpected "now"/],
    ['an unknown status', ['cycle', '--preset', 'spt', '--start', '2026-09-01', '--status', 'sick'], /--status must be one of none, induction/],
    ['a start month the policy does not allow', ['cycle', '--preset', 'test-valley', '--start', '2026-09-01', '--cycle-start-month', '9'], /cycle starts in March, not September/],
    ['a month that is not one', ['timeline', '--preset', 'propeller', '--cycle-year', '2026', '--cycle-start-month', '13'], /--cycle-start-month must be a month number/],
    ['a two-digit year', ['timeline', '--preset', 'spt', '--cycle-year', '26'], /--cycle-year must be a year written YYYY/],
  ])('R-CAL-1: %s', async (_why, args, message) => {
    const out = await policy(...args.map((a) => PATHS[a as keyof typeof PATHS] ?? a));
    expect({ code: out.code, stdout: out.stdout, lines: out.stderr.split('\n').filter(Boolean).length }).toEqual({ code: 2, stdout: '', lines: 1 });
    expect(out.stderr).toMatch(message);
  }, TIMEOUT);
});
