import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { REPORT_LINK_SECRET_FILE, reportLinkSecret } from '../../bot/report-link';

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

const PRODUCTION_TEAMS = { NODE_ENV: 'production', MICROSOFT_APP_ID: 'app', MICROSOFT_APP_PASSWORD: 'pw' };
const SECRET = 'an-invented-secret-of-at-least-32-characters';

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
    [{ PUBLIC_URL: 'intranet' }, 'PUBLIC_URL', 'web address starting with https://'],
    [{ PUBLIC_URL: 'ftp://ipp.example.org' }, 'PUBLIC_URL', 'web address starting with https://'],
    [{ PUBLIC_URL: 'https://ipp.example.org/?school=1' }, 'PUBLIC_URL', 'without a ? query'],
    [{ REPORT_LINK_SECRET: 'too-short-to-sign-with' }, 'REPORT_LINK_SECRET', 'at least 32 characters'],
    [{ ...PRODUCTION_TEAMS }, 'PUBLIC_URL', 'required when NODE_ENV=production'],
    [{ ...PRODUCTION_TEAMS, PUBLIC_URL: 'http://ipp.example.org' }, 'PUBLIC_URL', 'must start with https:// when NODE_ENV=production'],
    [{ ...PRODUCTION_TEAMS, PUBLIC_URL: 'https://ipp.example.org' }, 'REPORT_LINK_SECRET', 'required when NODE_ENV=production'],
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

  it('R-RPT-1: report links start at http://localhost:<PORT> outside production, with no secret set', () => {
    expect(loadConfig({}).reports).toEqual({ publicUrl: 'http://localhost:3978' });
    expect(loadConfig({ PORT: '8080', PUBLIC_URL: '', REPORT_LINK_SECRET: ' ' }).reports).toEqual({ publicUrl: 'http://localhost:8080' });
  });

  it('R-RPT-1: production takes the public HTTPS address (trailing slash dropped) and the shared link secret', () => {
    const config = loadConfig({ ...PRODUCTION_TEAMS, PUBLIC_URL: 'https://ipp.example.org/appraisal/', REPORT_LINK_SECRET: SECRET });
    expect(config.reports).toEqual({ publicUrl: 'https://ipp.example.org/appraisal', linkSecret: SECRET });
  });
});

describe('the secret that signs report links (R-PRV-1)', () => {
  const logger = createLogger('silent');
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipp-config-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('is REPORT_LINK_SECRET when set, and nothing is written to the data folder', () => {
    expect(reportLinkSecret(loadConfig({ DATA_DIR: dataDir, REPORT_LINK_SECRET: SECRET }), logger)).toBe(SECRET);
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('unset outside production, is made once and kept in the data folder, readable by its owner only, so links survive a restart', () => {
    const config = loadConfig({ DATA_DIR: path.join(dataDir, 'not-yet-made') });
    const first = reportLinkSecret(config, logger);
    const file = path.join(dataDir, 'not-yet-made', REPORT_LINK_SECRET_FILE);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(reportLinkSecret(config, logger)).toBe(first);
    expect(fs.readdirSync(path.dirname(file))).toEqual([REPORT_LINK_SECRET_FILE]);
  });

  it('a kept secret that others could read is made private again; one cut short stops the start, saying what to do', () => {
    const file = path.join(dataDir, REPORT_LINK_SECRET_FILE);
    fs.writeFileSync(file, `${SECRET}\n`, { mode: 0o644 });
    expect(reportLinkSecret(loadConfig({ DATA_DIR: dataDir }), logger)).toBe(SECRET);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    fs.writeFileSync(file, 'short');
    expect(() => reportLinkSecret(loadConfig({ DATA_DIR: dataDir }), logger)).toThrow(/shorter than 32 characters: delete the file/);
  });

  it('with no data folder (Cosmos DB) and none set, is random, in memory, different for each process', () => {
    const cosmos = loadConfig({ STORE: 'cosmos', COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/', COSMOS_KEY: 'k', DATA_DIR: dataDir });
    const a = reportLinkSecret(cosmos, logger);
    expect(a.length).toBeGreaterThanOrEqual(32);
    expect(reportLinkSecret(cosmos, logger)).not.toBe(a);
    expect(fs.readdirSync(dataDir)).toEqual([]);
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
