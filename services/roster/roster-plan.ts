import type { Failure } from '../shared/result';
import type { CivilDate } from '../shared/time';
import type { Person } from '../people/person.schema';
import { personSchema } from '../people/person.schema';
import { readRosterCsv } from './roster-csv';
import type { NumberedRow, RosterIssue } from './roster-csv';

/** A person whose record the import would change, and which fields. */
export interface RosterChange {
  before: Person;
  after: Person;
  fields: string[];
}

/** What an import would do: nothing is written until it is applied. */
export interface RosterPlan {
  added: Person[];
  changed: RosterChange[];
  /** People missing from the file, to be marked as leavers (never deleted). */
  leavers: Person[];
  unchanged: number;
}

/** Why a roster file was refused: every issue, each with its CSV line. */
export interface RosterFailure extends Failure<'ROSTER.INVALID'> {
  issues: RosterIssue[];
}

/** The outcome of planning an import. */
export type RosterPlanResult = { ok: true; value: RosterPlan } | { ok: false; error: RosterFailure };

/** A person id stable across imports, derived from the school and the staff id. */
export function personIdFor(schoolId: string, staffId: string): string {
  return `${schoolId}-${staffId}`.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

const COMPARED = ['staffId', 'name', 'email', 'jobTitle', 'roleFamily', 'lineManagerIds', 'contractType', 'startDate', 'endDate', 'termTimeOnly', 'partTime', 'headteacher', 'slt', 'pdManager', 'reviewerTrained', 'leftOn', 'teams', 'slack'] as const;

/** Plans a roster import (pure): validates the whole file, then lists additions, changes and leavers. */
export function planRosterImport(csvText: string, existingPeople: readonly Person[], today: CivilDate, schoolId: string): RosterPlanResult {
  const { rows, issues, staffIds } = readRosterCsv(csvText);
  issues.push(...crossRowIssues(rows, staffIds));
  if (issues.length > 0) {
    issues.sort((a, b) => a.line - b.line);
    const message = `The roster has ${issues.length} problem${issues.length === 1 ? '' : 's'}; nothing was imported.`;
    return { ok: false, error: { code: 'ROSTER.INVALID', message, issues } };
  }
  const byStaffId = new Map(existingPeople.map((p) => [p.staffId.toLowerCase(), p]));
  const idOf = new Map(rows.map(({ row }) => [row['staff id'].toLowerCase(), byStaffId.get(row['staff id'].toLowerCase())?.id ?? personIdFor(schoolId, row['staff id'])]));
  const plan: RosterPlan = { added: [], changed: [], leavers: [], unchanged: 0 };
  for (const { row } of rows) {
    const before = byStaffId.get(row['staff id'].toLowerCase());
    const after = personSchema.parse({
      ...before,
      id: idOf.get(row['staff id'].toLowerCase()),
      schoolId,
      staffId: row['staff id'],
      name: row.name,
      email: row['work email'],
      jobTitle: row['job title'],
      roleFamily: row['role family'],
      lineManagerIds: row['line managers'].map((m) => idOf.get(m.toLowerCase())),
      contractType: row['contract type'],
      startDate: row['start date'],
      endDate: row['end date'],
      termTimeOnly: row['term time only'],
      partTime: row['part time'],
      headteacher: row.headteacher,
      slt: row.slt,
      pdManager: row['pd manager'],
      reviewerTrained: row['reviewer trained'],
      leftOn: null, // a leaver who reappears is re-activated
      teams: row['teams aad object id'] && row['teams aad object id'] !== before?.teams?.aadObjectId ? { aadObjectId: row['teams aad object id'] } : before?.teams,
      slack: row['slack user id'] && row['slack user id'] !== before?.slack?.userId ? { userId: row['slack user id'] } : before?.slack,
    });
    if (!before) {
      plan.added.push(after);
      continue;
    }
    const fields = COMPARED.filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null));
    if (fields.length === 0) plan.unchanged += 1;
    else plan.changed.push({ before, after, fields: [...fields] });
  }
  const inFile = new Set(idOf.keys());
  for (const person of existingPeople) {
    if (!inFile.has(person.staffId.toLowerCase()) && person.leftOn === null) plan.leavers.push({ ...person, leftOn: today });
  }
  return { ok: true, value: plan };
}

/** Checks that need the whole file: duplicates, line managers, self-management, management cycles. */
function crossRowIssues(rows: NumberedRow[], staffIds: Set<string>): RosterIssue[] {
  const issues: RosterIssue[] = [];
  const lineOf = new Map<string, number>();
  const emails = new Map<string, number>(); // emails, and chat ids under a column prefix
  for (const { line, row } of rows) {
    const key = row['staff id'].toLowerCase();
    const seen = lineOf.get(key);
    if (seen !== undefined) issues.push({ line, message: `staff id ${row['staff id']} is already used on line ${seen}` });
    else lineOf.set(key, line);
    const seenEmail = emails.get(row['work email']);
    if (seenEmail !== undefined) issues.push({ line, message: `work email ${row['work email']} is already used on line ${seenEmail}` });
    else emails.set(row['work email'], line);
    for (const column of ['teams aad object id', 'slack user id'] as const) {
      const value = row[column];
      if (value === undefined) continue;
      const seenId = emails.get(`${column}:${value}`);
      if (seenId !== undefined) issues.push({ line, message: `${column} ${value} is already used on line ${seenId}` });
      else emails.set(`${column}:${value}`, line);
    }
  }
  const managers = new Map<string, string[]>();
  for (const { line, row } of rows) {
    const self = row['staff id'].toLowerCase();
    const known: string[] = [];
    for (const m of row['line managers']) {
      if (m.toLowerCase() === self) issues.push({ line, message: `${row['staff id']} cannot be their own line manager` });
      else if (!staffIds.has(m.toLowerCase())) issues.push({ line, message: `line manager ${m} is not in the roster` });
      else if (lineOf.has(m.toLowerCase())) known.push(m.toLowerCase());
    }
    managers.set(self, known);
  }
  const original = new Map(rows.map(({ row }) => [row['staff id'].toLowerCase(), row['staff id']]));
  for (const cycle of managementCycles(managers)) {
    const names = cycle.map((id) => original.get(id) ?? id);
    issues.push({ line: lineOf.get(cycle[0]!) ?? 1, message: `line management goes round in a circle: ${names.join(' → ')} → ${names[0]}` });
  }
  return issues;
}

/** Each management cycle once, as a list of staff ids (depth-first search with colours). */
function managementCycles(managers: Map<string, string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[][] = [];
  const visit = (id: string, path: string[]): void => {
    state.set(id, 'open');
    for (const m of managers.get(id) ?? []) {
      if (state.get(m) === 'open') cycles.push(path.slice(path.indexOf(m)));
      else if (!state.has(m)) visit(m, [...path, m]);
    }
    state.set(id, 'done');
  };
  for (const id of managers.keys()) if (!state.has(id)) visit(id, [id]);
  return cycles;
}
