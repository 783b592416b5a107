import { decide, objectiveInputSchema, renderStatement } from '../../services/case';
import { ACTORS, after, anObjective, cmd, codeOf, ctxOf, must, openCommand, PEOPLE, policyOf, sign, sptCaseAt, tryAt } from './case-fixtures';

const spt = policyOf('spt');

describe('objectives (R-OBJ-1..4)', () => {
  it('R-OBJ-1: an objective needs all six aspects; the schema names the missing field', () => {
    const parsed = objectiveInputSchema.safeParse({ ...anObjective(), successMeasures: '  ' });
    expect(parsed.success ? [] : parsed.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['successMeasures', 'Please fill this in.']]);
  });

  it.each([['spt', 6], ['test-valley', 3]])('R-OBJ-1: %s allows at most %i objectives', (preset, limit) => {
    const policy = policyOf(preset);
    const start = preset === 'spt' ? '2025-09-01' : '2025-03-03';
    let s = must(null, openCommand({ start }), policy, start, 'headteacher').next;
    for (let i = 0; i < limit; i += 1) s = must(s, { type: 'objective.add', objective: anObjective(`Objective ${i}`) }, policy, start, 'reviewer').next;
    const r = decide(s, cmd({ type: 'objective.add', objective: anObjective('One too many') }), ctxOf(policy, start, ACTORS.reviewer));
    expect(r.ok ? null : [r.error.code, r.error.message]).toEqual(['CASE.OBJECTIVE_LIMIT', `This cycle has at most ${limit} objectives. Please remove one first.`]);
  });

  it('R-OBJ-2: an objective links only to the priorities the headteacher set for the cycle', () => {
    const s = must(null, openCommand({ priorities: [{ id: 'sip-1', title: 'Reading for pleasure' }] }), spt, '2025-09-08', 'headteacher').next;
    const link = (ids: string[]) => decide(s, cmd({ type: 'objective.add', objective: { ...anObjective(), priorityIds: ids, kind: 'trust' } }), ctxOf(spt, '2025-09-08', ACTORS.reviewer));
    expect([codeOf(link(['sip-1'])), codeOf(link(['sip-9']))]).toEqual(['ok', 'CASE.INVALID_INPUT']);
  });

  it('R-OBJ-3: group objectives are shared, do not count towards the limit and cannot be edited in one case', () => {
    const { state } = sptCaseAt('planning');
    const group = { type: 'objectives.use-group' as const, groupId: 'lunch', roleFamily: 'support', objectives: [anObjective('Keep the hall safe'), anObjective('Model kind play')] };
    const s = must(state, group, spt, '2025-09-15', 'headteacher').next;
    const groupIds = s.objectives.filter((o) => o.source === 'group').map((o) => o.id);
    expect(groupIds).toHaveLength(2);
    expect(codeOf(decide(s, cmd({ type: 'objective.update', objectiveId: groupIds[0]!, objective: anObjective('Mine now') }), ctxOf(spt, '2025-09-15', ACTORS.reviewer)))).toBe('CASE.INVALID_INPUT');
    expect(codeOf(decide(s, cmd(group), ctxOf(spt, '2025-09-15', ACTORS.headteacher)))).toBe('CASE.NOTHING_TO_DO');
    const updated = must(s, { ...group, objectives: [anObjective('Keep the hall and yard safe')] }, spt, '2025-09-16', 'headteacher').next;
    const first = updated.objectives.find((o) => o.id === groupIds[0]);
    expect(first?.versions.map((v) => v.headline)).toEqual(['Keep the hall safe', 'Keep the hall and yard safe']);
    expect(updated.objectives.find((o) => o.id === groupIds[1])?.status).toBe('removed');
  });

  it('R-OBJ-4: proposed objectives agreed by the reviewee are recorded as agreed', () => {
    const s = after(sptCaseAt('planning').state, spt, [
      ['2025-09-22', 'reviewer', () => ({ type: 'objective.add', objective: anObjective() })],
      ['2025-09-22', 'reviewer', () => ({ type: 'objectives.propose' })],
      ['2025-09-23', 'reviewee', () => ({ type: 'objectives.agree' })],
    ]);
    expect(s.agreement).toMatchObject({ status: 'agreed', disagreement: null });
  });

  it('R-OBJ-4: without agreement the reviewer determines them, and the record shows determined with the disagreement', () => {
    const proposed = after(sptCaseAt('planning').state, spt, [
      ['2025-09-22', 'reviewer', () => ({ type: 'objective.add', objective: anObjective() })],
      ['2025-09-22', 'reviewer', () => ({ type: 'objectives.propose' })],
    ]);
    expect(codeOf(decide(proposed, cmd({ type: 'objectives.determine' }), ctxOf(spt, '2025-09-23', ACTORS.reviewer)))).toBe('CASE.STEP_NOT_READY');
    const s = after(proposed, spt, [
      ['2025-09-23', 'reviewee', () => ({ type: 'objectives.disagree', reason: 'Too much in one term' })],
      ['2025-09-24', 'reviewer', () => ({ type: 'objectives.determine', note: 'Timescale eased' })],
    ]);
    expect(s.agreement).toMatchObject({ status: 'determined', note: 'Timescale eased', disagreement: { reason: 'Too much in one term' } });
    expect(renderStatement(s, 'planning').canonical).toContain('"status":"determined"');
  });

  it('R-OBJ-4: a change after proposing sends the objectives back to drafting and cancels the reviewee’s reply step', () => {
    const proposed = after(sptCaseAt('planning').state, spt, [
      ['2025-09-22', 'reviewer', () => ({ type: 'objective.add', objective: anObjective() })],
      ['2025-09-22', 'reviewer', () => ({ type: 'objectives.propose' })],
    ]);
    const r = must(proposed, { type: 'objective.add', objective: anObjective('Another') }, spt, '2025-09-22', 'reviewee');
    expect(r.next.agreement.status).toBe('drafting');
    expect(r.effects).toContainEqual(expect.objectContaining({ type: 'cancel', rule: 'step.objectives-response' }));
    expect(codeOf(decide(r.next, cmd({ type: 'objectives.agree' }), ctxOf(spt, '2025-09-22', ACTORS.reviewee)))).toBe('CASE.STEP_NOT_READY');
  });

  it('R-OBJ-5: every change keeps the earlier versions; a removed objective stays in the record', () => {
    const s0 = after(sptCaseAt('planning').state, spt, [['2025-09-22', 'reviewer', () => ({ type: 'objective.add', objective: anObjective('First draft') })]]);
    const id = s0.objectives[0]!.id;
    const s = after(s0, spt, [
      ['2025-09-22', 'reviewee', () => ({ type: 'objective.update', objectiveId: id, objective: anObjective('Second draft') })],
      ['2025-09-22', 'reviewer', () => ({ type: 'objective.remove', objectiveId: id, reason: 'Merged' })],
    ]);
    expect(s.objectives[0]?.status).toBe('removed');
    expect(s.objectives[0]?.versions.map((v) => [v.version, v.headline, v.reason])).toEqual([[1, 'First draft', 'drafted'], [2, 'Second draft', 'updated'], [3, 'Second draft', 'removed: Merged']]);
    expect(codeOf(decide(s0, cmd({ type: 'objective.update', objectiveId: id, objective: anObjective('First draft') }), ctxOf(spt, '2025-09-22', ACTORS.reviewer)))).toBe('CASE.NOTHING_TO_DO');
  });

  it('R-PDP-1: the development plan records goals with timescales and the support for them', () => {
    const r = tryAt('planning', 'reviewee', { type: 'development-plan.set', goals: [{ goal: 'Level 3 TA course', timescale: 'By July', support: 'Release time' }], supportForObjectives: 'Phonics training' });
    expect(r.ok && r.value.next.developmentPlan).toMatchObject({ goals: [{ goal: 'Level 3 TA course', timescale: 'By July', support: 'Release time' }], supportForObjectives: 'Phonics training' });
  });
});

