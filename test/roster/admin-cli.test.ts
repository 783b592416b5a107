import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runAdmin, runAdminWith } from '../support/admin-cli';
import { csv, fullRoster, ROWS } from './roster-fixtures';

// The admin command run as a user runs it: a child process on a temporary embedded store.
let dir: string;

const admin = (...args: string[]) => runAdmin(path.join(dir, 'data'), ...args);
const adminWith = (env: Record<string, string>, ...args: string[]) => runAdminWith(env, path.join(dir, 'data'), ...args);
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'admin-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('admin command (R-ROLE-1, R-ROLE-3, R-OBJ-2)', () => {
  jest.setTimeout(60_000);

  it('sets up a school end to end: create, dry run, import, repeat, leavers, reviewer, closures, priorities, reports', async () => {
    expect((await admin('school', 'create', '--id', 'oakfield', '--name', 'Oakfield Primary', '--preset', 'test-valley', '--teams-tenant', 'tenant-oak')).code).toBe(0);

    const roster = file('roster.csv', fullRoster());
    const dry = await admin('roster', 'import', '--school', 'oakfield', '--file', roster, '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect((JSON.parse(dry.stdout) as { added: unknown[] }).added).toHaveLength(4);
    expect(JSON.parse((await admin('people', '--school', 'oakfield', '--json')).stdout)).toEqual([]);

    const imported = (await admin('roster', 'import', '--school', 'oakfield', '--file', roster, '--today', '2026-11-25')).stdout;
    expect(imported).toMatch(/^Added 4, changed 0, marked 0 as leaving/);
    expect(imported).toMatch(/For the headteacher:\n- Ivy Strand's contract is under a year/);
    expect((await admin('roster', 'import', '--school', 'oakfield', '--file', roster)).stdout).toMatch(/^Added 0, changed 0, marked 0 as leaving; 4 unchanged/);
    const left = await admin('roster', 'import', '--school', 'oakfield', '--file', file('less.csv', csv(ROWS.head, ROWS.sbm, ROWS.ta)), '--today', '2027-01-04', '--json');
    expect((JSON.parse(left.stdout) as { leavers: { id: string; leftOn: string }[] }).leavers).toEqual([expect.objectContaining({ id: 'oakfield-of4', leftOn: '2027-01-04' })]);

    const set = await admin('reviewer', 'set', '--school', 'oakfield', '--person', 'oakfield-of3', '--reviewer', 'oakfield-of1', '--json');
    expect(JSON.parse(set.stdout)).toEqual({ personId: 'oakfield-of3', reviewerId: 'oakfield-of1', warnings: [] });
    const stored = JSON.parse((await admin('people', '--school', 'oakfield', '--json')).stdout) as { id: string; reviewerId?: string }[];
    expect(stored.find((p) => p.id === 'oakfield-of3')?.reviewerId).toBe('oakfield-of1');

    const closures = await admin('school', 'closures', '--school', 'oakfield', '--file', file('c.json', JSON.stringify({ closures: [{ from: '2027-01-05', to: '2027-01-05', name: 'INSET day' }] })), '--json');
    expect(JSON.parse(closures.stdout)).toEqual([{ from: '2027-01-05', to: '2027-01-05', name: 'INSET day' }]);
    const priorities = await admin('school', 'priorities', '--school', 'oakfield', '--file', file('p.json', JSON.stringify({ priorities: ['Reading'], focusAreas: ['Teamwork'] })), '--add', 'Attendance', '--json');
    expect(JSON.parse(priorities.stdout)).toEqual({ priorities: [{ id: 'P1', title: 'Reading' }, { id: 'P2', title: 'Attendance' }], focusAreas: ['Teamwork'] });

    const unreachable = JSON.parse((await admin('unreachable', '--school', 'oakfield', '--json')).stdout) as Record<string, string[]>;
    expect(unreachable).toEqual({ teams: ['oakfield-of2', 'oakfield-of3'], slack: ['oakfield-of1', 'oakfield-of3'], neither: ['oakfield-of3'] });
    const people = await admin('people', '--school', 'oakfield');
    expect(people.stdout).toMatch(/oakfield-of4 .* 2027-01-04/);
  });

  it.each([
    ['an unknown command', ['frobnicate'], /^usage: admin/],
    ['an unknown option', ['people', '--school', 'x', '--colour'], /Unknown option '--colour'/],
    ['a missing option', ['roster', 'import', '--file', 'x.csv'], /^--school is required$/],
    ['an unknown preset', ['school', 'create', '--id', 'elm', '--name', 'Elm', '--preset', 'gold'], /^--preset must be one of test-valley, propeller, spt, hampshire-model$/],
    ['an unknown school', ['people', '--school', 'nowhere'], /^there is no school with id nowhere$/],
    ['a date that does not exist', ['school', 'statement-date', '--school', 'oakfield', '--date', '2027-02-30'], /^--date must be a real date/],
    ["another school's Teams tenant", ['school', 'create', '--id', 'elm', '--name', 'Elm', '--preset', 'spt', '--teams-tenant', 'tenant-oak'], /^Teams tenant tenant-oak already belongs to another school$/],
  ])('R-ROLE-1: %s exits with code 2 and one line on stderr', async (_what, args, message) => {
    const r = await admin(...args);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(message);
  });

  it('an invalid roster lists each problem with its line, exits 2 and writes nothing', async () => {
    await admin('school', 'create', '--id', 'elmbrook', '--name', 'Elmbrook School', '--preset', 'spt');
    const bad = file('bad.csv', csv(ROWS.head, ROWS.sbm.replace(',OF1,', ',OF9,')));
    const r = await admin('roster', 'import', '--school', 'elmbrook', '--file', bad);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/3\s+line manager OF9 is not in the roster/);
    expect(r.stderr.trim()).toBe('The roster has 1 problem; nothing was imported.');
    expect(JSON.parse((await admin('people', '--school', 'elmbrook', '--json')).stdout)).toEqual([]);
  });

  it('R-ROLE-1: a refused delegation exits 2 with the reason', async () => {
    await admin('school', 'create', '--id', 'ashgrove', '--name', 'Ashgrove', '--preset', 'propeller');
    await admin('roster', 'import', '--school', 'ashgrove', '--file', file('a.csv', fullRoster()));
    const r = await admin('reviewer', 'set', '--school', 'ashgrove', '--person', 'ashgrove-of3', '--reviewer', 'ashgrove-of4');
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/Corin Vale cannot review Ivy Strand/);
  });

  it('R-CHAT-4: slack link looks each unlinked person up by email on the Slack Web API and links those found', async () => {
    // A fake Slack Web API on loopback, since the command runs in its own process.
    const requests: { auth: string | undefined; body: string }[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        requests.push({ auth: req.headers.authorization, body });
        const email = new URLSearchParams(body).get('email');
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(email === 'ivy.strand@example.org' ? { ok: true, user: { id: 'U-IVY', team_id: 'T-ASH' } } : { ok: false, error: 'users_not_found' }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
    await admin('school', 'create', '--id', 'birchley', '--name', 'Birchley', '--preset', 'hampshire-model', '--slack-team', 'T-ASH');
    await admin('roster', 'import', '--school', 'birchley', '--file', file('b.csv', csv(ROWS.head, ROWS.sbm, ROWS.ta)));
    const r = await adminWith({ SLACK_BOT_TOKEN: 'xoxb-fake', SLACK_API_URL: url }, 'slack', 'link', '--school', 'birchley', '--json');
    server.close();
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ linked: ['birchley-of3'], notFound: ['birchley-of1'], otherWorkspace: [] });
    expect(requests.map((q) => [q.auth, new URLSearchParams(q.body).get('email')])).toEqual([['Bearer xoxb-fake', 'hattie.quill@example.org'], ['Bearer xoxb-fake', 'ivy.strand@example.org']]);
    const missingToken = await adminWith({ SLACK_BOT_TOKEN: '' }, 'slack', 'link', '--school', 'birchley');
    expect([missingToken.code, missingToken.stderr.trim()]).toEqual([2, 'SLACK_BOT_TOKEN must be set to look people up in Slack']);
  });
});

