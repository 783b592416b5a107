import { openMemoryStore } from '../../storage/memory/memory.store';
import { personSchema } from '../../services/people/person.schema';
import { parseClosures, parsePriorities, parseReportThreshold, readSetup, reportThresholdOf, schoolSetupSchema, updateSetup } from '../../services/roster/school-setup';

const head = personSchema.parse({ id: 'head', schoolId: 'oakfield', staffId: 'OF1', name: 'Hattie Quill', email: 'hattie.quill@example.org', startDate: '2019-09-01', headteacher: true });
const clerk = personSchema.parse({ id: 'clerk', schoolId: 'oakfield', staffId: 'OF5', name: 'Wren Ashby', email: 'wren.ashby@example.org', startDate: '2021-09-01', lineManagerIds: ['head'] });

describe('school set-up (R-CAL-1, R-OBJ-2, R-DL-5)', () => {
  it('R-CAL-1: closures read the same from JSON and from CSV (UK dates allowed), in date order', () => {
    const json = parseClosures(JSON.stringify({ closures: [{ from: '2027-02-15', to: '2027-02-19', name: 'Half term' }, { from: '2027-01-05', to: '2027-01-05', name: 'INSET day' }] }));
    const text = parseClosures('from,to,name\n15/02/2027,19/02/2027,Half term\n2027-01-05,2027-01-05,INSET day\n');
    expect(json).toEqual(text);
    expect(json.ok && json.value.map((c) => c.name)).toEqual(['INSET day', 'Half term']);
  });

  it.each([
    ['a closure ending before it starts', 'from,to,name\n2027-02-19,2027-02-15,Half term', /Closure 1: to ends before it starts/],
    ['a date that does not exist', '{"closures":[{"from":"2027-02-30","to":"2027-03-01","name":"x"}]}', /Closure 1: from must be a real date/],
    ['broken JSON', '{"closures":[', /not valid JSON/],
  ])('R-CAL-1: refuses %s', (_what, text, message) => {
    const r = parseClosures(text);
    expect(r.ok ? '' : r.error.message).toMatch(message);
  });

  it('R-OBJ-2: priorities come one a line, or as JSON with generic focus areas', () => {
    expect(parsePriorities('Reading\n\n Attendance \n')).toEqual({ ok: true, value: { priorities: ['Reading', 'Attendance'] } });
    expect(parsePriorities('{"priorities":["Reading"],"focusAreas":["Teamwork"]}')).toEqual({ ok: true, value: { priorities: ['Reading'], focusAreas: ['Teamwork'] } });
    expect(parsePriorities('{"priorities":"Reading"}').ok).toBe(false);
  });

  it('only the headteacher (or an administrator) changes the set-up, and other settings are kept', async () => {
    const store = openMemoryStore({ parseCaseState: (raw) => raw });
    await store.schools.save({ id: 'oakfield', name: 'Oakfield', presetId: 'test-valley', settings: { messageHours: { from: '08:00', to: '17:00' } }, teamsTenantIds: [], slackTeamIds: [], version: 0 }, null);
    const roster = [head, clerk];
    const refused = await updateSetup(store.schools, { schoolId: 'oakfield', actor: { kind: 'person', personId: 'clerk' }, roster, change: (s) => ({ ...s, statementDate: '2027-12-17' }) });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('SETUP.NOT_ALLOWED');
    const done = await updateSetup(store.schools, { schoolId: 'oakfield', actor: { kind: 'person', personId: 'head' }, roster, change: (s) => ({ ...s, statementDate: '2027-12-17', focusAreas: ['Teamwork'] }) });
    expect(done.ok).toBe(true);
    const stored = (await store.schools.get('oakfield'))!;
    expect(readSetup(stored)).toMatchObject({ statementDate: '2027-12-17', focusAreas: ['Teamwork'], closures: [] });
    expect(stored.settings).toMatchObject({ messageHours: { from: '08:00', to: '17:00' } });
    const admin = await updateSetup(store.schools, { schoolId: 'nowhere', actor: { kind: 'admin' }, roster, change: (s) => s });
    expect(admin.ok ? 'ok' : admin.error.code).toBe('SETUP.UNKNOWN_SCHOOL');
  });
});

