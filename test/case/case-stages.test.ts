import { caseStateSchema, STAGES } from '../../services/case';
import { sptCaseAt } from './case-fixtures';

describe('case stages', () => {
  it.each(STAGES.map((s) => [s]))('R-CYC-2: the spt cycle reaches %s through commands, and the state passes its own schema', (stage) => {
    const { state } = sptCaseAt(stage);
    expect(state.stage).toBe(stage);
    expect(caseStateSchema.safeParse(state).success).toBe(true);
  });
});
