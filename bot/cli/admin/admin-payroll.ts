import { writeFileSync } from 'node:fs';
import type { CaseState } from '../../../services/case';
import type { Person } from '../../../services/people/person.schema';
import type { SchoolPolicy, Timeline } from '../../../services/policy';
import { ConcurrencyError } from '../../../services/ports/errors';
import type { PayrollExportRecord, SchoolRecord, Store } from '../../../services/ports/store.port';
import {
  approvedPayFromCases, buildPayrollExport, diffSinceExport, parsePayPointsCsv, payRecommendationsFromCases, payrollChangesMessage, payrollDates, renderPayrollCsv,
} from '../../../services/reports';
import { dateInWords } from '../../../services/shared/london-time';
import type { CivilDate } from '../../../services/shared/time';
import { UsageError } from './admin-output';
import type { Output } from './admin-output';

// `report payroll`: the head-approved recommendations as CSV for payroll (R-PAY-1, R-CAL-2). The first export of a
// cycle is kept as what payroll has. A later run never overwrites it: it gives back the file payroll has and lists
// what has changed since, for the headteacher to pass on; `--replace` records a new export on purpose, once the
// head has told payroll. The audit log gets counts only, never staff ids.

/** The school and cycle the command reads. */
export interface PayrollCycle {
  school: SchoolRecord;
  policy: SchoolPolicy;
  people: Person[];
  year: number;
  timeline: Timeline;
  cases: CaseState[];
}

/** What the command takes besides the cycle: the parsed options it reads, and how to read a file. */
export interface PayrollOptions {
  points: string | undefined;
  out: string | undefined;
  replace: boolean;
  readInput(file: string): string;
}

const inWords = (day: CivilDate) => `${dateInWords(day)} ${day.slice(0, 4)}`;
const rowCount = (n: number) => `${n} ${n === 1 ? 'row' : 'rows'}`;

function pointsFrom(o: PayrollOptions): ReadonlyMap<string, number> | null {
  if (o.points === undefined) return null;
  const points = parsePayPointsCsv(o.readInput(o.points));
  if (!points.ok) throw new UsageError(points.error.message);
  return points.value;
}

/** Runs `report payroll` for one school and cycle; `today` is the London day of the run. */
export async function payrollCommand(store: Pick<Store, 'payrollExports' | 'audit'>, c: PayrollCycle, o: PayrollOptions, today: CivilDate): Promise<Output> {
  const dates = payrollDates(c.policy, c.year);
  if (!dates.ok) throw new UsageError(dates.error.message);
  const early = buildPayrollExport([], { today, ...dates.value });
  if (!early.ok) throw new UsageError(early.error.message);
  const points = pointsFrom(o);
  const stored = await store.payrollExports.get(c.school.id, c.timeline.start);
  if (stored && !o.replace) return alreadyExported(stored, c, points, o);
  if (!points) throw new UsageError('payroll needs each person’s current pay point: give --points FILE.csv (staffId,currentPoint)');
  const recs = payRecommendationsFromCases(c.cases, c.people, points);
  if (!recs.ok) throw new UsageError(recs.error.message);
  const payroll = buildPayrollExport(recs.value, { today, ...dates.value });
  if (!payroll.ok) throw new UsageError(payroll.error.message);
  const record: PayrollExportRecord = {
    schoolId: c.school.id, cycleId: c.timeline.start, cycleEnd: c.timeline.end, exportedOn: payroll.value.exportedOn, effectiveDate: payroll.value.effectiveDate,
    rows: payroll.value.rows.map((r) => ({ ...r })), exportedBy: 'admin', version: stored?.version ?? 0,
  };
  let saved: PayrollExportRecord;
  try {
    saved = await store.payrollExports.save(record, stored?.version ?? null);
  } catch (error) {
    if (error instanceof ConcurrencyError) throw new UsageError('another payroll export of this cycle was recorded at the same moment: run the command again to see it');
    throw error;
  }
  const changed = stored ? diffSinceExport(stored, recs.value).length : 0;
  await store.audit.append({
    id: `payroll-export-${c.timeline.start}-v${saved.version}`, schoolId: c.school.id, caseId: null, actorId: 'admin', channel: 'cli', at: `${today}T12:00:00.000Z`,
    action: stored ? `payroll.export-replaced rows=${saved.rows.length} changes=${changed}` : `payroll.exported rows=${saved.rows.length}`,
  });
  const csv = renderPayrollCsv(saved);
  if (o.out === undefined) return { data: saved, text: csv };
  writeFileSync(o.out, csv);
  const what = stored ? `It replaces the export of ${inWords(stored.exportedOn)} as what payroll has.` : 'It is kept as what payroll has: later changes will be flagged to the headteacher.';
  return { data: saved, text: `Wrote the payroll export to ${o.out}. ${what}` };
}

/** A later run: the export payroll has stays as it is; the file is given back as it was sent, with the changes since. */
function alreadyExported(stored: PayrollExportRecord, c: PayrollCycle, points: ReadonlyMap<string, number> | null, o: PayrollOptions): Output {
  const approved = approvedPayFromCases(c.cases, c.people);
  if (!approved.ok) throw new UsageError(approved.error.message);
  const changes = diffSinceExport(stored, approved.value.map((a) => ({ ...a, currentPoint: points?.get(a.staffId) ?? null })));
  const lines = [`Payroll already has the export of ${inWords(stored.exportedOn)} (${rowCount(stored.rows.length)}); running this again does not change it.`];
  if (o.out !== undefined) {
    writeFileSync(o.out, renderPayrollCsv(stored));
    lines.push(`Wrote the export payroll has to ${o.out}.`);
  }
  const message = payrollChangesMessage(stored, changes);
  if (message === null) lines.push('No approved recommendation has changed since.');
  else lines.push(message, 'Once the headteacher has told payroll, run this again with --replace to record a new export.');
  return { data: { export: stored, changes }, text: lines.join('\n') };
}
