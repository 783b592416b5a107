import { createSign, generateKeyPairSync } from 'node:crypto';
import nock from 'nock';
import { DEMO_SCHOOL_ID, DEMO_TENANT_ID } from '../../bot/dev/demo-school';
import { Verbs } from '../../cards/verbs';
import { anActionExecute, demoTeamsUser } from '../support/teams-activities';
import { startTestServer } from '../support/test-server';
import type { TestServer } from '../support/test-server';

// With authentication on, only a token the Bot Framework signed, for this bot, unexpired, is let in — checked the
// way botbuilder does it, against the OpenID metadata and signing keys (served here by nock) with real RS256
// signatures. Anything else is 401 and nothing is stored.
const APP_ID = 'app-id-of-the-school-bot';
const SERVICE_URL = 'https://smba.trafficmanager.net/uk/';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = publicKey.export({ format: 'jwk' }) as { n: string; e: string };
const KID = 'test-signing-key';

const b64url = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
function token(claims: Record<string, unknown>, key = privateKey, kid = KID): string {
  const now = Math.floor(Date.now() / 1000);
  const head = b64url({ alg: 'RS256', typ: 'JWT', kid });
  const body = b64url({ iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: SERVICE_URL, nbf: now - 60, exp: now + 3600, ...claims });
  const signature = createSign('RSA-SHA256').update(`${head}.${body}`).sign(key).toString('base64url');
  return `${head}.${body}.${signature}`;
}

describe('Teams with authentication on (real RS256 tokens)', () => {
  let t: TestServer;
  let quiet: jest.SpyInstance;
  beforeAll(() => {
    // botbuilder reports every refused token on the console as well as answering 401: keep the test output readable.
    quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    // Another test file in the same worker may have restored nock's hooks: make sure this file's are on.
    if (!nock.isActive()) nock.activate();
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    nock('https://login.botframework.com').persist().get('/v1/.well-known/openidconfiguration').reply(200, { issuer: 'https://api.botframework.com', jwks_uri: 'https://login.botframework.com/v1/.well-known/keys' });
    nock('https://login.botframework.com').persist().get('/v1/.well-known/keys').reply(200, { keys: [{ kty: 'RSA', use: 'sig', kid: KID, n: jwk.n, e: jwk.e }] });
  });
  afterAll(() => {
    quiet.mockRestore();
    nock.cleanAll();
    nock.enableNetConnect();
  });
  beforeEach(async () => {
    t = await startTestServer({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'secret', TEAMS_ALLOWED_TENANT_IDS: DEMO_TENANT_ID });
  });
  afterEach(async () => t.stop());

  const press = async (auth: string | null, tenantId = DEMO_TENANT_ID): Promise<{ status: number; body: string }> => {
    const res = await fetch(`${t.base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
      body: JSON.stringify(anActionExecute({ ...demoTeamsUser('p-sam'), tenantId }, SERVICE_URL, Verbs.homeShow)),
    });
    return { status: res.status, body: await res.text() };
  };
  const storedNothing = async () => expect(await t.store.conversations.get('teams', demoTeamsUser('p-sam').aadObjectId)).toBeNull();

  it('R-PRV-1: a token signed by the Bot Framework for this bot is accepted', async () => {
    const res = await press(token({}));
    expect(res.status).toBe(200);
    expect(res.body).toContain('Your appraisal');
  });

  it.each([
    ['no token', () => null],
    ['an expired token', () => token({ exp: Math.floor(Date.now() / 1000) - 600, nbf: Math.floor(Date.now() / 1000) - 7200 })],
    ['a token for another bot', () => token({ aud: 'someone-elses-bot' })],
    ['a token from another issuer', () => token({ iss: 'https://evil.example' })],
    ['a token signed with another key', () => token({}, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey)],
  ])('R-PRV-1: %s is refused with 401 and nothing is stored', async (_name, make) => {
    const res = await press(make());
    expect(res.status).toBe(401);
    await storedNothing();
  });

  it('R-PRV-1: a valid token from a tenant that is not one of the schools’ is refused with 401', async () => {
    const res = await press(token({}), 'another-organisation');
    expect(res.status).toBe(401);
    await storedNothing();
    expect(await t.store.cases.listByCycle(DEMO_SCHOOL_ID, '2026-03-01')).toEqual([]);
  });
});