describe('admin cycle launch (R-CYC-1, R-ELG-1)', () => {
  jest.setTimeout(60_000);

  it('R-CYC-1: a dry run lists who is in and who is left out; the launch opens cases once', async () => {
    expect((await admin('school', 'create', '--id', 'launchers', '--name', 'Launch Lane School', '--preset', 'test-valley')).code).toBe(0);
    expect((await admin('roster', 'import', '--school', 'launchers', '--file', file('launch.csv', fullRoster()), '--today', '2026-03-02')).code).toBe(0);
    const dry = await admin('cycle', 'launch', '--school', 'launchers', '--cycle', '2026', '--dry-run', '--json', '--today', '2026-03-02');
    expect(dry.code).toBe(0);
    const planned = JSON.parse(dry.stdout) as { dryRun: boolean; included: { personId: string; end: string }[]; excluded: { code: string }[] };
    expect(planned.dryRun).toBe(true);
    // The head is left out; the fixed-term TA's contract ended in 2025, before this cycle, so is left out too.
    expect(planned.excluded.map((e) => e.code).sort()).toEqual(['headteacher', 'left']);
    expect(planned.included.length).toBe(2);
    const launched = await admin('cycle', 'launch', '--school', 'launchers', '--cycle', '2026', '--json', '--today', '2026-03-02');
    expect((JSON.parse(launched.stdout) as { opened: unknown[] }).opened.length).toBe(2);
    const again = await admin('cycle', 'launch', '--school', 'launchers', '--cycle', '2026', '--json', '--today', '2026-03-03');
    expect((JSON.parse(again.stdout) as { opened: unknown[] }).opened.length).toBe(0);
  });

  it('R-CYC-1: an unknown school or a bad year is one clear line and exit code 2', async () => {
    const unknown = await admin('cycle', 'launch', '--school', 'nowhere');
    expect([unknown.code, unknown.stderr.trim()]).toEqual([2, 'there is no school with id nowhere']);
    const year = await admin('cycle', 'launch', '--school', 'launchers', '--cycle', 'soon');
    expect([year.code, year.stderr.trim()]).toEqual([2, '--cycle must be a year, e.g. 2026']);
  });
});
