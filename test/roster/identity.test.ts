import nock from 'nock';
import { openMemoryStore } from '../../storage/memory/memory.store';
import { personSchema } from '../../services/people/person.schema';
import type { PersonInput } from '../../services/people/person.schema';
import type { Store } from '../../services/ports/store.port';
import { linkSlackIdentities, linkTeamsIdentity, unreachableReport } from '../../services/roster/identity.usecase';
import { WebApiSlackDirectory } from '../../bot/slack/slack-directory';

const SLACK_API = 'https://slack.invalid/api/';
const aPerson = (id: string, over: Partial<PersonInput> = {}) =>
  personSchema.parse({ id, schoolId: 'oakfield', staffId: id, name: `Name ${id}`, email: `${id}@example.org`, startDate: '2020-09-01', ...over });

async function school(): Promise<Store> {
  const store = openMemoryStore({ parseCaseState: (raw) => raw });
  await store.schools.save({ id: 'oakfield', name: 'Oakfield Primary', presetId: 'test-valley', settings: {}, teamsTenantIds: ['tenant-oak'], slackTeamIds: ['T-OAK'], version: 0 }, null);
  await store.schools.save({ id: 'elmbrook', name: 'Elmbrook School', presetId: 'spt', settings: {}, teamsTenantIds: ['tenant-elm'], slackTeamIds: [], version: 0 }, null);
  await store.people.upsert(aPerson('ada', { name: 'Ada Finch' }));
  await store.people.upsert(aPerson('bo', { slack: { userId: 'U-BO' } }));
  await store.people.upsert(aPerson('cy'));
  await store.people.upsert(aPerson('di'));
  await store.people.upsert(aPerson('ed', { leftOn: '2026-07-31' }));
  return store;
}

describe('Teams identity linking (R-CHAT-4)', () => {
  it('links by work email within the school that owns the tenant', async () => {
    const store = await school();
    const r = await linkTeamsIdentity(store, { tenantId: 'tenant-oak', aadObjectId: 'aad-ada', email: 'ADA@example.org' });
    expect(r.ok && r.value.id).toBe('ada');
    expect((await store.people.findByTeamsAadObjectId('aad-ada'))?.teams).toEqual({ aadObjectId: 'aad-ada', tenantId: 'tenant-oak', unreachable: false });
  });

  it('refuses a tenant of another school or no school, even with a matching email', async () => {
    const store = await school();
    const other = await linkTeamsIdentity(store, { tenantId: 'tenant-elm', aadObjectId: 'aad-x', email: 'ada@example.org' });
    expect(other.ok ? 'ok' : other.error.code).toBe('IDENTITY.NO_MATCH');
    const none = await linkTeamsIdentity(store, { tenantId: 'tenant-zzz', aadObjectId: 'aad-x', email: 'ada@example.org' });
    expect(none.ok ? 'ok' : none.error.code).toBe('IDENTITY.UNKNOWN_TENANT');
    expect(await store.people.findByTeamsAadObjectId('aad-x')).toBeNull();
  });

  it('never matches on display name: a name that matches but an email that does not is refused', async () => {
    const store = await school();
    const r = await linkTeamsIdentity(store, { tenantId: 'tenant-oak', aadObjectId: 'aad-y', email: 'ada.finch@example.org' });
    expect(r.ok ? 'ok' : r.error.code).toBe('IDENTITY.NO_MATCH');
  });

  it('refuses an account already linked to someone else, and leavers', async () => {
    const store = await school();
    await linkTeamsIdentity(store, { tenantId: 'tenant-oak', aadObjectId: 'aad-1', email: 'ada@example.org' });
    const taken = await linkTeamsIdentity(store, { tenantId: 'tenant-oak', aadObjectId: 'aad-1', email: 'cy@example.org' });
    expect(taken.ok ? 'ok' : taken.error.code).toBe('IDENTITY.TAKEN');
    const leaver = await linkTeamsIdentity(store, { tenantId: 'tenant-oak', aadObjectId: 'aad-2', email: 'ed@example.org' });
    expect(leaver.ok ? 'ok' : leaver.error.code).toBe('IDENTITY.NO_MATCH');
  });
});

describe('Slack identity linking through users.lookupByEmail (R-CHAT-4)', () => {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());

  it('looks up each active unlinked person by email, links those in the school workspace, and reports the rest', async () => {
    const store = await school();
    const seen: string[] = [];
    const scope = nock(SLACK_API, { reqheaders: { authorization: 'Bearer xoxb-test' } })
      .post('/users.lookupByEmail', (body: { email?: string }) => (seen.push(String(body.email)), body.email === 'ada@example.org'))
      .reply(200, { ok: true, user: { id: 'U-ADA', team_id: 'T-OAK' } })
      .post('/users.lookupByEmail', (body: { email?: string }) => body.email === 'cy@example.org')
      .reply(200, { ok: false, error: 'users_not_found' })
      .post('/users.lookupByEmail', (body: { email?: string }) => body.email === 'di@example.org')
      .reply(200, { ok: true, user: { id: 'U-DI', team_id: 'T-ELSEWHERE' } });
    const report = await linkSlackIdentities(store, new WebApiSlackDirectory('xoxb-test', { slackApiUrl: SLACK_API }), 'oakfield');
    scope.done();
    expect(seen[0]).toBe('ada@example.org');
    expect(report).toEqual({ linked: ['ada'], notFound: ['cy'], otherWorkspace: ['di'] });
    expect((await store.people.findBySlackUserId('U-ADA'))?.id).toBe('ada');
    expect(await store.people.findBySlackUserId('U-DI')).toBeNull();
  });

  it('a Slack error other than "not found" is thrown, not hidden', async () => {
    const scope = nock(SLACK_API).post('/users.lookupByEmail').reply(200, { ok: false, error: 'invalid_auth' });
    await expect(new WebApiSlackDirectory('xoxb-bad', { slackApiUrl: SLACK_API }).lookupByEmail('ada@example.org')).rejects.toThrow(/invalid_auth/);
    scope.done();
  });
});

describe('unreachable report (R-CHAT-4)', () => {
  it('lists active people with no usable identity in each chat, leavers left out', async () => {
    const store = await school();
    await linkTeamsIdentity(store, { tenantId: 'tenant-oak', aadObjectId: 'aad-ada', email: 'ada@example.org' });
    const r = unreachableReport(await store.people.list('oakfield'));
    expect(r.teams.map((p) => p.id).sort()).toEqual(['bo', 'cy', 'di']);
    expect(r.slack.map((p) => p.id).sort()).toEqual(['ada', 'cy', 'di']);
    expect(r.neither.map((p) => p.id).sort()).toEqual(['cy', 'di']);
  });
});
