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
import { governorsCycleLabel, governorsReportFor, REPORT_LINK_MINUTES, reportLinkUsed, useReportLink } from './report-link';
import type { ReportLinks } from './report-link';

// /reports/governors/:token[?format=csv] — the headteacher opens the full governors' report from the link on their
// summary card (R-RPT-1, R-PRV-1). The link opens the report once, and only by a deliberate press: a GET, which
// link checkers and chat previews also make, checks the link and answers a small page with a button; the button
// POSTs to the same address, which checks the link again, takes its one use, audits the opening and serves the
// report. A refusal is a short page saying what to do, never any of the report. The token is a credential: it is
// never logged.

const ASK_AGAIN = 'Ask for a new link: type “governors report” in your chat with the bot.';
const PAGE_STYLE =
  'body{font-family:Arial,Helvetica,sans-serif;color:#1b1b1b;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5}h1{font-size:1.4rem}' +
  'button{font:inherit;font-weight:bold;color:#fff;background:#1d4f91;border:0;border-radius:4px;padding:.6rem 1.2rem;cursor:pointer}';
const TOKEN_LIKE = /[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{43}/g;
const querySchema = z.object({ format: z.enum(['html', 'csv']).default('html') });
// The button sends no fields; anything more than a few bytes is not from it.
const BODY_LIMIT_BYTES = 64;

const PAGES = {
  'LINK.INVALID': { status: 403, title: 'This link does not work', text: ['It may have been copied only in part, or changed. The report opens only from a link exactly as the bot made it.', ASK_AGAIN] },
  'LINK.EXPIRED': { status: 410, title: 'This link has expired', text: [`Links to the governors’ report work for ${REPORT_LINK_MINUTES} minutes, so that the report is not left open for anyone else to find.`, ASK_AGAIN] },
  'LINK.USED': { status: 410, title: 'This link has already been used', text: ['Each link opens the report once, so that nobody else who comes across it can open the report again.', ASK_AGAIN] },
  'LINK.NOT_HEAD': {
    status: 403,
    title: 'This report is for the headteacher',
    text: ['The link was made for someone who is not the headteacher of the school now, so it no longer opens the report.', `If you are the headteacher: ${ASK_AGAIN.charAt(0).toLowerCase()}${ASK_AGAIN.slice(1)}`],
  },
  'LINK.BAD_ADDRESS': { status: 400, title: 'That address is not quite right', text: ['Part of the address was changed, so I cannot tell what to show.', ASK_AGAIN] },
  'LINK.TOO_LARGE': { status: 413, title: 'That was not the button on the page', text: ['The button sends nothing with it, and this request sent more, so it was refused. Open the link again and press the button.'] },
} as const;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

/**
 * Only the page's own inline styles, allowed by hash: no scripts, nothing fetched, no framing. A form may post only
 * where `formAction` says: back to this server for the page with the button, nowhere for every other page.
 */
function strictPolicy(html: string, formAction: "'none'" | "'self'"): string {
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1] ?? '').digest('base64')}'`);
  return `default-src 'none'; style-src ${styles.join(' ') || "'none'"}; img-src 'none'; base-uri 'none'; form-action ${formAction}; frame-ancestors 'none'`;
}

function privateHeaders(res: Response): void {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Robots-Tag', 'noindex, nofollow');
  res.setHeader('X-Content-Type-Options', 'nosniff');
}

function sendHtml(res: Response, status: number, html: string, formAction: "'none'" | "'self'" = "'none'"): void {
  privateHeaders(res);
  res.setHeader('Content-Security-Policy', strictPolicy(html, formAction));
  res.status(status).type('html').send(html);
}

function pageHtml(title: string, body: string): string {
  return `<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${PAGE_STYLE}</style></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>\n`;
}

