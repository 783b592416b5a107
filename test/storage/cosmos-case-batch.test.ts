import { ConcurrencyError } from '../../services/ports/errors';
import { buildCaseBatch, checkBatchResults, MAX_BATCH_OPERATIONS } from '../../storage/cosmos/cosmos-case-batch';
import { containerDefinitions, containerRequest } from '../../storage/cosmos/cosmos-containers';
import { docId } from '../../storage/cosmos/cosmos-documents';
import { duePendingQuery, expiredLeaseQuery } from '../../storage/cosmos/cosmos-reminder.repository';
import { aCase, anAudit, anOutbox, aReminder, aWrite } from './store-fixtures';

// What the Cosmos adapter asks of Cosmos DB, checked request by request: the parts the loopback test server
// cannot prove (batch rollback is Cosmos DB's promise for one transactional batch; ttl expiry is its background job).

const now = new Date('2026-11-25T09:00:00.000Z');
const ctx = { caseEtag: '"etag-7"', existingReminderIds: new Set<string>(), toCancel: [], now };
const bodyOf = (op: unknown) => (op as { resourceBody: Record<string, unknown> }).resourceBody;

describe('Cosmos case batch', () => {
  it('puts the case first, replaced with ifMatch, and every effect in the school partition', () => {
    const write = aWrite({ expectedVersion: 3, outbox: [anOutbox()], reminders: [aReminder()], audit: [anAudit()] });
    const ops = buildCaseBatch(write, ctx);
    expect(ops.map((o) => [o.operationType, o.partitionKey])).toEqual([['Replace', 'school-a'], ['Create', 'school-a'], ['Create', 'school-a'], ['Create', 'school-a']]);
    expect(ops[0]).toMatchObject({ id: docId('case', 'case-1'), ifMatch: '"etag-7"' });
    expect(bodyOf(ops[0])).toMatchObject({ id: 'case:case-1', recordId: 'case-1', type: 'case', schoolId: 'school-a', version: 4, schemaVersion: 1 });
    // The case state is kept apart from reminders' indexed `state` field, under an unindexed path.
    expect(bodyOf(ops[0])).toMatchObject({ caseState: aCase().state });
    expect(bodyOf(ops[0])).not.toHaveProperty('state');
    expect(bodyOf(ops[1])).toMatchObject({ type: 'outbox', done: false });
  });

  it('creates a new case with a conditional create (409 if it exists), not an upsert', () => {
    const ops = buildCaseBatch(aWrite(), { ...ctx, caseEtag: null });
    expect(ops).toHaveLength(1);
    expect(ops[0]?.operationType).toBe('Create');
    expect(bodyOf(ops[0])).toMatchObject({ version: 1 });
  });

  it('R-PRV-2: the case, its reminders and audit events expire six years after the cycle ends; outbox messages carry no ttl', () => {
    const write = aWrite({ case: aCase({ cycleEnd: '2027-08-31' }), outbox: [anOutbox()], reminders: [aReminder()], audit: [anAudit()] });
    const ops = buildCaseBatch(write, ctx);
    // From 2026-11-25T09:00Z to 2033-09-01T00:00Z (the day after cycleEnd + 6 years).
    const expected = (Date.parse('2033-09-01T00:00:00.000Z') - now.getTime()) / 1000;
    expect(bodyOf(ops[0]).ttl).toBe(expected);
    expect(bodyOf(ops[2])).toMatchObject({ ttl: expected, retainUntil: '2033-09-01T00:00:00.000Z' });
    expect(bodyOf(ops[3]).ttl).toBe(expected);
    expect(bodyOf(ops[1])).not.toHaveProperty('ttl');
  });

  it('R-CHAT-3: leaves existing and repeated reminders out (no second copy) and cancels with ifMatch', () => {
    const write = aWrite({ expectedVersion: 1, reminders: [aReminder(), aReminder({ id: 'r-new' })], cancelReminderIds: ['r-old'] });
    const ops = buildCaseBatch({ ...write, reminders: [...write.reminders, aReminder({ id: 'r-new' })] }, { ...ctx, existingReminderIds: new Set([aReminder().id]), toCancel: [{ reminder: aReminder({ id: 'r-old' }), etag: '"e1"' }] });
    expect(ops.map((o) => [o.operationType, bodyOf(o).recordId])).toEqual([['Replace', 'case-1'], ['Create', 'r-new'], ['Replace', 'r-old']]);
    expect(ops[2]).toMatchObject({ ifMatch: '"e1"' });
    expect(bodyOf(ops[2])).toMatchObject({ state: 'cancelled', leaseUntil: null });
  });

  it('encodes ids Cosmos DB forbids (reminder ids hold slashes) so they cannot clash', () => {
    expect(docId('reminder', 'case-1/objectives-due/1')).toMatch(/^reminder~[A-Za-z0-9_-]+$/);
    expect(docId('reminder', 'case-1/objectives-due/1')).not.toBe(docId('reminder', 'case-1/objectives-due/2'));
    expect(docId('case', 'case-1')).toBe('case:case-1');
  });

  it('refuses a write larger than one transactional batch rather than splitting it', () => {
    const outbox = Array.from({ length: MAX_BATCH_OPERATIONS }, (_, i) => anOutbox({ id: `o-${i}` }));
    expect(() => buildCaseBatch(aWrite({ outbox }), ctx)).toThrow(/one batch holds 100/);
  });

  it('reads a failed batch: 412 or 409 on an operation is a ConcurrencyError naming it; other failures are errors', () => {
    const ops = buildCaseBatch(aWrite({ outbox: [anOutbox()] }), ctx);
    expect(() => checkBatchResults(ops, [{ statusCode: 412, requestCharge: 0 }, { statusCode: 424, requestCharge: 0 }], 'case-1')).toThrow(ConcurrencyError);
    const error = (() => {
      try {
        checkBatchResults(ops, [{ statusCode: 200, requestCharge: 1 }, { statusCode: 409, requestCharge: 0 }], 'case-1');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toMatchObject({ documentId: 'out-1' });
    expect(() => checkBatchResults(ops, [{ statusCode: 500, requestCharge: 0 }, { statusCode: 424, requestCharge: 0 }], 'case-1')).toThrow(/status 500/);
    expect(() => checkBatchResults(ops, [{ statusCode: 200, requestCharge: 1 }, { statusCode: 201, requestCharge: 1 }], 'case-1')).not.toThrow();
    expect(() => checkBatchResults(ops, [], 'case-1')).toThrow(/0 results for 2 operations/);
  });
});

describe('Cosmos containers and queries', () => {
  it('partitions by school, and indexes what the due-reminder and outbox sweeps filter and order on', () => {
    const cases = containerDefinitions.find((c) => c.id === 'cases');
    expect(cases && containerRequest(cases)).toMatchObject({
      partitionKey: { paths: ['/schoolId'] },
      defaultTtl: -1,
      indexingPolicy: {
        compositeIndexes: expect.arrayContaining([
          [{ path: '/type', order: 'ascending' }, { path: '/state', order: 'ascending' }, { path: '/dueAt', order: 'ascending' }],
          [{ path: '/type', order: 'ascending' }, { path: '/state', order: 'ascending' }, { path: '/leaseUntil', order: 'ascending' }],
        ]),
      },
    });
    expect(cases?.indexingPolicy?.excludedPaths).toEqual(expect.arrayContaining([{ path: '/caseState/*' }]));
    expect(containerDefinitions.filter((c) => c.id !== 'idempotency').every((c) => c.partitionKey === '/schoolId')).toBe(true);
    expect(containerDefinitions.find((c) => c.id === 'idempotency')?.defaultTtl).toBe(-1);
  });

  it('the due sweep filters on type and state and orders by dueAt, matching the composite index', () => {
    expect(duePendingQuery('2026-11-25T09:00:00.000Z', 100).query).toMatch(/TOP 100 .*c\.type = 'reminder' AND c\.state = 'pending' AND c\.dueAt <= @before ORDER BY c\.dueAt ASC/);
    expect(expiredLeaseQuery('2026-11-25T09:00:00.000Z', 7).query).toMatch(/TOP 7 .*c\.state = 'claimed' AND c\.leaseUntil <= @before ORDER BY c\.leaseUntil ASC/);
  });
});
