import { PRESET_IDS, PresetError, allPresets, createSchoolPolicy, parsePreset, presetById } from '../../services/policy';

const clone = (): Record<string, unknown> => JSON.parse(JSON.stringify(presetById('spt'))) as Record<string, unknown>;
const FILE = 'services/policy/presets/spt.json';

function presetFailure(raw: unknown, file = FILE): { message: string; file: string; field: string } {
  try {
    parsePreset(file, raw);
  } catch (error) {
    if (error instanceof PresetError) return { message: error.message, file: error.file, field: error.field };
    throw error;
  }
  throw new Error('the preset was accepted');
}

describe('presets as data (R-CYC-1, R-OBJ-1)', () => {
  it('R-CYC-1: the four shipped presets load and pass their schema', () => {
    expect(allPresets().map((p) => p.id)).toEqual([...PRESET_IDS]);
  });

  it.each([
    ['test-valley', 3, 2, [3]],
    ['propeller', 3, 2, [1, 9]],
    ['spt', 6, 3, [9]],
    ['hampshire-model', 3, 2, [9]],
  ])('R-OBJ-1: %s allows %i objectives (%i when reduced) and starts its cycle in month(s) %j', (id, limit, reduced, months) => {
    const preset = presetById(id as (typeof PRESET_IDS)[number]);
    expect([preset.objectives.limit, preset.objectives.reducedLimit, preset.cycle.startMonths]).toEqual([limit, reduced, months]);
  });

  it.each([
    ['a rule with no days', (p: Record<string, unknown>) => ((p.rules as Record<string, Record<string, unknown>>)['meeting.papers']!.days = 0), 'rules.meeting.papers.days'],
    ['a rule the product does not know', (p: Record<string, unknown>) => ((p.rules as Record<string, unknown>)['appeal.bogus'] = {}), 'rules.appeal.bogus'],
    ['a field the schema does not know', (p: Record<string, unknown>) => ((p.cycle as Record<string, unknown>).lengthWeeks = 52), 'cycle.lengthWeeks'],
    ['a missing objective limit', (p: Record<string, unknown>) => delete (p.objectives as Record<string, unknown>).limit, 'objectives.limit'],
    ['a reduced limit above the limit', (p: Record<string, unknown>) => ((p.objectives as Record<string, unknown>).reducedLimit = 9), 'objectives.reducedLimit'],
    ['a value with no citation', (p: Record<string, unknown>) => ((p.payProgression as Record<string, unknown>).source = {}), 'payProgression.source'],
    ['a fixed date that is no day of the year', (p: Record<string, unknown>) => ((p.rules as Record<string, unknown>)['statement.issue'] = { kind: 'fixed-date', date: '02-30', roll: 'back', label: 'give the statement', source: { default: 'a school’s own date' } }), 'rules.statement.issue.date'],
  ])('R-CYC-1: a bad preset (%s) fails naming the file and the field', (_why, spoil, field) => {
    const raw = clone();
    spoil(raw);
    const failure = presetFailure(raw);
    expect(failure).toEqual({ file: FILE, field, message: expect.stringContaining(`Policy preset ${FILE}, field ${field}:`) });
  });

  it('R-CYC-1: a preset whose id does not match its file name is refused', () => {
    expect(presetFailure(clone(), 'services/policy/presets/propeller.json')).toEqual(expect.objectContaining({ field: 'id', message: expect.stringMatching(/does not match the file name/) }));
  });
});

describe('school settings over a preset (R-CAL-1, R-DL-5, R-OBJ-1)', () => {
  it.each([
    [{ closures: [{ from: '2026-12-21', to: '2026-12-20', name: 'Christmas holidays' }] }, 'closures.0.to'],
    [{ closures: [{ from: '2026-12-21', to: '2027-01-01', name: '' }] }, 'closures.0.name'],
    [{ messageHours: { from: '9:00', to: '16:30' } }, 'messageHours.from'],
    [{ messageHours: { from: '16:30', to: '08:30' } }, 'messageHours.to'],
    [{ statementDate: '02-30' }, 'statementDate'],
    [{ statementDate: '31/12/2027' }, 'statementDate'],
    [{ objectiveLimit: 0 }, 'objectiveLimit'],
    [{ closuresCountForDeadlines: 'yes' }, 'closuresCountForDeadlines'],
    [{ ruleDays: { 'appeal.bogus': 3 } }, 'ruleDays.appeal.bogus'],
    [{ cycleStartMonth: 9 }, 'cycleStartMonth'],
  ])('R-CAL-1: settings %j are POLICY.INVALID_SETTINGS naming %s', (settings, field) => {
    const built = createSchoolPolicy({ presetId: 'test-valley', settings });
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.error.code).toBe('POLICY.INVALID_SETTINGS');
    expect(Object.keys(built.error.fields ?? {})).toEqual([field]);
  });

  it('R-CYC-1: a test-valley school cannot start in September: the message says March', () => {
    const built = createSchoolPolicy({ presetId: 'test-valley', settings: { cycleStartMonth: 9 } });
    expect(built.ok ? null : built.error.message).toBe("This policy's cycle starts in March, not September.");
  });

  it('R-CYC-1: an unknown preset is POLICY.UNKNOWN_PRESET listing the four', () => {
    const built = createSchoolPolicy({ presetId: 'oakfield' });
    expect(built.ok ? null : built.error).toEqual({ code: 'POLICY.UNKNOWN_PRESET', message: expect.stringContaining('test-valley, propeller, spt, hampshire-model') });
  });

  it('R-CAL-1: other modules’ keys in the school settings are left alone, and defaults apply', () => {
    const built = createSchoolPolicy({ presetId: 'spt', settings: { priorities: ['Reading'] } });
    expect(built.ok && [built.value.settings.closuresCountForDeadlines, built.value.settings.closuresCountForTermTimeStaff, built.value.messageHours]).toEqual([
      false, true, { from: '08:30', to: '16:30' },
    ]);
  });
});
