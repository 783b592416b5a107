import type { Person } from '../../../services/people/person.schema';
import type { Store } from '../../../services/ports/store.port';
import { unreachableReport } from '../../../services/roster/identity.usecase';
import { importRoster } from '../../../services/roster/roster-import.usecase';
import { rosterNotes } from '../../../services/roster/roster-notes';
import { reviewerOf, setReviewer } from '../../../services/roster/reviewer.usecase';
import { readDate } from '../../../services/roster/roster-row.schema';
import { parseClosures, parsePriorities, parseReportThreshold, PRESET_IDS, readSetup, reportThresholdOf, updateSetup } from '../../../services/roster/school-setup';
import type { CivilDate } from '../../../services/shared/time';
import { knownSchool, need, readInput, table, UsageError } from './admin-output';
import type { Options, Output } from './admin-output';

export type { Options } from './admin-output';
const ADMIN = { kind: 'admin' } as const;

const list = (o: Options, name: string): string[] => {
  const v = o[name];
  return v === undefined ? [] : (Array.isArray(v) ? v : [String(v)]).filter((s) => s !== '');
};
const personRow = (p: Person) => ({ id: p.id, staffId: p.staffId, name: p.name, jobTitle: p.jobTitle, reviewer: reviewerOf(p), trained: p.reviewerTrained ? 'yes' : 'no', teams: p.teams ? 'yes' : 'no', slack: p.slack ? 'yes' : 'no', left: p.leftOn });

/** The school named by --school or, when it is left out, the only school in the data folder. */
async function namedOrOnlySchool(store: Store, o: Options) {
  if (o.school !== undefined) return knownSchool(store, need(o, 'school'));
  const all = await store.schools.list();
  if (all.length === 1) return all[0]!;
  throw new UsageError(all.length === 0 ? 'there is no school yet: create one with school create' : `--school is required: there are ${all.length} schools here`);
}

const REPORT_THRESHOLD_USAGE = 'usage: admin school report-threshold N [--school ID], N a whole number from 5 to 100 (10 unless set)';

/**
 * `school report-threshold N [--school ID]`: the smallest count the governors' report shows (R-RPT-1), checked
 * before anything is stored and set through the set-up, as the headteacher or an administrator sets it.
 */
async function reportThresholdCommand(store: Store, value: string | undefined, o: Options): Promise<Output> {
  if (value === undefined) throw new UsageError(REPORT_THRESHOLD_USAGE);
  const threshold = parseReportThreshold(value);
  if (!threshold.ok) throw new UsageError(`${threshold.error.message} Nothing was changed.`);
  const s = await namedOrOnlySchool(store, o);
  const saved = await updateSetup(store.schools, { schoolId: s.id, actor: ADMIN, roster: await store.people.list(s.id), change: (x) => ({ ...x, reportThreshold: threshold.value }) });
  if (!saved.ok) throw new UsageError(saved.error.message);
  const set = reportThresholdOf(saved.value);
  return { data: { schoolId: s.id, reportThreshold: set }, text: `The governors’ report at ${s.name} now hides any count below ${set}.` };
}

/** `school create|closures|priorities|statement-date|report-threshold`. */
export async function schoolCommand(store: Store, sub: string | undefined, o: Options, positional?: string): Promise<Output> {
  if (sub === 'report-threshold') return reportThresholdCommand(store, positional, o);
  if (sub === 'create') {
    const presetId = need(o, 'preset');
    if (!(PRESET_IDS as readonly string[]).includes(presetId)) throw new UsageError(`--preset must be one of ${PRESET_IDS.join(', ')}`);
    const id = need(o, 'id');
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new UsageError('--id may use lower-case letters, digits and dashes only');
    if (await store.schools.get(id)) throw new UsageError(`a school with id ${id} already exists`);
    for (const t of list(o, 'teams-tenant')) if (await store.schools.findByTeamsTenant(t)) throw new UsageError(`Teams tenant ${t} already belongs to another school`);
    for (const t of list(o, 'slack-team')) if (await store.schools.findBySlackTeam(t)) throw new UsageError(`Slack team ${t} already belongs to another school`);
    const saved = await store.schools.save({ id, name: need(o, 'name'), presetId, settings: {}, teamsTenantIds: list(o, 'teams-tenant'), slackTeamIds: list(o, 'slack-team'), version: 0 }, null);
    return { data: saved, text: `Created ${saved.name} (${saved.id}) with the ${saved.presetId} preset.` };
  }
  const s = await knownSchool(store, need(o, 'school'));
  const roster = await store.people.list(s.id);
  if (sub === 'closures') {
    const closures = parseClosures(readInput(need(o, 'file')));
    if (!closures.ok) throw new UsageError(closures.error.message);
    const saved = await updateSetup(store.schools, { schoolId: s.id, actor: ADMIN, roster, change: (x) => ({ ...x, closures: closures.value }) });
    if (!saved.ok) throw new UsageError(saved.error.message);
    return { data: readSetup(saved.value).closures, text: table(readSetup(saved.value).closures) };
  }
  if (sub === 'priorities') {
    const add = list(o, 'add');
    const fromFile = typeof o.file === 'string' ? parsePriorities(readInput(o.file)) : null;
    if (fromFile && !fromFile.ok) throw new UsageError(fromFile.error.message);
    if (!fromFile && add.length === 0) throw new UsageError('give --file or --add');
    const saved = await updateSetup(store.schools, {
      schoolId: s.id, actor: ADMIN, roster,
      change: (x) => {
        const titles = [...(fromFile?.ok ? fromFile.value.priorities : x.priorities.map((p) => p.title)), ...add];
        return { ...x, priorities: titles.map((title, i) => ({ id: `P${i + 1}`, title })), focusAreas: fromFile?.ok && fromFile.value.focusAreas ? fromFile.value.focusAreas : x.focusAreas };
      },
    });
    if (!saved.ok) throw new UsageError(saved.error.message);
    const setup = readSetup(saved.value);
    return { data: { priorities: setup.priorities, focusAreas: setup.focusAreas }, text: `${table(setup.priorities)}\nFocus areas: ${setup.focusAreas.join('; ') || '(none)'}` };
  }
  if (sub === 'statement-date') {
    const date = readDate(need(o, 'date'));
    if (date === null) throw new UsageError('--date must be a real date, YYYY-MM-DD or DD/MM/YYYY');
    const saved = await updateSetup(store.schools, { schoolId: s.id, actor: ADMIN, roster, change: (x) => ({ ...x, statementDate: date }) });
    if (!saved.ok) throw new UsageError(saved.error.message);
    return { data: readSetup(saved.value), text: `Statements are due by ${date}.` };
  }
  throw new UsageError('school needs one of: create, closures, priorities, statement-date, report-threshold');
}

