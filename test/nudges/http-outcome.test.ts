import { clientCredentialsTokenSource } from '../../bot/messenger/bot-token.source';
import { retryAfterMs, thrownOutcome } from '../../bot/messenger/http-outcome';
import { createTeamsMessenger } from '../../bot/messenger/teams.messenger';
import { FixedClock } from '../../services/shared/time';
import { startFakeEndpoints } from './fake-endpoints';

describe('reading platform answers (R-CHAT-3)', () => {
  it('Retry-After in seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-25T09:00:00.000Z');
    expect(retryAfterMs('7', now)).toBe(7000);
    expect(retryAfterMs('0.5', now)).toBe(500);
    expect(retryAfterMs('Wed, 25 Nov 2026 09:00:12 GMT', now)).toBe(12_000);
    expect(retryAfterMs(null, now)).toBeNull();
    expect(retryAfterMs('soon', now)).toBeNull();
  });

  it('a refused connection never reached the platform (retry); a timeout or reset may have (ambiguous)', () => {
    expect(thrownOutcome(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } })).error.code).toBe('MESSENGER.TRANSIENT');
    expect(thrownOutcome(Object.assign(new Error('t'), { name: 'TimeoutError' })).error.code).toBe('MESSENGER.AMBIGUOUS');
    expect(thrownOutcome(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } })).error.code).toBe('MESSENGER.AMBIGUOUS');
  });

  it('with credentials, proactive posts carry a Bot Connector token fetched once and reused until near expiry', async () => {
    const fake = await startFakeEndpoints(({ path }) => (path.endsWith('/token') ? { status: 200, body: { access_token: 'tok-1', expires_in: 3600 } } : null));
    try {
      const clock = new FixedClock('2026-11-25T09:00:00.000Z');
      const tokens = clientCredentialsTokenSource({ appId: 'app', appPassword: 'pw', clock, authority: fake.url });
      const teams = createTeamsMessenger({ tokens, clock });
      const recipient = { schoolId: 's', personId: 'p', channel: 'teams' as const, userKey: 'aad', tenantId: 't', reference: { serviceUrl: fake.url, conversation: { id: 'a:1' } } };
      const message = { key: 'k', content: { kind: 'notice' as const, title: 'Hello', lines: [], due: null, open: null } };
      expect((await teams.send(recipient, message)).ok).toBe(true);
      expect((await teams.send(recipient, message)).ok).toBe(true);
      expect(fake.received.map((r) => r.path)).toEqual(['/botframework.com/oauth2/v2.0/token', '/v3/conversations/a%3A1/activities', '/v3/conversations/a%3A1/activities']);
      expect(fake.received[1]?.authorization).toBe('Bearer tok-1');
      clock.advanceMs(3_600_000);
      await teams.send(recipient, message);
      expect(fake.received.filter((r) => r.path.endsWith('/token'))).toHaveLength(2);
    } finally {
      await fake.close();
    }
  });
});