describe('the governors’ report threshold is a school setting (R-RPT-1: default 10, school-configurable)', () => {
  const IDENTIFIABLE = /^The report threshold must be at least 5: in a smaller group, people could be identified\.$/;
  const WHOLE = /^The report threshold must be a whole number from 5 to 100\.$/;

  it.each([
    { what: 'no settings at all', settings: null, expected: 10 },
    { what: 'settings without a threshold', settings: { closures: [] }, expected: 10 },
    { what: 'the lowest allowed, 5', settings: { reportThreshold: 5 }, expected: 5 },
    { what: 'a raised threshold, 25', settings: { reportThreshold: 25 }, expected: 25 },
    { what: 'the highest allowed, 100', settings: { reportThreshold: 100 }, expected: 100 },
    { what: 'a stored number too small to be safe, 3 (never used: the default instead)', settings: { reportThreshold: 3 }, expected: 10 },
    { what: 'a stored number as text', settings: { reportThreshold: '7' }, expected: 10 },
    { what: 'a stored fraction', settings: { reportThreshold: 7.5 }, expected: 10 },
  ])('R-RPT-1: a school with $what counts with $expected', ({ settings, expected }) => {
    expect(reportThresholdOf({ settings })).toBe(expected);
  });

  it('R-RPT-1: no school record means the default', () => {
    expect(reportThresholdOf(null)).toBe(10);
  });

  it.each([
    [4, IDENTIFIABLE],
    [0, IDENTIFIABLE],
    [101, /^The report threshold must be at most 100\.$/],
    [7.5, WHOLE],
    ['10', WHOLE],
  ])('R-RPT-1: the set-up refuses a threshold of %p, saying why', (value, message) => {
    const parsed = schoolSetupSchema.safeParse({ reportThreshold: value });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(message);
  });

  it('R-RPT-1: the set-up keeps a threshold from 5 to 100, and other keys beside it', () => {
    expect(schoolSetupSchema.parse({ reportThreshold: 5, messageHours: { from: '08:00', to: '17:00' } })).toMatchObject({ reportThreshold: 5, messageHours: { from: '08:00', to: '17:00' } });
    expect(schoolSetupSchema.parse({ reportThreshold: 100 }).reportThreshold).toBe(100);
    expect(schoolSetupSchema.parse({}).reportThreshold).toBeUndefined();
  });

  it.each([
    ['7', { ok: true, value: 7 }],
    [' 12 ', { ok: true, value: 12 }],
    ['5', { ok: true, value: 5 }],
    ['4', IDENTIFIABLE],
    ['-5', IDENTIFIABLE],
    ['101', /at most 100/],
    ['7.5', WHOLE],
    ['ten', WHOLE],
    ['', WHOLE],
  ])('R-RPT-1: "%s" typed as a threshold is read, or refused saying why', (text, expected) => {
    const r = parseReportThreshold(text);
    if (expected instanceof RegExp) expect(r.ok ? `read as ${r.value}` : r.error.message).toMatch(expected);
    else expect(r).toEqual(expected);
  });

  it('R-RPT-1: only the headteacher (or an administrator) sets it; the school reads it back and keeps its other settings', async () => {
    const store = openMemoryStore({ parseCaseState: (raw) => raw });
    await store.schools.save({ id: 'oakfield', name: 'Oakfield', presetId: 'test-valley', settings: { messageHours: { from: '08:00', to: '17:00' }, statementDate: '2027-12-17' }, teamsTenantIds: [], slackTeamIds: [], version: 0 }, null);
    const roster = [head, clerk];
    const refused = await updateSetup(store.schools, { schoolId: 'oakfield', actor: { kind: 'person', personId: 'clerk' }, roster, change: (s) => ({ ...s, reportThreshold: 6 }) });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('SETUP.NOT_ALLOWED');
    expect(reportThresholdOf(await store.schools.get('oakfield'))).toBe(10);
    const done = await updateSetup(store.schools, { schoolId: 'oakfield', actor: { kind: 'person', personId: 'head' }, roster, change: (s) => ({ ...s, reportThreshold: 6 }) });
    expect(done.ok).toBe(true);
    const stored = await store.schools.get('oakfield');
    expect(reportThresholdOf(stored)).toBe(6);
    expect(stored?.settings).toMatchObject({ messageHours: { from: '08:00', to: '17:00' }, statementDate: '2027-12-17', reportThreshold: 6 });
  });
});
