import type { Actor } from '../../bot/actor';
import { createCaseRuntime } from '../../bot/case-runtime';
import type { ProductStore } from '../../bot/compose';
import { createLogger } from '../../bot/logger';
import { PAYROLL_PAGE_SIZE, payrollChangesScreen } from '../../bot/payroll-screens';
import type { ListScreen } from '../../bot/queue-screens';
import { listBlocks } from '../../cards/slack/case-blocks';
import { listCard } from '../../cards/teams/cards';
import type { ListView } from '../../cards/views/list.view';
import { Verbs } from '../../cards/verbs';
import { caseIdFor, parseCaseState } from '../../services/case';
import type { CaseState } from '../../services/case';
import { personSchema } from '../../services/people/person.schema';
import type { SchoolRecord } from '../../services/ports/store.port';
import { payrollRow } from '../../services/reports';
import { FixedClock } from '../../services/shared/time';
import { openMemoryStore } from '../../storage/memory/memory.store';
import { play, policyOf, SPT_SCRIPT } from '../case/case-fixtures';
import { messageProblems } from '../slack/block-kit-checks';
import { cardRuleProblems } from './card-rules';

// The head's payroll changes at the size of a school (R-PAY-1, R-CHAT-2): 45 changes of every kind since the export,
// built by the real screen over the in-memory store, come a page at a time; each page is a valid card under 28 KB
// with routed verbs and a Slack message within Block Kit's limits, and every change is listed once.

const SCHOOL: SchoolRecord = { id: 'school-1', name: 'Oakfield Primary', presetId: 'hampshire-model', settings: {}, teamsTenantIds: [], slackTeamIds: [], version: 0 };
const CYCLE = '2025-09-01';
const approved = play(policyOf('spt'), SPT_SCRIPT).map((x) => x.state).find((s) => s.pay.approval !== null)!;
const person = (n: number, extra: object = {}) =>
  personSchema.parse({ id: `p-${n}`, schoolId: SCHOOL.id, staffId: `OAK-${1000 + n}`, name: `Staff Member With A Long Double-Barrelled Name ${n}`, email: `p${n}@oakfield.example`, startDate: '2019-09-02', ...extra });
const head = person(0, { headteacher: true, name: 'Jordan Ellis' });
const actor: Actor = { chat: 'teams', userKey: 'aad-jordan', person: head, school: SCHOOL, roles: new Set(['headteacher']) };

/** 30 people payroll has an increment for and who have none approved now, 10 approved and not in the export, 5 approved differently. */
async function school(): Promise<{ store: ProductStore; show: (data: Record<string, unknown>) => Promise<ListScreen> }> {
  const clock = new FixedClock('2026-12-04T10:00:00.000Z');
  const store: ProductStore = openMemoryStore<CaseState>({ parseCaseState, clock });
  await store.schools.save(SCHOOL, null);
  await store.people.upsert(head);
  const rows = [];
  for (let n = 1; n <= 45; n += 1) {
    const p = person(n);
    await store.people.upsert(p);
    if (n <= 30) rows.push(payrollRow({ staffId: p.staffId, currentPoint: 3, recommendation: 'increment' }, '2027-04-01'));
    if (n > 40) rows.push(payrollRow({ staffId: p.staffId, currentPoint: 6, recommendation: 'withhold' }, '2027-04-01'));
    if (n <= 30) continue;
    const id = caseIdFor(CYCLE, p.id);
    const state: CaseState = { ...approved, id, schoolId: SCHOOL.id, revieweeId: p.id, names: { ...approved.names, [p.id]: p.name } };
    await store.cases.save({
      case: { id, schoolId: SCHOOL.id, cycleId: CYCLE, revieweeId: p.id, reviewerId: state.reviewerId, stage: state.stage, version: 0, cycleEnd: state.cycle.end, state },
      expectedVersion: null, outbox: [], reminders: [], cancelReminderIds: [], audit: [],
    });
  }
  await store.payrollExports.save({ schoolId: SCHOOL.id, cycleId: CYCLE, cycleEnd: '2026-08-31', exportedOn: '2026-12-01', effectiveDate: '2027-04-01', rows, exportedBy: 'admin', version: 0 }, null);
  const runtime = createCaseRuntime({ store, clock, logger: createLogger('silent') });
  return { store, show: (data) => payrollChangesScreen(store, runtime, actor, data) };
}

const viewOf = (screen: ListScreen): ListView => {
  if (screen.kind !== 'list') throw new Error(`expected a list, got ${screen.view.message}`);
  return screen.view;
};

describe('the head’s payroll changes as cards (R-PAY-1, R-CHAT-2)', () => {
  it('R-PAY-1, R-CHAT-1: 45 changes come a page at a time, each a valid card under 28 KB and a Slack message within the limits, everyone once', async () => {
    const { show } = await school();
    const pages: ListView[] = [];
    let data: Record<string, unknown> = { caseId: `payroll:${CYCLE}`, version: 1 };
    for (;;) {
      const view = viewOf(await show(data));
      pages.push(view);
      const next = view.actions.find((a) => a.verb === Verbs.payrollChangesShow && a.title.startsWith('Next'));
      if (!next || pages.length > 10) break;
      data = next.data;
    }
    expect(pages).toHaveLength(Math.ceil(45 / PAYROLL_PAGE_SIZE));
    for (const view of pages) {
      const card = listCard(view);
      expect(cardRuleProblems(card)).toEqual([]);
      expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(28 * 1024);
      expect(messageProblems(listBlocks(view))).toEqual([]);
      // The last item on every page says what to do next; every change above it is shown whole in Slack too.
      expect(view.items.at(-1)?.heading).toBe('What to do next');
      expect(JSON.stringify(listBlocks(view))).not.toMatch(/more\. Once/);
    }
    const listed = pages.flatMap((v) => v.items.slice(0, -1).map((i) => i.heading));
    expect(listed).toHaveLength(45);
    expect(new Set(listed).size).toBe(45);
    expect(pages[1]?.intro).toContain(`Showing ${PAYROLL_PAGE_SIZE + 1} to ${2 * PAYROLL_PAGE_SIZE} of 45.`);
    expect(pages[1]?.actions.map((a) => a.title)).toEqual(['Back', 'Next changes']);
    const byKind = pages.flatMap((v) => v.items.slice(0, -1).map((i) => i.lines.join(' ')));
    expect(byKind.filter((l) => l === 'Payroll has: an increment to point 4. Approved now: no pay recommendation.')).toHaveLength(30);
    expect(byKind.filter((l) => l === 'Payroll has: nothing for them in the export. Approved now: an increment.')).toHaveLength(10);
    expect(byKind.filter((l) => l === 'Payroll has: increment withheld, staying on point 6. Approved now: an increment to point 7.')).toHaveLength(5);
  });

  it('R-CHAT-2: a page asked for past the end, or nonsense, shows a real page rather than an empty card', async () => {
    const { show } = await school();
    for (const page of [99, -1, 'two', null]) expect(viewOf(await show({ caseId: `payroll:${CYCLE}`, page })).items.length).toBeGreaterThan(1);
  });
});
