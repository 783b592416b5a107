import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openProductStore } from '../../bot/compose';
import { DEMO_SCHOOL_ID } from '../../bot/dev/demo-school';
import { createLogger } from '../../bot/logger';
import { createHttpApp } from '../../bot/server';
import { identifiers, KNOWN_TABLE, useReportLinkServer } from './report-link-harness';

// A report link opens once, and only by a deliberate press: a link checker or a preview (GET) never uses it up,
// and a link used on one replica is refused on every other (R-PRV-1, R-RPT-1).

describe('single use, by a deliberate press (R-PRV-1, R-RPT-1)', () => {
  const t = useReportLinkServer();
  const { askForLinks, send, open, press, auditOfOpenings, expectNothingOfTheReport, expectUsed, formTarget } = t;

  it('R-PRV-1, R-RPT-1: opening the link (GET) shows only a button to open the report, audits nothing and does not use it up: GET twice, then the press opens it once', async () => {
    const { html, csv } = await askForLinks();
    const school = await t.h.store.schools.get(DEMO_SCHOOL_ID);
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
        expect(formTarget(`${t.h.base}${new URL(url).pathname}${new URL(url).search}`, res.text)).toBe(`${t.h.base}${new URL(url).pathname}${new URL(url).search}`);
        expectNothingOfTheReport(res.text);
        for (const id of identifiers) expect(res.text).not.toContain(id);
      }
    }
    expect(auditOfOpenings()).toEqual([]);
    expect(t.h.logLines.join('')).not.toContain('report.governors.opened');
    expect((await press(html)).status).toBe(200);
    expectUsed(await press(html));
    // Once used, opening the link says so straight away instead of offering a button that cannot work.
    expectUsed(await open(html));
    expect((await open(csv)).status).toBe(200);
  });

  it('R-PRV-1: the press serves the report once; a second press is refused (410) with what to do and nothing of the report, and only one opening is audited', async () => {
    const { html } = await askForLinks();
    const first = await press(html);
    expect(first.status).toBe(200);
    expect(first.text).toContain(KNOWN_TABLE);
    t.h.clock.advanceMs(60_000);
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
    t.h.clock.advanceMs(1000);
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
    const target = formTarget(`${t.h.base}${new URL(html).pathname}`, page.text) ?? '';
    expect(new URL(target).origin).toBe(t.h.base);
    expect((await press(target)).status).toBe(200);
    expectUsed(await press(target));
  });

  it('R-PRV-1: a link used on one replica is refused on another replica over the same store', async () => {
    const { html, csv } = await askForLinks();
    const replicaStore = await openProductStore(t.h.config);
    const replica: Server = await new Promise((resolve) => {
      const s = createHttpApp({ config: t.h.config, store: replicaStore, logger: createLogger('silent'), clock: t.h.clock }).listen(0, '127.0.0.1', () => resolve(s));
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
