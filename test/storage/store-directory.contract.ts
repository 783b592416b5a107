import { ConcurrencyError } from '../../services/ports/errors';
import { aPerson, aSchool, NOW, type StoreHarness } from './store-fixtures';

/** Schools, people, conversation references, audit and idempotency keys: the same behaviour from every store. */
export function directoryContract(h: () => StoreHarness): void {
  describe('schools', () => {
    it('creates a school at version 1, then replaces it only at the version read', async () => {
      const { schools } = h().store;
      const created = await schools.save(aSchool(), null);
      expect(created.version).toBe(1);
      await expect(schools.save(aSchool(), null)).rejects.toBeInstanceOf(ConcurrencyError);
      const renamed = await schools.save({ ...created, name: 'Oakfield Academy' }, 1);
      expect(renamed.version).toBe(2);
      await expect(schools.save({ ...created, name: 'Stale' }, 1)).rejects.toBeInstanceOf(ConcurrencyError);
      expect(await schools.get('school-a')).toEqual({ ...aSchool(), name: 'Oakfield Academy', version: 2 });
    });

    it('finds a school by its Teams tenant or Slack team, and returns null for strangers', async () => {
      const { schools } = h().store;
      await schools.save(aSchool(), null);
      await schools.save(aSchool({ id: 'school-b', teamsTenantIds: ['tenant-b', 'tenant-b2'], slackTeamIds: [] }), null);
      expect((await schools.findByTeamsTenant('tenant-b2'))?.id).toBe('school-b');
      expect((await schools.findBySlackTeam('T0A'))?.id).toBe('school-a');
      expect(await schools.findByTeamsTenant('tenant-z')).toBeNull();
      expect(await schools.findBySlackTeam('TZZ')).toBeNull();
      expect(await schools.get('school-z')).toBeNull();
      expect((await schools.list()).map((s) => s.id)).toEqual(['school-a', 'school-b']);
    });
  });

  describe('people', () => {
    it('R-ROLE-1: finds a person by Teams object id or Slack user id, across schools', async () => {
      const { people } = h().store;
      await people.upsert(aPerson({ teams: { aadObjectId: 'aad-ada', unreachable: false } }));
      await people.upsert(aPerson({ id: 'p-cy', schoolId: 'school-b', staffId: 'S9', slack: { userId: 'U-CY', unreachable: false } }));
      expect((await people.findByTeamsAadObjectId('aad-ada'))?.id).toBe('p-ada');
      expect((await people.findBySlackUserId('U-CY'))?.schoolId).toBe('school-b');
      expect(await people.findBySlackUserId('U-NOBODY')).toBeNull();
      expect(await people.get('school-b', 'p-ada')).toBeNull();
      expect((await people.list('school-a')).map((p) => p.id)).toEqual(['p-ada']);
    });

    it('upsert replaces the person, so an unlinked identity no longer finds them', async () => {
      const { people } = h().store;
      await people.upsert(aPerson({ teams: { aadObjectId: 'aad-old', unreachable: false } }));
      await people.upsert(aPerson({ jobTitle: 'Cover supervisor', teams: { aadObjectId: 'aad-new', unreachable: false } }));
      expect(await people.findByTeamsAadObjectId('aad-old')).toBeNull();
      expect(await people.get('school-a', 'p-ada')).toEqual(aPerson({ jobTitle: 'Cover supervisor', teams: { aadObjectId: 'aad-new', unreachable: false } }));
    });
  });

  describe('conversation references', () => {
    it('stores the latest reference per channel and user, and null for an unknown user', async () => {
      const { conversations } = h().store;
      const ref = { schoolId: 'school-a', personId: null, channel: 'teams' as const, userKey: 'aad-ada', reference: { conversation: { id: 'c1' } }, updatedAt: NOW };
      await conversations.put(ref);
      await conversations.put({ ...ref, personId: 'p-ada', reference: { conversation: { id: 'c2' } } });
      expect(await conversations.get('teams', 'aad-ada')).toEqual({ ...ref, personId: 'p-ada', reference: { conversation: { id: 'c2' } } });
      expect(await conversations.get('slack', 'aad-ada')).toBeNull();
    });
  });

  describe('audit log', () => {
    it('appends events in time order per case, and a repeated event id keeps the first copy', async () => {
      const { audit } = h().store;
      const later = { id: 'a2', schoolId: 'school-a', caseId: 'case-1', actorId: 'p-bo', action: 'objectives.agreed', at: '2026-11-26T10:00:00.000Z', channel: 'slack' as const };
      const first = { ...later, id: 'a1', actorId: 'p-ada', action: 'objectives.submitted', at: NOW, channel: 'teams' as const };
      await audit.append(later);
      await audit.append(first);
      await audit.append({ ...first, action: 'tampered' });
      await audit.append({ ...first, id: 'a3', caseId: 'case-2' });
      expect(await audit.listForCase('school-a', 'case-1')).toEqual([first, later]);
    });
  });

  describe('idempotency keys', () => {
    it('sees an inbound activity id once within a day, and again after it expires', async () => {
      const { idempotency } = h().store;
      expect(await idempotency.firstSeen('teams:activity-1', NOW, 86_400)).toBe(true);
      expect(await idempotency.firstSeen('teams:activity-1', '2026-11-26T08:59:59.000Z', 86_400)).toBe(false);
      expect(await idempotency.firstSeen('slack:Ev01', NOW, 86_400)).toBe(true);
      expect(await idempotency.firstSeen('teams:activity-1', '2026-11-26T09:00:00.000Z', 86_400)).toBe(true);
      expect(await idempotency.firstSeen('teams:activity-1', '2026-11-26T09:00:01.000Z', 86_400)).toBe(false);
    });

    it('tells whether a key is taken and not yet expired, without taking it', async () => {
      const { idempotency } = h().store;
      expect(await idempotency.seen('report-link:n1', NOW)).toBe(false);
      expect(await idempotency.seen('report-link:n1', NOW)).toBe(false);
      expect(await idempotency.firstSeen('report-link:n1', NOW, 1200)).toBe(true);
      expect(await idempotency.seen('report-link:n1', '2026-11-25T09:19:59.000Z')).toBe(true);
      expect(await idempotency.seen('report-link:n1', '2026-11-25T09:20:00.000Z')).toBe(false);
      expect(await idempotency.seen('report-link:n2', NOW)).toBe(false);
    });

    it('lets exactly one of many concurrent deliveries of one event through', async () => {
      const { idempotency } = h().store;
      const seen = await Promise.all(Array.from({ length: 20 }, () => idempotency.firstSeen('slack:Ev-dup', NOW, 86_400)));
      expect(seen.filter(Boolean)).toHaveLength(1);
    });
  });

  it('answers ping', async () => {
    await expect(h().store.ping()).resolves.toBeUndefined();
  });
}
