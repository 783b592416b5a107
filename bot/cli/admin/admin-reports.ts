import { writeFileSync } from 'node:fs';
import { STAGES } from '../../../services/case/case-stages';
import type { CaseState } from '../../../services/case';
import type { Person } from '../../../services/people/person.schema';
import { createSchoolPolicy } from '../../../services/policy';
import { buildSubjectAccessExport, destroyExpiredEquality, expiredCases, renderSubjectAccessHtml } from '../../../services/records';
import {
  anonymisedSample, buildCpdSummary, cycleGovernorsReport, equalityByPerson, equalityByStaffId, parseEqualityCsv, redactTerms, renderCpdSummaryCsv, renderGovernorsReportCsv,
  renderGovernorsReportHtml, renderSampleJson, reportInputsFromCases,
} from '../../../services/reports';
import { parseReportThreshold, reportThresholdOf } from '../../../services/roster/school-setup';
import type { SchoolRecord } from '../../../services/ports/store.port';
import type { ProductStore } from '../../compose';
import { payrollCommand } from './admin-payroll';
import { need, readInput, table, UsageError } from './admin-output';
import type { Options, Output } from './admin-output';

// Reports and records from the command line (R-RPT-1, R-RPT-2, R-RPT-3, R-PAY-1, R-PRV-1, R-PRV-2).

const cycleYearOf = (o: Options): number => {
  const year = Number(need(o, 'cycle'));
  if (!/^\d{4}$/.test(String(o.cycle)) || year < 2000 || year > 2100) throw new UsageError('--cycle must be a year, e.g. 2026');
  return year;
};

async function schoolContext(store: ProductStore, o: Options) {
  const schoolId = need(o, 'school');
  const school = await store.schools.get(schoolId);
  if (!school) throw new UsageError(`there is no school with id ${schoolId}`);
  const policy = createSchoolPolicy({ presetId: school.presetId, settings: school.settings });
  if (!policy.ok) throw new UsageError(policy.error.message);
  return { school, policy: policy.value, people: await store.people.list(schoolId) };
}

async function cycleCases(store: ProductStore, o: Options) {
  const ctx = await schoolContext(store, o);
  const year = cycleYearOf(o);
  const timeline = ctx.policy.timeline(year);
  const cases = (await store.cases.listByCycle(ctx.school.id, timeline.start)).map((e) => e.state);
  return { ...ctx, year, timeline, cases };
}

/** Every case of a school, whatever its stage. */
async function allCases(store: ProductStore, schoolId: string) {
  return (await Promise.all(STAGES.map((stage) => store.cases.listByStage(schoolId, stage)))).flat();
}

const written = (o: Options, text: string, what: string): string => {
  if (typeof o.out !== 'string') return text;
  writeFileSync(o.out, text);
  return `Wrote the ${what} to ${o.out}.`;
};

/**
 * The usage line of `report`; payroll's says that the first export is kept and a new one is recorded only on purpose
 * (R-PAY-1), governors' that it counts the stored equality answers unless a file is given for one run (R-RPT-1).
 */
export const REPORT_USAGE =
  'usage: admin report <governors|payroll|cpd|sample> --school ID --cycle YYYY; governors counts the stored equality answers, or with --equality FILE.csv uses that file for this run instead (nothing is stored); payroll also --points FILE.csv [--out F] [--replace]: the first export of a cycle is kept as what payroll has, a later run gives that file back and lists the changes since, and --replace records a new export once the headteacher has told payroll';

/** The equality answers the governors' report counts: the stored ones, or for this run only those of --equality FILE (R-RPT-1). */
async function equalityForReport(store: ProductStore, schoolId: string, people: readonly Person[], o: Options) {
  if (typeof o.equality !== 'string') return equalityByPerson(await store.equality.listForSchool(schoolId));
  const parsed = parseEqualityCsv(readInput(o.equality));
  if (!parsed.ok) throw new UsageError(parsed.error.message);
  return equalityByStaffId(parsed.value, people).byPerson;
}

/**
 * The threshold of one governors' report (R-RPT-1): the school's own, or --threshold N for this run, which may raise
 * it but never go below the school's setting.
 */
function thresholdForRun(school: SchoolRecord, o: Options): number {
  const own = reportThresholdOf(school);
  if (o.threshold === undefined) return own;
  const written = String(o.threshold).trim();
  if (/^-?\d+$/.test(written) && Number(written) < own) {
    throw new UsageError(`--threshold can only raise the school’s threshold of ${own} for one run, never lower it: in smaller groups people could be identified. Nothing was written.`);
  }
  const given = parseReportThreshold(written);
  if (!given.ok) throw new UsageError(`--threshold: ${given.error.message}`);
  return given.value;
}

