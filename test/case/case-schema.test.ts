import { caseCommandSchema, COMMAND_INPUT_SCHEMAS, COMMAND_TYPES, finalAssessmentInputSchema, parseCaseState, selfAssessmentInputSchema } from '../../services/case';
import { sptCaseAt } from './case-fixtures';

describe('case schemas', () => {
  it('R-CYC-2: stored state round-trips through parseCaseState', () => {
    const { state } = sptCaseAt('appeal');
    expect(parseCaseState(JSON.parse(JSON.stringify(state)))).toEqual(state);
  });

  it('R-PRV-2: unreadable stored state names the case and the fields, never their content', () => {
    const { state } = sptCaseAt('in-cycle');
    const broken = { ...state, schemaVersion: 2, objectives: [{ id: 'obj1', secret: 'Alex’s wellbeing details' }] };
    expect(() => parseCaseState(broken)).toThrow(/^Case case-1 has invalid state \(fields: schemaVersion, objectives\.0\.status/);
    expect(() => parseCaseState(broken)).not.toThrow(/wellbeing details/);
    expect(() => parseCaseState('nonsense')).toThrow('Case (no id) has invalid state');
  });

  it('R-CHAT-1: every command type has its own input schema, and the union tells an unknown type apart', () => {
    expect(Object.keys(COMMAND_INPUT_SCHEMAS)).toEqual(COMMAND_TYPES);
    expect(caseCommandSchema.safeParse({ type: 'objectives.invent' }).success).toBe(false);
    expect(caseCommandSchema.safeParse({ type: 'objectives.agree' }).success).toBe(true);
  });

  it('R-SA-1: the self-assessment form defaults the wellbeing answers to “prefer not to say”, never to yes or no', () => {
    const parsed = selfAssessmentInputSchema.parse({ meeting: 'planning' });
    expect(parsed.wellbeing).toEqual({ disability: 'prefer-not-to-say', circumstancesChanged: 'prefer-not-to-say', adjustmentsNeeded: 'prefer-not-to-say', details: '', supportWanted: '' });
  });

  it('R-FIN-1: the final assessment form names each missing field for the card', () => {
    const parsed = finalAssessmentInputSchema.safeParse({ objectives: [{ objectiveId: 'obj1', rating: 'met', comment: '' }], overall: '' });
    expect(parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'))).toEqual(['objectives.0.comment', 'overall']);
  });

  it('R-STM-2: a signature must carry a full SHA-256 fingerprint', () => {
    expect(caseCommandSchema.safeParse({ type: 'statement.sign', statement: 'planning', hash: 'abc' }).success).toBe(false);
  });
});
