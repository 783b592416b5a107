import { randomUUID } from 'node:crypto';
import { caseCommandSchema, caseIdFor, executeCaseCommand, openCaseForPerson, parseCaseState } from '../../services/case';
import type { CaseDeps, CaseState } from '../../services/case';
import { caseDueWork } from '../../services/nudges/case-due-work';
import { FixedClock } from '../../services/shared/time';
import { openMemoryStore } from '../../storage/memory/memory.store';
import { ACTORS, policyOf } from '../case/case-fixtures';
import { REVIEWEE } from '../case/case-scenario-harness';

// The daily digest's source: what is due soon or overdue across a school's open cases (R-CHAT-3).
describe('due work for the digests (R-CHAT-3)', () => {
  it('R-CHAT-3: lists open steps due within five working days or overdue, and drops them once done', async () => {
    const clock = new FixedClock('2025-09-08T10:00:00.000Z');
    const store = openMemoryStore<CaseState>({ parseCaseState, clock });
    const policy = policyOf('spt');
    const deps: CaseDeps = { cases: store.cases, policyFor: async () => policy, clock, newId: randomUUID };
    const opened = await openCaseForPerson(deps, { schoolId: 'school-1', reviewee: REVIEWEE, reviewer: null, headteacher: null, cycleStart: '2025-09-01', actor: ACTORS.headteacher, channel: 'teams' });
    if (!opened.ok) throw new Error(opened.error.message);
    const source = caseDueWork({ cases: store.cases, policyFor: async () => policy });
    const step = opened.value.state.steps[0];
    expect(step).toBeDefined();

    expect(await source.dueWork('school-1', '2025-09-08')).toEqual([]);
    const soon = await source.dueWork('school-1', policy.calendar.addWorkingDays(step?.due ?? '', -3));
    expect(soon).toEqual([{ caseId: caseIdFor('2025-09-01', REVIEWEE.id), revieweeName: 'Alex Morgan', reviewerId: 'p-priya', stepTitle: step?.stepTitle, due: step?.due }]);
    expect((await source.dueWork('school-1', '2025-12-01')).length).toBe(1);

    const done = await executeCaseCommand(deps, {
      schoolId: 'school-1', caseId: opened.value.id, expectedVersion: opened.value.version, actor: ACTORS.reviewer, channel: 'teams',
      command: caseCommandSchema.parse({ type: 'meeting.schedule', meeting: 'planning', date: '2025-09-22' }),
    });
    expect(done.ok).toBe(true);
    expect((await source.dueWork('school-1', '2025-12-01')).map((i) => i.stepTitle)).not.toContain(step?.stepTitle);
  });
});
