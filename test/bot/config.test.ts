import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../bot/config';

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

function messageFor(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a configuration error');
}

describe('configuration from the environment', () => {
  it('runs on embedded defaults with nothing set: local mode, Slack off, SQLite under ./data', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3978);
    expect(config.teams.authenticationOff).toBe(true);
    expect(config.slack).toBeUndefined();
    expect(config.store).toEqual({ kind: 'embedded', dataDir: path.resolve('data') });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT', 'whole number'],
    [{ PORT: '70000' }, 'PORT', 'whole number'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', 'invalid'],
    [{ STORE: 'postgres' }, 'STORE', 'invalid'],
    [{ STORE: 'cosmos' }, 'COSMOS_ENDPOINT', 'required when STORE=cosmos'],
    [{ STORE: 'cosmos', COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/' }, 'COSMOS_KEY', 'required'],
    [{ SLACK_SIGNING_SECRET: 'shh' }, 'SLACK_BOT_TOKEN', 'required when SLACK_SIGNING_SECRET is set'],
    [{ SLACK_API_URL: 'not a url' }, 'SLACK_API_URL', 'invalid'],
    [{ MICROSOFT_APP_ID: 'app' }, 'MICROSOFT_APP_PASSWORD', 'required'],
    [{ MICROSOFT_APP_ID: 'app', MICROSOFT_APP_PASSWORD: 'pw', MICROSOFT_APP_TYPE: 'SingleTenant' }, 'MICROSOFT_APP_TENANT_ID', 'SingleTenant'],
    [{ NODE_ENV: 'production' }, 'MICROSOFT_APP_ID', 'required when NODE_ENV=production'],
  ])('a bad or missing value (%j) is one line naming %s', (env, variable, what) => {
    const message = messageFor(env as Record<string, string>);
    expect(message).toContain(variable);
    expect(message).toContain(what);
    expect(message).not.toContain('\n');
  });

  it('turns Slack on only with a signing secret and a bot token', () => {
    const config = loadConfig({ SLACK_SIGNING_SECRET: 'shh', SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(config.slack).toMatchObject({ signingSecret: 'shh', botToken: 'xoxb-1', apiUrl: 'https://slack.com/api/' });
  });

  it('reads the allowed Teams tenants as a list', () => {
    expect(loadConfig({ TEAMS_ALLOWED_TENANT_IDS: ' t-1, t-2 ,' }).teams.allowedTenantIds).toEqual(['t-1', 't-2']);
  });
});

describe('the server process refuses a bad configuration', () => {
  const start = (env: Record<string, string>) =>
    spawnSync(tsx, ['bot/main.ts'], { cwd: root, env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 20_000 });

  it('production without a Teams app id refuses to start, saying why in one line', () => {
    const run = start({ NODE_ENV: 'production', PORT: '0' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('MICROSOFT_APP_ID is required when NODE_ENV=production');
  });

  it('a bad value stops the process with one line naming the variable', () => {
    const run = start({ PORT: 'eighty' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('Configuration error: PORT must be a whole number from 0 to 65535');
  });
});
