import { assertNever } from '../shared/result';
import type { CommandOf } from './case-commands.schema';
import { refuse } from './case-decision';
import type { CaseFailure } from './case-decision';
import type { Draft } from './case-draft';
import type { ObjectiveRecord } from './case-records.schema';
import { canonicalJson, latest } from './case-statements';
import type { ObjectiveInput } from './planning-inputs.schema';

type ObjectiveCommand = CommandOf<
  'objective.add' | 'objective.update' | 'objective.remove' | 'objective.revise' | 'objectives.use-group' | 'objectives.carry-forward' | 'objectives.share' | 'development-plan.set'
>;

/** Objectives and the development plan (R-OBJ-1..5, R-CYC-6, R-PDP-1). Every change adds a version; none is lost. */
export function reduceObjectives(d: Draft, c: ObjectiveCommand): CaseFailure | undefined {
  switch (c.type) {
    case 'objective.add':
      return addObjectives(d, [{ input: c.objective, source: 'individual', groupId: null, carriedFrom: null }]);
    case 'objective.update':
      return changeObjective(d, c.objectiveId, c.objective, 'updated');
    case 'objective.revise':
      return changeObjective(d, c.objectiveId, c.objective, `revised at the interim review: ${c.reason}`);
    case 'objective.remove':
      return removeObjective(d, c);
    case 'objectives.use-group':
      return useGroup(d, c);
    case 'objectives.carry-forward':
      return carryForward(d, c);
    case 'objectives.share':
      d.s.sharedWith = [...new Set(c.personIds.filter((id) => id !== d.s.revieweeId))];
      return undefined;
    case 'development-plan.set':
      d.s.developmentPlan = { goals: c.goals, supportForObjectives: c.supportForObjectives, ...d.stamp() };
      reopenAgreement(d);
      return undefined;
    default:
      return assertNever(c);
  }
}

/** Individual objectives count towards the limit; group standards do not (R-OBJ-1, R-OBJ-3). */
export const countedObjectives = (d: Draft): ObjectiveRecord[] => d.s.objectives.filter((o) => o.status === 'active' && o.source !== 'group');

function limitFailure(d: Draft, adding: number): CaseFailure | undefined {
  const limit = d.s.cycle.objectiveLimit;
  if (countedObjectives(d).length + adding <= limit) return undefined;
  const why = d.s.cycle.reducedObjectives ? ' (a reduced number, as you joined part-way through the cycle)' : '';
  return refuse('CASE.OBJECTIVE_LIMIT', `This cycle has at most ${limit} objectives${why}. Please remove one first.`);
}

function priorityFailure(d: Draft, input: ObjectiveInput): CaseFailure | undefined {
  const known = d.s.priorities.map((p) => p.id);
  const unknown = input.priorityIds.filter((id) => !known.includes(id));
  if (known.length === 0 || unknown.length === 0) return undefined;
  return refuse('CASE.INVALID_INPUT', 'Please link the objective to one of this cycle’s school priorities.', { 'objective.priorityIds': `unknown: ${unknown.join(', ')}` });
}

/** A change to the plan during planning means it must be proposed and agreed again (R-OBJ-4). */
function reopenAgreement(d: Draft): void {
  if (d.s.stage !== 'preparation' && d.s.stage !== 'planning') return;
  if (d.s.agreement.status === 'drafting') return;
  d.s.agreement = { ...d.s.agreement, status: 'drafting', at: d.ctx.now };
  // The reply asked for is no longer wanted: the plan changed under it.
  d.close('step.objectives-response', undefined, 'set-aside');
}

interface NewObjective {
  input: ObjectiveInput;
  source: ObjectiveRecord['source'];
  groupId: string | null;
  carriedFrom: ObjectiveRecord['carriedFrom'];
}

function addObjectives(d: Draft, items: NewObjective[]): CaseFailure | undefined {
  const counted = items.filter((i) => i.source !== 'group').length;
  const limit = limitFailure(d, counted);
  if (limit) return limit;
  for (const item of items) {
    const bad = priorityFailure(d, item.input);
    if (bad) return bad;
  }
  for (const item of items) {
    d.s.objectives.push({
      id: d.nextId('obj'), status: 'active', source: item.source, groupId: item.groupId, carriedFrom: item.carriedFrom,
      versions: [{ ...item.input, version: 1, reason: item.source === 'carried' ? 'carried forward' : 'drafted', ...d.stamp() }],
    });
  }
  reopenAgreement(d);
  return undefined;
}

