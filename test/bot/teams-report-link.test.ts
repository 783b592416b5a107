import { createHash, createHmac } from 'node:crypto';
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
import { REPORT_LINK_SECRET_FILE } from '../../bot/report-link';
import { createHttpApp, startServer } from '../../bot/server';
import type { RunningServer } from '../../bot/server';
import { FixedClock } from '../../services/shared/time';
import { EMBEDDED_FILE } from '../../storage/open-store';
import { startFakeConnector } from '../support/fake-connector';
import { cardProblems } from '../support/card-checks';
import { aMessage, demoTeamsUser } from '../support/teams-activities';
import { postJson } from '../support/test-server';

// The headteacher opens the full governors' report from the link on their summary card, over a real server on
// loopback and a real embedded store (R-RPT-1, R-PRV-1): the link works once, for 15 minutes, only while its person
// is the headteacher, only as the server signed it; opening it shows a button (GET) and only the press (POST)
// serves the report and uses the link up; every opening is audited and no token reaches the log.

const PUBLIC_URL = 'https://ipp.school.example';
const KNOWN_TABLE = '<h3>Appraisals by stage</h3>';
const priya = demoTeamsUser('p-head');
const sam = demoTeamsUser('p-sam');
// Everything that would identify a member of staff: name, email, person id, staff id, Teams id.
const identifiers = demoPeople().flatMap((p) => [p.name, p.email, p.id, p.staffId ?? '', p.teams?.aadObjectId ?? ''].filter(Boolean));

interface Harness {
  base: string;
  config: Config;
  store: ProductStore;
  clock: FixedClock;
  dataDir: string;
  logLines: string[];
  server: RunningServer;
}

