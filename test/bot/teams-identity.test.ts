import { DEMO_SCHOOL_ID, DEMO_TENANT_ID } from '../../bot/dev/demo-school';
import { personSchema } from '../../services/people/person.schema';
import { startFakeConnector } from '../support/fake-connector';
import { aMessage } from '../support/teams-activities';
import { postJson, startTestServer } from '../support/test-server';
import type { TestServer } from '../support/test-server';

// A new member of staff on the roster, not yet linked to Teams, says "hi": the bot asks Teams for their work
// email and links them — within the school that owns the tenant only, never by display name (issue 6).
const newcomer = personSchema.parse({
  id: 'p-rowan', schoolId: DEMO_SCHOOL_ID, staffId: 'TV099', name: 'Rowan Tey', email: 'rowan.tey@example.org', jobTitle: 'Teaching Assistant', startDate: '2026-11-02', lineManagerIds: ['p-grace'],
});
const rowan = { aadObjectId: 'aad-rowan', name: 'R. Tey', tenantId: DEMO_TENANT_ID };

describe('Teams identity linking on first contact (R-ROLE-1)', () => {
  let t: TestServer;
  let connector: Awaited<ReturnType<typeof startFakeConnector>> | null = null;
  beforeEach(async () => {
    t = await startTestServer();
    await t.store.people.upsert(newcomer);
  });
  afterEach(async () => {
    await t.stop();
    await connector?.close();
  });

  it('R-ROLE-1: links a roster person by the work email Teams gives, and greets them by name', async () => {
    connector = await startFakeConnector({ members: { [rowan.aadObjectId]: { id: rowan.aadObjectId, aadObjectId: rowan.aadObjectId, email: 'Rowan.Tey@example.org', name: 'R. Tey' } } });
    await postJson(`${t.base}/api/messages`, aMessage(rowan, connector.url, 'hi', { from: { id: rowan.aadObjectId, aadObjectId: rowan.aadObjectId, name: rowan.name } }));
    await connector.waitForCalls(1);
    expect((await t.store.people.get(DEMO_SCHOOL_ID, 'p-rowan'))?.teams).toEqual({ aadObjectId: 'aad-rowan', tenantId: DEMO_TENANT_ID, unreachable: false });
    expect(JSON.stringify(connector.calls.at(-1)?.body)).toContain('Hello Rowan');
    expect(connector.lookups).toEqual([rowan.aadObjectId]);
  });

  it('R-ROLE-1: an email that is not on the roster links nobody, and a display name is never used', async () => {
    connector = await startFakeConnector({ members: { [rowan.aadObjectId]: { id: rowan.aadObjectId, email: 'someone.else@example.org', name: 'Rowan Tey' } } });
    await postJson(`${t.base}/api/messages`, aMessage(rowan, connector.url, 'hi', { from: { id: rowan.aadObjectId, aadObjectId: rowan.aadObjectId, name: 'Rowan Tey' } }));
    await connector.waitForCalls(1);
    expect((await t.store.people.get(DEMO_SCHOOL_ID, 'p-rowan'))?.teams).toBeUndefined();
  });

  it('R-ROLE-1: another organisation’s tenant links nobody, even with a matching email', async () => {
    connector = await startFakeConnector({ members: { [rowan.aadObjectId]: { id: rowan.aadObjectId, email: 'rowan.tey@example.org' } } });
    const other = { ...rowan, tenantId: 'some-other-tenant' };
    await postJson(`${t.base}/api/messages`, aMessage(other, connector.url, 'hi', { from: { id: rowan.aadObjectId, aadObjectId: rowan.aadObjectId, name: 'R. Tey' } }));
    await connector.waitForCalls(1);
    expect((await t.store.people.get(DEMO_SCHOOL_ID, 'p-rowan'))?.teams).toBeUndefined();
  });
});
