import fc from 'fast-check';
import { resolveActor } from '../../bot/actor';
import { createCaseRuntime } from '../../bot/case-runtime';
import { formScreen, runCaseCommand } from '../../bot/case-screens';
import { createLogger } from '../../bot/logger';
import { DEMO_SCHOOL_ID, demoPeople } from '../../bot/dev/demo-school';
import { COMMAND_TYPES, caseIdFor } from '../../services/case';
import { launchDemoCycle, startTestServer } from '../support/test-server';
import type { TestServer } from '../support/test-server';

// 10,000 generated card payloads — wrong types, missing fields, huge strings, other people's case ids, old
// versions — through the same pipeline a Teams or Slack action takes: nothing throws, and a payload that is not
// accepted changes nothing stored (R-CHAT-1, R-PRV-1). The HTTP layer above it is covered by the Teams tests.
describe('generated card payloads (R-CHAT-1)', () => {
  let t: TestServer;
  jest.setTimeout(120_000);
  beforeAll(async () => {
    t = await startTestServer();
    await launchDemoCycle(t);
  });
  afterAll(async () => t.stop());

  it('R-CHAT-1: 10,000 payloads: no crash, and nothing stored from any payload that was not accepted', async () => {
    const runtime = createCaseRuntime({ store: t.store, clock: t.clock, logger: createLogger('silent') });
    const people = demoPeople().filter((p) => p.teams);
    const caseIds = ['p-sam', 'p-nadia', 'p-owen'].map((id) => caseIdFor('2026-03-01', id));
    const junk = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ minLength: 5000, maxLength: 20000 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 2 }));
    const payload = fc.record({
      person: fc.constantFrom(...people),
      type: fc.constantFrom(...COMMAND_TYPES),
      form: fc.boolean(),
      caseId: fc.oneof(fc.constantFrom(...caseIds), fc.string({ maxLength: 300 }), junk),
      version: fc.oneof(fc.constant('current'), fc.integer({ min: -5, max: 50 }), junk),
      fields: fc.dictionary(fc.oneof(fc.constantFrom('date', 'meeting', 'reason', 'note', 'objective.headline', 'statement', 'hash', 'newReviewerId', 'objectiveId', 'items.0.rating'), fc.string({ maxLength: 30 })), junk, { maxKeys: 6 }),
    });
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(payload, async (p) => {
        const actor = await resolveActor(t.store, 'teams', p.person.teams?.aadObjectId ?? '');
        const targetId = typeof p.caseId === 'string' ? p.caseId : '';
        const before = caseIds.includes(targetId) ? await t.store.cases.get(DEMO_SCHOOL_ID, targetId) : null;
        const version = p.version === 'current' ? (before?.version ?? 0) : p.version;
        const data = { ...p.fields, caseId: p.caseId, version } as Record<string, unknown>;
        const screen = p.form ? await formScreen(t.store, runtime, actor, p.type, data) : await runCaseCommand(t.store, runtime, actor, { type: p.type, data, channel: 'teams' });
        const recorded = screen.kind === 'case' && screen.view.banner?.style === 'good';
        if (recorded) accepted += 1;
        if (before && !recorded) expect((await t.store.cases.get(DEMO_SCHOOL_ID, targetId))?.version).toBe(before.version);
        expect(['case', 'form', 'error']).toContain(screen.kind);
      }),
      { numRuns: 10_000, seed: 20261125 },
    );
    // Some generated payloads are genuinely valid (e.g. the head approving, a note): they are recorded.
    expect(accepted).toBeLessThan(10_000);
  });
});
