import { CASE_ROLES, COMMAND_TYPES, decide, mayIssue, PERMISSIONS, rolesOf, STAGES } from '../../services/case';
import type { CommandType } from '../../services/case';
import { ACTORS, cmd, ctxOf, openCommand, policyOf, sptCaseAt } from './case-fixtures';
import { sampleCommand } from './case-samples';

const GATE_CODES = ['CASE.NOT_ALLOWED', 'CASE.WRONG_STAGE'];
const STAGED = COMMAND_TYPES.filter((t): t is Exclude<CommandType, 'case.open'> => t !== 'case.open');

describe('the permission table (R-ROLE-1)', () => {
  it('R-ROLE-1: each fixture actor holds exactly the one case role it stands for', () => {
    const { state } = sptCaseAt('planning');
    for (const role of CASE_ROLES) expect(rolesOf(state, ACTORS[role])).toEqual([role]);
  });

  it.each(STAGED.map((t) => [t]))('R-ROLE-1: %s — every role in every stage is allowed or refused as the table says; a refusal changes nothing', (type) => {
    const wrong: string[] = [];
    let checked = 0;
    for (const stage of STAGES) {
      const { state, day, policy } = sptCaseAt(stage);
      const before = JSON.stringify(state);
      for (const role of CASE_ROLES) {
        const result = decide(state, cmd(sampleCommand(type, state, day, policy)), ctxOf(policy, day, ACTORS[role]));
        const gated = !result.ok && GATE_CODES.includes(result.error.code);
        const outcome = result.ok ? 'ok' : result.error.code;
        if (mayIssue(role, type, stage) === gated) wrong.push(`${role} in ${stage}: table says ${gated ? 'allowed' : 'refused'}, decide gave ${outcome}`);
        if (JSON.stringify(state) !== before) wrong.push(`${role} in ${stage}: the state passed in was changed`);
        checked += 1;
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBe(STAGES.length * CASE_ROLES.length);
  });

  it('R-ROLE-1: the table names only known stages and roles, and every command has someone who may issue it', () => {
    for (const type of STAGED) {
      const row = PERMISSIONS[type];
      expect(Object.keys(row).every((s) => (STAGES as readonly string[]).includes(s))).toBe(true);
      expect(Object.values(row).flat().length).toBeGreaterThan(0);
    }
  });

  it('R-ROLE-1: a reviewee refused a reviewer’s command is told who can do it', () => {
    const { state, day, policy } = sptCaseAt('planning');
    const result = decide(state, cmd({ type: 'objectives.determine' }), ctxOf(policy, day, ACTORS.reviewee));
    expect(result).toEqual({ ok: false, error: { code: 'CASE.NOT_ALLOWED', message: 'Only your reviewer can determine the objectives.' } });
  });

  it('R-ROLE-1: the right person at the wrong stage is told the stage, not refused as a person', () => {
    const { state, day, policy } = sptCaseAt('in-cycle');
    const result = decide(state, cmd({ type: 'objectives.determine' }), ctxOf(policy, day, ACTORS.reviewer));
    expect(result.ok ? null : result.error.code).toBe('CASE.WRONG_STAGE');
  });

  it('R-ROLE-1, R-PRV-1: the reviewee never gains another role on their own case, even as a senior leader', () => {
    const { state } = sptCaseAt('planning-moderation');
    expect(rolesOf(state, { personId: state.revieweeId, schoolRoles: ['slt', 'headteacher'] })).toEqual(['reviewee']);
  });

  it.each(CASE_ROLES.map((r) => [r]))('R-ROLE-1: case.open by %s is allowed only to the headteacher and the system', (role) => {
    const result = decide(null, cmd(openCommand()), ctxOf(policyOf('spt'), '2025-09-08', ACTORS[role]));
    expect(result.ok).toBe(role === 'headteacher' || role === 'system');
  });
});