function findActive(d: Draft, id: string): ObjectiveRecord | CaseFailure {
  const found = d.s.objectives.find((o) => o.id === id && o.status === 'active');
  return found ?? refuse('CASE.INVALID_INPUT', 'That objective isn’t in the plan.', { objectiveId: 'no such objective' });
}

const sameContent = (o: ObjectiveRecord, input: ObjectiveInput): boolean => {
  const { version: _v, reason: _r, by: _b, at: _a, ...current } = latest(o);
  return canonicalJson(current) === canonicalJson(input);
};

function pushVersion(d: Draft, o: ObjectiveRecord, input: ObjectiveInput, reason: string): void {
  o.versions.push({ ...input, version: latest(o).version + 1, reason, ...d.stamp() });
}

function changeObjective(d: Draft, id: string, input: ObjectiveInput, reason: string): CaseFailure | undefined {
  const o = findActive(d, id);
  if ('ok' in o) return o;
  if (o.source === 'group') return refuse('CASE.INVALID_INPUT', 'Group objectives are shared by the whole role family: the headteacher changes them for everyone.', { objectiveId: 'is a group objective' });
  if (sameContent(o, input)) return refuse('CASE.NOTHING_TO_DO', 'That objective already says exactly this.');
  const bad = priorityFailure(d, input);
  if (bad) return bad;
  pushVersion(d, o, input, reason);
  if (d.s.stage === 'interim') d.notify(d.s.revieweeId, 'objectives.revised');
  reopenAgreement(d);
  return undefined;
}

function removeObjective(d: Draft, c: CommandOf<'objective.remove'>): CaseFailure | undefined {
  const o = findActive(d, c.objectiveId);
  if ('ok' in o) return o;
  if (o.source === 'group') return refuse('CASE.INVALID_INPUT', 'Group objectives are shared by the whole role family: the headteacher changes them for everyone.', { objectiveId: 'is a group objective' });
  o.status = 'removed';
  pushVersion(d, o, { ...latest(o) }, `removed${c.reason ? `: ${c.reason}` : ''}`);
  reopenAgreement(d);
  return undefined;
}

function useGroup(d: Draft, c: CommandOf<'objectives.use-group'>): CaseFailure | undefined {
  if (c.roleFamily !== d.s.roleFamily) return refuse('CASE.INVALID_INPUT', `These group objectives are for ${c.roleFamily} staff.`, { roleFamily: `this case is for ${d.s.roleFamily} staff` });
  const current = d.s.objectives.filter((o) => o.status === 'active' && o.groupId === c.groupId);
  let changed = false;
  c.objectives.forEach((input, i) => {
    const o = current[i];
    if (o && !sameContent(o, input)) pushVersion(d, o, input, 'group objectives updated');
    changed ||= !o || !sameContent(o, input);
  });
  for (const o of current.slice(c.objectives.length)) {
    o.status = 'removed';
    pushVersion(d, o, { ...latest(o) }, 'removed from the group objectives');
    changed = true;
  }
  const extra = c.objectives.slice(current.length).map((input) => ({ input, source: 'group' as const, groupId: c.groupId, carriedFrom: null }));
  if (!changed) return refuse('CASE.NOTHING_TO_DO', 'These group objectives are already in the plan.');
  return addObjectives(d, extra);
}

function carryForward(d: Draft, c: CommandOf<'objectives.carry-forward'>): CaseFailure | undefined {
  const already = new Set(d.s.objectives.flatMap((o) => (o.carriedFrom ? [`${o.carriedFrom.cycleId}/${o.carriedFrom.objectiveId}`] : [])));
  const fresh = c.objectives.filter((o) => !already.has(`${c.fromCycleId}/${o.fromObjectiveId}`));
  if (fresh.length === 0) return refuse('CASE.NOTHING_TO_DO', 'Those objectives are already carried into this cycle.');
  // R-CYC-6: the progress assessed at the end of the first cycle goes onto the next planning statement.
  return addObjectives(d, fresh.map((o) => ({ input: o.objective, source: 'carried', groupId: null, carriedFrom: { cycleId: c.fromCycleId, objectiveId: o.fromObjectiveId, progress: o.progress } })));
}