/** `report governors|payroll|cpd|sample --school ID --cycle YYYY`. */
export async function reportCommand(store: ProductStore, sub: string | undefined, o: Options, today: string): Promise<Output> {
  if (!sub || !['governors', 'payroll', 'cpd', 'sample'].includes(sub)) throw new UsageError(REPORT_USAGE);
  const c = await cycleCases(store, o);
  const redact = redactTerms(c.people, c.cases);
  if (sub === 'payroll') {
    const points = typeof o.points === 'string' ? o.points : undefined;
    const out = typeof o.out === 'string' ? o.out : undefined;
    return payrollCommand(store, c, { points, out, replace: o.replace === true, readInput }, today);
  }
  if (sub === 'sample') {
    const size = Number(need(o, 'size'));
    if (!Number.isInteger(size) || size < 1 || size > 100) throw new UsageError('--size must be a whole number from 1 to 100');
    const sample = anonymisedSample(c.cases, { size, redact });
    return { data: sample, text: written(o, renderSampleJson(sample), 'sample of statements') };
  }
  if (sub === 'cpd') {
    const summary = buildCpdSummary(reportInputsFromCases(c.cases, { policy: c.policy, asOf: today, people: c.people }), { redact });
    return { data: summary, text: written(o, renderCpdSummaryCsv(summary), 'CPD summary') };
  }
  const format = o.format ?? 'html';
  if (format !== 'html' && format !== 'csv') throw new UsageError('--format must be html or csv');
  const threshold = thresholdForRun(c.school, o);
  const equality = await equalityForReport(store, c.school.id, c.people, o);
  const report = cycleGovernorsReport({ schoolName: c.school.name, policy: c.policy, timeline: c.timeline, cases: c.cases, people: c.people, asOf: today, equality, threshold });
  if (!report.ok) throw new UsageError(report.error.message);
  const text = format === 'csv' ? renderGovernorsReportCsv(report.value) : renderGovernorsReportHtml(report.value);
  return { data: report.value, text: written(o, text, 'governors’ report') };
}

/** `export person --school ID --person ID [--format json|html]`: a subject access export (R-PRV-1). */
export async function exportCommand(store: ProductStore, sub: string | undefined, o: Options): Promise<Output> {
  if (sub !== 'person') throw new UsageError('usage: admin export person --school ID --person ID [--format json|html]');
  const { school } = await schoolContext(store, o);
  const personId = need(o, 'person');
  const person = await store.people.get(school.id, personId);
  if (!person) throw new UsageError(`there is no person with id ${personId} at ${school.id}`);
  const format = o.format ?? 'json';
  if (format !== 'html' && format !== 'json') throw new UsageError('--format must be json or html');
  const cases: CaseState[] = (await allCases(store, school.id)).map((e) => e.state).filter((s) => s.revieweeId === person.id);
  const audit = (await Promise.all(cases.map((s) => store.audit.listForCase(school.id, s.id)))).flat();
  const x = buildSubjectAccessExport(person, cases, audit, await store.equality.get(school.id, person.id));
  return { data: x, text: written(o, format === 'html' ? renderSubjectAccessHtml(x) : JSON.stringify(x, null, 2), 'records') };
}

/**
 * `retention --school ID [--dry-run] [--today YYYY-MM-DD]`: cases past six years, and the equality answers of people
 * who left six years ago, destroyed unless a dry run (R-PRV-2). Equality answers are listed by person id only.
 */
export async function retentionCommand(store: ProductStore, o: Options, today: string): Promise<Output> {
  const { school } = await schoolContext(store, o);
  const at = `${today}T12:00:00.000Z`;
  const dryRun = o['dry-run'] === true;
  const expired = expiredCases((await allCases(store, school.id)).map((e) => ({ id: e.id, cycleEnd: e.cycleEnd })), today);
  const purge = store.purgeExpired?.bind(store);
  if (!dryRun && expired.length > 0 && !purge) throw new UsageError('this store destroys expired records by itself');
  const equality = await destroyExpiredEquality(store, { schoolId: school.id, today, at, by: { actorId: 'admin', channel: 'cli' }, dryRun });
  const equalityData = { expired: equality.map((e) => ({ personId: e.personId, keptUntil: e.keptUntil })), destroyed: dryRun ? 0 : equality.length };
  const equalityText = `${equality.length} person(s) whose equality answers are past retention${dryRun || equality.length === 0 ? '' : ' were destroyed'}:\n${table(equalityData.expired.map((e) => ({ ...e })))}`;
  if (dryRun || expired.length === 0 || !purge) {
    return { data: { expired, destroyed: 0, equality: equalityData }, text: `${expired.length} case(s) past retention${dryRun ? ' (dry run: nothing was destroyed)' : ''}:\n${table(expired.map((e) => ({ ...e })))}\n${equalityText}` };
  }
  const destroyed = await purge(at);
  await store.audit.append({ id: `retention-${school.id}-${today}`, schoolId: school.id, caseId: null, actorId: 'admin', action: `retention.purge cases=${expired.length} records=${destroyed}`, at, channel: 'cli' });
  return { data: { expired, destroyed, equality: equalityData }, text: `Destroyed ${expired.length} case(s) past retention (${destroyed} records in all):\n${table(expired.map((e) => ({ ...e })))}\n${equalityText}` };
}
