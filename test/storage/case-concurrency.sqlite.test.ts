import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { caseCommandSchema, caseIdFor, executeCaseCommand, openCaseForPerson, parseCaseState } from '../../services/case';
import type { CaseDeps, CaseState } from '../../services/case';
import { FixedClock } from '../../services/shared/time';
import { openSqliteStore } from '../../storage/sqlite/sqlite.store';
import { ACTORS, policyOf } from '../case/case-fixtures';
import { REVIEWEE } from '../case/case-scenario-harness';

// 50 people press "add evidence" on one case at the same moment, each from a card at the same version, on the
// embedded store: exactly one write wins each round, the use-case decides the losers again on the fresh case
// (at most three tries), and nothing is lost or recorded twice (issue 5, R-EVD-1).
describe('concurrent commands on one case (SQLite)', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipp-concurrency-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('R-EVD-1: 50 concurrent saves at one version: every accepted one is recorded exactly once, the rest are told the card is out of date', async () => {
    const clock = new FixedClock('2025-09-08T10:00:00.000Z');
    const store = openSqliteStore<CaseState>({ file: path.join(dir, 'ipp.sqlite'), parseCaseState, clock });
    let n = 0;
    const deps: CaseDeps = { cases: store.cases, policyFor: async () => policyOf('spt'), clock, newId: () => `id-${(n += 1)}` };
    const opened = await openCaseForPerson(deps, { schoolId: 'school-1', reviewee: REVIEWEE, reviewer: null, headteacher: null, cycleStart: '2025-09-01', actor: ACTORS.headteacher, channel: 'teams' });
    if (!opened.ok) throw new Error(opened.error.message);
    const caseId = caseIdFor('2025-09-01', REVIEWEE.id);
    // The planning meeting is set, so the case is in planning, where evidence can be added.
    const planned = await executeCaseCommand(deps, {
      schoolId: 'school-1', caseId, expectedVersion: opened.value.version, actor: ACTORS.reviewer, channel: 'teams',
      command: caseCommandSchema.parse({ type: 'meeting.schedule', meeting: 'planning', date: '2025-09-22' }),
    });
    if (!planned.ok) throw new Error(planned.error.message);
    const version = planned.value.version;

    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        executeCaseCommand(deps, {
          schoolId: 'school-1', caseId, expectedVersion: version, actor: ACTORS.reviewee, channel: 'teams',
          command: caseCommandSchema.parse({ type: 'evidence.add', what: `Evidence ${i}` }),
        }),
      ),
    );
    const accepted = results.filter((r) => r.ok).length;
    const refused = results.filter((r) => !r.ok);
    // One write wins each round and the use-case tries three times, so at least three are accepted.
    expect(accepted).toBeGreaterThanOrEqual(3);
    // Refused ones are told plainly: their card was out of date, or three tries all met someone else's write.
    for (const r of refused) {
      expect(r.ok ? 'ok' : r.error.code).toBe('CASE.STALE_VERSION');
      expect(r.ok ? '' : r.error.message).toMatch(/^(This card is out of date|Someone else changed this appraisal at the same moment)/);
    }

    const final = await store.cases.get('school-1', caseId);
    const whats = (final?.state.evidence ?? []).map((e) => e.what);
    expect(whats.length).toBe(accepted);
    expect(new Set(whats).size).toBe(accepted);
    expect(final?.version).toBe(version + accepted);
    // Each accepted decision wrote its audit event once; a refused try wrote nothing.
    const audited = (await store.audit.listForCase('school-1', caseId)).filter((e) => e.action === 'evidence.add');
    expect(audited.length).toBe(accepted);
    expect(final?.state.log.filter((e) => e.type === 'evidence.add').length).toBe(accepted);
    await store.close();
  });
});
