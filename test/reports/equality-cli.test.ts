import path from 'node:path';
import Database from 'better-sqlite3';
import { parseCaseState } from '../../services/case';
import { personSchema } from '../../services/people/person.schema';
import type { EqualityRecord } from '../../services/ports/store.port';
import { EMBEDDED_FILE, openStore } from '../../storage/open-store';
import { adminWorkspace } from '../support/admin-cli';

// The equality commands, and the export and retention commands on stored answers, run as a school runs them: a
// child process on a real SQLite file (R-RPT-1, R-PRV-1, R-PRV-2). Invented people only. Everything printed is a
// count, a person id or a staff id: no answer ever, which each test checks against every answer word.

const ws = adminWorkspace('equality-cli-');
const { data, admin, file } = ws;

const SCHOOL = 'oakfield';
const person = (id: string, name: string, staffId: string, leftOn: string | null = null) =>
  personSchema.parse({ id, schoolId: SCHOOL, staffId, name, email: `${id.slice(2)}@oakfield.example`, startDate: '2015-09-01', leftOn });
const ROSTER = [
  person('p-alex', 'Alex Morgan', 'OAK-101'),
  person('p-priya', 'Priya Lockwood', 'OAK-102'),
  person('p-nadia', 'Nadia Okonkwo', 'OAK-103', '2026-08-31'),
  person('p-tomasz', 'Tomasz Fairweather', 'OAK-104'),
];
/** Priya answered in chat before the HR file came. */
const PRIYA_OWN: EqualityRecord = { schoolId: SCHOOL, personId: 'p-priya', answers: { gender: 'woman', ethnicity: 'asian' }, source: 'self', updatedAt: '2026-10-01T08:00:00.000Z' };
const HR_FILE = ['staffId,gender,ethnicity,ageBand', 'OAK-101,Man,White,35-44', 'oak-102,man,black,', 'OAK-103,non-binary,mixed,55-64', 'OAK-104,,,', 'OAK-999,woman,,', 'OAK-998,,other,'].join('\n');
// Every word an answer could be printed as: none may appear in what the commands print.
const ANSWER_WORDS = /\b(woman|man|non-binary|white|black|asian|mixed|35-44|55-64|35 to 44|55 to 64)\b/i;

