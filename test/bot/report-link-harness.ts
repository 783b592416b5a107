import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createCaseRuntime } from '../../bot/case-runtime';
import { openProductStore } from '../../bot/compose';
import type { ProductStore } from '../../bot/compose';
import { loadConfig } from '../../bot/config';
import type { Config } from '../../bot/config';
import { launchSchoolCycle } from '../../bot/cycle-launch';
import { DEMO_SCHOOL_ID, demoPeople, seedDemoSchool } from '../../bot/dev/demo-school';
import { createLogger } from '../../bot/logger';
import { startServer } from '../../bot/server';
import type { RunningServer } from '../../bot/server';
import { FixedClock } from '../../services/shared/time';
import { EMBEDDED_FILE } from '../../storage/open-store';
import { startFakeConnector } from '../support/fake-connector';
import { aMessage, demoTeamsUser } from '../support/teams-activities';
import { postJson } from '../support/test-server';

// What the report link tests share: a real server on loopback over a real embedded store with the demo school's
// cycle launched, a fake Bot Connector for the card the head is sent, and links opened (GET) and pressed (POST)
// as a browser does (R-RPT-1, R-PRV-1).

export const PUBLIC_URL = 'https://ipp.school.example';
export const KNOWN_TABLE = '<h3>Appraisals by stage</h3>';
export const priya = demoTeamsUser('p-head');
export const sam = demoTeamsUser('p-sam');
// Everything that would identify a member of staff: name, email, person id, staff id, Teams id.
export const identifiers = demoPeople().flatMap((p) => [p.name, p.email, p.id, p.staffId ?? '', p.teams?.aadObjectId ?? ''].filter(Boolean));

export interface Harness {
  base: string;
  config: Config;
  store: ProductStore;
  clock: FixedClock;
  dataDir: string;
  logLines: string[];
  server: RunningServer;
}

export async function startReportServer(): Promise<Harness> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipp-report-link-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', NODE_ENV: 'test', PUBLIC_URL });
  const store = await openProductStore(config);
  await seedDemoSchool(store);
  const clock = new FixedClock('2026-03-02T10:00:00.000Z');
  const logLines: string[] = [];
  const logger = createLogger('info', { write: (line: string) => void logLines.push(line) });
  const runtime = createCaseRuntime({ store, clock, logger });
  const launched = await launchSchoolCycle(store, runtime, { schoolId: DEMO_SCHOOL_ID, cycleYear: 2026, actor: { kind: 'admin' }, dryRun: false, channel: 'cli' });
  if (!launched.ok) throw new Error(launched.error.message);
  const server = await startServer({ config, store, logger, clock, runtime });
  return { base: `http://127.0.0.1:${server.port}`, config, store, clock, dataDir, logLines, server };
}

type CardAction = { type: string; title: string; url?: string };
export const cardOf = (body: unknown) => (body as { attachments?: { content: { body: unknown; actions?: CardAction[] } }[] }).attachments?.[0]?.content;
export const linksOn = (body: unknown) => (cardOf(body)?.actions ?? []).filter((a) => a.type === 'Action.OpenUrl');

export const decode = (token: string) => {
  const [payload = '', mac = ''] = token.split('.');
  return { claims: JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>, mac };
};
export const encode = (claims: Record<string, unknown>) => Buffer.from(JSON.stringify(claims)).toString('base64url');
export const signed = (secret: string, claims: Record<string, unknown>) => {
  const payload = encode(claims);
  return `${payload}.${createHmac('sha256', secret).update(`ipp.report-link.v1.${payload}`).digest('base64url')}`;
};
export const tokenOf = (url: string) => new URL(url).pathname.split('/').at(-1) ?? '';

/**
 * A fresh server, store and fake connector for each test of the describe block it is called in, and the ways a
 * test asks for links, opens them, presses them and reads what was audited.
 */
export function useReportLinkServer() {
  let h: Harness;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  beforeEach(async () => {
    connector = await startFakeConnector();
    h = await startReportServer();
  });
  afterEach(async () => {
    await h.server.close();
    await h.store.close();
    await connector.close();
    fs.rmSync(h.dataDir, { recursive: true, force: true });
  });

  /** Priya types "governors report"; the links on the card she gets back. */
  async function askForLinks(): Promise<{ html: string; csv: string; card: unknown }> {
    const before = connector.calls.length;
    await postJson(`${h.base}/api/messages`, aMessage(priya, connector.url, 'governors report'));
    await connector.waitForCalls(before + 1);
    const body = connector.calls.at(-1)?.body;
    const [html, csv] = linksOn(body).map((a) => a.url ?? '');
    return { html: html ?? '', csv: csv ?? '', card: body };
  }
  /** Sends a link (made for the public address) to a server on loopback: this one unless another base is given. */
  const send = async (url: string, init: RequestInit = {}, base = h.base) => {
    const u = new URL(url);
    const res = await fetch(`${base}${u.pathname}${u.search}`, { redirect: 'manual', ...init });
    return { status: res.status, headers: res.headers, text: await res.text() };
  };
  /** Opens a link in a browser (or a link checker does): the page with the button. */
  const open = (url: string, base?: string) => send(url, {}, base);
  /** Presses the page's button: a form post with no fields, to the address its form names. */
  const press = (url: string, base?: string) => send(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' }, base);
  const withToken = (url: string, token: string) => url.replace(tokenOf(url), token);
  const auditOfOpenings = () => {
    const db = new Database(path.join(h.dataDir, EMBEDDED_FILE), { readonly: true });
    try {
      return db.prepare<[], { doc: string }>('SELECT doc FROM audit WHERE case_id IS NULL ORDER BY at, id').all().map((r) => JSON.parse(r.doc) as Record<string, unknown>);
    } finally {
      db.close();
    }
  };
  const expectNothingOfTheReport = (text: string) => {
    expect(text).not.toContain(KNOWN_TABLE);
    expect(text).not.toContain('Appraisal report to governors');
    expect(text).not.toContain('Appraisals by stage');
    expect(text).not.toContain('Section');
  };
  const expectUsed = (res: { status: number; headers: Headers; text: string }) => {
    expect(res.status).toBe(410);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.text).toContain('This link has already been used');
    expect(res.text).toContain('Ask for a new link: type “governors report” in your chat with the bot.');
    expectNothingOfTheReport(res.text);
  };
  /** The address the confirm page's form posts to, resolved against the page's own. */
  const formTarget = (pageUrl: string, page: string) => {
    const form = /<form method="post" action="([^"]*)">/.exec(page);
    return form ? new URL((form[1] ?? '').replace(/&amp;/g, '&'), pageUrl).href : null;
  };
  return {
    get h(): Harness {
      return h;
    },
    get connector() {
      return connector;
    },
    askForLinks, send, open, press, withToken, auditOfOpenings, expectNothingOfTheReport, expectUsed, formTarget,
  };
}