/** `roster import --school --file [--dry-run]`: prints the plan, or every problem with its line number. */
export async function rosterCommand(store: Store, sub: string | undefined, o: Options, today: CivilDate): Promise<Output & { refused?: string }> {
  if (sub !== 'import') throw new UsageError('roster needs: import');
  const s = await knownSchool(store, need(o, 'school'));
  const dryRun = o['dry-run'] === true;
  const r = await importRoster(store.people, { schoolId: s.id, csvText: readInput(need(o, 'file')), today, dryRun });
  if (!r.ok) return { data: r.error, text: table(r.error.issues.map((i) => ({ line: i.line, problem: i.message }))), refused: r.error.message };
  const p = r.value;
  const rows = [
    ...p.added.map((x) => ({ action: 'add', id: x.id, name: x.name, fields: '' })),
    ...p.changed.map((c) => ({ action: 'change', id: c.after.id, name: c.after.name, fields: c.fields.join(', ') })),
    ...p.leavers.map((x) => ({ action: 'leaver', id: x.id, name: x.name, fields: `leftOn ${today}` })),
  ];
  const head = `${dryRun ? 'Dry run, nothing written: would add' : 'Added'} ${p.added.length}, ${dryRun ? 'change' : 'changed'} ${p.changed.length}, ${dryRun ? 'mark' : 'marked'} ${p.leavers.length} as leaving; ${p.unchanged} unchanged.`;
  const notes = rosterNotes(p, today);
  const noteText = notes.length > 0 ? `\nFor the headteacher:\n${notes.map((n) => `- ${n.message}`).join('\n')}` : '';
  return { data: { dryRun, ...p, notes }, text: `${head}\n${table(rows, ['action', 'id', 'name', 'fields'])}${noteText}` };
}

/** `reviewer set --school --person --reviewer`. */
export async function reviewerCommand(store: Store, sub: string | undefined, o: Options): Promise<Output> {
  if (sub !== 'set') throw new UsageError('reviewer needs: set');
  const s = await knownSchool(store, need(o, 'school'));
  const r = await setReviewer(store.people, { schoolId: s.id, actor: ADMIN, personId: need(o, 'person'), reviewerId: need(o, 'reviewer') });
  if (!r.ok) throw new UsageError(r.error.message);
  const warn = r.value.warnings.map((w) => `\nWarning: ${w}`).join('');
  const reviewer = await store.people.get(s.id, r.value.person.reviewerId ?? '');
  return { data: { personId: r.value.person.id, reviewerId: r.value.person.reviewerId, warnings: r.value.warnings }, text: `${r.value.person.name} is now reviewed by ${reviewer?.name ?? r.value.person.reviewerId}.${warn}` };
}

/** `people --school` and `unreachable --school`. */
export async function peopleCommand(store: Store, command: 'people' | 'unreachable', o: Options): Promise<Output> {
  const s = await knownSchool(store, need(o, 'school'));
  const people = await store.people.list(s.id);
  if (command === 'people') return { data: people, text: table(people.map(personRow)) };
  const r = unreachableReport(people);
  const ids = (ps: Person[]) => ps.map((p) => p.id);
  const text = [`Not reachable in Teams (${r.teams.length}):`, table(r.teams.map(personRow), ['id', 'name']), `Not reachable in Slack (${r.slack.length}):`, table(r.slack.map(personRow), ['id', 'name']), `Reachable in neither (${r.neither.length}): ${ids(r.neither).join(', ') || 'none'}`].join('\n');
  return { data: { teams: ids(r.teams), slack: ids(r.slack), neither: ids(r.neither) }, text };
}
