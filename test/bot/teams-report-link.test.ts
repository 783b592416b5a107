import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_SCHOOL_ID } from '../../bot/dev/demo-school';
import { REPORT_LINK_SECRET_FILE } from '../../bot/report-link';
import { cardProblems } from '../support/card-checks';
import { identifiers, KNOWN_TABLE, linksOn, priya, sam, decode, encode, signed, tokenOf, cardOf, PUBLIC_URL, useReportLinkServer } from './report-link-harness';
import { aMessage } from '../support/teams-activities';
import { postJson } from '../support/test-server';

// The headteacher opens the full governors' report from the link on their summary card (R-RPT-1, R-PRV-1): the
// link works for 15 minutes, only while its person is the headteacher, only as the server signed it; every
// opening is audited and no token reaches the log. Single use is in report-link-single-use.test.ts.

describe('the head opens the full governors’ report from a short-lived link (R-RPT-1, R-PRV-1)', () => {
  const t = useReportLinkServer();
  const { askForLinks, open, press, withToken, auditOfOpenings, expectNothingOfTheReport } = t;

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
    t.h.clock.advanceMs(15 * 60_000 - 1000);
    expect((await open(html)).status).toBe(200);
    expect((await press(html)).status).toBe(200);
    t.h.clock.advanceMs(1000);
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
    t.h.clock.advanceMs(16 * 60_000);
    const extended = withToken(html, `${encode({ ...claims, e: t.h.clock.now().getTime() + 60_000 })}.${mac}`);
    expect([(await open(extended)).status, (await press(extended)).status]).toEqual([403, 403]);
    expect((await press(html)).status).toBe(410);
    expect(auditOfOpenings()).toEqual([]);
  });

  it('R-PRV-1: someone who is no longer the headteacher, or has left, cannot use a link made for them (403 on GET and on POST)', async () => {
    const { html } = await askForLinks();
    const head = await t.h.store.people.get(DEMO_SCHOOL_ID, 'p-head');
    if (!head) throw new Error('no head');
    await t.h.store.people.upsert({ ...head, headteacher: false });
    for (const res of [await open(html), await press(html)]) {
      expect(res.status).toBe(403);
      expect(res.text).toContain('This report is for the headteacher');
      expectNothingOfTheReport(res.text);
    }

    await t.h.store.people.upsert({ ...head, leftOn: '2026-03-01' });
    for (const res of [await open(html), await press(html)]) {
      expect(res.status).toBe(403);
      expectNothingOfTheReport(res.text);
    }

    // The refusals did not use the link up.
    await t.h.store.people.upsert(head);
    expect((await press(html)).status).toBe(200);
  });

  it('R-PRV-1: another person’s link cannot be made without the server’s secret; with it, it could', async () => {
    const { html } = await askForLinks();
    const tom = await t.h.store.people.get(DEMO_SCHOOL_ID, 'p-tom');
    if (!tom) throw new Error('no Tom');
    await t.h.store.people.upsert({ ...tom, headteacher: true });
    const { claims } = decode(tokenOf(html));
    const forTom = { ...claims, p: 'p-tom', n: 'ForTomForTom' };
    for (const guess of ['', 'secret', 'x'.repeat(64), PUBLIC_URL, DEMO_SCHOOL_ID]) {
      const res = await press(withToken(html, signed(guess, forTom)));
      expect(res.status).toBe(403);
      expectNothingOfTheReport(res.text);
    }
    // The control: the same claims under the secret kept in the data folder open the report.
    const secret = fs.readFileSync(path.join(t.h.dataDir, REPORT_LINK_SECRET_FILE), 'utf8').trim();
    expect((await press(withToken(html, signed(secret, forTom)))).status).toBe(200);
  });

  it('R-PRV-1: every opening is in the audit log with ids only; refusals open nothing; no token reaches the log', async () => {
    const { html, csv } = await askForLinks();
    await press(html);
    t.h.clock.advanceMs(1000);
    await press(csv);
    await press(withToken(html, 'not-a-link'));
    await press(html);
    t.h.clock.advanceMs(15 * 60_000);
    await press(csv);
    const openings = auditOfOpenings();
    expect(openings.map((e) => [e.action, e.actorId, e.schoolId, e.caseId, e.channel])).toEqual([
      ['report.governors.opened', 'p-head', DEMO_SCHOOL_ID, null, 'system'],
      ['report.governors.downloaded', 'p-head', DEMO_SCHOOL_ID, null, 'system'],
    ]);
    for (const e of openings) expect(Object.keys(e).sort()).toEqual(['action', 'actorId', 'at', 'caseId', 'channel', 'id', 'schemaVersion', 'schoolId']);
    const log = t.h.logLines.join('');
    expect(log).toContain('"event":"report.governors.opened"');
    expect(log).toContain('"reason":"LINK.USED"');
    expect(log).toContain('"reason":"LINK.EXPIRED"');
    for (const token of [tokenOf(html), tokenOf(csv)]) for (const part of [token, ...token.split('.')]) expect(log).not.toContain(part);
  });

  it('R-PRV-1: the report link is given only in a one-to-one chat, and only to the headteacher', async () => {
    await postJson(`${t.h.base}/api/messages`, aMessage(priya, t.connector.url, 'governors report', { conversation: { id: '19:staffroom@thread.v2', conversationType: 'groupChat', tenantId: priya.tenantId } }));
    await t.connector.waitForCalls(1);
    expect(JSON.stringify(t.connector.calls[0]?.body)).toContain('I only talk about appraisals in a private chat');
    expect(JSON.stringify(t.connector.calls[0]?.body)).not.toContain('/reports/governors/');

    await postJson(`${t.h.base}/api/messages`, aMessage(sam, t.connector.url, 'governors report'));
    await t.connector.waitForCalls(2);
    expect(JSON.stringify(t.connector.calls[1]?.body)).toContain('Only the headteacher');
    expect(linksOn(t.connector.calls[1]?.body)).toEqual([]);
    expect(auditOfOpenings()).toEqual([]);
  });
});