describe('moderation and signatures (R-MOD-1, R-STM-2)', () => {
  it('R-MOD-1: the planning statement goes to the headteacher only once the objectives are agreed or determined', () => {
    const s = after(sptCaseAt('planning').state, spt, [['2025-09-22', 'reviewer', () => ({ type: 'objective.add', objective: anObjective() })]]);
    expect(codeOf(decide(s, cmd({ type: 'planning.submit' }), ctxOf(spt, '2025-09-22', ACTORS.reviewer)))).toBe('CASE.STEP_NOT_READY');
  });

  it('R-MOD-1: submitting asks the headteacher to moderate, with a step to do it by', () => {
    const r = tryAt('planning', 'reviewer', { type: 'planning.submit' }, '2025-09-23');
    expect(codeOf(r)).toBe('CASE.STEP_NOT_READY');
    const { state } = sptCaseAt('planning-moderation');
    expect(state.moderation.status).toBe('requested');
    expect(state.steps).toContainEqual(expect.objectContaining({ rule: 'step.moderation', owner: PEOPLE.head, due: '2025-09-30' }));
  });

  it('R-MOD-1: the headteacher sends it back with a reason; the reviewer redoes the objectives', () => {
    const r = tryAt('planning-moderation', 'headteacher', { type: 'moderation.refer-back', reason: 'Objective 2 is not measurable' });
    if (!r.ok) throw new Error(r.error.message);
    expect([r.value.next.stage, r.value.next.agreement.status, r.value.next.moderation.history.at(-1)?.note]).toEqual(['planning', 'drafting', 'Objective 2 is not measurable']);
    expect(r.value.effects).toContainEqual({ type: 'notify', to: PEOPLE.reviewer, topic: 'moderation.referred-back' });
  });

  it('R-MOD-1, R-STM-2: approval asks both to sign, each with a step', () => {
    const r = tryAt('planning-moderation', 'headteacher', { type: 'moderation.approve' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.next.stage).toBe('planning-signatures');
    expect(r.value.effects.filter((e) => e.type === 'schedule').map((e) => e.type === 'schedule' && [e.rule, e.owner])).toEqual([['step.sign-planning', PEOPLE.reviewee], ['step.sign-planning', PEOPLE.reviewer]]);
  });

  it('R-STM-2: a signature over an older version of the statement is refused', () => {
    expect(codeOf(tryAt('planning-signatures', 'reviewee', { type: 'statement.sign', statement: 'planning', hash: 'a'.repeat(64) }))).toBe('CASE.SIGNATURE_STALE');
  });

  it('R-STM-2: a signature records who, in which role, when, and the fingerprint; both signatures start the cycle', () => {
    const { state, day } = sptCaseAt('planning-signatures');
    const one = must(state, sign('planning')(state), spt, day, 'reviewee');
    expect(one.next.statements.planning.signatures).toEqual([{ by: PEOPLE.reviewee, role: 'reviewee', at: `${day}T10:00:00.000Z`, hash: renderStatement(state, 'planning').hash, voidedAt: null }]);
    expect(codeOf(decide(one.next, cmd(sign('planning')(one.next)), ctxOf(spt, day, ACTORS.reviewee)))).toBe('CASE.NOTHING_TO_DO');
    const both = must(one.next, sign('planning')(one.next), spt, day, 'reviewer');
    expect([both.next.stage, both.next.statements.planning.signedOn]).toEqual(['in-cycle', day]);
    expect(both.effects).toContainEqual(expect.objectContaining({ type: 'schedule', rule: 'step.interim-meeting', due: '2026-03-31' }));
  });

  it('R-STM-1, R-STM-2: the reviewee’s comment after the reviewer signed voids that signature and asks again', () => {
    const { state, day } = sptCaseAt('planning-signatures');
    const signed = must(state, sign('planning')(state), spt, day, 'reviewer').next;
    const r = must(signed, { type: 'statement.comment', statement: 'planning', text: 'I would like more release time' }, spt, day, 'reviewee');
    expect(r.next.statements.planning.signatures[0]?.voidedAt).toBe(`${day}T10:00:00.000Z`);
    expect(r.effects).toContainEqual({ type: 'notify', to: PEOPLE.reviewer, topic: 'statement.changed' });
    expect(r.effects).toContainEqual(expect.objectContaining({ type: 'schedule', rule: 'step.sign-planning', owner: PEOPLE.reviewer }));
    expect(renderStatement(r.next, 'planning').canonical).toContain('I would like more release time');
  });
});
