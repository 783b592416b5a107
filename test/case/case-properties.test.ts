import fc from 'fast-check';
import { CASE_ROLES, caseStateSchema, COMMAND_TYPES, decide, PERMISSIONS, renderStatement, STAGES } from '../../services/case';
import type { CaseRole, CaseState, CommandType, Decision } from '../../services/case';
import { ACTORS, cmd, ctxOf, policyOf, sptCaseAt } from './case-fixtures';
import { sampleCommand } from './case-samples';

type Staged = Exclude<CommandType, 'case.open'>;
const TYPES = COMMAND_TYPES.filter((t): t is Staged => t !== 'case.open');
const PRESETS = ['spt', 'test-valley', 'propeller', 'hampshire-model'] as const;

// Random command sequences from random roles. Half the picks are steered towards commands and roles the
// table allows in the current stage, so sequences travel through the cycle instead of being refused at once.
const stepArb = fc.record({ steerType: fc.boolean(), typeIndex: fc.nat(), steerRole: fc.boolean(), roleIndex: fc.nat(), variant: fc.nat(7), advance: fc.nat(4) });
const runArb = fc.record({ stage: fc.constantFrom(...STAGES), preset: fc.constantFrom(...PRESETS), steps: fc.array(stepArb, { minLength: 1, maxLength: 30 }) });

function pick<T>(items: readonly T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length];
}

/** Every invariant a decision must keep; returns what broke. */
function broken(before: CaseState, d: Decision): string[] {
  const next = d.next;
  const out: string[] = [];
  const parsed = caseStateSchema.safeParse(next);
  if (!parsed.success) out.push(`schema: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  for (const kind of ['planning', 'review'] as const) {
    const { hash } = renderStatement(next, kind);
    if (next.statements[kind].signatures.some((g) => g.voidedAt === null && g.hash !== hash)) out.push(`a valid ${kind} signature over an old fingerprint`);
  }
  for (const o of before.objectives) {
    const now = next.objectives.find((x) => x.id === o.id);
    if (!now || JSON.stringify(now.versions.slice(0, o.versions.length)) !== JSON.stringify(o.versions)) out.push(`objective ${o.id} lost a version`);
  }
  if (next.objectives.some((o) => o.versions.some((v, i) => v.version !== i + 1))) out.push('objective versions out of order');
  if (next.log.length !== before.log.length + 1 || JSON.stringify(next.log.slice(0, -1)) !== JSON.stringify(before.log)) out.push('the event log was not appended to');
  const open = new Set(next.steps.map((x) => `${x.rule}|${x.key}`));
  if (open.size !== next.steps.length) out.push('a step is open twice');
  for (const e of d.effects) {
    if (e.type === 'schedule' && !next.steps.some((x) => x.occurrence === e.occurrence && x.rule === e.rule)) out.push(`scheduled ${e.rule} is not an open step`);
    if (e.type === 'cancel' && next.steps.some((x) => x.occurrence === e.occurrence && x.rule === e.rule)) out.push(`cancelled ${e.rule} is still open`);
  }
  if ((next.stage === 'closed' || next.stage === 'withdrawn') && next.steps.length > 0) out.push('an ended case still has open steps');
  return out;
}

describe('case properties (fast-check)', () => {
  it('R-STM-2, R-OBJ-5: random command sequences from random roles keep the state valid, signatures true to their statement, every objective version and the log', () => {
    let decided = 0;
    fc.assert(
      fc.property(runArb, ({ stage, preset, steps }) => {
        const start = sptCaseAt(stage);
        const policy = policyOf(preset);
        let { state, day } = start;
        for (const step of steps) {
          day = step.advance === 0 ? day : policy.calendar.addWorkingDays(day, step.advance);
          const allowedTypes = TYPES.filter((t) => PERMISSIONS[t][state.stage] !== undefined);
          const type = (step.steerType ? pick(allowedTypes, step.typeIndex) : undefined) ?? (pick(TYPES, step.typeIndex) as Staged);
          const allowedRoles: readonly CaseRole[] = PERMISSIONS[type][state.stage] ?? [];
          const role = (step.steerRole ? pick(allowedRoles, step.roleIndex) : undefined) ?? (pick(CASE_ROLES, step.roleIndex) as CaseRole);
          const snapshot = JSON.stringify(state);
          const result = decide(state, cmd(sampleCommand(type, state, day, policy, step.variant)), ctxOf(policy, day, ACTORS[role]));
          if (JSON.stringify(state) !== snapshot) throw new Error(`${type} by ${role} changed the state it was given`);
          if (!result.ok) continue;
          const problems = broken(state, result.value);
          if (problems.length > 0) throw new Error(`${type} by ${role} in ${state.stage}: ${problems.join('; ')}`);
          state = result.value.next;
          decided += 1;
        }
      }),
      { numRuns: 400 },
    );
    expect(decided).toBeGreaterThan(400);
  });
});
