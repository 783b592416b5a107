import { executeCaseCommand, caseCommandSchema } from '../../services/case';
import type { CaseCommandInput } from '../../services/case';
import { planCaseEffect } from '../../services/nudges/case-effects';
import type { CaseEffectDeps } from '../../services/nudges/case-effects';
import { ALEX, aCaseWorld, PRIYA, ROLES, SCHOOL, STORES } from './case-world';
import type { CaseWorld, StoreKind } from './case-world';

// Holds, endings and races between a step's schedule and its close: a step that is no longer open never
// keeps a pending reminder, and planning the same step twice keeps one of each (R-CHAT-3, R-ELG-1, R-CON-1).

const RULE = 'step.self-assessment';
const NOW = '2026-03-16T10:00:00.000Z';

/** Alex's case with the planning meeting set for Tuesday 31 March, swept once: the self-assessment has reminders. */
async function withSelfAssessmentPlanned(kind: StoreKind): Promise<CaseWorld> {
  const w = await aCaseWorld(kind, NOW);
  await w.open();
  await w.run('reviewer', { type: 'meeting.schedule', meeting: 'planning', date: '2026-03-31' });
  await w.outbox.sweep();
  return w;
}

const HOLDS: { name: string; command: CaseCommandInput; alex: string | null; priya: string }[] = [
  { name: 'a protected absence pauses it', command: { type: 'case.pause', reason: 'maternity' }, alex: 'Your appraisal is paused', priya: 'Alex Morgan’s appraisal is paused' },
  { name: 'formal capability suspends it', command: { type: 'case.suspend', reason: 'formal-capability' }, alex: 'Your appraisal is on hold', priya: 'Alex Morgan’s appraisal is on hold' },
  { name: 'leaving the school withdraws it', command: { type: 'case.withdraw', leftOn: '2026-03-20' }, alex: null, priya: 'Alex Morgan’s appraisal has ended' },
];

describe.each(STORES)('steps that close, on the %s store (R-CHAT-3)', (kind: StoreKind) => {
  let w: CaseWorld;
  afterEach(async () => w.close());

  it.each(HOLDS)('R-CHAT-3: when $name, every open step’s reminders are cancelled and the people concerned are told', async (h) => {
    w = await withSelfAssessmentPlanned(kind);
    const planned = await w.pending();
    expect(planned.filter((r) => r.rule === RULE).length).toBeGreaterThan(0);
    const sentBefore = w.teams.sent.length;

    await w.run('head', h.command);
    for (const r of planned) expect((await w.store.reminders.get(SCHOOL, r.id))?.state).toBe('cancelled');
    await w.outbox.sweep();
    expect(await w.pending()).toEqual([]);
    const told = w.teams.sent.slice(sentBefore).map((s) => [s.recipient.personId, s.message.content.title]);
    expect(told).toEqual(expect.arrayContaining([[PRIYA, h.priya], ...(h.alex ? [[ALEX, h.alex]] : [])]));
    expect(told.length).toBe(h.alex ? 2 : 1);
  });

  it('R-CHAT-3: restarting a paused case plans its steps again, due no sooner than a working week on', async () => {
    w = await withSelfAssessmentPlanned(kind);
    await w.run('head', { type: 'case.pause', reason: 'long-term-sickness' });
    w.clock.set('2026-05-11T09:00:00.000Z');
    await w.run('head', { type: 'case.unpause' });
    await w.outbox.sweep();
    const step = await w.step(RULE);
    expect(step.due).toBe('2026-05-18');
    const again = (await w.pending()).filter((r) => r.rule === RULE);
    expect(again.length).toBeGreaterThan(0);
    for (const r of again) expect(r.id.startsWith(`${w.caseId}/${RULE}/${step.occurrence}.`)).toBe(true);
  });

  it('R-CHAT-3: a step done before its schedule is relayed gets no reminders at all', async () => {
    w = await aCaseWorld(kind, NOW);
    await w.open();
    await w.run('reviewer', { type: 'meeting.schedule', meeting: 'planning', date: '2026-03-31' });
    await w.run('reviewee', { type: 'self-assessment.submit', meeting: 'planning' });
    const report = await w.outbox.sweep();
    expect(report.done).toBe(report.read);
    expect((await w.pending()).filter((r) => r.rule === RULE)).toEqual([]);
    // The notices still go: Alex hears of the meeting, Priya of the self-assessment.
    expect(w.sentTo(ALEX).map((c) => c.title)).toContain('A date is set for your appraisal meeting');
    expect(w.sentTo(PRIYA).map((c) => c.title)).toContain('Alex Morgan has sent their self-assessment');
  });

  it('R-CHAT-3: a step done while its reminders are being planned has them cancelled by the relay', async () => {
    w = await aCaseWorld(kind, NOW);
    await w.open();
    await w.outbox.sweep();
    const scheduled = await w.run('reviewer', { type: 'meeting.schedule', meeting: 'planning', date: '2026-03-31' });
    // The relay reads the case, then Alex sends the self-assessment before the reminders are created: its
    // cancel finds nothing yet, so the relay must notice the step closed and cancel them itself.
    let raced = false;
    const racing: CaseEffectDeps = {
      ...w.caseEffects,
      cases: {
        get: async (schoolId, caseId) => {
          const read = await w.store.cases.get(schoolId, caseId);
          if (!raced) {
            raced = true;
            const done = await executeCaseCommand(w.caseDeps, {
              schoolId, caseId, expectedVersion: scheduled.version, actor: ROLES.reviewee, channel: 'teams',
              command: caseCommandSchema.parse({ type: 'self-assessment.submit', meeting: 'planning' }),
            });
            expect(done.ok).toBe(true);
          }
          return read;
        },
      },
    };
    const pending = await w.store.outbox.pending(100);
    const schedule = pending.filter((m) => m.kind === 'schedule');
    expect(schedule.length).toBe(1);
    await w.outboxWith(racing).sweep();
    expect(raced).toBe(true);
    const created = await Promise.all(['before-5', 'before-1', 'due'].map((slot) => w.store.reminders.get(SCHOOL, `${w.caseId}/${RULE}/${(schedule[0]?.payload as { occurrence: string }).occurrence}.${slot}`)));
    expect(created.map((r) => r?.state)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect((await w.pending()).filter((r) => r.rule === RULE)).toEqual([]);
  });

  it('R-CHAT-3: planning the same step twice keeps one reminder of each', async () => {
    w = await aCaseWorld(kind, NOW);
    await w.open();
    await w.outbox.sweep();
    await w.run('reviewer', { type: 'meeting.schedule', meeting: 'planning', date: '2026-03-31' });
    const schedule = (await w.store.outbox.pending(100)).find((m) => m.kind === 'schedule');
    if (!schedule) throw new Error('no schedule effect in the outbox');
    const plan = await planCaseEffect(schedule, w.caseEffects, w.clock.now());
    if (plan.kind !== 'reminders') throw new Error(`planned ${plan.kind}`);
    for (const r of plan.reminders) expect(await w.store.reminders.create(r)).toBe(true);
    await w.outbox.sweep();
    const again = await planCaseEffect(schedule, w.caseEffects, w.clock.now());
    if (again.kind !== 'reminders') throw new Error(`planned ${again.kind}`);
    for (const r of again.reminders) expect(await w.store.reminders.create(r)).toBe(false);
    const ids = (await w.pending()).filter((r) => r.rule === RULE).map((r) => r.id);
    expect(ids.sort()).toEqual(plan.reminders.map((r) => r.id).sort());
  });
});
