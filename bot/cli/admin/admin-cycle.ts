import { createLogger } from '../../logger';
import type { LaunchReport } from '../../../services/roster';
import { FixedClock } from '../../../services/shared/time';
import { createCaseRuntime } from '../../case-runtime';
import type { ProductStore } from '../../compose';
import { launchSchoolCycle } from '../../cycle-launch';
import type { Options } from './admin-commands';
import { table, UsageError } from './admin-output';
import type { Output } from './admin-output';

/** The readable form of a launch: who gets a case (with dates and objective limit), who does not and why. */
export function launchText(report: LaunchReport): string {
  const { plan } = report;
  const included = plan.included.map((e) => ({ name: e.person.name, start: e.cycle.start, end: e.cycle.end, objectives: e.cycle.objectiveLimit, placement: e.cycle.placement }));
  const excluded = plan.excluded.map((e) => ({ name: e.person.name, reason: e.reason }));
  return [
    `Cycle ${plan.cycleStart} to ${plan.cycleEnd}${report.dryRun ? ' (dry run: nothing was written)' : ''}`,
    '',
    `${report.dryRun ? 'Would open' : 'Opened'} (${report.dryRun ? plan.included.length : report.opened.length}):`,
    table(included),
    '',
    `Left out (${excluded.length}):`,
    table(excluded),
    ...(plan.alreadyOpen.length ? ['', `Already open, left as they are: ${plan.alreadyOpen.map((p) => p.name).join(', ')}`] : []),
    ...(report.failed.length ? ['', 'Could not open:', table(report.failed.map((f) => ({ person: f.personId, why: f.error.message })))] : []),
  ].join('\n');
}

/** `cycle launch --school ID [--cycle YYYY] [--dry-run]`: opens this year's cases (R-CYC-1, R-ELG-1). */
export async function cycleCommand(store: ProductStore, sub: string | undefined, o: Options, today: string): Promise<Output> {
  if (sub !== 'launch') throw new UsageError('usage: admin cycle launch --school ID [--cycle YYYY] [--dry-run]');
  const schoolId = typeof o.school === 'string' ? o.school : '';
  if (!schoolId) throw new UsageError('--school is required');
  const clock = new FixedClock(`${today}T09:00:00.000Z`);
  const runtime = createCaseRuntime({ store, clock, logger: createLogger('silent') });
  if (!(await store.schools.get(schoolId))) throw new UsageError(`there is no school with id ${schoolId}`);
  const policy = await runtime.policies.forSchool(schoolId);
  const cycleYear = typeof o.cycle === 'string' ? Number(o.cycle) : Number(policy.cycleContaining(today).start.slice(0, 4));
  if (!Number.isInteger(cycleYear) || cycleYear < 2000 || cycleYear > 2100) throw new UsageError('--cycle must be a year, e.g. 2026');
  const result = await launchSchoolCycle(store, runtime, { schoolId, cycleYear, actor: { kind: 'admin' }, dryRun: o['dry-run'] === true, channel: 'cli' });
  if (!result.ok) throw new UsageError(result.error.message);
  const r = result.value;
  return {
    data: { cycleStart: r.plan.cycleStart, cycleEnd: r.plan.cycleEnd, dryRun: r.dryRun, included: r.plan.included.map((e) => ({ personId: e.person.id, ...e.cycle, phases: e.cycle.phases })), excluded: r.plan.excluded.map((e) => ({ personId: e.person.id, code: e.code, reason: e.reason })), opened: r.opened, failed: r.failed },
    text: launchText(r),
  };
}