async function startReportServer(): Promise<Harness> {
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
const cardOf = (body: unknown) => (body as { attachments?: { content: { body: unknown; actions?: CardAction[] } }[] }).attachments?.[0]?.content;
const linksOn = (body: unknown) => (cardOf(body)?.actions ?? []).filter((a) => a.type === 'Action.OpenUrl');

const decode = (token: string) => {
  const [payload = '', mac = ''] = token.split('.');
  return { claims: JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>, mac };
};
const encode = (claims: Record<string, unknown>) => Buffer.from(JSON.stringify(claims)).toString('base64url');
const signed = (secret: string, claims: Record<string, unknown>) => {
  const payload = encode(claims);
  return `${payload}.${createHmac('sha256', secret).update(`ipp.report-link.v1.${payload}`).digest('base64url')}`;
};
const tokenOf = (url: string) => new URL(url).pathname.split('/').at(-1) ?? '';

describe('the head opens the full governors’ report from a short-lived, single-use link (R-RPT-1, R-PRV-1)', () => {
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

  it('R-RPT-1: the summary card carries fresh, separate links to the full report and its CSV, saying each works once, for 15 minutes and only for the head', async () => {
    const first = await askForLinks();
    expect(first.html.startsWith(`${PUBLIC_URL}/reports/governors/`)).toBe(true);
    expect(first.csv.startsWith(`${PUBLIC_URL}/reports/governors/`)).toBe(true);
    expect(first.csv.endsWith('?format=csv')).toBe(true);
    expect(decode(tokenOf(first.csv)).claims.n).not.toBe(decode(tokenOf(first.html)).claims.n);
    expect(linksOn(first.card).map((a) => a.title)).toEqual(['Open the full report', 'Download as CSV']);
    expect(cardProblems(cardOf(first.card))).toEqual([]);
    const text = JSON.stringify(cardOf(first.card)?.body);
    expect(text).toContain('Each link works once, for 15 minutes, and only for you, while you are the headteacher');
    for (const id of identifiers) expect(JSON.stringify(cardOf(first.card))).not.toContain(id);
    const second = await askForLinks();
    expect(second.html).not.toBe(first.html);
  });

  it('R-RPT-1, R-PRV-1: the pressed link serves the report as a private, self-contained page that names no member of staff', async () => {
    const { html } = await askForLinks();
    const res = await press(html);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.text).toContain(KNOWN_TABLE);
    expect(res.text).toContain('<svg');
    for (const id of identifiers) expect(res.text).not.toContain(id);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-robots-tag')).toContain('noindex');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'none'");
    expect(csp).not.toMatch(/unsafe-inline|script-src/);
    // The report's own styles are allowed by their hash, so the page still prints as designed.
    const style = /<style>([\s\S]*?)<\/style>/.exec(res.text)?.[1] ?? '';
    expect(csp).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
  });

  it('R-RPT-1: the pressed CSV link downloads the same report as a file, naming no member of staff', async () => {
    const { csv } = await askForLinks();
    const res = await press(csv);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="governors-report-2026.csv"');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.text.split('\n')[0]).toContain('Section');
    expect(res.text).toContain('Appraisals by stage');
    for (const id of identifiers) expect(res.text).not.toContain(id);
  });

  it('R-PRV-1: a link works for 15 minutes; after that it is gone (410) on GET and on POST, with what to do and nothing of the report', async () => {
    const { html, csv } = await askForLinks();
    h.clock.advanceMs(15 * 60_000 - 1000);
    expect((await open(html)).status).toBe(200);
    expect((await press(html)).status).toBe(200);
    h.clock.advanceMs(1000);
    for (const res of [await open(html), await press(html), await open(csv), await press(csv)]) {
      expect(res.status).toBe(410);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.text).toContain('This link has expired');
      expect(res.text).toContain('Ask for a new link: type “governors report” in your chat with the bot.');
      expectNothingOfTheReport(res.text);
    }
  });

  it('R-PRV-1: a link changed in any part — person, school, cycle, expiry, nonce or signature — is refused (403) on GET and on POST and shows nothing', async () => {
    const { html } = await askForLinks();
    const token = tokenOf(html);
    const { claims, mac } = decode(token);
    const changed = [
      `${encode({ ...claims, p: 'p-tom' })}.${mac}`,
      `${encode({ ...claims, s: 'another-school' })}.${mac}`,
      `${encode({ ...claims, y: 2025 })}.${mac}`,
      `${encode({ ...claims, e: Number(claims.e) + 86_400_000 })}.${mac}`,
      `${encode({ ...claims, n: 'AAAAAAAAAAAA' })}.${mac}`,
      `${token.split('.')[0]}.${mac.startsWith('A') ? 'B' : 'A'}${mac.slice(1)}`,
      `${token.split('.')[0]}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`,
      token.slice(0, -3),
      `${token}x`,
      'not-a-link',
    ];
    for (const bad of changed) {
      for (const res of [await open(withToken(html, bad)), await press(withToken(html, bad))]) {
        expect([bad, res.status]).toEqual([bad, 403]);
        expect(res.text).toContain('This link does not work');
        expect(res.text).toContain('Ask for a new link');
        expectNothingOfTheReport(res.text);
      }
    }
    // An expired link with its expiry moved on is still refused: the signature no longer fits.
    h.clock.advanceMs(16 * 60_000);
    const extended = withToken(html, `${encode({ ...claims, e: h.clock.now().getTime() + 60_000 })}.${mac}`);
    expect([(await open(extended)).status, (await press(extended)).status]).toEqual([403, 403]);
    expect((await press(html)).status).toBe(410);
    expect(auditOfOpenings()).toEqual([]);
  });

  it('R-PRV-1: someone who is no longer the headteacher, or has left, cannot use a link made for them (403 on GET and on POST)', async () => {
    const { html } = await askForLinks();
    const head = await h.store.people.get(DEMO_SCHOOL_ID, 'p-head');
    if (!head) throw new Error('no head');
    await h.store.people.upsert({ ...head, headteacher: false });
    for (const res of [await open(html), await press(html)]) {
      expect(res.status).toBe(403);
      expect(res.text).toContain('This report is for the headteacher');
      expectNothingOfTheReport(res.text);
    }

    await h.store.people.upsert({ ...head, leftOn: '2026-03-01' });
    for (const res of [await open(html), await press(html)]) {
      expect(res.status).toBe(403);
      expectNothingOfTheReport(res.text);
    }

    // The refusals did not use the link up.
    await h.store.people.upsert(head);
    expect((await press(html)).status).toBe(200);
  });

  it('R-PRV-1: another person’s link cannot be made without the server’s secret; with it, it could', async () => {
    const { html } = await askForLinks();
    const tom = await h.store.people.get(DEMO_SCHOOL_ID, 'p-tom');
    if (!tom) throw new Error('no Tom');
    await h.store.people.upsert({ ...tom, headteacher: true });
    const { claims } = decode(tokenOf(html));
    const forTom = { ...claims, p: 'p-tom', n: 'ForTomForTom' };
    for (const guess of ['', 'secret', 'x'.repeat(64), PUBLIC_URL, DEMO_SCHOOL_ID]) {
      const res = await press(withToken(html, signed(guess, forTom)));
      expect(res.status).toBe(403);
      expectNothingOfTheReport(res.text);
    }
    // The control: the same claims under the secret kept in the data folder open the report.
    const secret = fs.readFileSync(path.join(h.dataDir, REPORT_LINK_SECRET_FILE), 'utf8').trim();
    expect((await press(withToken(html, signed(secret, forTom)))).status).toBe(200);
  });

  it('R-PRV-1: every opening is in the audit log with ids only; refusals open nothing; no token reaches the log', async () => {
    const { html, csv } = await askForLinks();
    await press(html);
    h.clock.advanceMs(1000);
    await press(csv);
    await press(withToken(html, 'not-a-link'));
    await press(html);
    h.clock.advanceMs(15 * 60_000);
    await press(csv);
    const openings = auditOfOpenings();
    expect(openings.map((e) => [e.action, e.actorId, e.schoolId, e.caseId, e.channel])).toEqual([
      ['report.governors.opened', 'p-head', DEMO_SCHOOL_ID, null, 'system'],
      ['report.governors.downloaded', 'p-head', DEMO_SCHOOL_ID, null, 'system'],
    ]);
    for (const e of openings) expect(Object.keys(e).sort()).toEqual(['action', 'actorId', 'at', 'caseId', 'channel', 'id', 'schemaVersion', 'schoolId']);
    const log = h.logLines.join('');
    expect(log).toContain('"event":"report.governors.opened"');
    expect(log).toContain('"reason":"LINK.USED"');
    expect(log).toContain('"reason":"LINK.EXPIRED"');
    for (const token of [tokenOf(html), tokenOf(csv)]) for (const part of [token, ...token.split('.')]) expect(log).not.toContain(part);
  });

  it('R-PRV-1: the report link is given only in a one-to-one chat, and only to the headteacher', async () => {
    await postJson(`${h.base}/api/messages`, aMessage(priya, connector.url, 'governors report', { conversation: { id: '19:staffroom@thread.v2', conversationType: 'groupChat', tenantId: priya.tenantId } }));
    await connector.waitForCalls(1);
    expect(JSON.stringify(connector.calls[0]?.body)).toContain('I only talk about appraisals in a private chat');
    expect(JSON.stringify(connector.calls[0]?.body)).not.toContain('/reports/governors/');

    await postJson(`${h.base}/api/messages`, aMessage(sam, connector.url, 'governors report'));
    await connector.waitForCalls(2);
    expect(JSON.stringify(connector.calls[1]?.body)).toContain('Only the headteacher');
    expect(linksOn(connector.calls[1]?.body)).toEqual([]);
    expect(auditOfOpenings()).toEqual([]);
  });

  describe('single use, by a deliberate press', () => {
    it('R-PRV-1, R-RPT-1: opening the link (GET) shows only a button to open the report, audits nothing and does not use it up: GET twice, then the press opens it once', async () => {
      const { html, csv } = await askForLinks();
      const school = await h.store.schools.get(DEMO_SCHOOL_ID);
      for (const [url, button] of [[html, 'Open the report'], [csv, 'Download the CSV']] as const) {
        for (const res of [await open(url), await open(url)]) {
          expect(res.status).toBe(200);
          expect(res.headers.get('content-type')).toMatch(/^text\/html/);
          expect(res.headers.get('cache-control')).toBe('no-store');
          expect(res.headers.get('referrer-policy')).toBe('no-referrer');
          expect(res.text).toContain(`<h1>Governors’ report for ${school?.name ?? '?'}, 2026 to 2027</h1>`);
          expect(res.text).toContain(`<button type="submit">${button}</button>`);
          expect(res.text).toContain('This link works once, and for 15 minutes');
          // The form posts back to exactly the link, keeping its format.
          expect(formTarget(`${h.base}${new URL(url).pathname}${new URL(url).search}`, res.text)).toBe(`${h.base}${new URL(url).pathname}${new URL(url).search}`);
          expectNothingOfTheReport(res.text);
          for (const id of identifiers) expect(res.text).not.toContain(id);
        }
      }
      expect(auditOfOpenings()).toEqual([]);
      expect(h.logLines.join('')).not.toContain('report.governors.opened');
      expect((await press(html)).status).toBe(200);
      expectUsed(await press(html));
    });

    it('R-PRV-1: the press serves the report once; a second press is refused (410) with what to do and nothing of the report, and only one opening is audited', async () => {
      const { html } = await askForLinks();
      const first = await press(html);
      expect(first.status).toBe(200);
      expect(first.text).toContain(KNOWN_TABLE);
      h.clock.advanceMs(60_000);
      expectUsed(await press(html));
      expect(auditOfOpenings().map((e) => e.action)).toEqual(['report.governors.opened']);
    });

    it('R-PRV-1, R-RPT-1: the CSV link is a link of its own, used once independently of the report link', async () => {
      const { html, csv } = await askForLinks();
      const download = await press(csv);
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toMatch(/^text\/csv/);
      expectUsed(await press(csv));
      // Downloading the CSV left the report link as it was, and using that leaves the CSV link used.
      h.clock.advanceMs(1000);
      expect((await press(html)).status).toBe(200);
      expectUsed(await press(html));
      expectUsed(await press(csv));
      expect(auditOfOpenings().map((e) => e.action)).toEqual(['report.governors.downloaded', 'report.governors.opened']);
    });

    it('R-PRV-1: the page with the button allows exactly its own form and no script; the press it makes opens the report once', async () => {
      const { html } = await askForLinks();
      const page = await open(html);
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("form-action 'self'");
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).not.toMatch(/unsafe-inline|script-src|\*/);
      expect(page.text).not.toMatch(/<script|\son[a-z]+=/i);
      const style = /<style>([\s\S]*?)<\/style>/.exec(page.text)?.[1] ?? '';
      expect(csp).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
      const target = formTarget(`${h.base}${new URL(html).pathname}`, page.text) ?? '';
      expect(new URL(target).origin).toBe(h.base);
      expect((await press(target)).status).toBe(200);
      expectUsed(await press(target));
    });

    it('R-PRV-1: a link used on one replica is refused on another replica over the same store', async () => {
      const { html, csv } = await askForLinks();
      const replicaStore = await openProductStore(h.config);
      const replica: Server = await new Promise((resolve) => {
        const s = createHttpApp({ config: h.config, store: replicaStore, logger: createLogger('silent'), clock: h.clock }).listen(0, '127.0.0.1', () => resolve(s));
      });
      const other = `http://127.0.0.1:${(replica.address() as AddressInfo).port}`;
      try {
        // The other replica checks the same links: the page with the button, then (for the CSV link) the press.
        expect((await open(html, other)).status).toBe(200);
        expect((await press(html)).status).toBe(200);
        expectUsed(await press(html, other));
        expect((await press(csv, other)).status).toBe(200);
        expectUsed(await press(csv));
      } finally {
        replica.closeAllConnections();
        await new Promise((resolve) => replica.close(resolve));
        await replicaStore.close();
      }
    });

    it('R-PRV-1: a press that sends a body is refused (413) and does not use the link; a link checker’s HEAD is refused (405) and does not either', async () => {
      const { html } = await askForLinks();
      const heavy = await send(html, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `x=${'a'.repeat(1000)}` });
      expect(heavy.status).toBe(413);
      expectNothingOfTheReport(heavy.text);
      const head = await send(html, { method: 'HEAD' });
      expect(head.status).toBe(405);
      expect(head.headers.get('allow')).toBe('GET, POST');
      expect(auditOfOpenings()).toEqual([]);
      expect((await press(html)).status).toBe(200);
      expectUsed(await press(html));
    });
  });
});