function sendPage(res: Response, status: number, title: string, paragraphs: readonly string[]): void {
  sendHtml(res, status, pageHtml(title, paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')));
}

/** The page a GET answers: what the link is for and a button that opens it; none of the report. */
function sendConfirmPage(res: Response, token: string, format: 'html' | 'csv', schoolName: string, cycleLabel: string): void {
  // Posts back to this same address (the token is the path's last part), keeping the format.
  const action = `${token}${format === 'csv' ? '?format=csv' : ''}`;
  const button = format === 'csv' ? 'Download the CSV' : 'Open the report';
  const body = [
    `<p>This link works once, and for ${REPORT_LINK_MINUTES} minutes from when the bot made it. Press the button when you are ready; after that, the link will not open again.</p>`,
    `<form method="post" action="${escapeHtml(action)}"><button type="submit">${button}</button></form>`,
  ].join('');
  sendHtml(res, 200, pageHtml(`Governors’ report for ${schoolName}, ${cycleLabel}`, body), "'self'");
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

  /**
   * Everything a link must pass on GET and on POST: its address, its signature and expiry, and that its person is
   * still the headteacher (stored state decides, not the link). Refuses and returns null otherwise. Whether the
   * link has been used is not known here: the store's idempotency keys answer only by taking the key, which would
   * use the link up on a GET; the POST takes it and answers 410 for a used link.
   */
  async function checked(req: Request<{ token: string }>, res: Response) {
    const refused = (...args: Parameters<typeof refuse>) => {
      refuse(...args);
      return null;
    };
    const query = querySchema.safeParse(req.query);
    if (!query.success) return refused(res, 'LINK.BAD_ADDRESS');
    const link = links.check(req.params.token);
    if (!link.ok) return refused(res, link.error.code);
    const { schoolId, personId } = link.value;
    const [school, person] = await Promise.all([store.schools.get(schoolId), store.people.get(schoolId, personId)]);
    if (!school || !person || person.leftOn !== null || !person.headteacher) return refused(res, 'LINK.NOT_HEAD', { schoolId, personId });
    return { claims: link.value, school, format: query.data.format };
  }

  // A HEAD (a link checker, a preview) is not someone opening the report: it neither builds nor audits it.
  router.head('/governors/:token', (_req, res) => {
    privateHeaders(res);
    res.setHeader('Allow', 'GET, POST');
    res.status(405).end();
  });

  // A GET only shows the button: it neither builds the report, nor audits, nor uses the link up.
  router.get('/governors/:token', async (req: Request<{ token: string }>, res: Response) => {
    const link = await checked(req, res);
    if (!link) return;
    // A used link says so at once, rather than offering a button that can no longer work.
    if (await reportLinkUsed(store.idempotency, link.claims, clock.now().toISOString())) return refuse(res, 'LINK.USED', { schoolId: link.school.id, personId: link.claims.personId });
    const cycleLabel = await governorsCycleLabel(runtime, link.school.id, link.claims.cycleYear);
    sendConfirmPage(res, req.params.token, link.format, link.school.name, cycleLabel);
  });

  // The press. No CSRF token is needed: there is no cookie or session to ride on, and the token in the path is
  // itself the secret — a page that knows it could open the report anyway, and one that does not cannot post here.
  router.post('/governors/:token', express.raw({ type: () => true, limit: BODY_LIMIT_BYTES }), async (req: Request<{ token: string }>, res: Response) => {
    const link = await checked(req, res);
    if (!link) return;
    const { schoolId, personId, cycleYear } = link.claims;
    const report = await governorsReportFor(store, runtime, link.school, cycleYear, londonWallClock(clock.now()).day);
    if (!report.ok) {
      logger.warn({ event: 'report.governors-failed', schoolId, code: report.error.code }, 'governors report could not be built');
      return sendPage(res, 500, 'The report could not be put together', [report.error.message, 'Please tell your administrator.']);
    }
    // Taken only once the report is ready, so a report that cannot be built leaves the link usable (R-PRV-1).
    if (!(await useReportLink(store.idempotency, link.claims, clock.now().toISOString()))) return refuse(res, 'LINK.USED', { schoolId, personId });
    const format = link.format;
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
    if (status === 413) return refuse(res, 'LINK.TOO_LARGE');
    if (status < 500) return refuse(res, 'LINK.BAD_ADDRESS');
    const reference = currentCorrelationId() ?? randomUUID();
    const scrub = (text: string | undefined) => text?.replace(TOKEN_LIKE, '[link]');
    logger.error({ event: 'report.link-error', reference, err: { name: error.name, message: scrub(error.message), stack: scrub(error.stack) } }, 'unhandled error opening a report link');
    sendPage(res, 500, 'Something went wrong', ['The report could not be shown. Please try again in a minute.', `If it happens again, tell your administrator and give them this reference: ${reference}.`]);
  });
  return router;
}