async function withStore<T>(use: (store: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
  const store = await openStore({ kind: 'embedded', dataDir: data() }, parseCaseState);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}
const stored = () => withStore((s) => s.equality.listForSchool(SCHOOL));
const auditOutsideCases = () => {
  const db = new Database(path.join(data(), EMBEDDED_FILE), { readonly: true });
  try {
    return db.prepare<[], { doc: string }>('SELECT doc FROM audit WHERE case_id IS NULL ORDER BY at, id').all().map((r) => JSON.parse(r.doc) as { action: string; actorId: string });
  } finally {
    db.close();
  }
};

beforeEach(async () => {
  ws.open();
  await withStore(async (store) => {
    await store.schools.save({ id: SCHOOL, name: 'Oakfield Primary', presetId: 'hampshire-model', settings: {}, teamsTenantIds: [], slackTeamIds: [], version: 0 }, null);
    for (const p of ROSTER) await store.people.upsert(p);
    await store.equality.put(PRIYA_OWN);
  });
});
afterEach(() => ws.close());

describe('admin equality import and summary (R-RPT-1)', () => {
  jest.setTimeout(60_000);

  it('R-RPT-1: a dry run stores nothing; the import stores the HR file, keeps answers people gave themselves and lists staff ids not on the roster', async () => {
    const hr = file('hr.csv', HR_FILE);
    const dry = await admin('equality', 'import', hr, '--school', SCHOOL, '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toEqual({ dryRun: true, stored: 2, keptOwnAnswers: 1, blankRows: 1, removed: 0, notOnRoster: ['OAK-998', 'OAK-999'] });
    expect(await stored()).toEqual([PRIYA_OWN]);

    const run = await admin('equality', 'import', hr, '--school', SCHOOL, '--today', '2026-11-02');
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual([
      'Stored the answers of 2 people from the HR file.',
      'Kept the answers of 1 person who gave their own in chat: the HR file never changes those.',
      '1 row has no answers, so nothing is stored for it.',
      '2 staff ids are not on the staff list, so nothing was stored for them. Please check the file: OAK-998, OAK-999',
    ]);
    expect(run.stdout + run.stderr).not.toMatch(ANSWER_WORDS);
    expect(await stored()).toEqual([
      { schoolId: SCHOOL, personId: 'p-alex', answers: { gender: 'man', ethnicity: 'white', ageBand: '35-44' }, source: 'import', updatedAt: '2026-11-02T12:00:00.000Z' },
      { schoolId: SCHOOL, personId: 'p-nadia', answers: { gender: 'non-binary', ethnicity: 'mixed', ageBand: '55-64' }, source: 'import', updatedAt: '2026-11-02T12:00:00.000Z' },
      PRIYA_OWN,
    ]);
    const audit = auditOutsideCases();
    expect(audit.map((e) => [e.actorId, e.action])).toEqual([['admin', 'equality.import stored=2 kept=1 removed=0']]);

    const summary = await admin('equality', 'summary', '--school', SCHOOL);
    expect(summary.stdout.trim().split('\n')).toEqual([
      'Equality answers at Oakfield Primary, of 4 people on the staff list:',
      '- given by the person in chat: 1',
      '- from the HR file: 2',
      '- none: 1',
    ]);
    expect(JSON.parse((await admin('equality', 'summary', '--school', SCHOOL, '--json')).stdout)).toEqual({ onRoster: 4, fromThemselves: 1, fromHrFile: 2, none: 1 });
  });

  it('R-RPT-1: a later file with a blank row takes away that person’s imported answers, never their own', async () => {
    await admin('equality', 'import', '--file', file('hr.csv', HR_FILE), '--school', SCHOOL);
    const later = await admin('equality', 'import', file('later.csv', 'staffId,gender\nOAK-101,\nOAK-102,\n'), '--school', SCHOOL, '--json');
    expect(JSON.parse(later.stdout)).toEqual({ dryRun: false, stored: 0, keptOwnAnswers: 1, blankRows: 1, removed: 1, notOnRoster: [] });
    expect((await stored()).map((r) => [r.personId, r.source, r.answers])).toEqual([['p-alex', 'import', {}], ['p-nadia', 'import', expect.objectContaining({ gender: 'non-binary' })], ['p-priya', 'self', PRIYA_OWN.answers]]);
    expect(JSON.parse((await admin('equality', 'summary', '--school', SCHOOL, '--json')).stdout)).toEqual({ onRoster: 4, fromThemselves: 1, fromHrFile: 1, none: 2 });
  });

  it('R-RPT-1: a bad file is refused whole, naming the line and column, and nothing is stored', async () => {
    const bad = file('bad.csv', 'staffId,gender,disability\nOAK-101,man,no\nOAK-103,woman,\nOAK-104,woman,Sometimes\n');
    const r = await admin('equality', 'import', bad, '--school', SCHOOL);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('Line 4 of the equality file, column disability: the answers allowed are yes, no, prefer-not-to-say, or a blank. Nothing was stored.');
    expect(r.stderr).not.toMatch(/sometimes/i);
    expect(await stored()).toEqual([PRIYA_OWN]);
    expect(auditOutsideCases()).toEqual([]);
  });

  it.each([
    ['no subcommand', ['equality', '--school', SCHOOL], /^usage: admin equality import FILE\.csv/],
    ['no file', ['equality', 'import', '--school', SCHOOL], /^usage: admin equality import FILE\.csv/],
    ['a file that cannot be read', ['equality', 'import', 'no-such-file.csv', '--school', SCHOOL], /^cannot read file no-such-file\.csv$/],
    ['an unknown school', ['equality', 'summary', '--school', 'nowhere'], /^there is no school with id nowhere$/],
  ])('R-RPT-1: %s exits with code 2 and one line on stderr', async (_what, args, message) => {
    const r = await admin(...args);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(message);
  });
});

describe('stored equality answers in subject access and retention (R-PRV-1, R-PRV-2)', () => {
  jest.setTimeout(60_000);

  it('R-PRV-1: a person’s export holds their own answers, in words on the page; someone without answers is told none are held', async () => {
    const json = JSON.parse((await admin('export', 'person', '--school', SCHOOL, '--person', 'p-priya')).stdout) as { equality: unknown };
    expect(json.equality).toEqual({ answers: { gender: 'woman', ethnicity: 'asian' }, source: 'self', updatedAt: '2026-10-01T08:00:00.000Z' });
    const html = (await admin('export', 'person', '--school', SCHOOL, '--person', 'p-priya', '--format', 'html')).stdout;
    expect(html).toContain('<tr><th scope="row">Ethnic group</th><td>Asian or Asian British</td></tr>');
    expect(html).toContain('<tr><th scope="row">Gender</th><td>Woman</td></tr>');
    expect(html).toContain('Thursday 1 October 2026');
    const none = await admin('export', 'person', '--school', SCHOOL, '--person', 'p-alex', '--format', 'html');
    expect(none.stdout).toContain('We hold no equality answers for you.');
    expect(none.stdout).not.toMatch(/Asian or Asian British/);
    expect((JSON.parse((await admin('export', 'person', '--school', SCHOOL, '--person', 'p-alex')).stdout) as { equality: unknown }).equality).toBeNull();
  });

  it('R-PRV-2: a leaver’s answers are listed by id in the dry run, kept on the last day of year six and destroyed the day after, with a count in the audit', async () => {
    await admin('equality', 'import', file('hr.csv', HR_FILE), '--school', SCHOOL);
    const lastDay = await admin('retention', '--school', SCHOOL, '--today', '2032-08-31', '--json');
    expect(JSON.parse(lastDay.stdout)).toEqual({ expired: [], destroyed: 0, equality: { expired: [], destroyed: 0 } });
    const dry = await admin('retention', '--school', SCHOOL, '--today', '2032-09-01', '--dry-run');
    expect(dry.stdout).toContain('1 person(s) whose equality answers are past retention:');
    expect(dry.stdout).toMatch(/p-nadia\s+2032-08-31/);
    expect(dry.stdout).not.toMatch(ANSWER_WORDS);
    expect((await stored()).map((r) => r.personId)).toEqual(['p-alex', 'p-nadia', 'p-priya']);
    const gone = await admin('retention', '--school', SCHOOL, '--today', '2032-09-01', '--json');
    expect(JSON.parse(gone.stdout)).toEqual({ expired: [], destroyed: 0, equality: { expired: [{ personId: 'p-nadia', keptUntil: '2032-08-31' }], destroyed: 1 } });
    expect((await stored()).map((r) => r.personId)).toEqual(['p-alex', 'p-priya']);
    expect(auditOutsideCases().map((e) => e.action)).toEqual(['equality.import stored=2 kept=1 removed=0', 'retention.equality people=1']);
  });
});
