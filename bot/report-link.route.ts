import { createHash, randomUUID } from 'node:crypto';
import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod/v4';
import { renderGovernorsReportCsv, renderGovernorsReportHtml } from '../services/reports';
import { londonWallClock } from '../services/shared/london-time';
import type { Clock } from '../services/shared/time';
import type { CaseRuntime } from './case-runtime';
import type { ProductStore } from './compose';
import { currentCorrelationId } from './logger';
import { governorsReportFor, REPORT_LINK_MINUTES } from './report-link';
import type { ReportLinks } from './report-link';

// GET /reports/governors/:token[?format=csv] — the headteacher opens the full governors' report from the link on
// their summary card (R-RPT-1, R-PRV-1). The link is checked, then whether its person is still the headteacher,
// then the report is built fresh and the opening audited. A refusal is a short page saying what to do, never any
// of the report. The token is a credential: it is never logged.

const ASK_AGAIN = 'Ask for a new link: type “governors report” in your chat with the bot.';
const PAGE_STYLE = 'body{font-family:Arial,Helvetica,sans-serif;color:#1b1b1b;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5}h1{font-size:1.4rem}';
const TOKEN_LIKE = /[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{43}/g;
const querySchema = z.object({ format: z.enum(['html', 'csv']).default('html') });

const PAGES = {
  'LINK.INVALID': { status: 403, title: 'This link does not work', text: ['It may have been copied only in part, or changed. The report opens only from a link exactly as the bot made it.', ASK_AGAIN] },
  'LINK.EXPIRED': { status: 410, title: 'This link has expired', text: [`Links to the governors’ report work for ${REPORT_LINK_MINUTES} minutes, so that the report is not left open for anyone else to find.`, ASK_AGAIN] },
  'LINK.NOT_HEAD': {
    status: 403,
    title: 'This report is for the headteacher',
    text: ['The link was made for someone who is not the headteacher of the school now, so it no longer opens the report.', `If you are the headteacher: ${ASK_AGAIN.charAt(0).toLowerCase()}${ASK_AGAIN.slice(1)}`],
  },
  'LINK.BAD_ADDRESS': { status: 400, title: 'That address is not quite right', text: ['Part of the address was changed, so I cannot tell what to show.', ASK_AGAIN] },
} as const;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

/** Only the page's own inline styles, allowed by hash: no scripts, nothing fetched, no forms, no framing. */
function strictPolicy(html: string): string {
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1] ?? '').digest('base64')}'`);
  return `default-src 'none'; style-src ${styles.join(' ') || "'none'"}; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
}

function privateHeaders(res: Response): void {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Robots-Tag', 'noindex, nofollow');
  res.setHeader('X-Content-Type-Options', 'nosniff');
}

function sendHtml(res: Response, status: number, html: string): void {
  privateHeaders(res);
  res.setHeader('Content-Security-Policy', strictPolicy(html));
  res.status(status).type('html').send(html);
}

function sendPage(res: Response, status: number, title: string, paragraphs: readonly string[]): void {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('');
  const html = `<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${PAGE_STYLE}</style></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>\n`;
  sendHtml(res, status, html);
}

/** What the route needs. */
export interface ReportLinkRouteDeps {
  store: ProductStore;
  runtime: CaseRuntime;
  links: ReportLinks;
  clock: Clock;
  logger: Logger;
}

/** The report link's routes, to be mounted at `/reports`. */
export function reportLinkRouter({ store, runtime, links, clock, logger }: ReportLinkRouteDeps): express.Router {
  const router = express.Router();
  const refuse = (res: Response, code: keyof typeof PAGES, ids: Record<string, string> = {}) => {
    logger.info({ event: 'report.link-refused', reason: code, ...ids }, 'report link refused');
    const page = PAGES[code];
    sendPage(res, page.status, page.title, page.text);
  };

  // A HEAD (a link checker, a preview) is not someone opening the report: it neither builds nor audits it.
  router.head('/governors/:token', (_req, res) => {
    privateHeaders(res);
    res.setHeader('Allow', 'GET');
    res.status(405).end();
  });

  router.get('/governors/:token', async (req: Request<{ token: string }>, res: Response) => {
    const query = querySchema.safeParse(req.query);
    if (!query.success) return refuse(res, 'LINK.BAD_ADDRESS');
    const checked = links.check(req.params.token);
    if (!checked.ok) return refuse(res, checked.error.code);
    const { schoolId, personId, cycleYear } = checked.value;
    // Stored state decides, not the link: someone who stopped being the headteacher cannot use an old one.
    const [school, person] = await Promise.all([store.schools.get(schoolId), store.people.get(schoolId, personId)]);
    if (!school || !person || person.leftOn !== null || !person.headteacher) return refuse(res, 'LINK.NOT_HEAD', { schoolId, personId });

    const report = await governorsReportFor(store, runtime, school, cycleYear, londonWallClock(clock.now()).day);
    if (!report.ok) {
      logger.warn({ event: 'report.governors-failed', schoolId, code: report.error.code }, 'governors report could not be built');
      return sendPage(res, 500, 'The report could not be put together', [report.error.message, 'Please tell your administrator.']);
    }
    const format = query.data.format;
    await store.audit.append({
      id: randomUUID(), schoolId, caseId: null, actorId: personId, action: format === 'csv' ? 'report.governors.downloaded' : 'report.governors.opened', at: clock.now().toISOString(), channel: 'system',
    });
    logger.info({ event: 'report.governors.opened', schoolId, personId, cycleYear, format }, 'governors report opened from a link');
    if (format === 'html') return sendHtml(res, 200, renderGovernorsReportHtml(report.value));
    privateHeaders(res);
    res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'; sandbox");
    res.setHeader('Content-Disposition', `attachment; filename="governors-report-${cycleYear}.csv"`);
    res.status(200).type('text/csv; charset=utf-8').send(renderGovernorsReportCsv(report.value));
  });

  // Anything unexpected under /reports: a short page with a reference, never a stack trace, and no token in the log.
  router.use((error: Error & { status?: number }, _req: Request, res: Response, _next: NextFunction) => {
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status < 500) return refuse(res, 'LINK.BAD_ADDRESS');
    const reference = currentCorrelationId() ?? randomUUID();
    const scrub = (text: string | undefined) => text?.replace(TOKEN_LIKE, '[link]');
    logger.error({ event: 'report.link-error', reference, err: { name: error.name, message: scrub(error.message), stack: scrub(error.stack) } }, 'unhandled error opening a report link');
    sendPage(res, 500, 'Something went wrong', ['The report could not be shown. Please try again in a minute.', `If it happens again, tell your administrator and give them this reference: ${reference}.`]);
  });
  return router;
}
